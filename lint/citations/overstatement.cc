#include "lint/citations/overstatement.h"

#include <algorithm>

#include "lint/citations/term_scan.h"
#include "lint/text/strings.h"

namespace claimlint::cite {
namespace {

// How a design is named in a message.
std::string DesignPhrase(const Design& d) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"case-report", "a case report"},
      {"case-series", "a case series"},
      {"pilot", "a pilot or feasibility study"},
      {"uncontrolled", "an uncontrolled study"},
      {"animal", "a study in animals"},
      {"in-vitro", "a laboratory study in cells"},
      {"protocol", "a study protocol, with no results"},
      {"narrative-review", "a narrative review or opinion piece"},
      {"case-control", "a case-control or cross-sectional study"},
      {"cohort", "an observational study"},
  };
  for (const auto& [name, phrase] : kNames) {
    if (d.name == name) return phrase;
  }
  return "\"" + d.words + "\"";
}

bool PastForm(std::string_view w) {
  if (w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0) return true;
  static const char* kIrregular[] = {"shrank", "shrunk", "rebuilt", "fought",  "cut",  "led",
                                     "made",   "gave",   "took",    "brought", "kept", "held"};
  return std::any_of(std::begin(kIrregular), std::end(kIrregular),
                     [&](const char* p) { return w == p; });
}

// A predicate verb of the lexicons ("rebuilds", "shrinks", "cures") stated
// as a present fact: not past, not after a modal, read as asserted.
bool AssertsPredicate(std::string_view claim, const TermScan& scan, const ContextClassifier& ctx,
                      int* strength) {
  for (const TermHit* h : scan.All("predicate")) {
    if (TermScan::Is(h->cls, "predicate.abandon")) continue;
    const std::string& cls = h->cls->name;
    if (cls.size() > 5 && (cls.compare(cls.size() - 5, 5, ".noun") == 0 ||
                           cls.compare(cls.size() - 4, 4, ".adj") == 0)) {
      continue;
    }
    std::string_view word = scan.words[static_cast<std::size_t>(h->first)].norm;
    if (PastForm(word) || (word.size() > 4 && word.compare(word.size() - 3, 3, "ing") == 0)) {
      continue;
    }
    bool modal = false;
    for (int k = std::max(0, h->first - 3); k < h->first; ++k) {
      std::string_view m = scan.words[static_cast<std::size_t>(k)].norm;
      modal = modal || m == "may" || m == "might" || m == "could" || m == "would" ||
              m == "should" || m == "to" || m == "not" || m == "never";
    }
    if (modal) continue;
    if (ClassifySpan(ctx, claim, h->begin, h->end) != Context::kAsserted) continue;
    *strength = h->cls->strength();
    return true;
  }
  return false;
}

}  // namespace

bool ClaimsEffect(std::string_view sentence, const ContextClassifier& ctx) {
  ClaimReading r = ReadClaim(sentence, ctx);
  if (r.negated) return false;
  if (r.strength >= Strength::kHedged) return true;
  TermScan scan = ScanTerms(sentence);
  int strength = 0;
  if (AssertsPredicate(sentence, scan, ctx, &strength)) return true;
  StrengthScore s = ClaimStrengthModel::Builtin().Score(sentence);
  bool predicate = false;
  for (const TermHit* h : scan.All("predicate")) {
    predicate = predicate || !TermScan::Is(h->cls, "predicate.abandon");
  }
  return (s.strength == ClaimStrength::kDirect || s.strength == ClaimStrength::kConditional) &&
         predicate;
}

std::string_view ClaimPart(std::string_view sentence) {
  TermScan scan = ScanTerms(sentence);
  std::size_t from = 0;
  for (const TermHit* h : scan.All("evidence.reporting-verb")) {
    if (h->last < static_cast<int>(scan.words.size()) &&
        scan.words[static_cast<std::size_t>(h->last)].norm == "that") {
      from = scan.words[static_cast<std::size_t>(h->last)].end;
    }
  }
  return sentence.substr(from);
}

Overstatement OverstatesDesign(std::string_view sentence, const Design& design,
                               const ContextClassifier& ctx) {
  Overstatement out;
  if (!design.known() || TrimView(sentence).empty()) return out;
  std::string_view claim = ClaimPart(sentence);
  ClaimReading reading = ReadClaim(claim, ctx);
  TermScan scan = ScanTerms(claim);
  int strength = 0;
  bool predicate = AssertsPredicate(claim, scan, ctx, &strength);
  if (reading.negated && !predicate) return out;
  bool direct =
      (reading.strength == Strength::kDirect && !reading.past && !reading.negated) || predicate;
  if (!direct || (!predicate && reading.verb.empty())) return out;
  // "In mice, curcumin slows memory decline": the sentence keeps the scope.
  TermScan whole = ScanTerms(sentence);
  if (!design.human) {
    for (const TermHit* h : whole.All("evidence.design")) {
      auto it = h->cls->attributes.find("human");
      if (it != h->cls->attributes.end() && it->second == "false") return out;
    }
  }
  // A claim to cure, or to have proof, needs more than a pilot study.
  bool strong = strength >= 3 || !scan.All("evidence.proof").empty() ||
                !scan.All("evidence.reporting-verb.strong").empty();
  if (!(design.Preliminary() || (design.level >= 4 && strong))) return out;
  out.overstated = true;
  out.detail = "it is " + DesignPhrase(design);
  return out;
}

ConclusionComparison CompareWithConclusion(std::string_view sentence, std::string_view source,
                                           const ContextClassifier& ctx) {
  ConclusionComparison c;
  const ClaimStrengthModel& model = ClaimStrengthModel::Builtin();
  c.claim = model.Score(sentence);
  c.claim_rule = ReadClaim(sentence, ctx);
  std::string conclusion = ConclusionOf(source);
  c.source_rule = ReadSource(source, ctx);
  c.source = model.Score(conclusion);
  c.quote = c.source_rule.quote;
  if (c.quote.empty()) {
    std::vector<std::string_view> parts = SplitText(conclusion);
    if (!parts.empty()) c.quote = std::string(parts.back());
  }
  for (int i = 0; i < 4; ++i) {
    for (int j = 0; j < i; ++j) {
      c.p_higher += c.claim.probability[static_cast<std::size_t>(i)] *
                    c.source.probability[static_cast<std::size_t>(j)];
    }
  }
  return c;
}

Overstatement OverstatesConclusion(const ConclusionComparison& c) {
  Overstatement out;
  bool denied = c.claim_rule.negated;
  // Two readers agree: the model finds the claim's class likely above the
  // source's (P > 0.5), and the rule-based reader reads the claim as stronger
  // than the source too. Chosen on the InSciOut training pairs with
  // cross-fitted model scores (tools/strength/exaggeration_rule.py): the
  // model alone was as good in F1 there and far less precise.
  // A past-tense report of what happened in the study ("in the trial, X
  // shortened Y") is the study's own result, not a claim beyond it.
  bool model = c.p_higher > 0.5 && !denied && c.claim_rule.strength > c.source_rule.strength &&
               !c.claim_rule.past;
  // A source that hedges or only correlates, and a claim stated as a present
  // fact.
  bool rule = c.source_rule.cautious && c.claim_rule.strength == Strength::kDirect && !denied &&
              !c.claim_rule.past;
  if (model || rule) {
    out.overstated = true;
    out.detail = "it concludes more cautiously: \"" + c.quote + "\"";
  }
  return out;
}

}  // namespace claimlint::cite
