// Maps offsets in a block's plain text to byte offsets in the source.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace claimlint {

// A run of plain text produced by a run of source bytes. When the lengths are
// equal the run is an identity copy; otherwise it is atomic (an entity, an
// escape, a soft break, a code span) and maps as a whole.
struct TextSegment {
  uint32_t plain = 0, plain_len = 0;
  uint32_t src = 0, src_len = 0;
};

class TextMap {
 public:
  // Appends a run; runs must be appended in plain-text order.
  void Add(uint32_t plain, uint32_t plain_len, uint32_t src, uint32_t src_len);

  // Source byte where the plain character at `plain_offset` starts.
  std::size_t SourceBegin(std::size_t plain_offset) const;
  // Source byte just past the plain character ending at `plain_end` (exclusive).
  std::size_t SourceEnd(std::size_t plain_end) const;

  const std::vector<TextSegment>& segments() const { return segs_; }

 private:
  // Index of the segment holding plain offset `p` (the last with plain <= p).
  std::size_t Find(std::size_t p) const;
  std::vector<TextSegment> segs_;
};

}  // namespace claimlint
