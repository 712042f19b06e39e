// The registry of checks: every check claimlint has, by the name a rule binds
// to with `check:`, with its typed options; and the order they run in.
//
//   pattern              rules written as patterns, matched per sentence (claims.cc)
//   citations.*          the citation checks (citation_checks.cc)
//   disclosures.topic    disclosure rules: topic and requires (disclosures.cc)
//   quality.*            trust signals (quality.cc)
//   claimlint.input      claimlint's own findings about a file (document, engine)
//   claimlint.meta       claimlint's own findings about a run (suppressions, budgets)
//
// A new check: write its family (specs and run) beside the others and add it
// to CheckFamilies() where its inputs are ready (docs/architecture.md).
#pragma once

#include <vector>

#include "lint/checks/check.h"
#include "lint/rules/check_spec.h"

namespace claimlint {

// The families, in the order the pipeline runs them: claims (records the
// claim count), citations, disclosures, quality (reads it).
const std::vector<CheckFamily>& CheckFamilies();

// Every check's spec, for the rule and config loaders.
const CheckCatalog& BuiltinChecks();

// Runs every family on one document.
void RunChecks(const CheckInput& in, std::vector<Finding>* out);

}  // namespace claimlint
