#include "lint/cli/profiles.h"

#include <filesystem>

#include "lint/rules/pack_loader.h"

namespace claimlint {
namespace fs = std::filesystem;
namespace {

FailOn ParseFailOn(const std::string& name) {
  if (name == "warning") return FailOn::kWarning;
  if (name == "info") return FailOn::kInfo;
  if (name == "never") return FailOn::kNever;
  return FailOn::kError;
}

const char* FailOnName(FailOn f) {
  switch (f) {
    case FailOn::kError:
      return "error";
    case FailOn::kWarning:
      return "warning";
    case FailOn::kInfo:
      return "info";
    case FailOn::kNever:
      return "never";
  }
  return "error";
}

Result<std::shared_ptr<const ReferenceLibrary>> LoadLibrary(const std::vector<std::string>& paths) {
  auto lib = std::make_shared<ReferenceLibrary>();
  for (const std::string& path : paths) {
    auto entries = ReadReferenceFile(path);
    if (!entries.ok()) return entries.error();
    for (Reference& r : entries.value()) lib->entries.push_back(std::move(r));
  }
  return std::shared_ptr<const ReferenceLibrary>(std::move(lib));
}

}  // namespace

Result<std::unique_ptr<Profiles>> Profiles::Create(const Options& o) {
  std::unique_ptr<Profiles> p(new Profiles(o));
  // Loaded even with --no-default-rules, to recognise built-in ids in configs;
  // then a broken built-in pack is not an error (that flag is the way around it).
  auto builtin = LoadBuiltinRules();
  if (builtin.ok()) {
    p->builtin_ = std::move(builtin.value());
    p->have_builtin_ = true;
  } else if (!o.no_default_rules) {
    return builtin.error();
  }
  for (const std::string& path : o.rules) {
    auto more = LoadRulePath(path);
    if (!more.ok()) return more.error();
    for (Rule& r : more.value()) p->extra_.push_back(std::move(r));
  }
  if (!o.config.empty()) {
    std::error_code ec;
    if (!fs::is_regular_file(o.config, ec)) return Error{o.config, 0, 0, "no such config file"};
    auto built = p->Build(o.config);
    if (!built.ok()) return built.error();
  }
  return p;
}

Result<const Profile*> Profiles::For(const std::string& file) {
  std::string config_path = options_.config;
  if (config_path.empty()) {
    std::string name = file == "-" ? options_.stdin_filename : file;
    fs::path dir = fs::path(name).parent_path();
    config_path = finder_.Find(dir.empty() ? "." : dir.string());
  }
  return Build(config_path);
}

Result<const Profile*> Profiles::Build(const std::string& config_path) {
  if (auto it = by_config_.find(config_path); it != by_config_.end()) return it->second;
  auto profile = std::make_unique<Profile>();
  if (!config_path.empty()) {
    auto config = LoadConfigFile(config_path);
    if (!config.ok()) return config.error();
    profile->config = std::move(config.value());
  }
  RuleInputs inputs;
  inputs.builtin = have_builtin_ ? &builtin_ : nullptr;
  inputs.use_builtin = !options_.no_default_rules;
  inputs.extra = &extra_;
  inputs.enable = options_.enable;
  inputs.disable = options_.disable;
  auto rules = ResolveRules(profile->config, inputs);
  if (!rules.ok()) return rules.error();
  auto rule_set = RuleSet::Build(std::move(rules.value()));
  if (!rule_set.ok()) return rule_set.error();
  std::vector<std::string> references = options_.references;
  references.insert(references.end(), profile->config.references.begin(),
                    profile->config.references.end());
  auto library = LoadLibrary(references);
  if (!library.ok()) return library.error();
  profile->rules = rule_set.value();
  profile->linter = std::make_unique<Linter>(
      LinterSetup{profile->rules, ContextClassifier::Builtin(), library.value()});
  profile->policy = std::make_unique<RulePolicy>(profile->config, inputs);
  if (options_.fail_on_given) {
    profile->fail_on = options_.fail_on;
  } else if (!profile->config.fail_on.empty()) {
    profile->fail_on = ParseFailOn(profile->config.fail_on);
  }
  profile->fail_on_name = FailOnName(profile->fail_on);
  const Profile* out = profile.get();
  built_.push_back(std::move(profile));
  by_config_[config_path] = out;
  return out;
}

}  // namespace claimlint
