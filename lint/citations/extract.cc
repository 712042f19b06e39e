#include "lint/citations/extract.h"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>

#include "lint/citations/finders.h"
#include "lint/references/identifiers.h"
#include "lint/rules/literal_prefilter.h"

namespace claimlint::cite {

const RE2& Re(const std::string& pattern) {
  // Patterns are built once per process; RE2 objects are thread-safe to use.
  static auto* cache = new std::map<std::string, std::unique_ptr<RE2>>();
  static auto* mu = new std::mutex();
  std::lock_guard<std::mutex> lock(*mu);
  auto it = cache->find(pattern);
  if (it == cache->end()) {
    it = cache->emplace(pattern, std::make_unique<RE2>(pattern)).first;
  }
  return *it->second;
}

namespace {

// Identifiers (lint/references/identifiers) as citations.
void FindIdentifierCitations(std::string_view text, const Gates& gates,
                             std::vector<Citation>* out) {
  IdentifierGates g;
  g.url = gates(kGateUrl);
  g.doi = gates(kGateDoi);
  g.pmid = gates(kGatePmid);
  g.pmc = gates(kGatePmc);
  for (IdentifierMatch& m : FindIdentifiers(text, g)) {
    Citation c;
    c.kind = CitationKindOf(m.kind);
    c.begin = m.begin;
    c.end = m.end;
    c.text = std::move(m.text);
    c.url = std::move(m.url);
    c.doi = std::move(m.doi);
    c.pmid = std::move(m.pmid);
    c.pmcid = std::move(m.pmcid);
    c.evidence_host = m.evidence_host;
    c.source = std::move(m.body);
    out->push_back(std::move(c));
  }
}

int Priority(CitationKind k) {
  switch (k) {
    case CitationKind::kDoi:
    case CitationKind::kPmid:
    case CitationKind::kLink:
      return 0;
    case CitationKind::kFootnote:
      return 1;
    case CitationKind::kNumbered:
      return 2;
    case CitationKind::kAuthorYear:
      return 3;
    case CitationKind::kQuotedTitle:
      return 4;
    case CitationKind::kNamedSource:
      return 5;
    case CitationKind::kDescribed:
      return 6;
    case CitationKind::kVague:
      return 7;
  }
  return 8;
}

const LiteralPrefilter& GatePrefilter() {
  static const LiteralPrefilter* filter = [] {
    std::vector<std::string> patterns = {kUrlPattern, kDoiPattern,   kPmidPattern,
                                         kPmcPattern, BarePattern(), kGuidelineCodePattern};
    for (const NamedForm& f : NamedForms()) patterns.push_back(f.pattern);
    auto* f = new LiteralPrefilter();
    for (const std::string& p : patterns) {
      // The patterns are the finders' own and compile (the unit tests run
      // them); a gate that failed would only stay closed.
      (void)f->Add(p, /*case_sensitive=*/true);
    }
    f->Compile();
    return f;
  }();
  return *filter;
}

}  // namespace

Gates::Gates(std::string_view text) {
  thread_local std::vector<int> open;
  GatePrefilter().Candidates(text, &open);
  for (int id : open) {
    if (id < kGateCount) open_[static_cast<std::size_t>(id)] = 1;
  }
}

CitationKind CitationKindOf(IdentifierKind kind) {
  switch (kind) {
    case IdentifierKind::kDoi:
      return CitationKind::kDoi;
    case IdentifierKind::kPmid:
      return CitationKind::kPmid;
    case IdentifierKind::kLink:
      break;
  }
  return CitationKind::kLink;
}

std::vector<Citation> ExtractFromText(std::string_view text) {
  std::vector<Citation> all;
  const Gates gates(text);
  FindIdentifierCitations(text, gates, &all);
  FindNumbered(text, &all);
  FindAuthorYear(text, gates, &all);
  FindQuotedTitles(text, &all);
  FindNamedSources(text, gates, &all);
  FindNameOnly(text, &all);
  FindVague(text, gates, &all);
  // Keep the most specific of overlapping finds (stable for equal ones).
  std::stable_sort(all.begin(), all.end(), [](const Citation& a, const Citation& b) {
    return Priority(a.kind) < Priority(b.kind);
  });
  std::vector<Citation> kept;
  for (Citation& c : all) {
    bool clash = false;
    for (const Citation& k : kept) {
      bool overlap = c.begin < k.end && k.begin < c.end;
      bool same = c.begin == k.begin && c.end == k.end && c.kind == k.kind;
      // A quoted title may contain nothing but its words; an author-year in a
      // title is part of the title, so overlaps always clash, except several
      // years of one narrative citation, which share a range.
      if (overlap && !(same && c.kind == CitationKind::kAuthorYear)) clash = true;
    }
    if (!clash) kept.push_back(std::move(c));
  }
  std::stable_sort(kept.begin(), kept.end(),
                   [](const Citation& a, const Citation& b) { return a.begin < b.begin; });
  return kept;
}

}  // namespace claimlint::cite
