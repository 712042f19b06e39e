#include "lint/context/cues.h"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <optional>
#include <set>
#include <utility>

#include "lint/context/tokens.h"

namespace claimlint::context_internal {
namespace {

// Reads the YAML tree; the first problem found is kept and ends the walk.
class CueReader {
 public:
  explicit CueReader(std::string_view filename) : filename_(filename) {}

  Result<CueLists> Read(const YAML::Node& root) {
    CueLists out;
    if (!root.IsMap() || !root["cues"]) {
      return At(root, "expected a mapping with the top-level key 'cues'");
    }
    for (const auto& kv : root) {
      if (kv.first.as<std::string>() != "cues") {
        return At(kv.first, "unknown top-level key '" + kv.first.as<std::string>() +
                                "' (everything goes under 'cues')");
      }
    }
    const YAML::Node cues = root["cues"];
    if (!cues.IsMap()) return At(cues, "'cues' must be a mapping");
    static const std::set<std::string> kKeys = {"version",      "termination", "clause_openers",
                                                "pseudo",       "triggers",    "refutation",
                                                "myth_headings"};
    for (const auto& kv : cues) {
      if (!kKeys.count(kv.first.as<std::string>())) {
        return At(kv.first, "unknown key '" + kv.first.as<std::string>() + "' in 'cues'");
      }
    }
    if (cues["version"]) {
      int version = 0;
      if (!Int(cues["version"], &version) || version != 1) {
        return At(cues["version"], "unsupported 'version' (this claimlint reads version 1)");
      }
    }
    if (!List(cues, "termination", &out.termination) ||
        !List(cues, "clause_openers", &out.clause_openers) || !List(cues, "pseudo", &out.pseudo) ||
        !List(cues, "myth_headings", &out.myth_headings) || !Triggers(cues, &out.triggers) ||
        !Refutation(cues, &out)) {
      return *error_;
    }
    return out;
  }

  Error At(const YAML::Node& node, std::string message) const {
    Error e;
    e.file = std::string(filename_);
    const YAML::Mark mark = node.Mark();
    if (mark.line >= 0) {
      e.line = mark.line + 1;
      e.column = mark.column + 1;
    }
    e.message = std::move(message);
    return e;
  }

 private:
  bool Fail(const YAML::Node& node, std::string message) {
    if (!error_) error_ = At(node, std::move(message));
    return false;
  }

  bool Int(const YAML::Node& node, int* out) {
    if (!node.IsScalar()) return false;
    const std::string& s = node.Scalar();
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
    return ec == std::errc() && end == s.data() + s.size();
  }

  // A required list of phrases: strings, each at least one token, no
  // duplicates within the list.
  bool List(const YAML::Node& parent, const char* key, std::vector<std::string>* out) {
    const YAML::Node node = parent[key];
    if (!node) return Fail(parent, std::string("missing key '") + key + "'");
    return Phrases(node, key, out);
  }

  // A list of phrases. "{a|b|}" in a phrase stands for each alternative in
  // turn (an empty one drops the words): "{proponents|fans} {say|claim}".
  // `origins`, when given, receives the node each expanded phrase came from.
  bool Phrases(const YAML::Node& node, const std::string& what, std::vector<std::string>* out,
               std::vector<YAML::Node>* origins = nullptr) {
    if (!node.IsSequence()) return Fail(node, "'" + what + "' must be a list of phrases");
    std::set<std::string> seen;
    for (const YAML::Node& item : node) {
      if (!item.IsScalar()) return Fail(item, "a phrase in '" + what + "' must be a string");
      std::vector<std::string> expanded;
      if (!Expand(item.Scalar(), &expanded)) {
        return Fail(item, "unbalanced '{' or '}' in phrase '" + item.Scalar() + "'");
      }
      for (std::string& phrase : expanded) {
        std::string key = Normalise(phrase);
        if (key.empty()) return Fail(item, "empty phrase in '" + what + "'");
        if (!seen.insert(key).second) {
          return Fail(item, "duplicate phrase '" + key + "' in '" + what + "'");
        }
        out->push_back(std::move(phrase));
        if (origins) origins->push_back(item);
      }
    }
    return true;
  }

  // Expands "{a|b}" alternations (not nested). False when braces are unbalanced.
  static bool Expand(const std::string& phrase, std::vector<std::string>* out) {
    std::vector<std::string> partial = {""};
    std::size_t i = 0;
    while (i < phrase.size()) {
      const char c = phrase[i];
      if (c == '}') return false;
      if (c != '{') {
        for (std::string& p : partial) p.push_back(c);
        ++i;
        continue;
      }
      const std::size_t close = phrase.find('}', i);
      if (close == std::string::npos) return false;
      const std::string body = phrase.substr(i + 1, close - i - 1);
      if (body.find('{') != std::string::npos) return false;
      std::vector<std::string> next;
      std::size_t start = 0;
      while (true) {
        const std::size_t bar = body.find('|', start);
        const std::string alt = body.substr(start, bar == std::string::npos ? bar : bar - start);
        for (const std::string& p : partial) next.push_back(p + alt);
        if (bar == std::string::npos) break;
        start = bar + 1;
      }
      partial = std::move(next);
      i = close + 1;
    }
    for (std::string& p : partial) out->push_back(std::move(p));
    return true;
  }

