#include "lint/document/front_matter.h"

#include <initializer_list>
#include <optional>

#include "lint/base/limits.h"
#include "lint/document/front_matter_value.h"
#include "lint/document/front_matter_yaml.h"
#include "lint/document/json_reader.h"
#include "lint/document/toml_reader.h"

namespace claimlint {
namespace {

using Format = FrontMatter::Format;

// End of the line starting at `pos` (offset of its terminator) and the start
// of the next line.
void LineAt(std::string_view text, std::size_t pos, std::size_t* end, std::size_t* next) {
  std::size_t i = pos;
  while (i < text.size() && text[i] != '\n' && text[i] != '\r') ++i;
  *end = i;
  if (i < text.size() && text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
    *next = i + 2;
  } else {
    *next = i < text.size() ? i + 1 : i;
  }
}

std::string_view TrimRight(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line;
}

// A line that could sit inside a JSON object: blank, or starting with a
// key, a bracket, a comma or a number. Prose, headings and fences do not.
bool LooksLikeJsonLine(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i == line.size()) return true;
  char c = line[i];
  return c == '"' || c == '{' || c == '}' || c == '[' || c == ']' || c == ',' || c == '-' ||
         (c >= '0' && c <= '9');
}

Finding FrontMatterFinding(std::string message, std::size_t begin, std::size_t end, Format format) {
  Finding f;
  f.rule = "input.front-matter";
  f.category = Category::kInput;
  f.severity = Severity::kWarning;
  f.message = std::move(message);
  f.begin = begin;
  f.end = end;
  switch (format) {
    case Format::kToml:
      f.suggestion =
          "Close the front matter with a line of three plus signs and keep it valid TOML.";
      break;
    case Format::kJson:
      f.suggestion =
          "Keep the front matter one valid JSON object, its closing brace on its own line.";
      break;
    default:
      f.suggestion = "Close the front matter with a line of three dashes and keep it valid YAML.";
  }
  return f;
}

// ---- Fields ------------------------------------------------------------------

// Where site generators keep page fields besides the top level: Hugo's
// `params`, Zola's `extra` and `taxonomies`, and the `meta` and `seo` maps
// some themes use.
constexpr std::string_view kContainers[] = {"params", "extra", "taxonomies", "meta", "seo"};

const FmMember* FindField(const FmValue& root, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    if (const FmMember* m = root.FindMember(name)) return m;
  }
  for (std::string_view container : kContainers) {
    const FmValue* c = root.Find(container);
    if (!c || c->kind != FmValue::Kind::kTable) continue;
    for (std::string_view name : names) {
      if (const FmMember* m = c->FindMember(name)) return m;
    }
  }
  return nullptr;
}

// A name as written: a string, or a map with a name (Docusaurus and Jekyll
// author maps); lists give every name, joined.
void CollectNames(const FmValue& v, std::string* out, int depth = 0) {
  if (depth > 3) return;
  auto append = [&](const std::string& s) {
    if (s.empty()) return;
    if (!out->empty()) *out += ", ";
    *out += s;
  };
  switch (v.kind) {
    case FmValue::Kind::kString:
      append(v.text);
      break;
    case FmValue::Kind::kArray:
      for (const FmValue& item : v.items) CollectNames(item, out, depth + 1);
      break;
    case FmValue::Kind::kTable:
      for (std::string_view key : {"name", "displayname", "fullname"}) {
        const FmValue* n = v.Find(key);
        if (n && n->kind == FmValue::Kind::kString) {
          append(n->text);
          return;
        }
      }
      break;
    default:
      break;
  }
}

// A date as written: a scalar with a digit in it, or the `date` of a map
// (Docusaurus `last_update: {date: ...}`).
std::string DateOf(const FmValue& v) {
  const FmValue* value = &v;
  if (v.kind == FmValue::Kind::kTable) {
    value = v.Find("date");
    if (!value) return "";
  }
  if (!value->IsScalar() || value->kind == FmValue::Kind::kNull) return "";
  for (char c : value->text) {
    if (c >= '0' && c <= '9') return value->text;
  }
  return "";
}

