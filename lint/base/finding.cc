#include "lint/base/finding.h"

#include <tuple>

namespace claimlint {

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "info";
  }
  return "info";
}

bool ParseSeverity(std::string_view name, Severity* out) {
  if (name == "error") {
    *out = Severity::kError;
  } else if (name == "warning") {
    *out = Severity::kWarning;
  } else if (name == "info") {
    *out = Severity::kInfo;
  } else {
    return false;
  }
  return true;
}

bool FindingLess(const Finding& a, const Finding& b) {
  return std::tie(a.file, a.line, a.column, a.rule, a.end_line, a.end_column, a.message) <
         std::tie(b.file, b.line, b.column, b.rule, b.end_line, b.end_column, b.message);
}

}  // namespace claimlint
