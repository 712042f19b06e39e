#include "lint/data/builtin_files.h"

namespace claimlint {

const BuiltinFile* FindBuiltinFile(std::string_view name) {
  for (const BuiltinFile& f : BuiltinFiles()) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

}  // namespace claimlint
