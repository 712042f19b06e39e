#include "lint/citations/extract.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <memory>
#include <mutex>

#include "lint/citations/text_util.h"
#include "lint/rules/literal_prefilter.h"

namespace claimlint::cite {
namespace {

using re2::RE2;
using re2::StringPiece;

// Calls f(groups) for each leftmost, non-overlapping match of `re` in `text`.
template <typename F>
void ForEachMatch(const RE2& re, std::string_view text, F&& f) {
  int n = re.NumberOfCapturingGroups() + 1;
  std::vector<StringPiece> m(static_cast<std::size_t>(n));
  std::size_t pos = 0;
  while (pos <= text.size() && re.Match(StringPiece(text.data(), text.size()), pos, text.size(),
                                        RE2::UNANCHORED, m.data(), n)) {
    f(m);
    std::size_t end = static_cast<std::size_t>(m[0].data() - text.data()) + m[0].size();
    pos = end > pos ? end : pos + 1;
  }
}

std::size_t Off(std::string_view text, const StringPiece& p) {
  return static_cast<std::size_t>(p.data() - text.data());
}

const RE2& Re(const std::string& pattern) {
  // Patterns are built once per process; RE2 objects are thread-safe to use.
  static auto* cache = new std::map<std::string, std::unique_ptr<RE2>>();
  static auto* mu = new std::mutex();
  std::lock_guard<std::mutex> lock(*mu);
  auto it = cache->find(pattern);
  if (it == cache->end()) {
    it = cache->emplace(pattern, std::make_unique<RE2>(pattern)).first;
  }
  return *it->second;
}

// --- Literal gates ---------------------------------------------------------

// Most sentences cite nothing, yet every finder below has regexes to run. The
// literals each regex needs ("http", "doi", "et al", "NICE", "study") are
// found for all of them in one scan of the sentence, and a regex runs only
// when its literals are there. Cheaper tests (a '[', a year, a quote mark)
// gate the patterns with no literal of three letters or more.
enum GateId : int {
  kGateUrl,
  kGateDoi,
  kGatePmid,
  kGatePmc,
  kGateBare,
  kGateCode,
  kGateForm,                   // the named-source forms, in order
  kGateVague = kGateForm + 7,  // the vague-attribution patterns, in order
  kGateCount = kGateVague + 6,
};

class Gates {
 public:
  explicit Gates(std::string_view text);
  bool operator()(int id) const { return open_[static_cast<std::size_t>(id)] != 0; }

 private:
  std::array<char, kGateCount> open_{};
};

// --- Author-year -----------------------------------------------------------

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

// "Lee et al. 2013": a bare narrative citation, only with "et al." or "and
// colleagues".
const std::string& BarePattern() {
  static const std::string kBare =
      "(" + NamePattern() + R"((?:\s+et\s+al\.?|\s+and\s+(?:colleagues|co-?workers)))\s*,?\s+()" +
      kYear + ")";
  return kBare;
}

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

// --- Numbered and footnote markers ----------------------------------------

void FindNumbered(std::string_view text, std::vector<Citation>* out) {
  if (text.find('[') == std::string_view::npos) return;  // both forms open with one
  static const RE2& re = Re(
      R"(\[\s*(\d{1,3}(?:\s*[-–—]\s*\d{1,3})?(?:\s*[,;]\s*\d{1,3}(?:\s*[-–—]\s*\d{1,3})?)*)\s*\])");
  ForEachMatch(re, text, [&](const std::vector<StringPiece>& m) {
    std::size_t b = Off(text, m[0]), e = b + m[0].size();
    if (e < text.size() && (text[e] == '(' || text[e] == ':')) return;  // link syntax
    Citation c;
    c.kind = CitationKind::kNumbered;
    c.begin = b;
    c.end = e;
    c.text = std::string(m[0]);
    std::string_view list(m[1].data(), m[1].size());
    static const RE2& kRange = Re(R"((\d{1,3})(?:\s*[-–—]\s*(\d{1,3}))?)");
    ForEachMatch(kRange, list, [&](const std::vector<StringPiece>& r) {
      int from = std::stoi(std::string(r[1]));
      int to = r[2].empty() ? from : std::stoi(std::string(r[2]));
      if (to < from || to - from > 50) to = from;
      for (int n = from; n <= to; ++n) c.numbers.push_back(n);
    });
    if (!c.numbers.empty() && c.numbers[0] > 0) out->push_back(std::move(c));
  });
  static const RE2& fn = Re(R"(\[\^([^\]\s]+)\])");
  ForEachMatch(fn, text, [&](const std::vector<StringPiece>& m) {
    if (m[1].size() > 64) return;
    Citation c;
    c.kind = CitationKind::kFootnote;
    c.begin = Off(text, m[0]);
    c.end = c.begin + m[0].size();
    c.text = std::string(m[0]);
    c.label = std::string(m[1]);
    out->push_back(std::move(c));
  });
}

// --- Identifiers and URLs --------------------------------------------------

std::string_view TrimUrlTail(std::string_view s) {
  while (!s.empty()) {
    char c = s.back();
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '\'' || c == '"' || c == ']' ||
        c == '}' || c == '>' || c == '*' || c == '_') {
      s.remove_suffix(1);
    } else if (c == ')') {
      // Keep a ')' that closes a '(' inside the identifier (some DOIs have them).
      auto opens = std::count(s.begin(), s.end(), '(');
      auto closes = std::count(s.begin(), s.end(), ')');
      if (closes > opens) {
        s.remove_suffix(1);
      } else {
        break;
      }
    } else if (s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\x9D" ||
                                 s.substr(s.size() - 3) == "\xE2\x80\x99")) {
      s.remove_suffix(3);
    } else {
      break;
    }
  }
  return s;
}

