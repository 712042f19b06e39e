#include "lint/lsp/text_positions.h"

#include <algorithm>

namespace claimlint::lsp {
namespace {

// Length of the UTF-8 sequence led by `c`; a stray byte counts as 1.
std::size_t SequenceLength(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) return 2;
  if ((c & 0xF0) == 0xE0) return 3;
  if ((c & 0xF8) == 0xF0) return 4;
  return 1;
}

// The units a code point of `len` UTF-8 bytes takes in `enc`.
std::uint32_t Units(std::size_t len, Encoding enc) {
  switch (enc) {
    case Encoding::kUtf8:
      return static_cast<std::uint32_t>(len);
    case Encoding::kUtf16:
      return len == 4 ? 2 : 1;
    case Encoding::kUtf32:
      return 1;
  }
  return 1;
}

}  // namespace

const char* EncodingName(Encoding e) {
  switch (e) {
    case Encoding::kUtf8:
      return "utf-8";
    case Encoding::kUtf16:
      return "utf-16";
    case Encoding::kUtf32:
      return "utf-32";
  }
  return "utf-16";
}

bool ParseEncoding(std::string_view name, Encoding* out) {
  if (name == "utf-8") {
    *out = Encoding::kUtf8;
  } else if (name == "utf-16") {
    *out = Encoding::kUtf16;
  } else if (name == "utf-32") {
    *out = Encoding::kUtf32;
  } else {
    return false;
  }
  return true;
}

LineIndex::LineIndex(std::string_view text) : starts_{0} {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      starts_.push_back(i + 1);
    } else if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      starts_.push_back(i + 1);
    }
  }
}

std::size_t LineIndex::LineEnd(std::string_view text, std::size_t line) const {
  std::size_t end = line + 1 < starts_.size() ? starts_[line + 1] : text.size();
  if (line + 1 < starts_.size()) {
    // Step back over the terminator: LF, CR or CRLF.
    if (end > starts_[line] && text[end - 1] == '\n') --end;
    if (end > starts_[line] && text[end - 1] == '\r') --end;
  }
  return end;
}

std::size_t LineIndex::ToOffset(std::string_view text, Position pos, Encoding enc) const {
  if (pos.line >= starts_.size()) return text.size();
  std::size_t i = starts_[pos.line];
  const std::size_t end = LineEnd(text, pos.line);
  std::uint32_t units = 0;
  while (i < end) {
    std::size_t len = std::min(SequenceLength(static_cast<unsigned char>(text[i])), end - i);
    std::uint32_t u = Units(len, enc);
    if (units + u > pos.character) break;
    units += u;
    i += len;
  }
  return i;
}

Position LineIndex::ToPosition(std::string_view text, std::size_t offset, Encoding enc) const {
  offset = std::min(offset, text.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  std::size_t line = static_cast<std::size_t>(it - starts_.begin()) - 1;
  std::size_t i = starts_[line];
  // An offset inside a line terminator (between CR and LF) is the line's end.
  offset = std::min(offset, LineEnd(text, line));
  std::uint32_t units = 0;
  while (i < offset) {
    std::size_t len = SequenceLength(static_cast<unsigned char>(text[i]));
    if (i + len > offset) break;
    units += Units(len, enc);
    i += len;
  }
  return Position{static_cast<std::uint32_t>(line), units};
}

}  // namespace claimlint::lsp
