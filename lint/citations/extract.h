// Finding in-text citations in plain text: author-year forms, numbered and
// footnote markers, DOIs, PMIDs, URLs, quoted titles, named bodies
// (NICE, Cochrane, WHO, NHS ...) and vague attributions ("research shows").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lint/citations/analysis.h"

namespace claimlint::cite {

// Every citation written in `text` (a sentence), with begin/end relative to
// `text`; block and sentence are left unset. Overlapping finds are resolved in
// favour of the more specific form.
std::vector<Citation> ExtractFromText(std::string_view text);

// What a URL points at.
struct UrlInfo {
  CitationKind kind = CitationKind::kLink;
  std::string host;  // lower-case, without "www."
  std::string doi, pmid, pmcid;
  bool evidence_host = false;  // a journal, publisher, guideline body, PubMed ...
  std::string body;            // canonical named body of the host ("NICE"), or ""
};
UrlInfo ClassifyUrl(std::string_view url);

// Canonical named body ("NICE", "WHO", ...) that `name` spells, or "".
std::string CanonicalBody(std::string_view name);
// The names that spell a canonical body, and the hosts of its web site.
const std::vector<std::string>& BodyNames(std::string_view body);
const std::vector<std::string>& BodyHosts(std::string_view body);

// A journal and a publication year stated in a sentence ("published in The
// Clinical Journal of Pain in 2013", "a 2013 study"), positions relative to
// the sentence; empty / 0 when absent.
struct StatedDetails {
  std::string journal;
  std::size_t journal_begin = 0, journal_end = 0;
  int year = 0;
  std::size_t year_begin = 0, year_end = 0;
};
StatedDetails FindStatedDetails(std::string_view sentence);

// A DOI normalised for comparison (lower case, no "doi:" or resolver prefix,
// no trailing punctuation).
std::string NormalizeDoi(std::string_view doi);
// A URL normalised for comparison (no scheme, "www.", fragment or trailing '/').
std::string NormalizeUrl(std::string_view url);

// True when the sentence opens by referring back to a study named before it
// ("The findings showed ...", "This research ...", "The authors concluded ...").
bool RefersBack(std::string_view sentence);

}  // namespace claimlint::cite
