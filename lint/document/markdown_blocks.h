// Turns Markdown into lintable blocks with cmark-gfm, mapping every character
// of each block's plain text back to the source bytes that produced it.
#pragma once

#include <string_view>

#include "lint/document/document.h"

namespace claimlint {

// `parse_text` is the source with front matter blanked (same length as
// doc->text); offsets refer to both. Fills blocks, links, footnote_refs and
// comments of `doc`.
void BuildMarkdownBlocks(std::string_view parse_text, Document* doc);

}  // namespace claimlint
