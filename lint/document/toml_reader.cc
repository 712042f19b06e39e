#include "lint/document/toml_reader.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "lint/base/utf8.h"

namespace claimlint {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool IsOct(char c) { return c >= '0' && c <= '7'; }
bool IsBin(char c) { return c == '0' || c == '1'; }
bool IsBare(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-';
}
int HexValue(char c) {
  if (IsDigit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

// At least one digit, and underscores only between digits ("1_000").
bool Digits(std::string_view s, std::size_t* i, bool (*digit)(char)) {
  std::size_t start = *i;
  while (*i < s.size()) {
    if (digit(s[*i])) {
      ++*i;
    } else if (s[*i] == '_' && *i > start && digit(s[*i - 1]) && *i + 1 < s.size() &&
               digit(s[*i + 1])) {
      ++*i;
    } else {
      break;
    }
  }
  return *i > start;
}

// Exactly `n` digits at s[*i].
bool Fixed(std::string_view s, std::size_t* i, int n, int* value) {
  int v = 0;
  for (int k = 0; k < n; ++k) {
    if (*i >= s.size() || !IsDigit(s[*i])) return false;
    v = v * 10 + (s[*i] - '0');
    ++*i;
  }
  *value = v;
  return true;
}

// HH:MM[:SS[.frac]] at s[*i].
bool Time(std::string_view s, std::size_t* i) {
  int h = 0, m = 0, sec = 0;
  if (!Fixed(s, i, 2, &h) || *i >= s.size() || s[*i] != ':') return false;
  ++*i;
  if (!Fixed(s, i, 2, &m) || h > 23 || m > 59) return false;
  if (*i < s.size() && s[*i] == ':') {
    ++*i;
    if (!Fixed(s, i, 2, &sec) || sec > 60) return false;
    if (*i < s.size() && s[*i] == '.') {
      ++*i;
      std::size_t start = *i;
      while (*i < s.size() && IsDigit(s[*i])) ++*i;
      if (*i == start) return false;
    }
  }
  return true;
}

// An offset date-time, local date-time, local date or local time.
bool IsDateTime(std::string_view s) {
  std::size_t i = 0;
  int y = 0, mo = 0, d = 0;
  if (s.size() >= 3 && IsDigit(s[0]) && IsDigit(s[1]) && s[2] == ':') {
    return Time(s, &i) && i == s.size();
  }
  if (!Fixed(s, &i, 4, &y) || i >= s.size() || s[i] != '-') return false;
  ++i;
  if (!Fixed(s, &i, 2, &mo) || i >= s.size() || s[i] != '-') return false;
  ++i;
  if (!Fixed(s, &i, 2, &d) || mo < 1 || mo > 12 || d < 1 || d > 31) return false;
  if (i == s.size()) return true;
  if (s[i] != 'T' && s[i] != 't' && s[i] != ' ') return false;
  ++i;
  if (!Time(s, &i)) return false;
  if (i == s.size()) return true;
  if ((s[i] == 'Z' || s[i] == 'z') && i + 1 == s.size()) return true;
  if (s[i] != '+' && s[i] != '-') return false;
  ++i;
  int oh = 0, om = 0;
  if (!Fixed(s, &i, 2, &oh) || i >= s.size() || s[i] != ':') return false;
  ++i;
  return Fixed(s, &i, 2, &om) && oh <= 23 && om <= 59 && i == s.size();
}

bool IsNumber(std::string_view s) {
  std::size_t i = 0;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'o' || s[1] == 'b')) {
    i = 2;
    bool (*digit)(char) = s[1] == 'x' ? IsHex : s[1] == 'o' ? IsOct : IsBin;
    return Digits(s, &i, digit) && i == s.size();
  }
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) i = 1;
  std::string_view rest = s.substr(i);
  if (rest == "inf" || rest == "nan") return true;
  std::size_t int_start = i;
  if (!Digits(s, &i, IsDigit)) return false;
  if (s[int_start] == '0' && i - int_start > 1) return false;  // no leading zeros
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!Digits(s, &i, IsDigit)) return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!Digits(s, &i, IsDigit)) return false;
  }
  return i == s.size();
}

// Keys longer than this are refused: paths of keys are copied per level.
constexpr std::size_t kMaxKeyBytes = 1024;

struct Key {
  std::string text;
  std::size_t at = 0;
};

