// Expands the command line's paths into the files to lint.
#pragma once

#include <string>
#include <vector>

namespace claimlint {

struct WalkResult {
  std::vector<std::string> files;   // in a deterministic order
  std::vector<std::string> errors;  // "path: message" for paths that could not be read
};

// Files are kept as given (an error for what is not a regular file: a FIFO
// or a device); directories are walked (sorted, recursively) for *.md,
// *.markdown and *.txt, skipping hidden directories and node_modules.
// Symbolic links to directories are not followed (no loops); links to files
// only when the file is inside the walked tree and outside hidden
// directories (a link to ../.git/config is not linted).
WalkResult ExpandPaths(const std::vector<std::string>& paths);

bool IsLintableName(const std::string& name);

// The files of shard `index` (1-based) of `count`: a stable split by path.
std::vector<std::string> Shard(const std::vector<std::string>& files, int index, int count);
// Whether `name` falls in shard `index` of `count` (the same split as Shard).
bool InShard(const std::string& name, int index, int count);

}  // namespace claimlint
