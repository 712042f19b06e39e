#include <algorithm>
#include <memory>

#include "lint/citations/finders.h"
#include "lint/text/strings.h"

namespace claimlint::cite {

// --- Author-year -----------------------------------------------------------

namespace {

const std::string& NamePattern() {
  static const std::string kName =
      R"((?:(?:van|von|de|der|den|del|della|da|di|du|dos|le|la|ter|ten)\s+)*\p{Lu}[\p{L}'’-]*\p{L})";
  return kName;
}

std::string AuthorsPattern() {
  const std::string& n = NamePattern();
  return n + R"((?:\s+et\s+al\.?|\s+and\s+(?:colleagues|co-?workers|co-?authors)|(?:,\s+)" + n +
         R"()*,?\s+(?:&|and)\s+)" + n + ")?";
}

const std::string kYear = R"((?:1[89]|20)\d\d[a-z]?\b)";
const std::string kYears = kYear + R"((?:\s*,\s*)" + kYear + ")*";
const std::string kPages = R"((?:\s*,\s*(?:p|pp)\.?\s*\d+(?:\s*[-–]\s*\d+)?)?)";

}  // namespace

bool IsStopName(std::string_view name) {
  static const char* kStop[] = {
      "The",          "A",           "An",        "This",        "That",       "In",
      "On",           "At",          "By",        "For",         "From",       "Since",
      "Until",        "Till",        "During",    "Before",      "After",      "Updated",
      "Published",    "Reviewed",    "Revised",   "Accessed",    "Retrieved",  "Copyright",
      "Edition",      "Version",     "Volume",    "Vol",         "Issue",      "No",
      "Page",         "Pages",       "Figure",    "Fig",         "Table",      "Study",
      "Review",       "Report",      "Trial",     "Guideline",   "Guidelines", "Guidance",
      "Update",       "Summer",      "Winter",    "Spring",      "Autumn",     "Fall",
      "January",      "February",    "March",     "April",       "May",        "June",
      "July",         "August",      "September", "October",     "November",   "December",
      "Jan",          "Feb",         "Mar",       "Apr",         "Jun",        "Jul",
      "Aug",          "Sep",         "Sept",      "Oct",         "Nov",        "Dec",
      "Monday",       "Tuesday",     "Wednesday", "Thursday",    "Friday",     "Saturday",
      "Sunday",       "Year",        "Census",    "Survey",      "Data",       "Source",
      "Sources",      "Note",        "Notes",     "Ref",         "See",        "Also",
      "And",          "Or",          "Last",      "Next",        "First",      "Early",
      "Late",         "Mid",         "Around",    "About",       "Circa",      "Between",
      "Founded",      "Established", "Est",       "Recently",    "Previously", "Later",
      "Earlier",      "Today",       "Currently", "Initially",   "Originally", "Overall",
      "Additionally", "However",     "Moreover",  "Furthermore", "Notably",    "Meanwhile",
      "Finally",      "Then",        "Now",       "Here",        "There",      "Yet",
      "Still",        "Again",       "Once",      "Twice",       "Back",       "Even",
      "Only",         "Both",        "All",       "Some",        "Many",       "Most",
      "Each",         "Every",       "Launched",  "Introduced",  "Approved",   "Licensed",
      "Registered",   "Born",        "Died",      "Trials",      "Studies",    "Reviews",
      "Reports",      "Results",     "Findings",  "Evidence",    "Total",      "Figures",
      "Statistics",   "Estimate",    "Estimates", "Years",       "Cases"};
  for (const char* s : kStop) {
    if (name == s) return true;
  }
  return false;
}

namespace {

// "Lee et al." -> {Lee}; "Lee, Kim and Park" -> {Lee, Kim, Park}.
std::vector<std::string> SplitFamilies(std::string_view authors) {
  std::string a(authors);
  for (const char* tail : {" and colleagues", " and coworkers", " and co-workers", " and coauthors",
                           " and co-authors"}) {
    std::size_t p = a.find(tail);
    if (p != std::string::npos) a.resize(p);
  }
  std::size_t etal = a.find(" et al");
  if (etal != std::string::npos) a.resize(etal);
  std::vector<std::string> out;
  for (std::string t : SplitNameList(a, ",&")) {
    for (std::string_view poss : {"'s", "’s"}) {
      if (t.size() > poss.size() && t.compare(t.size() - poss.size(), poss.size(), poss) == 0) {
        t.resize(t.size() - poss.size());
      }
    }
    if (!t.empty()) out.push_back(t);
  }
  return out;
}

void AddAuthorYearFamilies(std::string_view text, std::size_t begin, std::size_t end,
                           std::vector<std::string> families, std::string_view years,
                           std::vector<Citation>* out) {
  if (families.empty()) return;
  std::string_view first = families[0];
  if (IsStopName(first.substr(0, first.find(' ')))) return;
  static const RE2& kYearRe = Re(R"(((?:1[89]|20)\d\d)([a-z]?))");
  ForEachMatch(kYearRe, years, [&](const std::vector<StringPiece>& m) {
    Citation c;
    c.kind = CitationKind::kAuthorYear;
    c.begin = begin;
    c.end = end;
    c.text = std::string(text.substr(begin, end - begin));
    c.families = families;
    c.year = std::stoi(std::string(m[1]));
    c.year_suffix = std::string(m[2]);
    out->push_back(std::move(c));
  });
}

void AddAuthorYear(std::string_view text, std::size_t begin, std::size_t end,
                   std::string_view authors, std::string_view years, std::vector<Citation>* out) {
  AddAuthorYearFamilies(text, begin, end, SplitFamilies(authors), years, out);
}

}  // namespace

// "Lee et al. 2013": a bare narrative citation, only with "et al." or "and
// colleagues".
const std::string& BarePattern() {
  static const std::string kBare =
      "(" + NamePattern() + R"((?:\s+et\s+al\.?|\s+and\s+(?:colleagues|co-?workers)))\s*,?\s+()" +
      kYear + ")";
  return kBare;
}

namespace {

// Whether the text holds something that looks like a year, 1800-2099: a cheap
// test before the author-year patterns, which all need one.
bool HasYear(std::string_view t) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (std::size_t i = 0; i + 4 <= t.size(); ++i) {
    bool century =
        (t[i] == '1' && (t[i + 1] == '8' || t[i + 1] == '9')) || (t[i] == '2' && t[i + 1] == '0');
    if (century && digit(t[i + 2]) && digit(t[i + 3])) return true;
  }
  return false;
}

}  // namespace

