// Outcomes a source says an intervention did not change: "... increases
// substance K but not substance P", "no effect on pain", "did not improve
// survival", "was not associated with fractures". A claim of an effect on
// one of them, cited to that source, is contradicted by it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace claimlint::cite {

struct NegatedTarget {
  std::vector<std::string> terms;  // the outcome's words, stemmed ("substanc", "p")
  std::string words;               // as written ("substance P")
  std::string quote;               // the source's sentence (or title)
};

// The outcomes `text` (a title or an abstract) denies an effect on.
std::vector<NegatedTarget> FindNegatedTargets(std::string_view text);

// The words of a claim as NegatedTarget terms are compared with them, with
// outcome synonyms added ("live longer" also gives "surviv").
std::vector<std::string> TargetTerms(std::string_view text);

// True when the claim's terms hold the outcome: every term of a one- or
// two-word outcome, two thirds of a longer one.
bool MentionsTarget(const std::vector<std::string>& claim, const NegatedTarget& target);

}  // namespace claimlint::cite
