#include "lint/suppress/suppressions.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string_view>

#include "lint/base/edit_distance.h"
#include "lint/base/glob.h"
#include "lint/base/limits.h"
#include "lint/text/strings.h"

namespace claimlint {
namespace {

struct Keyword {
  const char* name;
  DirectiveKind kind;
};
constexpr Keyword kKeywords[] = {
    {"claimlint-disable-next-line", DirectiveKind::kDisableNextLine},
    {"claimlint-disable-line", DirectiveKind::kDisableLine},
    {"claimlint-disable", DirectiveKind::kDisable},
    {"claimlint-enable", DirectiveKind::kEnable},
    {"claimlint-disable-file", DirectiveKind::kDisableFile},
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

struct Token {
  std::string text;
  std::size_t offset = 0;  // in the string split
};

std::vector<Token> Tokens(std::string_view s) {
  std::vector<Token> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || IsSpace(s[i]) || s[i] == ',') {
      if (i > start) out.push_back({std::string(s.substr(start, i - start)), start});
      start = i + 1;
    }
  }
  return out;
}

// Where a comment's (trimmed) body starts in the source; npos when it cannot
// be found there.
std::size_t BodyOffset(const Document& doc, const HtmlComment& c) {
  std::size_t p = c.src_begin + 4;
  while (p < c.src_end && p < doc.text.size() &&
         std::isspace(static_cast<unsigned char>(doc.text[p]))) {
    ++p;
  }
  if (doc.text.compare(p, c.body.size(), c.body) != 0) return std::string::npos;
  return p;
}

// True for a comment that means to be a directive: its first word is
// "claimlint" or starts with "claimlint-" / "claimlint:".
bool LooksLikeDirective(const std::string& word) {
  if (word.rfind("claimlint", 0) != 0) return false;
  return word.size() == 9 || word[9] == '-' || word[9] == ':' || word[9] == '_';
}

// Rule ids are dotted ("claim.detox"); globs may be "*" or "claim.*".
bool LooksLikeRule(std::string_view t) {
  if (t.find_first_of(".*?") == std::string_view::npos) return false;
  return std::all_of(t.begin(), t.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_' ||
           c == '*' || c == '?' || c == '[' || c == ']' || c == '!';
  });
}

Finding Bad(const HtmlComment& c, std::string message) {
  Finding f;
  f.rule = kBadSuppressionRule;
  f.category = Category::kMeta;
  f.severity = Severity::kWarning;
  f.message = std::move(message);
  f.begin = c.src_begin;
  f.end = c.src_end;
  f.suggestion =
      "Write <!-- claimlint-disable-next-line RULE -- reason --> (or -disable-line, -disable, "
      "-enable, -disable-file).";
  return f;
}

// For each line, the first line at or after it that disable-next-line can
// cover: neither blank nor only comments (0 when none). One sweep over the
// text, comments in source order.
std::vector<int> NextProseLines(const Document& doc,
                                const std::vector<const HtmlComment*>& comments) {
  int lines = doc.index.line_count();
  std::vector<int> next(static_cast<std::size_t>(lines) + 2, 0);
  std::size_t c = 0;
  for (int line = 1; line <= lines; ++line) {
    std::size_t b = doc.index.LineStart(line), e = doc.index.LineEnd(line);
    bool prose = false;
    for (std::size_t p = b; p < e && !prose; ++p) {
      while (c < comments.size() && comments[c]->src_end <= p) ++c;
      if (c < comments.size() && comments[c]->src_begin <= p) {
        p = comments[c]->src_end - 1;  // skip the comment
      } else {
        prose = !IsSpace(doc.text[p]);
      }
    }
    next[line] = prose ? line : -1;
  }
  for (int line = lines; line >= 1; --line) {
    if (next[line] < 0) next[line] = next[line + 1];
  }
  return next;
}

bool Matches(const Directive& d, const std::string& rule, std::size_t* token) {
  if (d.rules.empty()) {
    *token = 0;
    return true;
  }
  for (std::size_t i = 0; i < d.rules.size(); ++i) {
    if (RuleGlobMatch(d.rules[i], rule)) {
      *token = i;
      return true;
    }
  }
  return false;
}

