// A trie over token ids: finds every cue phrase that starts at a token, in one
// hash lookup per token walked. Built once when the cue lists load.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "lint/context/tokens.h"

namespace claimlint::context_internal {

// A phrase found in a sentence: tokens [begin, end) and the label it was
// added with.
struct PhraseHit {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t label = 0;
};

class PhraseTrie {
 public:
  PhraseTrie() : labels_(1) {}

  // Adds a phrase (its token ids, non-empty) with a caller-defined label.
  // Adding the same phrase with the same label twice is harmless.
  void Add(const std::vector<std::uint32_t>& ids, std::uint32_t label);

  // Appends to `hits` every phrase occurring in `tokens` (all lengths, all
  // labels), ordered by start token.
  void FindAll(const std::vector<Token>& tokens, std::vector<PhraseHit>* hits) const;
  // The same, for phrases starting at token `start` only.
  void FindAt(const std::vector<Token>& tokens, std::uint32_t start,
              std::vector<PhraseHit>* hits) const;

  bool empty() const { return labels_.size() == 1; }

 private:
  static std::uint64_t Key(std::uint32_t node, std::uint32_t id) {
    return (static_cast<std::uint64_t>(node) << 32) | id;
  }
  std::unordered_map<std::uint64_t, std::uint32_t> edges_;  // (node, token id) -> child
  std::vector<std::vector<std::uint32_t>> labels_;          // per node; node 0 is the root
};

}  // namespace claimlint::context_internal