  bool Triggers(const YAML::Node& cues, std::vector<TriggerGroup>* out) {
    const YAML::Node node = cues["triggers"];
    if (!node) return Fail(cues, "missing key 'triggers'");
    if (!node.IsSequence()) return Fail(node, "'triggers' must be a list of groups");
    // A phrase may appear once per (direction): two groups claiming the same
    // words in the same direction would make the result depend on order.
    std::set<std::pair<int, std::string>> seen;
    for (const YAML::Node& g : node) {
      TriggerGroup group;
      std::vector<YAML::Node> origins;
      if (!TriggerGroupOf(g, &group, &origins)) return false;
      for (std::size_t i = 0; i < group.phrases.size(); ++i) {
        auto key = std::make_pair(static_cast<int>(group.direction), Normalise(group.phrases[i]));
        if (!seen.insert(key).second) {
          return Fail(origins[i], "phrase '" + key.second +
                                      "' is already a trigger in another group with the same "
                                      "direction");
        }
      }
      out->push_back(std::move(group));
    }
    return true;
  }

  bool TriggerGroupOf(const YAML::Node& g, TriggerGroup* group, std::vector<YAML::Node>* origins) {
    if (!g.IsMap()) return Fail(g, "a trigger group must be a mapping");
    static const std::set<std::string> kKeys = {"context", "direction", "window", "refutes",
                                                "phrases"};
    for (const auto& kv : g) {
      if (!kKeys.count(kv.first.as<std::string>())) {
        return Fail(kv.first,
                    "unknown key '" + kv.first.as<std::string>() + "' in a trigger group");
      }
    }
    for (const char* key : {"context", "direction", "window", "phrases"}) {
      if (!g[key]) return Fail(g, std::string("trigger group: missing key '") + key + "'");
    }
    const YAML::Node ctx = g["context"];
    if (!ctx.IsScalar() || !ParseContext(ctx.Scalar(), &group->context) ||
        group->context == Context::kAsserted || group->context == Context::kQuestion) {
      return Fail(ctx, "'context' must be one of negated, hedged, reported, hypothetical");
    }
    const YAML::Node dir = g["direction"];
    if (dir.IsScalar() && dir.Scalar() == "forward") {
      group->direction = Direction::kForward;
    } else if (dir.IsScalar() && dir.Scalar() == "backward") {
      group->direction = Direction::kBackward;
    } else {
      return Fail(dir, "'direction' must be forward or backward");
    }
    if (!Int(g["window"], &group->window) || group->window < 0) {
      return Fail(g["window"], "'window' must be a whole number of words (0 = to the clause end)");
    }
    if (const YAML::Node r = g["refutes"]) {
      if (!r.IsScalar() || (r.Scalar() != "true" && r.Scalar() != "false")) {
        return Fail(r, "'refutes' must be true or false");
      }
      group->refutes = r.Scalar() == "true";
    }
    return Phrases(g["phrases"], "phrases", &group->phrases, origins);
  }

  bool Refutation(const YAML::Node& cues, CueLists* out) {
    const YAML::Node node = cues["refutation"];
    if (!node) return Fail(cues, "missing key 'refutation'");
    if (!node.IsMap()) return Fail(node, "'refutation' must be a mapping");
    for (const auto& kv : node) {
      const std::string key = kv.first.as<std::string>();
      if (key != "max_words" && key != "phrases") {
        return Fail(kv.first, "unknown key '" + key + "' in 'refutation'");
      }
    }
    if (!node["max_words"] || !Int(node["max_words"], &out->refutation_max_words) ||
        out->refutation_max_words <= 0) {
      return Fail(node["max_words"] ? node["max_words"] : node,
                  "'refutation.max_words' must be a positive whole number");
    }
    return List(node, "phrases", &out->refutation);
  }

  // The phrase as the tokeniser sees it, tokens joined by spaces ("" when it
  // has no tokens).
  static std::string Normalise(std::string_view phrase) {
    std::string text;
    std::vector<Token> tokens;
    Tokenize(phrase, &text, &tokens);
    std::string key;
    for (const Token& t : tokens) {
      if (!key.empty()) key += ' ';
      key.append(text, t.text_begin, t.text_size);
    }
    return key;
  }

  std::string_view filename_;
  std::optional<Error> error_;
};

}  // namespace

Result<CueLists> ParseCueLists(std::string_view yaml, std::string_view filename) {
  CueReader reader(filename);
  try {
    return reader.Read(YAML::Load(std::string(yaml)));
  } catch (const YAML::Exception& e) {
    Error err;
    err.file = std::string(filename);
    if (e.mark.line >= 0) {
      err.line = e.mark.line + 1;
      err.column = e.mark.column + 1;
    }
    err.message = e.msg;
    return err;
  }
}

}  // namespace claimlint::context_internal
