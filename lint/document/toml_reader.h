// A small TOML reader for "+++" front matter (Hugo, Zola): strings of all four
// kinds, numbers, booleans, dates and times, arrays, tables, arrays of tables,
// inline tables and dotted keys. Strings keep an exact map to the bytes they
// were decoded from. Costs are bounded: one pass over the text, nesting and
// dotted keys at most kMaxFrontMatterDepth deep.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "lint/document/front_matter_value.h"

namespace claimlint {

// Reads text[begin, end) as a TOML document into *root (a table). Offsets in
// the tree and in the error are offsets in `text`. Returns the first problem,
// located, or nothing when the document is valid.
[[nodiscard]] std::optional<FmError> ReadToml(std::string_view text, std::size_t begin,
                                              std::size_t end, FmValue* root);

}  // namespace claimlint
