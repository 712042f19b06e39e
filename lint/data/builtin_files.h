// Built-in data embedded at build time (cmake/embed_files.cmake): the rule
// packs of rules/, the lexicons of rules/lexicons/, the models of
// rules/models/.
#pragma once

#include <string_view>
#include <vector>

namespace claimlint {

struct BuiltinFile {
  std::string_view name;  // path under rules/, e.g. "claims-immunity.yaml", "lexicons/conditions.yaml"
  std::string_view text;
};

// Every built-in file, sorted by name.
const std::vector<BuiltinFile>& BuiltinFiles();

// The built-in file of this name, or null.
const BuiltinFile* FindBuiltinFile(std::string_view name);

}  // namespace claimlint