class TomlReader {
 public:
  TomlReader(std::string_view s, std::size_t begin, std::size_t end)
      : s_(s.substr(0, end)), p_(begin) {}

  std::optional<FmError> Read(FmValue* root) {
    root->kind = FmValue::Kind::kTable;
    root->begin = p_;
    FmValue* table = root;
    std::string table_path;
    while (!err_) {
      SkipBlank(/*newlines=*/true);
      if (p_ >= s_.size()) break;
      std::size_t line_start = p_;
      if (s_[p_] == '[') {
        bool array = p_ + 1 < s_.size() && s_[p_ + 1] == '[';
        p_ += array ? 2 : 1;
        std::vector<Key> keys;
        if (!ReadKey(&keys)) break;
        if (!Eat(']') || (array && !Eat(']'))) {
          Fail(array ? "expected ']]' to close the array-of-tables header"
                     : "expected ']' to close the table header",
               p_);
          break;
        }
        if (!EndOfLine()) break;
        table = OpenTable(root, keys, array, line_start, &table_path);
        if (!table) break;
      } else {
        if (!KeyValue(table, table_path, line_start, 0)) break;
        if (!EndOfLine()) break;
      }
    }
    root->end = p_;
    return err_;
  }

 private:
  bool Fail(std::string message, std::size_t at) {
    if (!err_) err_ = FmError{std::move(message), std::min(at, s_.size())};
    return false;
  }
  char Peek(std::size_t k = 0) const { return p_ + k < s_.size() ? s_[p_ + k] : '\0'; }
  bool Eat(char c) {
    if (Peek() != c) return false;
    ++p_;
    return true;
  }
  bool AtNewline() const {
    return p_ < s_.size() &&
           (s_[p_] == '\n' || (s_[p_] == '\r' && p_ + 1 < s_.size() && s_[p_ + 1] == '\n'));
  }

  // Spaces, tabs and comments; newlines too when asked.
  void SkipBlank(bool newlines) {
    while (p_ < s_.size()) {
      char c = s_[p_];
      if (c == ' ' || c == '\t') {
        ++p_;
      } else if (c == '#') {
        while (p_ < s_.size() && s_[p_] != '\n' && s_[p_] != '\r') ++p_;
      } else if (newlines && AtNewline()) {
        p_ += s_[p_] == '\r' ? 2 : 1;
      } else {
        break;
      }
    }
  }

  bool EndOfLine() {
    SkipBlank(/*newlines=*/false);
    if (p_ >= s_.size()) return true;
    if (AtNewline()) {
      p_ += s_[p_] == '\r' ? 2 : 1;
      return true;
    }
    return Fail("expected the end of the line after a value", p_);
  }

  std::size_t LineEnd(std::size_t from) const {
    std::size_t e = from;
    while (e < s_.size() && s_[e] != '\n') ++e;
    if (e > from && s_[e - 1] == '\r') --e;
    return e;
  }

  // A dotted key: a.b."c d".'e'
  bool ReadKey(std::vector<Key>* keys) {
    while (true) {
      SkipBlank(false);
      if (static_cast<int>(keys->size()) >= kMaxFrontMatterDepth) {
        return Fail("the key has too many dotted parts", p_);
      }
      Key k;
      k.at = p_;
      char c = Peek();
      if (c == '"' || c == '\'') {
        FmValue v;
        if (Peek(1) == c && Peek(2) == c) return Fail("a key cannot be a multi-line string", p_);
        if (!(c == '"' ? BasicString(&v) : LiteralString(&v))) return false;
        k.text = std::move(v.text);
      } else {
        while (p_ < s_.size() && IsBare(s_[p_])) k.text.push_back(s_[p_++]);
        if (k.text.empty()) return Fail("expected a key", p_);
      }
      if (k.text.size() > kMaxKeyBytes) return Fail("the key is too long", k.at);
      keys->push_back(std::move(k));
      SkipBlank(false);
      if (!Eat('.')) return true;
    }
  }

  static std::string Child(const std::string& path, std::string_view key) {
    std::string out = path;
    out += '\x1f';
    out += key;
    return out;
  }

  // The member of `table` (at `path`) named `key`: found through the index
  // of every key's path, so that a table with many keys stays linear.
  FmMember* Lookup(FmValue* table, const std::string& path, const std::string& key) {
    auto it = index_.find(Child(path, key));
    return it == index_.end() ? nullptr : &table->members[it->second];
  }

