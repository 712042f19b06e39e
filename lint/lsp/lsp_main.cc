#include "lint/lsp/lsp_main.h"

#include <csignal>
#include <iostream>
#include <string_view>

#include "lint/lsp/lint_adapter.h"
#include "lint/lsp/server.h"
#include "lint/lsp/transport.h"

namespace claimlint::lsp {
namespace {

constexpr const char* kUsage = R"(usage: claimlint lsp [--stdio]

Runs claimlint as a Language Server Protocol (3.17) server on standard input
and output, for editors: diagnostics as you type in Markdown and plain-text
files, hover explanations, and quick fixes (apply a rule's replacement,
silence a finding with a claimlint comment, turn a rule off in the nearest
.claimlint.yml). Each file uses its nearest .claimlint.yml, as on the
command line. Set-up for Neovim, Emacs, Helix, Sublime Text and VS Code:
docs/editors.md.

  --stdio    talk over standard input and output (the default and only mode)
  --help     show this help
)";

}  // namespace

int RunLsp(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--stdio") continue;
    if (arg == "-h" || arg == "--help") {
      std::cout << kUsage;
      return 0;
    }
    std::cerr << "claimlint lsp: unknown option '" << arg << "'\n" << kUsage;
    return 2;
  }
  // A client that goes away mid-write must end the server with an error
  // from write(), not a signal.
  std::signal(SIGPIPE, SIG_IGN);
  LintAdapter adapter;
  FdSource in(0);
  FdSink out(1);
  MessageWriter writer(out);
  ServerOptions options;
  MessageReader reader(in, options.max_message_bytes);
  Server server(adapter, writer, options);
  return server.Run(reader);
}

}  // namespace claimlint::lsp
