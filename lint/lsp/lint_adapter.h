// The language server's one door into the engine: lint an editor buffer the
// way the command line lints a file (nearest config, rule policy, inline
// suppressions), and answer the questions about configs that code actions
// need. Everything else in lint/lsp/ sees only this header, nlohmann/json
// and lint/base, so the server follows the engine by changing one file.
//
// Not thread-safe: the server calls it from its lint thread only.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lint/base/finding.h"

namespace claimlint::lsp {

// A finding with what an editor shows beside it. Its byte offsets (begin,
// end, replace_begin, replace_end) are offsets into the buffer that was
// passed to LintBuffer, not into the engine's sanitized copy.
struct BufferFinding {
  Finding finding;
  std::string why;           // the rule's rationale, "" when it has none
  std::string url;           // the rule's page (absolute http(s) URL), or ""
  bool suppressible = true;  // false for input.* and meta.*: no inline directive hides them
};

struct BufferLint {
  std::vector<BufferFinding> findings;  // in report order
  bool covered = true;      // false when the config's include/exclude leave the file out
  std::string config_path;  // the config that applies; "" for the built-in defaults
  std::string error;        // a config or rule-pack error: nothing was linted
};

class LintAdapter {
 public:
  LintAdapter();
  ~LintAdapter();
  LintAdapter(const LintAdapter&) = delete;
  LintAdapter& operator=(const LintAdapter&) = delete;

  // Lints `text` as the file at `path` (absolute; it picks the config, and
  // relative front-matter references resolve beside it). `markdown` false
  // reads it as plain text.
  BufferLint LintBuffer(const std::string& path, std::string_view text, bool markdown);

  // The config the command line would use for `path`, or "" when none.
  std::string NearestConfig(const std::string& path);
  // Where a new config for `path` belongs when it has none: the root of its
  // repository (the directory holding .git), else `workspace_root` when the
  // file is under it, else the file's directory.
  std::string NewConfigPath(const std::string& path, const std::string& workspace_root);
  // True when `yaml` is a valid config; else false with the error.
  bool ConfigIsValid(std::string_view yaml, const std::string& path, std::string* error);

  // Files whose change alters a result: every config loaded so far, and the
  // reference libraries and rule packs they name.
  std::vector<std::string> Dependencies() const;
  // Forgets every loaded config, library and rule pack; the next lint reads
  // them again.
  void Reload();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace claimlint::lsp
