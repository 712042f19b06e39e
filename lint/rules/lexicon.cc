#include "lint/rules/lexicon.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "lint/data/builtin_files.h"

namespace claimlint {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

std::vector<std::string> VerbForms(const std::string& w) {
  bool es = EndsWith(w, "s") || EndsWith(w, "x") || EndsWith(w, "z") || EndsWith(w, "ch") ||
            EndsWith(w, "sh") || EndsWith(w, "o");
  std::string third = w + (es ? "es" : "s");
  std::string past = w + (EndsWith(w, "e") ? "d" : "ed");
  std::string ing;
  if (EndsWith(w, "ee") || EndsWith(w, "ye") || EndsWith(w, "oe")) {
    ing = w + "ing";
  } else if (EndsWith(w, "e")) {
    ing = w.substr(0, w.size() - 1) + "ing";
  } else {
    ing = w + "ing";
  }
  return {third, past, ing};
}

std::string NounPlural(const std::string& w) {
  if (EndsWith(w, "s") || EndsWith(w, "x") || EndsWith(w, "z") || EndsWith(w, "ch") ||
      EndsWith(w, "sh")) {
    return w + "es";
  }
  if (w.size() > 1 && w.back() == 'y' && !IsVowel(w[w.size() - 2])) {
    return w.substr(0, w.size() - 1) + "ies";
  }
  return w + "s";
}

Error At(const std::string& file, const YAML::Node& node, std::string message) {
  Error e{file, 0, 0, std::move(message)};
  if (node.IsDefined() && node.Mark().line >= 0) {
    e.line = node.Mark().line + 1;
    e.column = node.Mark().column + 1;
  }
  return e;
}

Status ReadClass(const std::string& file, const std::string& name, const YAML::Node& body,
                 LexiconClass* c) {
  if (!body.IsMap()) return At(file, body, "class '" + name + "' must be a mapping");
  c->name = name;
  c->file = file;
  c->pos = "phrase";
  for (const auto& kv : body) {
    std::string key = kv.first.as<std::string>("");
    if (key == "description") {
      if (!kv.second.IsScalar()) return At(file, kv.second, "'description' must be a string");
      c->description = kv.second.Scalar();
    } else if (key == "pos") {
      std::string pos = kv.second.IsScalar() ? kv.second.Scalar() : "";
      if (pos != "verb" && pos != "noun" && pos != "adj" && pos != "phrase") {
        return At(file, kv.second, "'pos' must be verb, noun, adj or phrase");
      }
      c->pos = pos;
    } else if (key == "attributes") {
      if (!kv.second.IsMap()) return At(file, kv.second, "'attributes' must be a mapping");
      for (const auto& a : kv.second) {
        if (!a.second.IsScalar()) return At(file, a.second, "attribute values must be scalars");
        c->attributes[a.first.as<std::string>("")] = a.second.Scalar();
      }
    } else if (key != "terms") {
      return At(file, kv.first, "unknown key '" + key + "' in class '" + name + "'");
    }
  }
  const YAML::Node terms = body["terms"];
  if (!terms || !terms.IsSequence() || terms.size() == 0) {
    return At(file, body, "class '" + name + "' needs a non-empty list of terms");
  }
  std::set<std::string> forms;
  for (const auto& item : terms) {
    std::vector<std::string> entry;
    if (item.IsScalar()) {
      for (std::string& f : InflectTerm(NormalizeLexiconText(item.Scalar()), c->pos)) {
        entry.push_back(std::move(f));
      }
    } else if (item.IsSequence() && item.size() > 0) {
      for (const auto& f : item) {
        if (!f.IsScalar()) return At(file, f, "a term's forms must be strings");
        entry.push_back(NormalizeLexiconText(f.Scalar()));
      }
    } else {
      return At(file, item, "a term is a string or a list of its forms");
    }
    for (const std::string& f : entry) {
      if (f.empty()) return At(file, item, "empty term");
      forms.insert(f);
    }
    c->entries.push_back(std::move(entry));
  }
  c->forms.assign(forms.begin(), forms.end());
  return {};
}

}  // namespace

bool LexiconClass::serious() const {
  auto it = attributes.find("serious");
  return it != attributes.end() && it->second == "true";
}

int LexiconClass::strength() const {
  auto it = attributes.find("strength");
  return it == attributes.end() ? 0 : std::atoi(it->second.c_str());
}

