// The reference libraries an article names in its front matter
// (`references:`), read beside the article.
#pragma once

#include <vector>

#include "lint/base/finding.h"
#include "lint/document/document.h"
#include "lint/references/library.h"

namespace claimlint {

// The entries of every library the front matter names; a library that cannot
// be read becomes an input.references finding rather than failing the run.
ReferenceLibrary FrontMatterLibrary(const Document& doc, std::vector<Finding>* findings);

}  // namespace claimlint
