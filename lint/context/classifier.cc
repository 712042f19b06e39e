#include "lint/context/classifier.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "lint/context/quotes.h"

namespace claimlint::context_internal {

struct ConTextClassifier::Scratch {
  std::string text;
  std::vector<Token> tokens;
  std::vector<PhraseHit> hits;
  std::vector<PhraseHit> triggers;    // accepted triggers, labels are group labels
  std::vector<std::uint8_t> blocked;  // per token: inside a pseudo-trigger
  std::vector<std::uint8_t> barrier;  // per token: ends every scope that crosses it
  // Prefix counts over tokens (size n + 1): words, scope barriers.
  std::vector<std::uint32_t> words, barriers;
  std::uint32_t match_first = 0, match_end = 0;  // the match's tokens

  std::string other_text;  // for a heading
  std::vector<Token> other_tokens;
  std::vector<PhraseHit> other_hits;
};

namespace {

ConTextClassifier::Scratch& ThreadScratch() {
  thread_local ConTextClassifier::Scratch scratch;
  return scratch;
}

bool Overlaps(std::uint32_t b1, std::uint32_t e1, std::uint32_t b2, std::uint32_t e2) {
  return b1 < e2 && b2 < e1;
}

std::uint32_t Count(const std::vector<std::uint32_t>& prefix, std::uint32_t from,
                    std::uint32_t to) {
  return from >= to ? 0 : prefix[to] - prefix[from];
}

// "…?" possibly followed by closing quotes, brackets or emphasis marks.
bool EndsWithQuestionMark(std::string_view s) {
  std::size_t n = s.size();
  while (n > 0) {
    const char c = s[n - 1];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ')' || c == ']' || c == '}' ||
        c == '"' || c == '\'' || c == '*' || c == '_') {
      --n;
    } else if (n >= 3 && s.substr(n - 3, 2) == "\xE2\x80" &&
               (s[n - 1] == '\x9D' || s[n - 1] == '\x99')) {  // ” ’
      n -= 3;
    } else if (n >= 2 && s.substr(n - 2) == "\xC2\xBB") {  // »
      n -= 2;
    } else {
      break;
    }
  }
  return n > 0 && s[n - 1] == '?';
}

}  // namespace

ConTextClassifier::ConTextClassifier(const CueLists& cues)
    : refutation_max_words_(cues.refutation_max_words) {
  AddPhrases(cues.termination, &scope_, kTermination);
  AddPhrases(cues.clause_openers, &scope_, kOpener);
  AddPhrases(cues.pseudo, &scope_, kPseudo);
  for (const TriggerGroup& g : cues.triggers) {
    auto label = static_cast<std::uint32_t>(kFirstGroup + groups_.size());
    groups_.push_back({g.context, g.direction, g.window, g.refutes});
    AddPhrases(g.phrases, &scope_, label);
  }
  AddPhrases(cues.refutation, &refutation_, 0);
  AddPhrases(cues.myth_headings, &myth_, 0);
  // Punctuation the scope rules read structurally (not cue lists).
  comma_id_ = vocab_.Intern(",");
  colon_id_ = vocab_.Intern(":");
  dash_id_ = vocab_.Intern("--");
  for (const char* modal : {"may", "might", "could"}) modal_ids_.push_back(vocab_.Intern(modal));
}

void ConTextClassifier::AddPhrases(const std::vector<std::string>& phrases, PhraseTrie* trie,
                                   std::uint32_t label) {
  for (const std::string& p : phrases) {
    std::vector<std::uint32_t> ids = TokenizeForIntern(p, &vocab_);
    if (!ids.empty()) trie->Add(ids, label);
  }
}

