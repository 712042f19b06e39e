// What the pipeline produces for one file, and the run's counts.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "lint/base/finding.h"
#include "lint/genre/page_genre.h"

namespace claimlint {

struct FileReport {
  std::string path;               // as reported (relative to the working directory when under it)
  std::vector<Finding> findings;  // sorted (FindingLess)
  std::string source;             // the file's text (Document::text), for text carets and HTML
  int suppressed = 0;             // findings hidden by inline suppressions
  int baselined = 0;              // findings hidden by the baseline
  int stale = 0;                  // baseline entries of this file that matched nothing
  // The hidden findings themselves, for formats that report them as
  // suppressed (SARIF `suppressions`); the other formats show only counts.
  std::vector<Finding> suppressed_findings;  // by inline directives
  std::vector<Finding> baselined_findings;   // by the baseline
  // The page's genre and stance; absent for input claimlint could not read.
  std::optional<PageGenre> page;
};

struct Summary {
  int files = 0;
  int findings = 0;
  int error = 0, warning = 0, info = 0;
  int suppressed = 0;  // hidden by inline suppressions
  int baselined = 0;   // hidden by the baseline
  int stale = 0;       // baseline entries that matched nothing
};

// Adds one file's counts (findings by severity, suppressed, baselined, stale)
// to `summary`.
void CountFile(const FileReport& file, Summary* summary);

}  // namespace claimlint
