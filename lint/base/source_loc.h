// Where in a source file something (a rule, a key, a reference entry) was
// written, for errors and messages.
#pragma once

#include <string>

namespace claimlint {

struct SourceLoc {
  std::string file;
  int line = 0, column = 0;
};

}  // namespace claimlint
