// Weak stand-ins for checks and writers whose modules are still landing; a
// module's real (strong) definition replaces each one at link time.
#include "lint/checks/check.h"
#include "lint/citations/analysis.h"
#include "lint/context/context.h"
#include "lint/report/report.h"

#define CLAIMLINT_WEAK __attribute__((weak))

namespace claimlint {

CLAIMLINT_WEAK std::vector<Finding> CheckDisclosures(const CheckInput&) { return {}; }
CLAIMLINT_WEAK std::vector<Finding> CheckQuality(const CheckInput&, int) { return {}; }
CLAIMLINT_WEAK CitationAnalysis AnalyzeCitations(const CheckInput&) { return {}; }
CLAIMLINT_WEAK std::vector<Finding> CheckCitations(const CheckInput&, const CitationAnalysis&) {
  return {};
}
CLAIMLINT_WEAK bool CitationAnalysis::Supported(int) const { return false; }

CLAIMLINT_WEAK std::string_view ContextName(Context c) {
  static const char* kNames[] = {"asserted", "negated",  "hedged",
                                 "reported", "question", "hypothetical"};
  return kNames[static_cast<int>(c)];
}
CLAIMLINT_WEAK bool ParseContext(std::string_view name, Context* out) {
  for (int i = 0; i < 6; ++i) {
    if (ContextName(static_cast<Context>(i)) == name) {
      *out = static_cast<Context>(i);
      return true;
    }
  }
  return false;
}
namespace {
class AssertAll : public ContextClassifier {
 public:
  Context Classify(const ContextInput& in) const override {
    return !in.sentence.empty() && in.sentence.back() == '?' ? Context::kQuestion
                                                             : Context::kAsserted;
  }
  bool IsRefutation(std::string_view) const override { return false; }
};
}  // namespace
CLAIMLINT_WEAK std::shared_ptr<const ContextClassifier> ContextClassifier::Builtin() {
  static auto c = std::make_shared<AssertAll>();
  return c;
}

CLAIMLINT_WEAK void Tally(Report*) {}
CLAIMLINT_WEAK void WriteText(const Report&, const OutputOptions&, std::ostream&) {}
CLAIMLINT_WEAK void WriteJson(const Report&, std::ostream&) {}
CLAIMLINT_WEAK void WriteSarif(const Report&, std::ostream&) {}
CLAIMLINT_WEAK void WriteGithub(const Report&, const OutputOptions&, std::ostream&) {}
CLAIMLINT_WEAK void WriteHtml(const Report&, std::ostream&) {}

}  // namespace claimlint

namespace claimlint {
CLAIMLINT_WEAK Result<std::vector<Reference>> ReadReferenceFile(const std::string& path) {
  return Error{path, 0, 0, "reference libraries are not supported yet"};
}
}  // namespace claimlint
