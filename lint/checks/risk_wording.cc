#include "lint/checks/risk_wording.h"

#include <algorithm>
#include <string>

namespace claimlint {
namespace {

// Wording that warns by itself (a caution, a contraindication, an
// interaction, a pointer to care, a harm said to be possible), and names of
// harms that warn only beside other words ("bleeding", "rare"). Doses ("up
// to", "a day") are not risk wording: "up to 65% more pregnancies" warns of
// nothing.
const std::vector<std::string>& RiskClasses() {
  static const std::vector<std::string> classes = {
      "risk.warning",     "risk.contraindication", "risk.interaction", "risk.seek-care",
      "risk.possibility", "risk.side-effect",      "risk.severity",    "risk.denial"};
  return classes;
}

bool IsSentenceEnd(char c) { return c == '.' || c == '!' || c == '?'; }

}  // namespace

RiskWording::RiskWording(const CheckInput& in, const disclosure_internal::DocTexts& texts)
    : in_(in), texts_(texts), matcher_(LexiconMatcher::Builtin(RiskClasses())) {
  denial_ = matcher_.ClassIndex("risk.denial");
  for (const std::string& cls : matcher_.classes()) {
    act_.push_back(cls.rfind("risk.side-effect", 0) != 0 && cls.rfind("risk.severity", 0) != 0);
  }
  hits_.resize(in.doc.blocks.size());
}

const std::vector<LexiconHit>& RiskWording::Hits(int block) const {
  auto& slot = hits_[block];
  if (!slot) slot = matcher_.FindAll(in_.doc.blocks[block].text);
  return *slot;
}

bool RiskWording::Warns(const std::vector<LexiconHit>& hits, std::size_t from, std::size_t to,
                        std::size_t b, std::size_t e) const {
  for (const LexiconHit& h : hits) {
    if (h.cls == denial_ || h.begin < from || h.end > to) continue;
    // A harm's name inside the match is the bare keyword; a warning is one
    // wherever it is.
    if (!act_[h.cls] && h.begin >= b && h.end <= e) continue;
    return true;
  }
  return false;
}

bool RiskWording::Denies(const std::vector<LexiconHit>& hits, std::size_t from, std::size_t to) const {
  return std::any_of(hits.begin(), hits.end(), [&](const LexiconHit& h) {
    return h.cls == denial_ && h.begin >= from && h.end <= to;
  });
}

bool RiskWording::BlockWarns(int block) const {
  const std::vector<LexiconHit>& hits = Hits(block);
  return Warns(hits, 0, in_.doc.blocks[block].text.size(), 0, 0);
}

bool RiskWording::InBlock(int bi, std::size_t b, std::size_t e) const {
  const Document& doc = in_.doc;
  const Block& block = doc.blocks[bi];
  // A link whose text names the risk sends the reader to the warning.
  for (const Link& link : doc.links) {
    if (link.block == bi && link.text_begin <= b && e <= link.text_end) return true;
  }
  const std::vector<LexiconHit>& hits = Hits(bi);
  // The match's sentence, and the sentences either side in the same block.
  std::size_t own_b = 0, own_e = block.text.size(), from = 0, to = block.text.size();
  auto [first, last] = texts_.block_sentences[bi];
  for (std::size_t si = first; si < last; ++si) {
    const Sentence& s = in_.sentences[si];
    if (b >= s.begin && b < s.end) {
      own_b = s.begin;
      own_e = s.end;
      from = si > first ? in_.sentences[si - 1].begin : s.begin;
      to = si + 1 < last ? in_.sentences[si + 1].end : s.end;
      break;
    }
  }
  if (Denies(hits, own_b, own_e)) return false;
  if (Warns(hits, from, to, b, e)) return true;
  // The heading it falls under ("Who should not have it", "Side effects").
  if (block.section >= 0 && block.section != bi && BlockWarns(block.section)) return true;
  const int n = static_cast<int>(doc.blocks.size());
  if (block.kind == BlockKind::kHeading) {
    // A heading that names the risk: what it heads warns.
    for (int j = bi + 1; j < n && j <= bi + 2; ++j) {
      if (doc.blocks[j].kind == BlockKind::kHeading) break;
      if (BlockWarns(j)) return true;
    }
  }
  if (block.kind == BlockKind::kListItem) {
    // The other items of its list, and the paragraph that introduces it.
    int j = bi - 1;
    for (; j >= 0 && doc.blocks[j].kind == BlockKind::kListItem &&
           doc.blocks[j].section == block.section;
         --j) {
      if (BlockWarns(j)) return true;
    }
    if (j >= 0 && doc.blocks[j].kind == BlockKind::kParagraph && BlockWarns(j)) return true;
    for (j = bi + 1; j < n && doc.blocks[j].kind == BlockKind::kListItem &&
                     doc.blocks[j].section == block.section;
         ++j) {
      if (BlockWarns(j)) return true;
    }
  }
  if (block.kind == BlockKind::kTableCell) {
    // The header of its table ("Risk", "Who should not"), then the other
    // cells of its row.
    int start = bi;
    while (start > 0 && doc.blocks[start - 1].kind == BlockKind::kTableCell) --start;
    for (int j = start; j < n && doc.blocks[j].kind == BlockKind::kTableCell &&
                        doc.blocks[j].line == doc.blocks[start].line;
         ++j) {
      if (j != bi && BlockWarns(j)) return true;
    }
    for (int j = bi - 1;
         j >= 0 && doc.blocks[j].kind == BlockKind::kTableCell && doc.blocks[j].line == block.line;
         --j) {
      if (BlockWarns(j)) return true;
    }
    for (int j = bi + 1;
         j < n && doc.blocks[j].kind == BlockKind::kTableCell && doc.blocks[j].line == block.line;
         ++j) {
      if (BlockWarns(j)) return true;
    }
  }
  return false;
}

bool RiskWording::Denied(int bi, std::size_t b, std::size_t /*e*/) const {
  const Block& block = in_.doc.blocks[bi];
  std::size_t own_b = 0, own_e = block.text.size();
  auto [first, last] = texts_.block_sentences[bi];
  for (std::size_t si = first; si < last; ++si) {
    const Sentence& s = in_.sentences[si];
    if (b >= s.begin && b < s.end) {
      own_b = s.begin;
      own_e = s.end;
      break;
    }
  }
  return Denies(Hits(bi), own_b, own_e);
}

bool RiskWording::InRaw(std::size_t b, std::size_t e) const {
  const std::string& raw = texts_.raw;
  constexpr std::size_t kReach = 400;
  // The paragraph: back and forward to a blank line, at most kReach bytes.
  std::size_t from = b > kReach ? b - kReach : 0;
  std::size_t blank = raw.rfind("\n\n", b);
  if (blank != std::string::npos && blank + 2 > from) from = blank + 2;
  std::size_t to = std::min(raw.size(), e + kReach);
  std::size_t next = raw.find("\n\n", e);
  if (next != std::string::npos && next < to) to = next;
  std::string_view para = std::string_view(raw).substr(from, to - from);
  std::vector<LexiconHit> hits = matcher_.FindAll(para);
  // Its own sentence, for a denial.
  std::size_t sb = b - from, se = e - from;
  while (sb > 0 && !IsSentenceEnd(para[sb - 1])) --sb;
  while (se < para.size() && !IsSentenceEnd(para[se])) ++se;
  if (Denies(hits, sb, se)) return false;
  return Warns(hits, 0, para.size(), b - from, e - from);
}

bool RiskWording::InTitle(std::size_t b, std::size_t e) const {
  const std::string& title = in_.doc.front_matter.title;
  std::vector<LexiconHit> hits = matcher_.FindAll(title);
  if (Denies(hits, 0, title.size())) return false;
  return Warns(hits, 0, title.size(), b, e);
}

}  // namespace claimlint
