#include "lint/citations/strength.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "lint/text/fold.h"
#include "lint/document/sentence_splitter.h"

namespace claimlint::cite {
namespace {

using re2::RE2;
using re2::StringPiece;

struct Verb {
  const char* base;
  const char* third;  // 3rd person singular
  const char* past;
  const char* ing;
  bool bare_ok;          // the base form alone reads as a verb ("reduce"), not a noun ("cure")
  bool third_noun;       // the -s form is often a noun ("benefits", "increases")
  const char* particle;  // required after it ("to" for lead, "in" for result), or ""
};

const std::vector<Verb>& Verbs() {
  static const std::vector<Verb> kVerbs = {
      {"reduce", "reduces", "reduced", "reducing", true, false, ""},
      {"lower", "lowers", "lowered", "lowering", false, false, ""},
      {"decrease", "decreases", "decreased", "decreasing", false, true, ""},
      {"cut", "cuts", "cut", "cutting", false, true, ""},
      {"increase", "increases", "increased", "increasing", false, true, ""},
      {"raise", "raises", "raised", "raising", false, true, ""},
      {"boost", "boosts", "boosted", "boosting", true, true, ""},
      {"improve", "improves", "improved", "improving", true, false, ""},
      {"enhance", "enhances", "enhanced", "enhancing", true, false, ""},
      {"relieve", "relieves", "relieved", "relieving", true, false, ""},
      {"ease", "eases", "eased", "easing", false, false, ""},
      {"alleviate", "alleviates", "alleviated", "alleviating", true, false, ""},
      {"prevent", "prevents", "prevented", "preventing", true, false, ""},
      {"protect", "protects", "protected", "protecting", true, false, ""},
      {"cure", "cures", "cured", "curing", false, true, ""},
      {"treat", "treats", "treated", "treating", false, true, ""},
      {"heal", "heals", "healed", "healing", true, false, ""},
      {"eliminate", "eliminates", "eliminated", "eliminating", true, false, ""},
      {"eradicate", "eradicates", "eradicated", "eradicating", true, false, ""},
      {"reverse", "reverses", "reversed", "reversing", true, false, ""},
      {"stop", "stops", "stopped", "stopping", false, true, ""},
      {"halt", "halts", "halted", "halting", true, false, ""},
      {"slow", "slows", "slowed", "slowing", false, false, ""},
      {"cause", "causes", "caused", "causing", false, true, ""},
      {"trigger", "triggers", "triggered", "triggering", false, true, ""},
      {"induce", "induces", "induced", "inducing", true, false, ""},
      {"lead", "leads", "led", "leading", false, false, "to"},
      {"result", "results", "resulted", "resulting", false, false, "in"},
      {"help", "helps", "helped", "helping", false, false, ""},
      {"benefit", "benefits", "benefited", "benefiting", false, true, ""},
      {"fight", "fights", "fought", "fighting", false, true, ""},
      {"combat", "combats", "combated", "combating", true, false, ""},
      {"kill", "kills", "killed", "killing", false, true, ""},
      {"save", "saves", "saved", "saving", false, false, ""},
      {"extend", "extends", "extended", "extending", true, false, ""},
      {"shorten", "shortens", "shortened", "shortening", true, false, ""},
      {"double", "doubles", "doubled", "doubling", false, true, ""},
      {"halve", "halves", "halved", "halving", true, false, ""},
      {"restore", "restores", "restored", "restoring", true, false, ""},
      {"strengthen", "strengthens", "strengthened", "strengthening", true, false, ""},
      {"weaken", "weakens", "weakened", "weakening", true, false, ""},
      {"damage", "damages", "damaged", "damaging", false, true, ""},
      {"harm", "harms", "harmed", "harming", false, true, ""},
      {"worsen", "worsens", "worsened", "worsening", true, false, ""},
      {"accelerate", "accelerates", "accelerated", "accelerating", true, false, ""},
      {"promote", "promotes", "promoted", "promoting", true, false, ""},
      {"affect", "affects", "affected", "affecting", false, false, ""},
      {"influence", "influences", "influenced", "influencing", false, true, ""},
      {"lessen", "lessens", "lessened", "lessening", true, false, ""},
      {"minimise", "minimises", "minimised", "minimising", true, false, ""},
      {"minimize", "minimizes", "minimized", "minimizing", true, false, ""},
      {"inhibit", "inhibits", "inhibited", "inhibiting", true, false, ""},
      {"suppress", "suppresses", "suppressed", "suppressing", true, false, ""},
      {"stimulate", "stimulates", "stimulated", "stimulating", true, false, ""},
      {"repair", "repairs", "repaired", "repairing", false, true, ""},
      {"curb", "curbs", "curbed", "curbing", true, false, ""},
      {"slash", "slashes", "slashed", "slashing", false, false, ""},
      {"block", "blocks", "blocked", "blocking", false, true, ""},
      {"work", "works", "worked", "working", false, true, ""},
  };
  return kVerbs;
}

std::string Alternation(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : "|") + w;
  return out;
}

// Forms of the verb list that each construction takes.
struct Forms {
  std::string base, bare, third, third_safe, past, ing;
};
const Forms& VerbForms() {
  static const Forms kForms = [] {
    std::vector<std::string> base, bare, third, third_safe, past, ing;
    for (const Verb& v : Verbs()) {
      std::string p = *v.particle ? std::string(R"(\s+)") + v.particle : "";
      base.push_back(std::string(v.base) + p);
      if (v.bare_ok) bare.push_back(std::string(v.base) + p);
      third.push_back(std::string(v.third) + p);
      if (!v.third_noun) third_safe.push_back(std::string(v.third) + p);
      past.push_back(std::string(v.past) + p);
      ing.push_back(std::string(v.ing) + p);
    }
    return Forms{Alternation(base),       Alternation(bare), Alternation(third),
                 Alternation(third_safe), Alternation(past), Alternation(ing)};
  }();
  return kForms;
}

struct Candidate {
  std::size_t begin, end;
  Strength form;
  bool negated;
  std::string word;
  bool past;
};

// "reduced", "was reduced", "did reduce", "led to": a report of what happened
// in a study rather than a general claim. Forms shared with the present
// ("cut", "put") are not counted as past.
bool IsPast(std::string_view span) {
  std::vector<std::string> words = Words(span);
  for (const std::string& w : words) {
    if (w == "was" || w == "were" || w == "did") return true;
  }
  for (auto it = words.rbegin(); it != words.rend(); ++it) {
    if (*it == "to" || *it == "in") continue;
    for (const Verb& v : Verbs()) {
      if (*it == v.past && *it != v.base) return true;
    }
    break;
  }
  return false;
}

std::string StemOfVerb(std::string_view matched) {
  std::vector<std::string> words = Words(matched);
  // The effect verb is the last word, or the one before a particle.
  for (auto it = words.rbegin(); it != words.rend(); ++it) {
    if (*it == "to" || *it == "in" || *it == "not") continue;
    for (const Verb& v : Verbs()) {
      if (*it == v.base || *it == v.third || *it == v.past || *it == v.ing) return v.base;
    }
    if (*it == "effective" || *it == "efficacious" || *it == "beneficial") return "effective";
  }
  return "";
}

const std::string kAdverbs =
    R"((?:(?:[a-z]+ly|also|even|still|further|not|never|no\s+longer|n['’]t)\s+){0,3})";

bool PrecededByDeterminer(std::string_view s, std::size_t b) {
  static const RE2 re(
      R"((?i)\b(?:the|a|an|its|their|his|her|our|your|these|those|this|that|such|any|some|many|few|of|significant|large|small|major|modest|further|health|potential|with|in|for|and|or|by|from|than|to|no)\s+$)");
  std::size_t lb = b > 24 ? b - 24 : 0;
  std::string_view before = s.substr(lb, b - lb);
  return RE2::PartialMatch(StringPiece(before.data(), before.size()), re);
}

bool LocalNegation(std::string_view span) {
  static const RE2 re(R"((?i)\b(?:not|never|no|n['’]t|cannot|failed\s+to|no\s+longer)\b|n['’]t\b)");
  return RE2::PartialMatch(StringPiece(span.data(), span.size()), re);
}

std::vector<Candidate> Candidates(std::string_view s) {
  const Forms& f = VerbForms();
  struct Pattern {
    std::string re;
    Strength form;
    bool check_determiner;
  };
  static const std::vector<Pattern> kPatterns = {
      // Modal + base: "can (significantly) reduce", "may reduce", "does not reduce".
      {R"((?i)\b(?:can|cannot|will|won['’]t|does|do|did|doesn['’]t|don['’]t|didn['’]t|shall)\s+)" +
           kAdverbs + "(?:" + f.base + R"()\b)",
       Strength::kDirect, false},
      {R"((?i)\b(?:may|might|could|would|should)\s+)" + kAdverbs + "(?:" + f.base + R"()\b)",
       Strength::kHedged, false},
      // "shown to reduce", "helps to reduce"; "thought to reduce".
      {R"((?i)\b(?:shown|proven|proved|found|known|demonstrated|able|helps?|helped)\s+to\s+)" +
           kAdverbs + "(?:" + f.base + R"()\b)",
       Strength::kDirect, false},
      {R"((?i)\b(?:thought|believed|likely|appears?|seems?|said|claimed|expected|hoped|suggested)\s+to\s+)" +
           kAdverbs + "(?:" + f.base + R"()\b)",
       Strength::kHedged, false},
      // Progressive and passive: "is saving lives", "pain was reduced".
      {R"((?i)\b(?:is|are|was|were|been|being|be)\s+)" + kAdverbs + "(?:" + f.ing + "|" + f.past +
           R"()\b)",
       Strength::kDirect, false},
      // "is effective", "was no more effective than".
      {R"((?i)\b(?:is|are|was|were|be|been|being|proved|proven|remains?)\s+)" + kAdverbs +
           R"((?:(?:an?|no|not|more|less|as|highly|very|clinically|significantly|equally)\s+){0,3}(?:effective|efficacious|beneficial|curative|protective)\b)",
       Strength::kDirect, false},
      // Third person and past: "reduces", "reduced" (not "the increases", "a reduced risk").
      {R"((?i)\b(?:)" + f.third + "|" + f.past + R"()\b)", Strength::kDirect, true},
      // A bare base form after a plural subject: "omega-3s reduce inflammation".
      {R"((?i)\b(?:)" + f.bare + R"()\b)", Strength::kDirect, true},
  };
  static const std::vector<std::unique_ptr<RE2>> kCompiled = [] {
    std::vector<std::unique_ptr<RE2>> v;
    for (const Pattern& p : kPatterns) v.push_back(std::make_unique<RE2>(p.re));
    return v;
  }();
  std::vector<Candidate> out;
  for (std::size_t pi = 0; pi < kPatterns.size(); ++pi) {
    const Pattern& p = kPatterns[pi];
    const RE2* re = kCompiled[pi].get();
    StringPiece m;
    std::size_t pos = 0;
    while (pos < s.size() &&
           re->Match(StringPiece(s.data(), s.size()), pos, s.size(), RE2::UNANCHORED, &m, 1)) {
      std::size_t b = static_cast<std::size_t>(m.data() - s.data());
      pos = b + std::max<std::size_t>(m.size(), 1);
      if (p.check_determiner && (b == 0 || PrecededByDeterminer(s, b))) continue;
      bool overlaps = std::any_of(out.begin(), out.end(), [&](const Candidate& c) {
        return b < c.end && c.begin < b + m.size();
      });
      if (overlaps) continue;
      std::string_view span(m.data(), m.size());
      out.push_back({b, b + m.size(), p.form, LocalNegation(span), StemOfVerb(span), IsPast(span)});
    }
  }
  return out;
}

// "associated with", "linked to", "correlated with": spans.
std::vector<std::pair<std::size_t, std::size_t>> Associations(std::string_view s) {
  static const RE2 re(
      R"((?i)\b(?:associated\s+with|association\s+(?:between|with|of)|linked\s+(?:to|with)|link\s+between|correlat\w*(?:\s+with)?|related\s+to|tied\s+to|connected\s+(?:to|with)|(?:more|less)\s+likely\s+to|predict(?:s|ed|or|ive)?\b))");
  std::vector<std::pair<std::size_t, std::size_t>> out;
  StringPiece m;
  std::size_t pos = 0;
  while (pos < s.size() &&
         re.Match(StringPiece(s.data(), s.size()), pos, s.size(), RE2::UNANCHORED, &m, 1)) {
    std::size_t b = static_cast<std::size_t>(m.data() - s.data());
    out.emplace_back(b, b + m.size());
    pos = b + std::max<std::size_t>(m.size(), 1);
  }
  return out;
}

std::vector<std::string> ConditionTerms(std::string_view text) {
  static const std::set<std::string> kDrop = {"manag",   "treat",  "treatment",  "people", "adult",
                                              "patient", "person", "management", "aged",   "year",
                                              "over",    "older",  "16",         "18"};
  std::vector<std::string> out;
  for (std::string& t : ContentTerms(text, nullptr)) {
    if (!kDrop.count(t)) out.push_back(std::move(t));
  }
  return out;
}

}  // namespace

