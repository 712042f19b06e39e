// MDX syntax that is not prose: import/export (ESM) blocks, JSX tags and
// {expressions}. Before the Markdown parser runs, their bytes are overwritten
// in the parse text with kMdxFill (line breaks kept, so that positions stay
// true); a line left with nothing else becomes blank. Text between JSX tags
// stays Markdown and is linted; attributes a reader sees (alt=, caption=,
// heading= ...) become side blocks; {/* comments */} are recorded like HTML
// comments, so suppressions work in MDX too.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lint/document/document.h"

namespace claimlint {

// Stands for MDX syntax in the parse text; never part of a block's text.
constexpr char kMdxFill = '\x1A';

struct MdxSyntax {
  std::vector<Block> side;            // attribute text and alt text, in order
  std::vector<HtmlComment> comments;  // {/* ... */}
};

// Blanks MDX syntax in (*parse_text)[from, end) (a copy of `text`, which
// must have the same line breaks as `index` describes).
void BlankMdxSyntax(std::string_view text, std::size_t from, const SourceIndex& index,
                    std::string* parse_text, MdxSyntax* out);

}  // namespace claimlint
