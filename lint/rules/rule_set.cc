#include "lint/rules/rule_set.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "lint/base/utf8.h"
#include "lint/rules/lexicon.h"
#include "lint/rules/literal_prefilter.h"
#include "lint/rules/shape_matcher.h"

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
  if (c >= 0x2000 && c <= 0x2BFF) return false;           // punctuation, symbols, arrows
  if (c >= 0x3000 && c <= 0x303F) return false;           // CJK punctuation
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
  // Every pattern of every pattern rule, in rule order; each maps back to its
  // rule and its index among the rule's patterns.
  LiteralPrefilter literals;
  std::vector<std::pair<int, int>> owner;
  // The topic, requires and narrow patterns of every rule, and for each rule
  // and list the range of their ids.
  LiteralPrefilter lists;
  std::vector<std::array<std::pair<int, int>, 3>> list_ids;
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
    for (auto [src, dst] :
         {std::pair{&r.patterns, &lazy.rule.patterns},
          std::pair{&r.exceptions, &lazy.rule.exceptions}, std::pair{&r.unless, &lazy.rule.unless},
          std::pair{&r.topic, &lazy.rule.topic},
          std::pair{&r.narrow, &lazy.rule.narrow}, std::pair{&r.requires_, &lazy.rule.requires_}}) {
      for (const std::string& p : *src) dst->push_back(Compile(p, r.case_sensitive));
    }
  });
  return lazy.rule;
}

namespace {

// Every pattern the prefilters hold, in the order they are added: a pattern
// rule's patterns, then each rule's topic, requires and narrow lists.
std::vector<std::pair<const std::string*, bool>> PrefilterPatterns(const std::vector<Rule>& rules) {
  std::vector<std::pair<const std::string*, bool>> out;
  for (const Rule& r : rules) {
    if (r.is_pattern_rule()) {
      for (const std::string& p : r.patterns) out.push_back({&p, r.case_sensitive});
    }
    for (const auto* list : {&r.topic, &r.requires_, &r.narrow}) {
      for (const std::string& p : *list) out.push_back({&p, r.case_sensitive});
    }
  }
  return out;
}

// Analyzes the patterns on all cores: compiling hundreds of patterns is most
// of the start-up, which a pre-commit run on one file pays in full.
std::vector<Result<LiteralPrefilter::Clauses>> AnalyzeAll(
    const std::vector<std::pair<const std::string*, bool>>& patterns) {
  std::vector<std::optional<Result<LiteralPrefilter::Clauses>>> slots(patterns.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < patterns.size();) {
      slots[i] = LiteralPrefilter::Analyze(*patterns[i].first, patterns[i].second);
    }
  };
  unsigned cores = std::max(1u, std::min(8u, std::thread::hardware_concurrency()));
  std::size_t threads = patterns.size() < 64 ? 1 : cores;
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  std::vector<Result<LiteralPrefilter::Clauses>> out;
  out.reserve(slots.size());
  for (auto& slot : slots) out.push_back(std::move(*slot));
  return out;
}

}  // namespace

