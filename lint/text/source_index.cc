#include "lint/text/source_index.h"

#include <algorithm>

#include "lint/base/utf8.h"

namespace claimlint {

SourceIndex::SourceIndex(std::string_view text) : size_(text.size()) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      line_ends_.push_back(i);
      line_starts_.push_back(i + 1);
    } else if (c == '\r') {
      line_ends_.push_back(i);
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      line_starts_.push_back(i + 1);
    }
  }
  line_ends_.push_back(text.size());
  // checkpoints_[k] = code points in [0, k * kStride).
  checkpoints_.reserve(text.size() / kStride + 2);
  std::size_t count = 0;
  checkpoints_.push_back(0);
  for (std::size_t start = 0; start + kStride <= text.size(); start += kStride) {
    count += CountCodePoints(text.substr(start, kStride));
    checkpoints_.push_back(count);
  }
}

std::size_t SourceIndex::CodePointsBefore(std::string_view text, std::size_t offset) const {
  offset = std::min(offset, text.size());
  std::size_t k = offset / kStride;
  if (k >= checkpoints_.size()) k = checkpoints_.size() - 1;
  std::size_t base = k * kStride;
  return checkpoints_[k] + CountCodePoints(text.substr(base, offset - base));
}

Position SourceIndex::At(std::string_view text, std::size_t offset) const {
  offset = std::min(offset, text.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  int line = static_cast<int>(it - line_starts_.begin());  // 1-based
  std::size_t start = line_starts_[line - 1];
  Position p;
  p.line = line;
  p.column = static_cast<int>(CodePointsBefore(text, offset) - CodePointsBefore(text, start)) + 1;
  return p;
}

std::size_t SourceIndex::LineStart(int line) const {
  if (line < 1) return 0;
  if (line > line_count()) return size_;
  return line_starts_[line - 1];
}

std::size_t SourceIndex::LineEnd(int line) const {
  if (line < 1) return 0;
  if (line > line_count()) return size_;
  return line_ends_[line - 1];
}

std::size_t SourceIndex::OffsetOf(std::string_view text, Position pos) const {
  std::size_t start = LineStart(pos.line);
  std::size_t end = LineEnd(pos.line);
  std::size_t i = start;
  int col = 1;
  while (i < end && col < pos.column) {
    ++i;
    while (i < end && IsContinuationByte(static_cast<unsigned char>(text[i]))) ++i;
    ++col;
  }
  return i;
}

}  // namespace claimlint
