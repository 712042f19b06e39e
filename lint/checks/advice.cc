#include "lint/checks/advice.h"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>

#include "lint/checks/disclosure_scan.h"
#include "lint/checks/disclosures.h"
#include "lint/checks/risk_wording.h"
#include "lint/genre/lexicon_matcher.h"
#include "lint/text/strings.h"

namespace claimlint {
namespace {

using disclosure_internal::DocTexts;
using disclosure_internal::FindAll;

// Instruction verbs that give self-care or treatment advice. Verbs that send
// the reader elsewhere (ask, see, call, book, buy) are not advice to treat.
bool IsTreatmentInstruction(std::string_view verb) {
  static constexpr std::string_view kVerbs[] = {
      "take",  "try",     "use",     "apply",  "drink",    "eat",  "avoid",   "add",
      "start", "stop",    "keep",    "rest",   "wash",     "put",  "place",   "press",
      "rub",   "massage", "breathe", "hold",   "repeat",   "mix",  "dilute",  "combine",
      "give",  "limit",   "cut",     "reduce", "increase", "swap", "replace", "include",
      "aim",   "drop",    "spend",   "inhale", "gargle",   "soak", "sip",     "chew"};
  return std::find(std::begin(kVerbs), std::end(kVerbs), verb) != std::end(kVerbs);
}

const LexiconMatcher& Conditions() {
  static const std::vector<std::string> classes = {"condition"};
  return LexiconMatcher::Builtin(classes);
}

// General symptoms ("pain", "tiredness") name no condition a doctor treats.
bool NamesCondition(std::string_view cls) {
  return cls.rfind("condition.symptoms-general", 0) != 0;
}

// A list item that completes a condition ("Tell your practitioner if you:
// - take a blood thinner"): its verb describes the reader, it does not
// instruct.
bool ConditionalItem(const Document& doc, int block) {
  if (doc.blocks[block].kind != BlockKind::kListItem) return false;
  int j = block - 1;
  while (j >= 0 && doc.blocks[j].kind == BlockKind::kListItem) --j;
  if (j < 0) return false;
  std::string lead = Lower(TrimView(doc.blocks[j].text));
  return !lead.empty() && lead.back() == ':' &&
         (lead.find(" if ") != std::string::npos || lead.find(" if:") != std::string::npos ||
          lead.find("who ") != std::string::npos);
}

struct AdviceSentence {
  int sentence = -1;
  std::size_t src_begin = 0, src_end = 0;
  std::string match;
};

// Sentences that give advice: an instruction verb first, or a match of the
// rule's advice cues (asserted or hedged).
std::vector<AdviceSentence> AdviceSentences(const CheckInput& in, int rule_index) {
  std::vector<AdviceSentence> out;
  const bool instructions = in.rules.rules()[rule_index].option("instructions").boolean;
  const TopicMentions m = FindTopicMentions(in, rule_index);
  const Rule& rule = in.rules.rules()[rule_index];
  const CompiledRule& c = in.rules.compiled(rule_index);
  for (std::size_t si = 0; si < in.sentences.size(); ++si) {
    const Sentence& s = in.sentences[si];
    const Block& block = in.doc.blocks[s.block];
    if (block.kind == BlockKind::kHeading || block.quoted) continue;
    std::string_view text = SentenceText(in.doc, s);
    std::vector<WordToken> words = LexiconWords(text);
    std::size_t b = 0, e = 0;
    bool advice = false;
    // "Add to basket" sells; it does not advise.
    const bool shop_button =
        words.size() > 2 && words[1].word == "to" &&
        (words[2].word == "basket" || words[2].word == "cart" || words[2].word == "bag");
    if (instructions && !words.empty() && IsTreatmentInstruction(words.front().word) &&
        !shop_button && !ConditionalItem(in.doc, s.block)) {
      advice = true;
      b = words.front().begin;
      e = words.front().end;
    } else if (m.found &&
               !FindAll(rule.topic, c.topic, rule.case_sensitive, rule.word_boundary, text)
                    .empty()) {
      advice = true;
      auto spans = FindAll(rule.topic, c.topic, rule.case_sensitive, rule.word_boundary, text);
      b = spans.front().first;
      e = spans.front().second;
    }
    if (!advice) continue;
    AdviceSentence a;
    a.sentence = static_cast<int>(si);
    a.src_begin = block.map.SourceBegin(s.begin + b);
    a.src_end = block.map.SourceEnd(s.begin + e);
    a.match = std::string(text.substr(b, e - b));
    out.push_back(std::move(a));
  }
  return out;
}

// Whether the rule's wording is on the page and not denied ("there is no need
// to see a doctor").
bool AdviceDisclosed(const CheckInput& in, int rule_index, const DocTexts& t,
                     const RiskWording& risk) {
  const Rule& rule = in.rules.rules()[rule_index];
  const CompiledRule& c = in.rules.compiled(rule_index);
  for (std::size_t bi = 0; bi < in.doc.blocks.size(); ++bi) {
    if (!in.rules.ListMayMatch(t.may_block[bi], rule_index, RuleSet::List::kRequires)) continue;
    for (const auto& [b, e] : FindAll(rule.requires_, c.requires_, rule.case_sensitive,
                                      rule.word_boundary, in.doc.blocks[bi].text)) {
      if (!risk.Denied(static_cast<int>(bi), b, e)) return true;
    }
  }
  return !FindAll(rule.requires_, c.requires_, rule.case_sensitive, rule.word_boundary, t.raw)
              .empty();
}

}  // namespace

bool AdviceSubject::Named() const { return score >= kConditionSubjectScore; }

bool AdviceSubject::NamedSerious() const {
  return serious_score >= kConditionSubjectScore || serious_total > kConditionSubjectScore;
}

AdviceSubject FindAdviceSubject(const CheckInput& in) {
  const LexiconMatcher& matcher = Conditions();
  std::map<std::string, int> score, serious;
  int out_total = 0, serious_total = 0;
  auto count = [&](std::string_view text, int points) {
    std::map<std::string, bool> seen;  // one point per condition per text
    for (const LexiconHit& h : matcher.FindAll(text)) {
      const std::string& cls = matcher.classes()[h.cls];
      if (!NamesCondition(cls)) continue;
      std::string name = Lower(text.substr(h.begin, h.end - h.begin));
      if (seen[name]) continue;
      seen[name] = true;
      score[name] += points;
      if (cls.size() > 8 && cls.compare(cls.size() - 8, 8, ".serious") == 0) {
        serious[name] += points;
      }
    }
  };
  // Conditions named in a warning ("not if you have a bleeding disorder")
  // are who should beware, not what the advice is for.
  static const std::vector<std::string> warning_classes = {"risk.warning", "risk.possibility",
                                                           "risk.seek-care"};
  const LexiconMatcher& warnings = LexiconMatcher::Builtin(warning_classes);
  count(in.doc.front_matter.title, 3);
  bool seen_h1 = !in.doc.front_matter.title.empty();
  for (const Sentence& s : in.sentences) {
    const Block& block = in.doc.blocks[s.block];
    int points = 1;
    if (block.kind == BlockKind::kHeading) {
      points = block.heading_level == 1 && !seen_h1 ? 3 : 2;
      if (block.heading_level == 1) seen_h1 = true;
    }
    std::string_view text = SentenceText(in.doc, s);
    if (block.kind != BlockKind::kHeading && !warnings.FindAll(text).empty()) continue;
    count(text, points);
  }
  // "type 2 diabetes" also names diabetes: a name that ends another's words
  // gets that one's points too.
  auto merge = [](std::map<std::string, int>* m) {
    std::map<std::string, int> merged = *m;
    for (const auto& [longer, points] : *m) {
      for (const auto& [shorter, unused] : *m) {
        if (shorter.size() + 1 < longer.size() &&
            longer.compare(longer.size() - shorter.size(), shorter.size(), shorter) == 0 &&
            longer[longer.size() - shorter.size() - 1] == ' ') {
          merged[shorter] += points;
        }
      }
    }
    *m = std::move(merged);
  };
  // Several conditions named once each ("arthritis, gout, diabetes, heart
  // disease and even cancer") make a page about conditions as much as one
  // named three times.
  for (const auto& [name, points] : score) out_total += points;
  for (const auto& [name, points] : serious) serious_total += points;
  merge(&score);
  merge(&serious);
  AdviceSubject out;
  for (const auto& [name, points] : score) {
    if (points > out.score) {
      out.score = points;
      out.condition = name;
    }
  }
  for (const auto& [name, points] : serious) {
    if (points > out.serious_score) {
      out.serious_score = points;
      out.serious_condition = name;
    }
  }
  out.serious = !out.condition.empty() && serious.count(out.condition) > 0;
  out.total = out_total;
  out.serious_total = serious_total;
  return out;
}

std::vector<Finding> CheckAdvice(const CheckInput& in) {
  std::vector<Finding> out;
  if (!in.doc.lintable || in.doc.blocks.empty()) return out;
  const std::vector<int>& bound = in.rules.BoundTo("disclosures.advice");
  if (bound.empty()) return out;
  // Advice is what promoting and advising pages give; an abstract or a news
  // report of a trial tells readers what was found.
  if (in.page && !in.page->OwesTreatmentRisks()) return out;
  const AdviceSubject subject = FindAdviceSubject(in);
  const DocTexts texts = disclosure_internal::MakeDocTexts(in);
  RiskWording risk(in, texts);
  for (int i : bound) {
    const Rule& rule = in.rules.rules()[i];
    const std::string& condition = rule.option("condition").text;
    if (condition == "any" && !subject.Named()) continue;
    if (condition == "serious" && !subject.NamedSerious()) continue;
    if (condition == "none" && subject.Named()) continue;
    std::vector<AdviceSentence> advice = AdviceSentences(in, i);
    if (static_cast<int>(advice.size()) < rule.option("min_mentions").integer()) continue;
    if (AdviceDisclosed(in, i, texts, risk)) continue;
    const AdviceSentence& at = advice.front();
    Finding f = MakeFinding(rule, at.match, at.src_begin, at.src_end);
    f.sentence = std::string(SentenceText(in.doc, in.sentences[at.sentence]));
    f.context = "asserted";
    std::string named = condition == "serious" ? subject.serious_condition : subject.condition;
    if (named.empty()) named = condition == "serious" ? "a serious condition" : "a condition";
    for (std::string* text : {&f.message, &f.suggestion}) {
      std::size_t pos = text->find("{condition}");
      if (pos != std::string::npos) text->replace(pos, 11, named);
    }
    out.push_back(std::move(f));
  }
  return out;
}

CheckSpec AdviceCheckSpec() {
  CheckSpec advice;
  advice.name = "disclosures.advice";
  advice.category = Category::kDisclosure;
  advice.body = RuleBody::kTopic;
  advice.summary =
      "advice for a condition must say when to see a doctor and not to stop prescribed treatment";
  advice.options = {
      {"min_mentions", OptionType::kInteger, 1, 100, "2",
       "sentences of advice (an instruction verb first, or a match of `topic`) before the page "
       "counts as giving advice"},
      {"instructions", OptionType::kBoolean, 0, 0, "true",
       "sentences that open with an instruction verb (\"Take\", \"Apply\") count as advice, "
       "besides matches of `topic`"},
      {"condition", OptionType::kString, 0, 0, "any",
       "which pages the rule is for: any (a named condition is the advice's subject), serious "
       "(a serious condition is), none (no named condition is)"}};
  return advice;
}

}  // namespace claimlint
