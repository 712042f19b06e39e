#include "lint/config/config.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "lint/base/edit_distance.h"
#include "lint/base/file_io.h"
#include "lint/base/limits.h"
#include "lint/base/yaml_guard.h"
#include "lint/rules/pack_loader.h"
#include "lint/text/strings.h"

namespace claimlint {
namespace fs = std::filesystem;
namespace {

constexpr const char* kConfigKeys[] = {"packs",   "rule_files", "references", "rules",
                                       "include", "exclude",    "fail_on"};
constexpr const char* kSettingKeys[] = {"enabled", "severity", "options"};


// fs::absolute without the exception (when the working directory is gone).
fs::path Absolute(const std::string& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(fs::path(p), ec);
  return (ec ? fs::path(p) : abs).lexically_normal();
}

bool IsGlob(std::string_view s) { return s.find_first_of("*?[") != std::string_view::npos; }

class ConfigReader {
 public:
  explicit ConfigReader(const std::string& path) : path_(path) {}

  Error At(const YAML::Node& node, std::string message) const {
    Error e{path_, 0, 0, std::move(message)};
    if (node.IsDefined() && node.Mark().line >= 0) {
      e.line = node.Mark().line + 1;
      e.column = node.Mark().column + 1;
    }
    return e;
  }

  SourceLoc Loc(const YAML::Node& node) const {
    return {path_, node.Mark().line + 1, node.Mark().column + 1};
  }

  Result<Config> Read(std::string_view yaml) {
    Config c;
    c.path = path_;
    c.dir = Absolute(path_).parent_path().string();
    if (Status st = CheckYamlDocument(yaml, path_); !st.ok()) return st.error();
    YAML::Node root;
    try {
      root = YAML::Load(std::string(yaml));
    } catch (const YAML::Exception& ex) {
      return Error{path_, ex.mark.line >= 0 ? ex.mark.line + 1 : 0,
                   ex.mark.column >= 0 ? ex.mark.column + 1 : 0, "invalid YAML: " + ex.msg};
    }
    if (root.IsNull()) return c;  // an empty file: the defaults
    if (!root.IsMap()) return At(root, "a config is a mapping of keys (packs, rules, ...)");
    for (const auto& kv : root) {
      if (!kv.first.IsScalar()) return At(kv.first, "config keys must be strings");
      const std::string& key = kv.first.Scalar();
      if (std::find(std::begin(kConfigKeys), std::end(kConfigKeys), key) == std::end(kConfigKeys)) {
        return At(kv.first, "unknown key '" + key + "'" + DidYouMean(key, kConfigKeys) +
                                " (known: packs, rule_files, references, rules, include, "
                                "exclude, fail_on)");
      }
      if (Status st = ReadKey(key, kv.second, &c); !st.ok()) return st.error();
    }
    return c;
  }

 private:
  Status Strings(const YAML::Node& v, const std::string& key, std::vector<std::string>* out,
                 std::vector<SourceLoc>* locs = nullptr) {
    if (v.IsNull()) return {};  // every item commented out
    auto one = [&](const YAML::Node& item) -> Status {
      if (!item.IsScalar() || item.Scalar().empty()) {
        return At(item, "'" + key + "' must be a list of non-empty strings");
      }
      out->push_back(item.Scalar());
      if (locs) locs->push_back(Loc(item));
      return {};
    };
    if (v.IsScalar()) return one(v);
    if (!v.IsSequence()) return At(v, "'" + key + "' must be a list of strings");
    for (const auto& item : v) {
      if (Status st = one(item); !st.ok()) return st;
    }
    return {};
  }

  std::string Resolve(const std::string& dir, const std::string& p) {
    fs::path path(p);
    return (path.is_absolute() ? path : fs::path(dir) / path).lexically_normal().string();
  }

