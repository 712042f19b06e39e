#include "lint/report/html_marks.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <deque>
#include <map>
#include <mutex>
#include <vector>

namespace claimlint::report_internal {
namespace {

// UTF-8 of U+E000..U+E003: EE 80 80..83.
constexpr char kSentinelLead0 = '\xEE';
constexpr char kSentinelLead1 = '\x80';
constexpr std::string_view kOpenStart = "\xEE\x80\x80";
constexpr std::string_view kCloseStart = "\xEE\x80\x81";
constexpr std::string_view kOpenEnd = "\xEE\x80\x82";
constexpr std::string_view kCloseEnd = "\xEE\x80\x83";

bool IsSentinelAt(std::string_view s, std::size_t i, int* which) {
  if (i + 3 > s.size() || s[i] != kSentinelLead0 || s[i + 1] != kSentinelLead1) return false;
  unsigned char c = static_cast<unsigned char>(s[i + 2]);
  if (c < 0x80 || c > 0x83) return false;
  *which = c - 0x80;
  return true;
}

// Reads the sentinel starting at s[i]: its kind (0..3 as U+E000..U+E003),
// the id that follows opening sentinels, and its total length (opening
// sentinel, digits, closing sentinel). False when no sentinel starts there.
bool ReadSentinel(std::string_view s, std::size_t i, int* kind, int* id, std::size_t* len) {
  if (!IsSentinelAt(s, i, kind)) return false;
  std::size_t k = i + 3;
  *id = -1;
  if (*kind == 0 || *kind == 2) {
    std::size_t digits = k;
    while (k < s.size() && s[k] >= '0' && s[k] <= '9' && k - digits < 9) ++k;
    int close = 0;
    if (k > digits && IsSentinelAt(s, k, &close) && close == *kind + 1) {
      *id = std::stoi(std::string(s.substr(digits, k - digits)));
      k += 3;
    }
  }
  *len = k - i;
  return true;
}

std::string WithoutSentinels(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    int kind, id;
    std::size_t len;
    if (ReadSentinel(s, i, &kind, &id, &len)) {
      i += len;
    } else {
      out += s[i++];
    }
  }
  return out;
}

bool IsLineBreak(char c) { return c == '\n' || c == '\r'; }

std::size_t LineStartOf(std::string_view text, std::size_t pos) {
  while (pos > 0 && !IsLineBreak(text[pos - 1])) --pos;
  return pos;
}

std::size_t LineEndOf(std::string_view text, std::size_t pos) {
  while (pos < text.size() && !IsLineBreak(text[pos])) ++pos;
  return pos;
}

std::size_t NextLine(std::string_view text, std::size_t end) {
  if (end < text.size() && text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') {
    return end + 2;
  }
  return end < text.size() ? end + 1 : end;
}

// Length of the Markdown block markers at the start of `line`: indentation,
// blockquote '>', list markers (with a task box), ATX heading '#'s.
std::size_t BlockPrefixLength(std::string_view line) {
  std::size_t i = 0;
  auto skip_blanks = [&] {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  };
  auto blank_or_end = [&](std::size_t k) {
    return k >= line.size() || line[k] == ' ' || line[k] == '\t';
  };
  for (;;) {
    skip_blanks();
    if (i >= line.size()) return i;
    char c = line[i];
    if (c == '>') {
      ++i;
      continue;
    }
    if ((c == '-' || c == '*' || c == '+') && blank_or_end(i + 1)) {
      ++i;
      skip_blanks();
      if (line.substr(i, 3) == "[ ]" || line.substr(i, 3) == "[x]" || line.substr(i, 3) == "[X]") {
        if (blank_or_end(i + 3)) i += 3;
      }
      continue;
    }
    if (c >= '0' && c <= '9') {
      std::size_t k = i;
      while (k < line.size() && k - i < 9 && line[k] >= '0' && line[k] <= '9') ++k;
      if (k < line.size() && (line[k] == '.' || line[k] == ')') && blank_or_end(k + 1)) {
        i = k + 1;
        continue;
      }
      return i;
    }
    if (c == '|') {  // a table row's leading pipe
      ++i;
      continue;
    }
    if (c == '[' && line.substr(i, 2) == "[^") {  // a footnote definition's label
      std::size_t close = line.find("]:", i);
      if (close != std::string_view::npos) {
        i = close + 2;
        skip_blanks();
      }
      return i;
    }
    if (c == '#') {
      std::size_t k = i;
      while (k < line.size() && line[k] == '#') ++k;
      if (k - i <= 6 && blank_or_end(k)) {
        i = k;
        skip_blanks();
      }
      return i;
    }
    return i;
  }
}

// Not between the CR and LF of a CRLF.
std::size_t OffCrlf(std::string_view text, std::size_t pos) {
  if (pos > 0 && pos < text.size() && text[pos - 1] == '\r' && text[pos] == '\n') return pos - 1;
  return pos;
}

// Lines that are pure Markdown structure: a sentinel on them would change
// what they mean (fences, setext underlines, thematic breaks, table
// delimiter rows).
bool IsStructuralLine(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  if (line.empty()) return false;
  if (line.substr(0, 3) == "```" || line.substr(0, 3) == "~~~") return true;
  if (line.find_first_not_of('=') == std::string_view::npos) return true;
  if (line.size() >= 3 && line.find_first_not_of("-*_ \t") == std::string_view::npos) return true;
  return line.find('-') != std::string_view::npos && line.find('|') != std::string_view::npos &&
         line.find_first_not_of("|-: \t") == std::string_view::npos;
}

// What the span moves below need to know about a line, computed once per
// line: a paragraph on one line may carry thousands of highlights, and
// rescanning it for each would cost highlights times its length.
struct LineFacts {
  std::size_t start = 0, end = 0;  // end: the offset of its terminator
  bool blank = false, structural = false;
  std::size_t prefix_end = 0;  // past its block markers
  // On a table row ("| a | b |"): the trailing pipe (and the blanks before
  // it), past which a sentinel would make an extra cell; else npos.
  std::size_t pipe = std::string_view::npos;
  // Footnote labels "[^label]": the offset of each "[^" and of the first ']'
  // at or after it (npos when none), in order.
  std::vector<std::pair<std::size_t, std::size_t>> labels;
};

class LineCache {
 public:
  explicit LineCache(std::string_view text) : text_(text) {}

