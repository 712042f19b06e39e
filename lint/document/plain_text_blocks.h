// Turns a plain-text article into blocks: paragraphs at blank lines; a short
// line with no final punctuation standing alone is a heading; lines that
// start with a bullet or a number are list items.
#pragma once

#include <string_view>

#include "lint/document/document.h"

namespace claimlint {

void BuildPlainTextBlocks(std::string_view parse_text, Document* doc);

}  // namespace claimlint
