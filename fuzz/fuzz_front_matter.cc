// Fuzzes the libraries an article names in its front matter: the input is
// both the article (a.md) and, under several names beside it, the library
// files it may name (lib.bib, lib.json) in a scratch repository that also
// holds a FIFO and a link out of the tree. Whatever the bytes, reading must
// not crash, hang or open anything but a regular file inside the
// repository, and every finding must lie in the article.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "lint/document/document.h"
#include "lint/engine/front_matter_library.h"

namespace {

namespace fs = std::filesystem;

void Check(bool ok) {
  if (!ok) std::abort();
}

void Put(const fs::path& p, std::string_view bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A scratch repository made once: .git, a FIFO, a link to /dev/zero and one
// out of the tree, a directory named like a library.
const fs::path& Repo() {
  static const fs::path repo = [] {
    std::string tmpl = (fs::temp_directory_path() / "fuzz-front-matter-XXXXXX").string();
    Check(::mkdtemp(tmpl.data()) != nullptr);
    fs::path r = fs::path(tmpl) / "repo";
    fs::create_directories(r / ".git");
    fs::create_directories(r / "dir.json");
    ::mkfifo((r / "fifo.json").c_str(), 0600);
    std::error_code ec;
    fs::create_symlink("/dev/zero", r / "zero.bib", ec);
    Put(fs::path(tmpl) / "outside.json", "[]");
    fs::create_symlink("../outside.json", r / "out.json", ec);
    return r;
  }();
  return repo;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const fs::path& repo = Repo();
  Put(repo / "lib.bib", bytes);
  Put(repo / "lib.json", bytes);
  std::string path = (repo / "a.md").string();
  claimlint::Document doc = claimlint::ParseDocument(path, bytes, true);
  std::vector<claimlint::Finding> findings;
  claimlint::ReferenceLibrary lib = claimlint::FrontMatterLibrary(doc, "", &findings);
  for (const claimlint::Finding& f : findings) {
    Check(f.rule == "input.references");
    Check(f.begin <= f.end && f.end <= doc.text.size());
  }
  Check(lib.entries.size() <= 2 * size + 2);
  return 0;
}
