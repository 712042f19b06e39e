// The citation finders (internal to lint/citations): each finds one form of
// in-text citation in a sentence; ExtractFromText (extract.cc) runs them all
// behind one literal scan and keeps the most specific of overlapping finds.
#pragma once

#include <re2/re2.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "lint/citations/analysis.h"

namespace claimlint::cite {

using re2::RE2;
using re2::StringPiece;

// Calls f(groups) for each leftmost, non-overlapping match of `re` in `text`.
template <typename F>
void ForEachMatch(const RE2& re, std::string_view text, F&& f) {
  int n = re.NumberOfCapturingGroups() + 1;
  std::vector<StringPiece> m(static_cast<std::size_t>(n));
  std::size_t pos = 0;
  while (pos <= text.size() && re.Match(StringPiece(text.data(), text.size()), pos, text.size(),
                                        RE2::UNANCHORED, m.data(), n)) {
    f(m);
    std::size_t end = static_cast<std::size_t>(m[0].data() - text.data()) + m[0].size();
    pos = end > pos ? end : pos + 1;
  }
}

inline std::size_t Off(std::string_view text, const StringPiece& p) {
  return static_cast<std::size_t>(p.data() - text.data());
}

// A regex built at run time from parts, compiled once per process.
const RE2& Re(const std::string& pattern);

// --- Literal gates ---------------------------------------------------------

// Most sentences cite nothing, yet every finder below has regexes to run. The
// literals each regex needs ("http", "doi", "et al", "NICE", "study") are
// found for all of them in one scan of the sentence, and a regex runs only
// when its literals are there. Cheaper tests (a '[', a year, a quote mark)
// gate the patterns with no literal of three letters or more.
enum GateId : int {
  kGateUrl,
  kGateDoi,
  kGatePmid,
  kGatePmc,
  kGateBare,
  kGateCode,
  kGateForm,  // the named-source forms, in order
  kGateCount = kGateForm + 7,
};

class Gates {
 public:
  explicit Gates(std::string_view text);
  bool operator()(int id) const { return open_[static_cast<std::size_t>(id)] != 0; }

 private:
  std::array<char, kGateCount> open_{};
};

// Author-year (find_author_year.cc).
bool IsStopName(std::string_view name);
const std::string& BarePattern();
void FindAuthorYear(std::string_view text, const Gates& gates, std::vector<Citation>* out);
// Numbered and footnote markers, quoted titles (find_markers.cc).
void FindNumbered(std::string_view text, std::vector<Citation>* out);
void FindQuotedTitles(std::string_view text, std::vector<Citation>* out);
// Named bodies (find_named_sources.cc).
struct NamedForm {
  std::string pattern;
  bool guideline;
  int span_group;  // 0: the whole match
};
const std::vector<NamedForm>& NamedForms();
extern const char kGuidelineCodePattern[];
void FindNamedSources(std::string_view text, const Gates& gates, std::vector<Citation>* out);
// Attributions in words, vague or described (find_vague.cc): read from the
// sentence's lexicon hits, so they need no gate.
void FindVague(std::string_view text, const Gates& gates, std::vector<Citation>* out);
// Names with "and colleagues" or "et al." and no year (find_author_year.cc).
void FindNameOnly(std::string_view text, std::vector<Citation>* out);

}  // namespace claimlint::cite
