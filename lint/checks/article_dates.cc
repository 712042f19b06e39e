#include "lint/checks/article_dates.h"

#include <re2/re2.h>

#include <cstdlib>
#include <ctime>

#include "lint/checks/article_lines.h"
#include "lint/document/front_matter.h"
#include "lint/text/strings.h"

namespace claimlint {
namespace {

using namespace article_lines;  // NOLINT: the line readers this file is built on

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysIn(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

bool Valid(const CalendarDate& d) {
  return d.year >= 1900 && d.year <= 2999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= DaysIn(d.year, d.month);
}

// A small cursor over the text being parsed.
struct Cursor {
  std::string_view s;
  std::size_t i = 0;
  bool Done() const { return i >= s.size(); }
  char Peek() const { return Done() ? '\0' : s[i]; }
  bool Eat(char c) {
    if (Peek() != c) return false;
    ++i;
    return true;
  }
  // 1..max_digits digits.
  bool Number(int max_digits, int* out, int* digits = nullptr) {
    std::size_t start = i;
    int v = 0;
    while (!Done() && IsDigit(s[i]) && static_cast<int>(i - start) < max_digits) {
      v = v * 10 + (s[i] - '0');
      ++i;
    }
    if (i == start || (!Done() && IsDigit(s[i]))) {
      i = start;
      return false;
    }
    *out = v;
    if (digits) *digits = static_cast<int>(i - start);
    return true;
  }
  std::size_t Spaces() {
    std::size_t start = i;
    while (!Done() && (s[i] == ' ' || s[i] == '\t')) ++i;
    return i - start;
  }
  // A month name or its abbreviation (optionally with a full stop); 1-12.
  bool Month(int* out) {
    static const char* kNames[] = {"january",   "february", "march",    "april",
                                   "may",       "june",     "july",     "august",
                                   "september", "october",  "november", "december"};
    std::size_t start = i;
    while (!Done() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
    std::string word = Lower(s.substr(start, i - start));
    for (int m = 0; m < 12; ++m) {
      std::string full = kNames[m];
      if (word == full || (word.size() >= 3 && full.compare(0, word.size(), word) == 0 &&
                           (word.size() == 3 || word == "sept"))) {
        *out = m + 1;
        Eat('.');
        return true;
      }
    }
    i = start;
    return false;
  }
  // "st", "nd", "rd", "th" after a day number.
  void Ordinal() {
    std::string two = Lower(s.substr(i, 2));
    if (two == "st" || two == "nd" || two == "rd" || two == "th") i += 2;
  }
  // True when the date ends here (not followed by a letter or digit).
  bool AtEnd() const { return Done() || !std::isalnum(static_cast<unsigned char>(s[i])); }
};

bool ParseIso(Cursor c, CalendarDate* d, std::size_t* len) {
  int y = 0, m = 0, day = 0;
  if (!c.Number(4, &y)) return false;
  char sep = c.Peek();
  if (sep != '-' && sep != '/' && sep != '.') return false;
  ++c.i;
  if (!c.Number(2, &m)) return false;
  std::size_t after_month = c.i;
  if (c.Eat(sep) && c.Number(2, &day)) {
    *d = {y, m, day};
  } else {
    c.i = after_month;
    if (m < 1 || m > 12) return false;
    *d = {y, m, DaysIn(y, m)};
  }
  // An ISO time may follow ("T10:00:00Z", " 10:00").
  if (!c.AtEnd() && c.Peek() != 'T') return false;
  *len = c.i;
  return Valid(*d);
}

bool ParseNumeric(Cursor c, CalendarDate* d, std::size_t* len) {
  int a = 0, b = 0, y = 0;
  if (!c.Number(2, &a)) return false;
  char sep = c.Peek();
  if (sep != '/' && sep != '.' && sep != '-') return false;
  ++c.i;
  if (!c.Number(2, &b) || !c.Eat(sep) || !c.Number(4, &y) || !c.AtEnd()) return false;
  *len = c.i;
  CalendarDate day_first{y, b, a}, month_first{y, a, b};
  bool df = Valid(day_first), mf = Valid(month_first);
  if (df && mf) {
    // Ambiguous: take the later reading, so that age is never overstated.
    *d = day_first < month_first ? month_first : day_first;
    return true;
  }
  if (df) *d = day_first;
  if (mf) *d = month_first;
  return df || mf;
}

bool ParseDayMonthYear(Cursor c, CalendarDate* d, std::size_t* len) {
  int day = 0, m = 0, y = 0;
  if (!c.Number(2, &day)) return false;
  c.Ordinal();
  if (c.Spaces() == 0 && c.Peek() != '-') return false;
  c.Eat('-');
  std::size_t before_of = c.i;
  if (Lower(c.s.substr(c.i, 3)) == "of ") {
    c.i += 3;
  } else {
    c.i = before_of;
  }
  if (!c.Month(&m)) return false;
  c.Eat(',');
  c.Eat('-');
  c.Spaces();
  if (!c.Number(4, &y) || !c.AtEnd()) return false;
  *d = {y, m, day};
  *len = c.i;
  return Valid(*d);
}

bool ParseMonthFirst(Cursor c, CalendarDate* d, std::size_t* len) {
  int m = 0, day = 0, y = 0, digits = 0;
  if (!c.Month(&m)) return false;
  if (c.Spaces() == 0) return false;
  if (!c.Number(4, &day, &digits)) return false;
  if (digits == 4) {  // "March 2024"
    y = day;
    if (!c.AtEnd() || y < 1900) return false;
    *d = {y, m, DaysIn(y, m)};
    *len = c.i;
    return Valid(*d);
  }
  if (digits > 2) return false;
  c.Ordinal();
  c.Eat(',');
  if (c.Spaces() == 0 && c.s[c.i - 1] != ',') return false;
  if (!c.Number(4, &y) || !c.AtEnd()) return false;
  *d = {y, m, day};
  *len = c.i;
  return Valid(*d);
}

bool ParseYear(Cursor c, CalendarDate* d, std::size_t* len) {
  int y = 0, digits = 0;
  if (!c.Number(4, &y, &digits) || digits != 4 || !c.AtEnd()) return false;
  // Not the start of a date this parser could not read ("2023-13-01").
  char next = c.Peek();
  if ((next == '-' || next == '/' || next == '.') && c.i + 1 < c.s.size() &&
      IsDigit(c.s[c.i + 1])) {
    return false;
  }
  *d = {y, 12, 31};
  *len = c.i;
  return Valid(*d);
}

}  // namespace

bool ParseArticleDate(std::string_view text, CalendarDate* out, std::size_t* length) {
  Cursor c{text, 0};
  std::size_t len = 0;
  CalendarDate d;
  for (auto parse : {ParseIso, ParseNumeric, ParseDayMonthYear, ParseMonthFirst, ParseYear}) {
    if (parse(c, &d, &len)) {
      *out = d;
      if (length) *length = len;
      return true;
    }
  }
  return false;
}

CalendarDate TodayForQuality() {
  if (const char* env = std::getenv("CLAIMLINT_TODAY")) {
    CalendarDate d;
    std::size_t len = 0;
    std::string_view s(env);
    if (s.size() == 10 && ParseArticleDate(s, &d, &len) && len == s.size()) return d;
  }
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

std::vector<ArticleDate> FindArticleDates(const Document& doc) {
  std::vector<ArticleDate> out;
  const FrontMatter& fm = doc.front_matter;
  // Front matter: the fields the document model reads, under their own keys.
  static const std::pair<const char*, std::vector<const char*>> kKeys[] = {
      {"date", {"date", "published", "publish_date", "created"}},
      {"updated", {"updated", "last_updated", "modified", "lastmod"}},
      {"reviewed", {"reviewed", "last_reviewed", "review_date", "reviewed_on"}}};
  for (const auto& [field, keys] : kKeys) {
    std::string value = field == std::string("date")      ? fm.date
                        : field == std::string("updated") ? fm.updated
                                                          : fm.reviewed;
    if (value.empty()) continue;
    CalendarDate d;
    std::size_t len = 0;
    if (!ParseArticleDate(value, &d, &len)) continue;
    SourceRange at{fm.src_begin, fm.src_begin};
    for (const char* key : keys) {
      at = FrontMatterKeySpan(doc, key);
      if (at.end > at.begin) break;
    }
    out.push_back({d, value.substr(0, len), at.begin, at.end});
  }
  // Text: "Last reviewed: 5 March 2024", "By Jane Smith | Updated March 5, 2024",
  // or a line that is a date and nothing else.
  for (const Block& block : doc.blocks) {
    if (block.quoted || block.kind == BlockKind::kTableCell) continue;
    for (const Line& line : LinesOf(block.text)) {
      std::string_view text =
          std::string_view(block.text).substr(line.begin, line.end - line.begin);
      if (text.empty() || WordCount(text) > 25) continue;
      std::size_t start = SkipDecoration(text, 0);
      CalendarDate d;
      std::size_t len = 0;
      auto add = [&](std::size_t at) {
        std::size_t b = line.begin + at;
        out.push_back({d, std::string(text.substr(at, len)), block.map.SourceBegin(b),
                       block.map.SourceEnd(b + len)});
      };
      if (ParseArticleDate(text.substr(start), &d, &len)) {
        std::size_t rest = SkipDecoration(text, start + len);
        if (rest == text.size()) {
          add(start);
          continue;
        }
      }
      bool found = false;
      re2::StringPiece input(text.data(), text.size());
      re2::StringPiece m;
      std::size_t pos = 0;
      while (pos < text.size() &&
             DateCue().Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
        std::size_t b = static_cast<std::size_t>(m.data() - text.data());
        std::size_t e = b + m.size();
        pos = e > b ? e : b + 1;
        if (!AfterSeparator(text, b)) continue;
        if (ParseArticleDate(text.substr(e), &d, &len)) {
          add(e);
          found = true;
          break;
        }
      }
      // A byline's date after a separator: "by the Apothecary team · 3 November
      // 2026". Commas only count on a line that starts as a byline.
      if (found) continue;
      bool byline = RE2::PartialMatch(re2::StringPiece(text.data() + start, text.size() - start),
                                      BylineCue());
      for (std::size_t at : SeparatorEnds(text, byline)) {
        std::size_t q = SkipDecoration(text, at);
        if (ParseArticleDate(text.substr(q), &d, &len)) {
          add(q);
          break;
        }
      }
    }
  }
  return out;
}

}  // namespace claimlint
