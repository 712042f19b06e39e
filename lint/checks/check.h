// What every check is given: one document, its sentences, and the shared,
// read-only rules, context engine and reference library.
#pragma once

#include <vector>

#include "lint/base/finding.h"
#include "lint/citations/library.h"
#include "lint/context/context.h"
#include "lint/document/document.h"
#include "lint/document/sentence.h"
#include "lint/rules/rule_set.h"

namespace claimlint {

class CitationAnalysis;

struct CheckInput {
  const Document& doc;
  const std::vector<Sentence>& sentences;
  const RuleSet& rules;
  const ContextClassifier& context;
  const ReferenceLibrary& library;  // the run's library plus front-matter references
  const CitationAnalysis* citations = nullptr;  // set once citations are analysed
};

// Fills a finding's common fields from a rule ({match} in the message is
// replaced by `match_text`).
Finding MakeFinding(const Rule& rule, std::string_view match_text, std::size_t begin,
                    std::size_t end);

}  // namespace claimlint
