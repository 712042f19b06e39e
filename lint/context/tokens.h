// Word tokens for cue matching: lower-cased, with byte offsets into the
// sentence. The same tokeniser reads the cue phrases of rules/context.yaml and
// the sentences, so "doesn't", "does not" and "doesn’t" meet on equal terms.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace claimlint::context_internal {

inline constexpr std::uint32_t kUnknownToken = 0;

// A token of the sentence. `id` is the token's entry in the Vocabulary, or
// kUnknownToken when no cue uses it.
struct Token {
  std::uint32_t begin = 0;  // byte range in the sentence
  std::uint32_t end = 0;
  std::uint32_t text_begin = 0;  // the normalised text, in the tokeniser's buffer
  std::uint32_t text_size = 0;
  std::uint32_t id = kUnknownToken;
  bool is_word = false;  // false for punctuation
};

// Appends the tokens of `s` to `out` and their normalised text to `text`.
// Normalised: ASCII lower-cased; curly apostrophes straightened; contractions
// split ("doesn't" -> "does" "not", "can't"/"cannot" -> "can" "not", "won't"
// -> "will" "not", "it's" -> "it" "'s", "they're" -> "they" "are"); straight,
// curly and angle double quotes -> "\""; en and em dashes -> "--"; "…" ->
// "...". Letters outside ASCII are word characters and pass through as they
// are. Hyphenated words ("so-called") stay one token.
void Tokenize(std::string_view s, std::string* text, std::vector<Token>* out);

// Interned token strings. Ids start at 1 (0 means "no cue uses this token").
class Vocabulary {
 public:
  Vocabulary() : slots_(kInitialSlots) {}
  Vocabulary(const Vocabulary&) = delete;
  Vocabulary& operator=(const Vocabulary&) = delete;

  std::uint32_t Intern(std::string_view text);
  std::uint32_t Find(std::string_view text) const;

 private:
  // Open addressing, linear probing, FNV-1a: a lookup per sentence token is
  // the engine's hottest path, and nearly all tokens miss.
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t id = kUnknownToken;  // kUnknownToken: empty slot
    std::uint32_t index = 0;           // into storage_
  };
  static constexpr std::size_t kInitialSlots = 1024;
  static std::uint64_t Hash(std::string_view text);
  void Grow();

  std::deque<std::string> storage_;  // the interned strings, id = index + 1
  std::vector<Slot> slots_;          // size is a power of two, at most half full
};

// Tokenises `s` and sets every token's id from `vocab`. `text` and `out` are
// cleared first and reused (no allocation once they have grown).
void TokenizeForLookup(std::string_view s, const Vocabulary& vocab, std::string* text,
                       std::vector<Token>* out);

// The token ids of a cue phrase, interning new tokens.
std::vector<std::uint32_t> TokenizeForIntern(std::string_view phrase, Vocabulary* vocab);

}  // namespace claimlint::context_internal
