// Turns Markdown into lintable blocks with cmark-gfm, mapping every character
// of each block's plain text back to the source bytes that produced it.
#pragma once

#include <string_view>
#include <vector>

#include "lint/document/document.h"

namespace claimlint {

// `parse_text` is the source with front matter (and, in MDX, its syntax)
// blanked: same length and lines as doc->text; offsets refer to both. Fills
// blocks, links, footnote_refs and comments of `doc`; text that is not part of
// the running text (image alt text, HTML attributes a reader sees) goes to
// `side`, for MergeSideBlocks. HTML blocks contribute their text; with `mdx`,
// indented code is text too (MDX has no indented code).
void BuildMarkdownBlocks(std::string_view parse_text, bool mdx, Document* doc,
                         std::vector<Block>* side);

// Merges side blocks into doc->blocks in source order, keeping the block
// indices that links, footnote references and sections hold right.
void MergeSideBlocks(std::vector<Block> side, Document* doc);

}  // namespace claimlint
