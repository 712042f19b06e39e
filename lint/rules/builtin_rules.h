// The rule packs of rules/, embedded at build time (cmake/embed_rules.cmake).
#pragma once

#include <string_view>
#include <vector>

namespace claimlint {

struct BuiltinFile {
  std::string_view name;  // file name, e.g. "claims-immunity.yaml"
  std::string_view text;
};

const std::vector<BuiltinFile>& BuiltinRuleFiles();

}  // namespace claimlint
