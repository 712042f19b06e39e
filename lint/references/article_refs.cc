#include "lint/references/article_refs.h"

#include <re2/re2.h>

#include <algorithm>
#include <set>
#include <unordered_map>

#include "lint/references/bodies.h"
#include "lint/references/identifiers.h"
#include "lint/text/fold.h"
#include "lint/text/strings.h"

namespace claimlint::cite {
namespace {

using re2::RE2;
using re2::StringPiece;

std::string_view View(const StringPiece& p) { return std::string_view(p.data(), p.size()); }

// Replaces [b, e) of `s` by blanks, keeping every other offset.
void Mask(std::string* s, std::size_t b, std::size_t e) {
  for (std::size_t i = b; i < e && i < s->size(); ++i) (*s)[i] = ' ';
}

bool IsInitials(std::string_view tok) {
  static const RE2 re(R"(^(?:\p{Lu}{1,3}|(?:\p{Lu}\.?-?){1,3}|\p{Lu}\.-\p{Lu}\.?)$)");
  return RE2::FullMatch(StringPiece(tok.data(), tok.size()), re);
}

bool IsParticle(std::string_view tok) {
  static const char* kParticles[] = {"van", "von", "de",  "der", "den", "del", "della", "da",
                                     "di",  "du",  "dos", "le",  "la",  "ter", "ten"};
  return std::any_of(std::begin(kParticles), std::end(kParticles),
                     [&](const char* p) { return tok == p; });
}

bool StartsUpper(std::string_view tok) {
  if (tok.empty()) return false;
  unsigned char c = static_cast<unsigned char>(tok[0]);
  return (c >= 'A' && c <= 'Z') || c >= 0xC3;  // an accented capital counts
}

bool LooksInstitutional(std::string_view s) {
  static const RE2 re(
      R"((?i)\b(?:institute|organi[sz]ation|association|college|society|department|agency|centre|center|service|council|foundation|ministry|network|collaboration|committee|board|group|university|academy|authority|commission|federation|trust|clinic)\b)");
  return RE2::PartialMatch(StringPiece(s.data(), s.size()), re) || !CanonicalBody(s).empty();
}

// Authors as written ("Lee JH, Choi TY, et al", "Lee, J. H., & Choi, T.-Y.",
// "National Institute for Health and Care Excellence"). False when the text
// does not read as a list of names.
bool ParseAuthors(std::string_view segment, std::vector<std::string>* families,
                  std::string* institution) {
  std::string s = Trim(segment);
  while (!s.empty() && (s.back() == '.' || s.back() == ',')) s.pop_back();
  for (std::string_view etal : {", et al", " et al", ",et al"}) {
    std::size_t p = s.find(etal);
    if (p != std::string::npos) s.resize(p);
  }
  if (s.empty()) return false;
  // One corporate author ("NHS England" starts with a body's acronym, not
  // with initials).
  std::string first_word = s.substr(0, s.find(' '));
  bool body_first = !CanonicalBody(first_word).empty() && first_word.size() > 1;
  if ((LooksInstitutional(s) || body_first) && s.find(',') == std::string::npos) {
    std::string inst = s;
    std::size_t paren = inst.find(" (");
    if (paren != std::string::npos) inst.resize(paren);
    *institution = Trim(inst);
    return true;
  }
  std::vector<std::string> found;
  for (const std::string& chunk : SplitNameList(s, ",;&")) {
    if (chunk.empty()) continue;
    std::vector<std::string> name;
    std::size_t start = 0;
    while (start < chunk.size()) {
      std::size_t sp = chunk.find(' ', start);
      if (sp == std::string::npos) sp = chunk.size();
      std::string tok = chunk.substr(start, sp - start);
      start = sp + 1;
      if (tok.empty() || IsInitials(tok)) continue;
      if (!StartsUpper(tok) && !IsParticle(tok)) return false;
      name.push_back(tok);
    }
    if (name.empty()) continue;         // "J. H." after a comma (APA)
    if (name.size() > 3) return false;  // a phrase, not a name
    std::string family;
    for (const std::string& t : name) family += (family.empty() ? "" : " ") + t;
    if (family.size() < 2) return false;
    found.push_back(family);
  }
  if (found.empty()) return false;
  *families = std::move(found);
  return true;
}

// Splits at ". ", "? ", "! " except after a lone capital (an initial) or
// "et al".
std::vector<std::pair<std::size_t, std::size_t>> Segments(std::string_view s) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool end = (c == '.' || c == '?' || c == '!') && (i + 1 == s.size() || s[i + 1] == ' ');
    if (!end) continue;
    // "J." of "Lee J. H., Choi T. Y." is an initial when another initial
    // follows it; "Ngata R. Posture ..." ends the authors.
    if (c == '.' && i >= 1 && s[i - 1] >= 'A' && s[i - 1] <= 'Z' &&
        (i == 1 || s[i - 2] == ' ' || s[i - 2] == '.' || s[i - 2] == '-')) {
      std::size_t j = i + 1;
      while (j < s.size() && s[j] == ' ') ++j;
      bool initial_next = j + 1 < s.size() && s[j] >= 'A' && s[j] <= 'Z' &&
                          (s[j + 1] == '.' || s[j + 1] == ',' || s[j + 1] == '-');
      if (initial_next) continue;
    }
    std::string_view seg = TrimView(s.substr(start, i - start));
    if (!seg.empty()) out.emplace_back(static_cast<std::size_t>(seg.data() - s.data()), seg.size());
    start = i + 1;
  }
  std::string_view seg = TrimView(s.substr(std::min(start, s.size())));
  if (!seg.empty()) out.emplace_back(static_cast<std::size_t>(seg.data() - s.data()), seg.size());
  return out;
}

