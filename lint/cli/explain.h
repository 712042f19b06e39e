// --list-rules and --explain RULE.
#pragma once

#include <ostream>
#include <string>

#include "lint/rules/rule_set.h"

namespace claimlint {

void ListRules(const RuleSet& rules, std::ostream& out);
// Prints the rule; returns the exit code (2 when no rule has that id).
int ExplainRule(const RuleSet& rules, const std::string& id, std::ostream& out, std::ostream& err);

}  // namespace claimlint
