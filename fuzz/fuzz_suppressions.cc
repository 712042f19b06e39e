// Fuzzes the inline-suppression parser and its application: whatever the
// comments, parsing and suppressing must not crash, input.* findings must
// survive, and every finding (kept or added) must lie in the file.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "lint/document/document.h"
#include "lint/engine/linter.h"
#include "lint/suppress/suppressions.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

// One synthetic finding per block, so that directives have lines to hide.
std::vector<claimlint::Finding> BlockFindings(const claimlint::Document& doc) {
  static const char* const kRules[] = {"claim.detox", "claim.cure", "citation.vague",
                                       "quality.author", "input.encoding"};
  std::vector<claimlint::Finding> out;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    claimlint::Finding f;
    f.rule = kRules[i % 5];
    if (!claimlint::ParseCategory(f.rule.substr(0, f.rule.find('.')), &f.category)) f.category = claimlint::Category::kClaim;
    f.message = "fuzz";
    f.begin = doc.blocks[i].src_begin;
    f.end = doc.blocks[i].src_end;
    out.push_back(f);
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  claimlint::Document doc = claimlint::ParseDocument("f.md", bytes, true);
  claimlint::ParsedDirectives parsed = claimlint::ParseDirectives(doc);
  for (const claimlint::Directive& d : parsed.directives) {
    Check(d.begin <= d.end && d.end <= doc.text.size());
  }
  std::vector<claimlint::Finding> findings = BlockFindings(doc);
  claimlint::FinalizeFindings(doc, &findings);
  std::size_t before = findings.size(), inputs = 0;
  for (const claimlint::Finding& f : findings) inputs += f.category == claimlint::Category::kInput;
  claimlint::SuppressionOutcome outcome = claimlint::ApplySuppressions(doc, &findings);
  claimlint::FinalizeFindings(doc, &findings);
  Check(outcome.suppressed >= 0 && static_cast<std::size_t>(outcome.suppressed) <= before);
  std::size_t inputs_after = 0;
  for (const claimlint::Finding& f : findings) {
    Check(f.begin <= f.end && f.end <= doc.text.size());
    inputs_after += f.category == claimlint::Category::kInput;
  }
  Check(inputs_after == inputs);
  return 0;
}
