// The citation checks (citations.*): over the document's CitationAnalysis,
// each reports with its rule's message, where {match} is the citation's words
// and {entry}, {detail}, {quote}, {likely} are filled as each rule documents.
#pragma once

#include <vector>

#include "lint/checks/check.h"

namespace claimlint {

// citation.* findings (vague, unresolved, mismatched, uncited, overstated,
// contradicted, ...), for the rules bound to the citation checks.
std::vector<Finding> CheckCitations(const CheckInput& in);

// Description-matching thresholds: the options of the rule bound to
// citations.vague, or the defaults when none is loaded.
cite::DescribeOptions DescribeOptionsOf(const RuleSet& rules);

CheckFamily CitationChecks();

}  // namespace claimlint
