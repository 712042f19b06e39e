#include "lint/document/plain_text_blocks.h"

#include <vector>

#include "lint/base/utf8.h"

namespace claimlint {
namespace {

struct Line {
  std::size_t begin, end;  // content without terminator
  std::size_t term_len;    // 0 at end of text
};

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size()) {
      if (start < text.size()) lines.push_back({start, i, 0});
      break;
    }
    if (text[i] == '\n' || text[i] == '\r') {
      std::size_t len = (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
      lines.push_back({start, i, len});
      i += len - 1;
      start = i + 1;
    }
  }
  return lines;
}

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

// Leading/trailing blanks, including U+00A0 and U+2022-style bullets handled
// by the caller.
void Trim(std::string_view text, std::size_t* b, std::size_t* e) {
  while (*b < *e && (IsSpace(text[*b]) || text.substr(*b, 2) == "\xC2\xA0")) {
    *b += IsSpace(text[*b]) ? 1 : 2;
  }
  while (*e > *b && (IsSpace(text[*e - 1]) || (*e - *b >= 2 && text.substr(*e - 2, 2) == "\xC2\xA0"))) {
    *e -= IsSpace(text[*e - 1]) ? 1 : 2;
  }
}

// Length of a list marker at text[b] ("•", "-", "*", "1.", "1)") and the blank after it.
std::size_t MarkerLength(std::string_view text, std::size_t b, std::size_t e) {
  std::size_t m = 0;
  if (text.substr(b, 3) == "\xE2\x80\xA2" || text.substr(b, 3) == "\xE2\x80\x93") {
    m = 3;  // • or –
  } else if (b < e && (text[b] == '-' || text[b] == '*' || text[b] == '+')) {
    m = 1;
  } else {
    std::size_t i = b;
    while (i < e && i - b < 3 && text[i] >= '0' && text[i] <= '9') ++i;
    if (i > b && i < e && (text[i] == '.' || text[i] == ')')) m = i + 1 - b;
  }
  if (m == 0 || b + m >= e || !IsSpace(text[b + m])) return 0;
  std::size_t i = b + m;
  while (i < e && IsSpace(text[i])) ++i;
  return i - b;
}

// A whole line that is an HTML comment ("<!-- claimlint-disable ... -->"):
// suppressions and expectations work in plain text too.
bool IsCommentLine(std::string_view text, std::size_t b, std::size_t e) {
  std::string_view line = text.substr(b, e - b);
  return line.size() >= 7 && line.substr(0, 4) == "<!--" && line.substr(line.size() - 3) == "-->";
}

void RecordComment(std::string_view text, std::size_t b, std::size_t e, Document* doc) {
  std::string_view body = text.substr(b + 4, e - b - 7);
  while (!body.empty() && (body.front() == ' ' || body.front() == '\t')) body.remove_prefix(1);
  while (!body.empty() && (body.back() == ' ' || body.back() == '\t')) body.remove_suffix(1);
  HtmlComment c;
  c.body = std::string(body);
  c.src_begin = b;
  c.src_end = e;
  c.line = c.end_line = doc->index.At(doc->text, b).line;
  doc->comments.push_back(std::move(c));
}

bool EndsWithPunctuation(std::string_view s) {
  if (s.empty()) return false;
  char c = s.back();
  return c == '.' || c == '!' || c == ':' || c == ';' || c == ',';
}

}  // namespace

void BuildPlainTextBlocks(std::string_view parse_text, Document* doc) {
  std::vector<Line> lines = SplitLines(parse_text);
  int section = -1;
  std::size_t i = 0;
  while (i < lines.size()) {
    std::size_t b = lines[i].begin, e = lines[i].end;
    Trim(parse_text, &b, &e);
    if (b < e && IsCommentLine(parse_text, b, e)) {
      RecordComment(parse_text, b, e, doc);
      ++i;
      continue;
    }
    if (b == e) {
      ++i;
      continue;
    }
    // A paragraph: consecutive non-blank lines; a list marker starts a new one.
    Block block;
    std::size_t marker = MarkerLength(parse_text, b, e);
    block.kind = marker ? BlockKind::kListItem : BlockKind::kParagraph;
    b += marker;
    block.src_begin = b;
    block.line = doc->index.At(doc->text, b).line;
    std::size_t j = i;
    int line_count = 0;
    while (j < lines.size()) {
      std::size_t lb = lines[j].begin, le = lines[j].end;
      Trim(parse_text, &lb, &le);
      if (lb == le || IsCommentLine(parse_text, lb, le)) break;
      if (j > i) {
        if (MarkerLength(parse_text, lb, le)) break;
        // The break between lines reads as a space.
        const Line& prev = lines[j - 1];
        block.map.Add(static_cast<uint32_t>(block.text.size()), 1,
                      static_cast<uint32_t>(prev.end), static_cast<uint32_t>(prev.term_len));
        block.text += ' ';
      } else {
        lb = b;
      }
      block.map.Add(static_cast<uint32_t>(block.text.size()), static_cast<uint32_t>(le - lb),
                    static_cast<uint32_t>(lb), static_cast<uint32_t>(le - lb));
      block.text.append(parse_text.substr(lb, le - lb));
      block.src_end = le;
      ++line_count;
      ++j;
    }
    bool blank_after = j >= lines.size() || [&] {
      std::size_t lb = lines[j].begin, le = lines[j].end;
      Trim(parse_text, &lb, &le);
      return lb == le || IsCommentLine(parse_text, lb, le);
    }();
    if (block.kind == BlockKind::kParagraph && line_count == 1 && blank_after &&
        CountCodePoints(block.text) <= 120 && !EndsWithPunctuation(block.text)) {
      block.kind = BlockKind::kHeading;
      block.heading_level = 2;
    }
    int index = static_cast<int>(doc->blocks.size());
    if (block.kind == BlockKind::kHeading) section = index;
    block.section = section;
    doc->blocks.push_back(std::move(block));
    i = j;
  }
}

}  // namespace claimlint