void ConTextClassifier::Analyze(std::string_view sentence, std::size_t match_begin,
                                std::size_t match_end, Scratch* s) const {
  TokenizeForLookup(sentence, vocab_, &s->text, &s->tokens);
  const auto& tokens = s->tokens;
  const auto n = static_cast<std::uint32_t>(tokens.size());

  std::uint32_t ms = 0;
  while (ms < n && tokens[ms].end <= match_begin) ++ms;
  std::uint32_t me = ms;
  while (me < n && tokens[me].begin < match_end) ++me;
  s->match_first = ms;
  s->match_end = me;

  s->hits.clear();
  scope_.FindAll(tokens, &s->hits);

  // Pseudo-triggers first: a cue that overlaps one is not a cue, unless a
  // longer trigger contains the pseudo-trigger ("can not just" is a denial
  // where "not just" alone is emphasis).
  s->blocked.assign(n, 0);
  for (const PhraseHit& p : s->hits) {
    if (p.label != kPseudo) continue;
    const bool defeated = std::any_of(s->hits.begin(), s->hits.end(), [&](const PhraseHit& t) {
      return t.label >= kFirstGroup && t.begin <= p.begin && p.end <= t.end &&
             t.end - t.begin > p.end - p.begin;
    });
    if (!defeated) std::fill(s->blocked.begin() + p.begin, s->blocked.begin() + p.end, 1);
  }
  auto is_blocked = [&](const PhraseHit& h) {
    return std::any_of(s->blocked.begin() + h.begin, s->blocked.begin() + h.end,
                       [](std::uint8_t b) { return b != 0; });
  };

  // Triggers: not pseudo, not inside the match (the match's own words are the
  // claim, e.g. "no side effects"), and not part of a longer trigger that
  // scopes the same way ("no evidence that" swallows "no").
  s->triggers.clear();
  for (const PhraseHit& h : s->hits) {
    if (h.label < kFirstGroup || is_blocked(h) || Overlaps(h.begin, h.end, ms, me)) continue;
    s->triggers.push_back(h);
  }
  auto subsumed = [&](const PhraseHit& t) {
    const Direction d = groups_[t.label - kFirstGroup].direction;
    return std::any_of(s->triggers.begin(), s->triggers.end(), [&](const PhraseHit& u) {
      return groups_[u.label - kFirstGroup].direction == d && u.begin <= t.begin &&
             t.end <= u.end && u.end - u.begin > t.end - t.begin;
    });
  };
  std::size_t kept = 0;
  for (std::size_t i = 0; i < s->triggers.size(); ++i) {
    if (!subsumed(s->triggers[i])) s->triggers[kept++] = s->triggers[i];
  }
  s->triggers.resize(kept);

  // Scope barriers: termination terms, unless part of a pseudo-trigger or a
  // trigger ("yet" in "not yet"), and commas that close a clause opener.
  std::vector<std::uint8_t>& barrier = s->barrier;
  barrier.assign(n, 0);
  for (const PhraseHit& h : s->hits) {
    if (h.label != kTermination || is_blocked(h)) continue;
    bool in_trigger = std::any_of(s->triggers.begin(), s->triggers.end(), [&](const PhraseHit& t) {
      return Overlaps(h.begin, h.end, t.begin, t.end);
    });
    if (!in_trigger) std::fill(barrier.begin() + h.begin, barrier.begin() + h.end, 1);
  }
  // Clause openers ("although", "if", "despite"): the comma that closes the
  // subordinate clause an opener starts ends every scope that crosses it, so
  // "Although there is no cure, X helps" leaves "helps" alone and "Do not use
  // X if pregnant, as it harms" does not negate "harms".
  std::uint8_t active = 0;
  std::uint32_t next_hit = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    if (tokens[i].id == comma_id_) {
      if (active) barrier[i] = 1;
      active = 0;
    }
    if (barrier[i]) active = 0;
    while (next_hit < s->hits.size() && s->hits[next_hit].begin < i) ++next_hit;
    for (std::uint32_t k = next_hit; k < s->hits.size() && s->hits[k].begin == i; ++k) {
      if (s->hits[k].label == kOpener && !is_blocked(s->hits[k])) active = 1;
    }
  }
  s->words.assign(n + 1, 0);
  s->barriers.assign(n + 1, 0);
  for (std::uint32_t i = 0; i < n; ++i) {
    s->words[i + 1] = s->words[i] + (tokens[i].is_word ? 1 : 0);
    s->barriers[i + 1] = s->barriers[i] + barrier[i];
  }
}

bool ConTextClassifier::InScope(const PhraseHit& t, const Scratch& s) const {
  const GroupInfo& g = groups_[t.label - kFirstGroup];
  std::uint32_t from, to;
  if (g.direction == Direction::kForward) {
    if (t.end > s.match_first) return false;
    from = t.end;
    to = s.match_first;
  } else {
    if (t.begin < s.match_end) return false;
    from = s.match_end;
    to = t.begin;
  }
  if (Count(s.barriers, from, to) > 0) return false;
  return g.window == 0 || Count(s.words, from, to) <= static_cast<std::uint32_t>(g.window);
}

bool ConTextClassifier::IsMythHeading(std::string_view heading, Scratch* s) const {
  if (heading.empty() || myth_.empty()) return false;
  TokenizeForLookup(heading, vocab_, &s->other_text, &s->other_tokens);
  s->other_hits.clear();
  myth_.FindAll(s->other_tokens, &s->other_hits);
  return !s->other_hits.empty();
}