std::string NormalizeLexiconText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    // U+2018 and U+2019 (curly apostrophes) are E2 80 98/99.
    if (static_cast<unsigned char>(c) == 0xE2 && i + 2 < text.size() &&
        static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(text[i + 2]) == 0x98 ||
         static_cast<unsigned char>(text[i + 2]) == 0x99)) {
      c = '\'';
      i += 2;
    }
    if (c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::vector<std::string> InflectTerm(std::string_view term, std::string_view pos) {
  std::string t(term);
  std::vector<std::string> out = {t};
  if (pos == "verb") {
    std::size_t sp = t.find(' ');
    std::string first = t.substr(0, sp), rest = sp == std::string::npos ? "" : t.substr(sp);
    for (const std::string& f : VerbForms(first)) out.push_back(f + rest);
  } else if (pos == "noun") {
    std::size_t sp = t.rfind(' ');
    std::string head = sp == std::string::npos ? "" : t.substr(0, sp + 1);
    std::string last = sp == std::string::npos ? t : t.substr(sp + 1);
    out.push_back(head + NounPlural(last));
  }
  return out;
}

Result<std::shared_ptr<const Lexicon>> Lexicon::Load(
    const std::vector<std::pair<std::string, std::string>>& files) {
  auto lex = std::make_shared<Lexicon>();
  std::map<std::string, std::string> seen;  // class -> file
  for (const auto& [file, text] : files) {
    YAML::Node root;
    try {
      root = YAML::Load(text);
    } catch (const YAML::Exception& ex) {
      return Error{file, ex.mark.line >= 0 ? ex.mark.line + 1 : 0,
                   ex.mark.column >= 0 ? ex.mark.column + 1 : 0, "invalid YAML: " + ex.msg};
    }
    if (!root.IsMap() || !root["classes"] || !root["classes"].IsMap()) {
      return At(file, root, "a lexicon is a mapping with 'lexicon', 'sources' and 'classes'");
    }
    if (!root["sources"] || !root["sources"].IsSequence() || root["sources"].size() == 0) {
      return At(file, root, "a lexicon must cite its 'sources'");
    }
    for (const auto& kv : root["classes"]) {
      std::string name = kv.first.as<std::string>("");
      if (auto it = seen.find(name); it != seen.end()) {
        return At(file, kv.first, "class '" + name + "' is already defined in " + it->second);
      }
      seen[name] = file;
      LexiconClass c;
      if (Status st = ReadClass(file, name, kv.second, &c); !st.ok()) return st.error();
      lex->classes_.push_back(std::move(c));
    }
  }
  std::sort(lex->classes_.begin(), lex->classes_.end(),
            [](const LexiconClass& a, const LexiconClass& b) { return a.name < b.name; });
  return std::shared_ptr<const Lexicon>(std::move(lex));
}

std::shared_ptr<const Lexicon> Lexicon::Builtin() {
  // The lexicons are part of the binary and covered by the unit tests, so a
  // failure here is a build defect: say so and stop.
  static const std::shared_ptr<const Lexicon> builtin = [] {
    std::vector<std::pair<std::string, std::string>> files;
    for (const BuiltinFile& f : BuiltinFiles()) {
      if (f.name.rfind("lexicons/", 0) == 0) {
        files.emplace_back("rules/" + std::string(f.name), std::string(f.text));
      }
    }
    auto loaded = Load(files);
    if (!loaded.ok()) {
      std::fprintf(stderr, "claimlint: built-in lexicon: %s\n", loaded.error().ToString().c_str());
      std::abort();
    }
    return loaded.value();
  }();
  return builtin;
}

const LexiconClass* Lexicon::Find(std::string_view name) const {
  auto it = std::lower_bound(classes_.begin(), classes_.end(), name,
                             [](const LexiconClass& c, std::string_view n) { return c.name < n; });
  return it != classes_.end() && it->name == name ? &*it : nullptr;
}

std::vector<const LexiconClass*> Lexicon::Matching(std::string_view reference) const {
  std::vector<const LexiconClass*> out;
  for (const LexiconClass& c : classes_) {
    if (c.name == reference ||
        (c.name.size() > reference.size() && c.name.compare(0, reference.size(), reference) == 0 &&
         c.name[reference.size()] == '.')) {
      out.push_back(&c);
    }
  }
  return out;
}

}  // namespace claimlint
