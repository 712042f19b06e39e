#include "lint/lsp/transport.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace claimlint::lsp {
namespace {

constexpr std::size_t kChunk = 64 * 1024;
constexpr std::size_t kMaxHeaderLine = 8 * 1024;
constexpr std::string_view kLengthHeader = "content-length:";

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::size_t FindNoCase(std::string_view hay, std::string_view needle) {
  if (hay.size() < needle.size()) return std::string_view::npos;
  for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    std::size_t k = 0;
    while (k < needle.size() && Lower(hay[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

bool IsToken(std::string_view s) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  });
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A decimal length, at most 15 digits (far above any limit, far below overflow).
bool ParseLength(std::string_view s, std::size_t* out) {
  s = Trim(s);
  if (s.empty() || s.size() > 15) return false;
  std::size_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<std::size_t>(c - '0');
  }
  *out = v;
  return true;
}

}  // namespace

std::size_t FdSource::Read(char* buf, std::size_t n) {
  for (;;) {
    ssize_t got = ::read(fd_, buf, n);
    if (got >= 0) return static_cast<std::size_t>(got);
    if (errno != EINTR) return 0;
  }
}

bool FdSink::Write(std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t put = ::write(fd_, bytes.data(), bytes.size());
    if (put < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(put));
  }
  return true;
}

std::size_t MemorySource::Read(char* buf, std::size_t n) {
  n = std::min(n, data_.size());
  std::memcpy(buf, data_.data(), n);
  data_.remove_prefix(n);
  return n;
}

bool StringSink::Write(std::string_view bytes) {
  std::lock_guard lock(mu_);
  out_.append(bytes);
  return true;
}

std::string StringSink::Take() {
  std::lock_guard lock(mu_);
  return std::move(out_);
}

bool MessageReader::Fill() {
  if (pos_ > 0 && pos_ == buf_.size()) {
    buf_.clear();
    pos_ = 0;
  } else if (pos_ > kChunk) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  std::size_t old = buf_.size();
  buf_.resize(old + kChunk);
  std::size_t got = source_.Read(buf_.data() + old, kChunk);
  buf_.resize(old + got);
  return got > 0;
}

MessageReader::Line MessageReader::ReadLine(std::string* line) {
  line->clear();
  bool too_long = false;
  for (;;) {
    std::size_t nl = buf_.find('\n', pos_);
    std::size_t end = nl == std::string::npos ? buf_.size() : nl;
    if (!too_long) {
      line->append(buf_, pos_, std::min(end - pos_, kMaxHeaderLine + 1 - line->size()));
      if (line->size() > kMaxHeaderLine) too_long = true;
    }
    if (nl != std::string::npos) {
      pos_ = nl + 1;
      if (!line->empty() && line->back() == '\r') line->pop_back();
      return too_long ? Line::kTooLong : Line::kOk;
    }
    pos_ = buf_.size();
    if (!Fill()) return Line::kEnd;
  }
}

bool MessageReader::ReadBody(std::size_t n, std::size_t keep, std::string* out) {
  out->clear();
  while (n > 0) {
    if (pos_ == buf_.size() && !Fill()) return false;
    std::size_t take = std::min(n, buf_.size() - pos_);
    if (out->size() < keep) out->append(buf_, pos_, std::min(take, keep - out->size()));
    pos_ += take;
    n -= take;
  }
  return true;
}

MessageReader::Status MessageReader::Next(std::string* body, std::string* error) {
  error->clear();
  bool any_header = false;
  bool have_length = false;
  std::size_t length = 0;
  std::string problem;
  std::string line;
  for (;;) {
    Line got = ReadLine(&line);
    if (got == Line::kEnd) {
      if (any_header || !line.empty()) *error = "the stream ended inside a message header";
      return Status::kEnd;
    }
    if (got == Line::kTooLong) {
      any_header = true;
      problem = "a header line longer than 8 KiB";
      continue;
    }
    if (line.empty()) {
      if (!any_header) continue;  // blank lines between messages
      break;
    }
    any_header = true;
    // A Content-Length starts the message afresh: junk before it (the tail
    // of a body whose length was wrong) is dropped.
    std::size_t at = FindNoCase(line, kLengthHeader);
    if (at != std::string::npos) {
      line.erase(0, at);
      problem.clear();
      have_length = false;
    }
    std::size_t colon = line.find(':');
    std::string_view name =
        colon == std::string::npos ? std::string_view() : std::string_view(line).substr(0, colon);
    if (!IsToken(name)) {
      problem = "a header line that is not 'Name: value'";
      continue;
    }
    if (FindNoCase(name, "content-length") == 0 && name.size() == kLengthHeader.size() - 1) {
      if (!ParseLength(std::string_view(line).substr(colon + 1), &length)) {
        problem = "a Content-Length that is not a decimal number";
        continue;
      }
      have_length = true;
    }
    // Other headers (Content-Type) carry nothing the server needs.
  }
  if (problem.empty() && !have_length) problem = "a header block without Content-Length";
  if (!problem.empty()) {
    *error = "skipped " + problem;
    return Status::kBadFrame;
  }
  if (length > max_body_) {
    if (!ReadBody(length, 4096, body)) {
      *error = "the stream ended inside a message body";
      return Status::kEnd;
    }
    *error = "a message of " + std::to_string(length) + " bytes is over the limit of " +
             std::to_string(max_body_) + " bytes";
    return Status::kTooLarge;
  }
  if (!ReadBody(length, length, body)) {
    *error = "the stream ended inside a message body";
    return Status::kEnd;
  }
  return Status::kMessage;
}

void MessageWriter::Send(const nlohmann::json& message) {
  std::string body = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string frame = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  frame += body;
  std::lock_guard lock(mu_);
  if (ok_) ok_ = sink_.Write(frame);
}

bool MessageWriter::ok() const {
  std::lock_guard lock(mu_);
  return ok_;
}

}  // namespace claimlint::lsp
