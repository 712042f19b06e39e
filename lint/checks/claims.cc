#include "lint/checks/claims.h"

#include <algorithm>


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
    // Every block of the run has the same answer: look at the run once
    // (thousands of quoted blocks would otherwise cost their number squared).
    if (next >= blocks.size() || first_sentence[next] < 0) {
      b = next - 1;
      continue;
    }
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

}  // namespace

std::vector<Finding> CheckClaims(const CheckInput& in) {
  std::vector<Finding> out;
  std::vector<char> refuted;
  bool any_quoted = std::any_of(in.doc.blocks.begin(), in.doc.blocks.end(),
                                [](const Block& b) { return b.quoted; });
  if (any_quoted) refuted = RefutedQuotes(in);
  std::vector<RuleMatch> matches;
  for (std::size_t si = 0; si < in.sentences.size(); ++si) {
    const Sentence& s = in.sentences[si];
    if (out.size() >= kMaxFindings) {
      out.push_back(TruncationFinding(in, s));
      break;
    }
    const Block& block = in.doc.blocks[s.block];
    std::string_view text = SentenceText(in.doc, s);
    matches.clear();
    in.rules.MatchText(text, &matches);
    for (const RuleMatch& m : matches) {
      const Rule& rule = in.rules.rules()[m.rule];
      ContextInput ci;
      ci.sentence = text;
      ci.match_begin = m.begin;
      ci.match_end = m.end;
      ci.in_blockquote = block.quoted;
      ci.blockquote_refuted = any_quoted && refuted[s.block];
      if (block.section >= 0) ci.section_heading = in.doc.blocks[block.section].text;
      Context ctx = in.context.Classify(ci);
      std::string_view name = ContextName(ctx);
      if (!rule.contexts.Has(ctx)) continue;
      if (rule.cleared_by_citation && Supported(in, static_cast<int>(si))) continue;
      std::size_t b = block.map.SourceBegin(s.begin + m.begin);
      std::size_t e = block.map.SourceEnd(s.begin + m.end);
      Finding f = MakeFinding(rule, text.substr(m.begin, m.end - m.begin), b, e);
      f.sentence = std::string(text);
      f.context = std::string(name);
      out.push_back(std::move(f));
    }
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
    in.facts->claim_findings = static_cast<int>(std::count_if(
        claims.begin(), claims.end(), [](const Finding& x) { return x.category == Category::kClaim; }));
    for (Finding& x : claims) out->push_back(std::move(x));
  };
  return f;
}

}  // namespace claimlint
