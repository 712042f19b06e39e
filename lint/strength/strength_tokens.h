// The claim-strength model's tokeniser: the same bytes in, the same tokens
// out as tokenize() in tools/strength/features.py (the parity test holds the
// two together).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace claimlint {

struct StrengthToken {
  std::uint32_t begin = 0;  // byte range in the normalised text
  std::uint32_t size = 0;
};

// Writes the tokens of `sentence` to `text` (back to back, normalised) and
// their ranges to `tokens`, replacing what was there; both keep their
// capacity, so a reused pair allocates nothing once warm.
//   - ASCII letters and digits, and bytes >= 0x80, make words; ASCII letters
//     are lower-cased.
//   - E2 80 xx (U+2000-U+203F: spaces, dashes, quotes) and C2 A0 (no-break
//     space) separate, except E2 80 99 (U+2019), which is an apostrophe.
//   - An apostrophe (' or U+2019) stays in a word, as ', when a word is open
//     and an ASCII letter follows; otherwise it separates.
//   - Anything else separates.
//   - A token holding a digit becomes "0".
void TokenizeForStrength(std::string_view sentence, std::string& text,
                         std::vector<StrengthToken>& tokens);

}  // namespace claimlint
