// A small JSON reader for JSON front matter (a leading { ... } object, as Hugo
// reads it): objects, arrays, strings (with an exact map to the bytes they
// were decoded from), numbers, true, false and null. One pass; nesting at most
// kMaxFrontMatterDepth deep.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "lint/document/front_matter_value.h"

namespace claimlint {

// Reads the JSON object that starts at text[begin] into *out; *end gets the
// offset just past its closing brace. Returns the first problem, located.
[[nodiscard]] std::optional<FmError> ReadJsonObject(std::string_view text, std::size_t begin,
                                                    FmValue* out, std::size_t* end);

}  // namespace claimlint
