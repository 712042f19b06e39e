#include "lint/document/front_matter.h"

#include <yaml-cpp/yaml.h>

#include <memory>

#include "lint/base/limits.h"
#include "lint/base/yaml_guard.h"

namespace claimlint {
namespace {

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

bool IsDelimiter(std::string_view line, bool closing) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---" || (closing && line == "...");
}

std::string ScalarOf(const YAML::Node& node) {
  if (!node) return "";
  if (node.IsScalar()) return node.Scalar();
  if (node.IsMap()) {
    for (const char* key : {"name", "display_name", "full_name"}) {
      if (node[key] && node[key].IsScalar()) return node[key].Scalar();
    }
  }
  if (node.IsSequence()) {
    std::string out;
    for (const auto& item : node) {
      std::string s = ScalarOf(item);
      if (s.empty()) continue;
      if (!out.empty()) out += ", ";
      out += s;
    }
    return out;
  }
  return "";
}

std::string FirstOf(const YAML::Node& data, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    std::string v = ScalarOf(data[key]);
    if (!v.empty()) return v;
  }
  return "";
}

void FillFields(const YAML::Node& data, FrontMatter* fm) {
  fm->title = FirstOf(data, {"title"});
  fm->author = FirstOf(data, {"author", "authors", "byline", "reviewer", "reviewed_by"});
  fm->date = FirstOf(data, {"date", "published", "publish_date", "created"});
  fm->updated = FirstOf(data, {"updated", "last_updated", "modified", "lastmod"});
  fm->reviewed = FirstOf(data, {"reviewed", "last_reviewed", "review_date", "reviewed_on"});
  // Copy-construct: assigning to a yaml-cpp node writes into it instead.
  const YAML::Node refs = data["references"] ? data["references"] : data["bibliography"];
  if (refs && refs.IsScalar()) {
    fm->references.push_back(refs.Scalar());
  } else if (refs && refs.IsSequence()) {
    for (const auto& r : refs) {
      if (r.IsScalar()) fm->references.push_back(r.Scalar());
    }
  }
}

Finding FrontMatterFinding(std::string message, std::size_t begin, std::size_t end) {
  Finding f;
  f.rule = "input.front-matter";
  f.category = Category::kInput;
  f.severity = Severity::kWarning;
  f.message = std::move(message);
  f.begin = begin;
  f.end = end;
  f.suggestion = "Close the front matter with a line of three dashes and keep it valid YAML.";
  return f;
}

}  // namespace

void ExtractFrontMatter(std::string_view text, std::string* blanked, FrontMatter* fm,
                        std::vector<Finding>* findings) {
  std::size_t end, next;
  LineAt(text, 0, &end, &next);
  if (!IsDelimiter(text.substr(0, end), /*closing=*/false) || next == end) return;
  // Find the closing delimiter.
  std::size_t pos = next, body_begin = next;
  while (pos < text.size()) {
    std::size_t line_end, line_next;
    LineAt(text, pos, &line_end, &line_next);
    if (IsDelimiter(text.substr(pos, line_end - pos), /*closing=*/true)) {
      fm->present = true;
      fm->src_begin = 0;
      fm->src_end = line_end;
      std::string body(text.substr(body_begin, pos - body_begin));
      for (std::size_t i = 0; i < line_end; ++i) {
        char c = (*blanked)[i];
        if (c != '\n' && c != '\r') (*blanked)[i] = ' ';
      }
      // Bounded before yaml-cpp sees it: its size, and what its aliases
      // would add to the walk below.
      if (body.size() > limits::kFrontMatterBytes) {
        findings->push_back(FrontMatterFinding(
            "front matter larger than " + std::to_string(limits::kFrontMatterBytes / 1024) +
                " KiB (the limit; see docs/limits.md); not read",
            0, end));
        return;
      }
      YamlGuardOptions guard;
      guard.reject_duplicate_keys = false;
      if (Status st = CheckYamlDocument(body, "front matter", guard); !st.ok()) {
        std::size_t at = body_begin;
        for (int line = 1; line < st.error().line && at < pos; ++line) {
          std::size_t le, ln;
          LineAt(text, at, &le, &ln);
          at = ln;
        }
        std::size_t le, ln;
        LineAt(text, at, &le, &ln);
        findings->push_back(FrontMatterFinding("front matter not read: " + st.error().message, at,
                                               le > at ? le : at));
        return;
      }
      try {
        YAML::Node data = YAML::Load(body);
        if (data.IsMap()) {
          FillFields(data, fm);
          for (const auto& kv : data) {
            if (!kv.second.IsNull()) fm->keys.push_back(kv.first.as<std::string>(""));
          }
        } else if (!data.IsNull()) {
          findings->push_back(FrontMatterFinding(
              "front matter is not a YAML mapping of keys to values", 0, end));
        }
      } catch (const YAML::Exception& e) {
        // Point at the offending line inside the block.
        std::size_t at = body_begin;
        for (int line = 0; line < e.mark.line && at < pos; ++line) {
          std::size_t le, ln;
          LineAt(text, at, &le, &ln);
          at = ln;
        }
        std::size_t le, ln;
        LineAt(text, at, &le, &ln);
        findings->push_back(FrontMatterFinding("front matter is not valid YAML: " + e.msg, at,
                                               le > at ? le : at));
      }
      return;
    }
    if (line_next == pos) break;
    pos = line_next;
  }
  findings->push_back(FrontMatterFinding(
      "front matter opened on line 1 is never closed; it is read as Markdown", 0, end));
}

}  // namespace claimlint

namespace claimlint {

SourceRange FrontMatterKeySpan(const Document& doc, std::string_view key) {
  const FrontMatter& fm = doc.front_matter;
  std::string_view block =
      std::string_view(doc.text).substr(fm.src_begin, fm.src_end - fm.src_begin);
  std::size_t p = 0;
  while (p < block.size()) {
    std::size_t eol = block.find('\n', p);
    if (eol == std::string_view::npos) eol = block.size();
    std::string_view line = block.substr(p, eol - p);
    if (line.size() > key.size() && line.substr(0, key.size()) == key && line[key.size()] == ':') {
      std::size_t end = eol;
      if (end > p && block[end - 1] == '\r') --end;
      return {fm.src_begin + p, fm.src_begin + end};
    }
    p = eol + 1;
  }
  return {fm.src_begin, fm.src_begin};
}

}  // namespace claimlint
