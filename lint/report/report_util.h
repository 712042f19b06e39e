// Helpers shared by the report writers (internal to lint/report).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lint/report/report.h"

namespace claimlint::report_internal {

// The summary with files/findings/error/warning/info recounted from the
// findings, so that a writer never prints counts that disagree with its body.
Summary CountedSummary(const Report& report);

// Line lookups on a source: lines end at LF, CRLF or a lone CR (as
// SourceIndex does); columns are 1-based code points.
class LineTable {
 public:
  explicit LineTable(std::string_view text);
  int count() const { return static_cast<int>(starts_.size()); }
  // The line's text without its terminator; empty when out of range.
  std::string_view Line(int line) const;
  std::size_t Start(int line) const;  // byte offset; text size when past the end
  std::size_t End(int line) const;    // offset of the line's terminator
  // Byte offset of (line, column), clamped to the line's end. A long line
  // gets an index of every kStep-th column the first time it is asked, so
  // many findings on one long line cost a few steps each, not its length.
  std::size_t Offset(int line, int column) const;

 private:
  static constexpr int kStep = 64;

  std::string_view text_;
  std::vector<std::size_t> starts_, ends_;
  mutable std::unordered_map<int, std::vector<std::size_t>>
      samples_;  // line -> byte of column 1 + k*kStep
};

// Rule lookup by id over report.rules (nullptr when unknown or no rules).
class RuleLookup {
 public:
  explicit RuleLookup(const RuleSet* rules);
  const Rule* Find(std::string_view id) const;

 private:
  const RuleSet* rules_;
  std::unordered_map<std::string_view, int> index_;
};

// "error" | "warning" | "note" (SARIF), "error" | "warning" | "notice" (GitHub).
std::string_view SarifLevel(Severity s);

// `path` as a URI reference (on Windows backslashes become '/'; on POSIX a
// backslash is part of a name and is percent-encoded), every byte outside
// RFC 3986 unreserved, sub-delims (minus those that confuse tools), '/' and '@'
// is percent-encoded; absolute paths become file:// URIs.
std::string PathToUri(std::string_view path);

// Plural helper: "1 error", "2 errors"; `plural` defaults to noun + "s".
std::string CountNoun(int n, std::string_view noun, std::string_view plural = "");

// "3 errors, 5 warnings, 1 info in 2 files (4 suppressed, 2 baselined)" or
// "no findings in 12 files".
std::string SummaryLine(const Summary& s);

// Findings of one file that share an anchor (the same start and end line and
// column), in report order: checks that report one finding per missing risk
// put several on one word, and readers of text and annotations want that word
// shown once. Findings with no line stay alone. Every finding is in exactly
// one group.
std::vector<std::vector<const Finding*>> GroupByAnchor(const std::vector<Finding>& findings);

}  // namespace claimlint::report_internal
