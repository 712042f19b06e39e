// The text a reader sees in a fragment of HTML (a Markdown HTML block): tags
// stripped, entities decoded, whitespace collapsed, block-level elements made
// blocks, with exact maps back to the source. <script>, <style>, <pre> and
// the like are never prose; alt text and visible attributes (title=,
// caption= ...) become side blocks.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lint/document/document.h"

namespace claimlint {

struct HtmlText {
  std::vector<Block> blocks;  // paragraphs, headings, list items, table cells, in order
  std::vector<Block> side;    // alt text and attribute text, in order
  std::vector<Link> links;    // Link::block indexes `blocks`
};

// Reads src[begin, end) as HTML. `index` gives line numbers for `src`.
void ExtractHtmlText(std::string_view src, std::size_t begin, std::size_t end,
                     const SourceIndex& index, HtmlText* out);

// Length of a character reference at src[q] ("&amp;", "&#233;", "&#xE9;")
// decoded into *out, or 0 (and *out unchanged) when there is none.
std::size_t DecodeEntity(std::string_view src, std::size_t q, std::size_t limit, std::string* out);

// A block of kind `kind` from the character data in src[b, e) (entities
// decoded, whitespace collapsed, mapped exactly): an attribute's value.
// False when it holds no prose.
bool MakeTextBlock(std::string_view src, std::size_t b, std::size_t e, BlockKind kind,
                   const SourceIndex& index, Block* out);

// The kind of side block an attribute's value makes when a reader sees it
// (alt= -> kImageAlt; title=, caption=, heading= ... -> kAttributeText), or
// false for attributes that are not shown (src=, href=, class= ...).
bool VisibleAttribute(std::string_view name, BlockKind* kind);

}  // namespace claimlint
