// The per-file pipeline: every file, whoever asks (the command line, the
// language server, the tests, the fuzzers, the benchmark), goes through
// Linter::Lint, in one order:
//
//   parse -> sentences -> citations -> checks (lint/checks/registry.h)
//         -> suppressions -> rule policy -> finalize (positions, excerpts,
//            fingerprints, order; once)
//
// Shared, read-only state (rules, context engine, library, policy) makes a
// Linter safe to use from many threads at once.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/citations/resolve.h"
#include "lint/config/config.h"
#include "lint/context/context.h"
#include "lint/document/document.h"
#include "lint/engine/file_report.h"
#include "lint/genre/page_genre.h"
#include "lint/references/library.h"
#include "lint/rules/rule_set.h"

namespace claimlint {

struct LinterSetup {
  std::shared_ptr<const RuleSet> rules;
  std::shared_ptr<const ContextClassifier> context;
  std::shared_ptr<const ReferenceLibrary> library;  // may be null
  // Which rules' findings are kept and at what severity (the config and the
  // command line); null keeps every finding as its rule says.
  std::shared_ptr<const RulePolicy> policy;
};

struct LintResult {
  std::vector<Finding> findings;             // finalized, sorted
  int suppressed = 0;                        // findings hidden by inline suppressions
  std::vector<Finding> suppressed_findings;  // those findings, finalized
  std::optional<PageGenre> page;  // the page's genre and stance (lint/genre), when lintable
};

class Linter {
 public:
  // `config_dir`: the directory of the config that applies ("" for none);
  // reference libraries named in front matter may be read from under it.
  explicit Linter(LinterSetup setup, std::string config_dir = "");

  // Lints `bytes` as the file `path` (Markdown unless it ends in .txt).
  FileReport Lint(const std::string& path, std::string_view bytes) const;

  // The report for a file that was not linted, with the one finding that says
  // why (input.too-large): the rule policy applies to it as to any finding.
  FileReport NotLinted(const std::string& path, Finding why) const;

  // The same pipeline on a document already parsed.
  LintResult LintDocument(const Document& doc) const;

  const RuleSet& rules() const { return *setup_.rules; }

 private:
  LinterSetup setup_;
  std::string config_dir_;
  cite::DescribeOptions describe_;
};

// Fills file, line/column, excerpt and fingerprint from each finding's byte
// range, and sorts them.
void FinalizeFindings(const Document& doc, std::vector<Finding>* findings);

}  // namespace claimlint
