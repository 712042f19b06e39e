#include "lint/checks/article_lines.h"

#include <string>

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
      "(?:reviewed|updated|modified|revised|published|posted|written|epub|"
      "review\\s+date|date\\s+(?:of\\s+)?(?:last\\s+)?(?:review|publication|update)|"
      "date\\s+(?:reviewed|published|updated)|date)"
      "(?:\\s+(?:online|in\\s+print|ahead\\s+of\\s+print))?(?:\\s+(?:on|in))?"
      "\\s*[:\\x{2013}\\x{2014}-]?\\s*");
  return re;
}

const RE2& BylineCue() {
  static const RE2 re(
      "^(?i:(by|(?:written|words|authored|posted|edited|(?:medically\\s+|clinically\\s+)?"
      "reviewed|fact[\\s-]*checked)\\s+by|authors?|reviewers?|written\\s+and\\s+reviewed\\s+by|"
      "(?:(?:page|content|article|information)\\s+)?(?:last\\s+)?(?:medically\\s+|clinically\\s+)?"
      "(?:reviewed|published|produced|prepared|compiled)\\s+by)"
      ")\\s*(:?)\\s*(?:(?i:dr|prof|professor|mr|mrs|ms|mx|miss)\\.?\\s+)?\\p{Lu}");
  return re;
}

const RE2& DatedLineBy() {
  static const RE2 re(
      "^(?i:(?:page\\s+|content\\s+)?(?:last\\s+)?(?:medically\\s+|clinically\\s+)?"
      "(?:reviewed|updated|published|revised|written|posted))\\b[^.!?\\d]{0,20}\\d[^.!?]{0,40}?"
      "\\s(?i:by)\\s+"
      "(?:(?i:the)\\s+)?\\p{Lu}");
  return re;
}

const RE2& CopyrightLine() {
  static const RE2 re(
      "^(?:\\x{00A9}|\\((?i:c)\\)|(?i:copyright))\\s*(?:\\x{00A9}\\s*)?"
      "(?:(?:19|20)\\d\\d(?:\\s*[\\x{2013}-]\\s*(?:19|20)\\d\\d)?\\s*,?\\s*)?\\p{Lu}");
  return re;
}

const RE2& BylineDateLead() {
  static const RE2 re("(?:,|\\s(?i:on|in))\\s+");
  return re;
}

const RE2& AuthorInformationCue() {
  static const RE2 re(
      "^(?i:author\\s+information|authors?\\s+affiliations?|corresponding\\s+authors?|"
      "correspondence|contributors?)\\s*:");
  return re;
}

const RE2& TeamByline() {
  // Words for a group of people who write or check a page.
  static const std::string team =
      "(?:team|staff|editors|editorial\\s+(?:team|staff|board)|writers|pharmacists?|doctors|"
      "clinicians|nurses|specialists|experts|dietitians|physiotherapists|practitioners|"
      "information\\s+service)";
  static const RE2 re(
      "(?i)\\b(?:(?:written|prepared|produced|compiled|published|reviewed|checked|edited|"
      "created|posted|brought\\s+to\\s+you)\\s+by|by|from)\\s+(?:the|our)\\s+"
      "(?:[\\p{L}\\p{N}'\\x{2019}&.-]+\\s+){0,5}" +
      team + "\\b");
  return re;
}

const RE2& RoleReviewer() {
  static const RE2 re(
      "(?i)\\b(?:(?:medically|clinically)\\s+)?(?:reviewed|checked|approved|verified)\\s+by\\s+"
      "(?:a|an|our|the)\\s+(?:[\\p{L}-]+\\s+){0,3}"
      "(?:doctors?|physicians?|gps?|consultants?|pharmacists?|nurses?|midwi(?:fe|ves)|"
      "dietitians?|dieticians?|nutritionists?|physiotherapists?|therapists?|clinicians?|"
      "surgeons?|psychiatrists?|psychologists?|paediatricians?|pediatricians?|"
      "\\p{L}+ologists?|specialists?|experts?|(?:medical|health(?:care)?)\\s+professionals?|"
      "panel|board)\\b");
  return re;
}

