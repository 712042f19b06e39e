// A reference library: entries read from CSL-JSON or BibTeX files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lint/base/status.h"
#include "lint/references/reference.h"

namespace claimlint {

struct ReferenceLibrary {
  std::vector<Reference> entries;
};

// CSL-JSON: an array of items, or {"items": [...]}. Errors carry file:line:col.
Result<std::vector<Reference>> ReadCslJson(std::string_view text, std::string_view filename);
// BibTeX: @type{key, field = {..} | ".." | number | @string name, ...}; nested
// braces, # concatenation, @string, @comment, @preamble. Errors carry file:line:col.
Result<std::vector<Reference>> ReadBibtex(std::string_view text, std::string_view filename);
// Reads a file, choosing the format by content (a JSON array/object or BibTeX).
Result<std::vector<Reference>> ReadReferenceFile(const std::string& path);

}  // namespace claimlint
