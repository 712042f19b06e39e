// LSP positions (line, character) in a text held as UTF-8, for the three
// position encodings a client may negotiate. Lines end at LF, CRLF or a lone
// CR, as in the protocol; a character counts UTF-8 bytes, UTF-16 code units
// or code points.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace claimlint::lsp {

enum class Encoding { kUtf8, kUtf16, kUtf32 };

// "utf-8", "utf-16", "utf-32".
const char* EncodingName(Encoding e);
// False for a name the server does not know.
bool ParseEncoding(std::string_view name, Encoding* out);

struct Position {
  std::uint32_t line = 0;
  std::uint32_t character = 0;
};

class LineIndex {
 public:
  LineIndex() : starts_{0} {}
  explicit LineIndex(std::string_view text);

  // The byte offset of `pos`. A line past the last means the end of the
  // text; a character past the line's end means the line's end (before its
  // terminator); one inside a code point (the second half of a surrogate
  // pair, a byte inside a UTF-8 sequence) means that code point's start.
  std::size_t ToOffset(std::string_view text, Position pos, Encoding enc) const;
  // The position of a byte offset (clamped to the text; an offset inside a
  // code point counts from that code point's start).
  Position ToPosition(std::string_view text, std::size_t offset, Encoding enc) const;

  std::size_t line_count() const { return starts_.size(); }
  std::size_t LineStart(std::size_t line) const { return starts_[line]; }
  // Offset of the line's terminator, or the end of the text.
  std::size_t LineEnd(std::string_view text, std::size_t line) const;

 private:
  std::vector<std::size_t> starts_;  // offset of each line's first byte
};

}  // namespace claimlint::lsp
