// Fuzzes the rule-pack loader and the rule compiler: a malformed pack must be
// an Error, never a crash or a hang.
#include <cstdint>
#include <string_view>

#include "lint/checks/registry.h"
#include "lint/rules/pack_loader.h"
#include "lint/rules/rule_set.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view yaml(reinterpret_cast<const char*>(data), size);
  auto rules = claimlint::LoadRulePack(yaml, "fuzz.yaml", claimlint::BuiltinChecks());
  if (rules.ok()) {
    auto set = claimlint::RuleSet::Build(std::move(rules.value()));
    if (set.ok()) {
      std::vector<claimlint::RuleMatch> out;
      set.value()->MatchText("It boosts immunity and cures everything, 100% safe.", &out);
    }
  }
  return 0;
}