const char kUrlPattern[] = R"((?i)\bhttps?://[^\s<>"“”]+)";
const char kDoiPattern[] = R"((?i)(?:\bdoi:?\s*)?\b(10\.\d{4,9}/[^\s"<>“”]+))";
const char kPmidPattern[] = R"((?i)\b(?:PMID|PubMed\s+ID)\s*:?\s*(\d{4,9})\b)";
const char kPmcPattern[] = R"(\b(?:PMCID\s*:?\s*)?(PMC\d{4,9})\b)";

void FindIdentifiers(std::string_view text, const Gates& gates, std::vector<Citation>* out) {
  static const RE2& url = Re(kUrlPattern);
  if (gates(kGateUrl)) {
    ForEachMatch(url, text, [&](const std::vector<StringPiece>& m) {
      std::string_view u = TrimUrlTail(std::string_view(m[0].data(), m[0].size()));
      UrlInfo info = ClassifyUrl(u);
      Citation c;
      c.kind = info.kind;
      c.begin = Off(text, m[0]);
      c.end = c.begin + u.size();
      c.text = std::string(u);
      c.url = std::string(u);
      c.doi = info.doi;
      c.pmid = info.pmid;
      c.pmcid = info.pmcid;
      c.evidence_host = info.evidence_host;
      c.source = info.body;
      out->push_back(std::move(c));
    });
  }
  auto inside = [&](std::size_t b) {
    return std::any_of(out->begin(), out->end(),
                       [&](const Citation& c) { return b >= c.begin && b < c.end; });
  };
  std::vector<Citation> found;
  static const RE2& doi = Re(kDoiPattern);
  if (gates(kGateDoi)) {
    ForEachMatch(doi, text, [&](const std::vector<StringPiece>& m) {
      std::size_t b = Off(text, m[0]);
      if (inside(b)) return;
      std::string_view d = TrimUrlTail(std::string_view(m[1].data(), m[1].size()));
      Citation c;
      c.kind = CitationKind::kDoi;
      c.begin = b;
      c.end = Off(text, m[1]) + d.size();
      c.text = std::string(text.substr(c.begin, c.end - c.begin));
      c.doi = NormalizeDoi(d);
      found.push_back(std::move(c));
    });
  }
  static const RE2& pmid = Re(kPmidPattern);
  if (gates(kGatePmid)) {
    ForEachMatch(pmid, text, [&](const std::vector<StringPiece>& m) {
      std::size_t b = Off(text, m[0]);
      if (inside(b)) return;
      Citation c;
      c.kind = CitationKind::kPmid;
      c.begin = b;
      c.end = b + m[0].size();
      c.text = std::string(m[0]);
      c.pmid = std::string(m[1]);
      found.push_back(std::move(c));
    });
  }
  static const RE2& pmc = Re(kPmcPattern);
  if (gates(kGatePmc)) {
    ForEachMatch(pmc, text, [&](const std::vector<StringPiece>& m) {
      std::size_t b = Off(text, m[0]);
      if (inside(b)) return;
      Citation c;
      c.kind = CitationKind::kLink;
      c.begin = b;
      c.end = b + m[0].size();
      c.text = std::string(m[0]);
      c.pmcid = std::string(m[1]);
      c.evidence_host = true;
      found.push_back(std::move(c));
    });
  }
  out->insert(out->end(), found.begin(), found.end());
}

