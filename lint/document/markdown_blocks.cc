#include "lint/document/markdown_blocks.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <mutex>

#include "lint/base/utf8.h"
#include "lint/document/html_text.h"
#include "lint/document/mdx_syntax.h"

namespace claimlint {
namespace {

// Stands for a code span in plain text: not prose, never matched by rules.
constexpr std::string_view kObject = "\xEF\xBF\xBC";  // U+FFFC

bool IsAsciiPunct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Length of an entity reference at src[q] ("&amp;", "&#38;", "&#x26;"), or 0.
std::size_t EntityLength(std::string_view src, std::size_t q, std::size_t limit) {
  if (q >= limit || src[q] != '&') return 0;
  std::size_t i = q + 1;
  if (i < limit && src[i] == '#') {
    ++i;
    bool hex = i < limit && (src[i] == 'x' || src[i] == 'X');
    if (hex) ++i;
    std::size_t start = i;
    while (i < limit && i - start < 8 && (hex ? IsHex(src[i]) : IsDigit(src[i]))) ++i;
    if (i == start || i >= limit || src[i] != ';') return 0;
    return i + 1 - q;
  }
  std::size_t start = i;
  while (i < limit && i - start < 32 && (IsAlpha(src[i]) || IsDigit(src[i]))) ++i;
  if (i == start || !IsAlpha(src[start]) || i >= limit || src[i] != ';') return 0;
  return i + 1 - q;
}

void EnsureExtensions() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

class Walker {
 public:
  Walker(std::string_view src, bool mdx, Document* doc, std::vector<Block>* side)
      : src_(src), doc_(doc), mdx_(mdx), side_(side) {}

  void Run(cmark_node* root) {
    cmark_iter* iter = cmark_iter_new(root);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(iter);
      if (ev == CMARK_EVENT_ENTER) {
        Enter(node);
      } else {
        Exit(node);
      }
    }
    cmark_iter_free(iter);
  }

 private:
  std::size_t OffsetOf(int line, int column) const {
    Position p{line, 1};
    std::size_t start = doc_->index.LineStart(line);
    std::size_t end = doc_->index.LineEnd(line);
    (void)p;
    std::size_t off = start + static_cast<std::size_t>(std::max(column, 1) - 1);
    return std::min(off, end);
  }

  static bool IsLeaf(cmark_node* node, const char* type) {
    (void)node;
    return std::strcmp(type, "paragraph") == 0 || std::strcmp(type, "heading") == 0 ||
           std::strcmp(type, "table_cell") == 0;
  }

  void Enter(cmark_node* node) {
    const char* type = cmark_node_get_type_string(node);
    cmark_node_type t = cmark_node_get_type(node);
    if (t == CMARK_NODE_BLOCK_QUOTE) {
      ++quote_depth_;
      return;
    }
    if (t == CMARK_NODE_LIST) {
      ++list_depth_;
      return;
    }
    if (t == CMARK_NODE_FOOTNOTE_DEFINITION) {
      // The label is not exposed by the API: read it from "[^label]:".
      footnote_label_.clear();
      std::size_t at = doc_->index.LineStart(cmark_node_get_start_line(node));
      std::size_t open = src_.find("[^", at);
      std::size_t close = open == std::string_view::npos ? open : src_.find(']', open);
      if (close != std::string_view::npos && close - open < 1000) {
        footnote_label_ = std::string(src_.substr(open + 2, close - open - 2));
      }
      in_footnote_ = true;
      return;
    }
    if (t == CMARK_NODE_HTML_BLOCK) {
      RecordComments(node);
      AddHtmlBlock(node);
      return;
    }
    if (t == CMARK_NODE_CODE_BLOCK && mdx_) {
      int length = 0, offset = 0;
      char fence = 0;
      if (!cmark_node_get_fenced(node, &length, &offset, &fence)) {
        AddHtmlBlock(node);  // MDX has no indented code: it is text
      }
      return;
    }
    if (std::strcmp(type, "table") == 0) {
      table_line_ = cmark_node_get_start_line(node);
      return;
    }
    if (std::strcmp(type, "table_row") == 0 || std::strcmp(type, "table_header") == 0) {
      int line = cmark_node_get_start_line(node);
      if (line < 1) line = table_line_;
      row_cursor_ = doc_->index.LineStart(line);
      row_limit_ = doc_->index.LineEnd(std::max(line, cmark_node_get_end_line(node)));
      return;
    }
    if (IsLeaf(node, type)) {
      StartBlock(node, type);
      return;
    }
    if (!block_) return;  // inline outside a lintable block (should not happen)
    switch (t) {
      case CMARK_NODE_TEXT:
        AddText(cmark_node_get_literal(node));
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        AddBreak();
        break;
      case CMARK_NODE_CODE:
        AddCode();
        break;
      case CMARK_NODE_HTML_INLINE:
        AddInlineHtml(cmark_node_get_literal(node));
        break;
      case CMARK_NODE_LINK:
        EnterLink(node, /*image=*/false);
        break;
      case CMARK_NODE_IMAGE:
        EnterLink(node, /*image=*/true);
        break;
      case CMARK_NODE_FOOTNOTE_REFERENCE:
        AddFootnoteRef();
        break;
      default:
        break;  // emphasis, strong, strikethrough: their delimiters are skipped
    }
  }

