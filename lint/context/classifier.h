// The NegEx/ConText classifier behind ContextClassifier: cue phrases compiled
// into token tries once, then per match one tokenisation of the sentence and
// one walk of the tries.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "lint/context/context.h"
#include "lint/context/cues.h"
#include "lint/context/phrase_trie.h"
#include "lint/context/tokens.h"

namespace claimlint::context_internal {

class ConTextClassifier final : public ContextClassifier {
 public:
  explicit ConTextClassifier(const CueLists& cues);

  Context Classify(const ContextInput& input) const override;
  Context Classify(const ContextInput& input, Detail* detail) const override;
  bool IsRefutation(std::string_view sentence) const override;
  bool HasCue(std::string_view sentence, Context c) const override;

  struct Scratch;  // per-thread working storage (classifier.cc)

 private:
  struct GroupInfo {
    Context context;
    Direction direction;
    int window;
    bool refutes;
  };
  // Labels of the scope trie: the fixed kinds, then one per trigger group.
  enum : std::uint32_t { kTermination = 0, kOpener = 1, kPseudo = 2, kFirstGroup = 3 };

  void AddPhrases(const std::vector<std::string>& phrases, PhraseTrie* trie, std::uint32_t label);
  // Tokenises and finds the cues of `sentence`; triggers overlapping tokens
  // [span_begin, span_end) (the match) are dropped.
  void Analyze(std::string_view sentence, std::size_t match_begin, std::size_t match_end,
               Scratch* s) const;
  bool InScope(const PhraseHit& trigger, const Scratch& s) const;
  bool IsMythHeading(std::string_view heading, Scratch* s) const;
  bool HasMythLabel(Scratch* s) const;

  Vocabulary vocab_;
  PhraseTrie scope_;       // termination, openers, pseudo-triggers, triggers
  PhraseTrie refutation_;  // label 0
  PhraseTrie myth_;        // label 0
  std::vector<GroupInfo> groups_;
  int refutation_max_words_ = 0;
  std::vector<std::uint32_t> modal_ids_;  // may, might, could
  std::uint32_t comma_id_ = kUnknownToken;
  std::uint32_t colon_id_ = kUnknownToken;
  std::uint32_t dash_id_ = kUnknownToken;
};

}  // namespace claimlint::context_internal