std::string CleanTitle(std::string_view t) {
  std::string s = Trim(t);
  static const RE2 quote(R"re(^["“‘'](.*?)["”’']?[.,]?$)re");
  std::string inner;
  if (RE2::FullMatch(s, quote, &inner)) s = inner;
  while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ' ')) s.pop_back();
  return s;
}

// The journal from the text after the title: "Clin J Pain. 2013;29..." or
// "The Clinical Journal of Pain, 29(2), 172-185".
std::string JournalFrom(std::string_view rest) {
  std::string_view r = TrimView(rest);
  while (!r.empty() && (r[0] == ',' || r[0] == '.' || r[0] == ' ')) r.remove_prefix(1);
  static const RE2 re(
      R"(^((?:In:?\s+)?[\p{L}][\p{L}&.'’ -]*?)\s*(?:[.,;:]\s|[.,;:]?\s*(?:(?:19|20)\d\d|\d+\s*\(|\d+[,:;]|\[)|\.?$))");
  StringPiece g;
  if (!RE2::PartialMatch(StringPiece(r.data(), r.size()), re, &g)) return "";
  std::string j = Trim(View(g));
  while (!j.empty() && (j.back() == '.' || j.back() == ',')) j.pop_back();
  if (j.rfind("In", 0) == 0 && (j.size() == 2 || j[2] == ' ' || j[2] == ':')) return "";
  if (j.empty() || Words(j).size() > 12) return "";
  return j;
}

int FirstYear(std::string_view s, std::size_t* where) {
  static const RE2 re(R"(\b((?:19|20)\d\d)[a-z]?\b)");
  StringPiece g;
  if (!RE2::PartialMatch(StringPiece(s.data(), s.size()), re, &g)) return 0;
  *where = static_cast<std::size_t>(g.data() - s.data());
  return std::stoi(std::string(View(g)));
}

