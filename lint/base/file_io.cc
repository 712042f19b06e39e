#include "lint/base/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <mutex>
#include <set>

namespace claimlint {
namespace {

std::mutex g_read_mutex;
std::set<FileId>& ReadFiles() {
  static std::set<FileId> files;
  return files;
}

void Remember(const struct stat& st) {
  std::lock_guard<std::mutex> lock(g_read_mutex);
  ReadFiles().insert(
      FileId{static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)});
}

std::string KindOf(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

std::string Role(const ReadOptions& o) { return o.what.empty() ? "file" : std::string(o.what); }

Error TooLarge(const std::string& path, const ReadOptions& o) {
  if (o.too_large) *o.too_large = true;
  return Error{path, 0, 0,
               "the " + Role(o) + " is larger than " + DescribeBytes(o.limit) +
                   " (the limit; see docs/limits.md)"};
}

// Reads `fd` to its end, or to one byte past `limit`.
bool ReadAll(int fd, std::size_t limit, std::size_t expected, std::string* out, int* error) {
  out->clear();
  out->reserve(std::min(expected, limit) + 1);
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      *error = errno;
      return false;
    }
    if (n == 0) return true;
    out->append(buf, static_cast<std::size_t>(n));
    if (out->size() > limit) return true;
  }
}

}  // namespace

Result<std::string> ReadRegularFile(const std::string& path, const ReadOptions& options) {
  if (options.too_large) *options.too_large = false;
  // Non-blocking, so that opening a FIFO does not wait for a writer; the type
  // is checked on the open descriptor, so a file swapped after the check is
  // not read.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) {
    int e = errno;
    if (e == ENOENT || e == ENOTDIR) return Error{path, 0, 0, "no such " + Role(options)};
    return Error{path, 0, 0, "cannot read the " + Role(options) + ": " + std::strerror(e)};
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    int e = errno;
    ::close(fd);
    return Error{path, 0, 0, "cannot read the " + Role(options) + ": " + std::strerror(e)};
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return Error{
        path, 0, 0,
        "the " + Role(options) + " is " + KindOf(st.st_mode) + ", not a regular file; not read"};
  }
  if (static_cast<std::uint64_t>(st.st_size) > options.limit) {
    ::close(fd);
    return TooLarge(path, options);
  }
  int flags = ::fcntl(fd, F_GETFL);
  if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  std::string bytes;
  int error = 0;
  bool ok = ReadAll(fd, options.limit, static_cast<std::size_t>(st.st_size), &bytes, &error);
  ::close(fd);
  if (!ok) {
    return Error{path, 0, 0, "cannot read the " + Role(options) + ": " + std::strerror(error)};
  }
  if (bytes.size() > options.limit) return TooLarge(path, options);  // it grew
  Remember(st);
  return bytes;
}

Result<std::string> ReadStandardInput(const ReadOptions& options) {
  if (options.too_large) *options.too_large = false;
  if (::fcntl(STDIN_FILENO, F_GETFD) < 0) {
    return Error{"<stdin>", 0, 0, "standard input is closed"};
  }
  std::string bytes;
  int error = 0;
  if (!ReadAll(STDIN_FILENO, options.limit, 0, &bytes, &error)) {
    return Error{"<stdin>", 0, 0,
                 std::string("cannot read standard input: ") + std::strerror(error)};
  }
  if (bytes.size() > options.limit) return TooLarge("<stdin>", options);
  return bytes;
}

std::optional<FileId> IdentifyFile(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return FileId{static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)};
}

bool WasReadAsInput(const FileId& id) {
  std::lock_guard<std::mutex> lock(g_read_mutex);
  return ReadFiles().count(id) > 0;
}

std::string DescribeBytes(std::size_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace claimlint