  FmMember* Add(FmValue* table, const std::string& path, const Key& key, FmValue::Kind kind,
                std::size_t line_begin) {
    index_[Child(path, key.text)] = table->members.size();
    FmMember m;
    m.key = key.text;
    m.line_begin = line_begin;
    m.line_end = LineEnd(line_begin);
    m.value.kind = kind;
    m.value.begin = key.at;
    m.value.end = key.at;
    table->members.push_back(std::move(m));
    return &table->members.back();
  }

  // Steps from `*table` (at `*path`) into the table `key` names on the way to
  // a deeper key: created when missing; the last element of an array of
  // tables.
  bool Descend(FmValue** table, std::string* path, const Key& key, std::size_t line_begin,
               bool dotted) {
    std::string child = Child(*path, key.text);
    FmMember* m = Lookup(*table, *path, key.text);
    if (!m) {
      m = Add(*table, *path, key, FmValue::Kind::kTable, line_begin);
      if (dotted) dotted_.insert(child);
    } else if (aot_.count(child) && m->value.kind == FmValue::Kind::kArray &&
               !m->value.items.empty()) {
      if (dotted) return Fail("'" + key.text + "' is an array of tables", key.at);
      child += '\x1e' + std::to_string(m->value.items.size() - 1);
      *table = &m->value.items.back();
      *path = std::move(child);
      return true;
    } else if (m->value.kind != FmValue::Kind::kTable) {
      return Fail("'" + key.text + "' is already a value, not a table", key.at);
    } else if (sealed_.count(child)) {
      return Fail("'" + key.text + "' is an inline table and cannot be extended", key.at);
    } else if (dotted && explicit_.count(child)) {
      return Fail("'" + key.text + "' is defined by a table header and cannot be extended here",
                  key.at);
    }
    *table = &m->value;
    *path = std::move(child);
    return true;
  }

  FmValue* OpenTable(FmValue* root, const std::vector<Key>& keys, bool array,
                     std::size_t line_start, std::string* path) {
    FmValue* table = root;
    path->clear();
    for (std::size_t k = 0; k + 1 < keys.size(); ++k) {
      if (!Descend(&table, path, keys[k], line_start, /*dotted=*/false)) return nullptr;
    }
    const Key& last = keys.back();
    std::string child = Child(*path, last.text);
    FmMember* m = Lookup(table, *path, last.text);
    if (array) {
      if (!m) {
        m = Add(table, *path, last, FmValue::Kind::kArray, line_start);
        aot_.insert(child);
      } else if (!aot_.count(child)) {
        Fail("'" + last.text + "' is already defined and is not an array of tables", last.at);
        return nullptr;
      }
      FmValue element;
      element.kind = FmValue::Kind::kTable;
      element.begin = element.end = last.at;
      m->value.items.push_back(std::move(element));
      *path = child + '\x1e' + std::to_string(m->value.items.size() - 1);
      return &m->value.items.back();
    }
    if (!m) {
      m = Add(table, *path, last, FmValue::Kind::kTable, line_start);
    } else if (m->value.kind != FmValue::Kind::kTable || aot_.count(child)) {
      Fail("'" + last.text + "' is already defined as a value", last.at);
      return nullptr;
    } else if (explicit_.count(child) || dotted_.count(child) || sealed_.count(child)) {
      Fail("table '" + last.text + "' is defined twice", last.at);
      return nullptr;
    } else {
      m->line_begin = line_start;  // its header is where it is defined
      m->line_end = LineEnd(line_start);
    }
    explicit_.insert(child);
    *path = std::move(child);
    return &m->value;
  }

  // key = value, into `table` (at `path`).
  bool KeyValue(FmValue* table, std::string path, std::size_t line_start, int depth) {
    std::vector<Key> keys;
    if (!ReadKey(&keys)) return false;
    if (!Eat('=')) return Fail("expected '=' after the key", p_);
    SkipBlank(false);
    for (std::size_t k = 0; k + 1 < keys.size(); ++k) {
      if (!Descend(&table, &path, keys[k], line_start, /*dotted=*/true)) return false;
    }
    const Key& last = keys.back();
    if (Lookup(table, path, last.text)) {
      return Fail("duplicate key '" + last.text + "'", last.at);
    }
    std::string child = Child(path, last.text);
    FmValue value;
    if (!Value(&value, child, depth)) return false;
    if (value.kind == FmValue::Kind::kTable) sealed_.insert(child);
    FmMember* m = Add(table, path, last, value.kind, line_start);
    m->value = std::move(value);
    return true;
  }

