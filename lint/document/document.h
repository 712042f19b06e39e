// The document model: an article's sanitized source, its front matter, and
// its lintable blocks, each with plain text that maps back to source bytes.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lint/base/finding.h"
#include "lint/base/status.h"
#include "lint/text/source_index.h"
#include "lint/document/text_map.h"

namespace claimlint {

enum class BlockKind { kHeading, kParagraph, kListItem, kTableCell, kFootnoteDefinition };
std::string_view BlockKindName(BlockKind kind);

// One lintable block of prose. `text` is what a reader sees (markup removed,
// entities decoded, code spans replaced by U+FFFC); `map` turns an offset in
// `text` into a byte offset in Document::text.
struct Block {
  BlockKind kind = BlockKind::kParagraph;
  int heading_level = 0;  // 1-6 for headings, else 0
  bool quoted = false;    // inside a blockquote
  int section = -1;       // index (in Document::blocks) of the heading it falls under, or -1
  int list_depth = 0;     // nesting depth of lists it is inside
  std::string footnote_label;  // for kFootnoteDefinition: the label
  std::string text;
  TextMap map;
  std::size_t src_begin = 0, src_end = 0;  // byte range of the block in Document::text
  int line = 0;                            // 1-based start line
};

// A link, with its text as shown and where it points.
struct Link {
  int block = -1;                          // block index
  std::size_t text_begin = 0, text_end = 0;  // range in that block's text
  std::string text;
  std::string destination;
  std::size_t src_begin = 0, src_end = 0;  // bytes of the whole link in Document::text
};

struct FootnoteRef {
  int block = -1;
  std::size_t text_begin = 0, text_end = 0;  // "[^label]" in the block's text
  std::string label;
  std::size_t src_begin = 0, src_end = 0;
};

// An HTML comment (block or inline): where suppressions live.
struct HtmlComment {
  std::string body;  // between "<!--" and "-->", trimmed
  std::size_t src_begin = 0, src_end = 0;
  int line = 0, end_line = 0;  // 1-based, inclusive
};

struct FrontMatter {
  bool present = false;
  std::size_t src_begin = 0, src_end = 0;  // bytes of the block, delimiters included
  std::vector<std::string> keys;           // its top-level keys that have a value, in order
  // Common fields, "" when absent.
  std::string title, author, date, updated, reviewed;
  std::vector<std::string> references;  // reference-library paths, relative to the file
};

struct Document {
  std::string path;       // as given on the command line (or --stdin-filename)
  std::string text;       // the source, BOM removed, invalid bytes replaced by U+FFFD
  SourceIndex index;      // line/column lookups on `text`
  bool markdown = true;   // false for .txt
  bool lintable = true;   // false for binary or undecodable input: only input findings
  FrontMatter front_matter;
  std::vector<Block> blocks;
  std::vector<Link> links;
  std::vector<FootnoteRef> footnote_refs;
  std::vector<HtmlComment> comments;
  std::vector<Finding> input_findings;  // input.* findings raised while loading
};

// Builds a Document from raw bytes. Never fails: problems in the input become
// input.* findings (encoding, binary, front matter).
Document ParseDocument(std::string path, std::string_view bytes, bool markdown);

// True for paths claimlint treats as plain text (.txt).
bool IsPlainTextPath(std::string_view path);

}  // namespace claimlint
