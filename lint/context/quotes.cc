#include "lint/context/quotes.h"

namespace claimlint::context_internal {
namespace {

enum class Mark {
  kNone,
  kDoubleOpen,
  kDoubleClose,
  kDoubleStraight,
  kSingleOpen,
  kSingleClose,
  kSingleStraight
};

// The quotation mark at s[i], if any, and its size in bytes.
Mark MarkAt(std::string_view s, std::size_t i, std::size_t* size) {
  *size = 1;
  if (s[i] == '"') return Mark::kDoubleStraight;
  if (s[i] == '\'') return Mark::kSingleStraight;
  if (i + 1 < s.size() && s[i] == '\xC2') {
    *size = 2;
    if (s[i + 1] == '\xAB') return Mark::kDoubleOpen;   // «
    if (s[i + 1] == '\xBB') return Mark::kDoubleClose;  // »
  }
  if (i + 2 < s.size() && s[i] == '\xE2' && s[i + 1] == '\x80') {
    *size = 3;
    switch (s[i + 2]) {
      case '\x9C':  // “
      case '\x9E':  // „
        return Mark::kDoubleOpen;
      case '\x9D':  // ”
        return Mark::kDoubleClose;
      case '\x98':  // ‘
        return Mark::kSingleOpen;
      case '\x99':  // ’
        return Mark::kSingleClose;
      default:
        break;
    }
  }
  *size = 1;
  return Mark::kNone;
}

// Bytes a quotation mark can start with: " ' and the lead bytes of « » and
// of the curly marks.
struct MarkStarts {
  bool at[256] = {};
  constexpr MarkStarts() {
    at[static_cast<unsigned char>('"')] = true;
    at[static_cast<unsigned char>('\'')] = true;
    at[0xC2] = true;
    at[0xE2] = true;
  }
};
constexpr MarkStarts kMayStartMark;

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Before an opening mark: start, space, an opening bracket or a dash.
bool OpensAfter(std::string_view s, std::size_t i) {
  if (i == 0) return true;
  const char c = s[i - 1];
  return c == ' ' || c == '\t' || c == '\n' || c == '(' || c == '[' || c == '-' ||
         c == '\x94' /* last byte of an en or em dash */ || c == '\xA0' /* of a no-break space */;
}

// After a closing mark: end, space or punctuation (not a letter or digit).
bool ClosesBefore(std::string_view s, std::size_t after) {
  if (after >= s.size()) return true;
  const char c = s[after];
  return !(IsAsciiLetter(c) || (c >= '0' && c <= '9') || (c & 0x80));
}

// Tracks one level of quotation of one kind.
struct Quote {
  bool open = false;
  std::size_t at = 0;
  bool covers = false;  // a finished quotation covers [begin, end)

  void Open(std::size_t pos) {
    open = true;
    at = pos;
  }
  void Close(std::size_t pos, std::size_t begin, std::size_t end) {
    const std::size_t from = open ? at : 0;  // no opener: began before this sentence
    if (from <= begin && end <= pos) covers = true;
    open = false;
  }
};

}  // namespace

bool InsideQuotation(std::string_view s, std::size_t begin, std::size_t end) {
  Quote dbl, sgl;
  for (std::size_t i = 0; i < s.size();) {
    if (!kMayStartMark.at[static_cast<unsigned char>(s[i])]) {
      ++i;
      continue;
    }
    std::size_t n = 1;
    const Mark m = MarkAt(s, i, &n);
    switch (m) {
      case Mark::kDoubleOpen:
        dbl.Open(i);
        break;
      case Mark::kDoubleClose:
        dbl.Close(i, begin, end);
        break;
      case Mark::kDoubleStraight: {
        // Direction from the neighbours; when they do not tell, alternate.
        const bool can_open = OpensAfter(s, i);
        const bool can_close = i > 0 && ClosesBefore(s, i + 1);
        if (can_open && !can_close) {
          dbl.Open(i);
        } else if (can_close && !can_open) {
          dbl.Close(i, begin, end);
        } else if (dbl.open) {
          dbl.Close(i, begin, end);
        } else {
          dbl.Open(i);
        }
        break;
      }
      case Mark::kSingleOpen:
        if (OpensAfter(s, i)) sgl.Open(i);
        break;
      case Mark::kSingleClose:
      case Mark::kSingleStraight:
        // An apostrophe unless it closes an open single quotation ("dogs'"
        // and "don’t" never open one).
        if (sgl.open && i > 0 && s[i - 1] != ' ' && ClosesBefore(s, i + n)) {
          sgl.Close(i, begin, end);
        } else if (m == Mark::kSingleStraight && OpensAfter(s, i) && i + 1 < s.size() &&
                   IsAsciiLetter(s[i + 1])) {
          sgl.Open(i);
        }
        break;
      case Mark::kNone:
        break;
    }
    if (dbl.covers || sgl.covers) return true;
    i += n;
  }
  // An unclosed double quotation runs to the end of the sentence (it closes
  // in a later one); an unclosed single mark is too likely an apostrophe.
  return dbl.open && dbl.at <= begin;
}

}  // namespace claimlint::context_internal
