// Lexicon terms in a sentence, for the citation grammar: the words of the
// sentence and every term of the lexicon classes the citation checks read
// (evidence.*, predicate.*, risk.*), with their byte ranges. The citation
// code asks only this function for hits, so that it can later read them from
// a shared per-block scan instead.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lint/rules/lexicon.h"

namespace claimlint::cite {

// One word of the text: letters, digits and apostrophes; a hyphen splits
// words ("Prize-winning" is two), as lexicon terms are written.
struct ScanWord {
  std::size_t begin = 0, end = 0;  // bytes in the text
  std::string norm;                // ASCII lower case, curly apostrophes straight
};

struct TermHit {
  const LexiconClass* cls = nullptr;
  int first = 0, last = 0;         // word indices, [first, last)
  std::size_t begin = 0, end = 0;  // bytes in the text
};

struct TermScan {
  std::vector<ScanWord> words;
  std::vector<TermHit> hits;  // by first word, then longest first

  // True when `cls` is `name` or one of its subclasses ("evidence.design"
  // names every "evidence.design.*" class).
  static bool Is(const LexiconClass* cls, std::string_view name);
  // The longest hit of a class (or its subclasses) that starts at word `w`,
  // or null.
  const TermHit* At(int w, std::string_view name) const;
  // The longest hit of a class that ends at word `w` (exclusive end), or null.
  const TermHit* EndingAt(int w, std::string_view name) const;
  // Every hit of a class, in order.
  std::vector<const TermHit*> All(std::string_view name) const;
  // The word holding byte `offset`, or the first word after it; words.size()
  // when none.
  int WordAt(std::size_t offset) const;
};

// Scans `text` for the terms of the classes listed above.
TermScan ScanTerms(std::string_view text);

// The words of a text, as ScanTerms splits them.
std::vector<ScanWord> SplitScanWords(std::string_view text);

}  // namespace claimlint::cite