Result<std::shared_ptr<const RuleSet>> RuleSet::Build(std::vector<Rule> rules) {
  std::shared_ptr<RuleSet> rs(new RuleSet());
  std::unordered_map<std::string, int> seen;
  auto prefilter = std::make_unique<Prefilter>();
  std::vector<Result<LiteralPrefilter::Clauses>> analyzed = AnalyzeAll(PrefilterPatterns(rules));
  std::size_t next = 0;  // into analyzed, in PrefilterPatterns order
  auto add = [&](LiteralPrefilter* to, const Rule& r, const std::string& p) -> Status {
    Result<LiteralPrefilter::Clauses>& a = analyzed[next++];
    if (!a.ok()) {
      return Error{r.loc.file, r.loc.line, r.loc.column,
                   "rule '" + r.id + "': bad pattern '" + p + "': " + a.error().message};
    }
    to->Add(std::move(a.value()));
    return Status();
  };
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const Rule& r = rules[i];
    auto [it, inserted] = seen.emplace(r.id, static_cast<int>(i));
    if (!inserted) {
      const Rule& first = rules[it->second];
      return Error{r.loc.file, r.loc.line, r.loc.column,
                   "duplicate rule id '" + r.id + "' (first defined at " + first.loc.file + ":" +
                       std::to_string(first.loc.line) + ")"};
    }
    if (r.is_pattern_rule()) {
      for (std::size_t p = 0; p < r.patterns.size(); ++p) {
        if (Status st = add(&prefilter->literals, r, r.patterns[p]); !st.ok()) return st.error();
        prefilter->owner.push_back({static_cast<int>(i), static_cast<int>(p)});
      }
    }
    std::array<std::pair<int, int>, 3> ids{};
    int k = 0;
    for (const auto* list : {&r.topic, &r.requires_, &r.narrow}) {
      ids[k].first = prefilter->lists.size();
      for (const std::string& p : *list) {
        if (Status st = add(&prefilter->lists, r, p); !st.ok()) return st.error();
      }
      ids[k++].second = prefilter->lists.size();
    }
    prefilter->list_ids.push_back(ids);
    rs->compiled_.push_back(std::make_unique<Lazy>());
    rs->by_check_[r.check].push_back(static_cast<int>(i));
  }
  prefilter->literals.Compile();
  prefilter->lists.Compile();
  bool any_shapes = std::any_of(rules.begin(), rules.end(),
                                [](const Rule& r) { return !r.shapes.empty(); });
  if (any_shapes) {
    auto shapes = ShapeMatcher::Build(rules, *Lexicon::Builtin());
    if (!shapes.ok()) return shapes.error();
    rs->shapes_ = std::move(shapes.value());
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

const std::vector<int>& RuleSet::BoundTo(std::string_view check) const {
  static const std::vector<int> kNone;
  auto it = by_check_.find(check);
  return it == by_check_.end() ? kNone : it->second;
}

void RuleSet::MatchText(std::string_view text, std::vector<RuleMatch>* out) const {
  thread_local std::vector<int> candidates;
  prefilter_->literals.Candidates(text, &candidates);
  std::size_t first = out->size();
  std::vector<std::pair<std::size_t, std::size_t>> spans, except;
  if (shapes_) MatchShapes(text, out);
  // Candidates are in rule order, so each rule's patterns are adjacent.
  for (std::size_t k = 0; k < candidates.size();) {
    const int ri = prefilter_->owner[candidates[k]].first;
    const Rule& rule = rules_[ri];
    const CompiledRule& c = compiled(ri);
    spans.clear();
    for (; k < candidates.size() && prefilter_->owner[candidates[k]].first == ri; ++k) {
      int p = prefilter_->owner[candidates[k]].second;
      AllMatches(*c.patterns[p], text, rule.word_boundary, &spans);
    }
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
      bool cancelled = std::any_of(except.begin(), except.end(),
                                   [&](const auto& x) { return x.first < e && b < x.second; });
      if (cancelled) continue;
      // A shape of the same rule may have matched here already.
      bool dup = std::any_of(out->begin() + static_cast<std::ptrdiff_t>(first), out->end(),
                             [&](const RuleMatch& m) { return m.rule == ri && m.begin < e && b < m.end; });
      if (dup) continue;
      out->push_back({ri, b, e});
      last_end = e;
      any = true;
    }
  }
  // Rules with `unless` patterns step back from the whole sentence when one
  // matches anywhere in it ("... in mice").
  auto cancelled = [&](const RuleMatch& m) {
    const Rule& rule = rules_[static_cast<std::size_t>(m.rule)];
    if (rule.unless.empty()) return false;
    std::vector<std::pair<std::size_t, std::size_t>> hits;
    for (const auto& re : compiled(m.rule).unless) {
      AllMatches(*re, text, /*word_boundary=*/false, &hits);
      if (!hits.empty()) return true;
    }
    return false;
  };
  out->erase(std::remove_if(out->begin() + static_cast<std::ptrdiff_t>(first), out->end(), cancelled),
             out->end());
  std::sort(out->begin() + static_cast<std::ptrdiff_t>(first), out->end(),
            [](const RuleMatch& a, const RuleMatch& b) {
              return a.begin != b.begin ? a.begin < b.begin : a.rule < b.rule;
            });
}

void RuleSet::MatchShapes(std::string_view text, std::vector<RuleMatch>* out) const {
  thread_local ScannedText scanned;
  thread_local std::vector<ShapeMatch> matches;
  shapes_->Scan(text, &scanned);
  shapes_->Match(scanned, &matches);
  std::vector<std::pair<std::size_t, std::size_t>> except;
  int except_rule = -1;
  for (const ShapeMatch& m : matches) {
    const Rule& rule = rules_[static_cast<std::size_t>(m.rule)];
    if (!rule.exceptions.empty()) {
      if (except_rule != m.rule) {
        except.clear();
        for (const auto& re : compiled(m.rule).exceptions) {
          AllMatches(*re, text, /*word_boundary=*/false, &except);
        }
        except_rule = m.rule;
      }
      bool cancelled = std::any_of(except.begin(), except.end(), [&](const auto& x) {
        return x.first < m.end && m.begin < x.second;
      });
      if (cancelled) continue;
    }
    RuleMatch r;
    r.rule = m.rule;
    r.begin = m.begin;
    r.end = m.end;
    r.serious = m.serious;
    r.strength = m.strength;
    r.finite_predicate = m.finite_predicate;
    out->push_back(r);
  }
}

bool RuleSet::MentionsSerious(std::string_view text) const {
  if (!shapes_) return false;
  thread_local ScannedText scanned;
  shapes_->Scan(text, &scanned);
  return shapes_->MentionsSerious(scanned);
}

void RuleSet::ListCandidates(std::string_view text, std::vector<char>* may) const {
  may->resize(static_cast<std::size_t>(prefilter_->lists.size()), 0);
  thread_local std::vector<int> candidates;
  prefilter_->lists.Candidates(text, &candidates);
  for (int c : candidates) (*may)[static_cast<std::size_t>(c)] = 1;
}

bool RuleSet::ListMayMatch(const std::vector<char>& may, int rule, List list) const {
  auto [first, last] = prefilter_->list_ids[static_cast<std::size_t>(rule)][static_cast<int>(list)];
  for (int i = first; i < last; ++i) {
    if (static_cast<std::size_t>(i) >= may.size() || may[static_cast<std::size_t>(i)]) return true;
  }
  return false;
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
