#include "lint/document/sentence.h"

#include "lint/document/sentence_splitter.h"

namespace claimlint {

std::vector<Sentence> SplitDocument(const Document& doc) {
  std::vector<Sentence> out;
  for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
    for (const SentenceSpan& s : SplitSentences(doc.blocks[b].text)) {
      out.push_back({static_cast<int>(b), s.begin, s.end, s.cut});
    }
  }
  return out;
}

}  // namespace claimlint
