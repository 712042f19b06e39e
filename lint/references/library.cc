// CSL-JSON reading and format detection. BibTeX is in bibtex.cc.
#include "lint/references/library.h"

#include <nlohmann/json.hpp>
#include <sstream>

#include "lint/base/file_io.h"
#include "lint/base/limits.h"
#include "lint/text/fold.h"
#include "lint/text/source_index.h"
#include "lint/text/strings.h"

namespace claimlint {
namespace {

using nlohmann::json;

Error ErrorAt(std::string_view text, std::string_view filename, std::size_t offset,
              std::string message) {
  Error e;
  e.file = std::string(filename);
  Position at = SourceIndex(text).At(text, offset);
  e.line = at.line;
  e.column = at.column;
  e.message = std::move(message);
  return e;
}

// Skips a JSON string starting at text[i] == '"'; returns the index after it.
std::size_t SkipString(std::string_view text, std::size_t i) {
  for (++i; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '"') {
      return i + 1;
    }
  }
  return text.size();
}

std::size_t SkipBlank(std::string_view text, std::size_t i) {
  while (i < text.size() &&
         (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) {
    ++i;
  }
  return i;
}

// Offsets of the elements of the array that starts at text[open] == '['.
// The text is known to be valid JSON (it parsed).
std::vector<std::size_t> ElementOffsets(std::string_view text, std::size_t open) {
  std::vector<std::size_t> offsets;
  int depth = 0;
  bool expect = false;
  for (std::size_t i = open; i < text.size();) {
    char c = text[i];
    if (expect && c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ']') {
      offsets.push_back(i);
      expect = false;
    }
    if (c == '"') {
      i = SkipString(text, i);
      continue;
    }
    if (c == '[' || c == '{') {
      ++depth;
      if (depth == 1) expect = true;
    } else if (c == ']' || c == '}') {
      if (--depth == 0) break;
    } else if (c == ',' && depth == 1) {
      expect = true;
    }
    ++i;
  }
  return offsets;
}

// Offset of the '[' of the top-level "items" array in an object, or npos.
std::size_t ItemsArrayOffset(std::string_view text, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < text.size();) {
    char c = text[i];
    if (c == '"') {
      std::size_t end = SkipString(text, i);
      if (depth == 1 && text.substr(i, end - i) == "\"items\"") {
        std::size_t j = SkipBlank(text, end);
        if (j < text.size() && text[j] == ':') {
          j = SkipBlank(text, j + 1);
          if (j < text.size() && text[j] == '[') return j;
        }
      }
      i = end;
      continue;
    }
    if (c == '[' || c == '{') ++depth;
    if (c == ']' || c == '}') --depth;
    ++i;
  }
  return std::string_view::npos;
}

// A scalar field as a string: strings as they are, numbers printed.
bool ScalarString(const json& v, std::string* out) {
  if (v.is_string()) {
    *out = v.get<std::string>();
    return true;
  }
  if (v.is_number_integer()) {
    *out = std::to_string(v.get<long long>());
    return true;
  }
  if (v.is_number()) {
    std::ostringstream s;
    s << v.get<double>();
    *out = s.str();
    return true;
  }
  return false;
}

// First four-digit year in a string ("2013-02", "Feb 2013").
int YearIn(std::string_view s) {
  for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
    bool digits = true;
    for (std::size_t k = 0; k < 4; ++k) digits = digits && s[i + k] >= '0' && s[i + k] <= '9';
    bool left = i == 0 || !(s[i - 1] >= '0' && s[i - 1] <= '9');
    bool right = i + 4 == s.size() || !(s[i + 4] >= '0' && s[i + 4] <= '9');
    if (digits && left && right) {
      int y = std::stoi(std::string(s.substr(i, 4)));
      if (y >= 1500 && y <= 2200) return y;
    }
  }
  return 0;
}

// Reads "issued": {"date-parts": [[2013, 2]]} | {"raw": "2013"} | {"literal": ...}.
bool ReadIssued(const json& v, int* year, std::string* problem) {
  if (!v.is_object()) {
    *problem = "\"issued\" must be an object";
    return false;
  }
  if (v.contains("date-parts")) {
    const json& parts = v["date-parts"];
    if (!parts.is_array() || parts.empty() || !parts[0].is_array()) {
      *problem = "\"issued.date-parts\" must be an array of arrays";
      return false;
    }
    if (!parts[0].empty()) {
      std::string y;
      if (!ScalarString(parts[0][0], &y)) {
        *problem = "\"issued.date-parts\" year must be a number or string";
        return false;
      }
      *year = YearIn(y);
    }
    return true;
  }
  for (const char* key : {"raw", "literal"}) {
    if (v.contains(key) && v[key].is_string()) {
      *year = YearIn(v[key].get<std::string>());
      return true;
    }
  }
  return true;
}

bool ReadAuthors(const json& v, Reference* ref, std::string* problem) {
  if (!v.is_array()) {
    *problem = "\"author\" must be an array";
    return false;
  }
  for (const json& a : v) {
    if (!a.is_object()) {
      *problem = "each \"author\" must be an object";
      return false;
    }
    std::string family, literal;
    if (a.contains("family")) ScalarString(a["family"], &family);
    if (a.contains("literal")) ScalarString(a["literal"], &literal);
    if (!family.empty()) {
      if (a.contains("non-dropping-particle") && a["non-dropping-particle"].is_string()) {
        family = a["non-dropping-particle"].get<std::string>() + " " + family;
      }
      ref->families.push_back(family);
    } else if (!literal.empty()) {
      if (ref->families.empty() && ref->institution.empty()) {
        ref->institution = literal;
      } else {
        ref->families.push_back(literal);
      }
    }
  }
  return true;
}