  Status ReadKey(const std::string& key, const YAML::Node& v, Config* c) {
    if (key == "packs") {
      if (v.IsNull()) return {};
      c->packs.emplace();
      return Strings(v, key, &*c->packs, &c->pack_locs);
    }
    if (key == "rule_files" || key == "references") {
      std::vector<std::string> raw;
      if (Status st = Strings(v, key, &raw); !st.ok()) return st;
      auto* out = key == "rule_files" ? &c->rule_files : &c->references;
      for (const std::string& p : raw) out->push_back(Resolve(c->dir, p));
      return {};
    }
    if (key == "include") return Strings(v, key, &c->include);
    if (key == "exclude") return Strings(v, key, &c->exclude);
    if (key == "fail_on") {
      FailOn level;
      if (!v.IsScalar() || !ParseFailOn(v.Scalar(), &level)) {
        return At(v, "'fail_on' must be error, warning, info or never");
      }
      c->fail_on = level;
      return {};
    }
    return ReadRules(v, c);
  }

  Status ReadRules(const YAML::Node& v, Config* c) {
    if (v.IsNull()) return {};
    if (!v.IsMap()) {
      return At(v,
                "'rules' must map rule ids or globs to off, on, error, warning, info or "
                "{enabled, severity, options}");
    }
    for (const auto& kv : v) {
      RuleSetting s;
      if (!kv.first.IsScalar() || kv.first.Scalar().empty()) {
        return At(kv.first, "rule ids in 'rules' must be strings");
      }
      s.pattern = kv.first.Scalar();
      s.loc = Loc(kv.first);
      if (Status st = ReadSetting(kv.second, &s); !st.ok()) return st;
      c->rules.push_back(std::move(s));
    }
    return {};
  }

  Status Level(const YAML::Node& v, RuleSetting* s, bool allow_switch) {
    std::string word = v.IsScalar() ? Lower(v.Scalar()) : "";
    if (allow_switch && (word == "off" || word == "false" || word == "no")) {
      s->enabled = false;
    } else if (allow_switch && (word == "on" || word == "true" || word == "yes")) {
      s->enabled = true;
    } else if (Severity sev; ParseSeverity(word, &sev)) {
      s->severity = sev;
    } else {
      return At(v, allow_switch ? "a rule setting is off, on, error, warning or info (or a "
                                  "mapping with enabled, severity, options)"
                                : "'severity' must be error, warning or info");
    }
    return {};
  }

  Status ReadSetting(const YAML::Node& v, RuleSetting* s) {
    if (v.IsScalar()) return Level(v, s, true);
    if (!v.IsMap()) {
      return At(v,
                "a rule setting is off, on, error, warning or info (or a mapping with "
                "enabled, severity, options)");
    }
    for (const auto& kv : v) {
      std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
      if (std::find(std::begin(kSettingKeys), std::end(kSettingKeys), key) ==
          std::end(kSettingKeys)) {
        return At(kv.first, "unknown key '" + key + "' in a rule setting" +
                                DidYouMean(key, kSettingKeys) + " (known: enabled, severity, options)");
      }
      const YAML::Node& val = kv.second;
      if (key == "enabled") {
        std::string word = val.IsScalar() ? Lower(val.Scalar()) : "";
        if (word != "true" && word != "false") return At(val, "'enabled' must be true or false");
        s->enabled = word == "true";
      } else if (key == "severity") {
        if (Status st = Level(val, s, false); !st.ok()) return st;
      } else {
        if (!val.IsMap()) return At(val, "'options' must map option names to values");
        for (const auto& o : val) {
          if (!o.first.IsScalar()) return At(o.first, "option names must be strings");
          if (!o.second.IsScalar()) return At(o.second, "option values must be scalars");
          s->options[o.first.Scalar()] = o.second.Scalar();
          s->option_locs[o.first.Scalar()] = Loc(o.first);
          s->option_value_locs[o.first.Scalar()] = Loc(o.second);
        }
      }
    }
    return {};
  }

