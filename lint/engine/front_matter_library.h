// The reference libraries an article names in its front matter
// (`references:`), read beside the article.
#pragma once

#include <string>
#include <vector>

#include "lint/base/finding.h"
#include "lint/document/document.h"
#include "lint/references/library.h"

namespace claimlint {

// The entries of every library the front matter names; a library that cannot
// be read becomes an input.references finding rather than failing the run.
//
// An article is not trusted to name any file on the machine: a path is
// relative to the article, and must lead (after symbolic links) to a regular
// file inside the repository root (the nearest directory above the article
// that holds .git) or inside `config_dir` (the directory of the config that
// applies; "" for none). With neither, only the article's own directory
// counts. Absolute paths are refused.
ReferenceLibrary FrontMatterLibrary(const Document& doc, const std::string& config_dir,
                                    std::vector<Finding>* findings);

}  // namespace claimlint