std::string Keyword(DirectiveKind kind) {
  for (const auto& k : kKeywords) {
    if (k.kind == kind) return k.name;
  }
  return "";
}

}  // namespace

ParsedDirectives ParseDirectives(const Document& doc) {
  ParsedDirectives out;
  std::vector<const HtmlComment*> comments;
  for (const HtmlComment& c : doc.comments) comments.push_back(&c);
  std::sort(comments.begin(), comments.end(),
            [](const HtmlComment* a, const HtmlComment* b) { return a->src_begin < b->src_begin; });
  std::vector<int> next_prose;  // computed at the first disable-next-line
  for (const HtmlComment* c : comments) {
    std::string_view body = TrimView(c->body);
    std::string_view head = body;
    std::string reason;
    // " -- reason": the first "--" that starts a word.
    for (std::size_t p = body.find("--"); p != std::string_view::npos; p = body.find("--", p + 2)) {
      if (p > 0 && IsSpace(body[p - 1])) {
        head = body.substr(0, p);
        reason = std::string(TrimView(body.substr(p + 2)));
        break;
      }
    }
    std::vector<Token> tokens = Tokens(head);
    if (tokens.empty()) continue;
    std::string word = Lower(tokens[0].text);
    if (!LooksLikeDirective(word)) continue;
    if (!word.empty() && word.back() == ':') word.pop_back();
    const auto* kw = std::find_if(std::begin(kKeywords), std::end(kKeywords),
                                  [&](const auto& k) { return word == k.name; });
    if (kw == std::end(kKeywords)) {
      const char* best = kKeywords[0].name;
      for (const auto& k : kKeywords) {
        if (EditDistance(word, k.name) < EditDistance(word, best)) best = k.name;
      }
      out.bad.push_back(Bad(*c, "unknown suppression '" + tokens[0].text + "'; did you mean '" +
                                    best + "'? It suppresses nothing."));
      continue;
    }
    Directive d;
    d.kind = kw->kind;
    d.reason = reason;
    d.text = std::string(body);
    d.begin = c->src_begin;
    d.end = c->src_end;
    d.line = c->line;
    if (tokens.size() - 1 > limits::kSuppressionRules) {
      out.bad.push_back(Bad(*c, "'" + std::string(kw->name) + "' names " +
                                    std::to_string(tokens.size() - 1) +
                                    " rules; a directive may "
                                    "name at most " +
                                    std::to_string(limits::kSuppressionRules) +
                                    " (docs/limits.md). It suppresses nothing"));
      continue;
    }
    // The body is a piece of the source; its tokens are located there.
    std::size_t at = BodyOffset(doc, *c);
    auto range = [&](const Token& t) {
      if (at == std::string::npos) return SourceRange{c->src_begin, c->src_end};
      std::size_t b = at + static_cast<std::size_t>(head.data() - c->body.data()) + t.offset;
      return SourceRange{b, b + t.text.size()};
    };
    d.keyword = range(tokens[0]);
    bool ok = true;
    for (std::size_t i = 1; i < tokens.size() && ok; ++i) {
      if (!LooksLikeRule(tokens[i].text)) {
        out.bad.push_back(Bad(*c, "'" + tokens[i].text + "' in '" + kw->name +
                                      "' is not a rule id or glob (put a reason after ' -- '); "
                                      "the directive suppresses nothing"));
        ok = false;
      }
      d.rules.push_back(Lower(tokens[i].text));
      d.rule_ranges.push_back(range(tokens[i]));
    }
    if (!ok) continue;
    if (d.kind == DirectiveKind::kDisableNextLine) {
      if (next_prose.empty()) next_prose = NextProseLines(doc, comments);
      int after = c->end_line + 1;
      d.target_line = after < static_cast<int>(next_prose.size()) ? next_prose[after] : 0;
    }
    if (d.kind == DirectiveKind::kDisableLine) d.target_line = c->line;
    out.directives.push_back(std::move(d));
  }
  return out;
}

