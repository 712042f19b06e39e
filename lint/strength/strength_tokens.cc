#include "lint/strength/strength_tokens.h"

namespace claimlint {
namespace {

bool IsAlpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsWordByte(unsigned char c) { return IsAlpha(c) || IsDigit(c) || c >= 0x80; }

}  // namespace

void TokenizeForStrength(std::string_view s, std::string& text,
                         std::vector<StrengthToken>& tokens) {
  // The normalised text is never longer than the input: write it in place.
  text.resize(s.size());
  tokens.clear();
  char* out = text.data();
  std::size_t w = 0;      // bytes written
  std::size_t start = 0;  // where the open token begins
  bool digit = false;
  auto finish = [&] {
    if (w == start) return;
    if (digit) {
      w = start;
      out[w++] = '0';
    }
    tokens.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(w - start)});
    start = w;
    digit = false;
  };
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t step = 1;
    bool apostrophe = false;
    bool separator = false;
    if (c == 0x27) {
      apostrophe = true;
    } else if (c == 0xE2 && i + 2 < n && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      step = 3;
      if (static_cast<unsigned char>(s[i + 2]) == 0x99) {
        apostrophe = true;
      } else {
        separator = true;
      }
    } else if (c == 0xC2 && i + 1 < n && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      step = 2;
      separator = true;
    }
    if (apostrophe) {
      if (w > start && i + step < n && IsAlpha(static_cast<unsigned char>(s[i + step]))) {
        out[w++] = '\'';
      } else {
        separator = true;
      }
    } else if (!separator && IsWordByte(c)) {
      digit = digit || IsDigit(c);
      out[w++] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    } else {
      separator = true;
    }
    if (separator) finish();
    i += step;
  }
  finish();
  text.resize(w);
}

}  // namespace claimlint
