// Reads YAML rule packs into Rules, validating as it goes: unknown keys, wrong
// types, bad severities or contexts, an unknown check or a bad option, missing
// examples are Errors located at file:line:col.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lint/base/status.h"
#include "lint/rules/check_spec.h"
#include "lint/rules/rule.h"

namespace claimlint {

// claimlint's own findings (input.*, meta.*): a built-in pack like the others,
// loaded whatever the configuration selects.
inline constexpr std::string_view kOwnPackFile = "claimlint.yaml";

// Every pattern is compiled once here so that a bad one is reported at its own
// line; `check_patterns` = false skips that for packs the tests already check
// (the built-in ones), which keeps start-up short. Rules bind to the checks of
// `catalog` (lint/checks/registry.h: BuiltinChecks()).
Result<std::vector<Rule>> LoadRulePack(std::string_view yaml, std::string_view filename,
                                       const CheckCatalog& catalog, bool check_patterns = true);
// The error for a configuration with more than limits::kRules rules, at the
// first rule over.
Error TooManyRules(const Rule& first_over);
// A file, or every *.yml / *.yaml file of a directory (sorted by name).
Result<std::vector<Rule>> LoadRulePath(const std::string& path, const CheckCatalog& catalog);

enum class BuiltinPacks {
  kAll,     // every built-in pack
  kHealth,  // the packs of health rules (claims, citations, disclosures, quality)
  kOwn,     // claimlint's own findings
};
// The packs built into the binary from rules/ (context.yaml excluded).
Result<std::vector<Rule>> LoadBuiltinRules(const CheckCatalog& catalog,
                                           BuiltinPacks which = BuiltinPacks::kAll);

}  // namespace claimlint