bool ParseApa(const std::string& m, Reference* r) {
  static const RE2 re(R"(^(.+?)\s*\(\s*((?:19|20)\d\d)([a-z])?[^)]*\)\s*[.,:]?\s*(.*)$)");
  StringPiece g[4];
  if (!RE2::FullMatch(m, re, &g[0], &g[1], &g[2], &g[3])) return false;
  std::vector<std::string> families;
  std::string institution;
  if (!ParseAuthors(View(g[0]), &families, &institution)) return false;
  r->families = families;
  r->institution = institution;
  r->year = std::stoi(std::string(View(g[1])));
  r->year_suffix = std::string(View(g[2]));
  std::string_view rest = TrimView(View(g[3]));
  // A quoted title (Harvard), else up to the first sentence end.
  static const RE2 quoted(R"re(^["“‘']([^"”’]+)["”’'])re");
  StringPiece t;
  std::size_t after = 0;
  if (RE2::PartialMatch(StringPiece(rest.data(), rest.size()), quoted, &t)) {
    r->title = Trim(View(t));
    after = static_cast<std::size_t>(t.data() - rest.data()) + t.size() + 1;
  } else {
    auto segs = Segments(rest);
    if (segs.empty()) return true;
    r->title = CleanTitle(rest.substr(segs[0].first, segs[0].second));
    after = segs[0].first + segs[0].second + 1;
  }
  if (after < rest.size()) r->journal = JournalFrom(rest.substr(after));
  return true;
}

void ParseVancouver(const std::string& m, Reference* r) {
  auto segs = Segments(m);
  if (segs.empty()) return;
  std::size_t next = 0;
  std::vector<std::string> families;
  std::string institution;
  std::string_view first = std::string_view(m).substr(segs[0].first, segs[0].second);
  if (segs.size() >= 2 && ParseAuthors(first, &families, &institution)) {
    r->families = families;
    r->institution = institution;
    next = 1;
  }
  if (next < segs.size()) {
    std::string_view t = std::string_view(m).substr(segs[next].first, segs[next].second);
    std::size_t y;
    // A segment that starts with the year is not a title.
    if (!(FirstYear(t, &y) && y == 0)) r->title = CleanTitle(t);
    ++next;
  }
  if (next < segs.size()) {
    std::string_view rest = std::string_view(m).substr(segs[next].first);
    r->journal = JournalFrom(rest);
  }
  std::size_t where;
  std::size_t from = segs.size() > 1 ? segs[1].first : 0;
  r->year = FirstYear(std::string_view(m).substr(from), &where);
  if (r->year == 0) r->year = FirstYear(m, &where);
}

// Source bytes of block-text offsets that were line breaks.
std::vector<std::pair<std::size_t, std::size_t>> Lines(const Document& doc, const Block& b) {
  std::vector<std::pair<std::size_t, std::size_t>> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i < b.text.size(); ++i) {
    if (b.text[i] != ' ' && b.text[i] != '\n') continue;
    std::size_t src = b.map.SourceBegin(i);
    bool newline = b.text[i] == '\n' ||
                   (src < doc.text.size() && (doc.text[src] == '\n' || doc.text[src] == '\r'));
    if (!newline) continue;
    if (i > start) lines.emplace_back(start, i);
    start = i + 1;
  }
  if (start < b.text.size()) lines.emplace_back(start, b.text.size());
  return lines;
}

// The number of a list item's marker ("3." or "3)") just before the block in
// the source, or 0.
int MarkerNumber(const Document& doc, const Block& b) {
  std::size_t i = std::min(b.src_begin, doc.text.size());
  std::size_t line_start = doc.text.rfind('\n', i == 0 ? 0 : i - 1);
  line_start = line_start == std::string::npos ? 0 : line_start + 1;
  if (i <= line_start) return 0;
  std::string_view before = std::string_view(doc.text).substr(line_start, i - line_start);
  static const RE2 re(R"((\d{1,3})[.)]\s*$)");
  int n = 0;
  if (RE2::PartialMatch(StringPiece(before.data(), before.size()), re, &n)) return n;
  return 0;
}

