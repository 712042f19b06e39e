#include "lint/checks/quality.h"

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <ctime>
#include <optional>

#include "lint/citations/analysis.h"

namespace claimlint {
namespace {

using Span = std::pair<std::size_t, std::size_t>;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

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

// ---- Where things are -------------------------------------------------------

// Bytes of the line `key:` in the front matter ({src_begin, src_begin} when
// the key is not written there as such).
Span FrontMatterKey(const Document& doc, std::string_view key) {
  const FrontMatter& fm = doc.front_matter;
  std::string_view block =
      std::string_view(doc.text).substr(fm.src_begin, fm.src_end - fm.src_begin);
  std::size_t p = 0;
  while (p < block.size()) {
    std::size_t eol = block.find('\n', p);
    if (eol == std::string_view::npos) eol = block.size();
    std::string_view line = block.substr(p, eol - p);
    if (line.size() > key.size() && line.substr(0, key.size()) == key && line[key.size()] == ':') {
      std::size_t end = eol;
      if (end > p && block[end - 1] == '\r') --end;
      return {fm.src_begin + p, fm.src_begin + end};
    }
    p = eol + 1;
  }
  return {fm.src_begin, fm.src_begin};
}

// Where document-level findings go: the title in front matter, else the
// first heading, else the first line of the first block. The second member
// is the text shown there.
std::pair<Span, std::string> TitleSpot(const Document& doc) {
  if (!doc.front_matter.title.empty()) {
    Span at = FrontMatterKey(doc, "title");
    if (at.second > at.first) return {at, doc.front_matter.title};
  }
  const Block* pick = nullptr;
  for (const Block& b : doc.blocks) {
    if (b.kind == BlockKind::kHeading) {
      pick = &b;
      break;
    }
  }
  if (!pick && !doc.blocks.empty()) pick = &doc.blocks.front();
  if (!pick) return {{0, 0}, ""};
  std::size_t nl = pick->text.find('\n');
  std::string shown = pick->text.substr(0, nl == std::string::npos ? pick->text.size() : nl);
  // The whole first source line of the block ("# Title", not just "Title").
  std::size_t begin = std::min(pick->src_begin, doc.text.size());
  std::size_t end = doc.text.find_first_of("\r\n", begin);
  if (end == std::string::npos) end = doc.text.size();
  end = std::min(end, std::max(pick->src_end, begin));
  if (end <= begin) {
    begin = pick->map.SourceBegin(0);
    end = pick->map.SourceEnd(shown.size());
  }
  // A first "line" can be a whole file: point at its start only.
  constexpr std::size_t kMaxSpot = 120;
  if (end - begin > kMaxSpot) {
    end = begin + kMaxSpot;
    while (end > begin && (static_cast<unsigned char>(doc.text[end]) & 0xC0) == 0x80) --end;
  }
  if (shown.size() > kMaxSpot) {
    std::size_t cut = kMaxSpot;
    while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) --cut;
    shown.resize(cut);
  }
  return {{begin, end}, shown};
}

struct Line {
  std::size_t begin = 0, end = 0;  // in the block text
};

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

int MaxAgeYears(const Rule& rule) {
  auto it = rule.options.find("max_age_years");
  if (it == rule.options.end()) return 3;
  int n = std::atoi(it->second.c_str());
  return n > 0 ? n : 3;
}

Finding At(const Rule& rule, Span at, std::string_view match) {
  return MakeFinding(rule, match, at.first, at.second);
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
    Span at{fm.src_begin, fm.src_begin};
    for (const char* key : keys) {
      at = FrontMatterKey(doc, key);
      if (at.second > at.first) break;
    }
    out.push_back({d, value.substr(0, len), at.first, at.second});
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

bool HasAuthor(const Document& doc) {
  if (!doc.front_matter.author.empty()) return true;
  for (const Block& block : doc.blocks) {
    if (block.quoted) continue;
    if (block.kind == BlockKind::kHeading && RE2::FullMatch(block.text, AboutAuthorHeading())) {
      return true;
    }
    for (const Line& line : LinesOf(block.text)) {
      std::string_view text =
          std::string_view(block.text).substr(line.begin, line.end - line.begin);
      std::size_t start = SkipDecoration(text, 0);
      re2::StringPiece input(text.data() + start, text.size() - start);
      std::string cue, colon;
      if (!RE2::PartialMatch(input, BylineCue(), &cue, &colon)) continue;
      // A bare "By ..." must be a short line of its own, or it is prose
      // ("By Targeting These Points ...").
      bool bare_by = Lower(cue) == "by" && colon.empty();
      if (WordCount(text) <= (bare_by ? 12 : 40)) return true;
    }
  }
  return false;
}

bool HasSources(const CheckInput& in) {
  const Document& doc = in.doc;
  const FrontMatter& fm = doc.front_matter;
  if (!fm.references.empty()) return true;
  if (fm.data && fm.data->IsMap()) {
    for (const char* key : {"references", "bibliography", "sources", "citations"}) {
      YAML::Node v = (*fm.data)[key];
      if (v && !v.IsNull()) return true;
    }
  }
  if (in.citations) {
    for (const Citation& c : in.citations->citations) {
      if (c.resolved >= 0) return true;
      if (c.kind != CitationKind::kVague && c.kind != CitationKind::kNamedSource) return true;
    }
  }
  static const RE2 kSourcesHeading(
      "(?i)\\s*(?:\\d+\\.?\\s*)?(?:references?|sources?|bibliography|citations?|further\\s+reading|"
      "works\\s+cited|literature(?:\\s+cited)?|notes\\s+and\\s+references|footnotes|"
      "(?:key|selected|scientific)\\s+references|(?:references|sources)\\s+and\\s+further\\s+"
      "reading|studies\\s+cited|evidence|research\\s+cited)\\s*:?\\s*");
  static const RE2 kSourceLink(
      "(?i)(?:doi\\.org|pubmed|ncbi\\.nlm\\.nih\\.gov|europepmc|nih\\.gov|nice\\.org\\.uk|"
      "cochrane|who\\.int|nhs\\.uk|cdc\\.gov|fda\\.gov|gov\\.uk|europa\\.eu|bmj\\.com|thelancet|"
      "jamanetwork|nejm\\.org|nature\\.com|sciencedirect|springer|wiley\\.com|tandfonline|"
      "sagepub|frontiersin|plos|mdpi\\.com|academic\\.oup\\.com|lww\\.com|cambridge\\.org|"
      "karger|thieme|arxiv\\.org|medrxiv|biorxiv|semanticscholar|jstor|ahajournals|"
      "acpjournals|annals\\.org|\\.edu/|\\.ac\\.uk/)");
  static const RE2 kIdentifier(
      "(?i)(?:\\b10\\.\\d{4,9}/\\S+|\\bPMID:?\\s*\\d{5,9}|\\bPMC\\d{5,}|\\bdoi:\\s*10\\.)");
  static const RE2 kAuthorYear(
      "(?:\\p{Lu}[\\p{L}'\\x{2019}-]+(?:\\s+et\\s+al\\.?|\\s+(?:and|&)\\s+\\p{Lu}[\\p{L}'\\x{2019}-"
      "]+)?"
      ",?\\s+\\((?:19|20)\\d\\d[a-z]?\\)|\\(\\p{Lu}[\\p{L}'\\x{2019}-]+(?:\\s+et\\s+al\\.?|\\s+(?:"
      "and|&)"
      "\\s+\\p{Lu}[\\p{L}'\\x{2019}-]+)?,?\\s+(?:19|20)\\d\\d[a-z]?[;)])");
  for (const Block& block : doc.blocks) {
    if (block.kind == BlockKind::kFootnoteDefinition) return true;
    bool heading_like = block.kind == BlockKind::kHeading || WordCount(block.text) <= 5;
    if (heading_like && RE2::FullMatch(block.text, kSourcesHeading)) return true;
    if (RE2::PartialMatch(block.text, kIdentifier) || RE2::PartialMatch(block.text, kAuthorYear)) {
      return true;
    }
  }
  for (const Link& link : doc.links) {
    if (RE2::PartialMatch(link.destination, kSourceLink)) return true;
  }
  return false;
}

std::vector<Finding> CheckQuality(const CheckInput& in, int claim_findings) {
  std::vector<Finding> out;
  const Document& doc = in.doc;
  if (!doc.lintable || doc.blocks.empty()) return out;  // nothing a reader could judge
  auto [title_span, title_text] = TitleSpot(doc);
  std::optional<std::vector<ArticleDate>> dates;
  auto all_dates = [&]() -> const std::vector<ArticleDate>& {
    if (!dates) dates = FindArticleDates(doc);
    return *dates;
  };
  const FrontMatter& fm = doc.front_matter;
  for (const Rule& rule : in.rules.rules()) {
    if (rule.category != "quality" || rule.check.empty()) continue;
    if (rule.check == "no-author") {
      if (!HasAuthor(doc)) out.push_back(At(rule, title_span, title_text));
    } else if (rule.check == "no-date") {
      bool dated =
          !fm.date.empty() || !fm.updated.empty() || !fm.reviewed.empty() || !all_dates().empty();
      if (!dated) out.push_back(At(rule, title_span, title_text));
    } else if (rule.check == "stale-review") {
      const auto& ds = all_dates();
      if (ds.empty()) continue;
      const ArticleDate* latest = &ds.front();
      for (const ArticleDate& d : ds) {
        if (latest->date < d.date) latest = &d;
      }
      CalendarDate limit = latest->date;
      limit.year += MaxAgeYears(rule);
      if (limit < TodayForQuality()) {
        out.push_back(At(rule, {latest->src_begin, latest->src_end}, latest->text));
      }
    } else if (rule.check == "no-sources") {
      if (claim_findings > 0 && !HasSources(in)) out.push_back(At(rule, title_span, title_text));
    }
  }
  return out;
}

}  // namespace claimlint
