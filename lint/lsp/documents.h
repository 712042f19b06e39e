// The documents an editor has open: their text as the editor holds it
// (unsaved edits included), kept in step with didChange.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "lint/lsp/text_positions.h"

namespace claimlint::lsp {

struct OpenDocument {
  std::string uri;   // as the client wrote it (diagnostics go back under it)
  std::string path;  // local path, or a stand-in in the workspace for untitled buffers
  std::string language_id;
  std::int64_t version = 0;
  std::uint64_t generation = 0;  // which didOpen this is, to drop results of a closed one
  std::string text;
  LineIndex index;
  bool lint = false;     // a kind of document claimlint reads
  bool markdown = true;  // false: plain text

  void SetText(std::string text);
};

// Decides from the language id and the path whether claimlint lints the
// document, and as Markdown or plain text.
void ClassifyDocument(OpenDocument* doc);

// Applies one entry of didChange's contentChanges: a whole new text, or a
// range (in `enc`) and its replacement. False, with the reason, when the
// entry is malformed; the text is then unchanged.
bool ApplyContentChange(OpenDocument* doc, const nlohmann::json& change, Encoding enc,
                        std::string* error);

// Reads an LSP Position / Range object; false when malformed.
bool ParsePosition(const nlohmann::json& j, Position* out);
bool ParseRange(const nlohmann::json& j, Position* start, Position* end);

// Position / Range objects for byte offsets of `text`.
nlohmann::json PositionJson(const LineIndex& index, std::string_view text, std::size_t offset,
                            Encoding enc);
nlohmann::json RangeJson(const LineIndex& index, std::string_view text, std::size_t begin,
                         std::size_t end, Encoding enc);

}  // namespace claimlint::lsp
