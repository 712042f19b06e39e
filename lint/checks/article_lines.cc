#include "lint/checks/article_lines.h"

namespace claimlint::article_lines {

using re2::RE2;

std::vector<Line> LinesOf(std::string_view text) {
  std::vector<Line> out;
  std::size_t p = 0;
  while (p <= text.size()) {
    std::size_t e = text.find('\n', p);
    if (e == std::string_view::npos) e = text.size();
    out.push_back({p, e});
    p = e + 1;
  }
  return out;
}

int WordCount(std::string_view s) {
  int n = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\t' || c == '\n';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

// Leading characters that decorate a byline or a date line: spaces, emphasis.
std::size_t SkipDecoration(std::string_view s, std::size_t p) {
  while (p < s.size() && (s[p] == ' ' || s[p] == '\t' || s[p] == '*' || s[p] == '_')) ++p;
  return p;
}

// True when only decoration or a separator (| · • — – , ; ( /) precedes `p`
// on its line: "By Jane Smith | Updated 5 March 2024".
bool AfterSeparator(std::string_view line, std::size_t p) {
  while (p > 0 &&
         (line[p - 1] == ' ' || line[p - 1] == '\t' || line[p - 1] == '*' || line[p - 1] == '_')) {
    --p;
  }
  if (p == 0) return true;
  char c = line[p - 1];
  if (c == '|' || c == ',' || c == ';' || c == '(' || c == '/' || c == '-' || c == '.') return true;
  std::string_view before = line.substr(0, p);
  for (std::string_view sep : {"\xC2\xB7", "\xE2\x80\xA2", "\xE2\x80\x94", "\xE2\x80\x93"}) {
    if (before.size() >= sep.size() && before.substr(before.size() - sep.size()) == sep) {
      return true;
    }
  }
  return false;
}

// Offsets just past each separator of a byline line (| · • — –, and commas
// or semicolons when `commas`).
std::vector<std::size_t> SeparatorEnds(std::string_view line, bool commas) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '|' || (commas && (line[i] == ',' || line[i] == ';'))) {
      out.push_back(i + 1);
      continue;
    }
    for (std::string_view sep : {"\xC2\xB7", "\xE2\x80\xA2", "\xE2\x80\x94", "\xE2\x80\x93"}) {
      if (line.substr(i, sep.size()) == sep) {
        out.push_back(i + sep.size());
        break;
      }
    }
  }
  return out;
}

const RE2& DateCue() {
  static const RE2 re(
      "(?i)\\b(?:page\\s+)?(?:last\\s+|first\\s+|originally\\s+)?(?:medically\\s+|clinically\\s+)?"
      "(?:reviewed|updated|modified|revised|published|posted|written|"
      "review\\s+date|date\\s+(?:of\\s+)?(?:last\\s+)?(?:review|publication|update)|"
      "date\\s+(?:reviewed|published|updated)|date)"
      "(?:\\s+(?:on|in))?\\s*[:\\x{2013}\\x{2014}-]?\\s*");
  return re;
}

const RE2& BylineCue() {
  static const RE2 re(
      "^(?i:(by|(?:written|words|authored|posted|edited|(?:medically\\s+|clinically\\s+)?"
      "reviewed|fact[\\s-]*checked)\\s+by|authors?|reviewers?|written\\s+and\\s+reviewed\\s+by)"
      ")\\s*(:?)\\s*(?:(?i:dr|prof|professor|mr|mrs|ms|mx|miss)\\.?\\s+)?\\p{Lu}");
  return re;
}

const RE2& AboutAuthorHeading() {
  static const RE2 re("^(?i)(?:about|meet)\\s+the\\s+(?:authors?|writers?|reviewers?)\\s*:?$");
  return re;
}

}  // namespace claimlint::article_lines
