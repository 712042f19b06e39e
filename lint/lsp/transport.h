// JSON-RPC messages framed the LSP way ("Content-Length: N\r\n\r\n" then N
// bytes of JSON) over a byte stream: standard input and output in the
// server, memory in the fuzzer and the tests.
#pragma once

#include <cstddef>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace claimlint::lsp {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to n bytes; 0 means the stream ended (or failed).
  virtual std::size_t Read(char* buf, std::size_t n) = 0;
};

class ByteSink {
 public:
  virtual ~ByteSink() = default;
  // Writes all of `bytes`; false when the stream is gone.
  virtual bool Write(std::string_view bytes) = 0;
};

class FdSource : public ByteSource {
 public:
  explicit FdSource(int fd) : fd_(fd) {}
  std::size_t Read(char* buf, std::size_t n) override;

 private:
  int fd_;
};

class FdSink : public ByteSink {
 public:
  explicit FdSink(int fd) : fd_(fd) {}
  bool Write(std::string_view bytes) override;

 private:
  int fd_;
};

class MemorySource : public ByteSource {
 public:
  explicit MemorySource(std::string_view data) : data_(data) {}
  std::size_t Read(char* buf, std::size_t n) override;

 private:
  std::string_view data_;
};

class StringSink : public ByteSink {
 public:
  bool Write(std::string_view bytes) override;
  std::string Take();

 private:
  std::mutex mu_;
  std::string out_;
};

// Splits a stream into message bodies. A header block without a usable
// Content-Length is skipped up to its blank line (and a header line that
// has one in the middle, after junk, resynchronises there); a body over the
// size limit is read past without being kept.
class MessageReader {
 public:
  enum class Status {
    kMessage,   // `body` holds a message
    kTooLarge,  // skipped a body over the limit; `body` holds its first bytes
    kBadFrame,  // skipped a header block that names no length; `error` says why
    kEnd,       // the stream ended (`error` is set when it ended mid-message)
  };

  MessageReader(ByteSource& source, std::size_t max_body) : source_(source), max_body_(max_body) {}

  Status Next(std::string* body, std::string* error);

 private:
  enum class Line { kOk, kTooLong, kEnd };
  Line ReadLine(std::string* line);
  bool Fill();
  // Reads n body bytes, keeping at most `keep` of them in *out.
  bool ReadBody(std::size_t n, std::size_t keep, std::string* out);

  ByteSource& source_;
  std::size_t max_body_;
  std::string buf_;
  std::size_t pos_ = 0;
};

// Frames and writes messages; safe to call from several threads.
class MessageWriter {
 public:
  explicit MessageWriter(ByteSink& sink) : sink_(sink) {}
  void Send(const nlohmann::json& message);
  bool ok() const;

 private:
  ByteSink& sink_;
  mutable std::mutex mu_;
  bool ok_ = true;
};

}  // namespace claimlint::lsp
