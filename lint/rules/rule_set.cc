#include "lint/rules/rule_set.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <mutex>

#include "lint/base/utf8.h"
#include <unordered_map>

namespace claimlint {
namespace {

// Is the code point a letter or digit for word-boundary purposes? ASCII
// letters, digits and '_'; beyond ASCII everything but punctuation, symbols
// and spaces (curly quotes, dashes, no-break space, U+FFFC for code spans).
bool IsWordCodePoint(char32_t c) {
  if (c < 0x80) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }
  if (c <= 0xBF || c == 0xD7 || c == 0xF7) return false;  // Latin-1 punctuation, x, ÷
  if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, symbols, arrows
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
  if (c >= 0xFE30 && c <= 0xFE6F) return false;
  if (c >= 0xFF00 && c <= 0xFF0F) return false;
  if (c >= 0xFFF0 && c <= 0xFFFF) return false;  // specials (U+FFFC, U+FFFD)
  return true;
}

// The code point that ends just before `i` / starts at `i`.
char32_t CodePointBefore(std::string_view text, std::size_t i) {
  std::size_t b = i - 1;
  while (b > 0 && IsContinuationByte(static_cast<unsigned char>(text[b]))) --b;
  std::size_t len;
  return DecodeAt(text, b, &len);
}

char32_t CodePointAt(std::string_view text, std::size_t i) {
  std::size_t len;
  return DecodeAt(text, i, &len);
}

// Word-boundary test for a match [b, e): where the match starts (ends) with a
// word character, the text must not continue the word.
bool AtBoundaries(std::string_view text, std::size_t b, std::size_t e) {
  if (e <= b) return false;
  if (b > 0 && IsWordCodePoint(CodePointAt(text, b)) && IsWordCodePoint(CodePointBefore(text, b))) {
    return false;
  }
  if (e < text.size() && IsWordCodePoint(CodePointBefore(text, e)) &&
      IsWordCodePoint(CodePointAt(text, e))) {
    return false;
  }
  return true;
}

// Leftmost-longest: "child|children" finds "children", so the word-boundary
// check does not depend on the order of alternatives.
std::unique_ptr<RE2> Compile(const std::string& pattern, bool case_sensitive) {
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_case_sensitive(case_sensitive);
  opts.set_longest_match(true);
  return std::make_unique<RE2>(pattern, opts);
}

// Appends every match of `re` in `text` (non-overlapping, leftmost).
void AllMatches(const RE2& re, std::string_view text, bool word_boundary,
                std::vector<std::pair<std::size_t, std::size_t>>* out) {
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece m;
  std::size_t pos = 0;
  while (pos <= text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
    std::size_t b = static_cast<std::size_t>(m.data() - text.data());
    std::size_t e = b + m.size();
    if (e == b) {
      pos = b + 1;
      continue;
    }
    if (!word_boundary || AtBoundaries(text, b, e)) {
      out->push_back({b, e});
      pos = e;
    } else {
      // Try again from the next character.
      pos = b + 1;
      while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
    }
  }
}

}  // namespace

struct RuleSet::Prefilter {
  // One set per case mode; each set pattern maps back to its rule.
  std::unique_ptr<RE2::Set> sets[2];
  std::vector<int> owner[2];
};

struct RuleSet::Lazy {
  std::once_flag once;
  CompiledRule rule;
};

RuleSet::~RuleSet() = default;

const CompiledRule& RuleSet::compiled(int i) const {
  Lazy& lazy = *compiled_[i];
  std::call_once(lazy.once, [&] {
    const Rule& r = rules_[i];
    for (auto [src, dst] : {std::pair{&r.patterns, &lazy.rule.patterns},
                            std::pair{&r.exceptions, &lazy.rule.exceptions},
                            std::pair{&r.topic, &lazy.rule.topic},
                            std::pair{&r.narrow, &lazy.rule.narrow},
                            std::pair{&r.requires_, &lazy.rule.requires_}}) {
      for (const std::string& p : *src) dst->push_back(Compile(p, r.case_sensitive));
    }
  });
  return lazy.rule;
}

