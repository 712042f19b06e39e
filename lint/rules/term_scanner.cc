#include "lint/rules/term_scanner.h"

namespace claimlint {
namespace {

enum class CharKind { kWord, kSeparator, kBreak, kApostrophe };

// Reads one character at text[i]; sets its length and kind. Letters, digits
// and the marks that occur inside terms ("100%", "nad+", "join & save",
// "me/cfs") are word characters; the rest separate words, and ; : ! ? . ( )
// [ ] and dashes also end a clause.
CharKind Classify(std::string_view text, std::size_t i, std::size_t* len) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  *len = 1;
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '%' ||
        c == '+' || c == '&' || c == '/') {
      return CharKind::kWord;
    }
    if (c == '\'') return CharKind::kApostrophe;
    if (c == ';' || c == ':' || c == '!' || c == '?' || c == '.' || c == '(' || c == ')' ||
        c == '[' || c == ']') {
      return CharKind::kBreak;
    }
    return CharKind::kSeparator;
  }
  std::size_t n = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (i + n > text.size()) n = 1;
  *len = n;
  std::string_view ch = text.substr(i, n);
  if (ch == "\xE2\x80\x99" || ch == "\xE2\x80\x98") return CharKind::kApostrophe;  // ’ ‘
  if (ch == "\xE2\x80\x94" || ch == "\xE2\x80\x93" || ch == "\xE2\x80\xA6") {
    return CharKind::kBreak;  // — – …
  }
  if (ch == "\xE2\x80\x9C" || ch == "\xE2\x80\x9D" || ch == "\xC2\xA0" || ch == "\xEF\xBF\xBC" ||
      ch == "\xC2\xAB" || ch == "\xC2\xBB" || ch == "\xE2\x80\xA2" || ch == "\xC2\xB7") {
    return CharKind::kSeparator;  // “ ” no-break space, object replacement, « » • ·
  }
  return n == 1 ? CharKind::kSeparator : CharKind::kWord;  // other letters (é, ö, CJK)
}

// Calls f(begin, end, word, clause_break) for each word of `text`: word
// characters, and apostrophes between them ("body's"), lower-cased.
template <typename F>
void ForEachWord(std::string_view text, F&& f) {
  thread_local std::string word;
  bool pending_break = false;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t len;
    CharKind k = Classify(text, i, &len);
    if (k != CharKind::kWord) {
      if (k == CharKind::kBreak) pending_break = true;
      i += len;
      continue;
    }
    std::size_t begin = i, end = i;
    word.clear();
    while (i < text.size()) {
      k = Classify(text, i, &len);
      if (k == CharKind::kWord) {
        for (std::size_t j = 0; j < len; ++j) {
          char c = text[i + j];
          word += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        }
        i += len;
        end = i;
      } else if (k == CharKind::kApostrophe && i + len < text.size()) {
        std::size_t next_len;
        if (Classify(text, i + len, &next_len) != CharKind::kWord) break;
        word += '\'';
        i += len;
      } else {
        break;
      }
    }
    f(begin, end, std::string_view(word), pending_break);
    pending_break = false;
  }
}

}  // namespace

std::int32_t TermScanner::Intern(std::string_view word) {
  auto it = vocab_.find(word);
  if (it != vocab_.end()) return it->second;
  auto id = static_cast<std::int32_t>(vocab_.size());
  vocab_.emplace(std::string(word), id);
  return id;
}

std::int32_t TermScanner::LookUp(std::string_view word) const {
  auto it = vocab_.find(word);
  return it == vocab_.end() ? -1 : it->second;
}

std::int32_t TermScanner::AddTerm(std::string_view normalized) {
  if (terminal_.empty()) terminal_.push_back(-1);  // the root
  // The term's words as the tokenizer will see them in text.
  std::vector<std::int32_t> words;
  ForEachWord(normalized, [&](std::size_t, std::size_t, std::string_view w, bool) {
    words.push_back(Intern(w));
  });
  if (words.empty()) return -1;
  std::int32_t node = 0;
  for (std::int32_t w : words) {
    std::uint64_t key = (static_cast<std::uint64_t>(node) << 32) | static_cast<std::uint32_t>(w);
    auto it = edges_.find(key);
    if (it == edges_.end()) {
      auto child = static_cast<std::int32_t>(terminal_.size());
      terminal_.push_back(-1);
      it = edges_.emplace(key, child).first;
    }
    node = it->second;
  }
  std::int32_t& term = terminal_[static_cast<std::size_t>(node)];
  if (term < 0) {
    term = static_cast<std::int32_t>(term_words_.size());
    term_words_.push_back(std::move(words));
  }
  return term;
}

void TermScanner::Tokenize(std::string_view text, std::vector<ScanToken>* out) const {
  out->clear();
  ForEachWord(text, [&](std::size_t begin, std::size_t end, std::string_view word, bool brk) {
    ScanToken t;
    t.begin = static_cast<std::uint32_t>(begin);
    t.end = static_cast<std::uint32_t>(end);
    t.word = LookUp(word);
    t.clause_break = brk;
    t.s_form = word.size() > 3 && word.back() == 's' && word[word.size() - 2] != 's' &&
               word[word.size() - 2] != '\'';
    out->push_back(t);
  });
}

void TermScanner::Scan(const std::vector<ScanToken>& tokens, std::vector<TermHit>* out) const {
  out->clear();
  if (terminal_.empty()) return;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::int32_t node = 0;
    for (std::size_t j = i; j < tokens.size(); ++j) {
      if (tokens[j].word < 0 || (j > i && tokens[j].clause_break)) break;
      std::uint64_t key =
          (static_cast<std::uint64_t>(node) << 32) | static_cast<std::uint32_t>(tokens[j].word);
      auto it = edges_.find(key);
      if (it == edges_.end()) break;
      node = it->second;
      std::int32_t term = terminal_[static_cast<std::size_t>(node)];
      if (term >= 0) {
        out->push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j + 1), term});
      }
    }
  }
}

}  // namespace claimlint
