// The model files of rules/models/, embedded at build time (cmake/embed_rules.cmake).
#pragma once

#include <vector>

#include "lint/rules/builtin_rules.h"

namespace claimlint {

const std::vector<BuiltinFile>& BuiltinModelFiles();

}  // namespace claimlint