// doc.links by block, so that each entry looks only at its own block's links.
std::vector<std::vector<int>> LinksByBlock(const Document& doc) {
  std::vector<std::vector<int>> out(doc.blocks.size());
  for (std::size_t i = 0; i < doc.links.size(); ++i) {
    int b = doc.links[i].block;
    if (b >= 0 && static_cast<std::size_t>(b) < out.size()) {
      out[static_cast<std::size_t>(b)].push_back(static_cast<int>(i));
    }
  }
  return out;
}

void AddLinks(const Document& doc, const std::vector<int>& block_links, std::size_t b,
              std::size_t e, Reference* r) {
  for (int li : block_links) {
    const Link& l = doc.links[static_cast<std::size_t>(li)];
    if (l.text_begin < b || l.text_end > e) continue;
    UrlInfo info = ClassifyUrl(l.destination);
    if (l.destination.rfind("http", 0) != 0) continue;
    if (r->doi.empty()) r->doi = info.doi;
    if (r->pmid.empty()) r->pmid = info.pmid;
    if (r->pmcid.empty()) r->pmcid = info.pmcid;
    if (r->url.empty()) r->url = l.destination;
  }
}

}  // namespace

Reference ParseReferenceText(std::string_view text) {
  Reference r;
  r.from_article = true;
  std::string m = CollapseSpace(text);
  // A leading label: "[3] " or "3. ".
  static const RE2 label(R"(^\s*(?:\[(\d{1,3})\]|(\d{1,3})[.)])\s+(.*)$)");
  std::string n1, n2, rest;
  if (RE2::FullMatch(m, label, &n1, &n2, &rest)) {
    r.list_number = std::stoi(n1.empty() ? n2 : n1);
    m = rest;
  }
  // Identifiers, masked once read so that they do not look like years.
  for (const IdentifierMatch& c : FindIdentifiers(m)) {
    if (r.doi.empty()) r.doi = c.doi;
    if (r.pmid.empty()) r.pmid = c.pmid;
    if (r.pmcid.empty()) r.pmcid = c.pmcid;
    if (r.url.empty() && !c.url.empty()) r.url = c.url;
    Mask(&m, c.begin, c.end);
  }
  static const RE2 noise(
      R"((?i)(?:\bdoi:?\s*$|\bdoi:\s|\[?\baccessed\b[^\]\.]*[\].]?|\bavailable\s+(?:at|from|online)\s*:?|\bretrieved\s+from\b|\[internet\]|\bPMID:?\s*$|\bPMCID:?\s*))");
  RE2::GlobalReplace(&m, noise, " ");
  m = CollapseSpace(m);
  static const RE2 code(R"(\b((?:NG|CG|PH|QS|TA|DG|IPG|MTG)\s?\d{1,4})\b)");
  StringPiece c;
  if (RE2::PartialMatch(m, code, &c)) {
    for (char ch : View(c)) {
      if (ch != ' ') r.report_number += ch;
    }
  }
  if (!ParseApa(m, &r)) ParseVancouver(m, &r);
  if (r.title.empty() && r.families.empty() && r.institution.empty()) {
    r.title = CleanTitle(m);
  }
  if (r.type.empty()) {
    r.type = !r.journal.empty()         ? "article-journal"
             : !r.report_number.empty() ? "report"
             : !r.url.empty()           ? "webpage"
                                        : "";
  }
  return r;
}

bool IsReferenceHeading(std::string_view text, bool* further_reading) {
  static const RE2 re(
      R"((?i)^\s*(?:\d+\.?\s*)?(references?|sources?|bibliography|further\s+reading|citations?|works\s+cited|literature\s+cited|reference\s+list|notes\s+and\s+references|sources\s+and\s+further\s+reading|references\s+and\s+further\s+reading|studies\s+cited|evidence|read\s+more)\s*:?\s*$)");
  std::string word;
  if (!RE2::FullMatch(StringPiece(text.data(), text.size()), re, &word)) return false;
  std::string w = FoldLower(word);
  *further_reading = w.find("further") == 0 || w.find("read") == 0;
  return true;
}