  void Exit(cmark_node* node) {
    cmark_node_type t = cmark_node_get_type(node);
    const char* type = cmark_node_get_type_string(node);
    if (t == CMARK_NODE_BLOCK_QUOTE) {
      --quote_depth_;
    } else if (t == CMARK_NODE_LIST) {
      --list_depth_;
    } else if (t == CMARK_NODE_FOOTNOTE_DEFINITION) {
      in_footnote_ = false;
    } else if (IsLeaf(node, type)) {
      EndBlock(type);
    } else if (block_ && t == CMARK_NODE_IMAGE) {
      ExitImage();
    } else if (block_ && t == CMARK_NODE_LINK) {
      ExitLink(node);
    }
  }

  void StartBlock(cmark_node* node, const char* type) {
    block_ = std::make_unique<Block>();
    Block& b = *block_;
    int line = cmark_node_get_start_line(node);
    int end_line = std::max(line, cmark_node_get_end_line(node));
    bool cell = std::strcmp(type, "table_cell") == 0;
    if (cell) {
      b.kind = BlockKind::kTableCell;
      cursor_ = row_cursor_;
      limit_ = row_limit_;
    } else {
      cursor_ = OffsetOf(line, cmark_node_get_start_column(node));
      limit_ = doc_->index.LineEnd(end_line);
      if (std::strcmp(type, "heading") == 0) {
        b.kind = BlockKind::kHeading;
        b.heading_level = cmark_node_get_heading_level(node);
        // Setext headings end with their underline; ATX ones on their line.
      } else {
        cmark_node* parent = cmark_node_parent(node);
        if (in_footnote_) {
          b.kind = BlockKind::kFootnoteDefinition;
          b.footnote_label = footnote_label_;
        } else if (parent && cmark_node_get_type(parent) == CMARK_NODE_ITEM) {
          b.kind = BlockKind::kListItem;
        } else {
          b.kind = BlockKind::kParagraph;
        }
      }
    }
    b.quoted = quote_depth_ > 0;
    b.list_depth = list_depth_;
    b.src_begin = cursor_;
    b.line = doc_->index.At(src_, cursor_).line;
  }

  void EndBlock(const char* type) {
    while (!links_.empty() && links_.back().shape == 'H') links_.pop_back();  // never closed
    hidden_ -= raw_inline_;  // an inline <code> never closed ends with its block
    raw_inline_ = 0;
    Block& b = *block_;
    b.src_end = std::max(cursor_, b.src_begin);
    if (std::strcmp(type, "table_cell") == 0) row_cursor_ = cursor_;
    // Keep blocks with some prose.
    bool prose = false;
    for (char c : b.text) {
      if (c != ' ' && c != '\t' && static_cast<unsigned char>(c) != 0xEF) {
        prose = true;
        break;
      }
    }
    int index = static_cast<int>(doc_->blocks.size());
    if (b.kind == BlockKind::kHeading) section_ = index;
    b.section = section_;
    if (prose || b.kind == BlockKind::kHeading) {
      doc_->blocks.push_back(std::move(b));
    } else {
      // Links and footnote references recorded for a dropped block go too.
      while (!doc_->links.empty() && doc_->links.back().block == index) doc_->links.pop_back();
      while (!doc_->footnote_refs.empty() && doc_->footnote_refs.back().block == index) {
        doc_->footnote_refs.pop_back();
      }
      if (b.kind == BlockKind::kHeading && section_ == index) section_ = -1;
    }
    block_.reset();
  }

