#include "lint/rules/literal_prefilter.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include <algorithm>
#include <deque>

#include "lint/base/utf8.h"

namespace claimlint {
namespace {

// Atoms shorter than this say little about a text ("a", "in") and are
// dropped from the formulas; a pattern left without one is always a candidate.
constexpr int kMinAtomLength = 3;

// Can the atom be found byte for byte in a text whose ASCII letters are
// folded to lower case? Not when it holds a non-ASCII letter that has an
// upper case ("é" in "CAFÉ"); punctuation such as a curly apostrophe is fine.
bool Findable(std::string_view atom) {
  for (std::size_t i = 0; i < atom.size();) {
    std::size_t len = 1;
    char32_t c = DecodeAt(atom, i, &len);
    if (len == 0) return false;
    i += len;
    if (c < 0x80) continue;
    bool caseless = (c >= 0xA0 && c <= 0xBF) || c == 0xD7 || c == 0xF7 ||
                    (c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F);
    if (!caseless) return false;
  }
  return !atom.empty();
}

// At most this many clauses per pattern: any subset of them is still a
// necessary condition, and a few are selective enough.
constexpr std::size_t kMaxClauses = 8;
constexpr std::size_t kMaxQuestions = 2000;

// FilteredRE2 keeps its formula private, so it is read back by asking it
// which atom sets satisfy it (it is monotone). For a seed atom: shrink the
// full set to a minimal satisfying set that keeps the seed, take the seed out
// (now failing), and grow that failing set as far as it stays failing. The
// atoms left out of it form a clause that holds the seed: a text with none of
// them fails the formula.
Result<LiteralPrefilter::Clauses> ClausesFor(const std::string& pattern, const RE2::Options& opts) {
  re2::FilteredRE2 filter(kMinAtomLength);
  int id = -1;
  if (filter.Add(pattern, opts, &id) != RE2::NoError) {
    RE2 re(pattern, opts);  // FilteredRE2 keeps no message: compile again for it
    return Error{"", 0, 0, re.error()};
  }
  std::vector<std::string> atoms;
  filter.Compile(&atoms);
  LiteralPrefilter::Clauses out;
  std::vector<int> passed;
  filter.AllPotentials({}, &passed);
  if (!passed.empty() || atoms.empty()) return out;  // matches without any atom

  const std::size_t n = atoms.size();
  // Reading the formula back costs about 2n questions per clause; a pattern
  // with very many atoms (a long word list) stops early with what it has.
  std::size_t questions = 0;
  auto satisfied = [&](const std::vector<char>& in) {
    ++questions;
    std::vector<int> present;
    for (std::size_t i = 0; i < n; ++i) {
      if (in[i]) present.push_back(static_cast<int>(i));
    }
    filter.AllPotentials(present, &passed);
    return !passed.empty();
  };
  std::vector<char> covered(n, 0);
  for (std::size_t seed = 0; seed < n && out.size() < kMaxClauses && questions < kMaxQuestions;
       ++seed) {
    if (covered[seed]) continue;
    std::vector<char> in(n, 1);
    for (std::size_t i = 0; i < n; ++i) {
      if (i == seed) continue;
      in[i] = 0;
      if (!satisfied(in)) in[i] = 1;
    }
    in[seed] = 0;
    if (satisfied(in)) continue;  // the seed is not needed where it appears
    std::vector<char> minimal = in;
    for (std::size_t i = 0; i < n; ++i) {
      if (i == seed || minimal[i]) continue;
      in[i] = 1;
      if (satisfied(in)) in[i] = 0;
    }
    std::vector<std::string> clause;
    bool always = false;
    for (std::size_t i = 0; i < n; ++i) {
      if (in[i]) continue;
      covered[i] = 1;
      clause.push_back(atoms[i]);
      // An atom that cannot be found reliably counts as present everywhere,
      // which makes its clause true for every text: drop the clause.
      if (!Findable(atoms[i])) always = true;
    }
    if (!always) out.push_back(std::move(clause));
  }
  // None read back in time: any one atom is still needed.
  if (out.empty() && questions >= kMaxQuestions &&
      std::all_of(atoms.begin(), atoms.end(), [](const std::string& a) { return Findable(a); })) {
    out.push_back(atoms);
  }
  return out;
}

}  // namespace

Result<LiteralPrefilter::Clauses> LiteralPrefilter::Analyze(const std::string& pattern,
                                                            bool case_sensitive) {
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_case_sensitive(case_sensitive);
  return ClausesFor(pattern, opts);
}

Result<int> LiteralPrefilter::Add(const std::string& pattern, bool case_sensitive) {
  Result<Clauses> found = Analyze(pattern, case_sensitive);
  if (!found.ok()) return found.error();
  return Add(std::move(found.value()));
}

int LiteralPrefilter::Add(Clauses clauses) {
  const int id = static_cast<int>(need_.size());
  if (clauses.empty()) {
    need_.push_back(0);
    weak_.emplace_back();
    unfiltered_.push_back(id);
    return id;
  }
  // A clause that a three-letter atom ("the", "ing", "you") satisfies holds
  // in most sentences: it would cost a lookup per sentence and filter little.
  // Such weak clauses are only checked for patterns whose other clauses hold.
  int strong = 0;
  std::vector<std::vector<int>> weak;
  for (std::vector<std::string>& clause : clauses) {
    std::sort(clause.begin(), clause.end());
    clause.erase(std::unique(clause.begin(), clause.end()), clause.end());
    bool is_weak = std::any_of(clause.begin(), clause.end(),
                               [](const std::string& a) { return a.size() <= 3; });
    const int clause_id = static_cast<int>(clause_owner_.size());
    if (!is_weak) {
      clause_owner_.push_back(id);
      ++strong;
    }
    std::vector<int> ids;
    for (const std::string& a : clause) {
      auto [it, inserted] = atom_ids_.emplace(a, static_cast<int>(atoms_.size()));
      if (inserted) {
        atoms_.push_back(a);
        postings_.emplace_back();
      }
      if (is_weak) {
        ids.push_back(it->second);
      } else {
        postings_[static_cast<std::size_t>(it->second)].push_back(clause_id);
      }
    }
    if (is_weak) weak.push_back(std::move(ids));
  }
  need_.push_back(strong);
  weak_.push_back(std::move(weak));
  if (strong == 0) weak_only_.push_back(id);
  return id;
}

void LiteralPrefilter::Compile() {
  compiled_ = true;
  // Byte classes: one per byte that occurs in an atom, shared by the upper
  // case of a letter, since atoms are lower case and texts are not. Class 0
  // is "any other byte".
  classes_ = 1;
  for (const std::string& a : atoms_) {
    for (char ch : a) {
      auto c = static_cast<unsigned char>(ch);
      if (byte_class_[c] != 0) continue;
      byte_class_[c] = static_cast<std::uint8_t>(classes_);
      if (c >= 'a' && c <= 'z') byte_class_[c - ('a' - 'A')] = static_cast<std::uint8_t>(classes_);
      ++classes_;
    }
  }
  const auto classes = static_cast<std::size_t>(classes_);

  // The trie.
  next_.assign(classes, -1);
  atom_at_.assign(1, -1);
  for (std::size_t i = 0; i < atoms_.size(); ++i) {
    std::int32_t s = 0;
    for (char ch : atoms_[i]) {
      std::size_t slot =
          static_cast<std::size_t>(s) * classes + byte_class_[static_cast<unsigned char>(ch)];
      if (next_[slot] < 0) {
        next_[slot] = static_cast<std::int32_t>(atom_at_.size());
        atom_at_.push_back(-1);
        next_.resize(next_.size() + classes, -1);
      }
      s = next_[slot];
    }
    atom_at_[static_cast<std::size_t>(s)] = static_cast<std::int32_t>(i);
  }

  // Failure links by breadth-first search, folded into a complete
  // transition table; dict_ chains the states whose suffixes end an atom.
  std::vector<std::int32_t> fail(atom_at_.size(), 0);
  dict_.assign(atom_at_.size(), -1);
  std::deque<std::int32_t> queue;
  for (std::size_t k = 0; k < classes; ++k) {
    if (next_[k] < 0) {
      next_[k] = 0;
    } else {
      queue.push_back(next_[k]);
    }
  }
  while (!queue.empty()) {
    auto s = static_cast<std::size_t>(queue.front());
    queue.pop_front();
    for (std::size_t k = 0; k < classes; ++k) {
      std::int32_t via_fail = next_[static_cast<std::size_t>(fail[s]) * classes + k];
      std::int32_t t = next_[s * classes + k];
      if (t < 0) {
        next_[s * classes + k] = via_fail;
        continue;
      }
      fail[static_cast<std::size_t>(t)] = via_fail;
      dict_[static_cast<std::size_t>(t)] = atom_at_[static_cast<std::size_t>(via_fail)] >= 0
                                               ? via_fail
                                               : dict_[static_cast<std::size_t>(via_fail)];
      queue.push_back(t);
    }
  }
}

void LiteralPrefilter::FindAtoms(std::string_view text, std::vector<int>* atoms) const {
  atoms->clear();
  if (atoms_.empty()) return;
  // A state's atoms (its own and down its dict_ chain) are reported once per
  // text: a stamp marks the states already reported, and since a chain never
  // changes, meeting a marked state ends the walk.
  thread_local std::vector<std::uint32_t> reported;
  thread_local std::uint32_t stamp = 0;
  if (reported.size() < atom_at_.size()) reported.assign(atom_at_.size(), 0);
  if (++stamp == 0) {
    std::fill(reported.begin(), reported.end(), 0);
    stamp = 1;
  }
  const std::int32_t* atom_at = atom_at_.data();
  const std::int32_t* dict = dict_.data();
  const auto classes = static_cast<std::size_t>(classes_);
  std::size_t s = 0;
  const std::int32_t* next = next_.data();
  for (char ch : text) {
    s = static_cast<std::size_t>(next[s * classes + byte_class_[static_cast<unsigned char>(ch)]]);
    std::int32_t t = atom_at[s] >= 0 ? static_cast<std::int32_t>(s) : dict[s];
    while (t >= 0 && reported[static_cast<std::size_t>(t)] != stamp) {
      reported[static_cast<std::size_t>(t)] = stamp;
      atoms->push_back(atom_at[t]);
      t = dict[t];
    }
  }
}

void LiteralPrefilter::Candidates(std::string_view text, std::vector<int>* out) const {
  out->clear();
  if (!compiled_) {  // no automaton yet: everything is a candidate
    for (int i = 0; i < size(); ++i) out->push_back(i);
    return;
  }
  out->assign(unfiltered_.begin(), unfiltered_.end());
  thread_local std::vector<int> atoms;
  thread_local std::vector<char> clause_met;
  thread_local std::vector<int> count, touched_clauses, touched;
  thread_local std::vector<std::uint32_t> atom_seen;
  thread_local std::uint32_t stamp = 0;
  FindAtoms(text, &atoms);
  if (atoms.empty()) return;
  if (count.size() < need_.size()) count.assign(need_.size(), 0);
  if (clause_met.size() < clause_owner_.size()) clause_met.assign(clause_owner_.size(), 0);
  if (atom_seen.size() < atoms_.size()) atom_seen.assign(atoms_.size(), 0);
  if (++stamp == 0) {
    std::fill(atom_seen.begin(), atom_seen.end(), 0);
    stamp = 1;
  }
  auto weak_met = [&](int p) {
    for (const std::vector<int>& clause : weak_[static_cast<std::size_t>(p)]) {
      bool met = std::any_of(clause.begin(), clause.end(), [&](int a) {
        return atom_seen[static_cast<std::size_t>(a)] == stamp;
      });
      if (!met) return false;
    }
    return true;
  };
  touched.clear();
  touched_clauses.clear();
  for (int a : atoms) {
    atom_seen[static_cast<std::size_t>(a)] = stamp;
    for (int c : postings_[static_cast<std::size_t>(a)]) {
      if (clause_met[static_cast<std::size_t>(c)]) continue;
      clause_met[static_cast<std::size_t>(c)] = 1;
      touched_clauses.push_back(c);
      int p = clause_owner_[static_cast<std::size_t>(c)];
      if (count[static_cast<std::size_t>(p)]++ == 0) touched.push_back(p);
    }
  }
  for (int c : touched_clauses) clause_met[static_cast<std::size_t>(c)] = 0;
  for (int p : touched) {
    auto& n = count[static_cast<std::size_t>(p)];
    if (n >= need_[static_cast<std::size_t>(p)] && weak_met(p)) out->push_back(p);
    n = 0;
  }
  for (int p : weak_only_) {
    if (weak_met(p)) out->push_back(p);
  }
  std::sort(out->begin(), out->end());
}

}  // namespace claimlint
