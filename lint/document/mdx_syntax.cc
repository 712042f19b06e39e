#include "lint/document/mdx_syntax.h"

#include <algorithm>

#include "lint/document/html_text.h"

namespace claimlint {
namespace {

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsNameChar(char c) {
  return IsAlpha(c) || IsDigit(c) || c == '_' || c == '$' || c == '.' || c == ':' || c == '-' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// A construct longer than this is not one: a stray "<" or "{" in prose must
// not swallow the rest of the file.
constexpr std::size_t kMaxConstruct = 1 << 16;

class MdxScanner {
 public:
  MdxScanner(std::string_view text, const SourceIndex& index, std::string* parse, MdxSyntax* out)
      : s_(text), index_(index), parse_(parse), out_(out) {}

  void Run(std::size_t from) {
    std::size_t p = from;
    bool line_start = true, prev_blank = true, in_esm = false;
    char fence = 0;
    std::size_t fence_len = 0;
    while (p < s_.size()) {
      if (line_start) {
        std::size_t le = LineEnd(p), next = NextLine(le);
        std::string_view line = s_.substr(p, le - p);
        bool blank = line.find_first_not_of(" \t") == std::string_view::npos;
        std::size_t indent = 0;
        while (indent < line.size() && indent < 4 && line[indent] == ' ') ++indent;
        std::size_t run = 0;
        if (indent < 4) {
          char f = indent < line.size() ? line[indent] : 0;
          while ((f == '`' || f == '~') && indent + run < line.size() && line[indent + run] == f) {
            ++run;
          }
          if (run < 3) run = 0;
        }
        if (in_esm) {
          if (blank) {
            in_esm = false;
          } else {
            Fill(p, le);
          }
          prev_blank = blank;
          p = next;
          continue;
        }
        if (fence) {
          if (run >= fence_len && line[indent] == fence &&
              line.substr(indent + run).find_first_not_of(" \t") == std::string_view::npos) {
            fence = 0;
          }
          prev_blank = false;
          p = next;
          continue;
        }
        if (run) {
          fence = line[indent];
          fence_len = run;
          prev_blank = false;
          p = next;
          continue;
        }
        if (prev_blank && IsEsm(line)) {
          in_esm = true;
          Fill(p, le);
          prev_blank = false;
          p = next;
          continue;
        }
        prev_blank = blank;
        line_start = false;
      }
      char c = s_[p];
      if (c == '\n' || c == '\r') {
        p = NextLine(p);
        line_start = true;
        continue;
      }
      if (c == '\\' && p + 1 < s_.size() && !IsSpace(s_[p + 1])) {
        p += 2;
        continue;
      }
      if (c == '`') {
        far_ = p;
        std::size_t end = SkipCodeSpan(p);
        Charge(p, end);
        p = end;
        continue;
      }
      if (c == '<' && budget_ > 0 && s_.substr(p, 4) != "<!--") {
        std::size_t end = 0;
        far_ = p;
        if (Tag(p, &end)) {
          Fill(p, end);
          p = end;
          continue;
        }
        Charge(p, 0);
      }
      if (c == '{' && budget_ > 0) {
        std::size_t end = 0;
        far_ = p;
        if (Expression(p, &end)) {
          RecordComment(p, end);
          Fill(p, end);
          p = end;
          continue;
        }
        Charge(p, 0);
      }
      ++p;
    }
    BlankFilledLines();
  }

 private:
  // Bytes examined by attempts that found nothing come out of a budget
  // proportional to the file, so that a file of stray "<" and "{" stays
  // linear; when it runs out, the rest is read as Markdown.
  void Charge(std::size_t p, std::size_t end) {
    std::size_t used = std::max(far_, end) - p;
    budget_ = used >= budget_ ? 0 : budget_ - used;
  }

  std::size_t LineEnd(std::size_t p) const {
    while (p < s_.size() && s_[p] != '\n' && s_[p] != '\r') ++p;
    return p;
  }
  std::size_t NextLine(std::size_t le) const {
    if (le >= s_.size()) return s_.size();
    if (s_[le] == '\r' && le + 1 < s_.size() && s_[le + 1] == '\n') return le + 2;
    return le + 1;
  }

  // "import x from 'y'" / "export const a = 1" at the start of a line.
  static bool IsEsm(std::string_view line) {
    for (std::string_view kw : {"import", "export"}) {
      if (line.substr(0, kw.size()) == kw && line.size() > kw.size() &&
          (IsBlank(line[kw.size()]) || line[kw.size()] == '{' || line[kw.size()] == '*')) {
        return true;
      }
    }
    return false;
  }

  void Fill(std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e && i < parse_->size(); ++i) {
      char c = (*parse_)[i];
      if (c != '\n' && c != '\r') (*parse_)[i] = kMdxFill;
    }
    filled_ = true;
  }

  // Lines left with nothing but filled syntax become blank lines, so that a
  // component's tags on lines of their own separate paragraphs as they do in
  // MDX.
  void BlankFilledLines() {
    if (!filled_) return;
    std::string& t = *parse_;
    std::size_t p = 0;
    while (p < t.size()) {
      std::size_t le = p;
      bool fill = false, other = false;
      while (le < t.size() && t[le] != '\n' && t[le] != '\r') {
        if (t[le] == kMdxFill) {
          fill = true;
        } else if (!IsBlank(t[le])) {
          other = true;
        }
        ++le;
      }
      if (fill && !other) {
        for (std::size_t i = p; i < le; ++i) t[i] = ' ';
      }
      p = le < t.size() ? le + 1 : le;
    }
  }

  // A code span: the same run of backticks closes it, on this line or a
  // following one before a blank line.
  std::size_t SkipCodeSpan(std::size_t p) {
    std::size_t run = 0;
    while (p + run < s_.size() && s_[p + run] == '`') ++run;
    std::size_t q = p + run;
    if (budget_ == 0) return q;
    while (q < s_.size() && q - p < kMaxConstruct) {
      far_ = q;
      if (s_[q] == '\n' && BlankLineAt(q + 1)) break;
      if (s_[q] == '`') {
        std::size_t r = 0;
        while (q + r < s_.size() && s_[q + r] == '`') ++r;
        if (r == run) return q + r;
        q += r;
        continue;
      }
      ++q;
    }
    return p + run;
  }

  bool BlankLineAt(std::size_t p) const {
    std::size_t start = p;
    while (p < s_.size() && IsBlank(s_[p]) && p - start < 256) ++p;
    return p >= s_.size() || s_[p] == '\n' || s_[p] == '\r';
  }

  // Steps over blanks and line breaks; false at a blank line (constructs do
  // not run across one).
  bool SkipSpace(std::size_t* q) {
    while (*q < s_.size() && IsSpace(s_[*q])) {
      if (s_[*q] == '\n' && BlankLineAt(*q + 1)) return false;
      ++*q;
    }
    far_ = std::max(far_, *q);
    return *q < s_.size();
  }

  // A quoted string from s_[q] (the quote): *end is just past it.
  bool QuotedString(std::size_t q, std::size_t* end) {
    char quote = s_[q];
    for (std::size_t i = q + 1; i < s_.size() && i - q < kMaxConstruct; ++i) {
      far_ = std::max(far_, i);
      if (s_[i] == quote) {
        *end = i + 1;
        return true;
      }
      if (s_[i] == '\n' && BlankLineAt(i + 1)) return false;
    }
    return false;
  }

  // A balanced {expression} from s_[q]: strings, template literals and
  // comments are stepped over whole.
  bool Expression(std::size_t q, std::size_t* end) {
    int depth = 0;
    for (std::size_t i = q; i < s_.size() && i - q < kMaxConstruct; ++i) {
      far_ = std::max(far_, i);
      char c = s_[i];
      // A blank line ends the search (comments, stepped over whole below,
      // may hold them).
      if (c == '\n' && BlankLineAt(i + 1)) return false;
      if (c == '"' || c == '\'' || c == '`') {
        std::size_t e = 0;
        if (!QuotedString(i, &e)) return false;
        i = e - 1;
      } else if (c == '/' && i + 1 < s_.size() && s_[i + 1] == '*') {
        std::size_t close = s_.substr(0, q + kMaxConstruct).find("*/", i + 2);
        if (close == std::string_view::npos) {
          far_ = std::min(s_.size(), q + kMaxConstruct);
          return false;
        }
        i = close + 1;
      } else if (c == '/' && i + 1 < s_.size() && s_[i + 1] == '/') {
        while (i < s_.size() && s_[i] != '\n') ++i;
      } else if (c == '{') {
        ++depth;
      } else if (c == '}') {
        if (--depth == 0) {
          *end = i + 1;
          return true;
        }
      }
    }
    return false;
  }

  // {/* ... */} alone is a comment: kept, like an HTML comment, for
  // suppressions.
  void RecordComment(std::size_t b, std::size_t e) {
    std::string_view inner = s_.substr(b + 1, e - b - 2);
    std::size_t k = inner.find_first_not_of(" \t\r\n");
    if (k == std::string_view::npos || inner.substr(k, 2) != "/*") return;
    std::size_t close = inner.rfind("*/");
    if (close == std::string_view::npos || close < k + 2) return;
    if (inner.substr(close + 2).find_first_not_of(" \t\r\n") != std::string_view::npos) return;
    std::string_view body = inner.substr(k + 2, close - k - 2);
    while (!body.empty() && IsSpace(body.front())) body.remove_prefix(1);
    while (!body.empty() && IsSpace(body.back())) body.remove_suffix(1);
    HtmlComment c;
    c.body = std::string(body);
    c.src_begin = b;
    c.src_end = e;
    c.line = index_.At(s_, b).line;
    c.end_line = index_.At(s_, e - 1).line;
    out_->comments.push_back(std::move(c));
  }

  // A JSX tag from s_[q] ("<Name ...>", "</Name>", "<Name />", "<>", "</>"):
  // attribute values may be strings or {expressions}; it may span lines but
  // not a blank line.
  bool Tag(std::size_t q, std::size_t* end) {
    std::size_t i = q + 1;
    if (i < s_.size() && s_[i] == '/') ++i;
    std::size_t name = i;
    if (i < s_.size() && (IsAlpha(s_[i]) || s_[i] == '_' || s_[i] == '$')) {
      while (i < s_.size() && IsNameChar(s_[i])) ++i;
      // "<https://...>" is an autolink, not a tag.
      std::string_view n = s_.substr(name, i - name);
      if (n.back() == ':' || s_.substr(i, 2) == "//" || n.find("://") != std::string_view::npos) {
        return false;
      }
    } else if (i >= s_.size() || s_[i] != '>') {
      return false;  // "< 5", "<3": not a tag
    }
    if (i < s_.size() && !IsSpace(s_[i]) && s_[i] != '>' && s_[i] != '/' && s_[i] != '{') {
      return false;  // "<a@b.org>" and the like
    }
    std::vector<Block> side;
    while (true) {
      if (!SkipSpace(&i) || i - q > kMaxConstruct) return false;
      char c = s_[i];
      if (c == '>') {
        *end = i + 1;
        break;
      }
      if (c == '/' && i + 1 < s_.size() && s_[i + 1] == '>') {
        *end = i + 2;
        break;
      }
      if (c == '{') {  // {...spread}
        std::size_t e = 0;
        if (!Expression(i, &e)) return false;
        i = e;
        continue;
      }
      std::size_t attr = i;
      while (i < s_.size() && i - q < kMaxConstruct && !IsSpace(s_[i]) && s_[i] != '=' &&
             s_[i] != '>' && s_[i] != '/' && s_[i] != '{' && s_[i] != '"' && s_[i] != '\'') {
        ++i;
      }
      far_ = std::max(far_, i);
      if (i == attr) return false;
      std::string attr_name(s_.substr(attr, i - attr));
      std::size_t j = i;
      if (!SkipSpace(&j)) return false;
      if (s_[j] != '=') continue;  // a boolean attribute
      ++j;
      if (!SkipSpace(&j)) return false;
      std::size_t vb = 0, ve = 0;
      if (s_[j] == '"' || s_[j] == '\'') {
        std::size_t e = 0;
        if (!QuotedString(j, &e)) return false;
        vb = j + 1;
        ve = e - 1;
        i = e;
      } else if (s_[j] == '{') {
        std::size_t e = 0;
        if (!Expression(j, &e)) return false;
        // {"text"} is a string too.
        std::size_t k = j + 1;
        while (k < e && IsSpace(s_[k])) ++k;
        std::size_t se = 0;
        if (k < e && (s_[k] == '"' || s_[k] == '\'' || s_[k] == '`') && QuotedString(k, &se)) {
          std::size_t r = se;
          while (r < e - 1 && IsSpace(s_[r])) ++r;
          if (r == e - 1) {
            vb = k + 1;
            ve = se - 1;
          }
        }
        i = e;
      } else {
        return false;
      }
      BlockKind kind;
      Block block;
      std::string lower;
      for (char ch : attr_name) lower.push_back(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
      if (ve > vb && VisibleAttribute(lower, &kind) &&
          MakeTextBlock(s_, vb, ve, kind, index_, &block)) {
        side.push_back(std::move(block));
      }
    }
    for (Block& b : side) out_->side.push_back(std::move(b));
    return true;
  }

  std::string_view s_;
  const SourceIndex& index_;
  std::string* parse_;
  MdxSyntax* out_;
  bool filled_ = false;
  std::size_t far_ = 0;  // the furthest byte the current attempt examined
  std::size_t budget_ = 8 * s_.size() + (1 << 16);
};

}  // namespace

void BlankMdxSyntax(std::string_view text, std::size_t from, const SourceIndex& index,
                    std::string* parse_text, MdxSyntax* out) {
  MdxScanner scanner(text, index, parse_text, out);
  scanner.Run(from);
}

}  // namespace claimlint
