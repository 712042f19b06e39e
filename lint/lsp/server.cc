#include "lint/lsp/server.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "lint/lsp/config_edit.h"
#include "lint/lsp/hover.h"
#include "lint/lsp/uri.h"

namespace claimlint::lsp {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// JSON-RPC and LSP error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;
constexpr int kRequestCancelled = -32800;

// Deeper JSON than any LSP message has is refused before parsing, so that
// no nesting can exhaust the stack.
constexpr int kMaxDepth = 64;

bool TooDeep(std::string_view body) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > kMaxDepth) return true;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return false;
}

bool ValidId(const json& id) { return id.is_string() || id.is_number_integer(); }

// The id of a message too large to parse, when it is written near the start
// (as clients write "jsonrpc", "id", "method" first); null otherwise.
json SniffId(std::string_view head) {
  std::size_t params = head.find("\"params\"");
  std::size_t at = head.find("\"id\"");
  if (at == std::string_view::npos || (params != std::string_view::npos && params < at)) {
    return nullptr;
  }
  std::size_t colon = head.find(':', at + 4);
  if (colon == std::string_view::npos) return nullptr;
  std::size_t b = head.find_first_not_of(" \t\r\n", colon + 1);
  if (b == std::string_view::npos) return nullptr;
  std::size_t e = head.find_first_of(",}", b);
  if (e == std::string_view::npos) return nullptr;
  json id = json::parse(head.substr(b, e - b), nullptr, false);
  return !id.is_discarded() && ValidId(id) ? id : json(nullptr);
}

const json* Find(const json& j, const char* key) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(key);
  return it == j.end() ? nullptr : &*it;
}

const json* Path(const json& j, std::initializer_list<const char*> keys) {
  const json* at = &j;
  for (const char* k : keys) {
    at = Find(*at, k);
    if (!at) return nullptr;
  }
  return at;
}

bool Flag(const json& j, std::initializer_list<const char*> keys) {
  const json* v = Path(j, keys);
  return v && v->is_boolean() && v->get<bool>();
}

std::string StringAt(const json& j, std::initializer_list<const char*> keys) {
  const json* v = Path(j, keys);
  return v && v->is_string() ? v->get<std::string>() : std::string();
}

bool IsConfigName(const std::string& name) {
  return name == ".claimlint.yml" || name == ".claimlint.yaml";
}

std::string BaseName(const std::string& path) { return fs::path(path).filename().string(); }

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return !in.bad();
}

}  // namespace

Server::Server(LintAdapter& adapter, MessageWriter& out, ServerOptions options)
    : adapter_(adapter), out_(out), options_(options) {
  if (options_.threaded) worker_ = std::thread([this] { WorkerLoop(); });
}

Server::~Server() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (worker_.joinable()) worker_.join();
}

int Server::Run(MessageReader& in) {
  std::string body, error;
  while (!exit_) {
    MessageReader::Status status = in.Next(&body, &error);
    if (status == MessageReader::Status::kEnd) {
      if (!error.empty()) Log(error);
      break;
    }
    if (status == MessageReader::Status::kBadFrame) {
      Log(error);
      continue;
    }
    if (status == MessageReader::Status::kTooLarge) {
      Log(error);
      ReplyError(SniffId(body), kInvalidRequest, error);
      continue;
    }
    HandleBody(body);
    if (!options_.threaded) DrainInline();
  }
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (worker_.joinable()) worker_.join();
  return shutdown_ ? 0 : 1;
}

void Server::HandleBody(const std::string& body) {
  if (TooDeep(body)) {
    ReplyError(nullptr, kInvalidRequest,
               "the message nests deeper than " + std::to_string(kMaxDepth) + " levels");
    return;
  }
  json message = json::parse(body, nullptr, false);
  if (message.is_discarded()) {
    ReplyError(nullptr, kParseError, "the message is not valid JSON");
    return;
  }
  Handle(message);
}

