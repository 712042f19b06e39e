// The study design of a reference entry, read from its title (and type),
// then its abstract, with the evidence.design.* lexicon classes: a case
// report, a pilot trial, an animal study, a systematic review ... and the
// level of evidence each carries (rules/lexicons/evidence.yaml: Oxford CEBM
// 2011 levels, whether it studied people, whether it has results).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lint/references/reference.h"

namespace claimlint::cite {

struct Design {
  std::string name;         // the class's last part: "case-report", "animal", "" when unknown
  std::string words;        // the words that said so, as written ("a case report")
  int level = 0;            // 1 (systematic review) to 5 (case report, animal, opinion); 0 unknown
  bool human = true;        // false for animal and laboratory work
  bool has_results = true;  // false for protocols and registrations
  bool from_title = false;  // read from the title (else from the abstract)

  bool known() const { return level > 0; }
  // A design no direct claim of effect in people can rest on: a case report,
  // animal or laboratory work, a protocol, a narrative review or opinion.
  bool Preliminary() const { return known() && (level >= 5 || !human || !has_results); }
};

// The design of one text (a title, an abstract, a sentence): the design
// words it holds, combined (a "systematic review of animal studies" is about
// animals; a "pilot randomised trial" is a pilot).
Design DesignOfText(std::string_view text);

// The design of an entry: its title first, then its abstract's first
// sentences; unknown when neither names one.
Design DesignOf(const Reference& r);

}  // namespace claimlint::cite
