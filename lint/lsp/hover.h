// textDocument/hover: what a finding under the cursor means and how to fix
// or silence it.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>

#include "lint/lsp/diagnostics.h"

namespace claimlint::lsp {

// The Hover for byte `offset` of the linted text (null when no finding
// covers it), as Markdown or, for clients that cannot render it, plain text.
nlohmann::json HoverAt(const LintedText& linted, std::size_t offset, Encoding enc, bool markdown);

}  // namespace claimlint::lsp
