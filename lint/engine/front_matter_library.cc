#include "lint/engine/front_matter_library.h"

#include <filesystem>

namespace claimlint {

ReferenceLibrary FrontMatterLibrary(const Document& doc, std::vector<Finding>* findings) {
  ReferenceLibrary lib;
  namespace fs = std::filesystem;
  fs::path dir = fs::path(doc.path).parent_path();
  for (const std::string& ref : doc.front_matter.references) {
    fs::path p = fs::path(ref).is_absolute() ? fs::path(ref) : dir / ref;
    auto entries = ReadReferenceFile(p.string());
    if (!entries.ok()) {
      Finding f;
      f.rule = "input.references";
      f.category = Category::kInput;
      f.severity = Severity::kError;
      f.message = "cannot use the front matter's reference library: " + entries.error().ToString();
      f.begin = doc.front_matter.src_begin;
      f.end = doc.front_matter.src_begin + 3;
      findings->push_back(std::move(f));
      continue;
    }
    for (Reference& r : entries.value()) lib.entries.push_back(std::move(r));
  }
  return lib;
}

}  // namespace claimlint
