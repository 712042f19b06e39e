// How quickly `claimlint lsp` answers an editor: start-up (spawn, initialize,
// didOpen of a 10 KB article, first publishDiagnostics) and the time from a
// didChange to its publishDiagnostics, with the debounce at 0 (the linting
// alone) and at the default 150 ms (what a writer sees). The server runs
// pinned to one core. Prints numbers; it is not a test.
//
// usage: lsp_latency [CLAIMLINT] [ARTICLE.md]
//   CLAIMLINT defaults to the binary built beside this program; ARTICLE to
//   about 10 KB of the corpus articles.
#include <fcntl.h>
#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "lint/lsp/transport.h"

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;
using claimlint::lsp::FdSink;
using claimlint::lsp::FdSource;
using claimlint::lsp::MessageReader;
using claimlint::lsp::MessageWriter;

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// About 10 KB of Markdown: corpus articles, whole paragraphs, in name order.
std::string TenKilobytes() {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(CLAIMLINT_SOURCE_DIR) / "corpus")) {
    if (e.path().extension() == ".md" && e.path().filename() != "README.md") {
      files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  std::string out;
  for (const fs::path& f : files) {
    std::string text = ReadFile(f);
    std::size_t pos = 0;
    while (out.size() < 10 * 1024 && pos < text.size()) {
      std::size_t end = text.find("\n\n", pos);
      end = end == std::string::npos ? text.size() : end + 2;
      out.append(text, pos, end - pos);
      pos = end;
    }
    if (out.size() >= 10 * 1024) break;
  }
  return out;
}

class ServerProcess {
 public:
  explicit ServerProcess(const std::string& binary) {
    int to_child[2], from_child[2];
    if (pipe(to_child) != 0 || pipe(from_child) != 0) std::perror("pipe");
    pid_ = fork();
    if (pid_ == 0) {
      cpu_set_t one;
      CPU_ZERO(&one);
      CPU_SET(0, &one);
      sched_setaffinity(0, sizeof(one), &one);
      dup2(to_child[0], 0);
      dup2(from_child[1], 1);
      int null = open("/dev/null", O_WRONLY);
      dup2(null, 2);
      close(to_child[1]);
      close(from_child[0]);
      execl(binary.c_str(), binary.c_str(), "lsp", "--stdio", static_cast<char*>(nullptr));
      _exit(127);
    }
    close(to_child[0]);
    close(from_child[1]);
    in_fd_ = to_child[1];
    out_fd_ = from_child[0];
    sink_ = std::make_unique<FdSink>(in_fd_);
    source_ = std::make_unique<FdSource>(out_fd_);
    writer_ = std::make_unique<MessageWriter>(*sink_);
    reader_ = std::make_unique<MessageReader>(*source_, 64 << 20);
  }

  ~ServerProcess() {
    close(in_fd_);
    close(out_fd_);
    int status;
    waitpid(pid_, &status, 0);
  }

  void Send(json m) {
    m["jsonrpc"] = "2.0";
    writer_->Send(m);
  }

  // The next message matching `pred`; null when the stream ends.
  template <typename Pred>
  json WaitFor(Pred pred) {
    std::string body, error;
    for (;;) {
      if (reader_->Next(&body, &error) != MessageReader::Status::kMessage) return nullptr;
      json m = json::parse(body, nullptr, false);
      if (pred(m)) return m;
    }
  }

  json Diagnostics(int version) {
    return WaitFor([&](const json& m) {
      return m.value("method", "") == "textDocument/publishDiagnostics" &&
             m["params"].value("version", -1) == version;
    });
  }

  void Initialize(int debounce_ms) {
    json init = {{"id", 1},
                 {"method", "initialize"},
                 {"params",
                  {{"capabilities", json::object()},
                   {"rootUri", nullptr},
                   {"initializationOptions", {{"debounceMs", debounce_ms}}}}}};
    if (debounce_ms < 0) init["params"].erase("initializationOptions");
    Send(init);
    WaitFor([](const json& m) { return m.value("id", 0) == 1; });
    Send({{"method", "initialized"}, {"params", json::object()}});
  }

  void Open(const std::string& uri, const std::string& text) {
    Send({{"method", "textDocument/didOpen"},
          {"params",
           {{"textDocument",
             {{"uri", uri}, {"languageId", "markdown"}, {"version", 1}, {"text", text}}}}}});
  }

  void Stop() {
    Send({{"id", 2}, {"method", "shutdown"}});
    WaitFor([](const json& m) { return m.value("id", 0) == 2; });
    Send({{"method", "exit"}});
  }

 private:
  pid_t pid_ = -1;
  int in_fd_ = -1, out_fd_ = -1;
  std::unique_ptr<FdSink> sink_;
  std::unique_ptr<FdSource> source_;
  std::unique_ptr<MessageWriter> writer_;
  std::unique_ptr<MessageReader> reader_;
};

struct Stats {
  double median, p90, max;
};

Stats Summarize(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return {v[v.size() / 2], v[std::min(v.size() - 1, v.size() * 9 / 10)], v.back()};
}

void Print(const char* what, const Stats& s) {
  std::printf("%-52s median %7.1f ms   p90 %7.1f ms   max %7.1f ms\n", what, s.median, s.p90,
              s.max);
}

// didChange -> publishDiagnostics, `n` times, alternating an incremental
// one-character insertion and its removal.
std::vector<double> ChangeLatencies(ServerProcess& server, const std::string& uri,
                                    const std::string& text, int n) {
  std::vector<double> out;
  int line = 0;
  for (std::size_t i = 0; i < text.size() / 2; ++i) line += text[i] == '\n';
  for (int v = 2; v < n + 2; ++v) {
    json change;
    if (v % 2 == 0) {
      change = {{"range",
                 {{"start", {{"line", line}, {"character", 0}}},
                  {"end", {{"line", line}, {"character", 0}}}}},
                {"text", "x"}};
    } else {
      change = {{"range",
                 {{"start", {{"line", line}, {"character", 0}}},
                  {"end", {{"line", line}, {"character", 1}}}}},
                {"text", ""}};
    }
    auto t0 = Clock::now();
    server.Send({{"method", "textDocument/didChange"},
                 {"params",
                  {{"textDocument", {{"uri", uri}, {"version", v}}},
                   {"contentChanges", json::array({change})}}}});
    server.Diagnostics(v);
    out.push_back(Ms(Clock::now() - t0));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string binary = argc > 1 ? argv[1] : CLAIMLINT_BINARY;
  std::string text = argc > 2 ? ReadFile(argv[2]) : TenKilobytes();
  const std::string uri = "file:///tmp/claimlint-lsp-bench/article.md";
  std::printf("claimlint lsp latency: %s, article of %zu bytes, server pinned to CPU 0\n",
              binary.c_str(), text.size());

  // Start-up: spawn to the first diagnostics.
  std::vector<double> startup;
  std::size_t findings = 0;
  for (int i = 0; i < 10; ++i) {
    auto t0 = Clock::now();
    ServerProcess server(binary);
    server.Initialize(0);
    server.Open(uri, text);
    json d = server.Diagnostics(1);
    startup.push_back(Ms(Clock::now() - t0));
    if (d.is_object()) findings = d["params"]["diagnostics"].size();
    server.Stop();
  }
  std::printf("%zu diagnostics on the article\n", findings);
  Print("start-up to first diagnostics (10 runs)", Summarize(startup));

  {
    ServerProcess server(binary);
    server.Initialize(0);
    server.Open(uri, text);
    server.Diagnostics(1);
    Print("didChange -> diagnostics, debounce 0 (100 changes)",
          Summarize(ChangeLatencies(server, uri, text, 100)));
    server.Stop();
  }
  {
    ServerProcess server(binary);
    server.Initialize(-1);  // the server's default debounce
    server.Open(uri, text);
    server.Diagnostics(1);
    Print("didChange -> diagnostics, default debounce (20 changes)",
          Summarize(ChangeLatencies(server, uri, text, 20)));
    server.Stop();
  }
  return 0;
}
