// Who wrote the article: front matter, or a byline line.
#pragma once

#include "lint/document/document.h"

namespace claimlint {

// True when the article names an author: front matter, or a byline line
// ("By Jane Smith", "Written by ...", "Reviewed by ...", "Author: ...").
bool HasAuthor(const Document& doc);

}  // namespace claimlint
