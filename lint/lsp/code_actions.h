// textDocument/codeAction: for each finding in the requested range, apply
// the rule's literal replacement, silence it with a claimlint comment, or
// switch the rule off in the config.
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "lint/lsp/diagnostics.h"

namespace claimlint::lsp {

// What the client's WorkspaceEdit support allows.
struct EditSupport {
  bool document_changes = false;  // versioned TextDocumentEdits
  bool create_files = false;      // CreateFile operations
  bool snippets = false;          // SnippetTextEdits (LSP 3.18)
};

// The config a "turn the rule off" action edits or creates.
struct ConfigChange {
  std::string uri;
  bool exists = false;
  std::string text;                     // its text now ("" when new)
  std::optional<std::int64_t> version;  // when the editor has it open
  std::string new_text;                 // with the rule off
  std::string label;                    // how the action names it
};

using ConfigChangeFor = std::function<std::optional<ConfigChange>(const std::string& rule)>;

// Byte range [begin, end] of the linted text: the selection or the cursor.
nlohmann::json CodeActions(const LintedText& linted, std::size_t begin, std::size_t end,
                           Encoding enc, const EditSupport& support,
                           const ConfigChangeFor& config_for);

}  // namespace claimlint::lsp