void Server::Handle(const json& message) {
  if (!message.is_object()) {
    // Batches are JSON-RPC, but not LSP.
    ReplyError(nullptr, kInvalidRequest, "a message must be a JSON object");
    return;
  }
  const json* method = Find(message, "method");
  const json* id = Find(message, "id");
  if (!method) {
    // A response to one of the server's requests (registrations): nothing
    // waits for it.
    if (id && (Find(message, "result") || Find(message, "error"))) return;
    ReplyError(id && ValidId(*id) ? *id : json(nullptr), kInvalidRequest,
               "a message needs a method");
    return;
  }
  if (!method->is_string() || (id && !ValidId(*id))) {
    ReplyError(id && ValidId(*id) ? *id : json(nullptr), kInvalidRequest,
               "a request needs a string method and an integer or string id");
    return;
  }
  const json* params = Find(message, "params");
  static const json kNoParams = json::object();
  if (params && !params->is_object() && !params->is_array()) {
    if (id) ReplyError(*id, kInvalidParams, "params must be an object or an array");
    return;
  }
  const std::string& name = method->get_ref<const std::string&>();
  try {
    if (id) {
      HandleRequest(*id, name, params ? *params : kNoParams);
    } else {
      HandleNotification(name, params ? *params : kNoParams);
    }
  } catch (const json::exception& e) {
    if (id) {
      ReplyError(*id, kInvalidParams, std::string("malformed params: ") + e.what());
    } else {
      Log(name + ": malformed params: " + e.what());
    }
  } catch (const std::exception& e) {
    if (id) ReplyError(*id, kInternalError, e.what());
    Log(name + ": " + e.what());
  }
}

void Server::HandleRequest(const json& id, const std::string& method, const json& params) {
  if (!initialize_seen_ && method != "initialize") {
    ReplyError(id, kServerNotInitialized, "the server is not initialized");
    return;
  }
  if (shutdown_) {
    ReplyError(id, kInvalidRequest, "the server is shutting down");
    return;
  }
  if (method == "initialize") {
    if (initialize_seen_) {
      ReplyError(id, kInvalidRequest, "initialize was already received");
      return;
    }
    Reply(id, Initialize(params));
  } else if (method == "shutdown") {
    shutdown_ = true;
    {
      std::lock_guard lock(mu_);
      due_.clear();
    }
    Reply(id, nullptr);
  } else if (method == "textDocument/hover" || method == "textDocument/codeAction") {
    Queue(id, method, params);
  } else {
    ReplyError(id, kMethodNotFound, "unknown method " + method);
  }
}

void Server::HandleNotification(const std::string& method, const json& params) {
  if (method == "exit") {
    exit_ = true;
    return;
  }
  if (!initialize_seen_ || shutdown_) return;
  if (method == "initialized") {
    Initialized();
  } else if (method == "textDocument/didOpen") {
    DidOpen(params);
  } else if (method == "textDocument/didChange") {
    DidChange(params);
  } else if (method == "textDocument/didSave") {
    DidSave(params);
  } else if (method == "textDocument/didClose") {
    DidClose(params);
  } else if (method == "workspace/didChangeWatchedFiles") {
    DidChangeWatchedFiles(params);
  } else if (method == "$/cancelRequest") {
    Cancel(params);
  }
  // Other notifications ($/setTrace, didChangeConfiguration, ...) need
  // nothing from this server.
}

