#include "lint/lsp/code_actions.h"

#include <set>
#include <string_view>

#include "lint/lsp/config_edit.h"
#include "lint/lsp/documents.h"

namespace claimlint::lsp {
namespace {

using nlohmann::json;

std::string_view LineText(const LintedText& l, std::size_t line) {
  std::size_t b = l.index.LineStart(line);
  return std::string_view(l.text).substr(b, l.index.LineEnd(l.text, line) - b);
}

bool IsBlank(std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; }

std::string_view TrimLeft(std::string_view s) {
  std::size_t n = s.find_first_not_of(" \t");
  return n == std::string_view::npos ? std::string_view() : s.substr(n);
}

bool IsCommentLine(std::string_view s) {
  s = TrimLeft(s);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s.substr(0, 4) == "<!--" && s.size() >= 7 && s.substr(s.size() - 3) == "-->";
}

bool IsAtxHeading(std::string_view s) {
  std::size_t indent = s.find_first_not_of(' ');
  if (indent == std::string_view::npos || indent > 3) return false;
  s = s.substr(indent);
  std::size_t hashes = s.find_first_not_of('#');
  if (hashes == 0 || hashes > 6) return false;
  return hashes == std::string_view::npos || s[hashes] == ' ' || s[hashes] == '\t';
}

// A thematic break or a setext underline ("---", "***", "===", ...): a line
// of one repeated mark, which ends the block above it.
bool IsRuleLine(std::string_view s) {
  s = TrimLeft(s);
  if (s.empty()) return false;
  char mark = s[0];
  if (mark != '-' && mark != '*' && mark != '_' && mark != '=') return false;
  int n = 0;
  for (char c : s) {
    if (c == mark) {
      ++n;
    } else if (c != ' ' && c != '\t') {
      return false;
    }
  }
  return mark == '=' ? n >= 1 : n >= 3;
}

// The last line of the front matter (its closing fence), or -1 when none.
long FrontMatterEnd(const LintedText& l) {
  if (!l.markdown || l.index.line_count() < 2) return -1;
  std::string_view first = LineText(l, 0);
  if (first.substr(0, 3) == "\xEF\xBB\xBF") first.remove_prefix(3);
  if (first != "---") return -1;
  for (std::size_t i = 1; i < l.index.line_count(); ++i) {
    std::string_view t = LineText(l, i);
    if (t == "---" || t == "...") return static_cast<long>(i);
  }
  return -1;
}

std::string_view LineBreak(std::string_view text) {
  std::size_t nl = text.find_first_of("\r\n");
  if (nl == std::string_view::npos) return "\n";
  if (text[nl] == '\r') return nl + 1 < text.size() && text[nl + 1] == '\n' ? "\r\n" : "\r";
  return "\n";
}

std::string SnippetEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '$' || c == '}' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// An edit inserting `before` + reason + `after` at `offset`; the reason is
// a snippet placeholder when the client supports snippets.
json ReasonEdit(const LintedText& l, std::size_t offset, const std::string& before,
                const std::string& after, Encoding enc, const EditSupport& support) {
  json range = RangeJson(l.index, l.text, offset, offset, enc);
  if (support.snippets && support.document_changes) {
    return {{"range", range},
            {"snippet",
             {{"kind", "snippet"},
              {"value", SnippetEscape(before) + "${1:reason}" + SnippetEscape(after)}}}};
  }
  return {{"range", range}, {"newText", before + "reason" + after}};
}

json WorkspaceEditFor(const std::string& uri, std::optional<std::int64_t> version, json edits,
                      const EditSupport& support) {
  if (support.document_changes) {
    json id = {{"uri", uri}, {"version", version ? json(*version) : json(nullptr)}};
    return {{"documentChanges", json::array({{{"textDocument", id}, {"edits", edits}}})}};
  }
  return {{"changes", {{uri, edits}}}};
}

json Action(std::string title, const json& diagnostic, json edit, bool preferred = false) {
  json a = {{"title", std::move(title)},
            {"kind", "quickfix"},
            {"diagnostics", json::array({diagnostic})},
            {"edit", std::move(edit)}};
  if (preferred) a["isPreferred"] = true;
  return a;
}

std::optional<json> ReplaceAction(const LintedText& l, const Finding& f, const json& diagnostic,
                                  Encoding enc, const EditSupport& support) {
  if (!f.has_replacement || f.replace_end > l.text.size() || f.replace_begin > f.replace_end) {
    return std::nullopt;
  }
  std::string old = l.text.substr(f.replace_begin, f.replace_end - f.replace_begin);
  json edit = {{"range", RangeJson(l.index, l.text, f.replace_begin, f.replace_end, enc)},
               {"newText", f.replacement}};
  return Action("Replace \"" + old + "\" with \"" + f.replacement + "\"", diagnostic,
                WorkspaceEditFor(l.uri, l.version, json::array({edit}), support), true);
}

std::optional<json> SuppressAction(const LintedText& l, const Finding& f, const json& diagnostic,
                                   Encoding enc, const EditSupport& support) {
  const std::size_t line = l.index.ToPosition(l.text, f.begin, Encoding::kUtf8).line;
  const std::string_view eol = LineBreak(l.text);
  long fm_end = FrontMatterEnd(l);
  if (fm_end >= 0 && static_cast<long>(line) <= fm_end) {
    // Front matter cannot hold a comment: silence the rule for the file,
    // just below it.
    std::size_t at = static_cast<std::size_t>(fm_end) + 1 < l.index.line_count()
                         ? l.index.LineStart(static_cast<std::size_t>(fm_end) + 1)
                         : l.text.size();
    std::string lead = at == l.text.size() ? std::string(eol) : "";
    json edit = ReasonEdit(l, at, lead + "<!-- claimlint-disable-file " + f.rule + " -- ",
                           " -->" + std::string(eol), enc, support);
    return Action("Disable " + f.rule + " for this file (claimlint comment)", diagnostic,
                  WorkspaceEditFor(l.uri, l.version, json::array({edit}), support));
  }
  std::string_view text = LineText(l, line);
  bool above = !l.markdown || line == 0 || IsAtxHeading(text);
  if (!above) {
    std::string_view prev = LineText(l, line - 1);
    above = IsBlank(prev) || IsCommentLine(prev) || IsAtxHeading(prev) || IsRuleLine(prev) ||
            static_cast<long>(line) - 1 == fm_end;
  }
  json edit;
  if (above) {
    // The comment above the line, indented like it.
    std::string indent(text.substr(0, text.find_first_not_of(" \t") == std::string_view::npos
                                          ? 0
                                          : text.find_first_not_of(" \t")));
    edit = ReasonEdit(l, l.index.LineStart(line),
                      indent + "<!-- claimlint-disable-next-line " + f.rule + " -- ",
                      " -->" + std::string(eol), enc, support);
  } else {
    // Inside a paragraph or a list, a comment line above would split the
    // block when rendered; a comment at the end of the line does not. It
    // takes no reason: CommonMark ends an inline comment's text at "--".
    std::size_t at = l.index.LineEnd(l.text, line);
    edit = {{"range", RangeJson(l.index, l.text, at, at, enc)},
            {"newText", " <!-- claimlint-disable-line " + f.rule + " -->"}};
  }
  return Action("Disable " + f.rule + " for this line (claimlint comment)", diagnostic,
                WorkspaceEditFor(l.uri, l.version, json::array({edit}), support));
}

std::optional<json> ConfigAction(const Finding& f, const json& diagnostic, Encoding enc,
                                 const EditSupport& support, const ConfigChangeFor& config_for) {
  std::optional<ConfigChange> change = config_for(f.rule);
  if (!change) return std::nullopt;
  std::string title = "Turn " + f.rule + " off in " + change->label;
  if (!change->exists) {
    if (!support.create_files || !support.document_changes) return std::nullopt;
    json edit = {
        {"range",
         {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 0}}}}},
        {"newText", change->new_text}};
    json ops = json::array({{{"kind", "create"},
                             {"uri", change->uri},
                             {"options", {{"overwrite", false}, {"ignoreIfExists", true}}}},
                            {{"textDocument", {{"uri", change->uri}, {"version", nullptr}}},
                             {"edits", json::array({edit})}}});
    return Action(title, diagnostic, {{"documentChanges", ops}});
  }
  std::size_t b = 0, e = 0;
  std::string replacement;
  MinimalEdit(change->text, change->new_text, &b, &e, &replacement);
  LineIndex index(change->text);
  json edit = {{"range", RangeJson(index, change->text, b, e, enc)}, {"newText", replacement}};
  return Action(title, diagnostic,
                WorkspaceEditFor(change->uri, change->version, json::array({edit}), support));
}

}  // namespace

