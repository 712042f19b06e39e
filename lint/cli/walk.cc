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

void Walk(const fs::path& dir, WalkResult* out) {
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
      // Follow links to files only: a linked directory may loop.
      if (fs::is_regular_file(e.path(), ec2) && IsLintableName(name)) {
        out->files.push_back(e.path().string());
      }
      continue;
    }
    if (e.is_directory(ec2)) {
      if (name == "node_modules") continue;
      Walk(e.path(), out);
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
      Walk(dir, &out);
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
