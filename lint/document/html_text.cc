#include "lint/document/html_text.h"

#include <cmark-gfm.h>

#include <algorithm>
#include <map>
#include <mutex>

#include "lint/base/utf8.h"
#include "lint/document/mdx_syntax.h"

namespace claimlint {
namespace {

constexpr std::string_view kObject = "\xEF\xBF\xBC";  // U+FFFC: stands for code

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
// Whitespace, and the byte that stands for MDX syntax (mdx_syntax.h).
bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == kMdxFill;
}

char LowerChar(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool NameIs(std::string_view name, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    if (name == n) return true;
  }
  return false;
}

// Elements whose content is never prose.
bool IsRawElement(std::string_view name) {
  return NameIs(name, {"script", "style", "pre", "textarea", "svg", "math", "template", "noscript",
                       "iframe", "object", "video", "audio", "canvas", "select"});
}

// Elements that start and end a block of text.
bool IsBlockElement(std::string_view name) {
  return NameIs(
      name,
      {"p",    "div",     "section", "article", "aside",    "header",  "footer",     "main",
       "nav",  "h1",      "h2",      "h3",      "h4",       "h5",      "h6",         "li",
       "ul",   "ol",      "dl",      "dt",      "dd",       "table",   "tr",         "td",
       "th",   "thead",   "tbody",   "tfoot",   "caption",  "figure",  "figcaption", "blockquote",
       "hr",   "details", "summary", "form",    "fieldset", "address", "center",     "body",
       "html", "hgroup",  "legend",  "option",  "menu"});
}

bool IsVoidElement(std::string_view name) {
  return NameIs(name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                       "source", "track", "wbr"});
}

// A named reference decoded the way cmark decodes it (the full HTML5 table),
// remembered per process.
std::string DecodeNamed(std::string_view entity) {
  static std::mutex mu;
  static std::map<std::string, std::string, std::less<>> cache;
  {
    std::lock_guard<std::mutex> lock(mu);
    auto it = cache.find(entity);
    if (it != cache.end()) return it->second;
  }
  std::string out;
  cmark_node* root = cmark_parse_document(entity.data(), entity.size(), CMARK_OPT_DEFAULT);
  cmark_node* para = root ? cmark_node_first_child(root) : nullptr;
  for (cmark_node* n = para ? cmark_node_first_child(para) : nullptr; n; n = cmark_node_next(n)) {
    if (const char* lit = cmark_node_get_literal(n)) out += lit;
  }
  if (root) cmark_node_free(root);
  if (out == entity) out.clear();  // not an entity cmark knows
  std::lock_guard<std::mutex> lock(mu);
  if (cache.size() < 4096) cache.emplace(std::string(entity), out);
  return out;
}

struct Tag {
  std::string name;  // lower case
  bool closing = false, self_closing = false;
  std::size_t begin = 0, end = 0;  // "<" to just past ">"
  struct Attr {
    std::string name;  // lower case
    std::size_t value_begin = 0, value_end = 0;
    bool has_value = false;
  };
  std::vector<Attr> attrs;
};

// Reads a tag at src[p] ("<name ...>" or "</name>"); false when it is not one.
// *reach gets the furthest byte examined.
bool ReadTag(std::string_view src, std::size_t p, std::size_t limit, Tag* tag, std::size_t* reach) {
  std::size_t i = p + 1;
  struct Reach {
    std::size_t* out;
    const std::size_t* at;
    ~Reach() { *out = *at; }
  } record{reach, &i};
  tag->closing = i < limit && src[i] == '/';
  if (tag->closing) ++i;
  if (i >= limit || !IsAlpha(src[i])) return false;
  tag->begin = p;
  tag->name.clear();
  tag->attrs.clear();
  while (i < limit && (IsAlpha(src[i]) || IsDigit(src[i]) || src[i] == '-' || src[i] == ':')) {
    tag->name.push_back(LowerChar(src[i++]));
  }
  while (true) {
    while (i < limit && IsSpace(src[i])) ++i;
    if (i >= limit) return false;
    if (src[i] == '>') {
      tag->end = i + 1;
      return true;
    }
    if (src[i] == '/' && i + 1 < limit && src[i + 1] == '>') {
      tag->self_closing = true;
      tag->end = i + 2;
      return true;
    }
    Tag::Attr a;
    std::size_t start = i;
    while (i < limit && !IsSpace(src[i]) && src[i] != '>' && src[i] != '=' &&
           !(src[i] == '/' && i + 1 < limit && src[i + 1] == '>')) {
      a.name.push_back(LowerChar(src[i++]));
    }
    if (i == start) ++i;  // a stray character: step over it
    std::size_t j = i;
    while (j < limit && IsSpace(src[j])) ++j;
    if (j < limit && src[j] == '=') {
      ++j;
      while (j < limit && IsSpace(src[j])) ++j;
      if (j >= limit) {
        i = j;
        return false;
      }
      a.has_value = true;
      if (src[j] == '"' || src[j] == '\'') {
        std::size_t close = src.substr(0, limit).find(src[j], j + 1);
        if (close == std::string_view::npos) {
          i = limit;
          return false;
        }
        a.value_begin = j + 1;
        a.value_end = close;
        i = close + 1;
      } else {
        a.value_begin = j;
        while (j < limit && !IsSpace(src[j]) && src[j] != '>') ++j;
        a.value_end = j;
        i = j;
      }
    }
    if (!a.name.empty()) tag->attrs.push_back(std::move(a));
  }
}

