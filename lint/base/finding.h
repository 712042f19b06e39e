// A finding: what a check reports. Checks fill the byte range and the text
// fields; the pipeline computes line/column and the excerpt from the range.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace claimlint {

enum class Severity { kInfo = 0, kWarning = 1, kError = 2 };

std::string_view SeverityName(Severity s);
// Parses "error" | "warning" | "info"; false when unknown.
bool ParseSeverity(std::string_view name, Severity* out);

struct Finding {
  std::string rule;      // stable dotted id, e.g. "claim.immune-boost"
  std::string category;  // claim | citation | disclosure | quality | input | meta
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
  std::string suggestion;  // how to fix it
  std::string fingerprint;  // stable across edits elsewhere in the file

  // A literal fix, from the rule's `replace:`: `replacement` takes the place
  // of the bytes [replace_begin, replace_end) of Document::text (inside
  // [begin, end)). Filled for the editors (lint/lsp/lint_adapter.cc) from
  // the rule and the matched text.
  bool has_replacement = false;
  std::string replacement;
  std::size_t replace_begin = 0, replace_end = 0;
};

// Sort order of reports: file, line, column, rule, then message.
bool FindingLess(const Finding& a, const Finding& b);

}  // namespace claimlint
