// Finding in-text citations in plain text: author-year forms, numbered and
// footnote markers, DOIs, PMIDs, URLs, quoted titles, named bodies
// (NICE, Cochrane, WHO, NHS ...) and vague attributions ("research shows").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lint/citations/analysis.h"
#include "lint/references/bodies.h"
#include "lint/references/identifiers.h"

namespace claimlint::cite {

// Every citation written in `text` (a sentence), with begin/end relative to
// `text`; block and sentence are left unset. Overlapping finds are resolved in
// favour of the more specific form.
std::vector<Citation> ExtractFromText(std::string_view text);

// The citation form of an identifier (a link, a DOI, a PMID).
CitationKind CitationKindOf(IdentifierKind kind);

// A journal, a publication year, an author and a study design stated in a
// sentence ("published in The Clinical Journal of Pain in 2013", "a 2012
// pilot study", "writing in the Journal of X", "Smith and colleagues", "a
// randomised trial"), positions relative to the sentence; empty / 0 when
// absent.
struct StatedDetails {
  std::string journal;
  std::size_t journal_begin = 0, journal_end = 0;
  int year = 0;
  std::size_t year_begin = 0, year_end = 0;
  std::string author;  // a family name
  std::size_t author_begin = 0, author_end = 0;
  std::string design;  // the design words ("pilot study"), when one design is named
  std::size_t design_begin = 0, design_end = 0;
};
StatedDetails FindStatedDetails(std::string_view sentence);

// True when the sentence opens by referring back to a study named before it
// ("The findings showed ...", "This research ...", "The authors concluded ...").
bool RefersBack(std::string_view sentence);

}  // namespace claimlint::cite
