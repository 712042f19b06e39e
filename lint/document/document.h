// The document model: an article's sanitized source, its front matter, and
// its lintable blocks, each with plain text that maps back to source bytes.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lint/base/byte_range.h"
#include "lint/base/finding.h"
#include "lint/base/status.h"
#include "lint/document/text_map.h"
#include "lint/text/source_index.h"

namespace claimlint {

// Kinds of lintable text. Besides the Markdown blocks, text a page shows
// outside its body is linted too: the front-matter title and description
// (kTitle, kDescription), an image's alt text (kImageAlt), and text given to a
// component or element in an attribute a reader sees, such as an MDX
// `caption="..."` (kAttributeText).
enum class BlockKind {
  kHeading,
  kParagraph,
  kListItem,
  kTableCell,
  kFootnoteDefinition,
  kTitle,
  kDescription,
  kImageAlt,
  kAttributeText,
};
std::string_view BlockKindName(BlockKind kind);

// True for the kinds that are not part of the article's running text (the
// front-matter title and description, alt text, attribute text): claims are
// found in them, but bylines, date lines and reference lists are not.
bool IsSideText(BlockKind kind);

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

// A key written in the front matter and the bytes of its line ("title: Tea").
struct FrontMatterKey {
  std::string path;  // dotted from the top: "title", "extra.author", "params.reviewed"
  SourceRange line;
};

// Front matter as sites write it: YAML between "---" lines, TOML between
// "+++" lines (Hugo, Zola), or a leading JSON object (Hugo). Its common
// fields are read under the names site generators use (docs/documents.md);
// the title and descriptions also become blocks (kTitle, kDescription).
struct FrontMatter {
  enum class Format { kNone, kYaml, kToml, kJson };
  bool present = false;
  Format format = Format::kNone;
  std::size_t src_begin = 0, src_end = 0;  // bytes of the block, delimiters included
  std::vector<std::string> keys;           // its top-level keys that have a value, in order
  std::vector<FrontMatterKey> key_lines;   // every key, nested ones dotted, in order
  // Common fields, "" when absent. A list of names is joined with ", ".
  std::string title, description;
  std::string author;     // who wrote it: author, authors, byline ...
  std::string reviewer;   // who reviewed it: reviewer, reviewed_by, medical_reviewer ...
  std::string publisher;  // the organisation behind it: publisher, organization ...
  std::string date, updated, reviewed;
  // The lines those fields are written on ({src_begin, src_begin} when absent).
  SourceRange title_at, author_at, date_at, updated_at, reviewed_at;
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

// True for MDX files (.mdx): Markdown with JSX, expressions and import/export
// lines, which are not prose; text inside components is.
bool IsMdxPath(std::string_view path);

}  // namespace claimlint
