#include "lint/engine/profiles.h"

#include <filesystem>

#include "lint/checks/registry.h"
#include "lint/rules/pack_loader.h"

namespace claimlint {
namespace fs = std::filesystem;
namespace {

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

Status CheckConfig(const Config& config) {
  const CheckCatalog& catalog = BuiltinChecks();
  static const Result<std::vector<Rule>> builtin = LoadBuiltinRules(catalog, BuiltinPacks::kHealth);
  static const Result<std::vector<Rule>> own = LoadBuiltinRules(catalog, BuiltinPacks::kOwn);
  RuleInputs inputs;
  inputs.builtin = builtin.ok() ? &builtin.value() : nullptr;
  inputs.own = own.ok() ? &own.value() : nullptr;
  inputs.catalog = &catalog;
  auto rules = ResolveRules(config, inputs);
  if (!rules.ok()) return rules.error();
  return {};
}

Result<std::unique_ptr<Profiles>> Profiles::Create(const EngineOptions& o) {
  std::unique_ptr<Profiles> p(new Profiles(o));
  const CheckCatalog& catalog = BuiltinChecks();
  // Loaded even with --no-default-rules, to recognise built-in ids in configs;
  // then a broken built-in pack is not an error (that flag is the way around it).
  auto builtin = LoadBuiltinRules(catalog, BuiltinPacks::kHealth);
  if (builtin.ok()) {
    p->builtin_ = std::move(builtin.value());
    p->have_builtin_ = true;
  } else if (!o.no_default_rules) {
    return builtin.error();
  }
  auto own = LoadBuiltinRules(catalog, BuiltinPacks::kOwn);
  if (!own.ok()) return own.error();
  p->own_ = std::move(own.value());
  for (const std::string& path : o.rules) {
    auto more = LoadRulePath(path, catalog);
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
  inputs.own = &own_;
  inputs.catalog = &BuiltinChecks();
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
  profile->policy = std::make_shared<const RulePolicy>(profile->config, inputs);
  profile->linter = std::make_unique<Linter>(LinterSetup{
      profile->rules, ContextClassifier::Builtin(), library.value(), profile->policy});
  profile->fail_on = options_.fail_on ? *options_.fail_on
                                      : profile->config.fail_on.value_or(FailOn::kError);
  const Profile* out = profile.get();
  built_.push_back(std::move(profile));
  by_config_[config_path] = out;
  return out;
}

}  // namespace claimlint
