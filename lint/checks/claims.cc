#include "lint/checks/claims.h"

#include <algorithm>

#include "lint/strength/claim_strength.h"

namespace claimlint {
namespace {

// A blockquote is refuted when the first sentence after it (outside the
// quote) refutes it: "This is a myth."
std::vector<char> RefutedQuotes(const CheckInput& in) {
  const auto& blocks = in.doc.blocks;
  std::vector<char> refuted(blocks.size(), 0);
  std::vector<int> first_sentence(blocks.size(), -1);
  for (std::size_t i = in.sentences.size(); i-- > 0;) {
    first_sentence[in.sentences[i].block] = static_cast<int>(i);
  }
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    if (!blocks[b].quoted) continue;
    std::size_t next = b + 1;
    while (next < blocks.size() && blocks[next].quoted) ++next;
    if (next >= blocks.size() || first_sentence[next] < 0) continue;
    const Sentence& s = in.sentences[first_sentence[next]];
    if (in.context.IsRefutation(SentenceText(in.doc, s))) {
      for (std::size_t q = b; q < next; ++q) refuted[q] = 1;
    }
    b = next - 1;
  }
  return refuted;
}

bool Supported(const CheckInput& in, int si) {
  if (in.citations.Supported(si)) return true;
  // A citation in the sentence before, in the same block, carries over.
  return si > 0 && in.sentences[si - 1].block == in.sentences[si].block &&
         in.citations.Supported(si - 1);
}

// A file with more claims than this is not an article: stop there, say so,
// and keep memory and output bounded.
constexpr std::size_t kMaxFindings = 10000;

Finding TruncationFinding(const CheckInput& in, const Sentence& s) {
  Finding f;
  f.rule = "meta.too-many-findings";
  f.category = Category::kMeta;
  f.severity = Severity::kWarning;
  f.message = "more than " + std::to_string(kMaxFindings) +
              " claim findings in this file; the claim check stopped here";
  const Block& block = in.doc.blocks[s.block];
  f.begin = f.end = block.map.SourceBegin(s.begin);
  f.suggestion = "Split the file, or check that it is an article.";
  return f;
}

// A heading that asks or announces a question ("How acupuncture helps the
// heart", "Can reiki cure anxiety") even without a question mark.
bool IsQuestionHeading(std::string_view text) {
  static constexpr std::string_view kOpeners[] = {
      "how ", "why ", "what ",  "when ", "where ", "which ", "who ",    "does ",
      "do ",  "can ", "could ", "is ",   "are ",   "will ",  "should ", "did "};
  std::string lower;
  for (std::size_t i = 0; i < text.size() && i < 12; ++i) {
    char c = text[i];
    lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  for (std::string_view o : kOpeners) {
    if (lower.rfind(o, 0) == 0) return true;
  }
  return false;
}

Severity Lower(Severity s) { return s == Severity::kError ? Severity::kWarning : Severity::kInfo; }

// One finding per claim: drops the findings of fallback rules that overlap
// a finding of a more specific rule in the same sentence; of two fallbacks on
// the same words, keeps the longer (then the earlier rule). Specific rules on
// the same words report different things ("clinically proven" and "cures
// arthritis") and all stay.
void DropCoveredFallbacks(const RuleSet& rules, std::size_t first, std::vector<Finding>* out,
                          const std::vector<int>& rule_of) {
  auto rule = [&](std::size_t i) -> const Rule& {
    return rules.rules()[static_cast<std::size_t>(rule_of[i - first])];
  };
  auto is_fallback = [&](std::size_t i) { return rule(i).fallback; };
  std::vector<char> drop(out->size() - first, 0);
  for (std::size_t i = first; i < out->size(); ++i) {
    const Finding& f = (*out)[i];
    if (f.category != Category::kClaim) continue;
    for (std::size_t j = first; j < out->size(); ++j) {
      const Finding& g = (*out)[j];
      if (j == i || drop[j - first] || g.category != Category::kClaim ||
          !(g.begin < f.end && f.begin < g.end)) {
        continue;
      }
      if (!is_fallback(i)) break;
      // A specific rule wins over a fallback; between equals, the longer
      // match (then the earlier rule) does.
      bool wins =
          is_fallback(i) != is_fallback(j)
              ? !is_fallback(j)
              : g.end - g.begin > f.end - f.begin || (g.end - g.begin == f.end - f.begin && j < i);
      if (wins) {
        drop[i - first] = 1;
        break;
      }
    }
  }
  std::size_t kept = first;
  for (std::size_t i = first; i < out->size(); ++i) {
    if (drop[i - first]) continue;
    if (kept != i) (*out)[kept] = std::move((*out)[i]);
    ++kept;
  }
  out->resize(kept);
}

// A list introduced by a lead-in ("It can help with:", "Conditions we
// treat"): the lead-in's words that carry over into each item (its last
// sentence without the colon), and, when a `lead_in` rule matches at the
// lead-in's end, that rule and its context, for every item.
struct LeadIn {
  std::string text;
  int rule = -1;
  Context context = Context::kAsserted;
};

std::vector<LeadIn> LeadIns(const CheckInput& in) {
  const auto& blocks = in.doc.blocks;
  std::vector<LeadIn> out(blocks.size());
  std::vector<int> last_sentence(blocks.size(), -1);
  for (std::size_t i = 0; i < in.sentences.size(); ++i) {
    last_sentence[static_cast<std::size_t>(in.sentences[i].block)] = static_cast<int>(i);
  }
  std::vector<RuleMatch> matches;
  for (std::size_t b = 0; b + 1 < blocks.size(); ++b) {
    const Block& lead = blocks[b];
    if (blocks[b + 1].kind != BlockKind::kListItem || lead.kind == BlockKind::kListItem) continue;
    if (last_sentence[b] < 0) continue;
    LeadIn li;
    li.text =
        std::string(SentenceText(in.doc, in.sentences[static_cast<std::size_t>(last_sentence[b])]));
    while (!li.text.empty() && (li.text.back() == ' ' || li.text.back() == '\n'))
      li.text.pop_back();
    bool colon = !li.text.empty() && li.text.back() == ':';
    if (!colon && lead.kind != BlockKind::kHeading) continue;
    if (colon) li.text.pop_back();
    if (li.text.empty() || li.text.size() > 200) continue;
    // A lead-in rule must reach the lead-in's last words: what follows the
    // colon completes it.
    matches.clear();
    in.rules.MatchText(li.text, &matches);
    for (const RuleMatch& m : matches) {
      const Rule& rule = in.rules.rules()[static_cast<std::size_t>(m.rule)];
      if (!rule.lead_in) continue;
      std::string_view tail = std::string_view(li.text).substr(m.end);
      int words = 0;
      bool in_word = false;
      for (char c : tail) {
        bool w = c != ' ' && c != ',' && c != '\t';
        if (w && !in_word) ++words;
        in_word = w;
      }
      if (words > 2) continue;
      // Judged on its last word, so that a negation or hedge inside the
      // lead-in ("cannot help with", "may help with") governs it.
      std::size_t last = li.text.find_last_of(' ', m.end > 0 ? m.end - 1 : 0);
      ContextInput ci;
      ci.sentence = li.text;
      ci.match_begin = last == std::string::npos || last < m.begin ? m.begin : last + 1;
      ci.match_end = m.end;
      li.rule = m.rule;
      li.context = in.context.Classify(ci);
      break;
    }
    for (std::size_t i = b + 1; i < blocks.size() && blocks[i].kind == BlockKind::kListItem; ++i) {
      out[i] = li;
    }
  }
  return out;
}

// The item's own words, without closing punctuation: what a lead-in claim is
// reported on.
std::pair<std::size_t, std::size_t> ItemSpan(std::string_view sentence) {
  std::size_t b = 0, e = sentence.size();
  while (b < e && (sentence[b] == ' ' || sentence[b] == '\t')) ++b;
  while (e > b && (sentence[e - 1] == ' ' || sentence[e - 1] == '.' || sentence[e - 1] == ';' ||
                   sentence[e - 1] == ',' || sentence[e - 1] == ':' || sentence[e - 1] == '\n')) {
    --e;
  }
  return {b, e};
}

}  // namespace

std::vector<Finding> CheckClaims(const CheckInput& in) {
  std::vector<Finding> out;
  std::vector<char> refuted;
  bool any_quoted = std::any_of(in.doc.blocks.begin(), in.doc.blocks.end(),
                                [](const Block& b) { return b.quoted; });
  if (any_quoted) refuted = RefutedQuotes(in);
  std::vector<RuleMatch> matches;
  std::vector<int> rule_of;  // per finding of the current sentence: its rule
  const ClaimStrengthModel& model = ClaimStrengthModel::Builtin();
  const std::vector<LeadIn> lead_ins = LeadIns(in);
  // A careful genre (a leaflet, a guideline, an abstract, a news report) or
  // a page that reports on or refutes treatments (a myth-buster) states
  // findings in its own careful words: the general fallback rules, tuned on
  // pages that sell, stay silent there, and a hedge about a serious condition
  // is the honest wording it looks like.
  const bool careful_page =
      in.page != nullptr && (in.page->careful || in.page->stance == Stance::kReports ||
                             in.page->stance == Stance::kRefutes);
  std::string joined;
  for (std::size_t si = 0; si < in.sentences.size(); ++si) {
    const Sentence& s = in.sentences[si];
    if (out.size() >= kMaxFindings) {
      out.push_back(TruncationFinding(in, s));
      break;
    }
    const Block& block = in.doc.blocks[s.block];
    const auto& refs = in.citations.reference_blocks;
    if (std::binary_search(refs.begin(), refs.end(), s.block)) continue;  // a reference entry
    std::string_view sentence = SentenceText(in.doc, s);
    // An item of a list under a lead-in is read with the lead-in before it,
    // so "It can help with:" + "Irregular cycles" is one claim; only matches
    // that reach into the item count, and they are reported on the item.
    const LeadIn& lead_in = lead_ins[static_cast<std::size_t>(s.block)];
    const std::string& lead = lead_in.text;
    std::size_t shift = 0;
    std::string_view text = sentence;
    if (!lead.empty() && s.begin == 0) {
      joined = lead + " " + std::string(sentence);
      shift = lead.size() + 1;
      text = joined;
    }
    matches.clear();
    in.rules.MatchText(text, &matches);
    if (shift > 0) {
      std::vector<RuleMatch> kept;
      for (RuleMatch m : matches) {
        if (m.end <= shift) continue;
        m.begin = std::max(m.begin, shift);
        kept.push_back(m);
      }
      matches = std::move(kept);
    }
    const std::size_t first = out.size();
    rule_of.clear();
    int strength = -1;  // the sentence's (Yu et al. 2019), computed at its first finding
    // The lead-in's own claim, reported on the item ("Acupuncture can help
    // with:" + "recurrent miscarriage").
    if (lead_in.rule >= 0 && s.begin == 0) {
      auto [ib, ie] = ItemSpan(sentence);
      if (ie > ib && ie - ib <= 160) {
        RuleMatch m;
        m.rule = lead_in.rule;
        m.begin = shift + ib;
        m.end = shift + ie;
        m.lead_in_context = static_cast<int>(lead_in.context) + 1;
        m.serious = in.rules.MentionsSerious(sentence.substr(ib, ie - ib));
        matches.push_back(m);
      }
    }
    for (const RuleMatch& m : matches) {
      const Rule& rule = in.rules.rules()[m.rule];
      // Lead-in rules speak only through the items of their list.
      if (rule.lead_in && m.lead_in_context == 0) continue;
      if (careful_page && rule.fallback) continue;
      ContextInput ci;
      ci.sentence = text;
      ci.match_begin = m.begin;
      ci.match_end = m.end;
      ci.in_blockquote = block.quoted;
      ci.blockquote_refuted = any_quoted && refuted[s.block];
      if (block.section >= 0) ci.section_heading = in.doc.blocks[block.section].text;
      ContextClassifier::Detail detail;
      Context ctx = in.context.Classify(ci, &detail);
      if (m.lead_in_context > 0) ctx = static_cast<Context>(m.lead_in_context - 1);
      if (block.kind == BlockKind::kHeading && IsQuestionHeading(text)) ctx = Context::kQuestion;
      // "may ease pain and boosts mood": the modal governs "ease", not the
      // finite "boosts".
      if (ctx == Context::kHedged && detail.modal_hedge_only && m.finite_predicate) {
        ctx = Context::kAsserted;
      }
      // A testimonial the page quotes is the page's claim (CAP 3.45).
      if (ctx == Context::kReported && detail.quotation_only && rule.quotes_are_claims) {
        ctx = Context::kAsserted;
      }
      Severity severity = rule.severity;
      if (!rule.contexts.Has(ctx)) {
        // A hedged claim about a serious condition still needs the strongest
        // evidence (CAP Code 12.2): reported, one level lower.
        bool serious_hedge =
            ctx == Context::kHedged && m.serious && rule.serious_survives_hedge && !careful_page;
        if (!serious_hedge) continue;
        severity = Lower(severity);
      }
      if (rule.cleared_by_citation && Supported(in, static_cast<int>(si))) continue;
      std::size_t b = block.map.SourceBegin(s.begin + m.begin - shift);
      std::size_t e = block.map.SourceEnd(s.begin + m.end - shift);
      Finding f = MakeFinding(rule, text.substr(m.begin, m.end - m.begin), b, e);
      if (rule.category == Category::kClaim) {
        if (strength < 0) strength = static_cast<int>(model.Score(text).strength);
        f.strength = std::string(ClaimStrengthName(static_cast<ClaimStrength>(strength)));
        // A claim worded as a link or a possibility is a weaker claim than a
        // direct causal one; a statement that is not causal at all ("100%
        // safe") keeps its rule's severity.
        bool weaker = strength == static_cast<int>(ClaimStrength::kCorrelational) ||
                      strength == static_cast<int>(ClaimStrength::kConditional);
        if (weaker && severity == rule.severity) severity = Lower(severity);
      }
      f.severity = severity;
      f.sentence = std::string(sentence);
      f.context = std::string(ContextName(ctx));
      out.push_back(std::move(f));
      rule_of.push_back(m.rule);
    }
    DropCoveredFallbacks(in.rules, first, &out, rule_of);
  }
  return out;
}

CheckFamily ClaimChecks() {
  CheckFamily f;
  CheckSpec pattern;
  pattern.name = "pattern";
  pattern.body = RuleBody::kPatterns;
  pattern.summary = "a health claim matched per sentence, judged by its context and citations";
  f.specs = {pattern};
  f.run = [](const CheckInput& in, std::vector<Finding>* out) {
    std::vector<Finding> claims = CheckClaims(in);
    in.facts->claim_findings =
        static_cast<int>(std::count_if(claims.begin(), claims.end(), [](const Finding& x) {
          return x.category == Category::kClaim;
        }));
    for (Finding& x : claims) out->push_back(std::move(x));
  };
  return f;
}

}  // namespace claimlint
