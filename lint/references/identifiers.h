// Identifiers of sources written in text: URLs, DOIs, PMIDs and PMCIDs, and
// what a URL points at (a DOI resolver, PubMed, a journal, a health body).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace claimlint {

enum class IdentifierKind { kLink, kDoi, kPmid };

// What a URL points at.
struct UrlInfo {
  IdentifierKind kind = IdentifierKind::kLink;
  std::string host;  // lower-case, without "www."
  std::string doi, pmid, pmcid;
  bool evidence_host = false;  // a journal, publisher, guideline body, PubMed ...
  std::string body;            // canonical named body of the host ("NICE"), or ""
};
UrlInfo ClassifyUrl(std::string_view url);

// A DOI normalised for comparison (lower case, no "doi:" or resolver prefix,
// no trailing punctuation); "" when it is not a DOI.
std::string NormalizeDoi(std::string_view doi);
// A URL normalised for comparison (no scheme, "www.", fragment or trailing '/').
std::string NormalizeUrl(std::string_view url);
// An identifier without the punctuation that follows it in prose.
std::string_view TrimUrlTail(std::string_view s);

// The patterns FindIdentifiers runs (for literal gates).
inline constexpr const char kUrlPattern[] = R"((?i)\bhttps?://[^\s<>"“”]+)";
inline constexpr const char kDoiPattern[] = R"((?i)(?:\bdoi:?\s*)?\b(10\.\d{4,9}/[^\s"<>“”]+))";
inline constexpr const char kPmidPattern[] = R"((?i)\b(?:PMID|PubMed\s+ID)\s*:?\s*(\d{4,9})\b)";
inline constexpr const char kPmcPattern[] = R"(\b(?:PMCID\s*:?\s*)?(PMC\d{4,9})\b)";

struct IdentifierMatch {
  IdentifierKind kind = IdentifierKind::kLink;
  std::size_t begin = 0, end = 0;  // in the text searched
  std::string text, url, doi, pmid, pmcid;
  bool evidence_host = false;
  std::string body;
};

// Which of the patterns may match (a caller's literal gates); all by default.
struct IdentifierGates {
  bool url = true, doi = true, pmid = true, pmc = true;
};

// Every identifier in `text`: URLs first, then DOIs, PMIDs and PMCIDs that are
// not inside a URL.
std::vector<IdentifierMatch> FindIdentifiers(std::string_view text,
                                             const IdentifierGates& gates = {});

}  // namespace claimlint