json CodeActions(const LintedText& linted, std::size_t begin, std::size_t end, Encoding enc,
                 const EditSupport& support, const ConfigChangeFor& config_for) {
  json out = json::array();
  if (!linted.result.error.empty()) return out;
  json diagnostics = Diagnostics(linted, enc);
  std::set<std::string> seen;  // one action of a kind per rule and line
  std::vector<json> replaces, suppresses, configs;
  for (std::size_t i = 0; i < linted.result.findings.size(); ++i) {
    const BufferFinding& bf = linted.result.findings[i];
    const Finding& f = bf.finding;
    bool overlaps = begin == end ? (f.begin <= begin && begin <= f.end)
                                 : (f.begin < end && begin < f.end) ||
                                       (f.begin == f.end && begin <= f.begin && f.begin <= end);
    if (!overlaps) continue;
    const json& d = diagnostics[i];
    if (auto a = ReplaceAction(linted, f, d, enc, support)) replaces.push_back(std::move(*a));
    std::string line = std::to_string(linted.index.ToPosition(linted.text, f.begin, enc).line);
    if (bf.suppressible && seen.insert("s " + f.rule + " " + line).second) {
      if (auto a = SuppressAction(linted, f, d, enc, support)) suppresses.push_back(*a);
    }
    if (seen.insert("c " + f.rule).second) {
      if (auto a = ConfigAction(f, d, enc, support, config_for)) configs.push_back(*a);
    }
  }
  for (auto* list : {&replaces, &suppresses, &configs}) {
    for (json& a : *list) out.push_back(std::move(a));
  }
  return out;
}

}  // namespace claimlint::lsp
