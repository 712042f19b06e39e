// Baselines: the findings a repository has accepted for now, recorded by
// fingerprint (rule, file, normalised excerpt and sentence; not line
// numbers), so that claimlint can be adopted on an archive and report only
// what is new. The file is versioned JSON:
//
//   {"schema": "claimlint-baseline/1",
//    "tool": {"name": "claimlint", "version": "0.1.0"},
//    "entries": [{"file": "a.md", "rule": "claim.detox", "fingerprint": "…",
//                 "line": 12, "excerpt": "flushes out toxins"}]}
//
// `line` and `excerpt` are for people reading the file; only `fingerprint`
// (and `file`, for staleness) are used.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "lint/base/finding.h"
#include "lint/base/status.h"

namespace claimlint {

inline constexpr const char* kBaselineSchema = "claimlint-baseline/1";

struct BaselineEntry {
  std::string file;
  std::string rule;
  std::string fingerprint;
  int line = 0;
  std::string excerpt;
};

struct Baseline {
  std::vector<BaselineEntry> entries;
};

// Parses a baseline; malformed JSON or a wrong shape is an Error at
// filename:line:col.
Result<Baseline> ParseBaseline(std::string_view json, const std::string& filename);
Result<Baseline> ReadBaseline(const std::string& path);

// Adds a file's findings as entries; SortEntries orders them by file, line,
// rule (the order they are written in).
void AddEntries(const std::string& path, const std::vector<Finding>& findings, Baseline* baseline);
void SortEntries(Baseline* baseline);

// Entries of `old` for files not in `linted`, added to `fresh` (so that
// recording a subset of the files keeps the others' entries).
void KeepOtherFiles(const Baseline& old, const std::set<std::string>& linted, Baseline* fresh);

// Deterministic JSON, one entry per line.
std::string SerializeBaseline(const Baseline& baseline);
Status WriteBaseline(const Baseline& baseline, const std::string& path);

struct BaselineFileOutcome {
  int baselined = 0;  // findings hidden
  int stale = 0;      // entries of the file that matched nothing
};

// A baseline indexed by file, applied file by file (safe from many threads).
class BaselineIndex {
 public:
  explicit BaselineIndex(const Baseline& baseline);
  // Removes the findings of `file` that the baseline records; each entry
  // hides at most one finding.
  // The hidden findings move to `hidden` when it is given.
  BaselineFileOutcome Apply(const std::string& file, std::vector<Finding>* findings,
                            std::vector<Finding>* hidden = nullptr) const;
  // Entries of files that were not linted and no longer exist: stale too.
  int StaleElsewhere(const std::set<std::string>& linted) const;

 private:
  const Baseline& baseline_;
  std::map<std::string, std::vector<std::size_t>> by_file_;
};

}  // namespace claimlint
