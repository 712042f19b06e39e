// Small helpers shared by the citation analysis and the citation checks.
#pragma once

#include <vector>

#include "lint/document/document.h"
#include "lint/document/sentence.h"
#include "lint/citations/resolve.h"
#include "lint/text/fold.h"

namespace claimlint::cite {

// Sentence indices of each block, in order.
std::vector<std::vector<int>> SentencesByBlock(const Document& doc,
                                               const std::vector<Sentence>& sentences);
// The sentences after `sentence` in its block that refer back to it ("The
// findings showed ..."), up to the first that does not.
std::vector<int> FollowingReferrers(const Document& doc, const std::vector<Sentence>& sentences,
                                    const std::vector<int>& of_block,
                                    int sentence);
// Acronyms defined anywhere in the document ("Battlefield Acupuncture (BFA)").
AcronymMap DocumentAcronyms(const Document& doc);


}  // namespace claimlint::cite
