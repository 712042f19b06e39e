// UTF-8 validation and code point counting.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace claimlint {

// Length of the valid UTF-8 sequence starting at text[i], or 0 when the bytes
// there are not valid UTF-8 (overlong forms, surrogates, > U+10FFFF,
// truncated sequences, stray continuation bytes).
std::size_t ValidSequenceLength(std::string_view text, std::size_t i);

// Copies `text`, replacing every invalid byte by U+FFFD so that each one still
// counts as one column. Byte offsets (in the input) of the replaced bytes go to
// `invalid` when given.
std::string SanitizeUtf8(std::string_view text, std::vector<std::size_t>* invalid);

inline bool IsContinuationByte(unsigned char c) { return (c & 0xC0) == 0x80; }

// Code points in text (counts lead bytes).
std::size_t CountCodePoints(std::string_view text);

// Decodes the code point at text[i] (valid UTF-8 assumed); sets *len.
char32_t DecodeAt(std::string_view text, std::size_t i, std::size_t* len);

// Appends the UTF-8 encoding of cp.
void AppendUtf8(char32_t cp, std::string* out);

}  // namespace claimlint
