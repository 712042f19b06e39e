#include "lint/document/sentence_splitter.h"

#include <array>
#include <cctype>
#include <string>

#include "lint/base/limits.h"

namespace claimlint {
namespace {

bool IsSpaceAt(std::string_view t, std::size_t i, std::size_t* len) {
  if (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r') {
    *len = 1;
    return true;
  }
  if (t.substr(i, 2) == "\xC2\xA0") {  // no-break space
    *len = 2;
    return true;
  }
  return false;
}

// Closing quotes and brackets that may follow a terminator: ) ] " ' ” ’ »
std::size_t ClosingAt(std::string_view t, std::size_t i) {
  char c = t[i];
  if (c == ')' || c == ']' || c == '"' || c == '\'' || c == '*' || c == '_') return 1;
  if (t.substr(i, 3) == "\xE2\x80\x9D" || t.substr(i, 3) == "\xE2\x80\x99") return 3;
  if (t.substr(i, 2) == "\xC2\xBB") return 2;
  return 0;
}

// Can a sentence start with the character at t[i]?
bool StartsSentence(std::string_view t, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (std::isupper(c) || std::isdigit(c)) return true;
  if (c == '"' || c == '\'' || c == '(' || c == '[' || c == '*' || c == '_' || c == '#') return true;
  return c >= 0x80;  // curly quotes, accented capitals, ...: lean to splitting
}

constexpr std::array<std::string_view, 29> kAbbreviations = {
    "al",   "e.g",  "i.e", "dr",  "mr",   "mrs",  "ms",   "prof", "vs",   "approx",
    "fig",  "st",   "jr",  "sr",  "inc",  "ltd",  "co",   "vol",  "pp",   "ca",
    "cf",   "dept", "est", "mt",  "nos",  "viz",  "op",   "cit",  "resp"};

std::string LowerWordBefore(std::string_view t, std::size_t dot) {
  std::size_t b = dot;
  while (b > 0 && (std::isalpha(static_cast<unsigned char>(t[b - 1])) || t[b - 1] == '.')) --b;
  std::string w(t.substr(b, dot - b));
  for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return w;
}

// Is the '.' at t[dot] part of an abbreviation, an initial or a number?
bool IsNonFinalDot(std::string_view t, std::size_t dot, std::size_t next) {
  if (dot + 1 < t.size() && std::isdigit(static_cast<unsigned char>(t[dot + 1]))) return true;
  std::string w = LowerWordBefore(t, dot);
  if (w.empty()) return false;
  for (std::string_view a : kAbbreviations) {
    if (w == a) return true;
  }
  // "No. 5", "no. 12"
  if (w == "no" && next < t.size() && std::isdigit(static_cast<unsigned char>(t[next]))) return true;
  // Initials and dotted acronyms: "J. Smith", "U.K.", "e.g."
  std::size_t b = dot;
  while (b > 0 && std::isalpha(static_cast<unsigned char>(t[b - 1]))) --b;
  if (dot - b == 1 && std::isupper(static_cast<unsigned char>(t[b]))) return true;
  if (w.find('.') != std::string::npos) return true;  // "u.k", "e.g" forms
  return false;
}

}  // namespace

namespace {

// Sentences longer than limits::kSentenceBytes cut into pieces at a space (or
// a code point boundary when a piece has none): the work every check does per
// sentence is then bounded, whatever the input.
std::vector<SentenceSpan> CutLongSentences(std::string_view t, std::vector<SentenceSpan> spans) {
  constexpr std::size_t kMax = limits::kSentenceBytes;
  bool any = false;
  for (const SentenceSpan& s : spans) any = any || s.end - s.begin > kMax;
  if (!any) return spans;
  std::vector<SentenceSpan> out;
  for (const SentenceSpan& s : spans) {
    if (s.end - s.begin <= kMax) {
      out.push_back(s);
      continue;
    }
    for (std::size_t b = s.begin; b < s.end;) {
      std::size_t e = b + kMax;
      if (e >= s.end) {
        e = s.end;
      } else {
        std::size_t space = e;
        while (space > b + kMax / 2 && t[space - 1] != ' ' && t[space - 1] != '\t' &&
               t[space - 1] != '\n') {
          --space;
        }
        if (space > b + kMax / 2) {
          e = space;
        } else {
          while (e > b + 1 && (static_cast<unsigned char>(t[e]) & 0xC0) == 0x80) --e;
        }
      }
      std::size_t pb = b, pe = e;
      while (pb < pe && (t[pb] == ' ' || t[pb] == '\t' || t[pb] == '\n')) ++pb;
      while (pe > pb && (t[pe - 1] == ' ' || t[pe - 1] == '\t' || t[pe - 1] == '\n')) --pe;
      if (pe > pb) out.push_back({pb, pe, true});
      b = e;
    }
  }
  return out;
}

}  // namespace

std::vector<SentenceSpan> SplitSentences(std::string_view t) {
  std::vector<SentenceSpan> out;
  std::size_t start = 0;
  int depth = 0;  // inside ( ) or [ ]
  auto push = [&](std::size_t b, std::size_t e) {
    std::size_t len;
    while (b < e && IsSpaceAt(t, b, &len)) b += len;
    while (e > b && (t[e - 1] == ' ' || t[e - 1] == '\t')) --e;
    if (e > b) out.push_back({b, e});
  };
  for (std::size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c == '(' || c == '[') {
      ++depth;
      continue;
    }
    if ((c == ')' || c == ']') && depth > 0) {
      --depth;
      continue;
    }
    if (c != '.' && c != '?' && c != '!') continue;
    if (depth > 0) continue;
    // The terminator run: "...", "?!", then closing quotes/brackets.
    std::size_t j = i;
    while (j < t.size() && (t[j] == '.' || t[j] == '?' || t[j] == '!')) ++j;
    std::size_t k;
    while (j < t.size() && (k = ClosingAt(t, j)) > 0) j += k;
    std::size_t sp, len;
    if (j >= t.size()) break;
    // The rest of the run would come to the same answer: skip it (a long run
    // of dots would otherwise cost its length squared).
    if (!IsSpaceAt(t, j, &len)) {
      i = j - 1;
      continue;
    }
    sp = j;
    while (sp < t.size() && IsSpaceAt(t, sp, &len)) sp += len;
    if (sp >= t.size()) break;
    if (!StartsSentence(t, sp)) {
      i = j - 1;
      continue;
    }
    if (c == '.' && j == i + 1 && IsNonFinalDot(t, i, sp)) continue;
    push(start, j);
    start = sp;
    i = sp - 1;
  }
  push(start, t.size());
  return CutLongSentences(t, std::move(out));
}

}  // namespace claimlint
