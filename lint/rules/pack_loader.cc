#include "lint/rules/pack_loader.h"

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "lint/base/edit_distance.h"
#include "lint/base/finding.h"
#include "lint/base/context_kind.h"
#include "lint/data/builtin_files.h"

namespace claimlint {
namespace {

constexpr const char* kRuleKeys[] = {"id",
                                     "category",
                                     "severity",
                                     "message",
                                     "patterns",
                                     "shapes",
                                     "exceptions",
                                     "unless",
                                     "contexts",
                                     "cleared_by_citation",
                                     "fallback",
                                     "quotes_are_claims",
                                     "lead_in",
                                     "serious_hedged",
                                     "case_sensitive",
                                     "word_boundary",
                                     "suggestion",
                                     "why",
                                     "url",
                                     "replace",
                                     "topic",
                                     "narrow",
                                     "requires",
                                     "check",
                                     "options",
                                     "examples",
                                     "description"};

class PackReader {
 public:
  PackReader(std::string_view filename, const CheckCatalog& catalog, bool check_patterns,
             bool own_pack)
      : file_(filename), catalog_(catalog), check_patterns_(check_patterns), own_pack_(own_pack) {}

  Error At(const YAML::Node& node, std::string message) const {
    Error e;
    e.file = file_;
    e.message = std::move(message);
    if (node.IsDefined()) {
      YAML::Mark m = node.Mark();
      if (m.line >= 0) {
        e.line = m.line + 1;
        e.column = m.column + 1;
      }
    }
    return e;
  }

  Result<std::vector<Rule>> Read(std::string_view yaml) {
    YAML::Node root;
    try {
      root = YAML::Load(std::string(yaml));
    } catch (const YAML::Exception& ex) {
      Error e;
      e.file = file_;
      e.line = ex.mark.line >= 0 ? ex.mark.line + 1 : 0;
      e.column = ex.mark.column >= 0 ? ex.mark.column + 1 : 0;
      e.message = "invalid YAML: " + ex.msg;
      return e;
    }
    if (!root.IsMap()) return At(root, "a rule pack is a mapping with a 'rules:' list");
    std::string pack;
    for (const auto& kv : root) {
      std::string key = kv.first.as<std::string>("");
      if (key != "pack" && key != "rules" && key != "description") {
        return At(kv.first,
                  "unknown key '" + key + "' (a pack has 'pack', 'description', 'rules')");
      }
    }
    if (root["pack"]) {
      if (!root["pack"].IsScalar()) return At(root["pack"], "'pack' must be a string");
      pack = root["pack"].Scalar();
    }
    YAML::Node rules = root["rules"];
    if (!rules) return At(root, "missing 'rules:' list");
    if (!rules.IsSequence()) return At(rules, "'rules' must be a list");
    std::vector<Rule> out;
    for (const auto& node : rules) {
      Rule rule;
      rule.pack = pack;
      if (Status st = ReadRule(node, &rule); !st.ok()) return st.error();
      out.push_back(std::move(rule));
    }
    return out;
  }

 private:
  Status String(const YAML::Node& node, const char* key, std::string* out, bool required) {
    YAML::Node v = node[key];
    if (!v) {
      if (required) return At(node, std::string("rule is missing '") + key + "'");
      return {};
    }
    if (!v.IsScalar()) return At(v, std::string("'") + key + "' must be a string");
    *out = v.Scalar();
    return {};
  }

  Status Bool(const YAML::Node& node, const char* key, bool* out) {
    YAML::Node v = node[key];
    if (!v) return {};
    if (!v.IsScalar() || (v.Scalar() != "true" && v.Scalar() != "false")) {
      return At(v, std::string("'") + key + "' must be true or false");
    }
    *out = v.Scalar() == "true";
    return {};
  }

  Status Strings(const YAML::Node& node, const char* key, std::vector<std::string>* out) {
    YAML::Node v = node[key];
    if (!v) return {};
    if (v.IsScalar()) {
      out->push_back(v.Scalar());
      return {};
    }
    if (!v.IsSequence()) return At(v, std::string("'") + key + "' must be a list of strings");
    for (const auto& item : v) {
      if (!item.IsScalar()) return At(item, std::string("'") + key + "' must be a list of strings");
      out->push_back(item.Scalar());
    }
    return {};
  }

