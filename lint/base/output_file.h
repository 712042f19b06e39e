// Writing outputs (reports, baselines) so that a failed or interrupted run
// never destroys anything: a file is written to a new temporary file in its
// directory (created exclusively, never through a symbolic link) and renamed
// over the target only on Commit(). Every write is checked; the first error
// is kept and Commit() reports it. Standard output is written through the
// same checked buffer.
#pragma once

#include <memory>
#include <ostream>
#include <set>
#include <streambuf>
#include <string>

#include "lint/base/file_io.h"
#include "lint/base/status.h"

namespace claimlint {

// Whether `path` may be written as an output: "-" (standard output) always;
// otherwise a path that does not exist yet (in a directory that does), or an
// existing regular file (not a symbolic link, FIFO, device or directory) that
// is neither one of `inputs` nor a file read as an input so far (unless
// `may_replace_input`: a baseline rewritten in place). `what` names the
// output in messages ("--output").
Status CheckOutputTarget(const std::string& path, const std::string& what,
                         const std::set<FileId>& inputs, bool may_replace_input = false);

// A streambuf on a file descriptor whose every write is checked.
class CheckedFdBuf : public std::streambuf {
 public:
  explicit CheckedFdBuf(int fd) : fd_(fd) { setp(buf_, buf_ + sizeof buf_); }
  ~CheckedFdBuf() override = default;
  // errno of the first failed write, 0 when none.
  int error() const { return error_; }
  // Writes out what is buffered; false on a write error.
  bool Flush();

 protected:
  int_type overflow(int_type c) override;
  int sync() override { return Flush() ? 0 : -1; }
  std::streamsize xsputn(const char* s, std::streamsize n) override;

 private:
  bool WriteAll(const char* data, std::size_t size);

  int fd_;
  int error_ = 0;
  char buf_[1 << 16];
};

class OutputFile {
 public:
  // Standard output ("" or "-") or a new temporary file beside `path`, to be
  // renamed over it by Commit(). `what` names it in messages.
  static Result<std::unique_ptr<OutputFile>> Open(const std::string& path, std::string what,
                                                  bool may_replace_input = false);
  // Removes the temporary file when Commit() was not reached.
  ~OutputFile();

  std::ostream& stream() { return stream_; }
  bool is_stdout() const { return fd_ == 1; }
  const std::string& path() const { return path_; }

  // Flushes and checks every write; for a file, also refuses to replace a
  // file read as an input during the run, then renames the temporary file
  // over the target. An error leaves the target as it was.
  Status Commit();

 private:
  OutputFile(int fd, std::string path, std::string temp, std::string what, bool may_replace);

  int fd_;
  bool may_replace_input_;
  std::string path_, temp_, what_;
  int slot_ = -1;  // in the signal cleanup table
  CheckedFdBuf buf_;
  std::ostream stream_;
  bool committed_ = false;
};

}  // namespace claimlint
