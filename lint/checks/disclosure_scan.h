// Scanning an article for a disclosure rule's pattern lists (topic, narrow,
// requires): every match, fast, over the texts a reader sees. Shared by the
// disclosure checks (disclosures.cc, advice.cc).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/checks/check.h"
#include "lint/rules/rule_set.h"

namespace claimlint::disclosure_internal {

using Span = std::pair<std::size_t, std::size_t>;

// Every match of a pattern list in `text`, leftmost first, not overlapping.
std::vector<Span> FindAll(const std::vector<std::string>& patterns, const PatternList& list,
                          bool case_sensitive, bool word_boundary, std::string_view text);

// Whether any pattern of the list matches `text`.
bool AnyMatch(const std::vector<std::string>& patterns, const PatternList& list, const Rule& rule,
              std::string_view text);

bool Overlaps(const std::vector<Span>& spans, std::size_t b, std::size_t e);

// The texts of one document that every rule scans, built once.
struct DocTexts {
  // Every block's text, then link destinations and the title, separated so
  // that a pattern rarely runs from one into the next: one scan per pattern
  // tells whether a topic or a disclosure occurs at all.
  std::string joined;
  // The source as a reader can see it (raw HTML, front matter): HTML
  // comments, where suppressions and notes to editors live, are blanked.
  std::string visible;
  // `visible` with the blocks blanked too: what only raw HTML, components
  // and front matter show.
  std::string raw;
  // For each block, its sentences: [first, last) indices into in.sentences.
  std::vector<std::pair<std::size_t, std::size_t>> block_sentences;
  // The rules' list patterns that can match `joined` / `visible` / each
  // block's text at all.
  std::vector<char> may_joined, may_visible;
  std::vector<std::vector<char>> may_block;
};

DocTexts MakeDocTexts(const CheckInput& in);

// Whether any pattern of the list matches the article anywhere (blocks, link
// destinations, the title, raw HTML, front matter).
bool MatchesAnywhere(const CheckInput& in, int rule_index, RuleSet::List which, const DocTexts& t);

}  // namespace claimlint::disclosure_internal
