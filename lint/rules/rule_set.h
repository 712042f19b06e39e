// Compiled rules: every pattern compiled with RE2 on the rule's first use, and
// a literal prefilter over the pattern rules that tells, in one pass over a
// sentence, which few patterns can match it.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lint/base/status.h"
#include "lint/rules/rule.h"

namespace re2 {
class RE2;
}

namespace claimlint {

class ShapeMatcher;

struct RuleMatch {
  int rule = -1;                   // index into RuleSet::rules()
  std::size_t begin = 0, end = 0;  // byte range in the matched text
  // Shape matches only (shape_matcher.h): a serious condition inside the
  // match, the strongest predicate's strength (1-3), and whether that
  // predicate is a finite "-s" verb.
  bool serious = false;
  int strength = 0;
  bool finite_predicate = false;
  // Set by the claim check for a lead-in's claim on a list item: the
  // lead-in's context + 1 (0: an ordinary match).
  int lead_in_context = 0;
};

using PatternList = std::vector<std::unique_ptr<re2::RE2>>;

struct CompiledRule {
  PatternList patterns, exceptions, unless, topic, narrow, requires_;
};

class RuleSet {
 public:
  // Compiles every rule; a bad pattern or a duplicate id is an Error located
  // at the rule.
  static Result<std::shared_ptr<const RuleSet>> Build(std::vector<Rule> rules);
  ~RuleSet();

  const std::vector<Rule>& rules() const { return rules_; }
  // The rule's compiled patterns. Compiled on first use (thread-safe), so a
  // run pays only for the rules its files can hit.
  const CompiledRule& compiled(int i) const;
  // Index of the rule with this id, or -1.
  int Find(std::string_view id) const;
  // Indices of the rules bound to `check`, in load order.
  const std::vector<int>& BoundTo(std::string_view check) const;

  // Every match of every pattern rule (rules with `patterns` or `shapes`) in
  // `text`: leftmost, non-overlapping per rule, at word boundaries unless the
  // rule says otherwise, minus exception hits. Sorted by begin, rule.
  void MatchText(std::string_view text, std::vector<RuleMatch>* out) const;

  // True when `text` names a serious condition (a lexicon class marked
  // serious: cancer, diabetes, heart disease, ...).
  bool MentionsSerious(std::string_view text) const;

  // The lists a disclosure rule looks for in a whole article. One literal
  // scan of a text (ListCandidates) marks the list patterns that can match it;
  // a list with no marked pattern cannot match, and its regexes need not run.
  enum class List { kTopic, kRequires, kNarrow };
  void ListCandidates(std::string_view text, std::vector<char>* may) const;
  bool ListMayMatch(const std::vector<char>& may, int rule, List list) const;

  // First match of any pattern of `list` in `text`, at word boundaries when
  // `word_boundary`. Returns false when none.
  static bool FindFirst(const PatternList& list, std::string_view text, bool word_boundary,
                        std::size_t* begin, std::size_t* end);

 private:
  RuleSet() = default;
  void MatchShapes(std::string_view text, std::vector<RuleMatch>* out) const;
  struct Prefilter;
  struct Lazy;
  std::vector<Rule> rules_;
  std::vector<std::unique_ptr<Lazy>> compiled_;
  std::unique_ptr<Prefilter> prefilter_;
  std::unique_ptr<const ShapeMatcher> shapes_;  // null when no rule has shapes
  std::map<std::string, std::vector<int>, std::less<>> by_check_;
};

}  // namespace claimlint
