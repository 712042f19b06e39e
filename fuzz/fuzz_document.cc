// Fuzzes the document model, the position mapping and every check: whatever
// the bytes, linting must not crash, and every finding's range must lie in the
// file, be valid UTF-8, and slice to its excerpt.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "lint/checks/registry.h"
#include "lint/base/utf8.h"
#include "lint/engine/linter.h"
#include "lint/rules/pack_loader.h"

namespace {

const claimlint::Linter& TheLinter() {
  static claimlint::Linter linter(
      {claimlint::RuleSet::Build(claimlint::LoadBuiltinRules(claimlint::BuiltinChecks()).value()).value(),
       claimlint::ContextClassifier::Builtin(), nullptr, nullptr});
  return linter;
}

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  bool markdown = size == 0 || data[0] % 4 != 0;  // some inputs as plain text
  bool mdx = markdown && size > 0 && data[size - 1] % 4 == 1;  // some as MDX
  claimlint::Document doc = claimlint::ParseDocument(!markdown ? "f.txt"
                                                     : mdx     ? "f.mdx"
                                                               : "f.md",
                                                     bytes, markdown);
  for (const claimlint::Block& b : doc.blocks) {
    for (const auto& seg : b.map.segments()) {
      Check(seg.src + seg.src_len <= doc.text.size());
      Check(seg.plain + seg.plain_len <= b.text.size());
    }
  }
  std::vector<claimlint::Finding> findings = TheLinter().LintDocument(doc).findings;
  std::vector<std::size_t> invalid;
  for (const claimlint::Finding& f : findings) {
    Check(f.begin <= f.end && f.end <= doc.text.size());
    Check(f.line >= 1 && f.column >= 1 && f.end_line >= f.line);
    std::size_t b = doc.index.OffsetOf(doc.text, {f.line, f.column});
    std::size_t e = doc.index.OffsetOf(doc.text, {f.end_line, f.end_column});
    Check(b <= e && e <= doc.text.size());
    Check(doc.text.substr(b, e - b) == f.excerpt);
    invalid.clear();
    claimlint::SanitizeUtf8(f.excerpt, &invalid);
    Check(invalid.empty());
  }
  return 0;
}