// "Myth: …", "Myth 2: …", "Myth #2 — …" at the start of the sentence.
bool ConTextClassifier::HasMythLabel(Scratch* s) const {
  if (myth_.empty() || s->tokens.empty()) return false;
  s->other_hits.clear();
  myth_.FindAt(s->tokens, 0, &s->other_hits);
  for (const PhraseHit& h : s->other_hits) {
    const std::size_t limit = std::min<std::size_t>(s->tokens.size(), h.end + 3);
    for (std::size_t i = h.end; i < limit; ++i) {
      if (s->tokens[i].id == colon_id_ || s->tokens[i].id == dash_id_) return true;
    }
  }
  return false;
}

Context ConTextClassifier::Classify(const ContextInput& input) const {
  return Classify(input, nullptr);
}

Context ConTextClassifier::Classify(const ContextInput& input, Detail* detail) const {
  if (detail) *detail = Detail{};
  const std::string_view sentence = input.sentence;
  const std::size_t mb = std::min(input.match_begin, sentence.size());
  const std::size_t me = std::clamp(input.match_end, mb, sentence.size());

  if (EndsWithQuestionMark(sentence)) return Context::kQuestion;

  Scratch& s = ThreadScratch();
  Analyze(sentence, mb, me, &s);
  bool refuted = false, negated = false, reported = false, hypothetical = false, hedged = false;
  bool modal_only = true;
  std::uint32_t first_negation = UINT32_MAX, first_report = UINT32_MAX;
  for (const PhraseHit& t : s.triggers) {
    if (!InScope(t, s)) continue;
    const GroupInfo& g = groups_[t.label - kFirstGroup];
    switch (g.context) {
      case Context::kNegated:
        negated = true;
        refuted = refuted || g.refutes;
        first_negation = std::min(first_negation, t.begin);
        break;
      case Context::kReported:
        reported = true;
        first_report = std::min(first_report, t.begin);
        break;
      case Context::kHypothetical:
        hypothetical = true;
        break;
      case Context::kHedged:
        hedged = true;
        modal_only = modal_only && t.end == t.begin + 1 &&
                     std::find(modal_ids_.begin(), modal_ids_.end(), s.tokens[t.begin].id) !=
                         modal_ids_.end();
        break;
      default:
        break;
    }
  }
  // A sentence that calls the claim false outranks one that only reports it:
  // "Claims that X detoxes the liver are not supported by evidence."
  if (refuted) return Context::kNegated;
  // A negated report denies the claim: "none of the trials showed that ...".
  if (negated && reported && first_negation < first_report) return Context::kNegated;
  const bool refuted_quote = input.in_blockquote && input.blockquote_refuted;
  const bool myth = HasMythLabel(&s) || IsMythHeading(input.section_heading, &s);
  const bool quoted = InsideQuotation(sentence, mb, me);
  if (reported || refuted_quote || myth || quoted) {
    // Only quotation marks made it reported: someone's words the page quotes,
    // not words it attributes with a cue ("some people say") or refutes.
    if (detail) detail->quotation_only = quoted && !reported && !refuted_quote && !myth;
    return Context::kReported;
  }
  if (negated) return Context::kNegated;
  if (hypothetical) return Context::kHypothetical;
  if (hedged) {
    if (detail) detail->modal_hedge_only = modal_only;
    return Context::kHedged;
  }
  return Context::kAsserted;
}

bool ConTextClassifier::IsRefutation(std::string_view sentence) const {
  if (EndsWithQuestionMark(sentence)) return false;
  Scratch& s = ThreadScratch();
  Analyze(sentence, sentence.size(), sentence.size(), &s);
  if (s.words.back() > static_cast<std::uint32_t>(refutation_max_words_)) return false;
  s.other_hits.clear();
  refutation_.FindAll(s.tokens, &s.other_hits);
  for (const PhraseHit& h : s.other_hits) {
    if (std::any_of(s.blocked.begin() + h.begin, s.blocked.begin() + h.end,
                    [](std::uint8_t b) { return b != 0; })) {
      continue;
    }
    // "It is not a myth", "This is not false": a negation just before the
    // refuting words turns them around.
    bool turned = std::any_of(s.triggers.begin(), s.triggers.end(), [&](const PhraseHit& t) {
      const GroupInfo& g = groups_[t.label - kFirstGroup];
      return g.context == Context::kNegated && g.direction == Direction::kForward &&
             t.begin < h.begin && t.end <= h.begin && t.end + 1 >= h.begin;
    });
    if (!turned) return true;
  }
  return false;
}

bool ConTextClassifier::HasCue(std::string_view sentence, Context c) const {
  Scratch& s = ThreadScratch();
  Analyze(sentence, sentence.size(), sentence.size(), &s);
  return std::any_of(s.triggers.begin(), s.triggers.end(), [&](const PhraseHit& t) {
    return groups_[t.label - kFirstGroup].context == c;
  });
}

}  // namespace claimlint::context_internal
