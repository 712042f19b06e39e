// A finding: what a check reports. Checks fill the byte range and the text
// fields; the pipeline computes line/column and the excerpt from the range.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lint/base/byte_range.h"

namespace claimlint {

enum class Severity { kInfo = 0, kWarning = 1, kError = 2 };

std::string_view SeverityName(Severity s);
// Parses "error" | "warning" (or "warn") | "info"; false when unknown.
[[nodiscard]] bool ParseSeverity(std::string_view name, Severity* out);

// What a finding is about. input and meta are claimlint's own findings
// (rules/claimlint.yaml): about the file read, and about the run.
enum class Category { kClaim, kCitation, kDisclosure, kQuality, kInput, kMeta };

std::string_view CategoryName(Category c);
[[nodiscard]] bool ParseCategory(std::string_view name, Category* out);

// When a run fails (exit status 1): a finding at or above this level.
enum class FailOn { kError, kWarning, kInfo, kNever };

std::string_view FailOnName(FailOn f);
[[nodiscard]] bool ParseFailOn(std::string_view name, FailOn* out);
// True when a finding of severity `s` fails a run with `fail_on`.
bool FailsAt(Severity s, FailOn fail_on);

struct Finding {
  std::string rule;  // stable dotted id, e.g. "claim.immune-boost"
  Category category = Category::kClaim;
  Severity severity = Severity::kWarning;
  std::string message;

  // Byte range [begin, end) in Document::text (the sanitized source).
  std::size_t begin = 0;
  std::size_t end = 0;

  // Filled by the pipeline (FinalizeFindings) from begin/end.
  std::string file;
  int line = 0, column = 0, end_line = 0, end_column = 0;  // 1-based, end exclusive
  std::string excerpt;  // source text of [begin, end)

  std::string sentence;    // the sentence's plain text, when the finding is in one
  std::string context;     // asserted | negated | hedged | reported | question | hypothetical | ""
  std::string strength;    // claims: direct | conditional | correlational | none; "" otherwise
  std::string suggestion;  // how to fix it
  std::string fingerprint;  // stable across edits elsewhere in the file

  // A literal fix, from the rule's `replace:`: `replacement` takes the place
  // of the bytes [replace_begin, replace_end) of Document::text (inside
  // [begin, end)). Filled for the editors (lint/lsp/lint_adapter.cc) from
  // the rule and the matched text.
  bool has_replacement = false;
  std::string replacement;
  std::size_t replace_begin = 0, replace_end = 0;

  SourceRange source_range() const { return {begin, end}; }
};

// Sort order of reports: file, line, column, rule, then message.
bool FindingLess(const Finding& a, const Finding& b);

}  // namespace claimlint
