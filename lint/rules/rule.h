// A rule as loaded from a YAML rule pack.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "lint/base/context_kind.h"
#include "lint/base/finding.h"
#include "lint/base/source_loc.h"
#include "lint/rules/check_spec.h"

namespace claimlint {

struct Rule {
  std::string id;    // "claim.immune-boost"
  std::string pack;  // the pack's name
  Category category = Category::kClaim;
  Severity severity = Severity::kWarning;
  std::string message;                  // may contain {match}
  std::vector<std::string> patterns;    // RE2 syntax
  std::vector<std::string> shapes;      // claim shapes over lexicon classes (shape_matcher.h)
  std::vector<std::string> exceptions;  // RE2; a hit covering the same span cancels
  std::vector<std::string> unless;      // RE2; a hit anywhere in the sentence cancels
  // Contexts in which the rule fires. Default: {asserted}.
  ContextSet contexts{Context::kAsserted};
  bool cleared_by_citation = true;
  // A general rule that steps back where a more specific rule reports the
  // same words ("claim.efficacy" under "claim.immune-boost").
  bool fallback = false;
  // A hedged claim about a serious condition ("may help protect against
  // cancer"): false, the hedge clears it like any hedge; true, it still
  // fires, one severity lower (CAP Code 12.2).
  bool serious_survives_hedge = false;
  // Words the page quotes (a testimonial) are the page's own claim: a match
  // that only quotation marks make "reported" fires as asserted.
  bool quotes_are_claims = false;
  // The rule's shapes describe a lead-in ("It can help with:"): they are
  // matched on the words before a list, and each item of the list is then a
  // claim of this rule. They never fire on ordinary sentences.
  bool lead_in = false;
  bool case_sensitive = false;
  bool word_boundary = true;  // a match must start and end at word boundaries
  std::string suggestion;
  std::string why;
  std::string url;  // where to read more (first URL of `why` when absent)
  // A literal fix an editor can apply (YAML `replace:`): `replace` takes the
  // place of the matched words or, when `replace_words` (RE2) is set, of its
  // first hit inside them. Only for pattern rules.
  bool has_replace = false;
  std::string replace;
  std::string replace_words;

  // Disclosure rules: the topic and what counts as disclosing the risk.
  std::vector<std::string> topic;      // asserted mention makes the article about it
  std::vector<std::string> narrow;     // optional: the article must also match one
  std::vector<std::string> requires_;  // YAML key `requires`: any match anywhere

  // The check the rule binds to (always set once loaded: `check:`, or the
  // category's default), its spec in the catalog the pack was loaded with,
  // and every option the check declares (defaults filled in).
  std::string check;
  const CheckSpec* spec = nullptr;
  std::map<std::string, OptionValue> options;

  std::vector<std::string> examples_fire;
  std::vector<std::string> examples_pass;

  SourceLoc loc;  // where the rule's id was written

  const OptionValue& option(const std::string& name) const { return options.at(name); }
  // True for rules matched per sentence by their patterns or shapes.
  bool is_pattern_rule() const {
    return spec ? spec->body == RuleBody::kPatterns
                : topic.empty() && (!patterns.empty() || !shapes.empty());
  }
};

}  // namespace claimlint
