// Lexicons: word lists by class that rules share (rules/lexicons/, format in
// rules/lexicons/README.md). A rule names classes ("@predicate.cure"), not
// phrases, so a synonym added to a class helps every rule that uses it.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lint/base/status.h"

namespace claimlint {

struct LexiconClass {
  std::string name;         // "predicate.cure"
  std::string file;         // "lexicons/predicates.yaml"
  std::string description;
  std::string pos;          // verb | noun | adj | phrase
  std::map<std::string, std::string> attributes;  // scalars as written ("3", "true")
  // Every surface form, normalized (NormalizeLexiconText): inflections of
  // plain terms generated, list items as written. Sorted, distinct.
  std::vector<std::string> forms;
  // The entries as written, each the list of its forms (for docs and tests).
  std::vector<std::vector<std::string>> entries;

  bool serious() const;   // attributes: {serious: true}
  int strength() const;   // attributes: {strength: N}, 0 when absent
};

class Lexicon {
 public:
  // Reads lexicon files (name, YAML text); errors at file:line:col.
  static Result<std::shared_ptr<const Lexicon>> Load(
      const std::vector<std::pair<std::string, std::string>>& files);
  // The lexicons built into the binary (rules/lexicons/*.yaml).
  static std::shared_ptr<const Lexicon> Builtin();

  const std::vector<LexiconClass>& classes() const { return classes_; }
  const LexiconClass* Find(std::string_view name) const;
  // The classes a reference names: "predicate" matches "predicate" and every
  // "predicate.*" class. Empty when none.
  std::vector<const LexiconClass*> Matching(std::string_view reference) const;

 private:
  std::vector<LexiconClass> classes_;
};

// The matcher's view of text: ASCII lower case, curly apostrophes straight,
// hyphens as spaces, runs of spaces as one.
std::string NormalizeLexiconText(std::string_view text);

// The forms a plain term stands for (the README's inflection rules): a verb
// gets -s/-es, -ed/-d and -ing on its first word; a noun the plural of its
// last word; adj and phrase are taken as written.
std::vector<std::string> InflectTerm(std::string_view term, std::string_view pos);

}  // namespace claimlint
