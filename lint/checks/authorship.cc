#include "lint/checks/authorship.h"

#include "lint/checks/article_lines.h"
#include "lint/document/sentence_splitter.h"
#include "lint/text/strings.h"

namespace claimlint {
namespace {

using namespace article_lines;  // NOLINT: the line readers this file is built on

// A byline starting at text[start]: "By Jane Smith", "Written by ...",
// "Author: ...", "Correspondence: ...".
bool BylineAt(std::string_view text, std::size_t start) {
  re2::StringPiece input(text.data() + start, text.size() - start);
  if (RE2::PartialMatch(input, AuthorInformationCue())) return true;
  std::string cue, colon;
  if (!RE2::PartialMatch(input, BylineCue(), &cue, &colon)) return false;
  // A bare "By ..." must be a short line of its own, or it is prose
  // ("By Targeting These Points ...").
  // So must "Published by ...", "Produced by ...": prose starts that way too.
  static const RE2 kPublishing("(?i)published|produced|prepared|compiled|content|page|article");
  bool bare_by = (Lower(cue) == "by" || RE2::PartialMatch(cue, kPublishing)) && colon.empty();
  return WordCount(text) <= (bare_by ? 12 : 40);
}

// What may come before a team or a reviewer named by role in a byline: a
// few words such as "Health advice", "Page last", never a clause with a
// subject or a verb of its own ("Your symptoms should be checked by a
// doctor", "We got help from the hospital team").
bool BylineLead(std::string_view lead) {
  static const RE2 kClause(
      "(?i)\\b(?:i|we|you|they|he|she|it|your|their|his|her|should|must|may|can|could|will|"
      "would|be|is|are|was|were|get|got|ask|talk|speak|see|call|contact|help|support|need|"
      "needs|seek)\\b");
  return WordCount(lead) <= 3 && !RE2::PartialMatch(lead, kClause);
}

// A line (or a sentence) that says who wrote or checked the page: a byline
// at its start or after a separator ("Oct 30, 2024 · Written by the FungiFolk
// team"), a team or a health professional by role at its start ("Health
// advice from the pharmacists at ...", "Last reviewed by a consultant"), or
// a statement about the page's authorship.
// Where `text` sits: its block and its offset in the block's text, so that a
// cue at the start of a source line ("...information\nPrepared by our
// pharmacist team") reads as the start of a line.
struct Where {
  const Document& doc;
  const Block& block;
  std::size_t offset;
  bool StartsSourceLine(std::size_t at) const {
    std::size_t p = block.map.SourceBegin(offset + at);
    while (p > 0 && (doc.text[p - 1] == ' ' || doc.text[p - 1] == '\t' || doc.text[p - 1] == '*' ||
                     doc.text[p - 1] == '_')) {
      --p;
    }
    return p == 0 || doc.text[p - 1] == '\n' || doc.text[p - 1] == '\r';
  }
};

bool AuthorLine(std::string_view text, const Where& where) {
  std::size_t start = SkipDecoration(text, 0);
  if (BylineAt(text, start)) return true;
  // "Page last reviewed: 3 March 2024 by NHS Inform", "© 2024 Versus
  // Arthritis": a short line naming who reviewed or publishes the page.
  re2::StringPiece rest(text.data() + start, text.size() - start);
  // A copyright line names an author only when the holder is an institution
  // (a shop's or a magazine's copyright is not a byline).
  static const RE2 institution(
      "(?i)\\b(?:university|college|hospital|nhs|trust|charity|foundation|society|association|"
      "institute|council|federation|alliance|support|research|agency|department|ministry|"
      "board|service|services|centre|center|pharmacy)\\b");
  if (WordCount(text) <= 20 &&
      (RE2::PartialMatch(rest, DatedLineBy()) ||
       (RE2::PartialMatch(rest, CopyrightLine()) && RE2::PartialMatch(rest, institution)))) {
    return true;
  }
  if (WordCount(text) > 20) return RE2::PartialMatch(text, SelfAuthorship());
  std::vector<std::size_t> starts = {0};
  for (std::size_t at : SeparatorEnds(text, /*commas=*/false)) starts.push_back(at);
  for (std::size_t seg : starts) {
    std::string_view rest = text.substr(seg);
    if (seg > 0 && BylineAt(rest, SkipDecoration(rest, 0))) return true;
    re2::StringPiece input(rest.data(), rest.size());
    re2::StringPiece m;
    for (const RE2* re : {&TeamByline(), &RoleReviewer()}) {
      if (!re->Match(input, 0, rest.size(), RE2::UNANCHORED, &m, 1)) continue;
      std::size_t at = static_cast<std::size_t>(m.data() - rest.data());
      if (BylineLead(rest.substr(0, at)) || where.StartsSourceLine(seg + at)) return true;
    }
  }
  return RE2::PartialMatch(text, SelfAuthorship());
}

// A name list in bold at the start of a block, as papers and practitioners
// give their bylines: "**Jonah Marlow, Tessa Ferris**", "**Clare Hollis,
// RSHom** · Little Acorns Homeopathy".
bool BoldNames(const Document& doc, const Block& block) {
  std::string_view src(doc.text);
  std::size_t b = block.src_begin;
  if (b + 2 > src.size() || (src.substr(b, 2) != "**" && src.substr(b, 2) != "__")) return false;
  std::size_t close = src.find(src.substr(b, 2), b + 2);
  if (close == std::string_view::npos || close > block.src_end) return false;
  std::string_view bold = src.substr(b + 2, close - b - 2);
  if (bold.find('\n') != std::string_view::npos && WordCount(bold) > 30) return false;
  std::string flat(bold);
  for (char& c : flat) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  std::string_view names = TrimView(flat);
  if (names.size() > 3 && (names.substr(0, 3) == "By " || names.substr(0, 3) == "by ")) {
    names.remove_prefix(3);
  }
  return LooksLikeNames(names);
}

}  // namespace

bool HasAuthor(const Document& doc) {
  const FrontMatter& fm = doc.front_matter;
  if (!fm.author.empty() || !fm.reviewer.empty() || !fm.publisher.empty()) return true;
  // The running text, without the title, descriptions and alt text.
  std::vector<const Block*> body;
  for (const Block& block : doc.blocks) {
    if (!IsSideText(block.kind)) body.push_back(&block);
  }
  for (std::size_t i = 0; i < body.size(); ++i) {
    const Block& block = *body[i];
    if (block.quoted) continue;
    if (block.kind == BlockKind::kHeading && RE2::FullMatch(block.text, AboutAuthorHeading())) {
      return true;
    }
    if (i < 6 && block.kind != BlockKind::kHeading && BoldNames(doc, block)) return true;
    bool foot = i + 2 >= body.size();
    for (const Line& line : LinesOf(block.text)) {
      std::string_view text =
          std::string_view(block.text).substr(line.begin, line.end - line.begin);
      if (AuthorLine(text, {doc, block, line.begin})) return true;
      if (foot && WordCount(text) <= 10 && RE2::PartialMatch(text, SignOff())) return true;
      // A longer line: its sentences may be bylines ("... Written by Dr
      // Okafor. Last reviewed ...") or name the publisher at the page's foot.
      if (WordCount(text) <= 20) continue;
      for (const SentenceSpan& s : SplitSentences(text)) {
        std::string_view sentence = text.substr(s.begin, s.end - s.begin);
        if (WordCount(sentence) <= 20 && AuthorLine(sentence, {doc, block, line.begin + s.begin})) {
          return true;
        }
        if (foot && RE2::PartialMatch(sentence, PublisherStatement())) return true;
      }
    }
    if (foot && RE2::PartialMatch(block.text, PublisherStatement())) return true;
  }
  return false;
}

}  // namespace claimlint