  std::string path_;
};

std::string Basename(const std::string& path) { return fs::path(path).filename().string(); }

bool PackSelected(const Config& c, const Rule& r) {
  if (!c.packs) return true;
  std::string file = Basename(r.loc.file);
  return std::any_of(c.packs->begin(), c.packs->end(), [&](const std::string& g) {
    return RuleGlobMatch(g, r.pack) || PathGlobMatch(g, file);
  });
}

}  // namespace


bool Config::Covers(const std::string& file) const {
  fs::path abs = Absolute(file);
  std::string rel = dir.empty() ? abs.string() : abs.lexically_relative(dir).string();
  if (rel.empty() || rel.substr(0, 2) == "..") {
    rel = fs::path(file).lexically_normal().string();
  }
  auto hit = [&](const std::vector<std::string>& globs) {
    return std::any_of(globs.begin(), globs.end(),
                       [&](const std::string& g) { return PathGlobMatch(g, rel); });
  };
  if (!include.empty() && !hit(include)) return false;
  return !hit(exclude);
}

Result<Config> ParseConfig(std::string_view yaml, const std::string& path) {
  return ConfigReader(path).Read(yaml);
}

Result<Config> LoadConfigFile(const std::string& path) {
  auto text = ReadRegularFile(path, {limits::kConfigBytes, "config file"});
  if (!text.ok()) return text.error();
  return ParseConfig(text.value(), path);
}

std::string ConfigFinder::Find(const std::string& start) {
  fs::path dir = Absolute(start.empty() ? "." : start);
  if (dir.has_filename() == false && dir.has_parent_path() && dir != dir.root_path()) {
    dir = dir.parent_path();  // "a/b/" -> "a/b"
  }
  std::vector<std::string> visited;
  std::string found;
  while (true) {
    std::string key = dir.string();
    if (auto it = cache_.find(key); it != cache_.end()) {
      found = it->second;
      break;
    }
    visited.push_back(key);
    std::error_code ec;
    for (const char* name : kConfigNames) {
      if (fs::is_regular_file(dir / name, ec)) {
        found = (dir / name).string();
        break;
      }
    }
    if (!found.empty() || fs::exists(dir / ".git", ec) || dir == dir.root_path() ||
        !dir.has_parent_path()) {
      break;
    }
    dir = dir.parent_path();
  }
  for (const std::string& d : visited) cache_[d] = found;
  return found;
}

RulePolicy::RulePolicy(const Config& config, const RuleInputs& inputs)
    : enable_(inputs.enable), disable_(inputs.disable) {
  for (const RuleSetting& s : config.rules) {
    if (IsGlob(s.pattern)) ordered_.push_back(s);
  }
  for (const RuleSetting& s : config.rules) {
    if (!IsGlob(s.pattern)) ordered_.push_back(s);
  }
}

bool RulePolicy::Decide(std::string_view id, Severity* severity) const {
  bool on = true;
  for (const RuleSetting& s : ordered_) {
    if (!RuleGlobMatch(s.pattern, id)) continue;
    if (s.enabled) on = *s.enabled;
    if (s.severity) {
      *severity = *s.severity;
      on = true;
    }
  }
  auto any = [&](const std::vector<std::string>& globs) {
    return std::any_of(globs.begin(), globs.end(),
                       [&](const std::string& g) { return RuleGlobMatch(g, id); });
  };
  if (any(disable_)) on = false;
  if (any(enable_)) on = true;
  return on;
}

void RulePolicy::Apply(std::vector<Finding>* findings) const {
  if (ordered_.empty() && enable_.empty() && disable_.empty()) return;
  std::vector<Finding> kept;
  kept.reserve(findings->size());
  for (Finding& f : *findings) {
    if (Decide(f.rule, &f.severity)) kept.push_back(std::move(f));
  }
  *findings = std::move(kept);
}

Result<std::vector<Rule>> ResolveRules(const Config& config, const RuleInputs& inputs) {
  std::vector<Rule> candidates;
  std::map<std::string, const Rule*> known;
  if (inputs.builtin) {
    for (const Rule& r : *inputs.builtin) known.emplace(r.id, &r);
  }
  if (inputs.own) {
    for (const Rule& r : *inputs.own) known.emplace(r.id, &r);
  }
  std::vector<Rule> from_files;
  for (const std::string& path : config.rule_files) {
    auto rules = LoadRulePath(path, *inputs.catalog);
    if (!rules.ok()) return rules.error();
    for (Rule& r : rules.value()) {
      if (from_files.size() >= limits::kRules) return TooManyRules(r);
      from_files.push_back(std::move(r));
    }
  }
  for (const std::vector<Rule>* list :
       {static_cast<const std::vector<Rule>*>(&from_files), inputs.extra}) {
    if (!list) continue;
    for (const Rule& r : *list) known.emplace(r.id, &r);
  }
  // A pack glob that selects nothing is a typo.
  if (config.packs && inputs.builtin) {
    for (std::size_t i = 0; i < config.packs->size(); ++i) {
      const std::string& g = (*config.packs)[i];
      bool hit = std::any_of(inputs.builtin->begin(), inputs.builtin->end(), [&](const Rule& r) {
        return RuleGlobMatch(g, r.pack) || PathGlobMatch(g, Basename(r.loc.file));
      });
      if (hit) continue;
      std::set<std::string> names;
      for (const Rule& r : *inputs.builtin)
        names.insert(r.pack.empty() ? Basename(r.loc.file) : r.pack);
      SourceLoc at =
          i < config.pack_locs.size() ? config.pack_locs[i] : SourceLoc{config.path, 0, 0};
      return Error{at.file, at.line, at.column,
                   "no built-in pack matches '" + g + "'" + DidYouMean(g, names) +
                       " (see claimlint --list-rules)"};
    }
  }
  std::set<std::string> exact_on;
  for (const RuleSetting& s : config.rules) {
    if (IsGlob(s.pattern)) continue;
    auto it = known.find(s.pattern);
    if (it == known.end()) {
      std::vector<std::string> ids;
      for (const auto& [id, r] : known) ids.push_back(id);
      return Error{s.loc.file, s.loc.line, s.loc.column,
                   "unknown rule '" + s.pattern + "'" + DidYouMean(s.pattern, ids) +
                       " (see claimlint --list-rules)"};
    }
    for (const auto& [name, value] : s.options) {
      const Rule& r = *it->second;
      const SourceLoc& at = s.option_locs.at(name);
      const OptionSpec* spec = r.spec ? r.spec->FindOption(name) : nullptr;
      if (spec == nullptr) {
        std::vector<std::string> have;
        for (const auto& [k, v] : r.options) have.push_back(k);
        std::string list;
        for (const std::string& k : have) list += (list.empty() ? "" : ", ") + k;
        return Error{at.file, at.line, at.column,
                     "rule '" + s.pattern + "' has no option '" + name + "'" +
                         (have.empty() ? " (it takes none)"
                                       : DidYouMean(name, have) + " (its options: " + list + ")")};
      }
      OptionValue parsed;
      if (auto err = ParseOptionValue(*spec, value, &parsed)) {
        const SourceLoc& v = s.option_value_locs.at(name);
        return Error{v.file, v.line, v.column, "rule '" + s.pattern + "': " + *err};
      }
    }
    if ((s.enabled && *s.enabled) || s.severity) exact_on.insert(s.pattern);
  }
  RulePolicy policy(config, inputs);
  auto enabled_by_cli = [&](const std::string& id) {
    return std::any_of(inputs.enable.begin(), inputs.enable.end(),
                       [&](const std::string& g) { return RuleGlobMatch(g, id); });
  };
  if (inputs.own) candidates.insert(candidates.end(), inputs.own->begin(), inputs.own->end());
  if (inputs.builtin && inputs.use_builtin) {
    for (const Rule& r : *inputs.builtin) {
      if (PackSelected(config, r) || exact_on.count(r.id) || enabled_by_cli(r.id)) {
        candidates.push_back(r);
      }
    }
  }
  for (Rule& r : from_files) candidates.push_back(std::move(r));
  if (inputs.extra) candidates.insert(candidates.end(), inputs.extra->begin(), inputs.extra->end());
  std::vector<Rule> out;
  for (Rule& r : candidates) {
    if (!policy.Decide(r.id, &r.severity)) continue;
    for (bool globs : {true, false}) {
      for (const RuleSetting& s : config.rules) {
        if (IsGlob(s.pattern) != globs || !RuleGlobMatch(s.pattern, r.id)) continue;
        for (const auto& [name, value] : s.options) {
          const OptionSpec* spec = r.spec ? r.spec->FindOption(name) : nullptr;
          if (spec == nullptr) continue;  // a glob names options some rules have
          OptionValue parsed;
          if (auto err = ParseOptionValue(*spec, value, &parsed)) {
            const SourceLoc& at = s.option_value_locs.at(name);
            return Error{at.file, at.line, at.column,
                         "rule '" + r.id + "' (from '" + s.pattern + "'): " + *err};
          }
          r.options[name] = std::move(parsed);
        }
      }
    }
    out.push_back(std::move(r));
  }
  if (out.size() > limits::kRules) return TooManyRules(out[limits::kRules]);
  return out;
}

std::string StarterConfig() {
  return R"(# claimlint configuration. See docs/config.md.
# A file is linted with the nearest .claimlint.yml in its directory or above
# (up to the repository root); configs do not merge. Relative paths and globs
# below are relative to this file.

# Built-in rule packs to run, by pack name or file name (globs allowed).
# Leave this out to run them all; `claimlint --list-rules` shows the rules.
# packs: ["claims.*", "disclosures-*.yaml"]

# Your own rule packs: files, or directories of *.yaml files.
rule_files: []

# Reference libraries (CSL-JSON or BibTeX) that citations resolve against.
references: []

# Per rule id or glob: off, on, error, warning or info, or a mapping with
# enabled, severity and options. Globs apply first, in order; exact ids win.
rules:
  # "claim.*": warning
  # quality.no-author: off
  # citation.vague: {severity: info}
  # meta.unused-suppression: off

# Which files to lint. A glob without '/' matches at any depth; a directory
# covers everything under it. An empty include means every file.
include: []
exclude:
  # - drafts/
  # - "*.txt"

# Exit 1 when a finding is at or above this level: error, warning, info, never.
# The command line's --fail-on takes precedence.
fail_on: error
)";
}

