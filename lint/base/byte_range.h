// Byte ranges, named for the text they index: a range in a document's source
// (Document::text) is not a range in a block's plain text, and the type says
// which.
#pragma once

#include <cstddef>

namespace claimlint {

// [begin, end) in bytes of the text named by Tag.
template <typename Tag>
struct ByteRange {
  std::size_t begin = 0, end = 0;
  constexpr std::size_t size() const { return end > begin ? end - begin : 0; }
  constexpr bool empty() const { return end <= begin; }
  constexpr bool Contains(std::size_t offset) const { return offset >= begin && offset < end; }
  constexpr bool Overlaps(const ByteRange& o) const { return begin < o.end && o.begin < end; }
  constexpr bool operator==(const ByteRange& o) const { return begin == o.begin && end == o.end; }
};

struct SourceTag;  // Document::text: the file as read (BOM removed, invalid bytes replaced)
struct BlockTag;   // a Block's plain text (what a reader sees)

using SourceRange = ByteRange<SourceTag>;
using BlockRange = ByteRange<BlockTag>;

}  // namespace claimlint