Context ClassifySpan(const ContextClassifier& ctx, std::string_view sentence, std::size_t begin,
                     std::size_t end) {
  ContextInput in;
  in.sentence = sentence;
  in.match_begin = std::min(begin, sentence.size());
  in.match_end = std::min(std::max(end, begin), sentence.size());
  return ctx.Classify(in);
}

ClaimReading ReadClaim(std::string_view sentence, const ContextClassifier& ctx) {
  ClaimReading r;
  std::vector<Candidate> cands = Candidates(sentence);
  auto assoc = Associations(sentence);
  // A verb right after an association cue belongs to it ("associated with
  // reduced risk"): the statement is correlational.
  cands.erase(std::remove_if(cands.begin(), cands.end(),
                             [&](const Candidate& c) {
                               return std::any_of(assoc.begin(), assoc.end(), [&](auto a) {
                                 return c.begin >= a.first && c.begin <= a.second + 40;
                               });
                             }),
              cands.end());
  std::sort(cands.begin(), cands.end(),
            [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
  Strength best = Strength::kNone;
  for (const Candidate& c : cands) {
    Context cx = ClassifySpan(ctx, sentence, c.begin, c.end);
    bool negated = c.negated || cx == Context::kNegated;
    Strength s = c.form;
    if (cx == Context::kHedged) s = std::min(s, Strength::kHedged);
    if (cx == Context::kQuestion || cx == Context::kHypothetical || cx == Context::kReported) {
      s = Strength::kNone;
    }
    // A caution cue ahead of the verb in the sentence ("preliminary data
    // suggest that ...") hedges it.
    if (s == Strength::kDirect && HasCaution(sentence.substr(0, c.begin))) s = Strength::kHedged;
    if (negated) {
      if (r.verb.empty() && best == Strength::kNone) {
        r.negated = true;
        r.begin = c.begin;
        r.end = c.end;
        r.verb = c.word;
        r.past = c.past;
      }
      continue;
    }
    if (s > best) {
      best = s;
      r.negated = false;
      r.begin = c.begin;
      r.end = c.end;
      r.verb = c.word;
      r.past = c.past;
    }
  }
  if (best == Strength::kNone && !r.negated && !assoc.empty()) {
    Context cx = ClassifySpan(ctx, sentence, assoc[0].first, assoc[0].second);
    if (cx == Context::kNegated) {
      r.negated = true;
    } else if (cx == Context::kAsserted || cx == Context::kHedged) {
      best = Strength::kCorrelational;
    }
    r.begin = assoc[0].first;
    r.end = assoc[0].second;
  }
  r.strength = best;
  return r;
}

bool HasCaution(std::string_view text) {
  static const RE2 re(
      R"((?i)\b(?:may|might|could|possibly|potentially|perhaps|suggests?|suggested|suggesting|suggestive|appears?\s+to|seems?\s+to|promise|promising|encouraging|preliminary|pilot|feasib\w*|warrant\w*|tentative\w*|uncertain\w*|unclear|inconclusive|inconsistent|limited\s+evidence|evidence\s+(?:is|was|remains)\s+(?:limited|weak|sparse|scarce)|low[\s-](?:quality|certainty)|insufficient|should\s+be\s+(?:confirmed|interpreted\s+with\s+caution|replicated|validated)|needs?\s+(?:to\s+be\s+)?(?:confirm\w*|replicat\w*|validat\w*)|further\s+(?:research|studies|study|trials|investigation|work|efficacy\s+studies|evaluation)|more\s+(?:research|studies|trials)\s+(?:is|are)\s+(?:needed|required)|larger\s+(?:studies|trials)|(?:is|are)\s+needed\s+to\s+confirm|hypothes\w*|associat\w*|correlat\w*|linked\s+(?:to|with))\b)");
  return RE2::PartialMatch(StringPiece(text.data(), text.size()), re);
}

std::vector<std::string_view> SplitText(std::string_view text) {
  std::vector<std::string_view> out;
  for (const SentenceSpan& s : SplitSentences(text)) {
    if (s.end > s.begin) out.push_back(text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

std::string ConclusionOf(std::string_view abstract) {
  static const RE2 label(R"((?i)(\bconclusions?\s*[:.]\s*))");
  StringPiece m;
  if (RE2::PartialMatch(StringPiece(abstract.data(), abstract.size()), label, &m)) {
    std::size_t after = static_cast<std::size_t>(m.data() - abstract.data()) + m.size();
    return std::string(abstract.substr(after));
  }
  std::vector<std::string_view> sentences = SplitText(abstract);
  if (sentences.size() <= 2) return std::string(abstract);
  std::string_view first = sentences[sentences.size() - 2];
  std::size_t b = static_cast<std::size_t>(first.data() - abstract.data());
  return std::string(abstract.substr(b));
}

SourceReading ReadSource(std::string_view abstract, const ContextClassifier& ctx) {
  SourceReading out;
  std::string conclusion = ConclusionOf(abstract);
  std::string hedged_quote, caution_quote;
  for (std::string_view s : SplitText(conclusion)) {
    ClaimReading c = ReadClaim(s, ctx);
    if (!c.negated && c.strength > out.strength) out.strength = c.strength;
    if (c.strength == Strength::kHedged || c.strength == Strength::kCorrelational) {
      if (hedged_quote.empty()) hedged_quote = std::string(s);
    }
    if (HasCaution(s) && caution_quote.empty()) caution_quote = std::string(s);
  }
  bool caution = !caution_quote.empty();
  out.known = out.strength != Strength::kNone || caution;
  out.cautious = out.known && out.strength != Strength::kDirect;
  out.quote = !hedged_quote.empty() ? hedged_quote : caution_quote;
  return out;
}

std::vector<Denial> FindDenials(std::string_view text, const ContextClassifier& ctx) {
  std::vector<Denial> out;
  static const RE2 do_not(
      R"((?i)\b(?:do\s+not|don['’]t|should\s+not|must\s+not|not\s+to)\s+(?:routinely\s+)?(?:offer|use|recommend|provide|prescribe|give|refer\s+(?:people\s+)?for)\s+(.+?)\s+(?:for|to\s+(?:manage|treat|prevent))\s+(.+?)(?:\s+(?:with|in|unless|because|as|if|or)\b|[.;,]|$))");
  static const RE2 not_recommended(
      R"((?i)^(.+?)\s+(?:is|are|was|were)\s+not\s+(?:recommended|advised|endorsed)\s+(?:for|to\s+(?:manage|treat))\s+(.+?)(?:[.;,]|$))");
  static const RE2 against(
      R"((?i)\brecommends?\s+against\s+(?:the\s+use\s+of\s+)?(.+?)\s+(?:for|to\s+(?:manage|treat))\s+(.+?)(?:[.;,]|$))");
  for (std::string_view s : SplitText(text)) {
    StringPiece obj, cond;
    StringPiece sp(s.data(), s.size());
    if (RE2::PartialMatch(sp, do_not, &obj, &cond) ||
        RE2::PartialMatch(sp, not_recommended, &obj, &cond) ||
        RE2::PartialMatch(sp, against, &obj, &cond)) {
      Denial d;
      d.recommendation = true;
      d.object = ContentTerms(std::string_view(obj.data(), obj.size()), nullptr);
      d.condition = ConditionTerms(std::string_view(cond.data(), cond.size()));
      d.quote = std::string(s);
      if (!d.object.empty() && !d.condition.empty()) out.push_back(std::move(d));
      continue;
    }
    ClaimReading c = ReadClaim(s, ctx);
    if (c.negated && !c.verb.empty()) {
      Denial d;
      d.verb = c.verb;
      d.object = ContentTerms(s.substr(0, c.begin), nullptr);
      // What it was denied for, up to a comparison ("compared with sham").
      static const RE2 comparison(
          R"((?i)(\b(?:compared|versus|vs|than|relative\s+to|when|after)\b))");
      std::string_view rest = s.substr(c.end);
      StringPiece cut;
      if (RE2::PartialMatch(StringPiece(rest.data(), rest.size()), comparison, &cut)) {
        rest = rest.substr(0, static_cast<std::size_t>(cut.data() - rest.data()));
      }
      d.condition = ConditionTerms(rest);
      d.quote = std::string(s);
      if (!d.object.empty()) out.push_back(std::move(d));
    }
  }
  return out;
}

bool AssertsRecommendation(std::string_view sentence, const ContextClassifier& ctx,
                           std::size_t* begin, std::size_t* end) {
  static const RE2 re(
      R"((?i)\b((?:(?:is|are|was|were|been|be)\s+(?:(?:widely|strongly|officially|now|also|often|routinely|highly)\s+)?)?(?:recommended|endorsed|approved|advised)(?:\s+by)?|recommends?|endorses?|approves?)\b)");
  // History is not a present recommendation: "was recommended until 2016",
  // "NICE used to recommend it".
  static const RE2 history(
      R"((?i)\b(?:until|previously|formerly|used\s+to|no\s+longer|in\s+the\s+past|at\s+one\s+time|had\s+(?:been\s+)?recommended|superseded|withdrawn|replaced)\b)");
  static const RE2 past(R"((?i)^(?:was|were)\b)");
  StringPiece m;
  std::size_t pos = 0;
  StringPiece sp(sentence.data(), sentence.size());
  if (RE2::PartialMatch(sp, history)) return false;
  while (pos < sentence.size() && re.Match(sp, pos, sentence.size(), RE2::UNANCHORED, &m, 1)) {
    std::size_t b = static_cast<std::size_t>(m.data() - sentence.data());
    pos = b + std::max<std::size_t>(m.size(), 1);
    if (RE2::PartialMatch(m, past)) continue;
    std::size_t lb = b > 12 ? b - 12 : 0;
    if (LocalNegation(sentence.substr(lb, b - lb + m.size()))) continue;
    if (ClassifySpan(ctx, sentence, b, b + m.size()) != Context::kAsserted) continue;
    *begin = b;
    *end = b + m.size();
    return true;
  }
  return false;
}

}  // namespace claimlint::cite