  Status Patterns(const YAML::Node& node, const char* key, bool case_sensitive,
                  std::vector<std::string>* out) {
    if (Status st = Strings(node, key, out); !st.ok()) return st;
    YAML::Node v = node[key];
    for (const std::string& p : *out) {
      if (p.empty()) return At(v, std::string("empty pattern in '") + key + "'");
    }
    if (!check_patterns_) return {};
    RE2::Options opts;
    opts.set_log_errors(false);
    opts.set_case_sensitive(case_sensitive);
    for (std::size_t i = 0; i < out->size(); ++i) {
      RE2 re((*out)[i], opts);
      if (!re.ok()) {
        YAML::Node at = v.IsSequence() ? v[i] : v;
        return At(at, std::string("bad pattern in '") + key + "': " + re.error());
      }
      if ((*out)[i].empty()) return At(v, std::string("empty pattern in '") + key + "'");
    }
    return {};
  }

  // `replace: TEXT` or `replace: {words: RE2, with: TEXT}`.
  Status Replace(const YAML::Node& node, Rule* rule) {
    YAML::Node v = node["replace"];
    if (!v) return {};
    if (v.IsScalar()) {
      rule->replace = v.Scalar();
      rule->has_replace = true;
    } else if (v.IsMap()) {
      for (const auto& kv : v) {
        std::string key = kv.first.as<std::string>("");
        if (key != "words" && key != "with") {
          return At(kv.first, "unknown key '" + key + "' in replace (words, with)");
        }
      }
      if (!v["with"] || !v["with"].IsScalar()) {
        return At(v, "'replace' needs 'with', the replacement text");
      }
      rule->replace = v["with"].Scalar();
      rule->has_replace = true;
      std::vector<std::string> words;
      if (Status st = Patterns(v, "words", rule->case_sensitive, &words); !st.ok()) return st;
      if (words.size() > 1) return At(v["words"], "'words' is one pattern");
      if (!words.empty()) rule->replace_words = words[0];
    } else {
      return At(v, "'replace' must be a string or a mapping with 'words' and 'with'");
    }
    if (!node["patterns"] || node["topic"] || node["check"]) {
      return At(v, "'replace' applies to pattern rules only");
    }
    return {};
  }

