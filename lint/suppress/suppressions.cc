#include "lint/suppress/suppressions.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "lint/config/glob.h"

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

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::vector<std::string> Tokens(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (IsSpace(c) || c == ',') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::size_t Distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
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
  f.category = "meta";
  f.severity = Severity::kWarning;
  f.message = std::move(message);
  f.begin = c.src_begin;
  f.end = c.src_end;
  f.suggestion =
      "Write <!-- claimlint-disable-next-line RULE -- reason --> (or -disable-line, -disable, "
      "-enable, -disable-file).";
  return f;
}

// A line is skipped by disable-next-line when it is blank or holds only comments.
bool OnlyComments(const Document& doc, const std::vector<const HtmlComment*>& comments, int line) {
  std::size_t b = doc.index.LineStart(line), e = doc.index.LineEnd(line);
  for (std::size_t p = b; p < e; ++p) {
    if (IsSpace(doc.text[p])) continue;
    auto in = std::find_if(comments.begin(), comments.end(), [&](const HtmlComment* c) {
      return c->src_begin <= p && p < c->src_end;
    });
    if (in == comments.end()) return false;
    p = (*in)->src_end - 1;
  }
  return true;
}

int NextLine(const Document& doc, const std::vector<const HtmlComment*>& comments, int after) {
  for (int line = after + 1; line <= doc.index.line_count(); ++line) {
    if (!OnlyComments(doc, comments, line)) return line;
  }
  return 0;  // nothing follows
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
  for (const HtmlComment* c : comments) {
    std::string_view body = Trim(c->body);
    std::string_view head = body;
    std::string reason;
    // " -- reason": the first "--" that starts a word.
    for (std::size_t p = body.find("--"); p != std::string_view::npos; p = body.find("--", p + 2)) {
      if (p > 0 && IsSpace(body[p - 1])) {
        head = body.substr(0, p);
        reason = std::string(Trim(body.substr(p + 2)));
        break;
      }
    }
    std::vector<std::string> tokens = Tokens(head);
    if (tokens.empty()) continue;
    std::string word = Lower(tokens[0]);
    if (!LooksLikeDirective(word)) continue;
    if (!word.empty() && word.back() == ':') word.pop_back();
    const auto* kw = std::find_if(std::begin(kKeywords), std::end(kKeywords),
                                  [&](const auto& k) { return word == k.name; });
    if (kw == std::end(kKeywords)) {
      const char* best = kKeywords[0].name;
      for (const auto& k : kKeywords) {
        if (Distance(word, k.name) < Distance(word, best)) best = k.name;
      }
      out.bad.push_back(Bad(*c, "unknown suppression '" + tokens[0] + "'; did you mean '" + best +
                                    "'? It suppresses nothing."));
      continue;
    }
    Directive d;
    d.kind = kw->kind;
    d.reason = reason;
    d.text = std::string(body);
    d.begin = c->src_begin;
    d.end = c->src_end;
    d.line = c->line;
    bool ok = true;
    for (std::size_t i = 1; i < tokens.size() && ok; ++i) {
      if (!LooksLikeRule(tokens[i])) {
        out.bad.push_back(Bad(*c, "'" + tokens[i] + "' in '" + kw->name +
                                      "' is not a rule id or glob (put a reason after ' -- '); "
                                      "the directive suppresses nothing"));
        ok = false;
      }
      d.rules.push_back(Lower(tokens[i]));
    }
    if (!ok) continue;
    if (d.kind == DirectiveKind::kDisableNextLine)
      d.target_line = NextLine(doc, comments, c->end_line);
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

  std::vector<Finding> kept;
  kept.reserve(findings->size());
  for (Finding& f : *findings) {
    bool hidden = false;
    if (f.rule.rfind("input.", 0) != 0 && f.rule.rfind("meta.", 0) != 0) {
      int range_owner = -1;
      std::size_t range_token = 0;
      for (std::size_t i = 0; i < ds.size(); ++i) {
        const Directive& d = ds[i];
        std::size_t token = 0;
        bool line_kind =
            d.kind == DirectiveKind::kDisableNextLine || d.kind == DirectiveKind::kDisableLine;
        if (d.kind == DirectiveKind::kDisableFile ||
            (line_kind && d.target_line > 0 && d.target_line == f.line)) {
          if (Matches(d, f.rule, &token)) {
            used[i][token] = true;
            hidden = true;
          }
        } else if ((d.kind == DirectiveKind::kDisable || d.kind == DirectiveKind::kEnable) &&
                   d.end <= f.begin && Matches(d, f.rule, &token)) {
          // The last disable/enable naming the rule before the finding decides.
          range_owner = d.kind == DirectiveKind::kDisable ? static_cast<int>(i) : -1;
          range_token = token;
        }
      }
      if (range_owner >= 0) {
        used[range_owner][range_token] = true;
        hidden = true;
      }
    }
    if (hidden) {
      ++outcome.suppressed;
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
      f.category = "meta";
      f.severity = Severity::kInfo;
      f.message = d.rules.empty() ? "unused suppression: '" + Keyword(d.kind) + "' hides no finding"
                                  : "unused suppression: '" + Keyword(d.kind) + "' hides no " +
                                        d.rules[t] + " finding";
      f.suggestion = d.rules.size() > 1 ? "Remove " + d.rules[t] + " from the directive."
                                        : "Remove the directive.";
      f.begin = d.begin;
      f.end = d.end;
      kept.push_back(std::move(f));
    }
  }
  *findings = std::move(kept);
  return outcome;
}

}  // namespace claimlint