json Server::Initialize(const json& params) {
  initialize_seen_ = true;
  const json& caps = params.is_object() && params.contains("capabilities")
                         ? params.at("capabilities")
                         : json::object();
  // Position encoding: the first of the client's that the server knows
  // (all three), utf-16 when the client names none. clangd's older
  // `offsetEncoding` extension is honoured the same way.
  json result_extra = json::object();
  bool chosen = false;
  if (const json* list = Path(caps, {"general", "positionEncodings"}); list && list->is_array()) {
    for (const json& e : *list) {
      if (e.is_string() && ParseEncoding(e.get<std::string>(), &encoding_)) {
        chosen = true;
        break;
      }
    }
  }
  if (const json* list = Find(caps, "offsetEncoding"); !chosen && list && list->is_array()) {
    for (const json& e : *list) {
      if (e.is_string() && ParseEncoding(e.get<std::string>(), &encoding_)) {
        result_extra["offsetEncoding"] = EncodingName(encoding_);
        break;
      }
    }
  }
  if (const json* formats = Path(caps, {"textDocument", "hover", "contentFormat"});
      formats && formats->is_array()) {
    hover_markdown_ =
        std::find(formats->begin(), formats->end(), json("markdown")) != formats->end();
  }
  edit_support_.document_changes = Flag(caps, {"workspace", "workspaceEdit", "documentChanges"});
  edit_support_.snippets = Flag(caps, {"workspace", "workspaceEdit", "snippetEditSupport"});
  if (const json* ops = Path(caps, {"workspace", "workspaceEdit", "resourceOperations"});
      ops && ops->is_array()) {
    edit_support_.create_files = std::find(ops->begin(), ops->end(), json("create")) != ops->end();
  }
  watch_registration_ = Flag(caps, {"workspace", "didChangeWatchedFiles", "dynamicRegistration"});
  // The workspace root: the first folder, else rootUri, else rootPath.
  if (const json* folders = Find(params, "workspaceFolders"); folders && folders->is_array()) {
    for (const json& f : *folders) {
      if (auto p = UriToPath(StringAt(f, {"uri"}))) {
        workspace_root_ = *p;
        break;
      }
    }
  }
  if (workspace_root_.empty()) {
    if (auto p = UriToPath(StringAt(params, {"rootUri"}))) workspace_root_ = *p;
  }
  if (workspace_root_.empty()) workspace_root_ = StringAt(params, {"rootPath"});
  if (const json* d = Path(params, {"initializationOptions", "debounceMs"}); d && d->is_number()) {
    options_.debounce_ms = static_cast<int>(std::clamp(d->get<double>(), 0.0, 10000.0));
  }

  json capabilities = {
      {"positionEncoding", EncodingName(encoding_)},
      {"textDocumentSync",
       {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
      {"hoverProvider", true},
      {"codeActionProvider",
       {{"codeActionKinds", json::array({"quickfix"})}, {"resolveProvider", false}}},
  };
  json result = {{"capabilities", capabilities},
                 {"serverInfo", {{"name", "claimlint"}, {"version", CLAIMLINT_VERSION}}}};
  result.update(result_extra);
  return result;
}

void Server::Initialized() {
  // The file watchers are registered from the lint thread, which owns them.
  {
    std::lock_guard lock(mu_);
    initialized_ = true;
  }
  cv_.notify_all();
}

void Server::DidOpen(const json& params) {
  const json& td = params.at("textDocument");
  OpenDocument doc;
  doc.uri = td.at("uri").get<std::string>();
  doc.language_id = StringAt(td, {"languageId"});
  doc.version = td.contains("version") && td.at("version").is_number_integer()
                    ? td.at("version").get<std::int64_t>()
                    : 0;
  if (auto p = UriToPath(doc.uri)) {
    doc.path = *p;
  } else {
    // An unsaved buffer: linted as a file in the workspace, for its config.
    fs::path root = workspace_root_.empty() ? fs::current_path() : fs::path(workspace_root_);
    doc.path = (root / "untitled").string();
  }
  ClassifyDocument(&doc);
  if (!UriToPath(doc.uri)) doc.path += doc.markdown ? ".md" : ".txt";
  doc.SetText(td.at("text").get<std::string>());
  doc.generation = next_generation_++;
  const bool lint = doc.lint;
  const std::string uri = doc.uri;
  {
    std::lock_guard lock(mu_);
    docs_[uri] = std::move(doc);
    linted_.erase(uri);
    if (lint) due_[uri] = Clock::now();  // opening wants diagnostics now
  }
  cv_.notify_all();
}

void Server::DidChange(const json& params) {
  const json& td = params.at("textDocument");
  std::string uri = td.at("uri").get<std::string>();
  const json& changes = params.at("contentChanges");
  if (!changes.is_array()) {
    Log("didChange " + uri + ": contentChanges is not a list");
    return;
  }
  {
    std::lock_guard lock(mu_);
    auto it = docs_.find(uri);
    if (it == docs_.end()) {
      Log("didChange for a document that is not open: " + uri);
      return;
    }
    OpenDocument& doc = it->second;
    for (const json& change : changes) {
      std::string error;
      if (!ApplyContentChange(&doc, change, encoding_, &error)) {
        Log("didChange " + uri + ": " + error);
      }
    }
    if (td.contains("version") && td.at("version").is_number_integer()) {
      doc.version = td.at("version").get<std::int64_t>();
    }
    if (doc.lint) {
      due_[uri] = Clock::now() + std::chrono::milliseconds(options_.debounce_ms);
    }
  }
  cv_.notify_all();
}

void Server::DidSave(const json& params) {
  std::string uri = params.at("textDocument").at("uri").get<std::string>();
  auto path = UriToPath(uri);
  if (!path) return;
  const std::string saved = fs::path(*path).lexically_normal().string();
  std::lock_guard lock(mu_);
  // A saved config, library or rule pack changes what every document gets,
  // even for clients that do not watch files.
  bool dependency =
      std::any_of(dependency_paths_.begin(), dependency_paths_.end(), [&](const std::string& dep) {
        return saved == dep || (saved.size() > dep.size() &&
                                saved.compare(0, dep.size(), dep) == 0 && saved[dep.size()] == '/');
      });
  if (IsConfigName(BaseName(saved)) || dependency) {
    reload_ = true;
    cv_.notify_all();
  }
}

void Server::DidClose(const json& params) {
  std::string uri = params.at("textDocument").at("uri").get<std::string>();
  std::lock_guard publish(publish_mu_);
  {
    std::lock_guard lock(mu_);
    if (docs_.erase(uri) == 0) return;
    due_.erase(uri);
    linted_.erase(uri);
  }
  // A closed document keeps no diagnostics.
  Notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}});
}