SourceRange LineOf(const FmMember* m, const FrontMatter& fm) {
  if (!m) return {fm.src_begin, fm.src_begin};
  return {m->line_begin, std::max(m->line_begin, m->line_end)};
}

void ListKeys(const FmValue& table, const std::string& prefix, FrontMatter* fm, int depth) {
  if (depth > 8) return;
  for (const FmMember& m : table.members) {
    std::string path = prefix.empty() ? m.key : prefix + "." + m.key;
    fm->key_lines.push_back({path, {m.line_begin, std::max(m.line_begin, m.line_end)}});
    if (m.value.kind == FmValue::Kind::kTable) ListKeys(m.value, path, fm, depth + 1);
  }
}

// A scalar field written as text the page shows becomes a block.
void AddTextBlock(const FmValue& v, BlockKind kind, Document* doc) {
  if (v.kind != FmValue::Kind::kString || v.map.segments().empty()) return;
  bool prose = false;
  for (char c : v.text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') prose = true;
  }
  if (!prose) return;
  for (const Block& b : doc->blocks) {
    if (b.text == v.text && (b.kind == BlockKind::kTitle || b.kind == BlockKind::kDescription)) {
      return;  // the same text under two keys is one block
    }
  }
  Block b;
  b.kind = kind;
  b.text = v.text;
  // Line breaks and other controls inside a value read as spaces; the map
  // still points at the bytes they came from.
  for (char& c : b.text) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  b.map = v.map;
  b.src_begin = b.map.SourceBegin(0);
  b.src_end = b.map.SourceEnd(b.text.size());
  b.line = doc->index.At(doc->text, b.src_begin).line;
  doc->blocks.push_back(std::move(b));
}

void FillFields(const FmValue& root, Document* doc) {
  FrontMatter& fm = doc->front_matter;
  for (const FmMember& m : root.members) {
    if (m.value.kind != FmValue::Kind::kNull) fm.keys.push_back(m.key);
  }
  ListKeys(root, "", &fm, 0);

  const FmMember* title = FindField(root, {"title", "headline"});
  if (title && title->value.IsScalar()) fm.title = title->value.text;
  fm.title_at = LineOf(title, fm);

  const FmMember* author = FindField(root, {"author", "authors", "byline", "writer", "writtenby",
                                            "creator", "creators", "postedby", "contributors"});
  if (author) CollectNames(author->value, &fm.author);
  fm.author_at = LineOf(author, fm);
  const FmMember* reviewer =
      FindField(root, {"reviewer", "reviewers", "reviewedby", "medicalreviewer", "medicalreviewers",
                       "medicallyreviewedby", "factcheckedby", "factchecker"});
  if (reviewer) CollectNames(reviewer->value, &fm.reviewer);
  const FmMember* publisher =
      FindField(root, {"publisher", "organization", "organisation", "org", "publishedby"});
  if (publisher) CollectNames(publisher->value, &fm.publisher);

  struct DateField {
    std::string* value;
    SourceRange* at;
    std::initializer_list<std::string_view> names;
  };
  const DateField dates[] = {
      {&fm.date,
       &fm.date_at,
       {"date", "published", "publishdate", "pubdate", "publishedat", "publishedon",
        "datepublished", "publicationdate", "created", "createdat", "createddate", "postdate"}},
      {&fm.updated,
       &fm.updated_at,
       {"updated", "lastmod", "lastmodified", "lastmodifiedat", "modified", "modifiedat",
        "modifieddate", "datemodified", "lastupdated", "lastupdate", "updatedat", "updatedon",
        "updateddate", "revised", "lastrevised"}},
      {&fm.reviewed,
       &fm.reviewed_at,
       {"reviewed", "lastreviewed", "reviewdate", "reviewedon", "reviewedat", "reviewed_date",
        "datereviewed", "lastreviewdate", "lastreviewedat", "medicallyreviewedon"}},
  };
  for (const DateField& d : dates) {
    // The first of the names that holds a date.
    for (std::string_view name : d.names) {
      const FmMember* m = FindField(root, {name});
      if (!m) continue;
      std::string value = DateOf(m->value);
      if (value.empty()) continue;
      *d.value = value;
      *d.at = LineOf(m, fm);
      break;
    }
    if (d.value->empty()) *d.at = {fm.src_begin, fm.src_begin};
  }

  for (std::string_view key : {"references", "bibliography"}) {
    const FmValue* refs = root.Find(key);
    if (!refs) continue;
    if (refs->kind == FmValue::Kind::kString) {
      fm.references.push_back(refs->text);
    } else if (refs->kind == FmValue::Kind::kArray) {
      for (const FmValue& r : refs->items) {
        if (r.kind == FmValue::Kind::kString) fm.references.push_back(r.text);
      }
    }
    break;
  }

  // Text the page shows: the title, then its descriptions.
  if (title) AddTextBlock(title->value, BlockKind::kTitle, doc);
  for (std::string_view name :
       {"description", "summary", "excerpt", "subtitle", "lead", "lede", "teaser", "abstract"}) {
    const FmMember* m = FindField(root, {name});
    if (!m) continue;
    if (fm.description.empty() && m->value.kind == FmValue::Kind::kString) {
      fm.description = m->value.text;
    }
    AddTextBlock(m->value, BlockKind::kDescription, doc);
  }
}

