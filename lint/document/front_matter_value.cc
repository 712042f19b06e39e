#include "lint/document/front_matter_value.h"

namespace claimlint {

std::string FoldKey(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    if (c == '_' || c == '-' || c == ' ') continue;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

const FmMember* FmValue::FindMember(std::string_view key) const {
  if (kind != Kind::kTable) return nullptr;
  std::string folded = FoldKey(key);
  for (const FmMember& m : members) {
    if (FoldKey(m.key) == folded) return &m;
  }
  return nullptr;
}

const FmValue* FmValue::Find(std::string_view key) const {
  const FmMember* m = FindMember(key);
  return m ? &m->value : nullptr;
}

}  // namespace claimlint