  // The line holding `pos` (a line break belongs to the line it ends; CR and
  // LF each end one). Valid until the next call.
  const LineFacts& At(std::size_t pos) {
    auto it = long_.upper_bound(pos);
    if (it != long_.begin()) {
      --it;
      if (pos <= it->second.end) return it->second;
    }
    scratch_ = Compute(pos);
    if (scratch_.end - scratch_.start < kCacheFrom) return scratch_;
    return long_.emplace(scratch_.start, std::move(scratch_)).first->second;
  }

 private:
  static constexpr std::size_t kCacheFrom = 256;

  LineFacts Compute(std::size_t pos) const {
    LineFacts f;
    f.start = LineStartOf(text_, pos);
    f.end = LineEndOf(text_, pos);
    std::string_view line = text_.substr(f.start, f.end - f.start);
    f.blank = line.find_first_not_of(" \t") == std::string_view::npos;
    f.structural = IsStructuralLine(line);
    f.prefix_end = f.start + BlockPrefixLength(line);
    std::size_t first = line.find_first_not_of(" \t");
    std::size_t last = line.find_last_not_of(" \t");
    if (first != std::string_view::npos && first != last && line[first] == '|' &&
        line[last] == '|') {
      while (last > 0 && (line[last - 1] == ' ' || line[last - 1] == '\t')) --last;
      f.pipe = f.start + last;
    }
    std::size_t close = std::string_view::npos;
    for (std::size_t i = line.size(); i-- > 0;) {
      if (line[i] == ']') close = i;
      if (line[i] == '[' && i + 1 < line.size() && line[i + 1] == '^') {
        f.labels.push_back(
            {f.start + i, close == std::string_view::npos ? close : f.start + close});
      }
    }
    std::reverse(f.labels.begin(), f.labels.end());
    return f;
  }

