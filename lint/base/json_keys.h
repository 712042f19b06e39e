// Repeated keys in JSON objects. nlohmann (like most parsers) silently keeps
// one of two equal keys; files people edit by hand (baselines) should say so.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace claimlint {

struct DuplicateKey {
  std::size_t offset = 0;  // of the repeated key's opening quote
  std::size_t first = 0;   // of the first one
  std::string key;         // decoded
};

// The first key repeated within one object of `json`, which must be valid
// JSON (parse it first). One pass over the text.
std::optional<DuplicateKey> FindDuplicateJsonKey(std::string_view json);

}  // namespace claimlint
