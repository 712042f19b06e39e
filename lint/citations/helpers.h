// Small helpers shared by the citation analysis and the citation checks.
#pragma once

#include <vector>

#include "lint/checks/check.h"
#include "lint/citations/resolve.h"
#include "lint/citations/text_util.h"

namespace claimlint::cite {

// Sentence indices of each block, in order.
std::vector<std::vector<int>> SentencesByBlock(const CheckInput& in);
// The sentences after `sentence` in its block that refer back to it ("The
// findings showed ..."), up to the first that does not.
std::vector<int> FollowingReferrers(const CheckInput& in, const std::vector<int>& of_block,
                                    int sentence);
// Acronyms defined anywhere in the document ("Battlefield Acupuncture (BFA)").
AcronymMap DocumentAcronyms(const Document& doc);
// Description-matching thresholds, from the options of rule citation.vague
// (min_score, margin, min_terms) when present, else the defaults.
DescribeOptions DescribeOptionsFrom(const RuleSet& rules);

}  // namespace claimlint::cite
