// The files changed against a git ref, for --changed-since and
// --changed-first: what a pull request touches.
#pragma once

#include <set>
#include <string>

#include "lint/base/status.h"

namespace claimlint {

// Paths (relative to the working directory, as reports name files) of the
// files added, copied, modified or renamed between the merge base of `ref`
// and HEAD, plus uncommitted changes: `git diff --merge-base REF --relative`.
// Deleted files are left out. An error when git fails (not a repository,
// an unknown ref) or `ref` could be read as an option.
Result<std::set<std::string>> ChangedFiles(const std::string& ref);

}  // namespace claimlint
