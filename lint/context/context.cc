#include "lint/context/context.h"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "lint/context/classifier.h"
#include "lint/context/cues.h"
#include "lint/rules/builtin_rules.h"

namespace claimlint {
namespace {

constexpr std::array<std::pair<Context, std::string_view>, 6> kNames = {{
    {Context::kAsserted, "asserted"},
    {Context::kNegated, "negated"},
    {Context::kHedged, "hedged"},
    {Context::kReported, "reported"},
    {Context::kQuestion, "question"},
    {Context::kHypothetical, "hypothetical"},
}};

constexpr std::string_view kBuiltinFile = "context.yaml";

}  // namespace

std::string_view ContextName(Context c) {
  for (const auto& [context, name] : kNames) {
    if (context == c) return name;
  }
  return "asserted";
}

bool ParseContext(std::string_view name, Context* out) {
  for (const auto& [context, n] : kNames) {
    if (n == name) {
      *out = context;
      return true;
    }
  }
  return false;
}

Result<std::shared_ptr<const ContextClassifier>> ContextClassifier::FromYaml(
    std::string_view yaml, std::string_view filename) {
  Result<context_internal::CueLists> cues = context_internal::ParseCueLists(yaml, filename);
  if (!cues.ok()) return cues.error();
  return std::shared_ptr<const ContextClassifier>(
      std::make_shared<const context_internal::ConTextClassifier>(cues.value()));
}

std::shared_ptr<const ContextClassifier> ContextClassifier::Builtin() {
  // The cue lists are part of the binary and covered by the unit tests, so a
  // failure here is a build defect: say so and stop rather than run with no
  // context engine.
  static const std::shared_ptr<const ContextClassifier> builtin = [] {
    for (const BuiltinFile& f : BuiltinRuleFiles()) {
      if (f.name != kBuiltinFile) continue;
      auto result = FromYaml(f.text, "rules/context.yaml");
      if (result.ok()) return std::move(result).value();
      std::fprintf(stderr, "claimlint: built-in %s\n", result.error().ToString().c_str());
      std::abort();
    }
    std::fprintf(stderr, "claimlint: built-in rules/context.yaml is missing\n");
    std::abort();
  }();
  return builtin;
}

}  // namespace claimlint
