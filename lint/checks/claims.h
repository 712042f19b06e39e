// The claim check: pattern rules matched per sentence, kept only where the
// context engine says the sentence asserts them (or another context the rule
// names) and no resolving citation supports the sentence.
#pragma once

#include <vector>

#include "lint/checks/check.h"

namespace claimlint {

std::vector<Finding> CheckClaims(const CheckInput& in);

// pattern: the family that runs CheckClaims (for rules of every category
// written as patterns) and records the claim count.
CheckFamily ClaimChecks();

}  // namespace claimlint
