// Edits a `.claimlint.yml` text to switch one rule off, keeping the rest of
// the file (comments, order, layout) as it was.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace claimlint::lsp {

// The config text with `rule: off` under its top-level `rules:` mapping (the
// mapping is added when absent; an entry for the same id is replaced). An
// empty `yaml` gives a new config. nullopt when the layout is one this
// editor does not rewrite (a `rules:` flow mapping spread over lines).
std::optional<std::string> DisableRuleInConfig(std::string_view yaml, std::string_view rule);

// The smallest single replacement turning `before` into `after`: bytes
// [*begin, *end) of `before` become `*text`.
void MinimalEdit(std::string_view before, std::string_view after, std::size_t* begin,
                 std::size_t* end, std::string* text);

}  // namespace claimlint::lsp
