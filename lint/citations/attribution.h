// What an attribution is used for: the words it reports ("studies show
// that X cures Y": "X cures Y") read for whether they state a health claim at
// all, and how carefully. An unnamed source behind a warning, a denial or a
// remark about the evidence itself ("most research has been small") is not a
// claim left without support; one behind a hedged claim about weak evidence
// ("small trials suggest it may help some people") is an honest summary.
#pragma once

#include <string_view>

#include "lint/context/context.h"

namespace claimlint::cite {

struct AttributedReading {
  bool claim = false;     // the reported words state an effect, benefit or finding
  bool hedged = false;    // ... with a hedge ("may", "in some people") or only as an association
  bool past = false;      // ... as what happened in a study ("the treated mice did better")
  bool nonhuman = false;  // ... in animals or cells ("in mice")
};

// `complement` is the text the attribution reports (it may be the whole
// clause). An empty one ("there is ample research behind it", "research
// supports its use") leaves the attribution itself as the claim.
AttributedReading ReadAttributed(std::string_view complement, const ContextClassifier& ctx);

}  // namespace claimlint::cite