  // Appends plain text produced by source [src, src + src_len). In MDX,
  // filled syntax (a JSX tag inside a line) reads as nothing, or as a space
  // between two words.
  void Emit(std::string_view plain, std::size_t src, std::size_t src_len) {
    if (hidden_ > 0 || plain.empty()) return;
    if (mdx_ && plain.size() == src_len && plain.find(kMdxFill) != std::string_view::npos) {
      std::size_t i = 0;
      while (i < plain.size()) {
        std::size_t j = i;
        bool fill = plain[i] == kMdxFill;
        while (j < plain.size() && (plain[j] == kMdxFill) == fill) ++j;
        if (!fill) {
          // "with {x} and": the space after a construct dropped between two
          // spaces is dropped too.
          std::size_t k = i;
          if (i > 0 && !block_->text.empty() && block_->text.back() == ' ') {
            while (k < j && plain[k] == ' ') ++k;
          }
          if (k < j) EmitRaw(plain.substr(k, j - k), src + k, j - k);
        } else {
          const std::string& t = block_->text;
          std::size_t after = src + j;
          bool space_before = t.empty() || t.back() == ' ';
          bool space_after = after >= src_.size() || src_[after] == ' ' || src_[after] == '\t' ||
                             src_[after] == '\n' || src_[after] == '\r' || src_[after] == kMdxFill;
          if (!space_before && !space_after) EmitRaw(" ", src + i, j - i);
        }
        i = j;
      }
      return;
    }
    EmitRaw(plain, src, src_len);
  }

  void EmitRaw(std::string_view plain, std::size_t src, std::size_t src_len) {
    Block& b = *block_;
    b.map.Add(static_cast<uint32_t>(b.text.size()), static_cast<uint32_t>(plain.size()),
              static_cast<uint32_t>(src), static_cast<uint32_t>(src_len));
    b.text.append(plain);
  }

  struct Piece {
    std::size_t lit, lit_len, src, src_len;
  };

  // Matches literal `lit` at src_[q...] where a text node's characters come
  // from themselves, backslash escapes or entity references.
  bool MatchAt(std::string_view lit, std::size_t q, std::size_t* end) {
    pieces_.clear();
    std::size_t i = 0;
    while (i < lit.size()) {
      if (q >= limit_) return false;
      char c = src_[q];
      if (c == '\\' && q + 1 < limit_ && IsAsciiPunct(src_[q + 1])) {
        if (lit[i] != src_[q + 1]) return false;
        pieces_.push_back({i, 1, q, 2});
        i += 1;
        q += 2;
        continue;
      }
      if (c == '&') {
        std::size_t elen = EntityLength(src_, q, limit_);
        if (elen > 0 && lit.substr(i, elen) != src_.substr(q, elen)) {
          std::size_t cp = ValidSequenceLength(lit, i);
          if (cp == 0) cp = 1;
          pieces_.push_back({i, cp, q, elen});
          i += cp;
          q += elen;
          continue;
        }
      }
      if (c != lit[i]) return false;
      if (!pieces_.empty() && pieces_.back().lit_len == pieces_.back().src_len &&
          pieces_.back().src + pieces_.back().src_len == q) {
        ++pieces_.back().lit_len;
        ++pieces_.back().src_len;
      } else {
        pieces_.push_back({i, 1, q, 1});
      }
      ++i;
      ++q;
    }
    *end = q;
    return true;
  }

  void AddText(const char* literal) {
    std::string_view lit = literal ? literal : "";
    if (lit.empty()) return;
    std::size_t end = 0;
    for (std::size_t p = cursor_; p < limit_; ++p) {
      char c = src_[p];
      if (c != lit[0] && c != '\\' && c != '&') continue;
      if (!MatchAt(lit, p, &end)) continue;
      for (const Piece& piece : pieces_) {
        Emit(lit.substr(piece.lit, piece.lit_len), piece.src, piece.src_len);
      }
      cursor_ = end;
      return;
    }
    // Not found (should not happen): keep the text, pinned to the cursor.
    Emit(lit, cursor_, 0);
  }

