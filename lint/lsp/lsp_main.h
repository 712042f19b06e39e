// `claimlint lsp`: the language server on standard input and output.
#pragma once

namespace claimlint::lsp {

// argv[0] is "lsp". Returns the process's exit status.
int RunLsp(int argc, char** argv);

}  // namespace claimlint::lsp