// Appends text to a block as HTML shows it: entities decoded, runs of
// whitespace one space (none at the start or end), each piece mapped.
class TextBuilder {
 public:
  explicit TextBuilder(Block* block) : b_(block) {}

  void Space(std::size_t src, std::size_t len) {
    if (!has_space_) {
      space_src_ = src;
      space_len_ = 0;
    }
    has_space_ = true;
    space_len_ = src + len - space_src_;
  }

  void Add(std::string_view plain, std::size_t src, std::size_t src_len) {
    if (plain.empty()) return;
    if (has_space_ && !b_->text.empty()) {
      b_->map.Add(static_cast<uint32_t>(b_->text.size()), 1, static_cast<uint32_t>(space_src_),
                  static_cast<uint32_t>(space_len_));
      b_->text.push_back(' ');
    }
    has_space_ = false;
    if (b_->text.empty()) b_->src_begin = src;
    b_->map.Add(static_cast<uint32_t>(b_->text.size()), static_cast<uint32_t>(plain.size()),
                static_cast<uint32_t>(src), static_cast<uint32_t>(src_len));
    b_->text.append(plain);
    b_->src_end = src + src_len;
  }

  void Reset() { has_space_ = false; }

 private:
  Block* b_;
  bool has_space_ = false;
  std::size_t space_src_ = 0, space_len_ = 0;
};

// Reads src[b, e) as character data (entities decoded) into `builder`.
void AddCharacterData(std::string_view src, std::size_t b, std::size_t e, TextBuilder* builder) {
  std::string decoded;
  for (std::size_t p = b; p < e;) {
    char c = src[p];
    if (IsSpace(c)) {
      builder->Space(p, 1);
      ++p;
      continue;
    }
    if (c == '&') {
      decoded.clear();
      if (std::size_t len = DecodeEntity(src, p, e, &decoded)) {
        builder->Add(decoded, p, len);
        p += len;
        continue;
      }
    }
    std::size_t len = ValidSequenceLength(src, p);
    if (len == 0) len = 1;
    builder->Add(src.substr(p, len), p, len);
    p += len;
  }
}

bool HasProse(const std::string& text) {
  for (char c : text) {
    if (!IsSpace(c)) return true;
  }
  return false;
}

class HtmlWalker {
 public:
  HtmlWalker(std::string_view src, std::size_t limit, const SourceIndex& index, HtmlText* out)
      : src_(src), limit_(limit), index_(index), out_(out), text_(&block_) {}