  // The next line break at or after the cursor: maps to a space.
  void AddBreak() {
    std::size_t p = cursor_;
    while (p < src_.size() && src_[p] != '\n' && src_[p] != '\r') ++p;
    std::size_t len = 0;
    if (p < src_.size()) len = (src_[p] == '\r' && p + 1 < src_.size() && src_[p + 1] == '\n') ? 2 : 1;
    Emit(" ", p, len);
    cursor_ = p + len;
  }

  void AddCode() {
    std::size_t p = cursor_;
    while (p < limit_ && src_[p] != '`') {
      p += (src_[p] == '\\' && p + 1 < limit_) ? 2 : 1;
    }
    if (p >= limit_) return;
    std::size_t run = 0;
    while (p + run < limit_ && src_[p + run] == '`') ++run;
    std::size_t q = p + run;
    std::size_t close = limit_;
    while (q < limit_) {
      if (src_[q] == '`') {
        std::size_t r = 0;
        while (q + r < limit_ && src_[q + r] == '`') ++r;
        if (r == run) {
          close = q + r;
          break;
        }
        q += r;
      } else {
        ++q;
      }
    }
    if (close > limit_) close = limit_;
    Emit(kObject, p, close - p);
    cursor_ = close;
  }

  void AddInlineHtml(const char* literal) {
    std::string_view lit = literal ? literal : "";
    if (lit.empty()) return;
    std::size_t p = src_.substr(0, limit_).find(lit.substr(0, std::min<std::size_t>(lit.size(), 4)), cursor_);
    if (p == std::string_view::npos) return;
    // Inline HTML may span lines inside containers: find the end by its last bytes.
    std::size_t end = p + lit.size();
    if (src_.substr(p, lit.size()) != lit) {
      std::string_view tail = lit.substr(lit.size() >= 3 ? lit.size() - 3 : 0);
      std::size_t t = src_.substr(0, limit_).find(tail, p);
      end = t == std::string_view::npos ? p + lit.size() : t + tail.size();
    }
    end = std::min(end, limit_);
    if (lit.substr(0, 4) == "<!--") AddComment(p, end);
    cursor_ = end;
    InlineTag(p, end);
  }

