// A rule as loaded from a YAML rule pack.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "lint/base/finding.h"

namespace claimlint {

// Where in a source file a rule (or one of its keys) was written, for errors.
struct SourceLoc {
  std::string file;
  int line = 0, column = 0;
};

struct Rule {
  std::string id;        // "claim.immune-boost"
  std::string pack;      // the pack's name
  std::string category;  // claim | citation | disclosure | quality
  Severity severity = Severity::kWarning;
  std::string message;                  // may contain {match}
  std::vector<std::string> patterns;    // RE2 syntax
  std::vector<std::string> exceptions;  // RE2; a hit covering the same span cancels
  // Contexts in which the rule fires: asserted, negated, hedged, reported,
  // question, hypothetical. Default: {asserted}.
  std::vector<std::string> contexts;
  bool cleared_by_citation = true;
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

  // Rules implemented in code (citation, quality, meta) name their check here;
  // pattern rules leave it empty.
  std::string check;
  std::map<std::string, std::string> options;  // per-rule options (scalars)

  std::vector<std::string> examples_fire;
  std::vector<std::string> examples_pass;

  SourceLoc loc;  // where the rule's id was written
};

}  // namespace claimlint
