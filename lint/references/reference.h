// A bibliographic entry, from a reference library (CSL-JSON, BibTeX) or from
// the article's own References section.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "lint/base/source_loc.h"

namespace claimlint {

struct Reference {
  std::string id;                     // citation key ("lee2013"); for article entries "ref-N"
  std::string type;                   // article-journal, report, webpage, ...
  std::vector<std::string> families;  // authors' family names, in order
  std::string institution;            // corporate author ("National Institute ...")
  int year = 0;                       // 0 when unknown
  std::string title;
  std::string journal;        // container-title
  std::string journal_short;  // container-title-short / journalAbbreviation
  std::string doi, pmid, pmcid, url;
  std::string abstract, note;  // what the source itself says
  std::string publisher;       // "NICE", "BMJ Publishing", ...
  std::string report_number;   // a report's or guideline's number ("NG59")
  std::string year_suffix;     // CSL "year-suffix" ("a"), when given

  // For entries of the article's own References section.
  bool from_article = false;
  int list_number = 0;                     // its number in a numbered list, 0 if none
  std::string footnote_label;              // when it is a footnote definition
  bool further_reading = false;            // listed under "Further reading": not meant to be cited
  std::size_t src_begin = 0, src_end = 0;  // bytes in Document::text

  SourceLoc loc;  // where it was read from (library file and line)
};

}  // namespace claimlint
