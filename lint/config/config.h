// `.claimlint.yml`: which rules run on which files, at what severity, with
// which reference libraries, and when the run fails. A file's config is the
// nearest `.claimlint.yml` (or `.claimlint.yaml`) in its directory or a parent,
// up to the repository root (a directory holding `.git`); configs do not
// merge, the nearest one wins. `--config FILE` replaces the search.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/base/finding.h"
#include "lint/base/status.h"
#include "lint/base/glob.h"
#include "lint/rules/rule.h"

namespace claimlint {

// One entry of `rules:` (an id or a glob such as "claim.*").
struct RuleSetting {
  std::string pattern;
  std::optional<bool> enabled;
  std::optional<Severity> severity;
  std::map<std::string, std::string> options;
  SourceLoc loc;  // where the entry's key was written
  std::map<std::string, SourceLoc> option_locs;        // where each option's name was written
  std::map<std::string, SourceLoc> option_value_locs;  // and its value
};

struct Config {
  std::string path;  // the file it was read from; "" for the built-in defaults
  std::string dir;   // relative paths and globs are resolved against it
  // Built-in packs to use: globs over pack names ("claims.*") and file names
  // ("disclosures-*.yaml"). Absent (nullopt): all of them.
  std::optional<std::vector<std::string>> packs;
  std::vector<SourceLoc> pack_locs;     // where each pack glob was written
  std::vector<std::string> rule_files;  // extra rule packs (files or directories), resolved
  std::vector<std::string> references;  // reference libraries, resolved
  std::vector<RuleSetting> rules;       // in file order
  std::vector<std::string> include;     // path globs, relative to dir; empty = everything
  std::vector<std::string> exclude;
  std::optional<FailOn> fail_on;  // unset: the command line's, or error

  // True when `file` (a path as given, relative to the working directory or
  // absolute) passes `include` and `exclude`.
  bool Covers(const std::string& file) const;
};

// The names a config file may have, in the order they are looked for.
inline constexpr const char* kConfigNames[] = {".claimlint.yml", ".claimlint.yaml"};

// Parses a config. `path` names it in errors and anchors its relative paths.
// Unknown keys and wrong types are Errors at file:line:col.
Result<Config> ParseConfig(std::string_view yaml, const std::string& path);
Result<Config> LoadConfigFile(const std::string& path);

// The nearest config file for a file in `dir` (searching `dir`, then its
// parents, stopping after a directory that holds `.git`), or "" when there is
// none. Remembers every directory it has looked at.
class ConfigFinder {
 public:
  std::string Find(const std::string& dir);

 private:
  std::map<std::string, std::string> cache_;
};

// Where rules come from besides the config itself (the command line).
struct RuleInputs {
  // Every built-in rule (null when they cannot be loaded). With
  // `use_builtin` false (--no-default-rules) they only tell known ids apart
  // from typos, so a config that tunes built-in rules stays valid.
  const std::vector<Rule>* builtin = nullptr;
  bool use_builtin = true;
  const std::vector<Rule>* extra = nullptr;  // --rules packs
  const std::vector<Rule>* own = nullptr;    // claimlint's own findings: always on
  const CheckCatalog* catalog = nullptr;     // what rule files bind to (required)
  std::vector<std::string> enable, disable;  // --enable / --disable globs
};

// Decides, rule by rule, whether it runs and at what severity: `rules:`
// entries (globs first, in file order, then exact ids), then --disable and
// --enable. Also re-levels or drops findings of rules that are not in any pack
// (meta.*, input.*).
class RulePolicy {
 public:
  RulePolicy(const Config& config, const RuleInputs& inputs);
  // False when the rule is off; otherwise `*severity` (the rule's own on
  // entry) is updated by the settings that name it.
  bool Decide(std::string_view id, Severity* severity) const;
  // Drops findings of rules that are off and re-levels the rest.
  void Apply(std::vector<Finding>* findings) const;

 private:
  std::vector<RuleSetting> ordered_;  // globs first, then exact ids
  std::vector<std::string> enable_, disable_;
};

// The rules a config runs: the selected built-in packs, its rule files and
// the command line's packs, with settings applied and the rules that are off
// removed. Settings that name an unknown rule or an option the rule does not
// declare are Errors at the setting.
Result<std::vector<Rule>> ResolveRules(const Config& config, const RuleInputs& inputs);

// A commented starter config (what `claimlint --init` writes).
std::string StarterConfig();

// The effective configuration for `file` as YAML (`--print-config`): the
// config file, whether the file is linted, `fail_on` (as the command line
// settles it), and every rule that runs with its severity.
std::string DescribeConfig(const Config& config, const std::vector<Rule>& rules,
                           const std::string& file, const std::string& fail_on);

}  // namespace claimlint
