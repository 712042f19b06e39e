#include "lint/document/json_reader.h"

#include <string>
#include <utility>

#include "lint/base/utf8.h"

namespace claimlint {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
int HexValue(char c) {
  if (IsDigit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

class JsonReader {
 public:
  JsonReader(std::string_view s, std::size_t begin) : s_(s), p_(begin) {}

  std::optional<FmError> Read(FmValue* out, std::size_t* end) {
    if (Peek() != '{') {
      Fail("JSON front matter must be an object", p_);
    } else {
      Value(out, 0);
    }
    *end = p_;
    return err_;
  }

 private:
  bool Fail(std::string message, std::size_t at) {
    if (!err_) err_ = FmError{std::move(message), std::min(at, s_.size())};
    return false;
  }
  char Peek(std::size_t k = 0) const { return p_ + k < s_.size() ? s_[p_ + k] : '\0'; }
  void Skip() {
    while (p_ < s_.size() &&
           (s_[p_] == ' ' || s_[p_] == '\t' || s_[p_] == '\n' || s_[p_] == '\r')) {
      ++p_;
    }
  }
  std::size_t LineEnd(std::size_t from) const {
    std::size_t e = from;
    while (e < s_.size() && s_[e] != '\n') ++e;
    if (e > from && s_[e - 1] == '\r') --e;
    return e;
  }

  bool Value(FmValue* v, int depth) {
    if (depth >= kMaxFrontMatterDepth) return Fail("values are nested too deeply", p_);
    Skip();
    v->begin = p_;
    char c = Peek();
    bool ok;
    if (c == '{') {
      ok = Object(v, depth);
    } else if (c == '[') {
      ok = Array(v, depth);
    } else if (c == '"') {
      ok = String(v);
    } else if (c == '-' || IsDigit(c)) {
      ok = Number(v);
    } else {
      ok = Word(v);
    }
    v->end = p_;
    return ok;
  }

  bool Object(FmValue* v, int depth) {
    v->kind = FmValue::Kind::kTable;
    std::size_t open = p_++;
    Skip();
    if (Peek() == '}') {
      ++p_;
      return true;
    }
    while (true) {
      Skip();
      if (p_ >= s_.size()) return Fail("the object is never closed", open);
      if (Peek() != '"') return Fail("expected a key in double quotes", p_);
      FmMember m;
      m.line_begin = p_;
      m.line_end = LineEnd(p_);
      FmValue key;
      if (!String(&key)) return false;
      m.key = std::move(key.text);
      Skip();
      if (Peek() != ':') return Fail("expected ':' after the key", p_);
      ++p_;
      if (!Value(&m.value, depth + 1)) return false;
      v->members.push_back(std::move(m));
      Skip();
      if (Peek() == ',') {
        ++p_;
        continue;
      }
      if (Peek() == '}') {
        ++p_;
        return true;
      }
      return Fail(p_ >= s_.size() ? "the object is never closed" : "expected ',' or '}'", p_);
    }
  }

  bool Array(FmValue* v, int depth) {
    v->kind = FmValue::Kind::kArray;
    std::size_t open = p_++;
    Skip();
    if (Peek() == ']') {
      ++p_;
      return true;
    }
    while (true) {
      FmValue item;
      if (!Value(&item, depth + 1)) return false;
      v->items.push_back(std::move(item));
      Skip();
      if (Peek() == ',') {
        ++p_;
        continue;
      }
      if (Peek() == ']') {
        ++p_;
        return true;
      }
      return Fail(p_ >= s_.size() ? "the array is never closed" : "expected ',' or ']'",
                  p_ >= s_.size() ? open : p_);
    }
  }

  bool Hex4(std::size_t at, char32_t* out) {
    char32_t v = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      if (at + k >= s_.size() || !IsHex(s_[at + k])) return false;
      v = v * 16 + static_cast<char32_t>(HexValue(s_[at + k]));
    }
    *out = v;
    return true;
  }

  bool String(FmValue* v) {
    v->kind = FmValue::Kind::kString;
    std::size_t open = p_++;
    while (true) {
      if (p_ >= s_.size() || s_[p_] == '\n' || s_[p_] == '\r') {
        return Fail("the string is not closed on its line", open);
      }
      char c = s_[p_];
      if (c == '"') {
        ++p_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) return Fail("a control character in a string", p_);
      if (c != '\\') {
        v->map.Add(static_cast<uint32_t>(v->text.size()), 1, static_cast<uint32_t>(p_), 1);
        v->text.push_back(c);
        ++p_;
        continue;
      }
      std::size_t at = p_;
      char e = Peek(1);
      char32_t cp = 0;
      std::size_t len = 2;
      switch (e) {
        case '"':
          cp = '"';
          break;
        case '\\':
          cp = '\\';
          break;
        case '/':
          cp = '/';
          break;
        case 'b':
          cp = '\b';
          break;
        case 'f':
          cp = '\f';
          break;
        case 'n':
          cp = '\n';
          break;
        case 'r':
          cp = '\r';
          break;
        case 't':
          cp = '\t';
          break;
        case 'u': {
          if (!Hex4(at + 2, &cp)) return Fail("invalid \\u escape", at);
          len = 6;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            char32_t low = 0;
            if (Peek(6) == '\\' && Peek(7) == 'u' && Hex4(at + 8, &low) && low >= 0xDC00 &&
                low <= 0xDFFF) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
              len = 12;
            } else {
              cp = 0xFFFD;  // a lone surrogate reads as a replacement character
            }
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            cp = 0xFFFD;
          }
          break;
        }
        default:
          return Fail("invalid escape sequence in a string", at);
      }
      std::size_t before = v->text.size();
      AppendUtf8(cp, &v->text);
      v->map.Add(static_cast<uint32_t>(before), static_cast<uint32_t>(v->text.size() - before),
                 static_cast<uint32_t>(at), static_cast<uint32_t>(len));
      p_ += len;
    }
  }

  bool Number(FmValue* v) {
    std::size_t start = p_;
    if (Peek() == '-') ++p_;
    if (Peek() == '0') {
      ++p_;
    } else if (IsDigit(Peek())) {
      while (IsDigit(Peek())) ++p_;
    } else {
      return Fail("invalid number", start);
    }
    if (Peek() == '.') {
      ++p_;
      if (!IsDigit(Peek())) return Fail("invalid number", start);
      while (IsDigit(Peek())) ++p_;
    }
    if (Peek() == 'e' || Peek() == 'E') {
      ++p_;
      if (Peek() == '+' || Peek() == '-') ++p_;
      if (!IsDigit(Peek())) return Fail("invalid number", start);
      while (IsDigit(Peek())) ++p_;
    }
    v->kind = FmValue::Kind::kNumber;
    v->text = std::string(s_.substr(start, p_ - start));
    return true;
  }

  bool Word(FmValue* v) {
    for (const char* w : {"true", "false", "null"}) {
      std::string_view word(w);
      if (s_.substr(p_, word.size()) == word) {
        p_ += word.size();
        v->kind = word == "null" ? FmValue::Kind::kNull : FmValue::Kind::kBool;
        if (word != "null") v->text = std::string(word);
        return true;
      }
    }
    return Fail("expected a JSON value (strings need double quotes)", p_);
  }

  std::string_view s_;
  std::size_t p_;
  std::optional<FmError> err_;
};

}  // namespace

std::optional<FmError> ReadJsonObject(std::string_view text, std::size_t begin, FmValue* out,
                                      std::size_t* end) {
  JsonReader reader(text, begin);
  return reader.Read(out, end);
}

}  // namespace claimlint
