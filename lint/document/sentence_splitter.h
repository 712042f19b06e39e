// Splits a block's plain text into sentences.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace claimlint {

struct SentenceSpan {
  std::size_t begin = 0, end = 0;  // byte range in the block text, trimmed
  bool cut = false;                // a piece of a sentence longer than limits::kSentenceBytes
};

// Splits at ".", "?", "!" (and runs of them, with closing quotes/brackets)
// followed by space and an upper-case letter, digit, quote or bracket, or
// at a line break. Does not split after abbreviations ("et al.", "e.g.",
// "Dr.", "vs.", "No."), initials, decimals, or inside brackets. A sentence
// longer than limits::kSentenceBytes is cut into pieces (marked `cut`).
std::vector<SentenceSpan> SplitSentences(std::string_view text);

}  // namespace claimlint
