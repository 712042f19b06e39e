#include "lint/cli/version.h"

namespace claimlint {

std::string VersionLine() {
  std::string line = std::string("claimlint ") + CLAIMLINT_VERSION;
  std::string rev = GitRevision();
  if (!rev.empty()) line += " (git " + rev + ")";
  return line;
}

}  // namespace claimlint
