#include "lint/genre/lexicon_matcher.h"

#include <algorithm>
#include <map>
#include <mutex>

namespace claimlint {
namespace {

bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// U+2018 / U+2019 at `i`.
bool CurlyApostropheAt(std::string_view s, std::size_t i) {
  return i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
         static_cast<unsigned char>(s[i + 1]) == 0x80 &&
         (static_cast<unsigned char>(s[i + 2]) == 0x98 ||
          static_cast<unsigned char>(s[i + 2]) == 0x99);
}

// Bytes of other scripts (and accented letters) belong to words; punctuation
// from U+2000 to U+206F (dashes, quotes, bullets) separates them.
bool IsWordByteAt(std::string_view s, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (IsAsciiAlnum(c)) return true;
  if (c < 0x80) return false;
  if (c == 0xE2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) return false;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xC0) {
    // Latin-1 punctuation and symbols (no-break space, £, ·, «, »), but µ is a letter.
    return static_cast<unsigned char>(s[i + 1]) == 0xB5;
  }
  return true;
}

std::string Key(const std::vector<WordToken>& words, std::size_t from, std::size_t to) {
  std::string key;
  for (std::size_t i = from; i < to; ++i) {
    if (i > from) key += ' ';
    key += words[i].word;
  }
  return key;
}

}  // namespace

std::vector<WordToken> LexiconWords(std::string_view text) {
  std::vector<WordToken> out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '&') {
      out.push_back({i, i + 1, "&"});
      ++i;
      continue;
    }
    if (!IsWordByteAt(text, i)) {
      ++i;
      continue;
    }
    WordToken w;
    w.begin = i;
    while (i < text.size()) {
      if (IsWordByteAt(text, i)) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        w.word += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
        ++i;
        continue;
      }
      // An apostrophe inside a word ("don't", "children's") belongs to it.
      std::size_t len = text[i] == '\'' ? 1 : CurlyApostropheAt(text, i) ? 3 : 0;
      if (len > 0 && i + len < text.size() && IsWordByteAt(text, i + len)) {
        w.word += '\'';
        i += len;
        continue;
      }
      break;
    }
    w.end = i;
    out.push_back(std::move(w));
  }
  return out;
}

LexiconMatcher::LexiconMatcher(const Lexicon& lexicon, const std::vector<std::string>& references) {
  for (const std::string& ref : references) {
    for (const LexiconClass* c : lexicon.Matching(ref)) {
      if (ClassIndex(c->name) >= 0) continue;
      const int index = static_cast<int>(classes_.size());
      classes_.push_back(c->name);
      for (const std::string& form : c->forms) {
        std::vector<WordToken> words = LexiconWords(form);
        if (words.empty()) continue;
        std::string key = Key(words, 0, words.size());
        std::vector<int>& cls = forms_[key].classes;
        if (std::find(cls.begin(), cls.end(), index) == cls.end()) cls.push_back(index);
        for (std::size_t n = 1; n < words.size(); ++n) prefixes_.insert(Key(words, 0, n));
      }
    }
  }
}

const LexiconMatcher& LexiconMatcher::Builtin(const std::vector<std::string>& references) {
  // A handful of reference lists over one lexicon, each built once per
  // process; the matchers are never freed, so references stay valid.
  static std::mutex mu;
  static auto* cache = new std::map<std::vector<std::string>, std::unique_ptr<LexiconMatcher>>();
  std::lock_guard<std::mutex> lock(mu);
  auto& slot = (*cache)[references];
  if (!slot) slot = std::make_unique<LexiconMatcher>(*Lexicon::Builtin(), references);
  return *slot;
}

int LexiconMatcher::ClassIndex(std::string_view name) const {
  for (std::size_t i = 0; i < classes_.size(); ++i) {
    if (classes_[i] == name) return static_cast<int>(i);
  }
  return -1;
}

std::vector<LexiconHit> LexiconMatcher::FindAll(std::string_view text) const {
  std::vector<LexiconHit> out;
  const std::vector<WordToken> words = LexiconWords(text);
  // Where each class may match again: a class's hits do not overlap.
  std::vector<std::size_t> next_free(classes_.size(), 0);
  std::vector<std::size_t> longest(classes_.size(), 0);  // per start word: end word + 1
  for (std::size_t start = 0; start < words.size(); ++start) {
    std::fill(longest.begin(), longest.end(), 0);
    std::string key;
    for (std::size_t end = start; end < words.size(); ++end) {
      if (end > start) key += ' ';
      key += words[end].word;
      auto it = forms_.find(key);
      if (it != forms_.end()) {
        for (int c : it->second.classes) longest[c] = end + 1;
      }
      if (!prefixes_.count(key)) break;
    }
    for (std::size_t c = 0; c < classes_.size(); ++c) {
      if (longest[c] == 0 || start < next_free[c]) continue;
      out.push_back({words[start].begin, words[longest[c] - 1].end, static_cast<int>(c)});
      next_free[c] = longest[c];
    }
  }
  return out;
}

}  // namespace claimlint
