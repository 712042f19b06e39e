// Reading input files, in one place: every reader (articles, rule packs,
// configs, baselines, reference libraries, JSON reports) goes through
// ReadRegularFile, which reads only regular files (a FIFO would block, a
// device may never end, a directory is not text), stops at a size limit
// (lint/base/limits.h) and reports problems as values. It also remembers the
// identity of every file it read, so that an output can refuse to replace an
// input (lint/base/output_file.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "lint/base/status.h"

namespace claimlint {

// What a file is, whatever name it was reached by.
struct FileId {
  std::uint64_t device = 0;
  std::uint64_t inode = 0;
  bool operator==(const FileId& o) const { return device == o.device && inode == o.inode; }
  bool operator<(const FileId& o) const {
    return device != o.device ? device < o.device : inode < o.inode;
  }
};

struct ReadOptions {
  std::size_t limit = 0;      // bytes; a larger file is an error
  std::string_view what;      // the file's role in messages: "rule pack", "article"
  bool* too_large = nullptr;  // set when the error is the size limit
};

// The whole of the regular file at `path` (symbolic links followed). Errors
// (at `path`): missing, not a regular file (named: a FIFO, a device, a
// directory), unreadable, larger than the limit.
Result<std::string> ReadRegularFile(const std::string& path, const ReadOptions& options);

// Standard input, up to the limit; an error when it is closed.
Result<std::string> ReadStandardInput(const ReadOptions& options);

// The identity of the file at `path`, following symbolic links; nullopt when
// there is none.
std::optional<FileId> IdentifyFile(const std::string& path);

// Whether ReadRegularFile has read the file `id` in this process.
bool WasReadAsInput(const FileId& id);

// "4 MiB", "256 KiB", "100 bytes": a limit as the messages and docs show it.
std::string DescribeBytes(std::size_t bytes);

}  // namespace claimlint
