#include "lint/cli/walk.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace claimlint {
namespace fs = std::filesystem;
namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Whether a path under `root` is one the walk itself would reach: no hidden
// component (".git") and no node_modules.
bool Walkable(const fs::path& rel) {
  if (rel.empty() || rel.is_absolute()) return false;
  for (const fs::path& part : rel) {
    std::string s = part.string();
    if (s.empty() || s == "." || s == ".." || s[0] == '.' || s == "node_modules") return false;
  }
  return true;
}

// A symbolic link is followed only to a regular file the walk would reach
// anyway: inside the walked tree, not in a hidden directory. Anything else
// (articles/leak.md -> ../.git/config, a link to /etc) is skipped.
bool LinkStaysInside(const fs::path& link, const fs::path& root) {
  std::error_code ec;
  fs::path target = fs::canonical(link, ec);
  if (ec || root.empty() || !fs::is_regular_file(target, ec)) return false;
  return Walkable(target.lexically_relative(root));
}

void Walk(const fs::path& dir, const fs::path& root, WalkResult* out) {
  std::error_code ec;
  std::vector<fs::directory_entry> entries;
  fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    out->errors.push_back(dir.string() + ": " + ec.message());
    return;
  }
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    entries.push_back(*it);
  }
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
  for (const auto& e : entries) {
    std::string name = e.path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    std::error_code ec2;
    if (e.is_symlink(ec2)) {
      // Follow links to files only (a linked directory may loop), and only
      // to files inside the tree.
      if (IsLintableName(name) && LinkStaysInside(e.path(), root)) {
        out->files.push_back(e.path().string());
      }
      continue;
    }
    if (e.is_directory(ec2)) {
      if (name == "node_modules") continue;
      Walk(e.path(), root, out);
    } else if (e.is_regular_file(ec2) && IsLintableName(name)) {
      out->files.push_back(e.path().string());
    }
  }
}

uint64_t Fnv1a(const std::string& s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace

bool IsLintableName(const std::string& name) {
  return EndsWith(name, ".md") || EndsWith(name, ".markdown") || EndsWith(name, ".mdx") ||
         EndsWith(name, ".txt");
}

WalkResult ExpandPaths(const std::vector<std::string>& paths) {
  WalkResult out;
  for (const std::string& p : paths) {
    if (p == "-") {
      out.files.push_back(p);
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      out.errors.push_back(p + ": no such file or directory");
    } else if (fs::is_directory(st)) {
      std::string dir = p;
      while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
      fs::path root = fs::canonical(dir, ec);
      Walk(dir, ec ? fs::path() : root, &out);
    } else if (!fs::is_regular_file(st)) {
      // A FIFO would wait for a writer forever; a device may never end.
      std::string kind = fs::is_fifo(st)             ? "a FIFO"
                         : fs::is_character_file(st) ? "a character device"
                         : fs::is_block_file(st)     ? "a block device"
                         : fs::is_socket(st)         ? "a socket"
                                                     : "not a regular file";
      out.errors.push_back(p + ": " + kind + ", not a regular file; not linted");
    } else {
      out.files.push_back(p);
    }
  }
  return out;
}

bool InShard(const std::string& name, int index, int count) {
  return count <= 1 || static_cast<int>(Fnv1a(name) % static_cast<uint64_t>(count)) == index - 1;
}

std::vector<std::string> Shard(const std::vector<std::string>& files, int index, int count) {
  std::vector<std::string> out;
  for (const std::string& f : files) {
    if (InShard(f, index, count)) out.push_back(f);
  }
  return out;
}

}  // namespace claimlint