std::string DescribeConfig(const Config& config, const std::vector<Rule>& rules,
                           const std::string& file, const std::string& fail_on) {
  YAML::Emitter e;
  e << YAML::Comment("effective configuration for " + file) << YAML::BeginMap;
  e << YAML::Key << "file" << YAML::Value << file;
  e << YAML::Key << "config" << YAML::Value;
  if (config.path.empty()) {
    e << YAML::Null << YAML::Comment("no .claimlint.yml found: built-in defaults");
  } else {
    e << config.path;
  }
  e << YAML::Key << "linted" << YAML::Value << config.Covers(file)
    << YAML::Comment("include/exclude");
  e << YAML::Key << "fail_on" << YAML::Value << fail_on;
  e << YAML::Key << "packs" << YAML::Value;
  if (config.packs) {
    e << YAML::Flow << *config.packs;
  } else {
    e << "all";
  }
  e << YAML::Key << "rule_files" << YAML::Value << YAML::Flow << config.rule_files;
  e << YAML::Key << "references" << YAML::Value << YAML::Flow << config.references;
  e << YAML::Key << "include" << YAML::Value << YAML::Flow << config.include;
  e << YAML::Key << "exclude" << YAML::Value << YAML::Flow << config.exclude;
  std::vector<const Rule*> sorted;
  for (const Rule& r : rules) sorted.push_back(&r);
  std::sort(sorted.begin(), sorted.end(),
            [](const Rule* a, const Rule* b) { return a->id < b->id; });
  e << YAML::Key << "rules" << YAML::Value
    << YAML::Comment(std::to_string(sorted.size()) + " rules run");
  if (sorted.empty()) {
    e << YAML::Flow << YAML::BeginMap << YAML::EndMap;
  } else {
    e << YAML::BeginMap;
    for (const Rule* r : sorted) {
      e << YAML::Key << r->id << YAML::Value;
      if (r->options.empty()) {
        e << std::string(SeverityName(r->severity));
      } else {
        std::map<std::string, std::string> options;
        for (const auto& [k, v] : r->options) options[k] = v.text;
        e << YAML::Flow << YAML::BeginMap << YAML::Key << "severity" << YAML::Value
          << std::string(SeverityName(r->severity)) << YAML::Key << "options" << YAML::Value
          << options << YAML::EndMap;
      }
    }
    e << YAML::EndMap;
  }
  e << YAML::EndMap;
  return std::string(e.c_str()) + "\n";
}

}  // namespace claimlint