  std::string_view text_;
  std::map<std::size_t, LineFacts> long_;  // by start
  LineFacts scratch_;
};

// True when `pos` is strictly inside a footnote label "[^label]" on its line
// (a sentinel there would break the reference); [*b, *e) is the label.
bool InFootnoteLabel(const LineFacts& line, std::size_t pos, std::size_t* b, std::size_t* e) {
  // The last "[^" before pos, and its closing bracket.
  auto it = std::lower_bound(line.labels.begin(), line.labels.end(), pos,
                             [](const auto& label, std::size_t p) { return label.first < p; });
  if (it == line.labels.begin()) return false;
  --it;
  if (it->second == std::string_view::npos || pos > it->second) return false;
  *b = it->first;
  *e = it->second + 1;
  return true;
}

// Moves a start (or a point) into the text: off blank and structural lines,
// line breaks and a line's block markers, and before a table row's trailing pipe.
std::size_t FixStart(std::string_view text, LineCache* lines, std::size_t pos) {
  for (;;) {
    const LineFacts& line = lines->At(pos);
    if (!line.blank && !line.structural) break;  // a sentinel would end a blank line's role
    std::size_t next = NextLine(text, line.end);
    if (next == pos || next >= text.size()) return text.size();
    pos = next;
  }
  const LineFacts& line = lines->At(pos);
  pos = std::max(pos, line.prefix_end);
  std::size_t b, e;
  if (InFootnoteLabel(line, pos, &b, &e)) pos = e;
  if (line.pipe != std::string_view::npos && pos > line.pipe) pos = line.pipe;
  return pos;
}

// Moves an end back into the text: from a line's start, markers or a
// structural line to the end of the line before, and before a table row's
// trailing pipe. Never before `floor` (the start).
std::size_t FixEnd(std::string_view text, LineCache* lines, std::size_t pos, std::size_t floor) {
  std::size_t b, e;
  if (InFootnoteLabel(lines->At(pos), pos, &b, &e)) pos = b > floor ? b : e;
  while (pos > floor) {
    const LineFacts& line = lines->At(pos);
    if (line.start == 0 || line.start <= floor) break;
    if (!line.structural && pos > line.prefix_end) break;
    pos = line.start - 1;
    if (pos > 0 && text[pos] == '\n' && text[pos - 1] == '\r') --pos;
  }
  const LineFacts& line = lines->At(pos);
  if (line.pipe != std::string_view::npos && pos > line.pipe) pos = std::max(line.pipe, floor);
  return std::max(pos, floor);
}

void Normalize(std::string_view text, LineCache* lines, MarkSpan* s) {
  s->begin = OffCrlf(text, std::min(s->begin, text.size()));
  s->end = OffCrlf(text, std::min(std::max(s->end, s->begin), text.size()));
  if (s->begin == s->end) {
    s->begin = s->end = FixStart(text, lines, s->begin);
    return;
  }
  while (s->begin < s->end && IsLineBreak(text[s->begin])) ++s->begin;
  s->begin = FixStart(text, lines, s->begin);
  s->end = FixEnd(text, lines, std::max(s->end, s->begin), s->begin);
}

void AppendSentinel(std::string_view open, int id, std::string_view close, std::string* out) {
  *out += open;
  *out += std::to_string(id);
  *out += close;
}

bool LineIsFence(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  return line.substr(i, 3) == "```";
}

bool IsDelimiter(std::string_view line, bool closing) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---" || (closing && line == "...");
}

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string InertColons(std::string html) {
  if (html.find("::") == std::string::npos) return html;
  std::string out;
  out.reserve(html.size() + 16);
  for (std::size_t i = 0; i < html.size(); ++i) {
    if (html[i] == ':' && i + 1 < html.size() && html[i + 1] == ':') {
      out += "&#58;";
    } else {
      out += html[i];
    }
  }
  return out;
}