// ---- Finding the block ---------------------------------------------------------

// The closing delimiter line of "---" or "+++" front matter: its start and
// end (its terminator), or nothing.
bool FindClose(std::string_view text, std::size_t from, Format format, std::size_t* close,
               std::size_t* close_end) {
  std::size_t pos = from;
  while (pos < text.size()) {
    std::size_t line_end, line_next;
    LineAt(text, pos, &line_end, &line_next);
    std::string_view line = TrimRight(text.substr(pos, line_end - pos));
    if ((format == Format::kYaml && (line == "---" || line == "...")) ||
        (format == Format::kToml && line == "+++")) {
      *close = pos;
      *close_end = line_end;
      return true;
    }
    if (line_next == pos) break;
    pos = line_next;
  }
  return false;
}

void Blank(std::size_t end, std::string* blanked) {
  for (std::size_t i = 0; i < end && i < blanked->size(); ++i) {
    char c = (*blanked)[i];
    if (c != '\n' && c != '\r') (*blanked)[i] = ' ';
  }
}

// A finding at the line holding `at`.
void Report(const Document& doc, const std::string& message, std::size_t at, Format format,
            std::vector<Finding>* findings) {
  std::size_t le, ln;
  std::size_t start = doc.index.LineStart(doc.index.At(doc.text, at).line);
  LineAt(doc.text, start, &le, &ln);
  findings->push_back(FrontMatterFinding(message, at, std::max(le, at), format));
}

}  // namespace

