#include "lint/checks/disclosures.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <utility>

#include "lint/checks/advice.h"
#include "lint/checks/disclosure_scan.h"
#include "lint/checks/risk_wording.h"
#include "lint/document/front_matter.h"
#include "lint/text/strings.h"

namespace claimlint {
namespace {

using disclosure_internal::DocTexts;
using disclosure_internal::FindAll;
using disclosure_internal::MatchesAnywhere;
using disclosure_internal::Overlaps;
using disclosure_internal::Span;

int MinMentions(const Rule& rule) {
  return static_cast<int>(rule.option("min_mentions").integer());
}

bool BoolOption(const Rule& rule, const std::string& name, bool absent = true) {
  auto it = rule.options.find(name);
  return it == rule.options.end() ? absent : it->second.boolean;
}

// The heading a block falls under, "" when none.
std::string_view SectionHeading(const Document& doc, const Block& block) {
  if (block.section < 0 || block.section >= static_cast<int>(doc.blocks.size())) return {};
  return doc.blocks[block.section].text;
}

// True when sentence `si` is in a blockquote and the first sentence after the
// quote refutes it ("This is a myth."): the quote is then reported speech.
bool QuoteRefuted(const CheckInput& in, std::size_t si) {
  const Document& doc = in.doc;
  for (std::size_t j = si + 1; j < in.sentences.size(); ++j) {
    const Block& b = doc.blocks[in.sentences[j].block];
    if (b.quoted) continue;
    return in.context.IsRefutation(SentenceText(doc, in.sentences[j]));
  }
  return false;
}

// Mentions with the same patterns and threshold are found once per document.
std::string TopicKey(const Rule& rule) {
  std::string key = std::to_string(MinMentions(rule));
  key += rule.case_sensitive ? 'C' : 'c';
  key += rule.word_boundary ? 'W' : 'w';
  for (const auto* list : {&rule.topic, &rule.exceptions}) {
    key += '\x1e';
    for (const std::string& p : *list) key += p + '\x1f';
  }
  return key;
}

struct DocPosition {
  int block = 0;
  std::size_t offset = 0;
  bool operator<(const DocPosition& o) const {
    return block != o.block ? block < o.block : offset < o.offset;
  }
};

// A link that pays its publisher: a referral or affiliate parameter, or an
// affiliate network's host.
bool IsAffiliateLink(std::string_view destination) {
  std::string d = Lower(destination);
  for (std::string_view marker :
       {"ref=",      "referral",      "affiliate",   "aff=",      "affid",
        "aff_id",    "tag=",          "amzn.to",     "awin",      "shareasale",
        "clickbank", "skimresources", "linksynergy", "rstyle.me", "anrdoezrs",
        "jdoqocy",   "tkqlhce",       "dpbolvw",     "prf.hn",    "pntra"}) {
    if (d.find(marker) != std::string::npos) return true;
  }
  return false;
}

// The first sentences of the body (after the title): a topic named there is
// what the page sets out to discuss.
constexpr std::size_t kLeadSentences = 3;

TopicMentions Mentions(const CheckInput& in, int rule_index, const DocTexts& t) {
  const Rule& rule = in.rules.rules()[rule_index];
  const CompiledRule& c = in.rules.compiled(rule_index);
  const Document& doc = in.doc;
  TopicMentions out;
  if (!in.rules.ListMayMatch(t.may_joined, rule_index, RuleSet::List::kTopic)) return out;
  // Index of the first body sentence that is not in a heading.
  std::size_t body_first = in.sentences.size();
  for (std::size_t i = 0; i < in.sentences.size(); ++i) {
    if (doc.blocks[in.sentences[i].block].kind != BlockKind::kHeading) {
      body_first = i;
      break;
    }
  }
  bool seen_h1 = false;
  DocPosition first;
  auto record = [&](DocPosition pos, std::size_t b, std::size_t e, std::string_view match,
                    int sentence, Context ctx) {
    if (out.found && !(pos < first)) return;
    out.found = true;
    first = pos;
    out.src_begin = b;
    out.src_end = e;
    out.match = std::string(match);
    out.sentence = sentence;
    out.context = ctx;
  };

  for (std::size_t bi = 0; bi < doc.blocks.size(); ++bi) {
    const Block& block = doc.blocks[bi];
    // The page's own title: its first level-1 heading.
    const bool is_title = block.kind == BlockKind::kHeading && block.heading_level == 1 && !seen_h1;
    if (block.kind == BlockKind::kHeading && block.heading_level == 1) seen_h1 = true;
    auto [si, s_last] = t.block_sentences[bi];
    if (si == s_last) continue;
    if (!in.rules.ListMayMatch(t.may_block[bi], rule_index, RuleSet::List::kTopic)) continue;
    std::vector<Span> spans =
        FindAll(rule.topic, c.topic, rule.case_sensitive, rule.word_boundary, block.text);
    if (spans.empty()) continue;
    std::vector<Span> except = FindAll(rule.exceptions, c.exceptions, rule.case_sensitive,
                                       /*word_boundary=*/false, block.text);
    std::size_t counted = s_last;  // the sentence last counted, s_last for none
    for (const auto& [b, e] : spans) {
      if (Overlaps(except, b, e)) continue;
      while (si < s_last && in.sentences[si].end <= b) ++si;
      if (si == s_last) break;
      const Sentence& s = in.sentences[si];
      if (b < s.begin || e > s.end || si == counted) continue;
      std::string_view text = SentenceText(doc, s);
      ContextInput ci;
      ci.sentence = text;
      ci.match_begin = b - s.begin;
      ci.match_end = e - s.begin;
      ci.in_blockquote = block.quoted;
      ci.blockquote_refuted = block.quoted && QuoteRefuted(in, si);
      ci.section_heading = SectionHeading(doc, block);
      Context ctx = in.context.Classify(ci);
      // A topic is discussed when it is asserted or hedged ("may help"); a
      // denial, a question, a quotation or a supposition is not enough.
      if (ctx != Context::kAsserted && ctx != Context::kHedged) continue;
      counted = si;  // one mention per sentence is all the count needs
      ++out.counted_sentences;
      if (is_title) {
        out.in_title = true;
      } else if (block.kind == BlockKind::kHeading) {
        out.in_heading = true;
      }
      if (si >= body_first && si < body_first + kLeadSentences) out.in_lead = true;
      record({static_cast<int>(bi), b}, block.map.SourceBegin(b), block.map.SourceEnd(e),
             std::string_view(block.text).substr(b, e - b), static_cast<int>(si), ctx);
    }
  }

  // Link destinations (affiliate links, shop URLs) are mentions too.
  for (const Link& link : doc.links) {
    if (IsAffiliateLink(link.destination)) out.affiliate_link = true;
    std::size_t b = 0, e = 0;
    if (!RuleSet::FindFirst(c.topic, link.destination, rule.word_boundary, &b, &e)) continue;
    ++out.counted_sentences;
    DocPosition pos{link.block, link.text_begin};
    record(pos, link.src_begin, link.src_end,
           link.text.empty() ? std::string_view(link.destination) : std::string_view(link.text), -1,
           Context::kAsserted);
  }

  // The title names what the article is about.
  const FrontMatter& fm = doc.front_matter;
  std::size_t tb = 0, te = 0;
  if (!fm.title.empty() && RuleSet::FindFirst(c.topic, fm.title, rule.word_boundary, &tb, &te)) {
    out.in_title = true;
    if (!out.found) {
      SourceRange at = FrontMatterKeySpan(doc, "title");
      record({-1, 0}, at.begin, at.end, std::string_view(fm.title).substr(tb, te - tb), -1,
             Context::kAsserted);
    }
  }

  const int min = MinMentions(rule);
  out.about = out.found && (out.in_title || out.in_heading || out.counted_sentences >= min);
  return out;
}

// How much a page says about a topic: its sentences, and more for the title
// and the headings that name it.
int TopicWeight(const TopicMentions& m) {
  return m.counted_sentences + (m.in_title ? kTitleWeight : 0) +
         (m.in_heading ? kHeadingWeight : 0);
}

// Whether the topic is the page's subject rather than named in passing: in
// the title, or a heading; or, in at least 1/kPageShare of the page's
// sentences, named in the lead or discussed in at least 1/kSubjectShare of
// the weight of the page's main topic (TopicWeight).
bool IsSubject(const TopicMentions& m, int min_mentions, int main_topic_sentences,
               int body_sentences) {
  if (!m.about) return false;
  if (min_mentions <= 1) return true;  // a narrow topic that one mention makes
  if (m.in_title || m.in_heading) return true;
  if (m.counted_sentences < min_mentions) return false;
  // A treatment in one item of a long list (a guideline's options) is not
  // what the page is about.
  if (m.counted_sentences * kPageShare < body_sentences) return false;
  if (m.in_lead) return true;
  return m.counted_sentences * kSubjectShare >= main_topic_sentences;
}

// Whether the rule's disclosure is made: a `requires` match with risk wording
// near it (RiskWording), or, for a rule that opts out of risk wording, any
// match anywhere.
bool Disclosed(const CheckInput& in, int rule_index, const DocTexts& t, const RiskWording& risk) {
  const Rule& rule = in.rules.rules()[rule_index];
  if (!BoolOption(rule, "risk_wording")) {
    return MatchesAnywhere(in, rule_index, RuleSet::List::kRequires, t);
  }
  const CompiledRule& c = in.rules.compiled(rule_index);
  if (c.requires_.empty()) return false;
  const Document& doc = in.doc;
  for (std::size_t bi = 0; bi < doc.blocks.size(); ++bi) {
    if (!in.rules.ListMayMatch(t.may_block[bi], rule_index, RuleSet::List::kRequires)) continue;
    for (const auto& [b, e] : FindAll(rule.requires_, c.requires_, rule.case_sensitive,
                                      rule.word_boundary, doc.blocks[bi].text)) {
      if (risk.InBlock(static_cast<int>(bi), b, e)) return true;
    }
  }
  for (const auto& [b, e] : FindAll(rule.requires_, c.requires_, rule.case_sensitive,
                                    rule.word_boundary, doc.front_matter.title)) {
    if (risk.InTitle(b, e)) return true;
  }
  if (in.rules.ListMayMatch(t.may_visible, rule_index, RuleSet::List::kRequires)) {
    for (const auto& [b, e] :
         FindAll(rule.requires_, c.requires_, rule.case_sensitive, rule.word_boundary, t.raw)) {
      if (risk.InRaw(b, e)) return true;
    }
  }
  return false;
}

Finding FindingAt(const CheckInput& in, const Rule& rule, const TopicMentions& m) {
  Finding f = MakeFinding(rule, m.match, m.src_begin, m.src_end);
  if (m.sentence >= 0) f.sentence = std::string(SentenceText(in.doc, in.sentences[m.sentence]));
  f.context = std::string(ContextName(m.context));
  return f;
}

void SortFindings(std::vector<Finding>* out) {
  std::stable_sort(out->begin(), out->end(), [](const Finding& a, const Finding& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.rule < b.rule;
  });
}

}  // namespace

TopicMentions FindTopicMentions(const CheckInput& in, int rule_index) {
  return Mentions(in, rule_index, disclosure_internal::MakeDocTexts(in));
}

bool DisclosureMade(const CheckInput& in, int rule_index) {
  const DocTexts texts = disclosure_internal::MakeDocTexts(in);
  RiskWording risk(in, texts);
  return Disclosed(in, rule_index, texts, risk);
}

std::vector<Finding> CheckDisclosures(const CheckInput& in) {
  std::vector<Finding> out;
  if (!in.doc.lintable || in.doc.blocks.empty()) return out;
  // A page that reports on a treatment (a trial's abstract, a news story) or
  // refutes a claim about it does not owe readers the treatment's risks.
  if (in.page && !in.page->OwesTreatmentRisks()) return out;
  const std::vector<Rule>& rules = in.rules.rules();
  const DocTexts texts = disclosure_internal::MakeDocTexts(in);
  RiskWording risk(in, texts);
  const std::vector<int>& bound = in.rules.BoundTo("disclosures.topic");
  // Every topic's mentions first: whether a topic is the page's subject
  // depends on how much the page says about its main one.
  std::map<std::string, TopicMentions> memo;
  std::vector<const TopicMentions*> mentions;
  int main_topic = 0;
  int body_sentences = 0;
  for (const Sentence& sentence : in.sentences) {
    body_sentences += in.doc.blocks[sentence.block].kind != BlockKind::kHeading;
  }
  for (int i : bound) {
    const Rule& rule = rules[i];
    std::string key = TopicKey(rule);
    auto it = memo.find(key);
    if (it == memo.end()) it = memo.emplace(key, Mentions(in, i, texts)).first;
    mentions.push_back(&it->second);
    if (MinMentions(rule) > 1 && BoolOption(rule, "subject")) {
      main_topic = std::max(main_topic, TopicWeight(it->second));
    }
  }
  for (std::size_t k = 0; k < bound.size(); ++k) {
    const int i = bound[k];
    const Rule& rule = rules[i];
    const TopicMentions& m = *mentions[k];
    if (!m.about) continue;
    if (BoolOption(rule, "subject") &&
        !IsSubject(m, MinMentions(rule), main_topic, body_sentences)) {
      continue;
    }
    const CompiledRule& c = in.rules.compiled(i);
    if (!c.narrow.empty() && !MatchesAnywhere(in, i, RuleSet::List::kNarrow, texts)) continue;
    if (Disclosed(in, i, texts, risk)) continue;
    out.push_back(FindingAt(in, rule, m));
  }
  SortFindings(&out);
  return out;
}

std::vector<Finding> CheckInterest(const CheckInput& in) {
  std::vector<Finding> out;
  if (!in.doc.lintable || in.doc.blocks.empty()) return out;
  const std::vector<Rule>& rules = in.rules.rules();
  const DocTexts texts = disclosure_internal::MakeDocTexts(in);
  // A page that speaks as the seller ("our clinic", "we offer", a shop's
  // product page) or as an institution states its interest by doing so; a
  // network-marketing or influencer page does not, however it speaks.
  bool own_seller = false;
  if (in.page) {
    const bool mlm = in.page->SignalCount("mlm-or-influencer") > 0 || in.page->genre == "mlm";
    own_seller = !mlm && (in.page->SellsOwnService() || in.page->careful ||
                          in.page->SignalCount("first-person-practice") > 0);
  }
  for (int i : in.rules.BoundTo("disclosures.interest")) {
    const Rule& rule = rules[i];
    TopicMentions m = Mentions(in, i, texts);
    if (!m.about) continue;
    // An affiliate or referral link is an interest in someone else's shop,
    // whoever the page speaks as.
    if (own_seller && !m.affiliate_link) continue;
    if (MatchesAnywhere(in, i, RuleSet::List::kRequires, texts)) continue;
    out.push_back(FindingAt(in, rule, m));
  }
  SortFindings(&out);
  return out;
}

CheckFamily DisclosureChecks() {
  CheckFamily f;
  CheckSpec topic;
  topic.name = "disclosures.topic";
  topic.category = Category::kDisclosure;
  topic.body = RuleBody::kTopic;
  topic.summary =
      "a page that promotes or advises a treatment must disclose the risks the rule requires";
  topic.options = {
      {"min_mentions", OptionType::kInteger, 1, 100, std::to_string(kDefaultMinMentions),
       "sentences that must mention the topic (a heading or the title always counts) before the "
       "article is about it"},
      {"subject", OptionType::kBoolean, 0, 0, "true",
       "the topic must be the page's subject (title, a heading, the lead, or a third as many "
       "mentions as its main topic), not named in passing"},
      {"risk_wording", OptionType::kBoolean, 0, 0, "true",
       "a `requires` match counts only with risk wording near it (a warning, side effect, "
       "contraindication, interaction or pointer to care), and never in a denial of the risk"},
      {"keep_treatment", OptionType::kBoolean, 0, 0, "false",
       "the rule asks readers not to stop or replace their treatment: where it fires, the "
       "general keep-treatment rule (disclosures.advice, condition: serious) stays silent"}};
  CheckSpec interest;
  interest.name = "disclosures.interest";
  interest.category = Category::kDisclosure;
  interest.body = RuleBody::kTopic;
  interest.summary =
      "a call to buy or book must come with the publisher's interest, unless the page plainly "
      "speaks as the seller";
  interest.options = {{"min_mentions", OptionType::kInteger, 1, 100, "1",
                       "calls to buy or book that make the page commercial"}};
  f.specs = {topic, interest, AdviceCheckSpec()};
  f.run = [](const CheckInput& in, std::vector<Finding>* out) {
    std::vector<Finding> topic = CheckDisclosures(in);
    // A topic's own "not instead of your treatment" rule, when it fires, says
    // what the general keep-treatment rule would: report it once.
    bool treatment_asked = false;
    for (const Finding& x : topic) {
      int r = in.rules.Find(x.rule);
      if (r >= 0 && BoolOption(in.rules.rules()[r], "keep_treatment", false))
        treatment_asked = true;
    }
    for (Finding& x : topic) out->push_back(std::move(x));
    for (Finding& x : CheckInterest(in)) out->push_back(std::move(x));
    for (Finding& x : CheckAdvice(in)) {
      int r = in.rules.Find(x.rule);
      if (treatment_asked && r >= 0 && in.rules.rules()[r].option("condition").text == "serious") {
        continue;
      }
      out->push_back(std::move(x));
    }
  };
  return f;
}

}  // namespace claimlint
