// Lints one file: document, sentences, every check, then positions,
// excerpts, fingerprints and order. Shared, read-only state (rules, context
// engine, library) makes a Linter safe to use from many threads at once.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lint/citations/library.h"
#include "lint/context/context.h"
#include "lint/document/document.h"
#include "lint/report/report.h"
#include "lint/rules/rule_set.h"

namespace claimlint {

struct LinterSetup {
  std::shared_ptr<const RuleSet> rules;
  std::shared_ptr<const ContextClassifier> context;
  std::shared_ptr<const ReferenceLibrary> library;  // may be null
};

class Linter {
 public:
  explicit Linter(LinterSetup setup);

  // Lints `bytes` as the file `path` (Markdown unless it ends in .txt), with
  // the document's inline suppressions applied (lint/suppress).
  FileReport Lint(const std::string& path, std::string_view bytes) const;

  // The findings of an already parsed document (unsuppressed, finalized).
  std::vector<Finding> Check(const Document& doc) const;

  const RuleSet& rules() const { return *setup_.rules; }

 private:
  LinterSetup setup_;
};

// Fills file, line/column, excerpt and fingerprint from each finding's byte
// range, and sorts them.
void FinalizeFindings(const Document& doc, std::vector<Finding>* findings);

}  // namespace claimlint
