#include "lint/text/fold.h"

#include "lint/text/strings.h"

#include <algorithm>
#include <set>
#include <unordered_set>

namespace claimlint {
namespace {

// Base letters of U+00C0..U+00FF.
constexpr const char* kLatin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "x", "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "/", "o", "u", "u", "u", "u", "y", "th", "y"};

// Base letters of U+0100..U+017F, as ranges.
struct FoldRange {
  char32_t first, last;
  const char* base;
};
constexpr FoldRange kLatinExtA[] = {
    {0x100, 0x105, "a"}, {0x106, 0x10D, "c"},  {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"},
    {0x11C, 0x123, "g"}, {0x124, 0x127, "h"},  {0x128, 0x131, "i"}, {0x132, 0x133, "ij"},
    {0x134, 0x135, "j"}, {0x136, 0x138, "k"},  {0x139, 0x142, "l"}, {0x143, 0x14B, "n"},
    {0x14C, 0x151, "o"}, {0x152, 0x153, "oe"}, {0x154, 0x159, "r"}, {0x15A, 0x161, "s"},
    {0x162, 0x167, "t"}, {0x168, 0x173, "u"},  {0x174, 0x175, "w"}, {0x176, 0x178, "y"},
    {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"}};

// Decodes one UTF-8 sequence at s[i]; returns its length (1 for bad bytes).
std::size_t Decode(std::string_view s, std::size_t i, char32_t* cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (i + len > s.size()) len = 1;
  if (len == 1) {
    *cp = c;
    return 1;
  }
  char32_t v = c & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k)
    v = (v << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  *cp = v;
  return len;
}

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// "runn" -> "run" after stripping -ing/-ed.
void UndoubleConsonant(std::string* w) {
  std::size_t n = w->size();
  if (n >= 3 && (*w)[n - 1] == (*w)[n - 2] && !IsVowel((*w)[n - 1]) && (*w)[n - 1] != 's' &&
      (*w)[n - 1] != 'l') {
    w->pop_back();
  }
}

bool HasVowel(std::string_view w) {
  return std::any_of(w.begin(), w.end(), [](char c) { return IsVowel(c) || c == 'y'; });
}

}  // namespace

std::string FoldLower(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp;
    std::size_t len = Decode(text, i, &cp);
    if (cp < 0x80) {
      out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp);
    } else if (cp >= 0xC0 && cp <= 0xFF) {
      out += kLatin1[cp - 0xC0];
    } else if (cp >= 0x100 && cp <= 0x17F) {
      for (const FoldRange& r : kLatinExtA) {
        if (cp >= r.first && cp <= r.last) {
          out += r.base;
          break;
        }
      }
    } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x2032) {
      out += '\'';
    } else if (cp == 0x201C || cp == 0x201D || cp == 0x2033) {
      out += '"';
    } else if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212) {
      out += '-';
    } else if (cp == 0xA0 || cp == 0x2009 || cp == 0x202F) {
      out += ' ';
    } else {
      out.append(text.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::vector<std::string> Words(std::string_view text) {
  std::string folded = FoldLower(text);
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && !IsWordByte(static_cast<unsigned char>(folded[i]))) ++i;
    std::size_t b = i;
    while (i < folded.size() && IsWordByte(static_cast<unsigned char>(folded[i]))) ++i;
    if (i > b) words.emplace_back(folded.substr(b, i - b));
  }
  return words;
}

std::string Stem(std::string_view word) {
  std::string w(word);
  if (w.size() <= 3) return w;
  // British spellings to American ones, so both sides meet.
  if (EndsWith(w, "isation")) w.replace(w.size() - 7, 7, "ization");
  for (std::string_view s : {"ised", "ises", "ise", "ising"}) {
    if (w.size() >= s.size() + 4 && EndsWith(w, s)) {
      w.replace(w.size() - s.size(), 2, "iz");
      break;
    }
  }
  if (w.size() >= 6 && EndsWith(w, "our")) w.replace(w.size() - 3, 3, "or");
  if (EndsWith(w, "ies") && w.size() > 4) {
    w.replace(w.size() - 3, 3, "y");
  } else if (EndsWith(w, "ied") && w.size() > 4) {
    w.replace(w.size() - 3, 3, "y");
  } else if (EndsWith(w, "sses")) {
    w.resize(w.size() - 2);
  } else if (EndsWith(w, "s") && !EndsWith(w, "ss") && !EndsWith(w, "us") && !EndsWith(w, "is")) {
    w.pop_back();
  }
  if (EndsWith(w, "ing") && w.size() >= 6 &&
      HasVowel(std::string_view(w).substr(0, w.size() - 3))) {
    w.resize(w.size() - 3);
    UndoubleConsonant(&w);
  } else if (EndsWith(w, "ed") && w.size() >= 5 &&
             HasVowel(std::string_view(w).substr(0, w.size() - 2))) {
    w.resize(w.size() - 2);
    UndoubleConsonant(&w);
  }
  if (w.size() > 3 && w.back() == 'e') w.pop_back();
  return w;
}

bool IsStopword(std::string_view w) {
  static const std::unordered_set<std::string_view> kStop = {
      "a",       "about",   "above",  "after",   "again", "against", "all",   "also",    "am",
      "an",      "and",     "any",    "are",     "as",    "at",      "be",    "because", "been",
      "before",  "being",   "below",  "between", "both",  "but",     "by",    "can",     "could",
      "did",     "do",      "does",   "doing",   "down",  "during",  "each",  "few",     "for",
      "from",    "further", "had",    "has",     "have",  "having",  "he",    "her",     "here",
      "hers",    "him",     "his",    "how",     "i",     "if",      "in",    "into",    "is",
      "it",      "its",     "itself", "just",    "may",   "me",      "might", "more",    "most",
      "much",    "must",    "my",     "no",      "nor",   "not",     "now",   "of",      "off",
      "on",      "once",    "one",    "only",    "or",    "other",   "our",   "out",     "over",
      "own",     "same",    "she",    "should",  "so",    "some",    "such",  "than",    "that",
      "the",     "their",   "them",   "then",    "there", "these",   "they",  "this",    "those",
      "through", "to",      "too",    "under",   "until", "up",      "us",    "very",    "was",
      "we",      "were",    "what",   "when",    "where", "which",   "while", "who",     "whom",
      "why",     "will",    "with",   "would",   "you",   "your",    "s",     "t",       "versus",
      "vs",      "via",     "within", "without", "among", "per",     "upon",  "whether", "than",
      "many",    "several", "often",  "usually", "well",  "like",    "using", "use",     "used"};
  return kStop.count(w) > 0;
}

bool IsReportingWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kReporting = {
      "study",     "studies",  "research",      "researcher", "researchers", "paper",
      "article",   "pubmed",   "published",     "publish",    "journal",     "found",
      "find",      "finds",    "finding",       "findings",   "show",        "shows",
      "showed",    "shown",    "suggest",       "suggests",   "suggested",   "report",
      "reports",   "reported", "examined",      "examine",    "examines",    "looked",
      "result",    "results",  "effectiveness", "notable",    "recent",      "new",
      "et",        "al",       "evidence",      "insights",   "valuable",    "provides",
      "conducted", "titled",   "entitled",      "according",  "experts",     "scientists",
      "data",      "authors",  "investigated",  "concluded",  "conclusion"};
  return kReporting.count(w) > 0;
}

void FindAcronyms(std::string_view text, AcronymMap* out) {
  for (std::size_t open = text.find('('); open != std::string_view::npos;
       open = text.find('(', open + 1)) {
    std::size_t close = text.find(')', open);
    if (close == std::string_view::npos) break;
    std::string_view shortf = text.substr(open + 1, close - open - 1);
    if (shortf.size() < 2 || shortf.size() > 10) continue;
    int upper = 0;
    bool ok = true;
    for (char c : shortf) {
      if (c >= 'A' && c <= 'Z') ++upper;
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
        ok = false;
    }
    if (!ok || upper < 2 || !(shortf[0] >= 'A' && shortf[0] <= 'Z')) continue;
    // Candidate long form: up to min(|A| + 5, 2|A|) words before "(", within
    // the clause.
    std::size_t max_words = std::min(shortf.size() + 5, shortf.size() * 2);
    std::size_t begin = open;
    std::size_t words = 0;
    while (begin > 0 && words < max_words) {
      std::size_t e = begin;
      while (e > 0 && text[e - 1] == ' ') --e;
      if (e == 0) break;
      char prev = text[e - 1];
      if (prev == ',' || prev == ';' || prev == ':' || prev == '.' || prev == '(' || prev == ')')
        break;
      std::size_t b = e;
      while (b > 0 && text[b - 1] != ' ') --b;
      begin = b;
      ++words;
    }
    std::string longf = FoldLower(text.substr(begin, open - begin));
    std::string sh = FoldLower(shortf);
    // Schwartz & Hearst: match the acronym's characters right to left; the
    // first must start a word.
    int s = static_cast<int>(sh.size()) - 1;
    int l = static_cast<int>(longf.size()) - 1;
    while (l >= 0 && longf[l] == ' ') --l;
    bool matched = true;
    for (; s >= 0; --s) {
      char c = sh[s];
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) continue;
      while (l >= 0 &&
             (longf[l] != c || (s == 0 && l > 0 && longf[l - 1] != ' ' && longf[l - 1] != '-'))) {
        --l;
      }
      if (l < 0) {
        matched = false;
        break;
      }
      --l;
    }
    if (!matched) continue;
    std::size_t start = static_cast<std::size_t>(l + 1);
    while (start > 0 && longf[start - 1] != ' ') --start;
    std::vector<std::string> long_words = Words(std::string_view(longf).substr(start));
    if (long_words.empty() || long_words.size() > max_words) continue;
    out->emplace(sh, std::move(long_words));
  }
}