std::string InsertSentinels(std::string_view source, std::vector<MarkSpan> spans) {
  std::string text(source);
  int which = 0;
  for (std::size_t i = 0; i + 3 <= text.size(); ++i) {
    if (IsSentinelAt(text, i, &which)) text.replace(i, 3, "\xEF\xBF\xBD");
  }
  LineCache lines(text);
  for (MarkSpan& s : spans) Normalize(text, &lines, &s);

  struct Event {
    std::size_t pos;
    int order;        // 0: end of a range, 1: a point, 2: start of a range
    std::size_t key;  // ends: later start first; starts: later end first
    int id;
  };
  std::vector<Event> events;
  for (const MarkSpan& s : spans) {
    if (s.begin == s.end) {
      events.push_back({s.begin, 1, 0, s.id});
    } else {
      events.push_back({s.end, 0, text.size() - s.begin, s.id});
      events.push_back({s.begin, 2, text.size() - s.end, s.id});
    }
  }
  std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    if (a.pos != b.pos) return a.pos < b.pos;
    if (a.order != b.order) return a.order < b.order;
    if (a.key != b.key) return a.key < b.key;
    return a.id < b.id;
  });
  std::string out;
  out.reserve(text.size() + events.size() * 10);
  std::size_t at = 0;
  for (const Event& e : events) {
    out.append(text, at, e.pos - at);
    at = e.pos;
    if (e.order != 0) AppendSentinel(kOpenStart, e.id, kCloseStart, &out);
    if (e.order != 2) AppendSentinel(kOpenEnd, e.id, kCloseEnd, &out);
  }
  out.append(text, at, std::string::npos);
  return out;
}

FencedSource FenceFrontMatter(std::string_view source) {
  FencedSource out;
  out.text = std::string(source);
  std::size_t first_end = LineEndOf(source, 0);
  if (!IsDelimiter(source.substr(0, first_end), false)) return out;
  std::size_t body = NextLine(source, first_end);
  bool fence_inside = false;
  for (std::size_t line = body; line < source.size();) {
    std::size_t end = LineEndOf(source, line);
    std::string_view text = source.substr(line, end - line);
    if (IsDelimiter(text, true)) {
      std::string& t = out.text;
      if (line == body || fence_inside) {
        // Blank it: every byte but line breaks becomes a space.
        for (std::size_t i = 0; i < end; ++i) {
          if (!IsLineBreak(t[i])) t[i] = ' ';
        }
        return out;
      }
      t.replace(0, 3, "```");
      t.replace(line, 3, "```");
      out.fenced = true;
      out.body_begin = body;
      out.body_end = line - 1;
      if (out.body_end > 0 && source[out.body_end] == '\n' && source[out.body_end - 1] == '\r') {
        --out.body_end;
      }
      out.block_end = end;
      return out;
    }
    fence_inside = fence_inside || LineIsFence(text);
    if (end >= source.size()) break;
    line = NextLine(source, end);
  }
  return out;  // unterminated: not front matter
}

std::size_t KeepOffFences(const FencedSource& src, std::size_t pos) {
  if (!src.fenced) return pos;
  if (pos < src.body_begin) return src.body_begin;
  if (pos > src.body_end && pos <= src.block_end) return src.body_end;
  return pos;
}

std::string RenderMarkdownHtml(std::string_view markdown) {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
  // No CMARK_OPT_UNSAFE: raw HTML and dangerous link schemes are dropped.
  const int options = CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8;
  cmark_parser* parser = cmark_parser_new(options);
  for (const char* name : {"table", "strikethrough", "autolink", "tasklist", "tagfilter"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser, ext);
    }
  }
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  cmark_node* doc = cmark_parser_finish(parser);

  // Images would be fetched: show their alt text in brackets instead.
  std::vector<cmark_node*> images, raw;
  cmark_iter* iter = cmark_iter_new(doc);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_IMAGE) images.push_back(node);
    if (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE) raw.push_back(node);
  }
  cmark_iter_free(iter);
  // Raw HTML is linted as text, so its findings need a place on the page:
  // it is shown as escaped source (a code block, or inline text), never run.
  for (cmark_node* node : raw) {
    bool block = cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK;
    cmark_node* shown = cmark_node_new(block ? CMARK_NODE_CODE_BLOCK : CMARK_NODE_TEXT);
    const char* literal = cmark_node_get_literal(node);
    cmark_node_set_literal(shown, literal ? literal : "");
    if (block) cmark_node_set_fence_info(shown, "html");
    cmark_node_insert_before(node, shown);
    cmark_node_free(node);
  }
  for (auto it = images.rbegin(); it != images.rend(); ++it) {
    cmark_node* image = *it;
    cmark_node* open = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(open, "[image: ");
    cmark_node_insert_before(image, open);
    while (cmark_node* child = cmark_node_first_child(image)) {
      cmark_node_unlink(child);
      cmark_node_insert_before(image, child);
    }
    cmark_node* close = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(close, "]");
    cmark_node_insert_before(image, close);
    cmark_node_free(image);
  }

  char* html = cmark_render_html(doc, options, cmark_parser_get_syntax_extensions(parser));
  std::string out(html);
  cmark_get_default_mem_allocator()->free(html);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return out;
}