void ExtractFrontMatter(std::string* blanked, Document* doc) {
  std::string_view text = doc->text;
  FrontMatter& fm = doc->front_matter;
  std::size_t first_end, first_next;
  LineAt(text, 0, &first_end, &first_next);
  std::string_view first = TrimRight(text.substr(0, first_end));
  Format format = first == "---" ? Format::kYaml : first == "+++" ? Format::kToml : Format::kNone;
  // JSON front matter: an object from the first byte ({" or {}); Hugo's
  // shortcodes ("{{<") and MDX expressions are not.
  if (format == Format::kNone && !text.empty() && text[0] == '{' && !IsMdxPath(doc->path)) {
    std::size_t k = 1;
    while (k < text.size() &&
           (text[k] == ' ' || text[k] == '\t' || text[k] == '\n' || text[k] == '\r')) {
      ++k;
    }
    if (k < text.size() && (text[k] == '"' || text[k] == '}')) format = Format::kJson;
  }
  if (format == Format::kNone) return;

  FmValue root;
  std::optional<FmError> error;
  if (format == Format::kJson) {
    std::size_t end = 0;
    error = ReadJsonObject(text, 0, &root, &end);
    if (error && end >= text.size()) {
      Report(*doc, "JSON front matter is never closed; it is read as Markdown", error->offset,
             format, &doc->input_findings);
      return;
    }
    std::size_t line_end, line_next;
    LineAt(text, end, &line_end, &line_next);
    bool trailing_text = false;
    if (!error && !TrimRight(text.substr(end, line_end - end)).empty()) {
      error = FmError{"text after the closing brace of the JSON front matter", end};
      trailing_text = true;
    }
    // A well-formed block (even with text after its brace) ends on the
    // brace's line.
    fm.src_end = line_end;
    if (error && !trailing_text) {
      // The block most likely ends at the first line that is a lone "}" after
      // the problem, as long as every line before it still looks like JSON
      // (a body's code block may hold a lone "}" too); otherwise at the
      // problem's line. The rest is read as Markdown.
      LineAt(text, error->offset, &line_end, &line_next);
      fm.src_end = line_end;
      for (std::size_t pos = line_next; pos < text.size();) {
        std::size_t le, ln;
        LineAt(text, pos, &le, &ln);
        std::string_view line = TrimRight(text.substr(pos, le - pos));
        if (line == "}") {
          fm.src_end = le;
          break;
        }
        if (!LooksLikeJsonLine(line) || ln == pos) break;
        pos = ln;
      }
    }
  } else {
    if (first_next == first_end) return;  // "---" and nothing after it
    std::size_t close = 0, close_end = 0;
    if (!FindClose(text, first_next, format, &close, &close_end)) {
      doc->input_findings.push_back(FrontMatterFinding(
          std::string("front matter opened on line 1 is never closed; it is read as Markdown"), 0,
          first_end, format));
      return;
    }
    fm.src_end = close_end;
    if (close - first_next > limits::kFrontMatterBytes) {
      error =
          FmError{"front matter larger than " + std::to_string(limits::kFrontMatterBytes / 1024) +
                      " KiB (the limit; see docs/limits.md); not read",
                  0};
    } else {
      error = format == Format::kYaml ? ReadYaml(text, first_next, close, &root)
                                      : ReadToml(text, first_next, close, &root);
    }
  }
  fm.present = true;
  fm.format = format;
  fm.src_begin = 0;
  Blank(fm.src_end, blanked);
  if (error) {
    std::string message = error->message;
    if (format == Format::kToml) message = "front matter is not valid TOML: " + message;
    if (format == Format::kJson) message = "front matter is not valid JSON: " + message;
    Report(*doc, message, error->offset, format, &doc->input_findings);
    return;
  }
  if (root.kind == FmValue::Kind::kTable) {
    FillFields(root, doc);
  } else if (root.kind != FmValue::Kind::kNull) {
    doc->input_findings.push_back(FrontMatterFinding(
        "front matter is not a mapping of keys to values", 0, first_end, format));
  }
  if (fm.title_at.empty() && fm.title.empty()) fm.title_at = {fm.src_begin, fm.src_begin};
}

SourceRange FrontMatterKeySpan(const Document& doc, std::string_view key) {
  const FrontMatter& fm = doc.front_matter;
  for (const FrontMatterKey& k : fm.key_lines) {
    if (k.path == key) return k.line;
  }
  std::string folded = FoldKey(key);
  for (const FrontMatterKey& k : fm.key_lines) {
    std::size_t dot = k.path.rfind('.');
    std::string_view last = dot == std::string::npos ? std::string_view(k.path)
                                                     : std::string_view(k.path).substr(dot + 1);
    if (FoldKey(last) == folded) return k.line;
  }
  return {fm.src_begin, fm.src_begin};
}

}  // namespace claimlint