std::vector<std::string> ContentTerms(std::string_view text, const AcronymMap* acronyms) {
  std::vector<std::string> terms;
  std::set<std::string> seen;
  auto add = [&](const std::string& w) {
    if (w.size() < 2 || IsStopword(w) || IsReportingWord(w)) return;
    if (std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) return;
    std::string st = Stem(w);
    if (seen.insert(st).second) terms.push_back(st);
  };
  for (const std::string& w : Words(text)) {
    if (acronyms) {
      auto it = acronyms->find(w);
      if (it != acronyms->end()) {
        for (const std::string& lw : it->second) add(lw);
      }
    }
    add(w);
  }
  return terms;
}

std::string NormalizeTitle(std::string_view title) {
  std::string out;
  for (const std::string& w : Words(title)) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

double TitleSimilarity(std::string_view a, std::string_view b) {
  auto stems = [](std::string_view t) {
    std::set<std::string> s;
    for (const std::string& w : Words(t)) {
      if (!IsStopword(w)) s.insert(Stem(w));
    }
    return s;
  };
  std::set<std::string> sa = stems(a), sb = stems(b);
  if (sa.empty() || sb.empty()) return 0.0;
  std::size_t common = 0;
  for (const std::string& w : sa) common += sb.count(w);
  return 2.0 * static_cast<double>(common) / static_cast<double>(sa.size() + sb.size());
}

}  // namespace claimlint
