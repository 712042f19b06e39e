#include "lint/context/phrase_trie.h"

#include <algorithm>

namespace claimlint::context_internal {

void PhraseTrie::Add(const std::vector<std::uint32_t>& ids, std::uint32_t label) {
  std::uint32_t node = 0;
  for (std::uint32_t id : ids) {
    auto [it, inserted] = edges_.try_emplace(Key(node, id), 0);
    if (inserted) {
      it->second = static_cast<std::uint32_t>(labels_.size());
      labels_.emplace_back();
    }
    node = it->second;
  }
  auto& at = labels_[node];
  if (std::find(at.begin(), at.end(), label) == at.end()) at.push_back(label);
}

void PhraseTrie::FindAt(const std::vector<Token>& tokens, std::uint32_t start,
                        std::vector<PhraseHit>* hits) const {
  const auto n = static_cast<std::uint32_t>(tokens.size());
  std::uint32_t node = 0;
  for (std::uint32_t i = start; i < n; ++i) {
    if (tokens[i].id == kUnknownToken) break;
    auto it = edges_.find(Key(node, tokens[i].id));
    if (it == edges_.end()) break;
    node = it->second;
    for (std::uint32_t label : labels_[node]) hits->push_back({start, i + 1, label});
  }
}

void PhraseTrie::FindAll(const std::vector<Token>& tokens, std::vector<PhraseHit>* hits) const {
  const auto n = static_cast<std::uint32_t>(tokens.size());
  for (std::uint32_t start = 0; start < n; ++start) FindAt(tokens, start, hits);
}

}  // namespace claimlint::context_internal
