// Front matter as sites write it: YAML ("---"), TOML ("+++", Hugo and Zola)
// or a leading JSON object (Hugo). Found at the top of a file, read into the
// document's plain fields, its title and descriptions made blocks, and
// blanked (line breaks kept) so that line numbers stay true.
#pragma once

#include <string>
#include <string_view>

#include "lint/document/document.h"

namespace claimlint {

// Looks for front matter at the start of doc->text. When present, fills
// doc->front_matter, appends the title and description blocks, and blanks the
// front matter's bytes in `blanked` (a copy of the text) except line breaks.
// Problems (unterminated, invalid YAML, TOML or JSON) become located
// input.front-matter findings.
void ExtractFrontMatter(std::string* blanked, Document* doc);

// Bytes of the line on which `key` is written in the front matter ({begin,
// begin} of the front matter when it is not). `key` is a top-level key or a
// dotted path ("extra.author"); a nested key also matches by its last part.
SourceRange FrontMatterKeySpan(const Document& doc, std::string_view key);

}  // namespace claimlint
