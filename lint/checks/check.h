// What every check is given: one document, its sentences, its citations, the
// shared read-only rules, context engine and reference library, and the facts
// the checks before it have recorded. A check family is the code behind the
// `check:` names it registers (lint/checks/registry.h).
#pragma once

#include <vector>

#include "lint/base/finding.h"
#include "lint/citations/analysis.h"
#include "lint/context/context.h"
#include "lint/document/document.h"
#include "lint/document/sentence.h"
#include "lint/genre/page_genre.h"
#include "lint/references/library.h"
#include "lint/rules/check_spec.h"
#include "lint/rules/rule_set.h"

namespace claimlint {

// Per-file facts a check records for the checks after it: named outputs of
// the pipeline, rather than one check feeding another by hand.
struct FileFacts {
  int claim_findings = 0;  // written by the claim check; quality.no-sources reads it
};

struct CheckInput {
  const Document& doc;
  const std::vector<Sentence>& sentences;
  const RuleSet& rules;
  const ContextClassifier& context;
  const ReferenceLibrary& library;  // the run's library plus front-matter references
  const CitationAnalysis& citations;
  FileFacts* facts;
  // The page's genre and stance (lint/genre), computed once per file; null
  // when the caller did not classify the page (checks then treat it as a page
  // that promotes or advises).
  const PageGenre* page = nullptr;
};

// The checks of one family: the names rules bind to, and the code that runs
// every rule bound to them, once per file, in pipeline order.
struct CheckFamily {
  std::vector<CheckSpec> specs;
  void (*run)(const CheckInput& in, std::vector<Finding>* out) = nullptr;
};

// Fills a finding's common fields from a rule ({match} in the message is
// replaced by `match_text`).
Finding MakeFinding(const Rule& rule, std::string_view match_text, std::size_t begin,
                    std::size_t end);

}  // namespace claimlint
