// The version --version prints: the project version and, when built from a
// git checkout, the revision (git describe) it was built from.
#pragma once

#include <string>

namespace claimlint {

// "v0.1.0-3-g1a2b3c4d5e6f", "1a2b3c4d5e6f-dirty", or "" (not built from git).
// Defined in a file the build generates (cmake/git_revision.cmake).
const char* GitRevision();

// "claimlint 0.1.0 (git 1a2b3c4d5e6f)" or "claimlint 0.1.0".
std::string VersionLine();

}  // namespace claimlint