std::string RenderPlainTextHtml(std::string_view text) {
  std::string out;
  bool in_paragraph = false;
  for (std::size_t pos = 0;;) {
    std::size_t end = LineEndOf(text, pos);
    std::string_view line = text.substr(pos, end - pos);
    if (WithoutSentinels(line).find_first_not_of(" \t") == std::string::npos) {
      if (in_paragraph) out += "</p>\n";
      in_paragraph = false;
      out += EscapeHtml(line);  // sentinels and blanks only
    } else {
      out += in_paragraph ? "<br />\n" : "<p>";
      in_paragraph = true;
      out += EscapeHtml(line);
    }
    if (end >= text.size()) break;
    pos = NextLine(text, end);
  }
  if (in_paragraph) out += "</p>\n";
  return out;
}

namespace {

enum class Kind { kText, kStart, kEnd, kVoid, kOther, kSentStart, kSentEnd };

// Views into the rendered HTML, or into Tokens::owned for the tags that had
// to change: a long article has millions of tokens.
struct Token {
  Kind kind = Kind::kText;
  std::string_view text;
  std::string_view name;                  // lower-case tag name
  int id = -1;                            // sentinels
  std::size_t match = std::string::npos;  // start tags: index of the end tag
};

struct Tokens {
  std::deque<Token> list;         // no reallocation peak
  std::deque<std::string> owned;  // stable addresses

  std::string_view Keep(std::string s) {
    owned.push_back(std::move(s));
    return owned.back();
  }
};

bool IsVoidTag(std::string_view name) {
  static const std::set<std::string_view> kVoid = {"area",  "base",   "br",    "col",  "embed",
                                                   "hr",    "img",    "input", "link", "meta",
                                                   "param", "source", "track", "wbr"};
  return kVoid.count(name) > 0;
}

// Elements a <mark> (phrasing content) cannot contain or cross.
bool IsBlockTag(std::string_view name) {
  static const std::set<std::string_view> kBlock = {
      "address", "article", "aside",   "blockquote", "caption", "col",      "colgroup",   "dd",
      "details", "dialog",  "div",     "dl",         "dt",      "fieldset", "figcaption", "figure",
      "footer",  "form",    "h1",      "h2",         "h3",      "h4",       "h5",         "h6",
      "header",  "hgroup",  "hr",      "li",         "main",    "nav",      "ol",         "p",
      "pre",     "section", "summary", "table",      "tbody",   "td",       "tfoot",      "th",
      "thead",   "tr",      "ul"};
  return kBlock.count(name) > 0;
}

// Removes sentinels from a tag (raw, or percent-encoded in an href) and
// records their ids: a highlight cannot live in an attribute.
std::string CleanTag(std::string_view tag, std::set<int>* lost) {
  std::string out;
  for (std::size_t i = 0; i < tag.size();) {
    int kind, id;
    std::size_t len;
    if (ReadSentinel(tag, i, &kind, &id, &len)) {
      if (id >= 0) lost->insert(id);
      i += len;
      continue;
    }
    // %EE%80%8X digits %EE%80%8Y
    if (tag.substr(i, 8) == "%EE%80%8" && i + 9 <= tag.size() && tag[i + 8] >= '0' &&
        tag[i + 8] <= '3') {
      std::size_t k = i + 9;
      std::size_t digits = k;
      while (k < tag.size() && tag[k] >= '0' && tag[k] <= '9' && k - digits < 9) ++k;
      if (k > digits && tag.substr(k, 8) == "%EE%80%8" && k + 9 <= tag.size()) {
        lost->insert(std::stoi(std::string(tag.substr(digits, k - digits))));
        i = k + 9;
      } else {
        i += 9;
      }
      continue;
    }
    out += tag[i++];
  }
  return out;
}

// Prefixes id="..." and href="#..." so that footnote ids stay unique.
std::string PrefixIds(std::string tag, std::string_view prefix) {
  if (prefix.empty()) return tag;
  for (std::string_view attr : {std::string_view(" id=\""), std::string_view(" href=\"#")}) {
    std::size_t at = tag.find(attr);
    if (at != std::string::npos) tag.insert(at + attr.size(), prefix);
  }
  return tag;
}

std::string TagName(std::string_view tag) {
  std::size_t i = 1;
  if (i < tag.size() && tag[i] == '/') ++i;
  std::string name;
  while (i < tag.size() && std::isalnum(static_cast<unsigned char>(tag[i]))) {
    name += static_cast<char>(std::tolower(static_cast<unsigned char>(tag[i])));
    ++i;
  }
  return name;
}

Token TextToken(std::string_view text) {
  Token t;
  t.text = text;
  return t;
}

void AddText(std::string_view text, std::deque<Token>* out) {
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size();) {
    int kind, id;
    std::size_t len;
    if (!ReadSentinel(text, i, &kind, &id, &len)) {
      ++i;
      continue;
    }
    if (i > run) out->push_back(TextToken(text.substr(run, i - run)));
    if (id >= 0) {
      Token t;
      t.kind = kind == 0 ? Kind::kSentStart : Kind::kSentEnd;
      t.id = id;
      out->push_back(std::move(t));
    }
    i += len;
    run = i;
  }
  if (run < text.size()) out->push_back(TextToken(text.substr(run)));
}

