#include "lint/context/tokens.h"

namespace claimlint::context_internal {
namespace {

enum class CharKind { kSpace, kWord, kApostrophe, kDoubleQuote, kDash, kEllipsis, kHyphen, kPunct };

struct Char {
  CharKind kind;
  std::size_t size;  // bytes
};

// Decodes the code point at s[i] (invalid UTF-8 reads as a one-byte word
// character: the document layer rejects invalid files, this only must not
// misbehave on them).
char32_t Decode(std::string_view s, std::size_t i, std::size_t* size) {
  auto b = static_cast<unsigned char>(s[i]);
  std::size_t n = b < 0x80           ? 1
                  : (b >> 5) == 0x6  ? 2
                  : (b >> 4) == 0xE  ? 3
                  : (b >> 3) == 0x1E ? 4
                                     : 0;
  if (n == 0 || i + n > s.size()) {
    *size = 1;
    return 0xFFFD;
  }
  char32_t cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
  for (std::size_t k = 1; k < n; ++k) {
    auto c = static_cast<unsigned char>(s[i + k]);
    if ((c >> 6) != 0x2) {
      *size = 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  *size = n;
  return cp;
}

constexpr CharKind AsciiKind(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
    return CharKind::kWord;
  }
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
    return CharKind::kSpace;
  }
  if (c == '\'') return CharKind::kApostrophe;
  if (c == '"') return CharKind::kDoubleQuote;
  if (c == '-') return CharKind::kHyphen;
  return CharKind::kPunct;
}

struct AsciiTable {
  CharKind kind[128];
  constexpr AsciiTable() : kind() {
    for (int c = 0; c < 128; ++c) kind[c] = AsciiKind(static_cast<unsigned char>(c));
  }
};
constexpr AsciiTable kAscii;

bool IsAsciiWordByte(char c) {
  const auto b = static_cast<unsigned char>(c);
  return b < 0x80 && kAscii.kind[b] == CharKind::kWord;
}

Char Classify(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return {kAscii.kind[b], 1};
  std::size_t n = 1;
  const char32_t cp = Decode(s, i, &n);
  switch (cp) {
    case 0x00A0:  // no-break space
    case 0x2009:  // thin space
    case 0x200B:  // zero-width space
    case 0x202F:  // narrow no-break space
      return {CharKind::kSpace, n};
    case 0x2018:
    case 0x2019:
      return {CharKind::kApostrophe, n};
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x00AB:
    case 0x00BB:
      return {CharKind::kDoubleQuote, n};
    case 0x2013:
    case 0x2014:
      return {CharKind::kDash, n};
    case 0x2026:
      return {CharKind::kEllipsis, n};
    case 0x2010:  // hyphen
    case 0x2011:  // non-breaking hyphen
      return {CharKind::kHyphen, n};
    default:
      return {CharKind::kWord, n};
  }
}

bool IsWordAt(std::string_view s, std::size_t i) {
  return i < s.size() && Classify(s, i).kind == CharKind::kWord;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

class Emitter {
 public:
  Emitter(std::string* text, std::vector<Token>* out) : text_(text), out_(out) {}

  void Emit(std::size_t text_begin, std::size_t begin, std::size_t end, bool is_word) {
    Token t;
    t.begin = static_cast<std::uint32_t>(begin);
    t.end = static_cast<std::uint32_t>(end);
    t.text_begin = static_cast<std::uint32_t>(text_begin);
    t.text_size = static_cast<std::uint32_t>(text_->size() - text_begin);
    t.is_word = is_word;
    out_->push_back(t);
  }
  void EmitLiteral(std::string_view lit, std::size_t begin, std::size_t end, bool is_word) {
    std::size_t at = text_->size();
    text_->append(lit);
    Emit(at, begin, end, is_word);
  }

  // The word just written at text[at..] spans s[begin, end): splits
  // contractions so that cue phrases need not list them.
  void EmitWord(std::size_t at, std::size_t begin, std::size_t end) {
    std::string_view w(text_->data() + at, text_->size() - at);
    if (w == "cannot") {
      text_->resize(at);
      EmitLiteral("can", begin, end, true);
      EmitLiteral("not", begin, end, true);
      return;
    }
    if (EndsWith(w, "n't")) {
      std::string_view stem = w.substr(0, w.size() - 3);
      std::string_view full = stem == "ca"    ? "can"
                              : stem == "wo"  ? "will"
                              : stem == "sha" ? "shall"
                                              : "";
      if (full.empty()) {
        text_->resize(at + stem.size());
        Emit(at, begin, end, true);
      } else {
        text_->resize(at);
        EmitLiteral(full, begin, end, true);
      }
      EmitLiteral("not", begin, end, true);
      return;
    }
    static constexpr std::string_view kSuffixes[][2] = {
        {"'s", "'s"}, {"'re", "are"}, {"'ve", "have"}, {"'ll", "will"}, {"'m", "am"}, {"'d", "'d"}};
    for (const auto& [suffix, full] : kSuffixes) {
      if (EndsWith(w, suffix)) {
        text_->resize(at + w.size() - suffix.size());
        Emit(at, begin, end, true);
        EmitLiteral(full, begin, end, true);
        return;
      }
    }
    Emit(at, begin, end, true);
  }

 private:
  std::string* text_;
  std::vector<Token>* out_;
};

}  // namespace

void Tokenize(std::string_view s, std::string* text, std::vector<Token>* out) {
  text->reserve(text->size() + s.size() + 16);
  Emitter emit(text, out);
  std::size_t i = 0;
  while (i < s.size()) {
    Char c = Classify(s, i);
    switch (c.kind) {
      case CharKind::kSpace:
        i += c.size;
        break;
      case CharKind::kWord: {
        std::size_t begin = i;
        std::size_t at = text->size();
        // A word runs over letters and digits, and over an apostrophe or a
        // hyphen that has word characters on both sides.
        bool apostrophe = false;
        while (i < s.size()) {
          // The common case: a run of ASCII letters and digits, copied and
          // lower-cased in one go.
          std::size_t j = i;
          while (j < s.size() && IsAsciiWordByte(s[j])) ++j;
          if (j > i) {
            const std::size_t from = text->size();
            text->append(s.data() + i, j - i);
            for (std::size_t k = from; k < text->size(); ++k) {
              char& ch = (*text)[k];
              if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
            }
            i = j;
            if (i >= s.size()) break;
          }
          const Char d = Classify(s, i);
          if (d.kind == CharKind::kWord) {
            text->append(s.data() + i, d.size);
          } else if ((d.kind == CharKind::kApostrophe || d.kind == CharKind::kHyphen) &&
                     IsWordAt(s, i + d.size)) {
            apostrophe = apostrophe || d.kind == CharKind::kApostrophe;
            text->push_back(d.kind == CharKind::kApostrophe ? '\'' : '-');
          } else {
            break;
          }
          i += d.size;
        }
        if (!apostrophe && text->size() - at != 6) {  // only "cannot" and "x'y" split
          emit.Emit(at, begin, i, true);
          break;
        }
        emit.EmitWord(at, begin, i);
        break;
      }
      case CharKind::kApostrophe:
        emit.EmitLiteral("'", i, i + c.size, false);
        i += c.size;
        break;
      case CharKind::kDoubleQuote:
        emit.EmitLiteral("\"", i, i + c.size, false);
        i += c.size;
        break;
      case CharKind::kDash:
        emit.EmitLiteral("--", i, i + c.size, false);
        i += c.size;
        break;
      case CharKind::kEllipsis:
        emit.EmitLiteral("...", i, i + c.size, false);
        i += c.size;
        break;
      case CharKind::kHyphen: {
        // "--" typed for a dash reads as one.
        std::size_t end = i + c.size;
        while (end < s.size() && s[end] == '-') ++end;
        emit.EmitLiteral(end - i >= 2 && s[i] == '-' ? "--" : "-", i, end, false);
        i = end;
        break;
      }
      case CharKind::kPunct:
        emit.EmitLiteral(s.substr(i, 1), i, i + 1, false);
        i += 1;
        break;
    }
  }
}

std::uint64_t Vocabulary::Hash(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ull;
  }
  return h;
}

std::uint32_t Vocabulary::Find(std::string_view text) const {
  const std::uint64_t h = Hash(text);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.id == kUnknownToken) return kUnknownToken;
    if (slot.hash == h && storage_[slot.index] == text) return slot.id;
  }
}

