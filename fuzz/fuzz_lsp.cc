// Fuzzes the language server's framing and dispatcher: the input is what a
// client writes to the server's standard input. Whatever the bytes, the
// server must not crash or hang, and everything it writes back must be
// well-framed JSON-RPC: a Content-Length header, then exactly that many
// bytes of a JSON object with "jsonrpc": "2.0".
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "lint/lsp/lint_adapter.h"
#include "lint/lsp/server.h"
#include "lint/lsp/transport.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

void CheckFrames(std::string_view out) {
  constexpr std::string_view kHeader = "Content-Length: ";
  while (!out.empty()) {
    Check(out.substr(0, kHeader.size()) == kHeader);
    out.remove_prefix(kHeader.size());
    std::size_t end = out.find("\r\n\r\n");
    Check(end != std::string_view::npos && end > 0 && end < 12);
    std::size_t length = 0;
    for (char c : out.substr(0, end)) {
      Check(c >= '0' && c <= '9');
      length = length * 10 + static_cast<std::size_t>(c - '0');
    }
    out.remove_prefix(end + 4);
    Check(length <= out.size());
    auto message = nlohmann::json::parse(out.substr(0, length), nullptr, false);
    Check(message.is_object() && message.value("jsonrpc", "") == "2.0");
    out.remove_prefix(length);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // One adapter for the whole run: the built-in rules load once.
  static claimlint::lsp::LintAdapter* adapter = new claimlint::lsp::LintAdapter();
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  claimlint::lsp::MemorySource in(bytes);
  claimlint::lsp::StringSink sink;
  claimlint::lsp::MessageWriter writer(sink);
  claimlint::lsp::ServerOptions options;
  options.threaded = false;  // deterministic: queued work runs after each message
  options.log = false;
  options.max_message_bytes = 4096;  // small, so that the limit is reached
  claimlint::lsp::MessageReader reader(in, options.max_message_bytes);
  int status;
  {
    claimlint::lsp::Server server(*adapter, writer, options);
    status = server.Run(reader);
  }
  Check(status == 0 || status == 1);
  CheckFrames(sink.Take());
  return 0;
}
