#include "lint/checks/disclosures.h"

#include "lint/document/front_matter.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string_view>
#include <utility>

namespace claimlint {
namespace {

using Span = std::pair<std::size_t, std::size_t>;

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

int MinMentions(const Rule& rule) {
  return static_cast<int>(rule.option("min_mentions").integer());
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


// The texts of one document that every rule scans, built once.
struct DocTexts {
  // Every block's text, then link destinations and the title, separated so
  // that a pattern rarely runs from one into the next: one scan per pattern
  // tells whether a topic or a disclosure occurs at all.
  std::string joined;
  // The source as a reader can see it (raw HTML, front matter): HTML
  // comments, where suppressions and notes to editors live, are blanked.
  std::string visible;
  // For each block, its sentences: [first, last) indices into in.sentences.
  std::vector<std::pair<std::size_t, std::size_t>> block_sentences;
  // The rules' list patterns that can match `joined` / `visible` / each
  // block's text at all.
  std::vector<char> may_joined, may_visible;
  // For each block, the rules whose topic can match its text (sorted): a
  // list of the few, not a flag per pattern, so that memory stays linear in
  // the number of blocks.
  std::vector<std::vector<int>> block_topics;
};

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
  // One literal scan per block gives the blocks' candidates; the joined text
  // adds link destinations and the title.
  std::vector<int> topic_rules;
  for (std::size_t r = 0; r < in.rules.rules().size(); ++r) {
    if (!in.rules.rules()[r].topic.empty()) topic_rules.push_back(static_cast<int>(r));
  }
  t.block_topics.resize(doc.blocks.size());
  std::vector<char> may;
  for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
    may.clear();
    in.rules.ListCandidates(doc.blocks[b].text, &may);
    for (int r : topic_rules) {
      if (in.rules.ListMayMatch(may, r, RuleSet::List::kTopic)) t.block_topics[b].push_back(r);
    }
    if (b == 0) {
      t.may_joined = may;
    } else {
      for (std::size_t k = 0; k < t.may_joined.size(); ++k) t.may_joined[k] |= may[k];
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

TopicMentions Mentions(const CheckInput& in, int rule_index, const DocTexts& t) {
  const Rule& rule = in.rules.rules()[rule_index];
  const CompiledRule& c = in.rules.compiled(rule_index);
  const Document& doc = in.doc;
  TopicMentions out;
  if (!in.rules.ListMayMatch(t.may_joined, rule_index, RuleSet::List::kTopic)) return out;
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
    auto [si, s_last] = t.block_sentences[bi];
    if (si == s_last) continue;
    const Block& block = doc.blocks[bi];
    const std::vector<int>& topics = t.block_topics[bi];
    if (!std::binary_search(topics.begin(), topics.end(), rule_index)) continue;
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
      if (block.kind == BlockKind::kHeading) out.in_heading = true;
      record({static_cast<int>(bi), b}, block.map.SourceBegin(b), block.map.SourceEnd(e),
             std::string_view(block.text).substr(b, e - b), static_cast<int>(si), ctx);
    }
  }

  // Link destinations (affiliate links, shop URLs) are mentions too.
  for (const Link& link : doc.links) {
    std::size_t b = 0, e = 0;
    if (!RuleSet::FindFirst(c.topic, link.destination, rule.word_boundary, &b, &e)) continue;
    ++out.counted_sentences;
    record({link.block, link.text_begin}, link.src_begin, link.src_end,
           link.text.empty() ? std::string_view(link.destination) : std::string_view(link.text), -1,
           Context::kAsserted);
  }

  // The title names what the article is about.
  const FrontMatter& fm = doc.front_matter;
  std::size_t tb = 0, te = 0;
  if (!fm.title.empty() && RuleSet::FindFirst(c.topic, fm.title, rule.word_boundary, &tb, &te)) {
    out.in_heading = true;
    if (!out.found) {
      SourceRange at = FrontMatterKeySpan(doc, "title");
      record({-1, 0}, at.begin, at.end, std::string_view(fm.title).substr(tb, te - tb), -1,
             Context::kAsserted);
    }
  }

  out.about = out.found && (out.in_heading || out.counted_sentences >= MinMentions(rule));
  return out;
}

}  // namespace

TopicMentions FindTopicMentions(const CheckInput& in, int rule_index) {
  return Mentions(in, rule_index, MakeDocTexts(in));
}

bool DisclosureMade(const CheckInput& in, int rule_index) {
  return MatchesAnywhere(in, rule_index, RuleSet::List::kRequires, MakeDocTexts(in));
}

std::vector<Finding> CheckDisclosures(const CheckInput& in) {
  std::vector<Finding> out;
  if (!in.doc.lintable || in.doc.blocks.empty()) return out;
  const std::vector<Rule>& rules = in.rules.rules();
  const DocTexts texts = MakeDocTexts(in);
  std::map<std::string, TopicMentions> memo;
  for (int bound : in.rules.BoundTo("disclosures.topic")) {
    const std::size_t i = static_cast<std::size_t>(bound);
    const Rule& rule = rules[i];
    const CompiledRule& c = in.rules.compiled(static_cast<int>(i));
    std::string key = TopicKey(rule);
    auto it = memo.find(key);
    if (it == memo.end()) {
      it = memo.emplace(key, Mentions(in, static_cast<int>(i), texts)).first;
    }
    const TopicMentions& m = it->second;
    if (!m.about) continue;
    if (!c.narrow.empty() &&
        !MatchesAnywhere(in, static_cast<int>(i), RuleSet::List::kNarrow, texts)) {
      continue;
    }
    if (MatchesAnywhere(in, static_cast<int>(i), RuleSet::List::kRequires, texts)) continue;
    Finding f = MakeFinding(rule, m.match, m.src_begin, m.src_end);
    if (m.sentence >= 0) f.sentence = std::string(SentenceText(in.doc, in.sentences[m.sentence]));
    f.context = std::string(ContextName(m.context));
    out.push_back(std::move(f));
  }
  std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.rule < b.rule;
  });
  return out;
}

CheckFamily DisclosureChecks() {
  CheckFamily f;
  CheckSpec topic;
  topic.name = "disclosures.topic";
  topic.category = Category::kDisclosure;
  topic.body = RuleBody::kTopic;
  topic.summary = "an article about a topic must disclose what the rule requires";
  topic.options = {{"min_mentions", OptionType::kInteger, 1, 100,
                    std::to_string(kDefaultMinMentions),
                    "sentences that must mention the topic (a heading or the title always "
                    "counts) before the article is about it"}};
  f.specs = {topic};
  f.run = [](const CheckInput& in, std::vector<Finding>* out) {
    for (Finding& x : CheckDisclosures(in)) out->push_back(std::move(x));
  };
  return f;
}

}  // namespace claimlint
