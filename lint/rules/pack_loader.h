// Reads YAML rule packs into Rules, validating as it goes: unknown keys, wrong
// types, bad severities or contexts, missing examples are Errors located at
// file:line:col.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lint/base/status.h"
#include "lint/rules/rule.h"

namespace claimlint {

// Every pattern is compiled once here so that a bad one is reported at its own
// line; `check_patterns` = false skips that for packs the tests already check
// (the built-in ones), which keeps start-up short.
Result<std::vector<Rule>> LoadRulePack(std::string_view yaml, std::string_view filename,
                                       bool check_patterns = true);
// A file, or every *.yml / *.yaml file of a directory (sorted by name).
Result<std::vector<Rule>> LoadRulePath(const std::string& path);
// The packs built into the binary from rules/ (context.yaml excluded).
Result<std::vector<Rule>> LoadBuiltinRules();

}  // namespace claimlint
