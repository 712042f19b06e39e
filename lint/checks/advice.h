// disclosures.advice: a page that gives self-care or treatment advice for a
// named condition must tell readers when to see a doctor, and, for a serious
// condition (rules/lexicons/conditions.yaml, `.serious` classes: diabetes,
// heart disease, cancer, gout, asthma...), not to stop or replace prescribed
// treatment. One general rule for any topic, not a copy per pack.
//
// A rule's `topic` patterns are advice cues ("you should try", "take 500 mg",
// "natural remedies for"); sentences that open with an instruction verb
// ("Take", "Apply", "Drink"; genre.instruction) are advice too. Its option
// `condition` says which pages it applies to: `any` (a named condition is the
// subject of the advice), `serious` (a serious one is), or `none` (no named
// condition is: general advice, which owes a pointer to a professional).
// `requires` is the wording that discloses (matched anywhere, not in a
// denial such as "no need to see a doctor").
#pragma once

#include <vector>

#include "lint/base/finding.h"
#include "lint/checks/check.h"
#include "lint/rules/check_spec.h"

namespace claimlint {

// The condition the page's advice is for, found with the condition lexicon.
struct AdviceSubject {
  std::string condition;  // the condition named most (title 3, heading 2, sentence 1), "" if none
  int score = 0;
  bool serious = false;           // the condition is in a `.serious` class
  std::string serious_condition;  // the serious condition named most, "" if none
  int serious_score = 0;
  int total = 0;          // points of every condition named
  int serious_total = 0;  // points of every serious condition named

  // A condition is the advice's subject from kConditionSubjectScore points (the
  // title, or three sentences). Serious conditions are from more points
  // than that between them: a page that says "arthritis, gout, diabetes,
  // heart disease and even cancer" is about serious disease. Conditions named
  // in a warning do not count.
  bool Named() const;
  bool NamedSerious() const;
};

inline constexpr int kConditionSubjectScore = 3;

AdviceSubject FindAdviceSubject(const CheckInput& in);

std::vector<Finding> CheckAdvice(const CheckInput& in);

CheckSpec AdviceCheckSpec();

}  // namespace claimlint
