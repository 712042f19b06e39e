#include "lint/engine/front_matter_library.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "lint/base/file_io.h"
#include "lint/base/limits.h"

namespace claimlint {
namespace {

namespace fs = std::filesystem;

// The nearest directory at or above `dir` that holds .git; empty when none.
fs::path RepositoryRoot(const fs::path& dir) {
  std::error_code ec;
  for (fs::path d = dir; !d.empty(); d = d.parent_path()) {
    if (fs::exists(d / ".git", ec)) return d;
    if (d == d.root_path()) break;
  }
  return {};
}

bool Inside(const fs::path& file, const fs::path& root) {
  fs::path rel = file.lexically_relative(root);
  return !rel.empty() && *rel.begin() != ".." && !rel.is_absolute();
}

// The file `ref` names, or an error message.
std::string Resolve(const fs::path& article_dir, const std::string& config_dir,
                    const std::string& ref, fs::path* out) {
  if (ref.empty()) return "an empty path";
  fs::path p(ref);
  if (p.is_absolute()) return "'" + ref + "' is an absolute path (name a file in the repository)";
  std::error_code ec;
  std::vector<fs::path> roots;
  for (const fs::path& r :
       {RepositoryRoot(article_dir), config_dir.empty() ? fs::path() : fs::path(config_dir)}) {
    if (r.empty()) continue;
    fs::path c = fs::weakly_canonical(r, ec);
    if (!ec) roots.push_back(c);
  }
  if (roots.empty()) {
    fs::path c = fs::weakly_canonical(article_dir, ec);
    if (!ec) roots.push_back(c);
  }
  fs::path target = fs::canonical(article_dir / p, ec);
  if (ec) return "'" + ref + "': no such file";
  bool inside = false;
  for (const fs::path& r : roots) inside = inside || Inside(target, r);
  if (!inside) {
    return "'" + ref + "' leads outside the repository (and the config's directory); not read";
  }
  *out = target;
  return "";
}

Finding ReferencesFinding(const Document& doc, std::string message) {
  Finding f;
  f.rule = "input.references";
  f.category = Category::kInput;
  f.severity = Severity::kError;
  f.message = "cannot use the front matter's reference library: " + std::move(message);
  f.begin = doc.front_matter.src_begin;
  f.end = doc.front_matter.src_begin + 3;
  return f;
}

}  // namespace

ReferenceLibrary FrontMatterLibrary(const Document& doc, const std::string& config_dir,
                                    std::vector<Finding>* findings) {
  ReferenceLibrary lib;
  std::error_code ec;
  fs::path parent = fs::path(doc.path).parent_path();
  fs::path dir = fs::absolute(parent.empty() ? fs::path(".") : parent, ec).lexically_normal();
  // Each file is read once, and all of them together are bounded like one
  // library: naming a large library a thousand times costs one read.
  std::set<fs::path> read;
  std::uintmax_t bytes = 0;
  for (const std::string& ref : doc.front_matter.references) {
    fs::path file;
    if (std::string problem = Resolve(dir, config_dir, ref, &file); !problem.empty()) {
      findings->push_back(ReferencesFinding(doc, problem));
      continue;
    }
    if (!read.insert(file).second) continue;
    std::uintmax_t size = fs::is_regular_file(file, ec) ? fs::file_size(file, ec) : 0;
    if (!ec &&
        size > limits::kLibraryBytes - std::min<std::uintmax_t>(bytes, limits::kLibraryBytes)) {
      findings->push_back(ReferencesFinding(
          doc, "'" + ref + "': the front matter's libraries together are larger than " +
                   DescribeBytes(limits::kLibraryBytes) + " (the limit; see docs/limits.md)"));
      continue;
    }
    bytes += size;
    auto entries = ReadReferenceFile(file.string());
    if (!entries.ok()) {
      Error e = entries.error();
      e.file = ref;  // as the article names it
      findings->push_back(ReferencesFinding(doc, e.ToString()));
      continue;
    }
    for (Reference& r : entries.value()) lib.entries.push_back(std::move(r));
  }
  return lib;
}

}  // namespace claimlint