  Status ReadRule(const YAML::Node& node, Rule* rule) {
    if (!node.IsMap()) return At(node, "each rule must be a mapping");
    for (const auto& kv : node) {
      std::string key = kv.first.as<std::string>("");
      if (std::find(std::begin(kRuleKeys), std::end(kRuleKeys), key) == std::end(kRuleKeys)) {
        return At(kv.first, "unknown key '" + key + "' in rule");
      }
    }
    rule->loc = {file_, node.Mark().line + 1, node.Mark().column + 1};
    if (node["id"]) rule->loc = {file_, node["id"].Mark().line + 1, node["id"].Mark().column + 1};
    Status st;
    if (!(st = String(node, "id", &rule->id, true)).ok()) return st;
    if (rule->id.empty() || rule->id.find_first_of(" \t,") != std::string::npos) {
      return At(node["id"], "rule id must be a non-empty dotted name without spaces or commas");
    }
    std::string category;
    if (!(st = String(node, "category", &category, true)).ok()) return st;
    Category parsed;
    bool known = ParseCategory(category, &parsed);
    bool own_only = parsed == Category::kInput || parsed == Category::kMeta;
    if (!known || (own_only && !own_pack_)) {
      return At(node["category"], "category must be one of claim, citation, disclosure, quality");
    }
    rule->category = parsed;
    std::string severity;
    if (!(st = String(node, "severity", &severity, true)).ok()) return st;
    if (!ParseSeverity(severity, &rule->severity)) {
      return At(node["severity"], "severity must be error, warning or info");
    }
    if (!(st = String(node, "message", &rule->message, true)).ok()) return st;
    if (!(st = String(node, "suggestion", &rule->suggestion, false)).ok()) return st;
    if (!(st = String(node, "why", &rule->why, false)).ok()) return st;
    if (!(st = String(node, "url", &rule->url, false)).ok()) return st;
    if (!(st = Bool(node, "cleared_by_citation", &rule->cleared_by_citation)).ok()) return st;
    if (!(st = Bool(node, "fallback", &rule->fallback)).ok()) return st;
    if (!(st = Bool(node, "quotes_are_claims", &rule->quotes_are_claims)).ok()) return st;
    if (!(st = Bool(node, "lead_in", &rule->lead_in)).ok()) return st;
    std::string serious_hedged;
    if (!(st = String(node, "serious_hedged", &serious_hedged, false)).ok()) return st;
    if (!serious_hedged.empty() && serious_hedged != "clear" && serious_hedged != "lower") {
      return At(node["serious_hedged"], "serious_hedged must be clear or lower");
    }
    rule->serious_survives_hedge = serious_hedged == "lower";
    if (!(st = Bool(node, "case_sensitive", &rule->case_sensitive)).ok()) return st;
    if (!(st = Bool(node, "word_boundary", &rule->word_boundary)).ok()) return st;
    for (auto [key, list] :
         {std::pair{"patterns", &rule->patterns}, std::pair{"exceptions", &rule->exceptions},
          std::pair{"unless", &rule->unless},
          std::pair{"topic", &rule->topic}, std::pair{"narrow", &rule->narrow},
          std::pair{"requires", &rule->requires_}}) {
      if (!(st = Patterns(node, key, rule->case_sensitive, list)).ok()) return st;
    }
    if (!(st = Replace(node, rule)).ok()) return st;
    if (!(st = Strings(node, "shapes", &rule->shapes)).ok()) return st;
    std::vector<std::string> contexts;
    if (!(st = Strings(node, "contexts", &contexts)).ok()) return st;
    if (!contexts.empty()) rule->contexts = ContextSet();
    for (const std::string& name : contexts) {
      Context c;
      if (!ParseContext(name, &c)) {
        return At(node["contexts"],
                  "unknown context '" + name +
                      "' (asserted, negated, hedged, reported, question, hypothetical)");
      }
      rule->contexts.Add(c);
    }
    if (Status bound = BindCheck(node, rule); !bound.ok()) return bound;
    // Copy-construct: assigning to a yaml-cpp node writes into it instead.
    const YAML::Node ex =
        node["examples"] ? node["examples"] : YAML::Node(YAML::NodeType::Map);
    if (!node["examples"] && rule->spec->examples_required) {
      return At(node, "rule '" + rule->id + "' has no 'examples' (fire and pass)");
    }
    if (!ex.IsMap()) return At(ex, "'examples' must be a mapping with 'fire' and 'pass' lists");
    for (const auto& kv : ex) {
      std::string key = kv.first.as<std::string>("");
      if (key != "fire" && key != "pass") {
        return At(kv.first, "unknown key '" + key + "' in examples (fire, pass)");
      }
    }
    if (!(st = Strings(ex, "fire", &rule->examples_fire)).ok()) return st;
    if (!(st = Strings(ex, "pass", &rule->examples_pass)).ok()) return st;
    if (rule->spec->examples_required &&
        (rule->examples_fire.empty() || rule->examples_pass.empty())) {
      return At(ex, "rule '" + rule->id + "' needs at least one 'fire' and one 'pass' example");
    }
    if (rule->url.empty()) {
      std::size_t p = rule->why.find("http");
      if (p != std::string::npos) {
        std::size_t e = rule->why.find_first_of(" \t\n)>\"'", p);
        rule->url = rule->why.substr(p, e == std::string::npos ? std::string::npos : e - p);
        while (!rule->url.empty() &&
               (rule->url.back() == '.' || rule->url.back() == ',' || rule->url.back() == ';')) {
          rule->url.pop_back();
        }
      }
    }
    return {};
  }