  void Run(std::size_t begin) {
    budget_ = 8 * (limit_ > begin ? limit_ - begin : 0) + (1 << 16);
    std::size_t p = begin;
    Tag tag;
    while (p < limit_) {
      char c = src_[p];
      if (c == '<') {
        if (src_.substr(p, 4) == "<!--") {
          std::size_t close = src_.substr(0, limit_).find("-->", p + 4);
          p = close == std::string_view::npos ? limit_ : close + 3;
          continue;
        }
        if (p + 1 < limit_ && (src_[p + 1] == '!' || src_[p + 1] == '?')) {
          std::size_t close = src_.substr(0, limit_).find('>', p);
          p = close == std::string_view::npos ? limit_ : close + 1;
          continue;
        }
        std::size_t reach = p;
        if (budget_ > 0 && ReadTag(src_, p, limit_, &tag, &reach)) {
          p = HandleTag(tag);
          continue;
        }
        // Bytes examined by tags that were not come out of a budget
        // proportional to the input, so that unclosed tags stay linear.
        std::size_t used = reach > p ? reach - p : 1;
        budget_ = used >= budget_ ? 0 : budget_ - used;
      }
      std::size_t next = p + 1;
      while (next < limit_ && src_[next] != '<') ++next;
      AddCharacterData(src_, p, next, &text_);
      p = next;
    }
    EndBlock();
  }

 private:
  std::size_t HandleTag(const Tag& tag) {
    for (const Tag::Attr& a : tag.attrs) {
      BlockKind kind;
      Block side;
      if (!tag.closing && a.has_value && VisibleAttribute(a.name, &kind) &&
          MakeTextBlock(src_, a.value_begin, a.value_end, kind, index_, &side)) {
        out_->side.push_back(std::move(side));
      }
    }
    const std::string& name = tag.name;
    if (!tag.closing && !tag.self_closing && IsRawElement(name)) {
      if (name == "pre" || IsBlockElement(name)) EndBlock();
      return SkipElement(tag);
    }
    if (name == "code" && !tag.closing && !tag.self_closing) {
      std::size_t end = SkipElement(tag);
      text_.Add(kObject, tag.begin, end - tag.begin);
      return end;
    }
    if (name == "br" || name == "wbr") {
      text_.Space(tag.begin, tag.end - tag.begin);
      return tag.end;
    }
    if (name == "a") {
      if (!tag.closing) {
        StartLink(tag);
      } else {
        EndLink(tag.end);
      }
      return tag.end;
    }
    if (IsBlockElement(name)) {
      EndBlock();
      if (tag.closing) {
        auto it = std::find(stack_.rbegin(), stack_.rend(), name);
        if (it != stack_.rend()) stack_.erase(std::next(it).base(), stack_.end());
      } else if (!tag.self_closing && !IsVoidElement(name) && stack_.size() < 256) {
        stack_.push_back(name);
      }
      return tag.end;
    }
    // Inline elements (strong, em, span ...) add nothing of their own; a
    // space before or after them is kept by the text around them.
    return tag.end;
  }

  // Past the end of the element `tag` opens (its closing tag), or the limit.
  std::size_t SkipElement(const Tag& tag) {
    std::string close = "</" + tag.name;
    std::size_t p = tag.end;
    while (p < limit_) {
      std::size_t lt = src_.substr(0, limit_).find("</", p);
      if (lt == std::string_view::npos) return limit_;
      bool match = lt + close.size() <= limit_;
      for (std::size_t k = 0; match && k < close.size(); ++k) {
        match = LowerChar(src_[lt + k]) == close[k];
      }
      if (match) {
        std::size_t gt = src_.substr(0, limit_).find('>', lt);
        return gt == std::string_view::npos ? limit_ : gt + 1;
      }
      p = lt + 2;
    }
    return limit_;
  }

  void StartLink(const Tag& tag) {
    link_open_ = false;
    for (const Tag::Attr& a : tag.attrs) {
      if (a.name != "href" || !a.has_value) continue;
      link_open_ = true;
      link_ = Link();
      link_.destination = std::string(src_.substr(a.value_begin, a.value_end - a.value_begin));
      link_.src_begin = tag.begin;
      link_.text_begin = block_.text.size();
      link_block_ = out_->blocks.size();
    }
  }

  void EndLink(std::size_t end) {
    if (!link_open_ || link_block_ != out_->blocks.size()) {
      link_open_ = false;
      return;
    }
    link_open_ = false;
    link_.block = static_cast<int>(out_->blocks.size());
    link_.text_begin = std::min(link_.text_begin, block_.text.size());
    // A space that was pending when the link opened is not its text.
    while (link_.text_begin < block_.text.size() && block_.text[link_.text_begin] == ' ') {
      ++link_.text_begin;
    }
    link_.text_end = block_.text.size();
    link_.text = block_.text.substr(link_.text_begin, link_.text_end - link_.text_begin);
    link_.src_end = end;
    out_->links.push_back(std::move(link_));
  }

