#include "lint/checks/disclosure_scan.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>

namespace claimlint::disclosure_internal {
namespace {

bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         c >= 0x80;
}

// One RE2 for a whole pattern list, (?:p1)|(?:p2)|..., without the word
// boundary test: a necessary condition for any pattern of the list to match,
// found in one scan instead of one per pattern. Each distinct list is
// compiled once and kept for the life of the process (lists come from rule
// packs, so there are few); the cache is keyed by the patterns themselves,
// so it cannot go stale. Null when the list cannot be combined.
const RE2* AnyOf(const std::vector<std::string>& patterns, bool case_sensitive) {
  static std::shared_mutex mu;
  static std::map<std::string, std::unique_ptr<RE2>>* cache =
      new std::map<std::string, std::unique_ptr<RE2>>();
  std::string key(1, case_sensitive ? 'C' : 'c');
  for (const std::string& p : patterns) {
    key += p;
    key += '\x1f';
  }
  {
    std::shared_lock lock(mu);
    auto it = cache->find(key);
    if (it != cache->end()) return it->second.get();
  }
  std::string combined;
  for (const std::string& p : patterns) {
    if (!combined.empty()) combined += '|';
    combined += "(?:" + p + ")";
  }
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_case_sensitive(case_sensitive);
  opts.set_max_mem(64 << 20);
  auto re = std::make_unique<RE2>(combined, opts);
  if (!re->ok()) re.reset();
  std::unique_lock lock(mu);
  auto& slot = (*cache)[key];
  if (!slot && re) slot = std::move(re);
  return slot.get();
}

// Calls visit(begin, end) for every match of a pattern list in `text`,
// leftmost first and not overlapping, until visit returns false. The combined
// pattern finds each candidate start in one scan; the rule's own patterns
// then run (RuleSet::FindFirst) on a short window from there, which applies
// the word-boundary test. The start-of-word test is redone against the full
// text, since the window starts mid-text.
template <typename Visit>
void ScanMatches(const std::vector<std::string>& patterns, const PatternList& list,
                 bool case_sensitive, bool word_boundary, std::string_view text, Visit visit) {
  if (list.empty()) return;
  const RE2* any = AnyOf(patterns, case_sensitive);
  // The window: the candidate's own length and room for a longer alternative.
  constexpr std::size_t kSlack = 256;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece m;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t start = pos;
    if (any) {
      if (!any->Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) return;
      start = static_cast<std::size_t>(m.data() - text.data());
    }
    std::string_view window = any ? text.substr(start, m.size() + kSlack) : text.substr(start);
    std::size_t b = 0, e = 0;
    if (!RuleSet::FindFirst(list, window, word_boundary, &b, &e)) {
      if (!any) return;
      b = e = window.size() + 1;  // no match here: try the next candidate
    }
    bool here = any ? b == 0 : true;
    b += start;
    e += start;
    bool joins_word =
        word_boundary && b > 0 && b < text.size() && IsWordByte(text[b]) && IsWordByte(text[b - 1]);
    if (here && !joins_word && e > b && e <= text.size()) {
      if (!visit(b, e)) return;
      pos = e;
      continue;
    }
    pos = (any ? start : b) + 1;
    while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
  }
}

}  // namespace

std::vector<Span> FindAll(const std::vector<std::string>& patterns, const PatternList& list,
                          bool case_sensitive, bool word_boundary, std::string_view text) {
  std::vector<Span> out;
  ScanMatches(patterns, list, case_sensitive, word_boundary, text,
              [&](std::size_t b, std::size_t e) {
                out.push_back({b, e});
                return true;
              });
  return out;
}

bool AnyMatch(const std::vector<std::string>& patterns, const PatternList& list, const Rule& rule,
              std::string_view text) {
  bool found = false;
  ScanMatches(patterns, list, rule.case_sensitive, rule.word_boundary, text,
              [&](std::size_t, std::size_t) {
                found = true;
                return false;
              });
  return found;
}

bool Overlaps(const std::vector<Span>& spans, std::size_t b, std::size_t e) {
  return std::any_of(spans.begin(), spans.end(),
                     [&](const Span& s) { return s.first < e && b < s.second; });
}

DocTexts MakeDocTexts(const CheckInput& in) {
  const Document& doc = in.doc;
  DocTexts t;
  for (const Block& block : doc.blocks) {
    t.joined += block.text;
    t.joined += "\n\x1f\n";
  }
  for (const Link& link : doc.links) {
    t.joined += link.destination;
    t.joined += "\n\x1f\n";
  }
  t.joined += doc.front_matter.title;
  t.visible = doc.text;
  for (const HtmlComment& c : doc.comments) {
    std::size_t end = std::min(c.src_end, t.visible.size());
    for (std::size_t i = c.src_begin; i < end; ++i) {
      if (t.visible[i] != '\n' && t.visible[i] != '\r') t.visible[i] = ' ';
    }
  }
  t.raw = t.visible;
  for (const Block& block : doc.blocks) {
    std::size_t end = std::min(block.src_end, t.raw.size());
    for (std::size_t i = block.src_begin; i < end; ++i) {
      if (t.raw[i] != '\n' && t.raw[i] != '\r') t.raw[i] = ' ';
    }
  }
  // One literal scan per block gives the blocks' candidates; the joined text
  // adds link destinations and the title.
  t.may_block.resize(doc.blocks.size());
  for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
    in.rules.ListCandidates(doc.blocks[b].text, &t.may_block[b]);
    if (b == 0) {
      t.may_joined = t.may_block[b];
    } else {
      for (std::size_t k = 0; k < t.may_joined.size(); ++k) t.may_joined[k] |= t.may_block[b][k];
    }
  }
  for (const Link& link : doc.links) in.rules.ListCandidates(link.destination, &t.may_joined);
  in.rules.ListCandidates(doc.front_matter.title, &t.may_joined);
  in.rules.ListCandidates(t.visible, &t.may_visible);
  t.block_sentences.assign(doc.blocks.size(), {0, 0});
  for (std::size_t i = 0; i < in.sentences.size(); ++i) {
    auto& range = t.block_sentences[in.sentences[i].block];
    if (range.first == range.second) range.first = i;
    range.second = i + 1;
  }
  return t;
}

// Whether any pattern of the list matches the article anywhere.
bool MatchesAnywhere(const CheckInput& in, int rule_index, RuleSet::List which, const DocTexts& t) {
  const Rule& rule = in.rules.rules()[rule_index];
  const CompiledRule& c = in.rules.compiled(rule_index);
  const auto& patterns = which == RuleSet::List::kRequires ? rule.requires_ : rule.narrow;
  const auto& list = which == RuleSet::List::kRequires ? c.requires_ : c.narrow;
  if (list.empty()) return false;
  return (in.rules.ListMayMatch(t.may_joined, rule_index, which) &&
          AnyMatch(patterns, list, rule, t.joined)) ||
         (in.rules.ListMayMatch(t.may_visible, rule_index, which) &&
          AnyMatch(patterns, list, rule, t.visible));
}

}  // namespace claimlint::disclosure_internal