void Tokenize(std::string_view html, std::string_view id_prefix, Tokens* tokens,
              std::set<int>* lost) {
  std::deque<Token>* out = &tokens->list;
  auto keep = [&](std::string_view raw, std::string cleaned) {
    return cleaned == raw ? raw : tokens->Keep(std::move(cleaned));
  };
  std::size_t i = 0;
  while (i < html.size()) {
    std::size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) lt = html.size();
    if (lt > i) AddText(html.substr(i, lt - i), out);
    if (lt >= html.size()) break;
    std::size_t gt;
    Token t;
    if (html.substr(lt, 4) == "<!--") {
      gt = html.find("-->", lt + 4);
      gt = gt == std::string_view::npos ? html.size() : gt + 3;
      t.kind = Kind::kOther;
      t.text = keep(html.substr(lt, gt - lt), CleanTag(html.substr(lt, gt - lt), lost));
    } else {
      gt = html.find('>', lt);
      gt = gt == std::string_view::npos ? html.size() : gt + 1;
      std::string_view tag = html.substr(lt, gt - lt);
      std::string name = TagName(tag);
      std::size_t at = tag.find(name);
      t.name = at != std::string_view::npos ? tag.substr(at, name.size()) : tokens->Keep(name);
      if (tag.size() > 1 && tag[1] == '/') {
        t.kind = Kind::kEnd;
      } else if (tag.size() > 1 && (tag[1] == '!' || tag[1] == '?')) {
        t.kind = Kind::kOther;
      } else if (IsVoidTag(t.name) || (tag.size() >= 2 && tag.substr(tag.size() - 2) == "/>")) {
        t.kind = Kind::kVoid;
      } else {
        t.kind = Kind::kStart;
      }
      t.text = keep(tag, PrefixIds(CleanTag(tag, lost), id_prefix));
    }
    out->push_back(std::move(t));
    i = gt;
  }
  // Match start and end tags.
  std::vector<std::size_t> stack;
  for (std::size_t k = 0; k < out->size(); ++k) {
    Token& t = (*out)[k];
    if (t.kind == Kind::kStart) {
      stack.push_back(k);
    } else if (t.kind == Kind::kEnd) {
      for (std::size_t s = stack.size(); s-- > 0;) {
        if ((*out)[stack[s]].name == t.name) {
          (*out)[stack[s]].match = k;
          stack.resize(s);
          break;
        }
      }
    }
  }
}

bool HasNonSpace(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") != std::string_view::npos;
}

class Marker {
 public:
  Marker(const std::map<int, MarkStyle>& styles, const std::set<int>& valid,
         const std::map<int, std::size_t>& end_index)
      : styles_(styles), valid_(valid), end_index_(end_index) {}

