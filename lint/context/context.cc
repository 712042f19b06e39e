#include "lint/context/context.h"

#include <cstdio>
#include <cstdlib>
#include <utility>

#include "lint/context/classifier.h"
#include "lint/context/cues.h"
#include "lint/data/builtin_files.h"

namespace claimlint {
namespace {

constexpr std::string_view kBuiltinFile = "context.yaml";

}  // namespace

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
    if (const BuiltinFile* f = FindBuiltinFile(kBuiltinFile)) {
      auto result = FromYaml(f->text, "rules/context.yaml");
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