namespace {

// LooksLikeReference on an entry already parsed from `text`.
bool LooksLikeParsedReference(const Reference& r, std::string_view text) {
  if (!r.doi.empty() || !r.pmid.empty() || !r.pmcid.empty()) return true;
  if (!r.url.empty() && Words(text).size() <= 40) return true;
  return r.year != 0 && (!r.families.empty() || !r.institution.empty()) && !r.title.empty();
}

}  // namespace

bool LooksLikeReference(std::string_view text) {
  return LooksLikeParsedReference(ParseReferenceText(text), text);
}

std::vector<Reference> FindArticleReferences(const Document& doc, std::vector<int>* blocks) {
  std::vector<Reference> out;
  bool in_refs = false, further = false;
  int refs_level = 0;
  std::set<std::string> footnotes;
  std::vector<std::vector<int>> links = LinksByBlock(doc);
  auto add = [&](Reference r, int block, std::size_t b, std::size_t e) {
    const Block& blk = doc.blocks[static_cast<std::size_t>(block)];
    AddLinks(doc, links[static_cast<std::size_t>(block)], b, e, &r);
    r.from_article = true;
    r.src_begin = blk.map.SourceBegin(b);
    r.src_end = std::max(r.src_begin, blk.map.SourceEnd(e));
    r.loc.file = doc.path;
    r.loc.line = blk.line;
    out.push_back(std::move(r));
    if (blocks) blocks->push_back(block);
  };
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
    int bi = static_cast<int>(i);
    bool fr = false;
    if (b.kind == BlockKind::kFootnoteDefinition) {
      if (!footnotes.insert(b.footnote_label).second) continue;  // its later paragraphs
      Reference r = ParseReferenceText(b.text);
      if (!LooksLikeParsedReference(r, b.text)) continue;
      r.footnote_label = b.footnote_label;
      r.id = "fn-" + b.footnote_label;
      add(std::move(r), bi, 0, b.text.size());
      continue;
    }
    if (b.kind == BlockKind::kHeading) {
      if (IsReferenceHeading(b.text, &fr)) {
        in_refs = true;
        further = fr;
        refs_level = b.heading_level;
      } else if (!(in_refs && b.heading_level > refs_level)) {
        in_refs = false;
      }
      continue;
    }
    if (b.kind == BlockKind::kParagraph && IsReferenceHeading(b.text, &fr)) {
      in_refs = true;
      further = fr;
      refs_level = 7;  // a pseudo-heading: any real heading ends it
      continue;
    }
    if (!in_refs || b.quoted) continue;
    if (b.kind == BlockKind::kListItem) {
      Reference r = ParseReferenceText(b.text);
      int marker = MarkerNumber(doc, b);
      if (marker) r.list_number = marker;
      r.further_reading = further;
      add(std::move(r), bi, 0, b.text.size());
    } else if (b.kind == BlockKind::kParagraph) {
      for (auto [lb, le] : Lines(doc, b)) {
        std::string_view line = std::string_view(b.text).substr(lb, le - lb);
        Reference r = ParseReferenceText(line);
        if (!LooksLikeParsedReference(r, line)) continue;
        r.further_reading = further;
        add(std::move(r), bi, lb, le);
      }
    }
  }
  // Ids: "ref-N" by list number, else by position among the list entries.
  int ordinal = 0;
  // A repeated id gets a prime per earlier use: ref-1, ref-1', ref-1''.
  std::unordered_map<std::string, std::size_t> used;
  for (Reference& r : out) {
    if (!r.footnote_label.empty()) continue;
    ++ordinal;
    r.id = "ref-" + std::to_string(r.list_number ? r.list_number : ordinal);
    r.id += std::string(used[r.id]++, '\'');
  }
  return out;
}

}  // namespace claimlint::cite
