// Finds the terms of chosen lexicon classes in text, whole words only, with
// the lexicons' matching rules (rules/lexicons/README.md): case ignored,
// curly and straight apostrophes alike, a hyphen the same as a space.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lint/rules/lexicon.h"

namespace claimlint {

// One term found: bytes [begin, end) of the text searched, and the class (an
// index into LexiconMatcher::classes()).
struct LexiconHit {
  std::size_t begin = 0, end = 0;
  int cls = 0;
};

class LexiconMatcher {
 public:
  // The classes named by `references` ("genre" = every genre.* class,
  // "risk.warning" = that class and its subclasses).
  LexiconMatcher(const Lexicon& lexicon, const std::vector<std::string>& references);

  // The matcher for these references over the built-in lexicon, built once.
  static const LexiconMatcher& Builtin(const std::vector<std::string>& references);

  const std::vector<std::string>& classes() const { return classes_; }
  // The index of a class, -1 when the matcher does not hold it.
  int ClassIndex(std::string_view name) const;

  // Every term of every class in `text`: at each word, the longest term
  // starting there (each class its longest), then on from the next word, so
  // hits of one class may overlap hits of another but not themselves.
  std::vector<LexiconHit> FindAll(std::string_view text) const;

 private:
  struct Entry {
    std::vector<int> classes;  // classes a form belongs to
  };
  std::vector<std::string> classes_;
  std::unordered_map<std::string, Entry> forms_;  // "word word" -> classes
  std::unordered_set<std::string> prefixes_;      // every proper word prefix of a form
};

// Word tokens of `text` as the matcher sees them: [begin, end) bytes and the
// normalized word (ASCII lower case, curly apostrophes straight).
struct WordToken {
  std::size_t begin = 0, end = 0;
  std::string word;
};
std::vector<WordToken> LexiconWords(std::string_view text);

}  // namespace claimlint