  // What an inline HTML tag adds: a line break reads as a space; <code> and
  // <script> hide what they hold; <a href> is a link; alt= and other visible
  // attributes become side blocks.
  void InlineTag(std::size_t begin, std::size_t end) {
    std::string_view tag = src_.substr(begin, end - begin);
    if (tag.size() < 3 || tag[0] != '<') return;
    bool closing = tag[1] == '/';
    std::size_t i = closing ? 2 : 1;
    std::string name;
    while (i < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[i])) || tag[i] == '-')) {
      name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(tag[i++]))));
    }
    if (name.empty()) return;
    if (name == "br" || name == "wbr") {
      if (hidden_ == 0 && !block_->text.empty() && block_->text.back() != ' ') {
        EmitRaw(" ", begin, end - begin);
      }
      return;
    }
    if (name == "code" || name == "script" || name == "style" || name == "kbd" || name == "samp" ||
        name == "svg" || name == "math") {
      if (!closing && tag[tag.size() - 2] != '/') {
        if (hidden_ == 0) EmitRaw(kObject, begin, end - begin);
        ++hidden_;
        ++raw_inline_;
      } else if (closing && raw_inline_ > 0) {
        --hidden_;
        --raw_inline_;
      }
      return;
    }
    if (name == "a" && alt_.empty()) {
      if (closing) {
        if (!links_.empty() && links_.back().shape == 'H') {
          cursor_ = end;
          ExitLink(nullptr);
        }
        return;
      }
      std::string href = AttributeValue(tag, "href");
      if (href.empty()) return;
      LinkState st;
      st.shape = 'H';
      st.src_begin = begin;
      st.text_begin = block_->text.size();
      st.url = href;
      links_.push_back(std::move(st));
    }
    if (closing) return;
    HtmlText attrs;
    ExtractHtmlText(src_, begin, end, doc_->index, &attrs);
    for (Block& b : attrs.side) side_->push_back(std::move(b));
  }

  // The value of attribute `name` in a tag, entities left as written.
  static std::string AttributeValue(std::string_view tag, std::string_view name) {
    std::size_t i = 0;
    while ((i = tag.find(name, i)) != std::string_view::npos) {
      bool starts = i > 0 && (tag[i - 1] == ' ' || tag[i - 1] == '\t' || tag[i - 1] == '\n');
      std::size_t j = i + name.size();
      while (j < tag.size() && tag[j] == ' ') ++j;
      if (!starts || j >= tag.size() || tag[j] != '=') {
        i += name.size();
        continue;
      }
      ++j;
      while (j < tag.size() && tag[j] == ' ') ++j;
      if (j < tag.size() && (tag[j] == '"' || tag[j] == '\'')) {
        std::size_t close = tag.find(tag[j], j + 1);
        if (close == std::string_view::npos) return "";
        return std::string(tag.substr(j + 1, close - j - 1));
      }
      std::size_t e = j;
      while (e < tag.size() && tag[e] != ' ' && tag[e] != '>') ++e;
      return std::string(tag.substr(j, e - j));
    }
    return "";
  }

  // The text of an HTML block (or, in MDX, of indented "code"): blocks of
  // their own, placed under the current section and quote.
  void AddHtmlBlock(cmark_node* node) {
    int first = cmark_node_get_start_line(node);
    int last = std::max(first, cmark_node_get_end_line(node));
    std::size_t begin = doc_->index.LineStart(first);
    std::size_t end = doc_->index.LineEnd(last);
    HtmlText html;
    ExtractHtmlText(src_, begin, end, doc_->index, &html);
    int base = static_cast<int>(doc_->blocks.size());
    for (Block& b : html.blocks) {
      int index = static_cast<int>(doc_->blocks.size());
      if (b.kind == BlockKind::kHeading) section_ = index;
      b.section = section_;
      b.quoted = b.quoted || quote_depth_ > 0;
      b.list_depth += list_depth_;
      doc_->blocks.push_back(std::move(b));
    }
    for (Link& l : html.links) {
      l.block += base;
      doc_->links.push_back(std::move(l));
    }
    for (Block& b : html.side) side_->push_back(std::move(b));
  }

  void AddComment(std::size_t begin, std::size_t end) {
    std::string_view raw = src_.substr(begin, end - begin);
    std::string_view body = raw.substr(4);
    if (body.size() >= 3 && body.substr(body.size() - 3) == "-->") body.remove_suffix(3);
    while (!body.empty() && std::isspace(static_cast<unsigned char>(body.front()))) body.remove_prefix(1);
    while (!body.empty() && std::isspace(static_cast<unsigned char>(body.back()))) body.remove_suffix(1);
    HtmlComment c;
    c.body = std::string(body);
    c.src_begin = begin;
    c.src_end = end;
    c.line = doc_->index.At(src_, begin).line;
    c.end_line = doc_->index.At(src_, end > begin ? end - 1 : begin).line;
    doc_->comments.push_back(std::move(c));
  }

  void RecordComments(cmark_node* node) {
    std::size_t begin = doc_->index.LineStart(cmark_node_get_start_line(node));
    std::size_t end = doc_->index.LineEnd(
        std::max(cmark_node_get_start_line(node), cmark_node_get_end_line(node)));
    std::size_t p = begin;
    while (p < end) {
      std::size_t open = src_.substr(0, end).find("<!--", p);
      if (open == std::string_view::npos) break;
      std::size_t close = src_.substr(0, end).find("-->", open + 4);
      std::size_t stop = close == std::string_view::npos ? end : close + 3;
      AddComment(open, stop);
      p = stop;
    }
  }

  void EnterLink(cmark_node* node, bool image) {
    if (image) {
      EnterImage();
      return;
    }
    LinkState st;
    std::size_t p = cursor_;
    while (p < limit_ && (src_[p] == '*' || src_[p] == '_' || src_[p] == '~' ||
                          src_[p] == ' ' || src_[p] == '\t')) {
      ++p;
    }
    st.src_begin = p;
    if (p < limit_ && (src_[p] == '[' || src_[p] == '<')) {
      st.shape = src_[p];
      cursor_ = p + 1;
    } else {
      st.shape = 0;  // a bare autolink (www.example.com)
      cursor_ = p;
    }
    st.text_begin = block_->text.size();
    const char* url = cmark_node_get_url(node);
    st.url = url ? url : "";
    links_.push_back(std::move(st));
  }

  // An image's alt text is a side block of its own: the text being built is
  // set aside until the image ends.
  void EnterImage() {
    std::size_t bang = src_.substr(0, limit_).find("![", cursor_);
    if (bang != std::string_view::npos) cursor_ = bang + 2;
    alt_.push_back(std::move(block_));
    block_ = std::make_unique<Block>();
    block_->kind = BlockKind::kImageAlt;
    block_->src_begin = cursor_;
  }

  void ExitImage() {
    std::size_t p = cursor_;
    while (p < limit_ && src_[p] != ']') p += (src_[p] == '\\' && p + 1 < limit_) ? 2 : 1;
    std::size_t end = std::min(p + 1, limit_);
    if (end < limit_ && src_[end] == '(') {
      end = SkipDestination(end);
    } else if (end < limit_ && src_[end] == '[') {
      std::size_t close = src_.substr(0, limit_).find(']', end);
      end = close == std::string_view::npos ? end : close + 1;
    }
    cursor_ = end;
    std::unique_ptr<Block> alt = std::move(block_);
    block_ = std::move(alt_.back());
    alt_.pop_back();
    bool prose = false;
    for (char c : alt->text) prose = prose || (c != ' ' && c != '\t');
    if (!prose || hidden_ > 0) return;
    const std::vector<TextSegment>& segs = alt->map.segments();
    alt->src_begin = segs.front().src;
    alt->src_end = segs.back().src + segs.back().src_len;
    alt->line = doc_->index.At(src_, alt->src_begin).line;
    alt->quoted = quote_depth_ > 0;
    side_->push_back(std::move(*alt));
  }

  // Ends the innermost link: a Markdown link (`node` given) or an HTML <a>
  // (nullptr) whose closing tag the cursor is past.
  void ExitLink(cmark_node* node) {
    while (node && !links_.empty() && links_.back().shape == 'H') links_.pop_back();
    if (links_.empty()) return;
    LinkState st = std::move(links_.back());
    links_.pop_back();
    std::size_t end = cursor_;
    if (st.shape == '[') {
      std::size_t p = cursor_;
      while (p < limit_ && src_[p] != ']') p += (src_[p] == '\\' && p + 1 < limit_) ? 2 : 1;
      end = std::min(p + 1, limit_);
      if (end < limit_ && src_[end] == '(') {
        end = SkipDestination(end);
      } else if (end < limit_ && src_[end] == '[') {
        std::size_t close = src_.substr(0, limit_).find(']', end);
        end = close == std::string_view::npos ? end : close + 1;
      }
    } else if (st.shape == '<') {
      std::size_t close = src_.substr(0, limit_).find('>', cursor_);
      end = close == std::string_view::npos ? cursor_ : close + 1;
    }
    cursor_ = end;
    if (!alt_.empty()) return;  // a link inside alt text: its block is not a block
    Link link;
    link.block = static_cast<int>(doc_->blocks.size());
    link.text_begin = st.text_begin;
    link.text_end = block_->text.size();
    link.text = block_->text.substr(st.text_begin, link.text_end - st.text_begin);
    link.destination = st.url;
    link.src_begin = st.src_begin;
    link.src_end = end;
    doc_->links.push_back(std::move(link));
  }

  // From an opening "(" after "]", past the matching ")".
  std::size_t SkipDestination(std::size_t open) const {
    int depth = 0;
    char quote = 0;
    bool angle = false;
    for (std::size_t p = open; p < limit_; ++p) {
      char c = src_[p];
      if (c == '\\') {
        ++p;
        continue;
      }
      if (quote) {
        if (c == quote) quote = 0;
        continue;
      }
      if (angle) {
        if (c == '>') angle = false;
        continue;
      }
      if (c == '<' && p == open + 1) {
        angle = true;
      } else if ((c == '"' || c == '\'') && depth == 1 && p > open + 1 && src_[p - 1] == ' ') {
        quote = c;
      } else if (c == '(') {
        ++depth;
      } else if (c == ')') {
        if (--depth == 0) return p + 1;
      }
    }
    return limit_;
  }

  void AddFootnoteRef() {
    std::size_t open = src_.substr(0, limit_).find("[^", cursor_);
    if (open == std::string_view::npos) return;
    std::size_t close = src_.substr(0, limit_).find(']', open);
    if (close == std::string_view::npos) return;
    FootnoteRef ref;
    ref.block = static_cast<int>(doc_->blocks.size());
    ref.label = std::string(src_.substr(open + 2, close - open - 2));
    ref.src_begin = open;
    ref.src_end = close + 1;
    ref.text_begin = block_->text.size();
    Emit(src_.substr(open, close + 1 - open), open, close + 1 - open);
    ref.text_end = block_->text.size();
    doc_->footnote_refs.push_back(std::move(ref));
    cursor_ = close + 1;
  }

  struct LinkState {
    char shape = 0;  // '[', '<', 'H' (an HTML <a>), or 0 for a bare autolink
    std::size_t src_begin = 0, text_begin = 0;
    std::string url;
  };

  std::string_view src_;
  Document* doc_;
  bool mdx_ = false;
  std::vector<Block>* side_;
  std::unique_ptr<Block> block_;
  std::vector<std::unique_ptr<Block>> alt_;  // blocks set aside while alt text is read
  int raw_inline_ = 0;                       // open inline <code>, <script> ...
  std::size_t cursor_ = 0, limit_ = 0;
  std::size_t row_cursor_ = 0, row_limit_ = 0;
  int quote_depth_ = 0, list_depth_ = 0, section_ = -1, hidden_ = 0, table_line_ = 1;
  bool in_footnote_ = false;
  std::string footnote_label_;
  std::vector<LinkState> links_;
  std::vector<Piece> pieces_;
};

}  // namespace

