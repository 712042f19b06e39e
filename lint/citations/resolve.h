// Resolving citations to entries: by author and year, number, footnote
// label, identifier, title, named body, and by description (the words of
// the sentence scored against each entry's title and abstract).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lint/references/reference.h"
#include "lint/text/fold.h"

namespace claimlint::cite {

// A description's match to one entry.
struct ScoredEntry {
  int entry = -1;
  double score = 0;           // harmonic mean of `coverage` and `title_coverage`
  double coverage = 0;        // share of the description's IDF mass found in the entry
  double title_coverage = 0;  // share of the entry title's IDF mass found in the description
  int matched = 0;            // distinct content terms in common
};

// Thresholds of a clear description match (see docs/citations.md).
struct DescribeOptions {
  double min_score = 0.35;
  double margin = 0.10;  // the best must lead the runner-up by this much
  int min_terms = 3;
};

// Per-entry content terms and their document frequencies, for the
// description scoring; built once per distinct library and shared.
struct TermIndex {
  std::vector<std::vector<std::string>> terms;        // per entry: title + abstract
  std::vector<std::vector<std::string>> title_terms;  // per entry: title
  std::vector<std::string> first_families;            // per entry: folded, "" for none
  std::unordered_map<std::string, int> df;
};
// The index of entries [begin, begin + n), from a process-wide cache keyed by
// their content (so a large library is tokenised once, not once per file).
std::shared_ptr<const TermIndex> IndexOf(const Reference* begin, std::size_t n);

class Resolver {
 public:
  // Description matching compares a citation with every entry, so its cost
  // is citations x entries. Within one file it stops after this many
  // comparisons (far beyond any article: 250 vague citations against a
  // library of 4,000 entries); later calls rank nothing.
  static constexpr std::size_t kDescribeBudget = 1'000'000;

  // `entries` are the article's `article_count` entries, then the library's;
  // the library part's index comes from the shared cache.
  explicit Resolver(const std::vector<Reference>& entries, std::size_t article_count = 0,
                    std::size_t describe_budget = kDescribeBudget);

  // First author's family name (and the second's, when two are cited) and
  // year; a/b suffixes pick among same-author same-year entries. -1 when
  // none; *family_only gets the one entry whose first author matches when
  // the year does not (else -1).
  int ByAuthorYear(const std::vector<std::string>& families, int year, std::string_view suffix,
                   int* family_only) const;
  int ByNumber(int number) const;
  int ByFootnote(std::string_view label) const;
  int ByDoi(std::string_view doi) const;
  int ByPmid(std::string_view pmid) const;
  int ByPmcid(std::string_view pmcid) const;
  int ByUrl(std::string_view url) const;
  // The entry whose normalised title is closest, if at least `min_similarity`.
  int ByTitle(std::string_view title, double min_similarity) const;
  // Entries written or published by a named body ("NICE"), or whose URL is on
  // its site.
  std::vector<int> ByBody(std::string_view body) const;
  // Entries with this report number ("NG59"), in `among` when given.
  std::vector<int> ByCode(std::string_view code, const std::vector<int>* among) const;

  // Entries ranked by how well `description` covers them (best first); only
  // entries in `among` when given.
  std::vector<ScoredEntry> Describe(std::string_view description, const AcronymMap& acronyms,
                                    const std::vector<int>* among) const;
  // The clear winner of a ranking, or -1; *close receives the entries that
  // pass the minimum but are within the margin of the best (best first).
  static int Clear(const std::vector<ScoredEntry>& ranked, const DescribeOptions& opt,
                   std::vector<int>* close);

  const std::vector<Reference>& entries() const { return entries_; }

  bool describe_budget_spent() const { return describe_spent_; }

 private:
  double Idf(const std::string& term) const;  // cached per term
  double ComputeIdf(const std::string& term) const;
  const std::vector<std::string>& Terms(std::size_t i) const;
  const std::vector<std::string>& TitleTerms(std::size_t i) const;
  const std::string& FirstFamily(std::size_t i) const;  // folded, "" for none
  void Index() const;
  const std::vector<Reference>& entries_;
  std::size_t article_count_;
  // Built lazily (a Resolver belongs to one analysis, one thread).
  mutable std::shared_ptr<const TermIndex> article_, library_;
  mutable std::unordered_map<std::string, double> idf_;
  // Entries by the folded family name of their first author; entries with
  // no author (an institution) are tried one by one.
  mutable std::unordered_map<std::string, std::vector<int>> by_family_;
  mutable std::vector<int> no_family_;
  mutable bool family_index_ = false;
  // The article's entries by list number and by footnote label.
  void IndexArticle() const;
  mutable std::unordered_map<int, int> by_number_;
  mutable std::unordered_map<std::string, int> by_footnote_;
  mutable bool article_index_ = false;
  std::size_t describe_budget_;
  mutable std::size_t describe_work_ = 0;
  mutable bool describe_spent_ = false;
};

// The family name of an entry's first author, or its institution.
std::string FirstAuthor(const Reference& r);
// "Johnston et al. 2021", "NICE 2016", "Fox 2018" for messages.
std::string ShortCite(const Reference& r);

}  // namespace claimlint::cite