  bool Value(FmValue* v, const std::string& path, int depth) {
    if (depth >= kMaxFrontMatterDepth) return Fail("values are nested too deeply", p_);
    v->begin = p_;
    char c = Peek();
    bool ok;
    if (c == '"') {
      ok = Peek(1) == '"' && Peek(2) == '"' ? MultiLineString(v, /*basic=*/true) : BasicString(v);
    } else if (c == '\'') {
      ok = Peek(1) == '\'' && Peek(2) == '\'' ? MultiLineString(v, /*basic=*/false)
                                              : LiteralString(v);
    } else if (c == '[') {
      ok = Array(v, path, depth);
    } else if (c == '{') {
      ok = InlineTable(v, path, depth);
    } else {
      ok = Scalar(v);
    }
    v->end = p_;
    return ok;
  }

  // Everything up to a delimiter: numbers, booleans, dates and times.
  bool Scalar(FmValue* v) {
    std::size_t start = p_;
    auto delimiter = [&](char c) {
      return c == ' ' || c == '\t' || c == ',' || c == ']' || c == '}' || c == '#' || c == '\n' ||
             c == '\r';
    };
    while (p_ < s_.size() && !delimiter(s_[p_])) ++p_;
    // "1979-05-27 07:32:00": a date, a space and a time are one value.
    if (p_ - start == 10 && Peek() == ' ' && IsDigit(Peek(1)) && IsDigit(Peek(2)) &&
        Peek(3) == ':') {
      ++p_;
      while (p_ < s_.size() && !delimiter(s_[p_])) ++p_;
    }
    std::string_view token = s_.substr(start, p_ - start);
    if (token.empty()) return Fail("expected a value", start);
    v->text = std::string(token);
    if (token == "true" || token == "false") {
      v->kind = FmValue::Kind::kBool;
    } else if (IsDateTime(token)) {
      v->kind = FmValue::Kind::kDateTime;
    } else if (IsNumber(token)) {
      v->kind = FmValue::Kind::kNumber;
    } else {
      return Fail(
          "'" + std::string(token.substr(0, 40)) + "' is not a TOML value (strings need quotes)",
          start);
    }
    v->map.Add(0, static_cast<uint32_t>(token.size()), static_cast<uint32_t>(start),
               static_cast<uint32_t>(token.size()));
    return true;
  }

  // One plain byte copied from the source.
  void Copy(FmValue* v) {
    v->map.Add(static_cast<uint32_t>(v->text.size()), 1, static_cast<uint32_t>(p_), 1);
    v->text.push_back(s_[p_++]);
  }