void FindAuthorYear(std::string_view text, const Gates& gates, std::vector<Citation>* out) {
  if (!HasYear(text)) return;  // every form below needs one
  // Parenthetical: "(Lee et al., 2013; Park 2014)".
  static const std::string kPart =
      R"(^(?:(?:see(?:\s+also)?|e\.g\.,?|cf\.|i\.e\.,?|for\s+example,?|for\s+a\s+review,?\s+see|reviewed\s+in)\s+)?()" +
      AuthorsPattern() + R"(),?\s+()" + kYears + ")" + kPages + R"(\s*$)";
  static const std::string kCorporatePart =
      R"(^(?:(?:see(?:\s+also)?|e\.g\.,?|cf\.)\s+)?(\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:for|of|and|the|on|in|&)\s+)*\p{Lu}[\p{L}'’-]*)+),?\s+()" +
      kYears + ")" + kPages + R"(\s*$)";
  static const RE2& kParens = Re(R"(\(([^()]+)\))");
  static const RE2& kPartRe = Re(kPart);
  static const RE2& kCorporateRe = Re(kCorporatePart);
  ForEachMatch(kParens, text, [&](const std::vector<StringPiece>& m) {
    std::string_view inner(m[1].data(), m[1].size());
    if (inner.size() < 4 || inner.size() > 400) return;
    std::size_t inner_off = Off(text, m[1]);
    std::size_t start = 0;
    while (start <= inner.size()) {
      std::size_t semi = inner.find(';', start);
      if (semi == std::string_view::npos) semi = inner.size();
      std::string_view raw = inner.substr(start, semi - start);
      std::string_view part = TrimView(raw);
      std::size_t part_off = inner_off + start + static_cast<std::size_t>(part.data() - raw.data());
      StringPiece g[3];
      StringPiece sp(part.data(), part.size());
      if (!part.empty() && kPartRe.Match(sp, 0, part.size(), RE2::ANCHOR_BOTH, g, 3)) {
        std::size_t b = part_off + static_cast<std::size_t>(g[1].data() - part.data());
        AddAuthorYear(text, b, part_off + part.size(), std::string_view(g[1].data(), g[1].size()),
                      std::string_view(g[2].data(), g[2].size()), out);
      } else if (!part.empty() && kCorporateRe.Match(sp, 0, part.size(), RE2::ANCHOR_BOTH, g, 3)) {
        // A corporate author, kept whole: "National Institute for Health and
        // Care Excellence, 2016".
        std::size_t b = part_off + static_cast<std::size_t>(g[1].data() - part.data());
        AddAuthorYearFamilies(text, b, part_off + part.size(),
                              {CollapseSpace(std::string_view(g[1].data(), g[1].size()))},
                              std::string_view(g[2].data(), g[2].size()), out);
      }
      start = semi + 1;
    }
  });
  auto overlaps = [&](std::size_t b, std::size_t e) {
    return std::any_of(out->begin(), out->end(),
                       [&](const Citation& c) { return b < c.end && c.begin < e; });
  };
  // Narrative: "Lee et al. (2013)", "Lee and Kim (2013, 2014)".
  static const std::string kNarrative =
      "(" + AuthorsPattern() + R"()\s*\(\s*()" + kYears + ")" + kPages + R"(\s*\))";
  std::vector<Citation> found;
  static const RE2& kNarrativeRe = Re(kNarrative);
  ForEachMatch(kNarrativeRe, text, [&](const std::vector<StringPiece>& m) {
    std::size_t b = Off(text, m[0]), e = b + m[0].size();
    if (!overlaps(b, e)) {
      AddAuthorYear(text, b, e, std::string_view(m[1].data(), m[1].size()),
                    std::string_view(m[2].data(), m[2].size()), &found);
    }
  });
  out->insert(out->end(), found.begin(), found.end());
  found.clear();
  // Bare narrative, only with "et al." or "and colleagues": "Lee et al. 2013".
  static const RE2& kBareRe = Re(BarePattern());
  if (gates(kGateBare)) {
    ForEachMatch(kBareRe, text, [&](const std::vector<StringPiece>& m) {
      std::size_t b = Off(text, m[0]), e = b + m[0].size();
      if (!overlaps(b, e)) {
        AddAuthorYear(text, b, e, std::string_view(m[1].data(), m[1].size()),
                      std::string_view(m[2].data(), m[2].size()), &found);
      }
    });
  }
  out->insert(out->end(), found.begin(), found.end());
}

}  // namespace claimlint::cite

