// Fuzzes the `.claimlint.yml` parser: a malformed config must be an Error at
// file:line:col, never a crash or a hang; a config that parses must resolve,
// describe itself and answer path questions without crashing.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "lint/checks/registry.h"
#include "lint/config/config.h"
#include "lint/rules/pack_loader.h"

namespace {

const std::vector<claimlint::Rule>& BuiltinRules() {
  static const std::vector<claimlint::Rule> rules = claimlint::LoadBuiltinRules(claimlint::BuiltinChecks()).value();
  return rules;
}

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view yaml(reinterpret_cast<const char*>(data), size);
  auto parsed = claimlint::ParseConfig(yaml, "fuzz/.claimlint.yml");
  if (!parsed.ok()) {
    Check(!parsed.error().message.empty());
    return 0;
  }
  claimlint::Config config = std::move(parsed.value());
  // Extra rule files would be read from disk; the fuzzer tests the parser.
  config.rule_files.clear();
  claimlint::RuleInputs inputs;
  inputs.builtin = &BuiltinRules();
  inputs.catalog = &claimlint::BuiltinChecks();
  auto rules = claimlint::ResolveRules(config, inputs);
  if (rules.ok()) {
    claimlint::DescribeConfig(config, rules.value(), "fuzz/article.md",
                              std::string(claimlint::FailOnName(
                                  config.fail_on.value_or(claimlint::FailOn::kError))));
  }
  claimlint::RulePolicy policy(config, inputs);
  claimlint::Severity severity = claimlint::Severity::kWarning;
  policy.Decide("claim.immune-boost", &severity);
  config.Covers("fuzz/article.md");
  for (const std::string& glob : config.include) {
    claimlint::PathGlobMatch(glob, "fuzz/drafts/a b/article.md");
  }
  for (const claimlint::RuleSetting& s : config.rules) {
    claimlint::RuleGlobMatch(s.pattern, "citation.vague");
  }
  return 0;
}
