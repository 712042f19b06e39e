#include "lint/checks/authorship.h"

#include "lint/checks/article_lines.h"
#include "lint/text/strings.h"

namespace claimlint {

using namespace article_lines;  // NOLINT: the line readers this file is built on

bool HasAuthor(const Document& doc) {
  if (!doc.front_matter.author.empty()) return true;
  for (const Block& block : doc.blocks) {
    if (block.quoted) continue;
    if (block.kind == BlockKind::kHeading && RE2::FullMatch(block.text, AboutAuthorHeading())) {
      return true;
    }
    for (const Line& line : LinesOf(block.text)) {
      std::string_view text =
          std::string_view(block.text).substr(line.begin, line.end - line.begin);
      std::size_t start = SkipDecoration(text, 0);
      re2::StringPiece input(text.data() + start, text.size() - start);
      std::string cue, colon;
      if (!RE2::PartialMatch(input, BylineCue(), &cue, &colon)) continue;
      // A bare "By ..." must be a short line of its own, or it is prose
      // ("By Targeting These Points ...").
      bool bare_by = Lower(cue) == "by" && colon.empty();
      if (WordCount(text) <= (bare_by ? 12 : 40)) return true;
    }
  }
  return false;
}

}  // namespace claimlint
