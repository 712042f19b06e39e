#include "lint/citations/attribution.h"

#include <re2/re2.h>

#include "lint/citations/strength.h"
#include "lint/citations/targets.h"
#include "lint/citations/term_scan.h"
#include "lint/strength/claim_strength.h"
#include "lint/text/strings.h"

namespace claimlint::cite {
namespace {

using re2::RE2;
using re2::StringPiece;

bool Matches(std::string_view text, const RE2& re) {
  return RE2::PartialMatch(StringPiece(text.data(), text.size()), re);
}

}  // namespace

AttributedReading ReadAttributed(std::string_view complement, const ContextClassifier& ctx) {
  AttributedReading out;
  std::string_view text = TrimView(complement);
  while (!text.empty() && (text[0] == ',' || text[0] == ':' || text[0] == ' ')) {
    text.remove_prefix(1);
  }
  // "There is ample research behind it", "research supports its use": the
  // attribution itself is the claim.
  if (text.empty()) {
    out.claim = true;
    return out;
  }
  // "it is unlikely to be [addictive]", "it is unlikely to cause harm": a
  // hedged claim of safety, though the words deny something.
  static const RE2 unlikely(R"((?i)\bunlikely\s+to\s+(?:be|cause|harm|lead|interact)\b)");
  if (Matches(text, unlikely)) {
    out.claim = out.hedged = true;
    return out;
  }
  ClaimReading reading = ReadClaim(text, ctx);
  if (reading.negated) return out;
  // "no benefit from X", "little evidence that", "is no better than sham",
  // "did not improve pain": nothing is claimed for it.
  static const RE2 none(
      R"((?i)^(?:that\s+)?(?:there\s+(?:is|was|are|were)\s+)?(?:no|little|limited|scant|weak|insufficient|inconsistent|mixed)\s+(?:clear\s+|good\s+|real\s+|significant\s+|consistent\s+|convincing\s+|reliable\s+)?(?:benefits?|effects?|evidence|differences?|improvements?|change|link|association|signs?|reduction|proof|support)\b)");
  static const RE2 no_better(
      R"((?i)\b(?:is|are|was|were|be|been)\s+(?:no|not\s+any)\s+(?:better|more\s+effective|more\s+useful|different)\s+than\b)");
  if (Matches(text, none) || Matches(text, no_better) || !FindNegatedTargets(text).empty()) {
    return out;
  }
  TermScan scan = ScanTerms(text);
  StrengthScore score = ClaimStrengthModel::Builtin().Score(text);
  // Effect predicates: not "avoid" or "stop taking" (predicate.abandon).
  bool predicate = false;
  for (const TermHit* h : scan.All("predicate")) {
    predicate = predicate || !TermScan::Is(h->cls, "predicate.abandon");
  }
  bool risk = !scan.All("risk").empty();
  // "children under regular care get fewer colds": a comparison of outcomes.
  static const RE2 compared(
      R"((?i)\b(?:fewer|less|faster|quicker|sooner|better|lower|higher|longer|shorter|stronger|healthier)\b)");
  // "it is unlikely to be [addictive]", "it is safe": a claim of safety.
  static const RE2 safety(
      R"((?i)\b(?:safe|safely|safer|unlikely|harmless|non-addictive|addictive|side\s+effects|well\s+tolerated|gentle|non-toxic)\b)");
  bool effect = reading.strength != Strength::kNone || score.strength != ClaimStrength::kNone ||
                predicate || Matches(text, compared) || Matches(text, safety);
  // A warning ("people with heart problems should avoid it") or a remark
  // about the evidence itself ("most research has been small"), not a benefit.
  bool about_evidence = false;
  for (const TermHit* h : scan.All("evidence.research")) {
    about_evidence = about_evidence || h->first <= 2;
  }
  if (!effect || (risk && !predicate && reading.strength != Strength::kDirect) ||
      (about_evidence && !predicate)) {
    return out;
  }
  out.claim = true;
  static const RE2 some(
      R"((?i)\b(?:some|many|certain)\s+(?:people|patients|adults|children|women|men)\b)");
  out.hedged = !scan.All("evidence.hedge").empty() || reading.strength == Strength::kHedged ||
               reading.strength == Strength::kCorrelational ||
               score.strength == ClaimStrength::kConditional ||
               score.strength == ClaimStrength::kCorrelational || Matches(text, some) ||
               !scan.All("evidence.association").empty();
  out.past = reading.past && reading.strength != Strength::kNone;
  for (const TermHit* h : scan.All("evidence.design")) {
    auto it = h->cls->attributes.find("human");
    out.nonhuman = out.nonhuman || (it != h->cls->attributes.end() && it->second == "false" &&
                                    !TermScan::Is(h->cls, "evidence.design.mechanism"));
  }
  return out;
}

}  // namespace claimlint::cite
