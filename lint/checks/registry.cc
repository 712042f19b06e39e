#include "lint/checks/registry.h"

#include "lint/checks/citation_checks.h"
#include "lint/checks/claims.h"
#include "lint/checks/disclosures.h"
#include "lint/checks/quality.h"

namespace claimlint {
namespace {

// claimlint's own findings are raised by the stages themselves (reading the
// file, the suppressions, the budgets); their rules (rules/claimlint.yaml)
// carry the metadata, severity and switches.
CheckFamily OwnChecks() {
  CheckFamily f;
  CheckSpec input;
  input.name = "claimlint.input";
  input.category = Category::kInput;
  input.examples_required = false;
  input.summary = "claimlint's own findings about a file it read";
  CheckSpec meta;
  meta.name = "claimlint.meta";
  meta.category = Category::kMeta;
  meta.examples_required = false;
  meta.summary = "claimlint's own findings about the run (suppressions, budgets)";
  f.specs = {input, meta};
  return f;
}

class Catalog : public CheckCatalog {
 public:
  Catalog() {
    for (const CheckFamily& f : CheckFamilies()) {
      specs_.insert(specs_.end(), f.specs.begin(), f.specs.end());
    }
    for (const CheckSpec& s : OwnChecks().specs) specs_.push_back(s);
  }
  const std::vector<CheckSpec>& specs() const override { return specs_; }

 private:
  std::vector<CheckSpec> specs_;
};

}  // namespace

const std::vector<CheckFamily>& CheckFamilies() {
  static const std::vector<CheckFamily> families = {ClaimChecks(), CitationChecks(),
                                                    DisclosureChecks(), QualityChecks()};
  return families;
}

const CheckCatalog& BuiltinChecks() {
  static const Catalog catalog;
  return catalog;
}

void RunChecks(const CheckInput& in, std::vector<Finding>* out) {
  for (const CheckFamily& f : CheckFamilies()) f.run(in, out);
}

}  // namespace claimlint
