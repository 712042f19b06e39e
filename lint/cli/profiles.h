// One compiled Linter per distinct effective configuration. Files in
// different directories may have different `.claimlint.yml` files; each config
// is loaded, resolved and compiled once, then shared by all its files.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "lint/base/status.h"
#include "lint/cli/options.h"
#include "lint/config/config.h"
#include "lint/engine/linter.h"

namespace claimlint {

struct Profile {
  Config config;
  std::shared_ptr<const RuleSet> rules;
  std::unique_ptr<Linter> linter;
  std::unique_ptr<RulePolicy> policy;
  FailOn fail_on = FailOn::kError;
  std::string fail_on_name = "error";
};

class Profiles {
 public:
  // Loads what every profile shares: the built-in packs, --rules packs and
  // --config (when given).
  static Result<std::unique_ptr<Profiles>> Create(const Options& options);

  // The profile for a file (its nearest config, or --config). `file` is a
  // path as given; "-" means standard input, named by --stdin-filename.
  Result<const Profile*> For(const std::string& file);

  // Every profile built so far, in the order they were built.
  const std::vector<std::unique_ptr<Profile>>& all() const { return built_; }

 private:
  explicit Profiles(const Options& options) : options_(options) {}
  Result<const Profile*> Build(const std::string& config_path);

  const Options& options_;
  std::vector<Rule> builtin_, extra_;
  bool have_builtin_ = false;
  ConfigFinder finder_;
  std::map<std::string, const Profile*> by_config_;
  std::vector<std::unique_ptr<Profile>> built_;
};

}  // namespace claimlint
