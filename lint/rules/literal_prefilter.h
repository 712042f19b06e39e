// A literal prefilter for many regular expressions: which of them can match
// a text at all, from one linear scan for their required literals.
//
// RE2's FilteredRE2 reduces a pattern to an AND/OR formula over literal
// "atoms": ("boost" OR "strengthen") AND "immun". Each pattern keeps it as
// clauses, every one of which must find one of its atoms in the text. An
// Aho-Corasick automaton finds every atom in a text in one pass, and an
// inverted index from atoms to clauses tells which patterns have all their
// clauses met; only those few need their own regex run. The answer is a superset: it never drops a
// pattern that matches.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lint/base/status.h"

namespace claimlint {

class LiteralPrefilter {
 public:
  // Adds a pattern (RE2 syntax) and returns its id, counted from 0 in the
  // order added; an error message when the pattern does not compile.
  Result<int> Add(const std::string& pattern, bool case_sensitive);

  // The same in two steps, so that the costly one can run on several
  // threads: Analyze compiles a pattern and reads what it needs, in
  // conjunctive form (every clause must find one of its atoms in the text;
  // no clause: always a candidate); Add(Clauses) registers the result.
  using Clauses = std::vector<std::vector<std::string>>;
  static Result<Clauses> Analyze(const std::string& pattern, bool case_sensitive);
  int Add(Clauses clauses);

  // Builds the atom automaton. Call once, after every Add.
  void Compile();

  // Ids of the patterns that may match `text`, ascending. Patterns with no
  // usable literal (".*", "\d+") are always candidates.
  void Candidates(std::string_view text, std::vector<int>* out) const;

  int size() const { return static_cast<int>(need_.size()); }
  // Atoms scanned for, and the patterns that are always candidates.
  std::size_t atom_count() const { return atoms_.size(); }
  std::size_t unfiltered_count() const { return unfiltered_.size(); }

 private:
  // Finds the atoms in `text` (ASCII case-folded): their indices, distinct.
  void FindAtoms(std::string_view text, std::vector<int>* atoms) const;

  // The atoms, and for each the clauses that name it.
  std::unordered_map<std::string, int> atom_ids_;
  std::vector<std::string> atoms_;
  std::vector<std::vector<int>> postings_;
  std::vector<int> clause_owner_;  // strong clause -> pattern
  // Per pattern, its weak clauses (atom ids), checked only once its strong
  // clauses hold; and the patterns that have weak clauses only.
  std::vector<std::vector<std::vector<int>>> weak_;
  std::vector<int> weak_only_;
  std::vector<int> need_;        // pattern -> number of strong clauses
  std::vector<int> unfiltered_;  // patterns that are always candidates
  bool compiled_ = false;

  // The automaton: a dense transition table over byte classes (only bytes
  // that occur in some atom get their own class; ASCII letters fold).
  std::uint8_t byte_class_[256] = {};
  int classes_ = 1;
  std::vector<std::int32_t> next_;     // state * classes_ + class -> state
  std::vector<std::int32_t> atom_at_;  // atom ending at this state, or -1
  std::vector<std::int32_t> dict_;     // nearest suffix state with an atom, or -1
};

}  // namespace claimlint
