#include "lint/lsp/diagnostics.h"

#include "lint/lsp/documents.h"

namespace claimlint::lsp {

int LspSeverity(Severity s) {
  switch (s) {
    case Severity::kError:
      return 1;
    case Severity::kWarning:
      return 2;
    case Severity::kInfo:
      return 3;
  }
  return 2;
}

nlohmann::json Diagnostics(const LintedText& linted, Encoding enc) {
  nlohmann::json out = nlohmann::json::array();
  if (!linted.result.error.empty()) {
    out.push_back({{"range", RangeJson(linted.index, linted.text, 0, 0, enc)},
                   {"severity", 1},
                   {"source", "claimlint"},
                   {"message", "claimlint cannot lint this file: " + linted.result.error}});
    return out;
  }
  for (const BufferFinding& bf : linted.result.findings) {
    const Finding& f = bf.finding;
    nlohmann::json d = {{"range", RangeJson(linted.index, linted.text, f.begin, f.end, enc)},
                        {"severity", LspSeverity(f.severity)},
                        {"code", f.rule},
                        {"source", "claimlint"},
                        {"message", f.message}};
    if (!bf.url.empty()) d["codeDescription"] = {{"href", bf.url}};
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace claimlint::lsp
