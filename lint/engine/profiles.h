// One compiled Linter per distinct effective configuration. Files in
// different directories may have different `.claimlint.yml` files; each config
// is loaded, resolved and compiled once, then shared by all its files.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lint/base/status.h"
#include "lint/config/config.h"
#include "lint/engine/linter.h"

namespace claimlint {

// What the front ends (the command line, the language server) decide about
// rules and configs.
struct EngineOptions {
  std::string config;                    // --config FILE; "" = the nearest .claimlint.yml
  std::string stdin_filename = "<stdin>";  // the name standard input is linted as
  std::vector<std::string> references;   // --references
  std::vector<std::string> rules;        // --rules
  bool no_default_rules = false;
  std::vector<std::string> enable, disable;
  std::optional<FailOn> fail_on;  // --fail-on, when given
};

// Checks a config as it would be used: rule ids exist, packs match, options
// have the right types (the built-in packs and checks).
Status CheckConfig(const Config& config);

struct Profile {
  Config config;
  std::shared_ptr<const RuleSet> rules;
  std::shared_ptr<const RulePolicy> policy;
  std::unique_ptr<Linter> linter;
  FailOn fail_on = FailOn::kError;
};

class Profiles {
 public:
  // Loads what every profile shares: the built-in packs, --rules packs and
  // --config (when given).
  static Result<std::unique_ptr<Profiles>> Create(const EngineOptions& options);

  // The profile for a file (its nearest config, or --config). `file` is a
  // path as given; "-" means standard input, named by stdin_filename.
  Result<const Profile*> For(const std::string& file);

  // Every profile built so far, in the order they were built.
  const std::vector<std::unique_ptr<Profile>>& all() const { return built_; }

 private:
  explicit Profiles(EngineOptions options) : options_(std::move(options)) {}
  Result<const Profile*> Build(const std::string& config_path);

  EngineOptions options_;
  std::vector<Rule> builtin_, own_, extra_;
  bool have_builtin_ = false;
  ConfigFinder finder_;
  std::map<std::string, const Profile*> by_config_;
  std::vector<std::unique_ptr<Profile>> built_;
};

}  // namespace claimlint