namespace claimlint::cite {

// "Hollander and colleagues compared ...", "Smith et al. showed ...": a team
// named with no year. Kept as an author-year citation with year 0, so that it
// resolves by the name alone when the references hold one such author.
void FindNameOnly(std::string_view text, std::vector<Citation>* out) {
  if (text.find(" et al") == std::string_view::npos &&
      text.find(" and co") == std::string_view::npos &&
      text.find(" team") == std::string_view::npos) {
    return;
  }
  static const RE2& re = Re(
      R"(\b((?:(?:van|von|de|der|den|del|della|da|di|du|dos|le|la|ter|ten)\s+)*\p{Lu}[\p{L}'’-]*\p{L})(?:\s+et\s+al\.?|\s+and\s+(?:colleagues|co-?workers|co-?authors|his\s+team|her\s+team|their\s+team))\b)");
  static const RE2& year = Re(R"(\b(?:1[89]|20)\d\d\b)");
  ForEachMatch(re, text, [&](const std::vector<StringPiece>& m) {
    std::size_t b = Off(text, m[0]), e = b + m[0].size();
    std::string name(m[1]);
    if (IsStopName(name)) return;
    // A year close by makes it an author-year citation (found elsewhere) or
    // a described one ("a 2019 study by Smith and colleagues").
    std::size_t lb = b > 40 ? b - 40 : 0;
    std::string_view around = text.substr(lb, std::min(text.size(), e + 24) - lb);
    if (RE2::PartialMatch(StringPiece(around.data(), around.size()), year)) return;
    Citation c;
    c.kind = CitationKind::kAuthorYear;
    c.begin = b;
    c.end = e;
    c.text = std::string(m[0]);
    c.families = {name};
    c.year = 0;
    out->push_back(std::move(c));
  });
}

}  // namespace claimlint::cite