// --- Quoted titles ---------------------------------------------------------

void FindQuotedTitles(std::string_view text, std::vector<Citation>* out) {
  if (text.find('"') == std::string_view::npos && text.find("“") == std::string_view::npos &&
      text.find("‘") == std::string_view::npos) {
    return;
  }
  static const RE2& re = Re(R"re((?:"([^"“”]+)"|“([^"“”]+)”|‘([^‘’]+)’))re");
  static const RE2& intro = Re(
      R"((?i)(?:titled|entitled|study|paper|article|review|report|trial|publication|guideline|guidance)[\s,:]*$)");
  ForEachMatch(re, text, [&](const std::vector<StringPiece>& m) {
    const StringPiece& g = !m[1].empty() ? m[1] : !m[2].empty() ? m[2] : m[3];
    std::string_view title(g.data(), g.size());
    if (title.size() < 8 || title.size() > 300) return;
    if (std::count(title.begin(), title.end(), ' ') < 2) return;  // three words at least
    Citation c;
    c.kind = CitationKind::kQuotedTitle;
    c.begin = Off(text, m[0]);
    c.end = c.begin + m[0].size();
    c.text = std::string(m[0]);
    c.title = Trim(title);
    std::size_t lb = c.begin > 40 ? c.begin - 40 : 0;
    std::string_view before = text.substr(lb, c.begin - lb);
    c.introduced = RE2::PartialMatch(StringPiece(before.data(), before.size()), intro);
    out->push_back(std::move(c));
  });
}

// --- Named bodies ----------------------------------------------------------

struct Body {
  std::string canonical;
  std::vector<std::string> names;
  std::vector<std::string> hosts;
  bool guideline_body;  // issues guidelines
};

const std::vector<Body>& Bodies() {
  static const std::vector<Body> kBodies = {
      {"NICE",
       {"NICE", "National Institute for Health and Care Excellence",
        "National Institute for Health and Clinical Excellence"},
       {"nice.org.uk"},
       true},
      {"WHO", {"WHO", "World Health Organization", "World Health Organisation"}, {"who.int"}, true},
      {"NHS", {"NHS", "National Health Service", "NHS Choices"}, {"nhs.uk"}, true},
      {"CDC",
       {"CDC", "Centers for Disease Control and Prevention", "Centers for Disease Control"},
       {"cdc.gov"},
       true},
      {"NCCIH",
       {"NCCIH", "National Center for Complementary and Integrative Health"},
       {"nccih.nih.gov"},
       false},
      {"NIH", {"NIH", "National Institutes of Health"}, {"nih.gov"}, true},
      {"FDA", {"FDA", "Food and Drug Administration"}, {"fda.gov"}, true},
      {"EMA", {"EMA", "European Medicines Agency"}, {"ema.europa.eu"}, true},
      {"MHRA", {"MHRA", "Medicines and Healthcare products Regulatory Agency"}, {}, true},
      {"AHRQ", {"AHRQ", "Agency for Healthcare Research and Quality"}, {"ahrq.gov"}, true},
      {"ACP", {"American College of Physicians"}, {"acponline.org", "acpjournals.org"}, true},
      {"SIGN", {"Scottish Intercollegiate Guidelines Network"}, {"sign.ac.uk"}, true},
      {"Cochrane",
       {"Cochrane", "Cochrane Collaboration", "Cochrane Library"},
       {"cochrane.org", "cochranelibrary.com"},
       false},
      {"Mayo Clinic", {"Mayo Clinic"}, {"mayoclinic.org"}, false},
  };
  return kBodies;
}

// One alternation of every body name: acronyms case-sensitive, names not.
const std::string& BodyPattern() {
  static const std::string kPattern = [] {
    std::vector<std::string> names;
    for (const Body& b : Bodies()) names.insert(names.end(), b.names.begin(), b.names.end());
    std::sort(names.begin(), names.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    std::string p = "(?:";
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (i) p += '|';
      const std::string& n = names[i];
      bool acronym = std::all_of(n.begin(), n.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
      if (acronym) {
        p += "\\b" + n + "\\b";
      } else {
        std::string words;
        for (char c : n) words += c == ' ' ? std::string(R"(\s+)") : std::string(1, c);
        p += "(?i:\\b" + words + "\\b)";
      }
    }
    return p + ")";
  }();
  return kPattern;
}

struct Form {
  std::string pattern;
  bool guideline;
  int span_group;  // 0: the whole match
};

// The ways an article names a body as its source.
const std::vector<Form>& NamedForms() {
  static const std::vector<Form> kForms = [] {
    const std::string body = "(" + BodyPattern() + ")";
    const std::string the = R"((?:(?i:the)\s+)?)";
    return std::vector<Form>{
        {the + body +
             R"((?:['’]s)?\s+(?i:(?:clinical\s+|national\s+|official\s+|current\s+|latest\s+)?(?:guidelines?|guidance|recommendations?)))",
         true, 0},
        {R"((?i:(?:guidelines?|guidance|recommendations?)\s+(?:from|by|of|issued\s+by))\s+)" + the +
             body,
         true, 0},
        {the + body + R"((?:['’]s)?\s+(?i:website|web\s*site|site|web\s*page|webpage|pages?))",
         false, 0},
        {R"((?i:a|an|the|one|another)\s+(?:[\p{L}\d-]+\s+){0,2}?(Cochrane)\s+(?i:(?:systematic\s+)?reviews?))",
         false, 0},
        {R"((?i:according\s+to)\s+()" + the + body + ")", false, 1},
        {R"((?i:(?:recommended|endorsed|approved|advised|supported|backed|recogni[sz]ed)\s+by)\s+()" +
             the + body + ")",
         false, 1},
        {"(" + the + body +
             R"()\s+(?i:says|said|states|stated|recommends|recommended|advises|advised|warns|warned|reports|reported|suggests|suggested|endorses|endorsed|approves|approved|notes|noted)\b)",
         false, 1},
    };
  }();
  return kForms;
}

const char kGuidelineCodePattern[] =
    R"(\b((?:NG|CG|PH|QS|TA|DG|IPG|MTG|NICE\s+guideline\s+)\s?\d{1,4})\b)";

void FindNamedSources(std::string_view text, const Gates& gates, std::vector<Citation>* out) {
  const std::vector<Form>& kForms = NamedForms();
  static const RE2& code = Re(kGuidelineCodePattern);
  std::string found_code;
  if (gates(kGateCode)) {
    ForEachMatch(code, text, [&](const std::vector<StringPiece>& m) {
      if (found_code.empty()) {
        for (char ch : std::string(m[1])) {
          if (ch != ' ') found_code += ch;
        }
        if (found_code.rfind("NICEguideline", 0) == 0) found_code = found_code.substr(13);
      }
    });
  }
  static const std::vector<std::unique_ptr<RE2>> kCompiled = [] {
    std::vector<std::unique_ptr<RE2>> v;
    for (const Form& f : NamedForms()) v.push_back(std::make_unique<RE2>(f.pattern));
    return v;
  }();
  std::vector<Citation> found;
  for (std::size_t fi = 0; fi < kForms.size(); ++fi) {
    const Form& f = kForms[fi];
    if (!gates(kGateForm + static_cast<int>(fi))) continue;
    ForEachMatch(*kCompiled[fi], text, [&](const std::vector<StringPiece>& m) {
      const StringPiece& span = m[static_cast<std::size_t>(f.span_group)];
      std::size_t b = Off(text, span), e = b + span.size();
      for (const Citation& c : found) {
        if (b < c.end && c.begin < e) return;
      }
      // The body's name is the first non-empty group after the span group.
      std::string name;
      for (std::size_t g = 1; g < m.size(); ++g) {
        if (static_cast<int>(g) != f.span_group && !m[g].empty()) {
          name = std::string(m[g]);
          break;
        }
      }
      Citation c;
      c.kind = CitationKind::kNamedSource;
      c.begin = b;
      c.end = e;
      c.text = std::string(span);
      c.source = CanonicalBody(name);
      c.guideline = f.guideline;
      c.code = found_code;
      if (!c.source.empty()) found.push_back(std::move(c));
    });
  }
  out->insert(out->end(), found.begin(), found.end());
}

// --- Vague attributions ----------------------------------------------------

bool DefiniteBefore(std::string_view text, std::size_t b) {
  static const RE2& re =
      Re(R"((?i)\b(?:the|this|these|those|that|our|their|its|his|her|such|both)\s+$)");
  std::size_t lb = b > 24 ? b - 24 : 0;
  std::string_view before = text.substr(lb, b - lb);
  return RE2::PartialMatch(StringPiece(before.data(), before.size()), re);
}

// "a 2015 review by Australia's National Health and Medical Research Council",
// "a 2019 study in The Lancet": the study is named by its author or by its
// year and journal.
bool NamedAfter(std::string_view text, std::size_t e) {
  static const RE2& by = Re(R"(^\s+(?:by|from)\s+(?:the\s+)?\p{Lu})");
  static const RE2& journal = Re(R"(^\s+(?:in|published\s+in)\s+(?:the\s+(?:journal\s+)?)?\p{Lu})");
  static const RE2& year = Re(R"(\b(?:19|20)\d\d\b)");
  std::string_view after = text.substr(e);
  StringPiece a(after.data(), after.size());
  if (RE2::PartialMatch(a, by)) return true;
  std::size_t lb = e > 40 ? e - 40 : 0;
  std::string_view span = text.substr(lb, e - lb);
  return RE2::PartialMatch(a, journal) &&
         RE2::PartialMatch(StringPiece(span.data(), span.size()), year);
}

// Unnamed authorities: "a study found", "research shows", "experts say".
const std::vector<std::string>& VaguePatterns() {
  static const std::vector<std::string> kPatterns = {
      // "A study on PubMed examined ...": an unnamed study that reports something.
      R"((?i)\b((?:a|one|another)\s+(?:[a-z0-9-]+\s+){0,3}?(?:study|trial|review|paper|survey|analysis|meta-analysis)(?:\s+(?:on|in|from|published\s+(?:on|in))\s+(?:PubMed|Google\s+Scholar|Medline|the\s+internet|the\s+web))?)\b[^;]*?\b(?:found|finds|showed|shows|shown|examined|examines|looked\s+at|suggested|suggests|reported|reports|concluded|concludes|demonstrated|demonstrates|revealed|reveals|published|compared|compares|tested|tests|investigated|investigates|proved|proves|confirmed|confirms|indicated|indicates)\b)",
      R"((?i)\b((?:(?:recent|new|many|several|numerous|some|multiple|clinical|scientific|medical|countless|various|other|most|large|larger|small|independent|systematic|published)\s+)*(?:studies|research|trials|science|scientists|experts|researchers|doctors|reviews|analyses|meta-analyses|surveys|papers|evidence)\s+(?:has|have)\s+(?:shown|proven|proved|found|demonstrated|confirmed|suggested|indicated|revealed))\b)",
      R"((?i)\b((?:(?:recent|new|many|several|numerous|some|multiple|clinical|scientific|medical|current|most|large|larger|independent|systematic|published)\s+)*(?:studies|research|science|trials|reviews|evidence)\s+(?:shows?|proves?|suggests?|finds|found|indicates?|confirms?|demonstrates?|says|supports?|showed|suggested))\b)",
      // "..., although in trials it has worked ...": trials as the unnamed
      // authority of a clause that follows another.
      R"((?i)(?:[,;]\s*|\b(?:although|though|but|and|while|yet|whereas|because|since)\s+)(in\s+(?:(?:some|many|several|recent|clinical|randomi[sz]ed|controlled|small|large|human)\s+)*(?:trials|studies))\s*,?\s+(?:it|they|this|these|those|people|patients|participants|volunteers|users|the|a|an)\b)",
      R"((?i)\b((?:(?:many|most|some|leading|top)\s+)?(?:experts|scientists|doctors|researchers|specialists|health\s+professionals)\s+(?:say|agree|believe|claim|recommend|suggest|warn|think))\b)",
      R"((?i)\b(according\s+to\s+(?:(?:recent|new|some|many|the\s+latest|current)\s+)?(?:research|studies|experts|scientists|science|doctors|a\s+(?:recent\s+|new\s+)?(?:study|report|survey)))\b)",
  };
  return kPatterns;
}

void FindVague(std::string_view text, const Gates& gates, std::vector<Citation>* out) {
  static const std::vector<std::unique_ptr<RE2>> kCompiled = [] {
    std::vector<std::unique_ptr<RE2>> v;
    for (const std::string& p : VaguePatterns()) v.push_back(std::make_unique<RE2>(p));
    return v;
  }();
  std::vector<Citation> found;
  for (std::size_t vi = 0; vi < kCompiled.size(); ++vi) {
    if (!gates(kGateVague + static_cast<int>(vi))) continue;
    ForEachMatch(*kCompiled[vi], text, [&](const std::vector<StringPiece>& m) {
      std::size_t b = Off(text, m[1]), e = b + m[1].size();
      if (DefiniteBefore(text, b)) return;
      if (NamedAfter(text, e)) return;
      for (const Citation& c : found) {
        if (b < c.end && c.begin < e) return;
      }
      Citation c;
      c.kind = CitationKind::kVague;
      c.begin = b;
      c.end = e;
      c.text = std::string(m[1]);
      found.push_back(std::move(c));
    });
  }
  out->insert(out->end(), found.begin(), found.end());
}

int Priority(CitationKind k) {
  switch (k) {
    case CitationKind::kDoi:
    case CitationKind::kPmid:
    case CitationKind::kLink:
      return 0;
    case CitationKind::kFootnote:
      return 1;
    case CitationKind::kNumbered:
      return 2;
    case CitationKind::kAuthorYear:
      return 3;
    case CitationKind::kQuotedTitle:
      return 4;
    case CitationKind::kNamedSource:
      return 5;
    case CitationKind::kVague:
      return 6;
  }
  return 7;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool HostIs(std::string_view host, std::string_view domain) {
  return host == domain ||
         (host.size() > domain.size() && host.substr(host.size() - domain.size()) == domain &&
          host[host.size() - domain.size() - 1] == '.');
}

std::string PercentDecode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

const LiteralPrefilter& GatePrefilter() {
  static const LiteralPrefilter* filter = [] {
    std::vector<std::string> patterns = {kUrlPattern, kDoiPattern,   kPmidPattern,
                                         kPmcPattern, BarePattern(), kGuidelineCodePattern};
    for (const Form& f : NamedForms()) patterns.push_back(f.pattern);
    const std::vector<std::string>& vague = VaguePatterns();
    patterns.insert(patterns.end(), vague.begin(), vague.end());
    auto* f = new LiteralPrefilter();
    for (const std::string& p : patterns) f->Add(p, /*case_sensitive=*/true);
    f->Compile();
    return f;
  }();
  return *filter;
}

Gates::Gates(std::string_view text) {
  thread_local std::vector<int> open;
  GatePrefilter().Candidates(text, &open);
  for (int id : open) {
    if (id < kGateCount) open_[static_cast<std::size_t>(id)] = 1;
  }
}

}  // namespace

std::vector<Citation> ExtractFromText(std::string_view text) {
  std::vector<Citation> all;
  const Gates gates(text);
  FindIdentifiers(text, gates, &all);
  FindNumbered(text, &all);
  FindAuthorYear(text, gates, &all);
  FindQuotedTitles(text, &all);
  FindNamedSources(text, gates, &all);
  FindVague(text, gates, &all);
  // Keep the most specific of overlapping finds (stable for equal ones).
  std::stable_sort(all.begin(), all.end(), [](const Citation& a, const Citation& b) {
    return Priority(a.kind) < Priority(b.kind);
  });
  std::vector<Citation> kept;
  for (Citation& c : all) {
    bool clash = false;
    for (const Citation& k : kept) {
      bool overlap = c.begin < k.end && k.begin < c.end;
      bool same = c.begin == k.begin && c.end == k.end && c.kind == k.kind;
      // A quoted title may contain nothing but its words; an author-year in a
      // title is part of the title, so overlaps always clash, except several
      // years of one narrative citation, which share a range.
      if (overlap && !(same && c.kind == CitationKind::kAuthorYear)) clash = true;
    }
    if (!clash) kept.push_back(std::move(c));
  }
  std::stable_sort(kept.begin(), kept.end(),
                   [](const Citation& a, const Citation& b) { return a.begin < b.begin; });
  return kept;
}

UrlInfo ClassifyUrl(std::string_view url) {
  UrlInfo info;
  std::size_t scheme = url.find("://");
  std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  std::size_t slash = rest.find_first_of("/?#");
  info.host = Lower(rest.substr(0, slash));
  if (info.host.rfind("www.", 0) == 0) info.host = info.host.substr(4);
  std::string path = slash == std::string_view::npos ? "" : std::string(rest.substr(slash));
  StringPiece g[2];
  if (HostIs(info.host, "doi.org")) {
    info.kind = CitationKind::kDoi;
    info.doi = NormalizeDoi(PercentDecode(path.size() > 1 ? path.substr(1) : ""));
    info.evidence_host = !info.doi.empty();
    if (info.doi.empty()) info.kind = CitationKind::kLink;
    return info;
  }
  if (info.host == "pubmed.ncbi.nlm.nih.gov" || HostIs(info.host, "ncbi.nlm.nih.gov") ||
      info.host == "europepmc.org" || info.host == "pmc.ncbi.nlm.nih.gov") {
    info.evidence_host = true;
    if (RE2::PartialMatch(path, Re(R"((?i)(PMC\d{4,9}))"), &g[0])) {
      info.pmcid = std::string(g[0]);
      for (char& c : info.pmcid) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else if (info.host == "pubmed.ncbi.nlm.nih.gov" &&
               RE2::PartialMatch(path, Re(R"(^/(\d{4,9}))"), &g[0])) {
      info.kind = CitationKind::kPmid;
      info.pmid = std::string(g[0]);
    } else if (RE2::PartialMatch(path, Re(R"((?i)/pubmed/(\d{4,9}))"), &g[0]) ||
               RE2::PartialMatch(path, Re(R"((?i)/(?:abstract/)?med/(\d{4,9}))"), &g[0])) {
      info.kind = CitationKind::kPmid;
      info.pmid = std::string(g[0]);
    }
    return info;
  }
  // Publisher pages often carry the DOI in the path: /doi/10.1000/xyz.
  if (RE2::PartialMatch(path, Re(R"((?i)/doi/(?:abs/|full/|pdf/|epdf/)?(10\.\d{4,9}/[^?#\s]+))"),
                        &g[0])) {
    info.doi = NormalizeDoi(PercentDecode(std::string(g[0])));
  }
  static const char* kEvidenceHosts[] = {"bmj.com",
                                         "thelancet.com",
                                         "nejm.org",
                                         "jamanetwork.com",
                                         "nature.com",
                                         "sciencedirect.com",
                                         "springer.com",
                                         "wiley.com",
                                         "tandfonline.com",
                                         "lww.com",
                                         "oup.com",
                                         "plos.org",
                                         "frontiersin.org",
                                         "mdpi.com",
                                         "sagepub.com",
                                         "cambridge.org",
                                         "karger.com",
                                         "thieme-connect.com",
                                         "annals.org",
                                         "acpjournals.org",
                                         "ahajournals.org",
                                         "clinicaltrials.gov",
                                         "biomedcentral.com",
                                         "elifesciences.org",
                                         "medrxiv.org",
                                         "biorxiv.org",
                                         "cochranelibrary.com",
                                         "cochrane.org",
                                         "nice.org.uk",
                                         "who.int",
                                         "nhs.uk",
                                         "cdc.gov",
                                         "nih.gov",
                                         "fda.gov",
                                         "ema.europa.eu",
                                         "ahrq.gov",
                                         "sign.ac.uk",
                                         "gov.uk",
                                         "jamanetwork.org",
                                         "cmaj.ca",
                                         "mja.com.au",
                                         "bmjopen.bmj.com",
                                         "acponline.org",
                                         "mayoclinic.org",
                                         "isrctn.com",
                                         "trialsjournal.biomedcentral.com",
                                         "semanticscholar.org",
                                         "scholar.archive.org",
                                         "jstor.org",
                                         "science.org",
                                         "cell.com",
                                         "pnas.org",
                                         "annfammed.org",
                                         "aafp.org",
                                         "bjgp.org",
                                         "journals.lww.com",
                                         "painphysicianjournal.com"};
  for (const char* h : kEvidenceHosts) {
    if (HostIs(info.host, h)) info.evidence_host = true;
  }
  for (const Body& b : Bodies()) {
    for (const std::string& h : b.hosts) {
      if (HostIs(info.host, h)) info.body = b.canonical;
    }
  }
  if (!info.doi.empty()) info.evidence_host = true;
  return info;
}

std::string CanonicalBody(std::string_view name) {
  // Names normalised once: acronyms compared as written (case-sensitive, with
  // or without "the"), other names folded.
  struct Known {
    std::string key;
    bool acronym;
    const std::string* canonical;
  };
  static const std::vector<Known> kKnown = [] {
    std::vector<Known> v;
    for (const Body& b : Bodies()) {
      for (const std::string& n : b.names) {
        bool acronym = std::all_of(n.begin(), n.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
        v.push_back({acronym ? n : NormalizeTitle(n), acronym, &b.canonical});
      }
    }
    return v;
  }();
  std::string_view trimmed = TrimView(name);
  if (trimmed.size() > 120) return "";
  std::string_view bare = trimmed;
  if (bare.rfind("the ", 0) == 0 || bare.rfind("The ", 0) == 0) bare.remove_prefix(4);
  std::string folded = NormalizeTitle(bare);
  for (const Known& k : kKnown) {
    if (k.acronym ? bare == k.key : folded == k.key) return *k.canonical;
  }
  return "";
}

const std::vector<std::string>& BodyNames(std::string_view body) {
  static const std::vector<std::string> kNone;
  for (const Body& b : Bodies()) {
    if (b.canonical == body) return b.names;
  }
  return kNone;
}

const std::vector<std::string>& BodyHosts(std::string_view body) {
  static const std::vector<std::string> kNone;
  for (const Body& b : Bodies()) {
    if (b.canonical == body) return b.hosts;
  }
  return kNone;
}

StatedDetails FindStatedDetails(std::string_view sentence) {
  StatedDetails d;
  static const std::string kJournal =
      R"(((?:[Tt]he\s+)?\p{Lu}[\p{L}&.'’-]*(?:\s+(?:(?:of|and|for|in|the|on|&)\s+)*\p{Lu}[\p{L}&.'’-]*)*))";
  static const RE2& journal = Re(
      R"(\b(?:published|appeared|reported|printed|appearing)\s+in\s+(?:the\s+(?:journal\s+)?)?)" +
      kJournal);
  static const RE2& journal2 = Re(R"(\bin\s+the\s+journal\s+)" + kJournal);
  StringPiece g;
  StringPiece text(sentence.data(), sentence.size());
  if (RE2::PartialMatch(text, journal, &g) || RE2::PartialMatch(text, journal2, &g)) {
    std::string_view raw(g.data(), g.size());
    while (!raw.empty() &&
           (raw.back() == '.' || raw.back() == ',' || raw.back() == '\'' || raw.back() == '-')) {
      raw.remove_suffix(1);
    }
    g = StringPiece(raw.data(), raw.size());
    std::string name = Trim(raw);
    std::string_view first = name;
    if (first.rfind("The ", 0) == 0 || first.rfind("the ", 0) == 0) first.remove_prefix(4);
    first = first.substr(0, first.find(' '));
    if (!IsStopName(first) && !name.empty()) {
      d.journal = name;
      d.journal_begin = static_cast<std::size_t>(g.data() - sentence.data());
      d.journal_end = d.journal_begin + g.size();
    }
  }
  static const RE2& year1 = Re(
      R"((?i)\b(?:published|conducted|released|carried\s+out|issued)\b[^.;]*?\bin\s+((?:19|20)\d\d)\b)");
  static const RE2& year2 = Re(
      R"((?i)\b(?:a|an|the|one)\s+((?:19|20)\d\d)\s+(?:study|trial|review|paper|report|survey|analysis|meta-analysis|guideline|systematic\s+review|randomi[sz]ed))");
  if (RE2::PartialMatch(text, year1, &g) || RE2::PartialMatch(text, year2, &g)) {
    d.year = std::stoi(std::string(g));
    d.year_begin = static_cast<std::size_t>(g.data() - sentence.data());
    d.year_end = d.year_begin + g.size();
  }
  return d;
}

std::string NormalizeDoi(std::string_view doi) {
  std::string d = Lower(TrimView(doi));
  for (std::string_view prefix : {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
                                  "http://dx.doi.org/", "doi.org/", "doi:", "doi "}) {
    if (d.rfind(prefix, 0) == 0) d = Trim(d.substr(prefix.size()));
  }
  d = std::string(TrimUrlTail(d));
  if (d.rfind("10.", 0) != 0 || d.find('/') == std::string::npos) return "";
  return d;
}

std::string NormalizeUrl(std::string_view url) {
  std::string u = Lower(TrimView(url));
  std::size_t scheme = u.find("://");
  if (scheme != std::string::npos) u = u.substr(scheme + 3);
  if (u.rfind("www.", 0) == 0) u = u.substr(4);
  std::size_t hash = u.find('#');
  if (hash != std::string::npos) u.resize(hash);
  while (!u.empty() && u.back() == '/') u.pop_back();
  return u;
}

bool RefersBack(std::string_view sentence) {
  static const RE2& re = Re(
      R"((?i)^(?:(?:however|moreover|furthermore|additionally|also|in\s+addition|notably|importantly|overall|specifically)\s*,?\s+)?(?:(?:the|this|these|that|its|their|such)\s+(?:[a-z-]+\s+)?(?:study|studies|trial|trials|review|findings|results|research|researchers|authors|analysis|paper|data|investigators|work|meta-analysis|outcomes?)\b|(?:they|it)\s+(?:also\s+)?(?:found|showed|reported|concluded|suggested|demonstrated|observed)\b|in\s+(?:this|that|the)\s+(?:study|trial|review)\b))");
  std::string_view t = TrimView(sentence);
  return RE2::PartialMatch(StringPiece(t.data(), t.size()), re);
}

}  // namespace claimlint::cite