void Server::DidChangeWatchedFiles(const json& params) {
  const json& changes = params.at("changes");
  if (!changes.is_array() || changes.empty()) return;
  {
    std::lock_guard lock(mu_);
    reload_ = true;
  }
  cv_.notify_all();
}

void Server::Cancel(const json& params) {
  const json& id = params.at("id");
  bool found = false;
  {
    std::lock_guard lock(mu_);
    auto it = std::find_if(requests_.begin(), requests_.end(),
                           [&](const PendingRequest& r) { return r.id == id; });
    if (it != requests_.end()) {
      requests_.erase(it);
      found = true;
    }
  }
  // One already answered (or never seen) needs nothing.
  if (found) ReplyError(id, kRequestCancelled, "cancelled");
}

void Server::Queue(const json& id, const std::string& method, const json& params) {
  std::string uri = params.at("textDocument").at("uri").get<std::string>();
  // Validate here, so that a malformed request is answered at once.
  Position a, b;
  if (method == "textDocument/hover") {
    if (!ParsePosition(params.at("position"), &a)) {
      ReplyError(id, kInvalidParams, "malformed position");
      return;
    }
  } else if (!ParseRange(params.at("range"), &a, &b)) {
    ReplyError(id, kInvalidParams, "malformed range");
    return;
  }
  bool queued = false;
  {
    std::lock_guard lock(mu_);
    auto it = docs_.find(uri);
    if (it != docs_.end() && it->second.lint) {
      requests_.push_back(PendingRequest{id, method, params, uri});
      queued = true;
    }
  }
  if (!queued) {
    Reply(id, method == "textDocument/hover" ? json(nullptr) : json::array());
    return;
  }
  cv_.notify_all();
}

void Server::WorkerLoop() {
  std::unique_lock lock(mu_);
  for (;;) {
    if (stop_) return;
    if (RunOne(lock, false)) continue;
    if (initialized_ && watch_registration_) {
      lock.unlock();
      UpdateWatchers();
      lock.lock();
      if (stop_) return;
      if (RunOne(lock, false)) continue;
    }
    if (due_.empty()) {
      cv_.wait(lock);
    } else {
      auto next = std::min_element(due_.begin(), due_.end(), [](const auto& x, const auto& y) {
        return x.second < y.second;
      });
      cv_.wait_until(lock, next->second);
    }
  }
}

void Server::DrainInline() {
  std::unique_lock lock(mu_);
  while (RunOne(lock, true)) {
  }
  if (initialized_ && watch_registration_) {
    lock.unlock();
    UpdateWatchers();
  }
}

