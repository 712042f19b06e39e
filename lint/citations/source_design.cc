#include "lint/citations/source_design.h"

#include <cstdlib>

#include "lint/citations/strength.h"
#include "lint/citations/term_scan.h"

namespace claimlint::cite {
namespace {

int Attribute(const LexiconClass& c, const char* key, int fallback) {
  auto it = c.attributes.find(key);
  if (it == c.attributes.end()) return fallback;
  if (it->second == "true") return 1;
  if (it->second == "false") return 0;
  return std::atoi(it->second.c_str());
}

// Designs that describe what was done, not the source's own kind: a
// guideline or a testimonial named in a title says little about the study.
bool Counts(const LexiconClass& c) {
  return !TermScan::Is(&c, "evidence.design.anecdote") &&
         !TermScan::Is(&c, "evidence.design.mechanism");
}

}  // namespace

Design DesignOfText(std::string_view text) {
  Design d;
  TermScan scan = ScanTerms(text);
  bool review = false;
  int worst = 0;
  const TermHit* worst_hit = nullptr;
  for (const TermHit* h : scan.All("evidence.design")) {
    if (!Counts(*h->cls)) continue;
    int level = Attribute(*h->cls, "level", 0);
    bool human = Attribute(*h->cls, "human", 1) != 0;
    bool results = Attribute(*h->cls, "has_results", 1) != 0;
    if (!human) d.human = false;
    if (!results) d.has_results = false;
    if (TermScan::Is(h->cls, "evidence.design.systematic-review")) review = true;
    if (level > worst) {
      worst = level;
      worst_hit = h;
    }
  }
  if (!worst_hit) return d;
  const TermHit* named = worst_hit;
  if (review && d.human && d.has_results) {
    // A systematic review of randomised trials is a systematic review.
    for (const TermHit* h : scan.All("evidence.design.systematic-review")) {
      named = h;
      break;
    }
    worst = 1;
  } else if (!d.human) {
    for (const TermHit* h : scan.All("evidence.design")) {
      if (Attribute(*h->cls, "human", 1) == 0) {
        named = h;
        break;
      }
    }
    worst = 5;
  } else if (!d.has_results) {
    for (const TermHit* h : scan.All("evidence.design.protocol")) {
      named = h;
      break;
    }
    worst = 5;
  }
  d.level = worst;
  std::string_view name = named->cls->name;
  d.name = std::string(name.substr(name.rfind('.') + 1));
  d.words = std::string(text.substr(named->begin, named->end - named->begin));
  return d;
}

Design DesignOf(const Reference& r) {
  Design d = DesignOfText(r.title);
  if (d.known()) {
    d.from_title = true;
    return d;
  }
  // The abstract's opening says what was done ("We describe one patient").
  std::vector<std::string_view> sentences = SplitText(r.abstract);
  std::string opening;
  for (std::size_t i = 0; i < sentences.size() && i < 2; ++i) {
    opening += std::string(sentences[i]) + " ";
  }
  d = DesignOfText(opening);
  return d;
}

}  // namespace claimlint::cite
