// YAML front matter: found at the top of a file between "---" lines, parsed
// into data, and blanked out (newlines kept) so line numbers stay true.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lint/base/finding.h"
#include "lint/document/document.h"

namespace claimlint {

// Looks for front matter at the start of `text`. When present, fills `fm`,
// and blanks its bytes in `blanked` (a copy of text) except line breaks.
// Problems (unterminated, invalid YAML) become input.front-matter findings.
void ExtractFrontMatter(std::string_view text, std::string* blanked, FrontMatter* fm,
                        std::vector<Finding>* findings);

// Bytes of the line `key: ...` in the front matter ({begin, begin} of the
// front matter when the key is not written there as such).
SourceRange FrontMatterKeySpan(const Document& doc, std::string_view key);

}  // namespace claimlint