bool Server::RunOne(std::unique_lock<std::mutex>& lock, bool ignore_time) {
  if (reload_) {
    reload_ = false;
    lock.unlock();
    adapter_.Reload();
    lock.lock();
    // Every open document again, with the new configs.
    linted_.clear();
    for (const auto& [uri, doc] : docs_) {
      if (doc.lint) due_[uri] = Clock::now();
    }
    return true;
  }
  if (!requests_.empty()) {
    PendingRequest r = std::move(requests_.front());
    requests_.pop_front();
    Answer(lock, std::move(r));
    return true;
  }
  if (due_.empty()) return false;
  auto next = std::min_element(due_.begin(), due_.end(),
                               [](const auto& x, const auto& y) { return x.second < y.second; });
  if (!ignore_time && next->second > Clock::now()) return false;
  std::string uri = next->first;
  due_.erase(next);
  LintAndPublish(lock, uri);
  return true;
}

void Server::LintAndPublish(std::unique_lock<std::mutex>& lock, const std::string& uri) {
  auto it = docs_.find(uri);
  if (it == docs_.end() || !it->second.lint) return;
  LintedText l;
  l.uri = uri;
  l.path = it->second.path;
  l.version = it->second.version;
  l.markdown = it->second.markdown;
  l.text = it->second.text;
  l.index = it->second.index;
  const std::uint64_t generation = it->second.generation;
  lock.unlock();
  l.result = adapter_.LintBuffer(l.path, l.text, l.markdown);
  if (!l.result.error.empty() && shown_errors_.insert(l.result.error).second) {
    ShowError("claimlint: " + l.result.error);
  }
  json diagnostics = Diagnostics(l, encoding_);
  // What to watch: each library and rule pack the configs name, by file
  // name (a glob any client understands); a directory of packs, whole.
  std::set<std::string> paths, globs;
  for (const std::string& dep : adapter_.Dependencies()) {
    std::string p = fs::path(dep).lexically_normal().string();
    paths.insert(p);
    if (IsConfigName(BaseName(p))) continue;
    std::error_code ec;
    globs.insert("**/" + BaseName(p) + (fs::is_directory(p, ec) ? "/**" : ""));
  }
  {
    std::lock_guard publish(publish_mu_);
    lock.lock();
    dependency_paths_.insert(paths.begin(), paths.end());
    dependency_globs_.insert(globs.begin(), globs.end());
    auto now = docs_.find(uri);
    if (now == docs_.end() || now->second.generation != generation) return;
    std::int64_t version = l.version;
    linted_[uri] = std::move(l);
    lock.unlock();
    Notify("textDocument/publishDiagnostics",
           {{"uri", uri}, {"version", version}, {"diagnostics", std::move(diagnostics)}});
  }
  lock.lock();
}

void Server::Answer(std::unique_lock<std::mutex>& lock, PendingRequest r) {
  auto doc = docs_.find(r.uri);
  if (doc == docs_.end()) {
    lock.unlock();
    Reply(r.id, r.method == "textDocument/hover" ? json(nullptr) : json::array());
    lock.lock();
    return;
  }
  // Answer on the findings of the text as it is now.
  auto l = linted_.find(r.uri);
  if (l == linted_.end() || l->second.version != doc->second.version ||
      l->second.text.size() != doc->second.text.size() || l->second.text != doc->second.text) {
    due_.erase(r.uri);
    LintAndPublish(lock, r.uri);
    l = linted_.find(r.uri);
    if (l == linted_.end()) {
      lock.unlock();
      Reply(r.id, r.method == "textDocument/hover" ? json(nullptr) : json::array());
      lock.lock();
      return;
    }
  }
  LintedText linted = l->second;  // a copy: the lock is released below
  lock.unlock();
  json result;
  if (r.method == "textDocument/hover") {
    Position p;
    ParsePosition(r.params.at("position"), &p);
    result = HoverAt(linted, linted.index.ToOffset(linted.text, p, encoding_), encoding_,
                     hover_markdown_);
  } else {
    Position a, b;
    ParseRange(r.params.at("range"), &a, &b);
    std::size_t begin = linted.index.ToOffset(linted.text, a, encoding_);
    std::size_t end = linted.index.ToOffset(linted.text, b, encoding_);
    if (end < begin) std::swap(begin, end);
    // Only quick fixes are offered; a client asking for other kinds gets none.
    bool wanted = true;
    if (const json* only = Path(r.params, {"context", "only"}); only && only->is_array()) {
      wanted = std::any_of(only->begin(), only->end(), [](const json& k) {
        return k.is_string() && (k == "quickfix" || k == "");
      });
    }
    result = json::array();
    if (wanted) {
      result = CodeActions(linted, begin, end, encoding_, edit_support_,
                           [&](const std::string& rule) { return ConfigChangeFor(linted, rule); });
    }
  }
  Reply(r.id, std::move(result));
  lock.lock();
}

