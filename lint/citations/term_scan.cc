#include "lint/citations/term_scan.h"

#include <algorithm>
#include <memory>
#include <unordered_map>

namespace claimlint::cite {
namespace {

// The lexicon classes the citation grammar reads.
constexpr std::string_view kScanned[] = {"evidence", "predicate", "risk"};

bool Ascii(unsigned char c) { return c < 0x80; }
bool AsciiWordChar(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Length of the UTF-8 sequence at i when it is a letter-like code point
// (anything not in U+2000-U+206F, the no-break space or a symbol block we
// treat as punctuation), else 0.
std::size_t WideLetter(std::string_view t, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (Ascii(c)) return 0;
  std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (i + n > t.size()) return 0;
  if (c == 0xC2 && static_cast<unsigned char>(t[i + 1]) == 0xA0) return 0;  // no-break space
  if (c == 0xE2 && static_cast<unsigned char>(t[i + 1]) <= 0x81) return 0;  // U+2000-U+207F
  if (c == 0xEF && static_cast<unsigned char>(t[i + 1]) == 0xBF) return 0;  // U+FFFC, U+FFFD
  return n;
}

// A curly apostrophe (U+2019) at i.
bool CurlyApostrophe(std::string_view t, std::size_t i) {
  return i + 2 < t.size() && static_cast<unsigned char>(t[i]) == 0xE2 &&
         static_cast<unsigned char>(t[i + 1]) == 0x80 &&
         static_cast<unsigned char>(t[i + 2]) == 0x99;
}

struct Entry {
  std::vector<std::string> words;
  const LexiconClass* cls;
};

struct Index {
  std::shared_ptr<const Lexicon> lexicon;  // keeps the classes alive
  std::unordered_map<std::string, std::vector<Entry>> by_first;
};

const Index& TheIndex() {
  static const Index* index = [] {
    auto* ix = new Index();
    ix->lexicon = Lexicon::Builtin();
    for (const LexiconClass& c : ix->lexicon->classes()) {
      bool wanted = std::any_of(std::begin(kScanned), std::end(kScanned),
                                [&](std::string_view p) { return TermScan::Is(&c, p); });
      if (!wanted) continue;
      for (const std::string& form : c.forms) {
        Entry e;
        for (ScanWord& w : SplitScanWords(form)) e.words.push_back(std::move(w.norm));
        if (e.words.empty()) continue;
        e.cls = &c;
        std::string first = e.words[0];
        ix->by_first[first].push_back(std::move(e));
      }
    }
    return ix;
  }();
  return *index;
}

}  // namespace

std::vector<ScanWord> SplitScanWords(std::string_view t) {
  std::vector<ScanWord> out;
  std::size_t i = 0;
  while (i < t.size()) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    std::size_t wide = WideLetter(t, i);
    if (!AsciiWordChar(c) && wide == 0) {
      ++i;
      continue;
    }
    ScanWord w;
    w.begin = i;
    while (i < t.size()) {
      c = static_cast<unsigned char>(t[i]);
      if (AsciiWordChar(c)) {
        w.norm += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
        ++i;
        continue;
      }
      // An apostrophe inside a word ("don't", "children's") stays in it.
      std::size_t apos = c == '\'' ? 1 : CurlyApostrophe(t, i) ? 3 : 0;
      if (apos && i + apos < t.size() && AsciiWordChar(static_cast<unsigned char>(t[i + apos]))) {
        w.norm += '\'';
        i += apos;
        continue;
      }
      std::size_t n = WideLetter(t, i);
      if (n == 0) break;
      w.norm.append(t.substr(i, n));
      i += n;
    }
    w.end = i;
    out.push_back(std::move(w));
  }
  return out;
}

bool TermScan::Is(const LexiconClass* cls, std::string_view name) {
  if (!cls) return false;
  const std::string& n = cls->name;
  return n == name ||
         (n.size() > name.size() && n.compare(0, name.size(), name) == 0 && n[name.size()] == '.');
}

const TermHit* TermScan::At(int w, std::string_view name) const {
  const TermHit* best = nullptr;
  for (const TermHit& h : hits) {
    if (h.first != w || !Is(h.cls, name)) continue;
    if (!best || h.last > best->last) best = &h;
  }
  return best;
}

const TermHit* TermScan::EndingAt(int w, std::string_view name) const {
  const TermHit* best = nullptr;
  for (const TermHit& h : hits) {
    if (h.last != w || !Is(h.cls, name)) continue;
    if (!best || h.first < best->first) best = &h;
  }
  return best;
}

std::vector<const TermHit*> TermScan::All(std::string_view name) const {
  std::vector<const TermHit*> out;
  for (const TermHit& h : hits) {
    if (Is(h.cls, name)) out.push_back(&h);
  }
  return out;
}

int TermScan::WordAt(std::size_t offset) const {
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (words[k].end > offset) return static_cast<int>(k);
  }
  return static_cast<int>(words.size());
}

TermScan ScanTerms(std::string_view text) {
  TermScan scan;
  scan.words = SplitScanWords(text);
  const Index& ix = TheIndex();
  const int n = static_cast<int>(scan.words.size());
  for (int i = 0; i < n; ++i) {
    auto it = ix.by_first.find(scan.words[static_cast<std::size_t>(i)].norm);
    if (it == ix.by_first.end()) continue;
    std::size_t before = scan.hits.size();
    for (const Entry& e : it->second) {
      int len = static_cast<int>(e.words.size());
      if (i + len > n) continue;
      bool match = true;
      for (int k = 1; k < len && match; ++k) {
        match = scan.words[static_cast<std::size_t>(i + k)].norm ==
                e.words[static_cast<std::size_t>(k)];
      }
      if (!match) continue;
      TermHit h;
      h.cls = e.cls;
      h.first = i;
      h.last = i + len;
      h.begin = scan.words[static_cast<std::size_t>(i)].begin;
      h.end = scan.words[static_cast<std::size_t>(i + len - 1)].end;
      // One hit per class and span.
      bool dup =
          std::any_of(scan.hits.begin() + static_cast<std::ptrdiff_t>(before), scan.hits.end(),
                      [&](const TermHit& o) { return o.cls == h.cls && o.last == h.last; });
      if (!dup) scan.hits.push_back(h);
    }
    std::stable_sort(scan.hits.begin() + static_cast<std::ptrdiff_t>(before), scan.hits.end(),
                     [](const TermHit& a, const TermHit& b) { return a.last > b.last; });
  }
  return scan;
}

}  // namespace claimlint::cite
