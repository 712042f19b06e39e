#include "lint/checks/disclosures.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <string_view>
#include <utility>

namespace claimlint {
namespace {

using Span = std::pair<std::size_t, std::size_t>;

bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         c >= 0x80;
}

// Every match of any pattern of `list` in `text`, leftmost first, not
// overlapping. RuleSet::FindFirst is run on the rest of the text after each
// match, so the start-of-word test is redone here against the full text.
std::vector<Span> FindAll(const PatternList& list, std::string_view text, bool word_boundary) {
  std::vector<Span> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t b = 0, e = 0;
    if (!RuleSet::FindFirst(list, text.substr(pos), word_boundary, &b, &e)) break;
    b += pos;
    e += pos;
    bool joins_word = word_boundary && b > 0 && IsWordByte(text[b]) && IsWordByte(text[b - 1]);
    if (!joins_word) out.push_back({b, e});
    pos = joins_word || e == b ? b + 1 : e;
    while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
  }
  return out;
}

bool Overlaps(const std::vector<Span>& spans, std::size_t b, std::size_t e) {
  return std::any_of(spans.begin(), spans.end(),
                     [&](const Span& s) { return s.first < e && b < s.second; });
}

int MinMentions(const Rule& rule) {
  auto it = rule.options.find("min_mentions");
  if (it == rule.options.end()) return kDefaultMinMentions;
  int n = std::atoi(it->second.c_str());
  return n > 0 ? n : kDefaultMinMentions;
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

// Byte range of the value of `key:` in the front matter, for findings placed
// at the title. Falls back to the whole front matter block.
Span FrontMatterKey(const Document& doc, std::string_view key) {
  const FrontMatter& fm = doc.front_matter;
  std::string_view text(doc.text);
  std::string_view block = text.substr(fm.src_begin, fm.src_end - fm.src_begin);
  std::size_t p = 0;
  while (p < block.size()) {
    std::size_t eol = block.find('\n', p);
    if (eol == std::string_view::npos) eol = block.size();
    std::string_view line = block.substr(p, eol - p);
    if (line.substr(0, key.size()) == key && line.size() > key.size() && line[key.size()] == ':') {
      std::size_t end = eol;
      if (end > p && block[end - 1] == '\r') --end;
      return {fm.src_begin + p, fm.src_begin + end};
    }
    p = eol + 1;
  }
  return {fm.src_begin, fm.src_begin};
}

// The article as a reader can see it, in source form: HTML comments (where
// suppressions and notes to editors live) are blanked.
std::string VisibleSource(const Document& doc) {
  std::string out = doc.text;
  for (const HtmlComment& c : doc.comments) {
    std::size_t end = std::min(c.src_end, out.size());
    for (std::size_t i = c.src_begin; i < end; ++i) {
      if (out[i] != '\n' && out[i] != '\r') out[i] = ' ';
    }
  }
  return out;
}

bool MatchesAnywhere(const PatternList& list, bool word_boundary, const Document& doc,
                     std::string_view visible) {
  if (list.empty()) return false;
  std::size_t b = 0, e = 0;
  for (const Block& block : doc.blocks) {
    if (RuleSet::FindFirst(list, block.text, word_boundary, &b, &e)) return true;
  }
  return RuleSet::FindFirst(list, visible, word_boundary, &b, &e);
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

}  // namespace

TopicMentions FindTopicMentions(const CheckInput& in, int rule_index) {
  const Rule& rule = in.rules.rules()[rule_index];
  const CompiledRule& c = in.rules.compiled(rule_index);
  const Document& doc = in.doc;
  TopicMentions out;
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

  for (std::size_t si = 0; si < in.sentences.size(); ++si) {
    const Sentence& s = in.sentences[si];
    const Block& block = doc.blocks[s.block];
    std::string_view text = SentenceText(doc, s);
    std::vector<Span> spans = FindAll(c.topic, text, rule.word_boundary);
    if (spans.empty()) continue;
    std::vector<Span> except = FindAll(c.exceptions, text, /*word_boundary=*/false);
    for (const auto& [b, e] : spans) {
      if (Overlaps(except, b, e)) continue;
      ContextInput ci;
      ci.sentence = text;
      ci.match_begin = b;
      ci.match_end = e;
      ci.in_blockquote = block.quoted;
      ci.blockquote_refuted = block.quoted && QuoteRefuted(in, si);
      ci.section_heading = SectionHeading(doc, block);
      Context ctx = in.context.Classify(ci);
      // A topic is discussed when it is asserted or hedged ("may help"); a
      // denial, a question, a quotation or a supposition is not enough.
      if (ctx != Context::kAsserted && ctx != Context::kHedged) continue;
      ++out.counted_sentences;
      if (block.kind == BlockKind::kHeading) out.in_heading = true;
      record({s.block, s.begin + b}, block.map.SourceBegin(s.begin + b),
             block.map.SourceEnd(s.begin + e), text.substr(b, e - b), static_cast<int>(si), ctx);
      break;  // one mention per sentence is all the count needs
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
      Span at = FrontMatterKey(doc, "title");
      record({-1, 0}, at.first, at.second, std::string_view(fm.title).substr(tb, te - tb), -1,
             Context::kAsserted);
    }
  }

  out.about = out.found && (out.in_heading || out.counted_sentences >= MinMentions(rule));
  return out;
}

bool DisclosureMade(const CheckInput& in, int rule_index) {
  const Rule& rule = in.rules.rules()[rule_index];
  return MatchesAnywhere(in.rules.compiled(rule_index).requires_, rule.word_boundary, in.doc,
                         VisibleSource(in.doc));
}

std::vector<Finding> CheckDisclosures(const CheckInput& in) {
  std::vector<Finding> out;
  if (!in.doc.lintable || in.doc.blocks.empty()) return out;
  const std::vector<Rule>& rules = in.rules.rules();
  std::string visible;  // built on first need
  std::map<std::string, TopicMentions> memo;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const Rule& rule = rules[i];
    if (rule.category != "disclosure" || rule.topic.empty() || !rule.check.empty()) continue;
    const CompiledRule& c = in.rules.compiled(static_cast<int>(i));
    std::string key = TopicKey(rule);
    auto it = memo.find(key);
    if (it == memo.end()) {
      it = memo.emplace(key, FindTopicMentions(in, static_cast<int>(i))).first;
    }
    const TopicMentions& m = it->second;
    if (!m.about) continue;
    if (visible.empty()) visible = VisibleSource(in.doc);
    if (!c.narrow.empty() && !MatchesAnywhere(c.narrow, rule.word_boundary, in.doc, visible)) {
      continue;
    }
    if (MatchesAnywhere(c.requires_, rule.word_boundary, in.doc, visible)) continue;
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

}  // namespace claimlint
