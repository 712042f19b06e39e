// Findings as LSP diagnostics.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "lint/lsp/lint_adapter.h"
#include "lint/lsp/text_positions.h"

namespace claimlint::lsp {

// A lint result together with the exact text it was computed on, so that
// ranges, hovers and edits are all measured on the same bytes.
struct LintedText {
  std::string uri;
  std::string path;
  std::int64_t version = 0;
  bool markdown = true;
  std::string text;
  LineIndex index;
  BufferLint result;
};

// DiagnosticSeverity: error 1, warning 2, info 3.
int LspSeverity(Severity s);

// The diagnostics of a result: one per finding (code = rule id, source
// "claimlint", codeDescription.href = the rule's page when it has one), or
// one at the start of the file when the config could not be loaded.
nlohmann::json Diagnostics(const LintedText& linted, Encoding enc);

}  // namespace claimlint::lsp
