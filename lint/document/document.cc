#include "lint/document/document.h"

#include <algorithm>
#include <cstring>

#include "lint/base/utf8.h"
#include "lint/document/front_matter.h"
#include "lint/document/markdown_blocks.h"
#include "lint/document/mdx_syntax.h"
#include "lint/document/plain_text_blocks.h"

namespace claimlint {
namespace {

Finding InputFinding(const char* rule, std::string message, std::size_t begin, std::size_t end) {
  Finding f;
  f.rule = rule;
  f.category = Category::kInput;
  f.severity = Severity::kError;
  f.message = std::move(message);
  f.begin = begin;
  f.end = end;
  return f;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Reports runs of invalid bytes (each now a U+FFFD in `text`), at most a few
// dozen, so that a binary-ish file does not flood the report.
void ReportInvalidBytes(const std::vector<std::size_t>& invalid, Document* doc) {
  constexpr std::size_t kMaxReported = 20;
  std::size_t reported = 0;
  std::size_t shift = 0;  // each replaced byte grew by 2 bytes in `text`
  for (std::size_t k = 0; k < invalid.size();) {
    std::size_t run = 1;
    while (k + run < invalid.size() && invalid[k + run] == invalid[k] + run) ++run;
    std::size_t begin = invalid[k] + shift;
    shift += 2 * run;
    std::size_t end = begin + 3 * run;
    if (reported < kMaxReported) {
      Finding f = InputFinding("input.encoding",
                               run == 1 ? "invalid UTF-8 byte"
                                        : "invalid UTF-8 bytes (" + std::to_string(run) + ")",
                               begin, end);
      f.suggestion = "Save the file as UTF-8.";
      doc->input_findings.push_back(std::move(f));
    }
    ++reported;
    k += run;
  }
  if (reported > kMaxReported) {
    doc->input_findings.back().message +=
        "; " + std::to_string(reported - kMaxReported) + " more runs of invalid bytes not listed";
  }
}

}  // namespace

std::string_view BlockKindName(BlockKind kind) {
  switch (kind) {
    case BlockKind::kHeading:
      return "heading";
    case BlockKind::kParagraph:
      return "paragraph";
    case BlockKind::kListItem:
      return "list_item";
    case BlockKind::kTableCell:
      return "table_cell";
    case BlockKind::kFootnoteDefinition:
      return "footnote";
    case BlockKind::kTitle:
      return "title";
    case BlockKind::kDescription:
      return "description";
    case BlockKind::kImageAlt:
      return "image_alt";
    case BlockKind::kAttributeText:
      return "attribute_text";
  }
  return "paragraph";
}

bool IsSideText(BlockKind kind) {
  return kind == BlockKind::kTitle || kind == BlockKind::kDescription ||
         kind == BlockKind::kImageAlt || kind == BlockKind::kAttributeText;
}

bool IsPlainTextPath(std::string_view path) {
  return path.size() >= 4 && path.substr(path.size() - 4) == ".txt";
}

bool IsMdxPath(std::string_view path) {
  return path.size() >= 4 && path.substr(path.size() - 4) == ".mdx";
}

Document ParseDocument(std::string path, std::string_view bytes, bool markdown) {
  Document doc;
  doc.path = std::move(path);
  doc.markdown = markdown;
  if (StartsWith(bytes, "\xFF\xFE") || StartsWith(bytes, "\xFE\xFF")) {
    doc.lintable = false;
    Finding f = InputFinding("input.encoding",
                             "the file is UTF-16 (it starts with a UTF-16 byte-order mark); "
                             "claimlint reads UTF-8",
                             0, 0);
    f.suggestion = "Convert the file to UTF-8, e.g. iconv -f UTF-16 -t UTF-8.";
    doc.input_findings.push_back(std::move(f));
    doc.index = SourceIndex(doc.text);
    return doc;
  }
  if (StartsWith(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  std::size_t nul = bytes.substr(0, 1 << 16).find('\0');
  std::vector<std::size_t> invalid;
  doc.text = SanitizeUtf8(bytes, &invalid);
  doc.index = SourceIndex(doc.text);
  if (nul != std::string_view::npos) {
    doc.lintable = false;
    Finding f = InputFinding("input.binary",
                             "the file looks binary (it contains a NUL byte); it was not linted",
                             0, 0);
    f.suggestion = "Exclude binary files from the paths given to claimlint.";
    doc.input_findings.push_back(std::move(f));
    return doc;
  }
  ReportInvalidBytes(invalid, &doc);
  std::string parse_text = doc.text;
  ExtractFrontMatter(&parse_text, &doc);
  if (markdown) {
    std::vector<Block> side;
    bool mdx = IsMdxPath(doc.path);
    if (mdx) {
      MdxSyntax syntax;
      BlankMdxSyntax(doc.text, doc.front_matter.present ? doc.front_matter.src_end : 0, doc.index,
                     &parse_text, &syntax);
      side = std::move(syntax.side);
      for (HtmlComment& c : syntax.comments) doc.comments.push_back(std::move(c));
    }
    BuildMarkdownBlocks(parse_text, mdx, &doc, &side);
    MergeSideBlocks(std::move(side), &doc);
    std::stable_sort(
        doc.comments.begin(), doc.comments.end(),
        [](const HtmlComment& a, const HtmlComment& b) { return a.src_begin < b.src_begin; });
  } else {
    BuildPlainTextBlocks(parse_text, &doc);
  }
  return doc;
}

}  // namespace claimlint
