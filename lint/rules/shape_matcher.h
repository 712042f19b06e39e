// Claim shapes: rules written over lexicon classes rather than phrases.
//
//   shapes:
//     - "@predicate.boost ~3 @function.immune"
//     - "(helps|can) ~1 @predicate.relieve ~4 @condition"
//
// A shape is a sequence of elements, matched in order on a sentence's words:
//
//   @class        a term of the lexicon class or any of its subclasses
//   @class!       a term of that class alone (@predicate.cure!: the verbs, not
//                 predicate.cure.noun)
//   word          a literal word;  'two words'  a literal phrase
//   (a|b|'c d')   any of the literal alternatives
//   ~N            up to N words may stand before the next element (default 0)
//   X?            the element may be absent
//   (@a|@b|word)  classes and words may be mixed in alternatives
//   ^             (first) the shape opens the sentence; "^ ~2 X": X is among
//                 its first three words
//   { ... }       the words reported (and judged by the context engine); the
//                 elements outside only have to be there ("@treatment ~5
//                 { @predicate ~3 @condition }")
//
// An element never reaches across a clause break (; : ! ? . a dash or a
// bracket). Every term is found in one scan of the sentence
// (term_scanner.h); the shapes then read the hits.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lint/base/status.h"
#include "lint/rules/lexicon.h"
#include "lint/rules/rule.h"
#include "lint/rules/term_scanner.h"

namespace claimlint {

struct ShapeMatch {
  int rule = -1;                   // index into the rules the matcher was built from
  std::size_t begin = 0, end = 0;  // bytes in the matched text
  bool serious = false;            // a term of a serious condition is inside the match
  int strength = 0;  // the strongest predicate class inside the match (1-3), 0 if none
  // The match's first predicate term is a verb in its "-s" form ("boosts"):
  // a modal earlier in the sentence does not govern it.
  bool finite_predicate = false;
  std::size_t predicate_begin = 0;  // bytes of that predicate term (when strength > 0)
};

// The words of a text and the terms found in them, for shapes and for other
// stages that want the same scan.
struct ScannedText {
  std::vector<ScanToken> tokens;
  std::vector<TermHit> hits;
};

class ShapeMatcher {
 public:
  // Compiles every rule's `shapes`; an unknown class or a malformed shape is
  // an Error located at the rule.
  static Result<std::unique_ptr<const ShapeMatcher>> Build(const std::vector<Rule>& rules,
                                                           const Lexicon& lexicon);

  bool empty() const { return shapes_.empty(); }

  // Tokenizes and scans `text` once.
  void Scan(std::string_view text, ScannedText* out) const;
  // Every match of every shape in a scanned text: per rule leftmost and
  // non-overlapping, sorted by begin, then rule.
  void Match(const ScannedText& scanned, std::vector<ShapeMatch>* out) const;

  // True when a term of a serious condition occurs in the scanned text.
  bool MentionsSerious(const ScannedText& scanned) const;

  // The lexicon classes of a hit's term (indices into Lexicon::classes()).
  const std::vector<std::int32_t>& ClassesOf(std::int32_t term) const {
    return term_tags_[static_cast<std::size_t>(term)];
  }
  const Lexicon& lexicon() const { return *lexicon_; }
  const TermScanner& scanner() const { return scanner_; }

 private:
  struct Element {
    std::vector<std::uint64_t> tags;  // bitset over tags
    bool optional = false;
    int gap = 0;  // words that may stand between the previous element and this one
  };
  struct Shape {
    int rule = -1;
    std::vector<Element> elements;
    bool anchored = false;
    int anchor_gap = 0;
    int span_first = -1, span_last = -1;  // elements of '{' and '}', -1: the whole match
  };

  ShapeMatcher() = default;
  bool Accepts(const Element& e, std::int32_t term) const;
  // Tries to match shape elements [k, n) with element k starting at or
  // after token `from` (within its gap, plus the gaps of skipped optional
  // elements before it); returns the end token, or 0.
  std::uint32_t MatchRest(const Shape& shape, std::size_t k, std::uint32_t from,
                          const ScannedText& s,
                          const std::vector<std::vector<std::uint32_t>>& hits_at,
                          std::vector<std::pair<std::uint32_t, std::uint32_t>>* spans,
                          std::uint32_t carried_gap) const;

  const Lexicon* lexicon_ = nullptr;
  TermScanner scanner_;
  // Per term: its tags. Tags [0, class count) are lexicon classes; literal
  // phrases of shapes get tags of their own after them.
  std::vector<std::vector<std::int32_t>> term_tags_;
  int tag_count_ = 0;
  std::vector<Shape> shapes_;
  // Per tag: the shapes whose first element accepts it.
  std::vector<std::vector<int>> shapes_by_first_tag_;
  std::vector<char> serious_tag_;  // per tag
  std::vector<int> strength_tag_;  // per tag: predicate strength, 0 if not a predicate
};

}  // namespace claimlint