std::uint32_t Vocabulary::Intern(std::string_view text) {
  if (std::uint32_t id = Find(text); id != kUnknownToken) return id;
  if (2 * (storage_.size() + 1) > slots_.size()) Grow();
  storage_.emplace_back(text);
  const auto index = static_cast<std::uint32_t>(storage_.size() - 1);
  const std::uint64_t h = Hash(text);
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = h & mask;
  while (slots_[i].id != kUnknownToken) i = (i + 1) & mask;
  slots_[i] = {h, index + 1, index};
  return index + 1;
}

void Vocabulary::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.size() * 2, Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.id == kUnknownToken) continue;
    std::size_t i = slot.hash & mask;
    while (slots_[i].id != kUnknownToken) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

void TokenizeForLookup(std::string_view s, const Vocabulary& vocab, std::string* text,
                       std::vector<Token>* out) {
  text->clear();
  out->clear();
  Tokenize(s, text, out);
  for (Token& t : *out) {
    t.id = vocab.Find(std::string_view(text->data() + t.text_begin, t.text_size));
  }
}

std::vector<std::uint32_t> TokenizeForIntern(std::string_view phrase, Vocabulary* vocab) {
  std::string text;
  std::vector<Token> tokens;
  Tokenize(phrase, &text, &tokens);
  std::vector<std::uint32_t> ids;
  ids.reserve(tokens.size());
  for (const Token& t : tokens) {
    ids.push_back(vocab->Intern(std::string_view(text.data() + t.text_begin, t.text_size)));
  }
  return ids;
}

}  // namespace claimlint::context_internal