  // Binds the rule to its check (`check:`, or the category's default) and
  // reads the check's options, typed and range-checked.
  Status BindCheck(const YAML::Node& node, Rule* rule) {
    Status st;
    if (!(st = String(node, "check", &rule->check, false)).ok()) return st;
    bool has_patterns = !rule->patterns.empty() || !rule->shapes.empty();
    bool has_topic = !rule->topic.empty() || !rule->requires_.empty() || !rule->narrow.empty();
    if (rule->check.empty()) {
      rule->check = std::string(CheckCatalog::DefaultCheck(has_topic, has_patterns));
    }
    if (rule->check.empty()) {
      return At(node, "rule '" + rule->id +
                          "' has no 'patterns' (nor 'topic'/'requires' or 'check')");
    }
    const YAML::Node at = node["check"] ? node["check"] : node;
    rule->spec = catalog_.Find(rule->check);
    if (rule->spec == nullptr) {
      std::vector<std::string> names;
      for (const CheckSpec& c : catalog_.specs()) names.push_back(c.name);
      return At(at, "unknown check '" + rule->check + "'" + DidYouMean(rule->check, names));
    }
    const CheckSpec& spec = *rule->spec;
    bool own_category = rule->category == Category::kInput || rule->category == Category::kMeta;
    if (spec.category ? *spec.category != rule->category : own_category) {
      return At(at, "check '" + spec.name + "' is not for " +
                        std::string(CategoryName(rule->category)) + " rules" +
                        (spec.category ? " (its rules are " +
                                             std::string(CategoryName(*spec.category)) + ")"
                                       : ""));
    }
    switch (spec.body) {
      case RuleBody::kPatterns:
        if (!has_patterns) return At(node, "rule '" + rule->id + "' has no 'patterns' or 'shapes'");
        if (has_topic) return At(node, "a pattern rule has no 'topic', 'narrow' or 'requires'");
        break;
      case RuleBody::kTopic:
        if (rule->topic.empty() || rule->requires_.empty()) {
          return At(node, "a disclosure rule needs both 'topic' and 'requires'");
        }
        if (has_patterns) return At(node, "a disclosure rule has no 'patterns'");
        break;
      case RuleBody::kNone:
        if (has_patterns || has_topic) {
          return At(node, "check '" + spec.name +
                              "' is code: its rules have no 'patterns', 'topic' or 'requires'");
        }
        break;
    }
    for (const OptionSpec& o : spec.options) {
      OptionValue v;
      if (auto err = ParseOptionValue(o, o.default_value, &v)) {
        return At(node, "check '" + spec.name + "': bad default: " + *err);
      }
      rule->options[o.name] = std::move(v);
    }
    if (YAML::Node opts = node["options"]) {
      if (!opts.IsMap()) return At(opts, "'options' must be a mapping of names to values");
      for (const auto& kv : opts) {
        std::string name = kv.first.as<std::string>("");
        const OptionSpec* o = spec.FindOption(name);
        if (o == nullptr) {
          std::vector<std::string> names;
          for (const OptionSpec& x : spec.options) names.push_back(x.name);
          return At(kv.first, "check '" + spec.name + "' has no option '" + name + "'" +
                                  (names.empty() ? std::string(" (it takes none)")
                                                 : DidYouMean(name, names)));
        }
        if (!kv.second.IsScalar()) return At(kv.second, "option values must be scalars");
        OptionValue v;
        if (auto err = ParseOptionValue(*o, kv.second.Scalar(), &v)) return At(kv.second, *err);
        rule->options[name] = std::move(v);
      }
    }
    return {};
  }

  std::string file_;
  const CheckCatalog& catalog_;
  bool check_patterns_;
  bool own_pack_;
};

bool IsCueFile(std::string_view yaml) {
  // The context engine's cue lists share the folder but are not a rule pack.
  std::size_t p = 0;
  while (p < yaml.size()) {
    std::size_t e = yaml.find('\n', p);
    std::string_view line =
        yaml.substr(p, e == std::string_view::npos ? std::string_view::npos : e - p);
    if (!line.empty() && line[0] != '#' && line[0] != ' ' && line[0] != '-') {
      return line.substr(0, 5) == "cues:";
    }
    if (e == std::string_view::npos) break;
    p = e + 1;
  }
  return false;
}

}  // namespace

Result<std::vector<Rule>> LoadRulePack(std::string_view yaml, std::string_view filename,
                                       const CheckCatalog& catalog, bool check_patterns) {
  return PackReader(filename, catalog, check_patterns, /*own_pack=*/false).Read(yaml);
}

Result<std::vector<Rule>> LoadRulePath(const std::string& path, const CheckCatalog& catalog) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<std::string> files;
  if (fs::is_directory(path, ec)) {
    for (const auto& entry : fs::directory_iterator(path, ec)) {
      std::string ext = entry.path().extension().string();
      if (entry.is_regular_file(ec) && (ext == ".yml" || ext == ".yaml")) {
        files.push_back(entry.path().string());
      }
    }
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(path);
  }
  std::vector<Rule> all;
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Error{file, 0, 0, "cannot read rule pack"};
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    if (IsCueFile(text)) continue;
    auto rules = LoadRulePack(text, file, catalog);
    if (!rules.ok()) return rules.error();
    for (Rule& r : rules.value()) all.push_back(std::move(r));
  }
  return all;
}

Result<std::vector<Rule>> LoadBuiltinRules(const CheckCatalog& catalog, BuiltinPacks which) {
  std::vector<Rule> all;
  for (const BuiltinFile& f : BuiltinFiles()) {
    // Packs are the top-level YAML files; lexicons/ and models/ are not packs.
    if (f.name.find('/') != std::string_view::npos || IsCueFile(f.text)) continue;
    bool own = f.name == kOwnPackFile;
    if (own ? which == BuiltinPacks::kHealth : which == BuiltinPacks::kOwn) continue;
    auto rules = PackReader("rules/" + std::string(f.name), catalog, /*check_patterns=*/false, own)
                     .Read(f.text);
    if (!rules.ok()) return rules.error();
    for (Rule& r : rules.value()) all.push_back(std::move(r));
  }
  return all;
}

}  // namespace claimlint