std::optional<ConfigChange> Server::ConfigChangeFor(const LintedText& linted,
                                                    const std::string& rule) {
  ConfigChange c;
  std::string path = adapter_.NearestConfig(linted.path);
  c.exists = !path.empty();
  if (!c.exists) path = adapter_.NewConfigPath(linted.path, workspace_root_);
  path = fs::path(path).lexically_normal().string();
  c.uri = PathToUri(path);
  // The editor's copy of the config, when it has one open, else the disk's.
  bool open = false;
  {
    std::lock_guard lock(mu_);
    for (const auto& [uri, doc] : docs_) {
      if (doc.path == path) {
        c.text = doc.text;
        c.version = doc.version;
        c.uri = uri;
        c.exists = true;
        open = true;
        break;
      }
    }
  }
  if (!open && c.exists && !ReadFile(path, &c.text)) return std::nullopt;
  std::optional<std::string> updated = DisableRuleInConfig(c.text, rule);
  if (!updated) return std::nullopt;
  std::string error;
  if (!adapter_.ConfigIsValid(*updated, path, &error)) {
    Log("not offering to edit " + path + ": " + error);
    return std::nullopt;
  }
  c.new_text = std::move(*updated);
  fs::path shown = fs::path(path);
  if (!workspace_root_.empty()) {
    fs::path rel = shown.lexically_relative(workspace_root_);
    if (!rel.empty() && *rel.begin() != "..") shown = rel;
  }
  c.label = shown.string();
  return c;
}

void Server::UpdateWatchers() {
  // Configs anywhere, plus what the loaded configs name.
  std::set<std::string> globs = {"**/.claimlint.yml", "**/.claimlint.yaml"};
  {
    std::lock_guard lock(mu_);
    globs.insert(dependency_globs_.begin(), dependency_globs_.end());
  }
  if (globs == watch_globs_) return;
  if (watch_registration_id_ > 0) {
    json unreg = {{"id", "claimlint-watch-" + std::to_string(watch_registration_id_)},
                  {"method", "workspace/didChangeWatchedFiles"}};
    out_.Send({{"jsonrpc", "2.0"},
               {"id", "claimlint-unregister-" + std::to_string(watch_registration_id_)},
               {"method", "client/unregisterCapability"},
               {"params", {{"unregisterations", json::array({unreg})}}}});
  }
  ++watch_registration_id_;
  json watchers = json::array();
  for (const std::string& g : globs) watchers.push_back({{"globPattern", g}});
  json reg = {{"id", "claimlint-watch-" + std::to_string(watch_registration_id_)},
              {"method", "workspace/didChangeWatchedFiles"},
              {"registerOptions", {{"watchers", watchers}}}};
  out_.Send({{"jsonrpc", "2.0"},
             {"id", "claimlint-register-" + std::to_string(watch_registration_id_)},
             {"method", "client/registerCapability"},
             {"params", {{"registrations", json::array({reg})}}}});
  watch_globs_ = std::move(globs);
}

void Server::Reply(const json& id, json result) {
  out_.Send({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

void Server::ReplyError(const json& id, int code, const std::string& message) {
  out_.Send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void Server::Notify(const std::string& method, json params) {
  out_.Send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
}

void Server::Log(const std::string& message) {
  if (options_.log) std::cerr << "claimlint lsp: " << message << std::endl;
}

void Server::ShowError(const std::string& message) {
  Log(message);
  Notify("window/showMessage", {{"type", 1}, {"message", message}});
}

}  // namespace claimlint::lsp