void BuildMarkdownBlocks(std::string_view parse_text, bool mdx, Document* doc,
                         std::vector<Block>* side) {
  EnsureExtensions();
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_FOOTNOTES);
  for (const char* name : {"table", "autolink", "strikethrough", "tagfilter"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser, ext);
    }
  }
  cmark_parser_feed(parser, parse_text.data(), parse_text.size());
  cmark_node* root = cmark_parser_finish(parser);
  Walker walker(parse_text, mdx, doc, side);
  walker.Run(root);
  cmark_node_free(root);
  cmark_parser_free(parser);
}

}  // namespace claimlint

namespace claimlint {

void MergeSideBlocks(std::vector<Block> side, Document* doc) {
  if (side.empty()) return;
  std::stable_sort(side.begin(), side.end(),
                   [](const Block& a, const Block& b) { return a.src_begin < b.src_begin; });
  std::vector<Block> merged;
  merged.reserve(doc->blocks.size() + side.size());
  std::vector<int> moved(doc->blocks.size(), -1);  // old index -> new index
  std::size_t s = 0;
  int section = -1;
  for (std::size_t i = 0; i < doc->blocks.size(); ++i) {
    Block& b = doc->blocks[i];
    // A side block goes before the first block that starts after it.
    while (s < side.size() && side[s].src_begin < b.src_begin) {
      side[s].section = section;
      merged.push_back(std::move(side[s++]));
    }
    moved[i] = static_cast<int>(merged.size());
    // A section is an earlier block, already moved.
    if (b.section >= 0 && b.section < static_cast<int>(i)) b.section = moved[b.section];
    if (b.kind == BlockKind::kHeading) section = moved[i];
    merged.push_back(std::move(b));
  }
  while (s < side.size()) {
    side[s].section = section;
    merged.push_back(std::move(side[s++]));
  }
  auto remap = [&](int old) {
    return old >= 0 && old < static_cast<int>(moved.size()) ? moved[old] : old;
  };
  for (Link& l : doc->links) l.block = remap(l.block);
  for (FootnoteRef& r : doc->footnote_refs) r.block = remap(r.block);
  doc->blocks = std::move(merged);
}

}  // namespace claimlint
