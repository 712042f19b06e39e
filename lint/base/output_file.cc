#include "lint/base/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <mutex>

namespace claimlint {
namespace {

// Temporary files to remove when a signal ends the run: fixed storage, so
// that the handler only calls unlink() (async-signal-safe).
constexpr int kSlots = 4;
constexpr std::size_t kPathMax = 4096;
char g_temp_paths[kSlots][kPathMax];
volatile std::sig_atomic_t g_slot_used[kSlots];
std::mutex g_slot_mutex;

extern "C" void RemoveTempFilesAndDie(int sig) {
  for (int i = 0; i < kSlots; ++i) {
    if (g_slot_used[i]) ::unlink(g_temp_paths[i]);
  }
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

void InstallSignalCleanup() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) {
      struct sigaction old;
      if (::sigaction(sig, nullptr, &old) != 0 || old.sa_handler == SIG_IGN) continue;
      struct sigaction sa;
      std::memset(&sa, 0, sizeof sa);
      sa.sa_handler = RemoveTempFilesAndDie;
      sigemptyset(&sa.sa_mask);
      ::sigaction(sig, &sa, nullptr);
    }
  });
}

int RegisterTemp(const std::string& path) {
  if (path.size() + 1 > kPathMax) return -1;
  InstallSignalCleanup();
  std::lock_guard<std::mutex> lock(g_slot_mutex);
  for (int i = 0; i < kSlots; ++i) {
    if (g_slot_used[i]) continue;
    std::memcpy(g_temp_paths[i], path.c_str(), path.size() + 1);
    g_slot_used[i] = 1;
    return i;
  }
  return -1;
}

void UnregisterTemp(int slot) {
  if (slot < 0) return;
  std::lock_guard<std::mutex> lock(g_slot_mutex);
  g_slot_used[slot] = 0;
}

std::string ErrnoText(int e) { return std::strerror(e); }

}  // namespace

Status CheckOutputTarget(const std::string& path, const std::string& what,
                         const std::set<FileId>& inputs, bool may_replace_input) {
  if (path.empty() || path == "-") return {};
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0) {
    if (errno != ENOENT) return Error{path, 0, 0, "cannot write " + what + ": " + ErrnoText(errno)};
    std::filesystem::path dir = std::filesystem::path(path).parent_path();
    struct stat dst;
    if (::stat(dir.empty() ? "." : dir.c_str(), &dst) != 0 || !S_ISDIR(dst.st_mode)) {
      return Error{path, 0, 0, "cannot write " + what + ": its directory does not exist"};
    }
    return {};
  }
  if (S_ISLNK(st.st_mode)) {
    return Error{path, 0, 0, what + " is a symbolic link; claimlint does not write through one"};
  }
  if (!S_ISREG(st.st_mode)) {
    return Error{path, 0, 0, what + " exists and is not a regular file; not replacing it"};
  }
  FileId id{static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)};
  if (inputs.count(id) || (!may_replace_input && WasReadAsInput(id))) {
    return Error{path, 0, 0, what + " is one of the inputs; not replacing it"};
  }
  return {};
}

bool CheckedFdBuf::WriteAll(const char* data, std::size_t size) {
  if (error_ != 0) return false;
  while (size > 0) {
    ssize_t n = ::write(fd_, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      error_ = errno;
      return false;
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

bool CheckedFdBuf::Flush() {
  std::size_t n = static_cast<std::size_t>(pptr() - pbase());
  setp(buf_, buf_ + sizeof buf_);
  return WriteAll(buf_, n);
}

CheckedFdBuf::int_type CheckedFdBuf::overflow(int_type c) {
  if (!Flush()) return traits_type::eof();
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  *pptr() = traits_type::to_char_type(c);
  pbump(1);
  return c;
}

std::streamsize CheckedFdBuf::xsputn(const char* s, std::streamsize n) {
  std::size_t size = static_cast<std::size_t>(n);
  if (size <= static_cast<std::size_t>(epptr() - pptr())) {
    std::memcpy(pptr(), s, size);
    pbump(static_cast<int>(size));
    return n;
  }
  if (!Flush()) return 0;
  if (size >= sizeof buf_) return WriteAll(s, size) ? n : 0;
  std::memcpy(pptr(), s, size);
  pbump(static_cast<int>(size));
  return n;
}

OutputFile::OutputFile(int fd, std::string path, std::string temp, std::string what,
                       bool may_replace)
    : fd_(fd),
      may_replace_input_(may_replace),
      path_(std::move(path)),
      temp_(std::move(temp)),
      what_(std::move(what)),
      buf_(fd),
      stream_(&buf_) {
  if (!temp_.empty()) slot_ = RegisterTemp(temp_);
}

OutputFile::~OutputFile() {
  if (is_stdout() || committed_) return;
  if (fd_ >= 0) ::close(fd_);
  ::unlink(temp_.c_str());
  UnregisterTemp(slot_);
}

Result<std::unique_ptr<OutputFile>> OutputFile::Open(const std::string& path, std::string what,
                                                     bool may_replace_input) {
  if (path.empty() || path == "-") {
    if (::fcntl(STDOUT_FILENO, F_GETFD) < 0) {
      return Error{"claimlint", 0, 0, "standard output is closed"};
    }
    return std::unique_ptr<OutputFile>(
        new OutputFile(STDOUT_FILENO, "-", "", std::move(what), may_replace_input));
  }
  std::filesystem::path target(path);
  std::filesystem::path dir = target.parent_path();
  std::string temp = (dir.empty() ? std::string(".") : dir.string()) + "/." +
                     target.filename().string() + ".claimlint-XXXXXX";
  // mkstemp creates with O_CREAT | O_EXCL: never through a symbolic link.
  int fd = ::mkstemp(temp.data());
  if (fd < 0) return Error{path, 0, 0, "cannot write " + what + ": " + ErrnoText(errno)};
  ::fcntl(fd, F_SETFD, FD_CLOEXEC);
  // The report gets the target's permissions, or those a new file would get.
  struct stat st;
  mode_t mode;
  if (::stat(path.c_str(), &st) == 0) {
    mode = st.st_mode & 07777;
  } else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  ::fchmod(fd, mode);
  return std::unique_ptr<OutputFile>(
      new OutputFile(fd, path, std::move(temp), std::move(what), may_replace_input));
}

Status OutputFile::Commit() {
  stream_.flush();
  bool flushed = buf_.Flush();
  if (is_stdout()) {
    committed_ = true;
    if (!flushed || buf_.error() != 0) {
      return Error{"claimlint", 0, 0,
                   "cannot write the report to standard output: " + ErrnoText(buf_.error())};
    }
    return {};
  }
  auto fail = [&](const std::string& message) -> Status {
    return Error{path_, 0, 0, "cannot write " + what_ + ": " + message + "; the file is unchanged"};
  };
  if (!flushed || buf_.error() != 0) return fail(ErrnoText(buf_.error()));
  if (::fsync(fd_) != 0) return fail(ErrnoText(errno));
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) return fail(ErrnoText(errno));
  // A reference library named in an article's front matter is only known
  // once the article is read: check again before replacing anything.
  Status still_ok = CheckOutputTarget(path_, what_, {}, may_replace_input_);
  if (!still_ok.ok()) return still_ok;
  if (::rename(temp_.c_str(), path_.c_str()) != 0) return fail(ErrnoText(errno));
  committed_ = true;
  UnregisterTemp(slot_);
  return {};
}

}  // namespace claimlint
