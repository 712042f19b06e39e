// A careful BibTeX reader: @string macros (and the predefined month names),
// '#' concatenation, nested braces, quoted values holding braces, @comment and
// @preamble, text between entries as comment, LaTeX accents and escapes in
// values. Every error names file:line:col.
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "lint/base/file_io.h"
#include "lint/base/limits.h"
#include "lint/references/library.h"
#include "lint/text/fold.h"
#include "lint/text/source_index.h"
#include "lint/text/strings.h"

namespace claimlint {
namespace {

bool IsIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == ':' || c == '.' || c == '+' || c == '/' || c == '\'' || c == '!' ||
         c == '?' || c == '*' || c == '&' || c == ';' || c == '<' || c == '>' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// UTF-8 for a LaTeX accent command applied to a letter; the plain letter
// for accents without a precomposed Latin-1 form (\v, \H, \=, ...).
std::string Accent(char accent, char letter) {
  static const std::map<std::pair<char, char>, const char*> kTable = {
      {{'\'', 'a'}, "á"}, {{'\'', 'e'}, "é"}, {{'\'', 'i'}, "í"}, {{'\'', 'o'}, "ó"},
      {{'\'', 'u'}, "ú"}, {{'\'', 'y'}, "ý"}, {{'\'', 'A'}, "Á"}, {{'\'', 'E'}, "É"},
      {{'\'', 'I'}, "Í"}, {{'\'', 'O'}, "Ó"}, {{'\'', 'U'}, "Ú"}, {{'`', 'a'}, "à"},
      {{'`', 'e'}, "è"},  {{'`', 'i'}, "ì"},  {{'`', 'o'}, "ò"},  {{'`', 'u'}, "ù"},
      {{'`', 'A'}, "À"},  {{'`', 'E'}, "È"},  {{'"', 'a'}, "ä"},  {{'"', 'e'}, "ë"},
      {{'"', 'i'}, "ï"},  {{'"', 'o'}, "ö"},  {{'"', 'u'}, "ü"},  {{'"', 'y'}, "ÿ"},
      {{'"', 'A'}, "Ä"},  {{'"', 'O'}, "Ö"},  {{'"', 'U'}, "Ü"},  {{'^', 'a'}, "â"},
      {{'^', 'e'}, "ê"},  {{'^', 'i'}, "î"},  {{'^', 'o'}, "ô"},  {{'^', 'u'}, "û"},
      {{'~', 'a'}, "ã"},  {{'~', 'n'}, "ñ"},  {{'~', 'o'}, "õ"},  {{'~', 'N'}, "Ñ"},
      {{'c', 'c'}, "ç"},  {{'c', 'C'}, "Ç"}};
  auto it = kTable.find({accent, letter});
  return it != kTable.end() ? std::string(it->second) : std::string(1, letter);
}

// Turns a BibTeX field value into plain text: braces dropped, escapes and
// accents decoded, dashes and ties converted, blanks collapsed.
std::string DeLatex(std::string_view v) {
  static const std::map<std::string, std::string> kSymbols = {{"ss", "ß"},
                                                              {"o", "ø"},
                                                              {"O", "Ø"},
                                                              {"ae", "æ"},
                                                              {"AE", "Æ"},
                                                              {"aa", "å"},
                                                              {"AA", "Å"},
                                                              {"l", "ł"},
                                                              {"L", "Ł"},
                                                              {"i", "i"},
                                                              {"j", "j"},
                                                              {"oe", "œ"},
                                                              {"OE", "Œ"},
                                                              {"textendash", "–"},
                                                              {"textemdash", "—"},
                                                              {"textquoteright", "’"},
                                                              {"textquoteleft", "‘"},
                                                              {"ldots", "…"},
                                                              {"dots", "…"}};
  std::string out;
  for (std::size_t i = 0; i < v.size();) {
    char c = v[i];
    if (c == '{' || c == '}') {
      ++i;
      continue;
    }
    if (c == '~') {
      out += ' ';
      ++i;
      continue;
    }
    if (c == '-' && v.substr(i, 3) == "---") {
      out += "—";
      i += 3;
      continue;
    }
    if (c == '-' && v.substr(i, 2) == "--") {
      out += "–";
      i += 2;
      continue;
    }
    if (c != '\\' || i + 1 >= v.size()) {
      out += c;
      ++i;
      continue;
    }
    char n = v[i + 1];
    if (std::string_view("&%$#_{}\\ ").find(n) != std::string_view::npos) {
      out += n == '\\' ? ' ' : n;
      i += 2;
      continue;
    }
    if (std::string_view("'`\"^~=.uvHcdbtk").find(n) != std::string_view::npos) {
      // \'e, \'{e}, \' e, \c{c}
      std::size_t j = i + 2;
      bool letter_cmd = (n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z');
      if (letter_cmd && j < v.size() &&
          ((v[j] >= 'a' && v[j] <= 'z') || (v[j] >= 'A' && v[j] <= 'Z'))) {
        // A longer command such as \url or \textit: handled below.
      } else {
        while (j < v.size() && (v[j] == ' ' || v[j] == '{')) ++j;
        if (j < v.size() && v[j] == '\\' && j + 1 < v.size() &&
            (v[j + 1] == 'i' || v[j + 1] == 'j')) {
          ++j;  // \'{\i}
        }
        if (j < v.size()) {
          out += Accent(n, v[j]);
          ++j;
          if (j < v.size() && v[j] == '}') ++j;
          i = j;
          continue;
        }
      }
    }
    // \command: a known symbol, else dropped (its argument stays).
    std::size_t j = i + 1;
    while (j < v.size() && ((v[j] >= 'a' && v[j] <= 'z') || (v[j] >= 'A' && v[j] <= 'Z'))) ++j;
    std::string name(v.substr(i + 1, j - i - 1));
    auto it = kSymbols.find(name);
    if (it != kSymbols.end()) out += it->second;
    if (j < v.size() && v[j] == ' ' && !name.empty()) ++j;
    i = j == i + 1 ? i + 2 : j;
  }
  return CollapseSpace(out);
}

// Splits at top-level (brace depth 0) occurrences of the word "and".
std::vector<std::string> SplitNames(std::string_view v) {
  std::vector<std::string> names;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '{') ++depth;
    if (v[i] == '}') --depth;
    if (depth == 0 && i > 0 && (v[i - 1] == ' ' || v[i - 1] == '\n' || v[i - 1] == '\t') &&
        (v.substr(i, 4) == "and " || v.substr(i, 4) == "and\n" || v.substr(i, 4) == "and\t" ||
         v.substr(i, 4) == "AND ")) {
      names.emplace_back(Trim(v.substr(start, i - start)));
      start = i + 3;
    }
  }
  names.emplace_back(Trim(v.substr(start)));
  return names;
}

// Family name of a BibTeX name ("Lee, Jun-Hwan", "Jun-Hwan Lee",
// "Ludwig van Beethoven", "{World Health Organization}").
std::string FamilyName(std::string_view raw, bool* corporate) {
  *corporate = false;
  raw = TrimView(raw);
  if (raw.size() >= 2 && raw.front() == '{' && raw.back() == '}') {
    int depth = 0;
    bool whole = true;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '{') ++depth;
      if (raw[i] == '}') --depth;
      if (depth == 0 && i + 1 < raw.size()) whole = false;
    }
    if (whole) {
      *corporate = true;
      return DeLatex(raw);
    }
  }
  int depth = 0;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '{') ++depth;
    if (raw[i] == '}') --depth;
    if (raw[i] == ',' && depth == 0) return DeLatex(raw.substr(0, i));
  }
  // "First von Last": the last word, with any lower-case "von" words before it.
  std::vector<std::string> words;
  std::string word;
  depth = 0;
  for (char c : raw) {
    if (c == '{') ++depth;
    if (c == '}') --depth;
    if ((c == ' ' || c == '\n' || c == '\t') && depth == 0) {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(word);
  if (words.empty()) return "";
  std::size_t first = words.size() - 1;
  while (first > 0 && !words[first - 1].empty() && words[first - 1][0] >= 'a' &&
         words[first - 1][0] <= 'z') {
    --first;
  }
  std::string family;
  for (std::size_t i = first; i < words.size(); ++i) {
    if (!family.empty()) family += ' ';
    family += words[i];
  }
  return DeLatex(family);
}

std::string CslType(const std::string& bibtype, bool has_url) {
  if (bibtype == "article") return "article-journal";
  if (bibtype == "book" || bibtype == "booklet") return "book";
  if (bibtype == "inbook" || bibtype == "incollection") return "chapter";
  if (bibtype == "inproceedings" || bibtype == "conference") return "paper-conference";
  if (bibtype == "techreport" || bibtype == "report") return "report";
  if (bibtype == "phdthesis" || bibtype == "mastersthesis" || bibtype == "thesis") return "thesis";
  if (bibtype == "online" || bibtype == "electronic" || bibtype == "www") return "webpage";
  if (bibtype == "misc" && has_url) return "webpage";
  return bibtype;
}

class BibtexParser {
 public:
  BibtexParser(std::string_view text, std::string_view filename)
      : text_(text), filename_(filename), lines_(text) {
    static const char* kMonths[] = {"January",   "February", "March",    "April",
                                    "May",       "June",     "July",     "August",
                                    "September", "October",  "November", "December"};
    static const char* kKeys[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < 12; ++i) macros_[kKeys[i]] = kMonths[i];
  }

  Result<std::vector<Reference>> Parse() {
    while (true) {
      std::size_t at = text_.find('@', pos_);
      if (at == std::string_view::npos) break;
      pos_ = at + 1;
      std::optional<Error> err = ParseItem(at);
      if (err) return *err;
    }
    return std::move(refs_);
  }

 private:
  Error Fail(std::size_t offset, std::string message) const {
    Error e;
    e.file = std::string(filename_);
    Position at = lines_.At(text_, offset);
    e.line = at.line;
    e.column = at.column;
    e.message = "BibTeX: " + std::move(message);
    return e;
  }

  void SkipBlank() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++pos_;
      } else if (c == '%') {  // a comment to the end of the line (biber accepts it)
        while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
      } else {
        break;
      }
    }
  }

  std::string Ident() {
    std::size_t b = pos_;
    while (pos_ < text_.size() && IsIdentChar(text_[pos_])) ++pos_;
    return std::string(text_.substr(b, pos_ - b));
  }

  // Index just past the brace that closes the one at `open`, or an error.
  std::optional<Error> MatchBrace(std::size_t open, std::size_t* after) const {
    int depth = 0;
    for (std::size_t i = open; i < text_.size(); ++i) {
      if (text_[i] == '\\') {
        ++i;
        continue;
      }
      if (text_[i] == '{') ++depth;
      if (text_[i] == '}' && --depth == 0) {
        *after = i + 1;
        return std::nullopt;
      }
    }
    return Fail(open, "unbalanced '{': no matching '}'");
  }

  std::optional<Error> ParseItem(std::size_t at) {
    SkipBlank();
    std::size_t b = pos_;
    while (pos_ < text_.size() && ((text_[pos_] >= 'a' && text_[pos_] <= 'z') ||
                                   (text_[pos_] >= 'A' && text_[pos_] <= 'Z'))) {
      ++pos_;
    }
    std::string type = Lower(text_.substr(b, pos_ - b));
    if (type.empty() || (pos_ < text_.size() && IsIdentChar(text_[pos_]))) {
      // An '@' in the comment text between entries ("name@example.org").
      return std::nullopt;
    }
    SkipBlank();
    if (pos_ >= text_.size() || (text_[pos_] != '{' && text_[pos_] != '(')) {
      if (type == "comment") return std::nullopt;  // "@comment text"
      return Fail(pos_, "expected '{' or '(' after @" + type);
    }
    char open = text_[pos_];
    char close = open == '{' ? '}' : ')';
    std::size_t open_pos = pos_;
    if (type == "comment") {
      std::size_t after = open_pos;  // set below; GCC 12 -O3 cannot tell
      if (open == '{') {
        if (auto e = MatchBrace(open_pos, &after)) return e;
      } else {
        after = text_.find(')', open_pos);
        if (after == std::string_view::npos) return Fail(open_pos, "unterminated @comment(");
        ++after;
      }
      pos_ = after;
      return std::nullopt;
    }
    ++pos_;
    if (type == "preamble") {
      std::string value;
      if (auto e = ParseValue(&value)) return e;
      return Expect(close, open_pos);
    }
    if (type == "string") return ParseString(close, open_pos);
    return ParseEntry(type, at, close, open_pos);
  }

  std::optional<Error> Expect(char close, std::size_t open_pos) {
    SkipBlank();
    if (pos_ >= text_.size()) {
      return Fail(open_pos, std::string("unterminated entry: no closing '") + close + "'");
    }
    if (text_[pos_] != close) {
      return Fail(pos_, std::string("expected '") + close + "'");
    }
    ++pos_;
    return std::nullopt;
  }

  std::optional<Error> ParseString(char close, std::size_t open_pos) {
    SkipBlank();
    std::size_t name_pos = pos_;
    std::string name = Lower(Ident());
    if (name.empty()) return Fail(name_pos, "expected a macro name in @string");
    SkipBlank();
    if (pos_ >= text_.size() || text_[pos_] != '=') return Fail(pos_, "expected '=' in @string");
    ++pos_;
    std::string value;
    if (auto e = ParseValue(&value)) return e;
    macros_[name] = value;
    return Expect(close, open_pos);
  }

  // Adds a part to a value, within the bounds on @string expansion: one value
  // at most limits::kBibtexValueBytes, all values of the file together a
  // multiple of its size (a few nested macros would otherwise double their
  // size at every level).
  std::optional<Error> Append(std::string_view part, std::size_t at, std::string* out) {
    expanded_ += part.size();
    if (out->size() + part.size() > limits::kBibtexValueBytes) {
      return Fail(at, "a value longer than " + DescribeBytes(limits::kBibtexValueBytes) +
                          " after @string expansion (the limit; see docs/limits.md)");
    }
    if (expanded_ > limits::kBibtexExpansionFactor * text_.size() + limits::kBibtexValueBytes) {
      return Fail(at, "@string expansion makes the values " +
                          std::to_string(limits::kBibtexExpansionFactor) +
                          " times larger than the file (the limit; see docs/limits.md)");
    }
    out->append(part);
    return std::nullopt;
  }

  // value := part ('#' part)*, part := {..} | ".." | digits | macro
  std::optional<Error> ParseValue(std::string* out) {
    out->clear();
    while (true) {
      SkipBlank();
      if (pos_ >= text_.size()) return Fail(pos_, "expected a value, found end of file");
      char c = text_[pos_];
      if (c == '{') {
        std::size_t after = pos_;
        if (auto e = MatchBrace(pos_, &after)) return e;
        if (auto e = Append(text_.substr(pos_ + 1, after - pos_ - 2), pos_, out)) return e;
        pos_ = after;
      } else if (c == '"') {
        std::size_t start = pos_;
        int depth = 0;
        std::size_t i = pos_ + 1;
        for (; i < text_.size(); ++i) {
          if (text_[i] == '\\') {
            ++i;
            continue;
          }
          if (text_[i] == '{') ++depth;
          if (text_[i] == '}') --depth;
          if (depth < 0) return Fail(i, "unbalanced '}' in quoted value");
          if (text_[i] == '"' && depth == 0) break;
        }
        if (i >= text_.size()) return Fail(start, "unterminated quoted value");
        if (auto e = Append(text_.substr(start + 1, i - start - 1), start, out)) return e;
        pos_ = i + 1;
      } else if (c >= '0' && c <= '9') {
        std::size_t b = pos_;
        while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
        if (auto e = Append(text_.substr(b, pos_ - b), b, out)) return e;
      } else if (IsIdentChar(c)) {
        std::size_t b = pos_;
        std::string name = Lower(Ident());
        auto it = macros_.find(name);
        if (it == macros_.end()) return Fail(b, "undefined @string macro '" + name + "'");
        if (auto e = Append(it->second, b, out)) return e;
      } else {
        return Fail(pos_, std::string("expected a value, found '") + c + "'");
      }
      SkipBlank();
      if (pos_ < text_.size() && text_[pos_] == '#') {
        ++pos_;
        continue;
      }
      return std::nullopt;
    }
  }

  std::optional<Error> ParseEntry(const std::string& type, std::size_t at, char close,
                                  std::size_t open_pos) {
    SkipBlank();
    std::size_t key_pos = pos_;
    std::size_t b = pos_;
    while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != close &&
           text_[pos_] != ' ' && text_[pos_] != '\n' && text_[pos_] != '\t' &&
           text_[pos_] != '\r') {
      ++pos_;
    }
    std::string key(text_.substr(b, pos_ - b));
    if (key.empty()) return Fail(key_pos, "@" + type + " entry has no citation key");
    if (!keys_.insert(key).second) return Fail(key_pos, "duplicate citation key '" + key + "'");
    std::map<std::string, std::string> fields;
    std::map<std::string, std::size_t> field_pos;
    SkipBlank();
    while (true) {
      SkipBlank();
      if (pos_ >= text_.size()) {
        return Fail(open_pos,
                    std::string("unterminated entry '") + key + "': no closing '" + close + "'");
      }
      if (text_[pos_] == close) {
        ++pos_;
        break;
      }
      if (text_[pos_] != ',')
        return Fail(
            pos_, "expected ',' or '" + std::string(1, close) + "' after a field of '" + key + "'");
      ++pos_;
      SkipBlank();
      if (pos_ < text_.size() && text_[pos_] == close) {
        ++pos_;
        break;
      }
      std::size_t name_pos = pos_;
      std::string name = Lower(Ident());
      if (name.empty()) {
        if (pos_ >= text_.size()) continue;
        return Fail(name_pos, "expected a field name in '" + key + "'");
      }
      SkipBlank();
      if (pos_ >= text_.size() || text_[pos_] != '=') {
        return Fail(pos_, "expected '=' after field '" + name + "' of '" + key + "'");
      }
      ++pos_;
      std::string value;
      if (auto e = ParseValue(&value)) return e;
      fields[name] = value;
      field_pos[name] = name_pos;
    }
    refs_.push_back(MakeReference(type, key, fields, at));
    return std::nullopt;
  }

  Reference MakeReference(const std::string& type, const std::string& key,
                          const std::map<std::string, std::string>& f, std::size_t at) const {
    auto get = [&](const char* name) {
      auto it = f.find(name);
      return it == f.end() ? std::string() : DeLatex(it->second);
    };
    Reference r;
    r.id = key;
    r.loc.file = std::string(filename_);
    Position pos = lines_.At(text_, at);
    r.loc.line = pos.line;
    r.loc.column = pos.column;
    r.title = get("title");
    r.journal = get("journal");
    if (r.journal.empty()) r.journal = get("journaltitle");
    r.journal_short = get("shortjournal");
    if (r.journal_short.empty()) r.journal_short = get("journal-abbrev");
    r.doi = get("doi");
    r.pmid = get("pmid");
    r.pmcid = get("pmcid");
    std::string eprint_type = Lower(get("eprinttype"));
    if (r.pmid.empty() && eprint_type == "pubmed") r.pmid = get("eprint");
    if (r.pmcid.empty() && eprint_type == "pmc") r.pmcid = get("eprint");
    r.url = get("url");
    r.abstract = get("abstract");
    r.note = get("note");
    std::string annote = get("annote");
    if (annote.empty()) annote = get("annotation");
    if (!annote.empty()) r.note = r.note.empty() ? annote : r.note + " " + annote;
    r.publisher = get("publisher");
    r.type = CslType(type, !r.url.empty());
    if (r.type == "report" || r.type == "webpage" || type == "misc" || type == "manual") {
      r.report_number = get("number");
    }
    for (const char* y : {"year", "date"}) {
      std::string v = get(y);
      for (std::size_t i = 0; r.year == 0 && i + 4 <= v.size(); ++i) {
        if (std::all_of(v.begin() + static_cast<long>(i), v.begin() + static_cast<long>(i) + 4,
                        [](char c) { return c >= '0' && c <= '9'; })) {
          r.year = std::stoi(v.substr(i, 4));
        }
      }
    }
    auto authors = f.find("author");
    if (authors == f.end()) authors = f.find("editor");
    if (authors != f.end()) {
      for (const std::string& name : SplitNames(authors->second)) {
        if (name.empty() || name == "others") continue;
        bool corporate = false;
        std::string family = FamilyName(name, &corporate);
        if (family.empty()) continue;
        if (corporate && r.families.empty() && r.institution.empty()) {
          r.institution = family;
        } else {
          r.families.push_back(family);
        }
      }
    }
    for (const char* inst : {"institution", "organization"}) {
      if (r.institution.empty()) r.institution = get(inst);
    }
    return r;
  }

  std::string_view text_;
  std::string_view filename_;
  SourceIndex lines_;
  std::size_t pos_ = 0;
  std::map<std::string, std::string> macros_;
  std::size_t expanded_ = 0;  // bytes of every value built so far
  std::set<std::string> keys_;
  std::vector<Reference> refs_;
};

}  // namespace

Result<std::vector<Reference>> ReadBibtex(std::string_view text, std::string_view filename) {
  return BibtexParser(text, filename).Parse();
}

}  // namespace claimlint