  // A backslash escape at p_, decoded into v->text as one atomic piece.
  bool Escape(FmValue* v) {
    std::size_t at = p_;
    char e = Peek(1);
    char32_t cp = 0;
    std::size_t len = 2;
    switch (e) {
      case 'b':
        cp = '\b';
        break;
      case 't':
        cp = '\t';
        break;
      case 'n':
        cp = '\n';
        break;
      case 'f':
        cp = '\f';
        break;
      case 'r':
        cp = '\r';
        break;
      case 'e':
        cp = 0x1B;
        break;
      case '"':
        cp = '"';
        break;
      case '\\':
        cp = '\\';
        break;
      case 'x':
      case 'u':
      case 'U': {
        std::size_t n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        for (std::size_t k = 0; k < n; ++k) {
          char h = Peek(2 + k);
          if (!IsHex(h)) return Fail("invalid \\" + std::string(1, e) + " escape", at);
          cp = cp * 16 + static_cast<char32_t>(HexValue(h));
        }
        len = 2 + n;
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
          return Fail("the escape is not a Unicode scalar value", at);
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
    return true;
  }

  bool ControlCharacter(char c) const {
    unsigned char u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\t') || u == 0x7F;
  }

  bool BasicString(FmValue* v) {
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
      if (c == '\\') {
        if (!Escape(v)) return false;
        continue;
      }
      if (ControlCharacter(c)) return Fail("a control character in a string", p_);
      Copy(v);
    }
  }

  bool LiteralString(FmValue* v) {
    v->kind = FmValue::Kind::kString;
    std::size_t open = p_++;
    while (true) {
      if (p_ >= s_.size() || s_[p_] == '\n' || s_[p_] == '\r') {
        return Fail("the string is not closed on its line", open);
      }
      if (s_[p_] == '\'') {
        ++p_;
        return true;
      }
      if (ControlCharacter(s_[p_])) return Fail("a control character in a string", p_);
      Copy(v);
    }
  }

  // """...""" or '''...'''.
  bool MultiLineString(FmValue* v, bool basic) {
    v->kind = FmValue::Kind::kString;
    const char q = basic ? '"' : '\'';
    std::size_t open = p_;
    p_ += 3;
    if (AtNewline()) p_ += s_[p_] == '\r' ? 2 : 1;  // a newline right after the quotes is dropped
    while (true) {
      if (p_ >= s_.size()) return Fail("the multi-line string is never closed", open);
      char c = s_[p_];
      if (c == q && Peek(1) == q && Peek(2) == q) {
        std::size_t run = 3;
        while (Peek(run) == q) ++run;
        if (run > 5) return Fail("too many quotes at the end of a multi-line string", p_);
        for (std::size_t k = 3; k < run; ++k) Copy(v);  // up to two belong to the content
        p_ += 3;
        return true;
      }
      if (basic && c == '\\') {
        // A backslash ending a line joins it to the next non-blank character.
        std::size_t q2 = p_ + 1;
        while (q2 < s_.size() && (s_[q2] == ' ' || s_[q2] == '\t')) ++q2;
        if (q2 < s_.size() && (s_[q2] == '\n' || s_[q2] == '\r')) {
          while (q2 < s_.size() &&
                 (s_[q2] == ' ' || s_[q2] == '\t' || s_[q2] == '\n' || s_[q2] == '\r')) {
            ++q2;
          }
          p_ = q2;
          continue;
        }
        if (!Escape(v)) return false;
        continue;
      }
      if (c == '\r' && Peek(1) == '\n') {
        v->map.Add(static_cast<uint32_t>(v->text.size()), 1, static_cast<uint32_t>(p_), 2);
        v->text.push_back('\n');
        p_ += 2;
        continue;
      }
      if (c != '\n' && ControlCharacter(c)) return Fail("a control character in a string", p_);
      Copy(v);
    }
  }

  bool Array(FmValue* v, const std::string& path, int depth) {
    v->kind = FmValue::Kind::kArray;
    std::size_t open = p_++;
    while (true) {
      SkipBlank(/*newlines=*/true);
      if (p_ >= s_.size()) return Fail("the array is never closed", open);
      if (Eat(']')) return true;
      FmValue item;
      if (!Value(&item, path + '\x1e' + std::to_string(v->items.size()), depth + 1)) return false;
      v->items.push_back(std::move(item));
      SkipBlank(/*newlines=*/true);
      if (p_ >= s_.size()) return Fail("the array is never closed", open);
      if (Eat(',')) continue;
      if (Eat(']')) return true;
      return Fail("expected ',' or ']' in the array", p_);
    }
  }

  // { key = value, ... }. Newlines and a trailing comma are accepted, as
  // TOML 1.1 allows.
  bool InlineTable(FmValue* v, const std::string& path, int depth) {
    v->kind = FmValue::Kind::kTable;
    std::size_t open = p_++;
    while (true) {
      SkipBlank(/*newlines=*/true);
      if (p_ >= s_.size()) return Fail("the inline table is never closed", open);
      if (Eat('}')) return true;
      if (!KeyValue(v, path, p_, depth + 1)) return false;
      SkipBlank(/*newlines=*/true);
      if (Eat(',')) continue;
      if (Eat('}')) return true;
      return Fail("expected ',' or '}' in the inline table", p_);
    }
  }

  std::string_view s_;
  std::size_t p_;
  std::optional<FmError> err_;
  // Paths of tables ('\x1f' between keys, '\x1e' before an array index):
  std::set<std::string> explicit_;            // defined by a [header]
  std::set<std::string> dotted_;              // created by dotted keys
  std::set<std::string> sealed_;              // inline tables: complete as written
  std::set<std::string> aot_;                 // arrays of tables ([[header]])
  std::map<std::string, std::size_t> index_;  // a key's path -> its index in its table
};

}  // namespace

std::optional<FmError> ReadToml(std::string_view text, std::size_t begin, std::size_t end,
                                FmValue* root) {
  TomlReader reader(text, begin, std::min(end, text.size()));
  return reader.Read(root);
}

}  // namespace claimlint