const RE2& SelfAuthorship() {
  static const RE2 re(
      "(?i)\\b(?:this|the)\\s+(?:page|article|leaflet|information|guide|post|factsheet|"
      "fact\\s+sheet|content|resource|booklet|blog|advice|review)\\s+(?:was|is|has\\s+been)\\s+"
      "(?:[\\p{L}]+\\s+){0,2}?(?:written|prepared|produced|compiled|created|developed|"
      "reviewed|checked|authored)\\s+(?:[\\p{L}]+\\s+){0,2}?by\\s+"
      "(?:the\\s|our\\s|a\\s|an\\s|\\p{Lu})");
  return re;
}

const RE2& PublisherStatement() {
  static const RE2 re(
      "^\\s*(?:\\p{Lu}[\\p{L}\\p{N}'\\x{2019}&.-]*\\s+){0,6}\\p{Lu}[\\p{L}\\p{N}'\\x{2019}&.-]*"
      "\\s+is\\s+(?:a|an)\\s+(?:registered\\s+|independent\\s+|national\\s+|uk\\s+|us\\s+)*"
      "(?i:charity|nhs\\s+(?:trust|pharmacy|service)|pharmacy|non-?profit|not-for-profit|"
      "university|hospital|health\\s+(?:service|board|authority)|government\\s+agency|"
      "public\\s+body)\\b");
  return re;
}

const RE2& SignOff() {
  static const RE2 re("^[\\x{2014}\\x{2013}~-]+\\s*\\p{Lu}[\\p{L}'\\x{2019}-]+");
  return re;
}

bool LooksLikeNames(std::string_view s) {
  // Names are separated by commas, semicolons, "and" or "&".
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    bool sep = i == s.size() || s[i] == ',' || s[i] == ';' || s[i] == '&';
    std::size_t skip = 1;
    if (!sep && i + 5 <= s.size() && s.substr(i, 5) == " and ") {
      sep = true;
      skip = 5;
    }
    if (!sep) continue;
    std::string_view part = s.substr(start, i - start);
    while (!part.empty() && (part.front() == ' ' || part.front() == '*')) part.remove_prefix(1);
    while (!part.empty() && (part.back() == ' ' || part.back() == '*' || part.back() == '.' ||
                             (part.back() >= '0' && part.back() <= '9'))) {
      part.remove_suffix(1);
    }
    if (!part.empty()) parts.push_back(part);
    start = i + skip;
    i += skip - 1;
  }
  if (parts.empty() || parts.size() > 20) return false;
  int names = 0, credentials = 0;
  for (std::string_view part : parts) {
    std::vector<std::string_view> words;
    std::size_t b = 0;
    for (std::size_t i = 0; i <= part.size(); ++i) {
      if (i == part.size() || part[i] == ' ') {
        if (i > b) words.push_back(part.substr(b, i - b));
        b = i + 1;
      }
    }
    auto capitals = [](std::string_view w) {
      int n = 0;
      for (char c : w) n += c >= 'A' && c <= 'Z';
      return n;
    };
    // A credential: one short word with two or more capitals ("RSHom", "PhD", "MD").
    if (words.size() == 1 && words[0].size() <= 8 && capitals(words[0]) >= 2) {
      ++credentials;
      continue;
    }
    if (words.size() < 2 || words.size() > 5) return false;
    for (std::string_view w : words) {
      unsigned char first = static_cast<unsigned char>(w[0]);
      bool upper = (first >= 'A' && first <= 'Z') || first >= 0xC0;
      bool particle = w == "de" || w == "van" || w == "von" || w == "der" || w == "da" ||
                      w == "la" || w == "le" || w == "bin" || w == "al";
      if (!upper && !particle) return false;
    }
    ++names;
  }
  return names >= 1 && (names >= 2 || credentials >= 1 || parts.size() == 1);
}

const RE2& AboutAuthorHeading() {
  static const RE2 re("^(?i)(?:about|meet)\\s+the\\s+(?:authors?|writers?|reviewers?)\\s*:?$");
  return re;
}

}  // namespace claimlint::article_lines
