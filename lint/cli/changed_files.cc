#include "lint/cli/changed_files.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <vector>

namespace claimlint {

Result<std::set<std::string>> ChangedFiles(const std::string& ref) {
  auto fail = [&](std::string message) {
    return Error{"claimlint", 0, 0, "--changed-since/--changed-first " + ref + ": " + message};
  };
  if (ref.empty() || ref[0] == '-') return fail("not a git ref");
  int fds[2];
  if (pipe(fds) != 0) return fail("cannot start git");
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return fail("cannot start git");
  }
  if (pid == 0) {
    // git, without a shell: the ref is one argument whatever it holds.
    dup2(fds[1], STDOUT_FILENO);
    close(fds[0]);
    close(fds[1]);
    const char* argv[] = {
        "git",        "diff",         "--name-only", "-z", "--no-renames", "--diff-filter=d",
        "--relative", "--merge-base", ref.c_str(),   "--", nullptr};
    execvp("git", const_cast<char* const*>(argv));
    _exit(127);
  }
  close(fds[1]);
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) != 0;) {
    if (n < 0) {
      if (errno == EINTR) continue;
      break;
    }
    out.append(buf, static_cast<std::size_t>(n));
  }
  close(fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return fail(WIFEXITED(status) && WEXITSTATUS(status) == 127
                    ? "git is not installed"
                    : "git diff failed (not a git repository, or an unknown ref?)");
  }
  std::set<std::string> files;
  std::size_t start = 0;
  for (std::size_t nul; (nul = out.find('\0', start)) != std::string::npos; start = nul + 1) {
    if (nul > start) {
      files.insert(
          std::filesystem::path(out.substr(start, nul - start)).lexically_normal().string());
    }
  }
  return files;
}

}  // namespace claimlint
