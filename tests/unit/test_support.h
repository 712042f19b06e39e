// Helpers shared by the unit tests.
#pragma once

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "lint/checks/registry.h"
#include "lint/references/library.h"
#include "lint/context/context.h"
#include "lint/engine/linter.h"
#include "lint/rules/pack_loader.h"
#include "lint/rules/rule_set.h"

namespace claimlint::testing {

inline std::string SourceDir() { return CLAIMLINT_SOURCE_DIR; }

inline std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The built-in rules, compiled once per test binary.
inline std::shared_ptr<const RuleSet> BuiltinRuleSet() {
  static std::shared_ptr<const RuleSet> rules = [] {
    auto loaded = LoadBuiltinRules(BuiltinChecks());
    if (!loaded.ok()) throw std::runtime_error(loaded.error().ToString());
    auto built = RuleSet::Build(std::move(loaded.value()));
    if (!built.ok()) throw std::runtime_error(built.error().ToString());
    return built.value();
  }();
  return rules;
}

inline std::shared_ptr<const ReferenceLibrary> LibraryFrom(const std::string& path) {
  auto lib = std::make_shared<ReferenceLibrary>();
  auto entries = ReadReferenceFile(path);
  if (entries.ok()) lib->entries = std::move(entries.value());
  return lib;
}

// A linter with the built-in rules and the test library of rule examples.
inline const Linter& ExampleLinter() {
  static Linter linter({BuiltinRuleSet(), ContextClassifier::Builtin(),
                        LibraryFrom(SourceDir() + "/tests/data/examples-library.json"), nullptr});
  return linter;
}

}  // namespace claimlint::testing
