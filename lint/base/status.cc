#include "lint/base/status.h"

namespace claimlint {

std::string Error::ToString() const {
  // Appended piece by piece: GCC 12 at -O3 warns (-Wrestrict, a false
  // positive) about `out += ":" + std::to_string(line)`.
  std::string out = file;
  if (line > 0) {
    out += ':';
    out += std::to_string(line);
    if (column > 0) {
      out += ':';
      out += std::to_string(column);
    }
  }
  if (!out.empty()) out += ": ";
  out += message;
  return out;
}

}  // namespace claimlint
