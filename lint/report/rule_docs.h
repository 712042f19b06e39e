// A rule described for readers: a short title, its page in Markdown (the
// checked-in docs/rules/<id>.md, and SARIF's help.markdown) and that page's
// address. Built from the rule packs, so the pages never drift from them.
#pragma once

#include <string>
#include <string_view>

#include "lint/rules/rule.h"
#include "lint/rules/rule_set.h"

namespace claimlint {

// At most 100 characters, one sentence, no message placeholders: the
// message with {match} and the other fields put in words or left out.
std::string RuleTitle(const Rule& rule);

// The rule's page: title, severity and category, why, suggestion, examples.
std::string RuleMarkdown(const Rule& rule);

// The same as plain text (SARIF help.text).
std::string RuleHelpText(const Rule& rule);

// "<homepage>/blob/main/docs/rules/<id>.md".
std::string RuleDocUrl(std::string_view id);

// docs/rules/README.md: every rule with its title, grouped by category.
std::string RuleIndexMarkdown(const RuleSet& rules);

}  // namespace claimlint
