// Sentences of a document: the unit claims are matched and judged in.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "lint/document/document.h"

namespace claimlint {

struct Sentence {
  int block = -1;                   // index into Document::blocks
  std::size_t begin = 0, end = 0;   // byte range in that block's text
  bool cut = false;                 // a piece of an overlong sentence (limits::kSentenceBytes)
};

inline std::string_view SentenceText(const Document& doc, const Sentence& s) {
  return std::string_view(doc.blocks[s.block].text).substr(s.begin, s.end - s.begin);
}

// All sentences of all blocks, in document order.
std::vector<Sentence> SplitDocument(const Document& doc);

}  // namespace claimlint
