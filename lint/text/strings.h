// Small string helpers used across the stages.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace claimlint {

// ASCII lower case (other bytes unchanged).
std::string Lower(std::string_view s);

// Strips ASCII blanks (and no-break spaces) from both ends.
std::string_view TrimView(std::string_view s);
std::string Trim(std::string_view s);

// Collapses runs of blanks and line breaks into single spaces (and drops
// leading ones).
std::string CollapseSpace(std::string_view s);

// A list of names split at any of `separators` and at " and ", each part
// trimmed (empty parts kept): "Lee, Kim and Park" -> {Lee, Kim, Park}.
std::vector<std::string> SplitNameList(std::string_view s, std::string_view separators);

// 64-bit FNV-1a, chained through `h`.
uint64_t Fnv1a(std::string_view s, uint64_t h = 1469598103934665603ULL);

}  // namespace claimlint
