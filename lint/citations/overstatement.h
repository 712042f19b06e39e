// Is a claim stated more strongly than the source it cites? Two readings:
//
// - by the source's design (source_design.h): a direct claim of effect
//   resting on a case report, an animal or laboratory study, a protocol or
//   an opinion piece outruns it; so does a claim to cure or prove resting
//   on a pilot study or a case series;
// - by the source's own conclusion: the claim's strength (the claim-strength
//   model, lint/strength, and the rule-based reading of strength.h) against
//   the strength of what the source concludes.
#pragma once

#include <string>
#include <string_view>

#include "lint/citations/source_design.h"
#include "lint/citations/strength.h"
#include "lint/context/context.h"
#include "lint/strength/claim_strength.h"

namespace claimlint::cite {

// The part of a sentence that states the claim: after "found that", "shows
// that", "suggests that" when the sentence reports a finding, else all of it.
std::string_view ClaimPart(std::string_view sentence);

struct Overstatement {
  bool overstated = false;
  std::string detail;  // why, for the message
};

// True when the sentence claims an effect (hedged or not, not denied):
// "doubles your chance of a live birth", "may raise substance P".
bool ClaimsEffect(std::string_view sentence, const ContextClassifier& ctx);

// `sentence` is the claim's sentence with its citations blanked out.
Overstatement OverstatesDesign(std::string_view sentence, const Design& design,
                               const ContextClassifier& ctx);

// What the comparison with a conclusion reads; kept whole for the benchmark.
struct ConclusionComparison {
  StrengthScore claim, source;  // the model, on the claim and on the source's conclusion
  ClaimReading claim_rule;      // the rule-based reading of the claim
  SourceReading source_rule;    // ... and of the source
  double p_higher = 0;          // P(claim class > source class), the two read independently
  std::string quote;            // the source sentence that shows its strength
};
ConclusionComparison CompareWithConclusion(std::string_view sentence, std::string_view source,
                                           const ContextClassifier& ctx);
Overstatement OverstatesConclusion(const ConclusionComparison& c);

}  // namespace claimlint::cite
