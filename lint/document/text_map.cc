#include "lint/document/text_map.h"

#include <algorithm>

namespace claimlint {

void TextMap::Add(uint32_t plain, uint32_t plain_len, uint32_t src, uint32_t src_len) {
  // Merge identity runs that continue the previous one, to keep the map small.
  if (!segs_.empty() && plain_len == src_len) {
    TextSegment& last = segs_.back();
    if (last.plain_len == last.src_len && last.plain + last.plain_len == plain &&
        last.src + last.src_len == src) {
      last.plain_len += plain_len;
      last.src_len += src_len;
      return;
    }
  }
  segs_.push_back({plain, plain_len, src, src_len});
}

std::size_t TextMap::Find(std::size_t p) const {
  auto it = std::upper_bound(segs_.begin(), segs_.end(), p,
                             [](std::size_t v, const TextSegment& s) { return v < s.plain; });
  if (it == segs_.begin()) return 0;
  return static_cast<std::size_t>(it - segs_.begin()) - 1;
}

std::size_t TextMap::SourceBegin(std::size_t plain_offset) const {
  if (segs_.empty()) return 0;
  const TextSegment& s = segs_[Find(plain_offset)];
  if (plain_offset >= s.plain + s.plain_len) return s.src + s.src_len;
  if (s.plain_len == s.src_len) return s.src + (plain_offset - s.plain);
  return s.src;  // atomic run
}

std::size_t TextMap::SourceEnd(std::size_t plain_end) const {
  if (segs_.empty()) return 0;
  if (plain_end == 0) return SourceBegin(0);
  std::size_t last = plain_end - 1;  // the last plain byte inside the range
  const TextSegment& s = segs_[Find(last)];
  if (last >= s.plain + s.plain_len) return s.src + s.src_len;
  if (s.plain_len == s.src_len) return s.src + (last - s.plain) + 1;
  return s.src + s.src_len;  // atomic run
}

}  // namespace claimlint