SuppressionOutcome ApplySuppressions(const Document& doc, std::vector<Finding>* findings) {
  SuppressionOutcome outcome;
  if (doc.comments.empty()) return outcome;
  ParsedDirectives parsed = ParseDirectives(doc);
  const std::vector<Directive>& ds = parsed.directives;
  std::vector<std::vector<bool>> used(ds.size());
  for (std::size_t i = 0; i < ds.size(); ++i)
    used[i].assign(std::max<std::size_t>(1, ds[i].rules.size()), false);

  // Index the directives: by covered line, file-wide, and ranges in order.
  std::multimap<int, std::size_t> by_line;
  std::vector<std::size_t> file_wide, ranges;
  for (std::size_t i = 0; i < ds.size(); ++i) {
    switch (ds[i].kind) {
      case DirectiveKind::kDisableNextLine:
      case DirectiveKind::kDisableLine:
        if (ds[i].target_line > 0) by_line.emplace(ds[i].target_line, i);
        break;
      case DirectiveKind::kDisableFile:
        file_wide.push_back(i);
        break;
      case DirectiveKind::kDisable:
      case DirectiveKind::kEnable:
        ranges.push_back(i);
        break;
    }
  }
  auto covers = [&](std::size_t i, const Finding& f) {
    std::size_t token = 0;
    if (!Matches(ds[i], f.rule, &token)) return false;
    used[i][token] = true;
    return true;
  };

  std::vector<Finding> kept;
  kept.reserve(findings->size());
  for (Finding& f : *findings) {
    bool hidden = false;
    if (f.rule.rfind("input.", 0) != 0 && f.rule.rfind("meta.", 0) != 0) {
      for (std::size_t i : file_wide) hidden = covers(i, f) || hidden;
      // The line a finding starts on, from its byte offset (findings need not
      // be finalized yet).
      int line = doc.index.At(doc.text, f.begin).line;
      auto [lo, hi] = by_line.equal_range(line);
      for (auto it = lo; it != hi; ++it) hidden = covers(it->second, f) || hidden;
      // The last disable/enable naming the rule before the finding decides.
      auto end = std::upper_bound(ranges.begin(), ranges.end(), f.begin,
                                  [&](std::size_t pos, std::size_t i) { return pos < ds[i].end; });
      for (auto it = end; it != ranges.begin();) {
        const Directive& d = ds[*--it];
        std::size_t token = 0;
        if (!Matches(d, f.rule, &token)) continue;
        if (d.kind == DirectiveKind::kDisable) {
          used[*it][token] = true;
          hidden = true;
        }
        break;
      }
    }
    if (hidden) {
      ++outcome.suppressed;
      outcome.hidden.push_back(std::move(f));
    } else {
      kept.push_back(std::move(f));
    }
  }
  for (Finding& f : parsed.bad) kept.push_back(std::move(f));
  for (std::size_t i = 0; i < ds.size(); ++i) {
    const Directive& d = ds[i];
    if (d.kind == DirectiveKind::kEnable) continue;
    for (std::size_t t = 0; t < used[i].size(); ++t) {
      if (used[i][t]) continue;
      Finding f;
      f.rule = kUnusedSuppressionRule;
      f.category = Category::kMeta;
      f.severity = Severity::kInfo;
      f.message = d.rules.empty() ? "unused suppression: '" + Keyword(d.kind) + "' hides no finding"
                                  : "unused suppression: '" + Keyword(d.kind) + "' hides no " +
                                        d.rules[t] + " finding";
      f.suggestion = d.rules.size() > 1 ? "Remove " + d.rules[t] + " from the directive."
                                        : "Remove the directive.";
      SourceRange at = d.rules.empty() ? d.keyword : d.rule_ranges[t];
      f.begin = at.begin;
      f.end = at.end;
      kept.push_back(std::move(f));
    }
  }
  *findings = std::move(kept);
  return outcome;
}

}  // namespace claimlint