  void EndBlock() {
    text_.Reset();
    if (HasProse(block_.text)) {
      block_.kind = BlockKind::kParagraph;
      int lists = 0;
      for (const std::string& n : stack_) {
        if (n == "ul" || n == "ol") ++lists;
        if (n == "blockquote") block_.quoted = true;
      }
      block_.list_depth = lists;
      for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
        const std::string& n = *it;
        if (n.size() == 2 && n[0] == 'h' && n[1] >= '1' && n[1] <= '6') {
          block_.kind = BlockKind::kHeading;
          block_.heading_level = n[1] - '0';
          break;
        }
        if (n == "li") {
          block_.kind = BlockKind::kListItem;
          break;
        }
        if (n == "td" || n == "th") {
          block_.kind = BlockKind::kTableCell;
          break;
        }
        if (n == "p" || n == "div" || n == "blockquote" || n == "dd" || n == "dt" ||
            n == "figcaption" || n == "caption") {
          break;
        }
      }
      block_.line = index_.At(src_, block_.src_begin).line;
      out_->blocks.push_back(std::move(block_));
    } else {
      while (!out_->links.empty() &&
             out_->links.back().block == static_cast<int>(out_->blocks.size())) {
        out_->links.pop_back();
      }
    }
    block_ = Block();
    link_open_ = false;
  }

  std::string_view src_;
  std::size_t limit_;
  const SourceIndex& index_;
  HtmlText* out_;
  Block block_;
  TextBuilder text_;
  std::vector<std::string> stack_;  // open block elements
  bool link_open_ = false;
  Link link_;
  std::size_t link_block_ = 0;
  std::size_t budget_ = 0;
};

}  // namespace

std::size_t DecodeEntity(std::string_view src, std::size_t q, std::size_t limit, std::string* out) {
  if (q >= limit || src[q] != '&') return 0;
  std::size_t i = q + 1;
  if (i < limit && src[i] == '#') {
    ++i;
    bool hex = i < limit && (src[i] == 'x' || src[i] == 'X');
    if (hex) ++i;
    std::size_t start = i;
    char32_t cp = 0;
    while (i < limit && i - start < 8 && (hex ? IsHex(src[i]) : IsDigit(src[i]))) {
      char c = src[i];
      cp = cp * (hex ? 16 : 10) +
           static_cast<char32_t>(IsDigit(c) ? c - '0' : (LowerChar(c) - 'a' + 10));
      ++i;
    }
    if (i == start || i >= limit || src[i] != ';') return 0;
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    AppendUtf8(cp, out);
    return i + 1 - q;
  }
  std::size_t start = i;
  while (i < limit && i - start < 32 && (IsAlpha(src[i]) || IsDigit(src[i]))) ++i;
  if (i == start || !IsAlpha(src[start]) || i >= limit || src[i] != ';') return 0;
  std::string decoded = DecodeNamed(src.substr(q, i + 1 - q));
  if (decoded.empty()) return 0;
  *out += decoded;
  return i + 1 - q;
}

bool MakeTextBlock(std::string_view src, std::size_t b, std::size_t e, BlockKind kind,
                   const SourceIndex& index, Block* out) {
  *out = Block();
  out->kind = kind;
  TextBuilder builder(out);
  AddCharacterData(src, b, std::min(e, src.size()), &builder);
  if (!HasProse(out->text)) return false;
  out->line = index.At(src, out->src_begin).line;
  return true;
}

bool VisibleAttribute(std::string_view name, BlockKind* kind) {
  if (name == "alt") {
    *kind = BlockKind::kImageAlt;
    return true;
  }
  static constexpr std::string_view kShown[] = {
      "title",   "caption", "heading", "subheading", "subtitle", "headline", "description",
      "summary", "label",   "text",    "tagline",    "badge",    "quote",    "excerpt",
      "cta",     "message", "tooltip", "intro",      "lead",     "subhead"};
  for (std::string_view s : kShown) {
    if (name == s) {
      *kind = BlockKind::kAttributeText;
      return true;
    }
  }
  return false;
}

void ExtractHtmlText(std::string_view src, std::size_t begin, std::size_t end,
                     const SourceIndex& index, HtmlText* out) {
  HtmlWalker walker(src, std::min(end, src.size()), index, out);
  walker.Run(begin);
}

}  // namespace claimlint
