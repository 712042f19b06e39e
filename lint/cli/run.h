// The command line: parse options, lint, report, and return the exit code
// (0 clean, 1 findings at or above --fail-on, 2 usage/config/I/O error).
#pragma once

namespace claimlint {

int RunCli(int argc, char** argv);

}  // namespace claimlint
