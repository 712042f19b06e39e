#include "lint/lsp/documents.h"

#include <algorithm>
#include <limits>

namespace claimlint::lsp {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    char c = s[s.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

bool ReadUint32(const nlohmann::json& j, const char* key, std::uint32_t* out) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number_integer()) return false;
  if (it->is_number_unsigned()) {
    auto v = it->get<std::uint64_t>();
    if (v > std::numeric_limits<std::uint32_t>::max()) return false;
    *out = static_cast<std::uint32_t>(v);
    return true;
  }
  auto v = it->get<std::int64_t>();
  if (v < 0 || v > std::numeric_limits<std::uint32_t>::max()) return false;
  *out = static_cast<std::uint32_t>(v);
  return true;
}

}  // namespace

void OpenDocument::SetText(std::string new_text) {
  text = std::move(new_text);
  index = LineIndex(text);
}

void ClassifyDocument(OpenDocument* doc) {
  const std::string& id = doc->language_id;
  std::string_view path = doc->path.empty() ? std::string_view(doc->uri) : doc->path;
  bool markdown_id = id == "markdown" || id == "mdx" || id == "markdown.mdx";
  bool text_id = id == "plaintext" || id == "text";
  bool markdown_ext =
      EndsWith(path, ".md") || EndsWith(path, ".markdown") || EndsWith(path, ".mdx");
  bool text_ext = EndsWith(path, ".txt");
  doc->lint = markdown_id || text_id || markdown_ext || text_ext;
  doc->markdown = !(text_id || (!markdown_id && text_ext));
}

bool ParsePosition(const nlohmann::json& j, Position* out) {
  return j.is_object() && ReadUint32(j, "line", &out->line) &&
         ReadUint32(j, "character", &out->character);
}

bool ParseRange(const nlohmann::json& j, Position* start, Position* end) {
  if (!j.is_object()) return false;
  auto s = j.find("start"), e = j.find("end");
  return s != j.end() && e != j.end() && ParsePosition(*s, start) && ParsePosition(*e, end);
}

bool ApplyContentChange(OpenDocument* doc, const nlohmann::json& change, Encoding enc,
                        std::string* error) {
  if (!change.is_object()) {
    *error = "a content change is not an object";
    return false;
  }
  auto text = change.find("text");
  if (text == change.end() || !text->is_string()) {
    *error = "a content change has no text";
    return false;
  }
  auto range = change.find("range");
  if (range == change.end() || range->is_null()) {
    doc->SetText(text->get<std::string>());
    return true;
  }
  Position start, end;
  if (!ParseRange(*range, &start, &end)) {
    *error = "a content change has a malformed range";
    return false;
  }
  std::size_t b = doc->index.ToOffset(doc->text, start, enc);
  std::size_t e = doc->index.ToOffset(doc->text, end, enc);
  if (e < b) {
    *error = "a content change's range ends before it starts";
    return false;
  }
  std::string updated;
  const std::string& insert = text->get_ref<const std::string&>();
  updated.reserve(doc->text.size() - (e - b) + insert.size());
  updated.append(doc->text, 0, b);
  updated.append(insert);
  updated.append(doc->text, e, std::string::npos);
  doc->SetText(std::move(updated));
  return true;
}

nlohmann::json PositionJson(const LineIndex& index, std::string_view text, std::size_t offset,
                            Encoding enc) {
  Position p = index.ToPosition(text, offset, enc);
  return {{"line", p.line}, {"character", p.character}};
}

nlohmann::json RangeJson(const LineIndex& index, std::string_view text, std::size_t begin,
                         std::size_t end, Encoding enc) {
  return {{"start", PositionJson(index, text, begin, enc)},
          {"end", PositionJson(index, text, std::max(begin, end), enc)}};
}

}  // namespace claimlint::lsp
