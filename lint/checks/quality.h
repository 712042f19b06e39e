// The quality checks: basic trust signals from the JAMA benchmarks
// (authorship, attribution, currency) and DISCERN questions 4 and 5 (sources
// and dates): quality.no-author, quality.no-date, quality.stale-review and
// quality.no-sources.
#pragma once

#include "lint/checks/check.h"

namespace claimlint {

// True when the article shows its sources: a references section, front
// matter references, footnotes, links to journals or health bodies,
// identifiers (DOI, PMID) or author-year citations.
bool HasSources(const CheckInput& in);

// quality.* findings for the rules bound to the quality checks.
std::vector<Finding> CheckQuality(const CheckInput& in);

// The quality checks' specs and their run (lint/checks/registry.h).
CheckFamily QualityChecks();

}  // namespace claimlint
