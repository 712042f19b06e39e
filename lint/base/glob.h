// Glob matching for config paths and rule ids, by dynamic programming: time
// and memory are bounded by pattern length x text length, so hostile
// patterns ("*a*a*a*...b") cannot make it backtrack exponentially.
#pragma once

#include <string_view>

namespace claimlint {

// Path globs: `*` and `?` stay within one path segment, `**` spans segments
// ("**/" may match none), `[...]` is a character class (`[!...]` negates). As
// in .gitignore, a pattern with no '/' inside it (a trailing '/' does not
// count) matches any segment of the path ("*.txt", "drafts/"), and a match on
// a directory covers what is under it.
bool PathGlobMatch(std::string_view pattern, std::string_view path);

// Rule globs ("claim.*", "citation.?ague"): `*` matches anything.
bool RuleGlobMatch(std::string_view pattern, std::string_view id);

}  // namespace claimlint
