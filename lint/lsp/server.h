// The language server: JSON-RPC dispatch on the reading thread (lifecycle,
// document sync, cancellation) and a lint thread that lints changed
// documents after a quiet spell, publishes their diagnostics, and answers
// the requests that need fresh findings (hover, code actions).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>

#include "lint/lsp/code_actions.h"
#include "lint/lsp/diagnostics.h"
#include "lint/lsp/documents.h"
#include "lint/lsp/lint_adapter.h"
#include "lint/lsp/text_positions.h"
#include "lint/lsp/transport.h"

namespace claimlint::lsp {

struct ServerOptions {
  // Quiet time after the last change before a document is linted (clients
  // may override it with initializationOptions.debounceMs).
  int debounce_ms = 150;
  // False: no lint thread; queued work runs after each message, at once
  // (the fuzzer and in-process tests, which need determinism).
  bool threaded = true;
  std::size_t max_message_bytes = 16 * 1024 * 1024;
  bool log = true;  // log to standard error
};

class Server {
 public:
  Server(LintAdapter& adapter, MessageWriter& out, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Reads and handles messages until `exit` or the end of the input.
  // Returns the exit status: 0 when `shutdown` came first, else 1.
  int Run(MessageReader& in);

 private:
  using Clock = std::chrono::steady_clock;
  using json = nlohmann::json;

  struct PendingRequest {
    json id;
    std::string method;
    json params;
    std::string uri;
  };

  // Reading thread.
  void HandleBody(const std::string& body);
  void Handle(const json& message);
  void HandleRequest(const json& id, const std::string& method, const json& params);
  void HandleNotification(const std::string& method, const json& params);
  json Initialize(const json& params);
  void Initialized();
  void DidOpen(const json& params);
  void DidChange(const json& params);
  void DidSave(const json& params);
  void DidClose(const json& params);
  void DidChangeWatchedFiles(const json& params);
  void Cancel(const json& params);
  void Queue(const json& id, const std::string& method, const json& params);

  // Lint thread (or inline when not threaded).
  void WorkerLoop();
  // Runs one piece of due work; false when there is none. `lock` is held on
  // entry and exit and released while linting.
  bool RunOne(std::unique_lock<std::mutex>& lock, bool ignore_time);
  // Lints the open document `uri` (its current text) and publishes.
  void LintAndPublish(std::unique_lock<std::mutex>& lock, const std::string& uri);
  void Answer(std::unique_lock<std::mutex>& lock, PendingRequest request);
  std::optional<ConfigChange> ConfigChangeFor(const LintedText& linted, const std::string& rule);
  void UpdateWatchers();
  void DrainInline();

  void Reply(const json& id, json result);
  void ReplyError(const json& id, int code, const std::string& message);
  void Notify(const std::string& method, json params);
  void Log(const std::string& message);
  void ShowError(const std::string& message);

  LintAdapter& adapter_;
  MessageWriter& out_;
  ServerOptions options_;

  // Set during initialize; read-only afterwards.
  Encoding encoding_ = Encoding::kUtf16;
  bool hover_markdown_ = true;
  EditSupport edit_support_;
  bool watch_registration_ = false;
  std::string workspace_root_;

  // Reading thread only.
  bool initialize_seen_ = false;
  bool shutdown_ = false;
  bool exit_ = false;
  std::uint64_t next_generation_ = 1;

  // Shared, under mu_.
  std::mutex mu_;
  std::condition_variable cv_;
  std::map<std::string, OpenDocument> docs_;
  std::map<std::string, Clock::time_point> due_;
  std::map<std::string, LintedText> linted_;
  std::deque<PendingRequest> requests_;
  std::set<std::string> dependency_paths_;  // libraries and packs the configs name
  std::set<std::string> dependency_globs_;  // file-watcher globs for them
  bool reload_ = false;
  bool stop_ = false;
  bool initialized_ = false;  // `initialized` received: registrations may go out

  // Lint thread only.
  std::set<std::string> watch_globs_;
  int watch_registration_id_ = 0;
  std::set<std::string> shown_errors_;

  std::mutex publish_mu_;  // a publish and the check that its document is open
  std::thread worker_;
};

}  // namespace claimlint::lsp
