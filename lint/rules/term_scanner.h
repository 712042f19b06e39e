// One scan of a text for every lexicon term (and every literal phrase a rule
// shape names): the text is cut into normalised words once, and a trie over
// word ids finds every term that starts at each word. Claim shapes
// (shape_matcher.h) then work on these hits, not on the text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace claimlint {

// A word of the scanned text.
struct ScanToken {
  std::uint32_t begin = 0, end = 0;  // bytes in the text
  std::int32_t word = -1;            // id in the scanner's vocabulary, -1 when unknown
  // Set when a clause ends between the previous token and this one: ; : ! ?
  // a dash, a bracket, or the end of a sentence. Shapes do not reach across.
  bool clause_break = false;
  // The word in its 3rd-person "-s" form ("boosts"): a finite verb a modal
  // before it does not govern ("may help X and boosts Y").
  bool s_form = false;
};

// A term found at tokens [first, end).
struct TermHit {
  std::uint32_t first = 0, end = 0;
  std::int32_t term = -1;
};

class TermScanner {
 public:
  // The id of a word (normalised: ASCII lower case, straight apostrophes),
  // added to the vocabulary when new.
  std::int32_t Intern(std::string_view word);
  // Adds a term written as normalised words separated by single spaces
  // (NormalizeLexiconText); returns its id (the same id for the same words).
  std::int32_t AddTerm(std::string_view normalized);

  // Cuts `text` into tokens (see ScanToken). Words not in the vocabulary get
  // id -1.
  void Tokenize(std::string_view text, std::vector<ScanToken>* out) const;
  // Every term that occurs in the tokens (all lengths, all start positions),
  // ordered by first token, then by length.
  void Scan(const std::vector<ScanToken>& tokens, std::vector<TermHit>* out) const;

  std::int32_t LookUp(std::string_view word) const;
  std::size_t term_count() const { return term_words_.size(); }
  std::size_t vocabulary_size() const { return vocab_.size(); }
  // The words of a term.
  const std::vector<std::int32_t>& term_words(std::int32_t term) const {
    return term_words_[static_cast<std::size_t>(term)];
  }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::int32_t, Hash, std::equal_to<>> vocab_;
  // The trie: (node << 32 | word) -> child node; node 0 is the root.
  std::unordered_map<std::uint64_t, std::int32_t> edges_;
  std::vector<std::int32_t> terminal_;  // node -> term id, -1 when none
  std::vector<std::vector<std::int32_t>> term_words_;
};

}  // namespace claimlint
