#include "lint/base/json_keys.h"

#include <unordered_map>
#include <vector>

#include "lint/base/utf8.h"

namespace claimlint {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

unsigned Hex4(std::string_view s, std::size_t i) {
  unsigned v = 0;
  for (std::size_t k = 0; k < 4 && i + k < s.size(); ++k) {
    int h = HexValue(s[i + k]);
    v = v * 16 + static_cast<unsigned>(h < 0 ? 0 : h);
  }
  return v;
}

// Decodes the string whose opening quote is at `i`; returns the index after
// its closing quote.
std::size_t ReadString(std::string_view s, std::size_t i, std::string* out) {
  out->clear();
  for (++i; i < s.size(); ++i) {
    char c = s[i];
    if (c == '"') return i + 1;
    if (c != '\\' || i + 1 >= s.size()) {
      *out += c;
      continue;
    }
    char e = s[++i];
    switch (e) {
      case 'b':
        *out += '\b';
        break;
      case 'f':
        *out += '\f';
        break;
      case 'n':
        *out += '\n';
        break;
      case 'r':
        *out += '\r';
        break;
      case 't':
        *out += '\t';
        break;
      case 'u': {
        char32_t cp = Hex4(s, i + 1);
        i += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 < s.size() && s[i + 1] == '\\' &&
            s[i + 2] == 'u') {
          char32_t low = Hex4(s, i + 3);
          if (low >= 0xDC00 && low <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            i += 6;
          }
        }
        AppendUtf8(cp, out);
        break;
      }
      default:
        *out += e;
    }
  }
  return s.size();
}

struct Frame {
  bool object = false;
  bool expect_key = false;
  std::unordered_map<std::string, std::size_t> keys;
};

}  // namespace

std::optional<DuplicateKey> FindDuplicateJsonKey(std::string_view json) {
  std::vector<Frame> stack;
  std::string text;
  for (std::size_t i = 0; i < json.size();) {
    char c = json[i];
    if (c == '"') {
      std::size_t start = i;
      i = ReadString(json, i, &text);
      if (!stack.empty() && stack.back().object && stack.back().expect_key) {
        Frame& f = stack.back();
        f.expect_key = false;
        auto [it, fresh] = f.keys.emplace(text, start);
        if (!fresh) return DuplicateKey{start, it->second, text};
      }
      continue;
    }
    if (c == '{' || c == '[') {
      Frame f;
      f.object = c == '{';
      f.expect_key = f.object;
      stack.push_back(std::move(f));
    } else if (c == '}' || c == ']') {
      if (!stack.empty()) stack.pop_back();
    } else if (c == ',' && !stack.empty() && stack.back().object) {
      stack.back().expect_key = true;
    }
    ++i;
  }
  return std::nullopt;
}

}  // namespace claimlint
