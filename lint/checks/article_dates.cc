#include "lint/checks/article_dates.h"

#include <re2/re2.h>

#include <cstdlib>
#include <ctime>

#include "lint/checks/article_lines.h"
#include "lint/document/sentence_splitter.h"
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

// "2022 Jun 30", "2022 Sep" (as PubMed writes dates).
bool ParseYearMonth(Cursor c, CalendarDate* d, std::size_t* len) {
  int y = 0, m = 0, day = 0, digits = 0;
  if (!c.Number(4, &y, &digits) || digits != 4 || c.Spaces() == 0 || !c.Month(&m)) return false;
  std::size_t after_month = c.i;
  if (c.Spaces() > 0 && c.Number(2, &day) && c.AtEnd()) {
    *d = {y, m, day};
  } else {
    c.i = after_month;
    if (!c.AtEnd()) return false;
    *d = {y, m, Valid({y, m, 1}) ? DaysIn(y, m) : 1};
  }
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
  for (auto parse :
       {ParseIso, ParseNumeric, ParseDayMonthYear, ParseMonthFirst, ParseYearMonth, ParseYear}) {
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

namespace {

// Dates in one line of a block: a line that is a date (and perhaps a
// byline after a separator), a date after a cue ("Last reviewed: ..."), or a
// byline's date after a separator. Returns true when one was found.
bool DateInLine(const Document& doc, const Block& block, std::size_t line_begin,
                std::string_view text, std::vector<ArticleDate>* out) {
  std::size_t start = SkipDecoration(text, 0);
  CalendarDate d;
  std::size_t len = 0;
  bool record = false;
  auto add = [&](std::size_t at) {
    std::size_t b = line_begin + at;
    out->push_back({d, std::string(text.substr(at, len)), block.map.SourceBegin(b),
                    block.map.SourceEnd(b + len), record});
  };
  // A cue at the start of a source line counts as one after a separator:
  // "doi:10.5555/x\nPublished online 14 April 2021" reads as one line of text.
  auto starts_source_line = [&](std::size_t at) {
    std::size_t p = block.map.SourceBegin(line_begin + at);
    while (p > 0 && (doc.text[p - 1] == ' ' || doc.text[p - 1] == '\t' || doc.text[p - 1] == '*' ||
                     doc.text[p - 1] == '_')) {
      --p;
    }
    return p == 0 || doc.text[p - 1] == '\n' || doc.text[p - 1] == '\r';
  };
  if (ParseArticleDate(text.substr(start), &d, &len)) {
    // "Oct 30, 2024", or "Oct 30, 2024 · Written by the FungiFolk team".
    std::size_t rest = SkipDecoration(text, start + len);
    std::vector<std::size_t> seps = SeparatorEnds(text.substr(start + len), /*commas=*/false);
    bool separated =
        !seps.empty() && SkipDecoration(text, start + len) + 3 >= start + len + seps.front();
    if (rest == text.size() || separated) {
      add(start);
      return true;
    }
  }
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece m;
  std::size_t pos = 0;
  while (pos < text.size() && DateCue().Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
    std::size_t b = static_cast<std::size_t>(m.data() - text.data());
    std::size_t e = b + m.size();
    pos = e > b ? e : b + 1;
    if (!AfterSeparator(text, b) && !starts_source_line(b)) continue;
    if (ParseArticleDate(text.substr(e), &d, &len)) {
      static const RE2 kRecordCue("(?i)epub|online|print");
      record = RE2::PartialMatch(re2::StringPiece(m.data(), m.size()), kRecordCue);
      add(e);
      return true;
    }
  }
  // A byline's date after a separator: "by the Apothecary team · 3 November
  // 2026". Commas only count on a line that starts as a byline.
  re2::StringPiece rest(text.data() + start, text.size() - start);
  static const RE2 kBylineStart(
      "^(?i:(?:(?:page|content|article|information)\\s+)?(?:last\\s+)?"
      "(?:medically\\s+|clinically\\s+)?(?:by|(?:written|reviewed|published|produced|prepared|"
      "compiled|checked|fact[\\s-]*checked|edited|authored|posted)\\s+by))\\s");
  bool byline = RE2::PartialMatch(rest, BylineCue()) || RE2::PartialMatch(rest, kBylineStart);
  for (std::size_t at : SeparatorEnds(text, byline)) {
    std::size_t q = SkipDecoration(text, at);
    if (ParseArticleDate(text.substr(q), &d, &len)) {
      add(q);
      return true;
    }
  }
  // ... or after "on" or "in" ("Page last reviewed by the NHS website team
  // on 3 March 2024", "Reviewed by the Migraine Trust in April 2023").
  if (!byline) return false;
  pos = start;
  while (pos < text.size() &&
         BylineDateLead().Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
    std::size_t e = static_cast<std::size_t>(m.data() - text.data()) + m.size();
    pos = e;
    // The date ends the line: "in 2019, the study followed ..." is prose.
    if (ParseArticleDate(text.substr(e), &d, &len) &&
        text.find_first_not_of(" \t*_.)", e + len) == std::string_view::npos) {
      add(e);
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<ArticleDate> FindArticleDates(const Document& doc) {
  std::vector<ArticleDate> out;
  const FrontMatter& fm = doc.front_matter;
  // Front matter: the date fields the document model reads, where written.
  for (const auto& [value, at] :
       {std::pair{&fm.date, &fm.date_at}, std::pair{&fm.updated, &fm.updated_at},
        std::pair{&fm.reviewed, &fm.reviewed_at}}) {
    if (value->empty()) continue;
    CalendarDate d;
    std::size_t len = 0;
    if (!ParseArticleDate(*value, &d, &len)) continue;
    out.push_back({d, value->substr(0, len), at->begin, at->end});
  }
  // Text: "Last reviewed: 5 March 2024", "By Jane Smith | Updated March 5, 2024",
  // or a line that is a date and nothing else. The title, descriptions and
  // alt text are not where a page dates itself.
  for (const Block& block : doc.blocks) {
    if (block.quoted || block.kind == BlockKind::kTableCell || IsSideText(block.kind)) continue;
    for (const Line& line : LinesOf(block.text)) {
      std::string_view text =
          std::string_view(block.text).substr(line.begin, line.end - line.begin);
      if (text.empty()) continue;
      if (WordCount(text) <= 25) {
        DateInLine(doc, block, line.begin, text, &out);
        continue;
      }
      // A longer line: a short sentence in it may be a date line ("...
      // checked by a physiotherapist. Last updated 8 September 2025.").
      for (const SentenceSpan& s : SplitSentences(text)) {
        std::string_view sentence = text.substr(s.begin, s.end - s.begin);
        if (WordCount(sentence) > 12) continue;
        std::size_t start = SkipDecoration(sentence, 0);
        re2::StringPiece input(sentence.data() + start, sentence.size() - start);
        if (!RE2::Consume(&input, DateCue())) continue;
        if (DateInLine(doc, block, line.begin + s.begin, sentence, &out)) break;
      }
    }
  }
  return out;
}

}  // namespace claimlint
