// The context engine: does a sentence assert the words a rule matched, or
// negate, hedge, report, question or suppose them? Modelled on NegEx and
// ConText: trigger phrases (from a YAML cue list), their direction (before or
// after the target), a scope that ends at termination words or clause ends,
// and pseudo-triggers that look like triggers but are not.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "lint/base/context_kind.h"
#include "lint/base/status.h"

namespace claimlint {


// What the classifier knows about a match beyond the sentence itself.
struct ContextInput {
  std::string_view sentence;    // the sentence's plain text
  std::size_t match_begin = 0;  // byte range of the match in `sentence`
  std::size_t match_end = 0;
  bool in_blockquote = false;        // the block is inside a blockquote
  bool blockquote_refuted = false;   // the blockquote is refuted by the next sentence
  std::string_view section_heading;  // the heading the block falls under, "" if none
};

class ContextClassifier {
 public:
  // Loads cue lists from YAML text (rules/context.yaml is built in).
  static Result<std::shared_ptr<const ContextClassifier>> FromYaml(std::string_view yaml,
                                                                   std::string_view filename);
  // The built-in cue lists.
  static std::shared_ptr<const ContextClassifier> Builtin();

  virtual ~ContextClassifier() = default;
  virtual Context Classify(const ContextInput& input) const = 0;

  // What decided a hedged verdict: true when every hedge cue in scope is a
  // modal auxiliary (may, might, could), which governs only the bare verbs
  // after it ("may ease pain and boost mood") and not a finite one ("may ease
  // pain and boosts mood").
  struct Detail {
    bool modal_hedge_only = false;
    // A reported verdict that rests only on quotation marks around the match
    // (no reporting cue, no refutation): how a page quotes a testimonial.
    bool quotation_only = false;
  };
  virtual Context Classify(const ContextInput& input, Detail* detail) const {
    if (detail) *detail = Detail{};
    return Classify(input);
  }

  // True when the sentence, read alone, refutes what came before it
  // ("This is false.", "That claim is a myth.").
  virtual bool IsRefutation(std::string_view sentence) const = 0;

  // True when the sentence holds a cue of context `c` anywhere (pseudo-triggers
  // excepted), whatever it scopes over: a whole-sentence test, e.g. "is this
  // sentence hedged at all?". Only negated, hedged, reported and hypothetical
  // have cues.
  virtual bool HasCue(std::string_view sentence, Context c) const {
    (void)sentence;
    (void)c;
    return false;
  }
};

}  // namespace claimlint