// Strips the "[json.exception.parse_error.101] parse error at line 3, column 5: "
// prefix of nlohmann's messages: the location is reported separately.
std::string CleanJsonMessage(std::string msg) {
  std::size_t bracket = msg.find("] ");
  if (bracket != std::string::npos && msg.rfind("[json.exception", 0) == 0) {
    msg = msg.substr(bracket + 2);
  }
  std::size_t colon = msg.find(": ");
  if (msg.rfind("parse error", 0) == 0 && colon != std::string::npos) {
    msg = msg.substr(colon + 2);
  }
  return "invalid JSON: " + msg;
}

Result<Reference> ReadItem(const json& item, std::string_view text, std::string_view filename,
                           std::size_t offset, const SourceIndex& lines) {
  auto fail = [&](const std::string& what) -> Result<Reference> {
    return ErrorAt(text, filename, offset, "CSL-JSON item: " + what);
  };
  if (!item.is_object()) return fail("expected an object");
  Reference ref;
  ref.loc.file = std::string(filename);
  Position at = lines.At(text, offset);
  ref.loc.line = at.line;
  ref.loc.column = at.column;
  if (!item.contains("id") || !ScalarString(item["id"], &ref.id) || ref.id.empty()) {
    return fail("missing \"id\" (a string or number)");
  }
  struct StringField {
    const char* key;
    std::string* out;
  };
  std::string title_short, journal_abbrev, issue;
  const StringField fields[] = {
      {"type", &ref.type},
      {"title", &ref.title},
      {"container-title", &ref.journal},
      {"container-title-short", &ref.journal_short},
      {"journalAbbreviation", &journal_abbrev},
      {"DOI", &ref.doi},
      {"PMID", &ref.pmid},
      {"PMCID", &ref.pmcid},
      {"URL", &ref.url},
      {"abstract", &ref.abstract},
      {"note", &ref.note},
      {"publisher", &ref.publisher},
      {"number", &ref.report_number},
      {"year-suffix", &ref.year_suffix},
  };
  for (const StringField& f : fields) {
    if (!item.contains(f.key)) continue;
    const json& v = item[f.key];
    if (v.is_null()) continue;
    if (!ScalarString(v, f.out)) {
      return fail("\"" + std::string(f.key) + "\" of \"" + ref.id + "\" must be a string");
    }
  }
  if (ref.journal_short.empty()) ref.journal_short = journal_abbrev;
  // Identifiers sometimes hide in "note" ("PMID: 123") in Zotero exports.
  std::string problem;
  if (item.contains("author") && !ReadAuthors(item["author"], &ref, &problem)) {
    return fail(problem + " (\"" + ref.id + "\")");
  }
  if (item.contains("issued") && !ReadIssued(item["issued"], &ref.year, &problem)) {
    return fail(problem + " (\"" + ref.id + "\")");
  }
  if (ref.pmid.rfind("PMID", 0) == 0) ref.pmid = Trim(ref.pmid.substr(4));
  if (!ref.pmid.empty() && ref.pmid[0] == ':') ref.pmid = Trim(ref.pmid.substr(1));
  return ref;
}

}  // namespace

Result<std::vector<Reference>> ReadCslJson(std::string_view text, std::string_view filename) {
  std::vector<Reference> refs;
  try {
    json doc = json::parse(text.begin(), text.end());
    std::size_t start = SkipBlank(text, 0);
    if (text.substr(start, 3) == "\xEF\xBB\xBF") start = SkipBlank(text, start + 3);
    const json* items = nullptr;
    std::size_t array_offset = start;
    if (doc.is_array()) {
      items = &doc;
    } else if (doc.is_object() && doc.contains("items") && doc["items"].is_array()) {
      items = &doc["items"];
      array_offset = ItemsArrayOffset(text, start);
    } else {
      return ErrorAt(text, filename, start,
                     "CSL-JSON must be an array of items or an object with \"items\"");
    }
    std::vector<std::size_t> offsets;
    if (array_offset != std::string_view::npos) offsets = ElementOffsets(text, array_offset);
    const SourceIndex lines(text);
    for (std::size_t i = 0; i < items->size(); ++i) {
      std::size_t off = i < offsets.size() ? offsets[i] : start;
      Result<Reference> ref = ReadItem((*items)[i], text, filename, off, lines);
      if (!ref.ok()) return ref.error();
      refs.push_back(std::move(ref).value());
    }
  } catch (const nlohmann::json::parse_error& e) {
    std::size_t byte = e.byte > 0 ? e.byte - 1 : 0;
    return ErrorAt(text, filename, byte, CleanJsonMessage(e.what()));
  } catch (const nlohmann::json::exception& e) {
    return ErrorAt(text, filename, 0, CleanJsonMessage(e.what()));
  }
  return refs;
}

Result<std::vector<Reference>> ReadReferenceFile(const std::string& path) {
  auto read = ReadRegularFile(path, {limits::kLibraryBytes, "reference library"});
  if (!read.ok()) return read.error();
  const std::string& text = read.value();
  std::size_t i = 0;
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
  while (i < text.size() &&
         (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) {
    ++i;
  }
  if (i < text.size() && (text[i] == '[' || text[i] == '{')) return ReadCslJson(text, path);
  if (text.find('@') != std::string::npos) return ReadBibtex(text, path);
  Error e;
  e.file = path;
  e.line = 1;
  e.column = 1;
  e.message =
      "not a reference library: expected CSL-JSON (an array or {\"items\": [...]}) or "
      "BibTeX (@article{...})";
  return e;
}

}  // namespace claimlint
