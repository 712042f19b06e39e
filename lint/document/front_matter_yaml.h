// YAML front matter ("---" ... "---") read with yaml-cpp into the front-matter
// value tree, each value located in the document and each string mapped back
// to the bytes it was read from.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "lint/document/front_matter_value.h"

namespace claimlint {

// Reads text[begin, end) as YAML into *root (the null value for an empty
// body). Offsets are offsets in `text`. Returns the first problem, located.
[[nodiscard]] std::optional<FmError> ReadYaml(std::string_view text, std::size_t begin,
                                              std::size_t end, FmValue* root);

// Maps `decoded` (a scalar's value) onto the source text from `start`: bytes
// that are the same map one to one; escapes, doubled quotes and runs of
// blanks and line breaks (folded or stripped indentation) map as a whole.
// Returns false, leaving *map empty, when the text does not line up.
bool AlignScalar(std::string_view text, std::size_t start, std::size_t limit,
                 std::string_view decoded, TextMap* map);

}  // namespace claimlint
