// Citation analysis of one document: every in-text citation found, with its
// position, and what it resolves to in the article's references and the
// library. The claim check asks it whether a sentence is supported.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "lint/citations/resolve.h"
#include "lint/document/document.h"
#include "lint/document/sentence.h"
#include "lint/references/library.h"
#include "lint/references/reference.h"

namespace claimlint {

enum class CitationKind {
  kAuthorYear,   // Lee et al. (2013), (Lee & Kim, 2013; Park 2014), Lee and colleagues (2013)
  kNumbered,     // [3], [3, 5], [3-5]
  kFootnote,     // [^3]
  kDoi,          // 10.1097/... or a doi.org link
  kPmid,         // PMID: 123, a PubMed link
  kLink,         // a link to PMC, a journal, NICE, WHO, NHS, Cochrane ...
  kQuotedTitle,  // "Acupuncture for acute low back pain: a systematic review"
  kNamedSource,  // the NICE guidelines, a Cochrane review, the WHO, the NHS website
  kVague,        // a study on PubMed, research shows, studies have shown, experts say
  kDescribed,    // an attribution that names its source in words: "a 2018 meta-analysis
                 // published in the Journal of X found", "researchers at Y University showed"
};

struct Citation {
  CitationKind kind = CitationKind::kAuthorYear;
  int block = -1;
  std::size_t begin = 0, end = 0;  // byte range in the block text
  int sentence = -1;               // index into the document's sentences
  std::string text;                // as written
  // Parsed parts, where the form has them.
  std::vector<std::string> families;
  int year = 0;
  std::string year_suffix;
  std::vector<int> numbers;
  std::string label, doi, pmid, url, title, source;
  std::string pmcid;
  std::string journal;         // a journal named in a description ("the Journal of X")
  std::string code;            // a guideline's or report's number ("NG59")
  bool guideline = false;      // a named guideline ("the NICE guidelines")
  bool introduced = false;     // a quoted title introduced as one ("titled ...")
  bool evidence_host = false;  // a link to a recognised evidence source
  bool parenthesised = false;  // a number in parentheses, "(3)", not brackets
  // Attributions (vague or described): where what the source is said to say
  // begins (block text), whether the reporting verb is tentative ("suggest",
  // "point to"), and whether the source is described as weak ("small trials",
  // "laboratory studies", "some studies").
  std::size_t complement = 0, complement_end = 0;
  bool tentative = false;
  bool weak_source = false;
  bool inquiry = false;  // "a study examined X": what it found comes after

  // Resolution: index into CitationAnalysis::entries, or -1.
  int resolved = -1;
  bool by_description = false;  // resolved by matching the sentence's description
  // Likely entries, best first, when the words alone do not resolve it
  // (a vague citation's description, a named body with several guidelines).
  std::vector<int> candidates;
};

class CitationAnalysis {
 public:
  std::vector<Reference> entries;  // article's own references, then the library's
  std::vector<Citation> citations;
  int article_entries = 0;  // entries[0, article_entries) come from the article
  // Blocks that hold the article's reference entries (sorted): a paper's
  // title there is not a claim the article makes.
  std::vector<int> reference_blocks;
  // For each entry, the entry it duplicates (an article reference that is
  // also in the library, by DOI, PMID or author, year and title), or -1.
  std::vector<int> same_as;
  // Description matching stopped at its budget (Resolver::kDescribeBudget):
  // later vague citations were not matched to entries by their words.
  bool describe_budget_spent = false;
  // More than limits::kCitations citations: those after the limit were not
  // read. The block and byte (in its text) of the first one left out.
  bool citations_truncated = false;
  int truncated_block = -1;
  std::size_t truncated_offset = 0;

  // The range of `citations` (sorted by sentence, as AnalyzeCitations
  // leaves them) that holds those of `sentence`.
  std::pair<std::size_t, std::size_t> OfSentence(int sentence) const;

  // For each sentence, true when it leads into a list ("Studies found:")
  // whose every item carries a citation that names its source.
  std::vector<char> lead_in_cited;

  // True when the sentence (index into the document's sentences) carries a
  // citation that resolves to an entry, or leads into a list whose items do.
  bool Supported(int sentence) const;
};

// What the citation analysis reads.
struct CitationInput {
  const Document& doc;
  const std::vector<Sentence>& sentences;
  const ReferenceLibrary& library;  // the run's library plus front-matter references
  cite::DescribeOptions describe;   // thresholds for resolving a description to an entry
};

// Finds and resolves the document's citations. Pure.
CitationAnalysis AnalyzeCitations(const CitationInput& in);

}  // namespace claimlint