Result<std::shared_ptr<const RuleSet>> RuleSet::Build(std::vector<Rule> rules) {
  std::shared_ptr<RuleSet> rs(new RuleSet());
  std::unordered_map<std::string, int> seen;
  auto prefilter = std::make_unique<Prefilter>();
  for (int cs = 0; cs < 2; ++cs) {
    RE2::Options opts;
    opts.set_log_errors(false);
    opts.set_case_sensitive(cs == 1);
    // Hundreds of patterns in one automaton: give its DFA cache room.
    opts.set_max_mem(64 << 20);
    prefilter->sets[cs] = std::make_unique<RE2::Set>(opts, RE2::UNANCHORED);
  }
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const Rule& r = rules[i];
    auto [it, inserted] = seen.emplace(r.id, static_cast<int>(i));
    if (!inserted) {
      const Rule& first = rules[it->second];
      return Error{r.loc.file, r.loc.line, r.loc.column,
                   "duplicate rule id '" + r.id + "' (first defined at " + first.loc.file + ":" +
                       std::to_string(first.loc.line) + ")"};
    }
    if (r.topic.empty() && r.check.empty()) {
      int cs = r.case_sensitive ? 1 : 0;
      for (const std::string& p : r.patterns) {
        std::string err;
        if (prefilter->sets[cs]->Add(p, &err) < 0) {
          return Error{r.loc.file, r.loc.line, r.loc.column,
                       "rule '" + r.id + "': bad pattern '" + p + "': " + err};
        }
        prefilter->owner[cs].push_back(static_cast<int>(i));
      }
    }
    rs->compiled_.push_back(std::make_unique<Lazy>());
  }
  for (int cs = 0; cs < 2; ++cs) {
    if (!prefilter->owner[cs].empty() && !prefilter->sets[cs]->Compile()) {
      return Error{"", 0, 0, "the rule patterns are too large to compile together"};
    }
  }
  rs->rules_ = std::move(rules);
  rs->prefilter_ = std::move(prefilter);
  return std::shared_ptr<const RuleSet>(std::move(rs));
}

int RuleSet::Find(std::string_view id) const {
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    if (rules_[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

void RuleSet::MatchText(std::string_view text, std::vector<RuleMatch>* out) const {
  std::vector<int> hit_rules;
  std::vector<int> hits;
  for (int cs = 0; cs < 2; ++cs) {
    if (prefilter_->owner[cs].empty()) continue;
    hits.clear();
    if (!prefilter_->sets[cs]->Match(re2::StringPiece(text.data(), text.size()), &hits)) continue;
    for (int h : hits) hit_rules.push_back(prefilter_->owner[cs][h]);
  }
  if (hit_rules.empty()) return;
  std::sort(hit_rules.begin(), hit_rules.end());
  hit_rules.erase(std::unique(hit_rules.begin(), hit_rules.end()), hit_rules.end());
  std::size_t first = out->size();
  std::vector<std::pair<std::size_t, std::size_t>> spans, except;
  for (int ri : hit_rules) {
    const Rule& rule = rules_[ri];
    const CompiledRule& c = compiled(ri);
    spans.clear();
    for (const auto& re : c.patterns) AllMatches(*re, text, rule.word_boundary, &spans);
    if (spans.empty()) continue;
    except.clear();
    for (const auto& re : c.exceptions) AllMatches(*re, text, /*word_boundary=*/false, &except);
    std::sort(spans.begin(), spans.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : a.second > b.second;
    });
    std::size_t last_end = 0;
    bool any = false;
    for (const auto& span : spans) {
      // Plain copies: clang 14 cannot capture structured bindings in lambdas.
      const auto b = span.first, e = span.second;
      if (any && b < last_end) continue;  // overlaps the previous kept match
      bool cancelled = std::any_of(except.begin(), except.end(), [&](const auto& x) {
        return x.first < e && b < x.second;
      });
      if (cancelled) continue;
      out->push_back({ri, b, e});
      last_end = e;
      any = true;
    }
  }
  std::sort(out->begin() + static_cast<std::ptrdiff_t>(first), out->end(),
            [](const RuleMatch& a, const RuleMatch& b) {
              return a.begin != b.begin ? a.begin < b.begin : a.rule < b.rule;
            });
}

bool RuleSet::FindFirst(const PatternList& list, std::string_view text, bool word_boundary,
                        std::size_t* begin, std::size_t* end) {
  bool found = false;
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (const auto& re : list) {
    spans.clear();
    AllMatches(*re, text, word_boundary, &spans);
    if (spans.empty()) continue;
    if (!found || spans[0].first < *begin) {
      *begin = spans[0].first;
      *end = spans[0].second;
      found = true;
    }
  }
  return found;
}

}  // namespace claimlint
