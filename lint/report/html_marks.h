// Exact highlights in rendered articles. Sentinels (private-use characters)
// are inserted into a copy of the source at each finding's byte range, the
// copy is rendered to HTML (cmark-gfm, safe mode), and the sentinels are then
// replaced by <mark> elements, closed and reopened at element boundaries so
// that the HTML stays well-formed. The first piece of each highlight carries
// data-finding="N"; continuation pieces carry data-cont="N".
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace claimlint::report_internal {

struct MarkSpan {
  int id = 0;
  std::size_t begin = 0, end = 0;  // byte range in the source; begin == end: a point
};

// Copies `source` with start sentinels U+E000 id U+E001 and end sentinels
// U+E002 id U+E003 inserted. Ranges are moved off Markdown block markers
// (a start at a line's "# " or "- " moves past it; an end at a line start
// moves back before the line break) so the markup keeps its meaning.
// Private-use characters U+E000..U+E003 already in `source` become U+FFFD.
std::string InsertSentinels(std::string_view source, std::vector<MarkSpan> spans);

// Front matter ("---" ... "---" or "..." at the top) turned into a fenced code
// block of the same byte length, so that it shows as data; blanked (line
// breaks kept) when it is empty or its body could close the fence early.
struct FencedSource {
  std::string text;
  bool fenced = false;
  std::size_t body_begin = 0;  // first byte of the body's first line
  std::size_t body_end = 0;    // the line break that ends the body's last line
  std::size_t block_end = 0;   // end of the closing fence line
};
FencedSource FenceFrontMatter(std::string_view source);

// A position moved off the fence lines of a fenced front matter (a sentinel
// there would break the fence).
std::size_t KeepOffFences(const FencedSource& src, std::size_t pos);

// Markdown to HTML with cmark-gfm (tables, strikethrough, autolinks, task
// lists, footnotes) in safe mode: raw HTML is omitted and javascript:, data:,
// vbscript: and file: links are dropped. Images become their alt text.
std::string RenderMarkdownHtml(std::string_view markdown);

// Plain text as escaped paragraphs (split at blank lines; line breaks kept).
std::string RenderPlainTextHtml(std::string_view text);

struct MarkStyle {
  std::string attrs;   // extra attributes for every piece, already escaped
  bool point = false;  // empty range: an empty <mark> at the position
};

// Replaces the sentinels in `html` by <mark> elements. Element ids and
// fragment links (footnotes) get `id_prefix` so that several articles can
// share a page. Ids of findings that got a highlight go to `highlighted`;
// the others (sentinels lost, inside attributes, or covering no text) are
// left for the caller to list.
std::string ApplyMarks(std::string_view html, const std::map<int, MarkStyle>& styles,
                       std::string_view id_prefix, std::set<int>* highlighted);

std::string EscapeHtml(std::string_view text);

// HTML with every "::" written "&#58;:" (the page shows the same): the
// GitHub Actions runner executes a line of a step's log that starts with "::"
// (::add-mask::, ::error ...), and a page printed by a later step must not
// let an article's line do that.
std::string InertColons(std::string html);

}  // namespace claimlint::report_internal
