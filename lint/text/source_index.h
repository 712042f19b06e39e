// Line and column lookups on a source buffer. Lines end at LF, CRLF or a lone
// CR; columns count Unicode code points, 1-based.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace claimlint {

struct Position {
  int line = 1;
  int column = 1;
};

class SourceIndex {
 public:
  SourceIndex() = default;
  // Indexes `text`. The index does not keep the text (so the owner may move
  // it); every lookup is passed the same text again.
  explicit SourceIndex(std::string_view text);

  Position At(std::string_view text, std::size_t offset) const;
  // Byte offset of a (line, column); clamps to the line's end.
  std::size_t OffsetOf(std::string_view text, Position pos) const;
  int line_count() const { return static_cast<int>(line_starts_.size()); }
  std::size_t LineStart(int line) const;  // 1-based line
  std::size_t LineEnd(int line) const;    // offset of its terminator (or text end)

 private:
  // Code points in [0, offset), via a checkpoint every kStride bytes so that
  // long lines stay cheap.
  std::size_t CodePointsBefore(std::string_view text, std::size_t offset) const;
  static constexpr std::size_t kStride = 256;
  std::size_t size_ = 0;
  std::vector<std::size_t> line_starts_;
  std::vector<std::size_t> line_ends_;  // offset of each line's terminator
  std::vector<std::size_t> checkpoints_;
};

}  // namespace claimlint
