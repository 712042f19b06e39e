// The cue lists of rules/context.yaml, read and validated. The schema is
// documented at the top of that file and in docs/context.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lint/base/status.h"
#include "lint/context/context.h"

namespace claimlint::context_internal {

enum class Direction {
  kForward,   // the cue comes before the match and scopes forward to it
  kBackward,  // the cue comes after the match and scopes back to it
};

struct TriggerGroup {
  Context context = Context::kNegated;  // negated | hedged | reported | hypothetical
  Direction direction = Direction::kForward;
  int window = 0;        // words allowed between cue and match; 0 = to the clause end
  bool refutes = false;  // the cue says the claim is false: outranks reporting cues
  std::vector<std::string> phrases;
};

struct CueLists {
  std::vector<std::string> termination;     // end every scope
  std::vector<std::string> clause_openers;  // make a later cue's scope stop at a comma
  std::vector<std::string> pseudo;          // look like cues, are not; cancel overlapping cues
  std::vector<TriggerGroup> triggers;
  std::vector<std::string> refutation;  // "This is false." and the like
  int refutation_max_words = 0;
  std::vector<std::string> myth_headings;  // words of a heading over myths
};

// Parses and validates. Errors name file:line:col (1-based) of the offending
// node: YAML syntax, unknown or missing keys, wrong types, bad enum values,
// empty or duplicate phrases.
Result<CueLists> ParseCueLists(std::string_view yaml, std::string_view filename);

}  // namespace claimlint::context_internal
