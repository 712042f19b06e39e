// How strongly a text states an effect, after Sumner et al. (BMJ 2014): a
// direct causal claim ("reduces pain", "can significantly reduce pain"), a
// hedged one ("may reduce"), a correlational one ("is associated with"), or
// none. The context classifier decides whether the predicate is asserted,
// hedged or negated; a short list of conclusion cues ("shows promise",
// "should be confirmed", "further studies are warranted") marks a source's
// own caution. Used for citation.overstated and citation.contradicted.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lint/context/context.h"

namespace claimlint::cite {

enum class Strength { kNone = 0, kCorrelational = 1, kHedged = 2, kDirect = 3 };

struct ClaimReading {
  Strength strength = Strength::kNone;
  bool negated = false;            // the effect is denied ("did not reduce")
  std::size_t begin = 0, end = 0;  // the predicate ("can significantly reduce")
  std::string verb;                // the effect verb's base form ("reduce"), "" if none
  bool past = false;               // in the past tense: what happened in a study
};

// Asks the classifier about [begin, end) of `sentence` (an additive helper:
// the whole clause or predicate as the span).
Context ClassifySpan(const ContextClassifier& ctx, std::string_view sentence, std::size_t begin,
                     std::size_t end);

// The strongest effect statement in one sentence.
ClaimReading ReadClaim(std::string_view sentence, const ContextClassifier& ctx);

// True when the text carries a source's own caution: hedges of a conclusion
// ("shows promise", "should be confirmed", "further studies are warranted",
// "preliminary", "feasible", "may").
bool HasCaution(std::string_view text);

// A source's conclusion: the text after "Conclusion(s):" when present, else
// its last two sentences.
std::string ConclusionOf(std::string_view abstract);

struct SourceReading {
  bool known = false;     // the source says something about effects or caution
  bool cautious = false;  // it hedges or only correlates, and nowhere states the effect
  Strength strength = Strength::kNone;
  std::string quote;  // the sentence that shows it
};
SourceReading ReadSource(std::string_view abstract, const ContextClassifier& ctx);

// A recommendation or effect the source denies: "Do not offer acupuncture for
// managing low back pain", "X is not recommended for Y", "X did not reduce Y".
struct Denial {
  bool recommendation = false;         // a recommendation denied (else an effect)
  std::vector<std::string> object;     // content terms of what is denied (acupuncture)
  std::vector<std::string> condition;  // content terms of what for (low back pain)
  std::string verb;                    // the effect verb's stem, for effects
  std::string quote;                   // the source sentence
};
std::vector<Denial> FindDenials(std::string_view text, const ContextClassifier& ctx);

// A recommendation asserted in a sentence ("is recommended by", "NICE
// recommends", "endorsed by"): true with its span when the classifier reads
// it as asserted.
bool AssertsRecommendation(std::string_view sentence, const ContextClassifier& ctx,
                           std::size_t* begin, std::size_t* end);

// Splits a text into sentences (the project's segmenter).
std::vector<std::string_view> SplitText(std::string_view text);

}  // namespace claimlint::cite