  void Run(const std::deque<Token>& tokens) {
    for (const Token& t : tokens) {
      switch (t.kind) {
        case Kind::kText:
          if (!active_.empty() && HasNonSpace(t.text)) OpenActive();
          out_ += t.text;
          break;
        case Kind::kStart:
          OnStart(t);
          break;
        case Kind::kEnd:
          while (!open_.empty() && open_.back().depth >= depth_) CloseTop();
          if (IsBlockTag(t.name)) CloseDownTo(0);
          out_ += t.text;
          depth_ = std::max(0, depth_ - 1);
          break;
        case Kind::kVoid:
          if (IsBlockTag(t.name)) CloseDownTo(0);
          out_ += t.text;
          break;
        case Kind::kOther:
          out_ += t.text;
          break;
        case Kind::kSentStart:
          OnSentinelStart(t.id);
          break;
        case Kind::kSentEnd:
          OnSentinelEnd(t.id);
          break;
      }
    }
    CloseDownTo(0);
  }

  std::string& out() { return out_; }
  const std::set<int>& started() const { return started_; }

 private:
  struct Open {
    int id;
    int depth;  // element depth where the piece was opened
  };

  void OnStart(const Token& t) {
    if (IsBlockTag(t.name) || t.match == std::string::npos) {
      CloseDownTo(0);
    } else {
      // Marks that end inside this element cannot stay open across it.
      for (std::size_t k = 0; k < open_.size(); ++k) {
        if (end_index_.at(open_[k].id) < t.match) {
          CloseDownTo(k);
          break;
        }
      }
    }
    out_ += t.text;
    ++depth_;
  }

  void OnSentinelStart(int id) {
    if (!valid_.count(id)) return;
    if (styles_.at(id).point) {
      OpenTag(id);
      out_ += "</mark>";
      return;
    }
    active_.push_back(id);
  }

  void OnSentinelEnd(int id) {
    if (!valid_.count(id) || styles_.at(id).point) return;
    for (std::size_t k = 0; k < open_.size(); ++k) {
      if (open_[k].id == id) {
        CloseDownTo(k);
        break;
      }
    }
    active_.erase(std::remove(active_.begin(), active_.end(), id), active_.end());
  }

  void OpenActive() {
    for (int id : active_) {
      bool is_open = false;
      for (const Open& o : open_) is_open = is_open || o.id == id;
      if (is_open) continue;
      OpenTag(id);
      open_.push_back({id, depth_});
    }
  }

  void OpenTag(int id) {
    const MarkStyle& style = styles_.at(id);
    std::string n = std::to_string(id);
    if (started_.insert(id).second) {
      out_ += "<mark id=\"hl-" + n + "\" data-finding=\"" + n + "\" tabindex=\"0\"";
    } else {
      out_ += "<mark data-cont=\"" + n + "\"";
    }
    if (!style.attrs.empty()) out_ += ' ' + style.attrs;
    out_ += '>';
  }

  void CloseTop() {
    out_ += "</mark>";
    open_.pop_back();
  }

  void CloseDownTo(std::size_t k) {
    while (open_.size() > k) CloseTop();
  }

  const std::map<int, MarkStyle>& styles_;
  const std::set<int>& valid_;
  const std::map<int, std::size_t>& end_index_;
  std::string out_;
  std::vector<Open> open_;
  std::vector<int> active_;
  std::set<int> started_;
  int depth_ = 0;
};

}  // namespace

std::string ApplyMarks(std::string_view html, const std::map<int, MarkStyle>& styles,
                       std::string_view id_prefix, std::set<int>* highlighted) {
  Tokens all;
  std::set<int> lost;
  Tokenize(html, id_prefix, &all, &lost);
  const std::deque<Token>& tokens = all.list;
  // A highlight needs exactly one start and one end sentinel, in that order,
  // both in text.
  std::map<int, int> starts, ends;
  std::map<int, std::size_t> start_index, end_index;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    if (t.kind == Kind::kSentStart) {
      ++starts[t.id];
      start_index[t.id] = k;
    } else if (t.kind == Kind::kSentEnd) {
      ++ends[t.id];
      end_index[t.id] = k;
    }
  }
  std::set<int> valid;
  for (const auto& [id, style] : styles) {
    if (lost.count(id) || starts[id] != 1 || ends[id] != 1) continue;
    if (start_index[id] > end_index[id]) continue;
    valid.insert(id);
  }
  Marker marker(styles, valid, end_index);
  marker.Run(tokens);
  if (highlighted) highlighted->insert(marker.started().begin(), marker.started().end());
  return std::move(marker.out());
}

}  // namespace claimlint::report_internal
