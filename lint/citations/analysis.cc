#include "lint/citations/analysis.h"

#include <algorithm>
#include <set>

#include "lint/base/limits.h"
#include "lint/citations/extract.h"
#include "lint/citations/helpers.h"
#include "lint/citations/resolve.h"
#include "lint/references/article_refs.h"
#include "lint/references/journal.h"
#include "lint/text/fold.h"
#include "lint/text/strings.h"

namespace claimlint {
namespace {

using cite::Resolver;

// Links an article entry to its library copy: same DOI or PMID; nearly the
// same title with the same year or first author; or a similar title with
// both. Titles are compared only when the year or first author agrees, so a
// large library costs little per file.
void LinkTwins(CitationAnalysis* a) {
  a->same_as.assign(a->entries.size(), -1);
  if (a->article_entries == 0) return;
  std::vector<std::string> dois;
  for (std::size_t j = static_cast<std::size_t>(a->article_entries); j < a->entries.size(); ++j) {
    dois.push_back(NormalizeDoi(a->entries[j].doi));
  }
  for (int i = 0; i < a->article_entries; ++i) {
    const Reference& r = a->entries[static_cast<std::size_t>(i)];
    std::string doi = NormalizeDoi(r.doi);
    for (std::size_t j = static_cast<std::size_t>(a->article_entries); j < a->entries.size(); ++j) {
      const Reference& l = a->entries[j];
      bool same = (!doi.empty() && doi == dois[j - static_cast<std::size_t>(a->article_entries)]) ||
                  (!r.pmid.empty() && r.pmid == l.pmid);
      if (!same && !r.title.empty() && !l.title.empty()) {
        bool author = !r.families.empty() && !l.families.empty() &&
                      FoldLower(r.families[0]) == FoldLower(l.families[0]);
        bool year = r.year != 0 && r.year == l.year;
        // A wrong year must not hide the twin: then the first author decides.
        if (year || author) {
          double sim = TitleSimilarity(r.title, l.title);
          same = sim >= 0.9 || (author && year && sim >= 0.6);
        }
      }
      if (same) {
        a->same_as[static_cast<std::size_t>(i)] = static_cast<int>(j);
        if (a->same_as[j] < 0) a->same_as[j] = i;
        break;
      }
    }
  }
}

bool IsSpecific(const Citation& c, const std::set<std::string>& footnotes) {
  switch (c.kind) {
    case CitationKind::kAuthorYear:
      return c.year != 0 || c.resolved >= 0;  // a name alone names nothing to look up
    case CitationKind::kDoi:
    case CitationKind::kPmid:
    case CitationKind::kDescribed:
      return true;
    case CitationKind::kNumbered:
      // A broken bracketed number is reported as numbered-missing; "(3)" with
      // no list to point into cites nothing.
      return !c.parenthesised || c.resolved >= 0;
    case CitationKind::kFootnote:
      // A note that is not a reference ("[^3]: A study on PubMed.") names
      // nothing; a missing one is reported as numbered-missing.
      return c.resolved >= 0 || !footnotes.count(c.label);
    case CitationKind::kLink:
      return c.evidence_host || c.resolved >= 0;
    case CitationKind::kQuotedTitle:
      return c.resolved >= 0;
    case CitationKind::kNamedSource:
    case CitationKind::kVague:
      return false;
  }
  return false;
}

// Index of the sentence (in `sentences`) holding [b, e) of a block, or -1.
int SentenceAt(const std::vector<Sentence>& sentences, const std::vector<int>& of_block,
               std::size_t b) {
  for (int si : of_block) {
    const Sentence& s = sentences[static_cast<std::size_t>(si)];
    if (b >= s.begin && b < s.end) return si;
  }
  return of_block.empty() ? -1 : of_block.back();
}

// A described attribution ("a 2018 meta-analysis published in the Journal
// of X", "researchers at Y University"): the entries its names fit, then its
// words among them. When nothing fits the names, the words alone may still
// point to one entry, whose details the check then compares.
int ResolveDescribed(const Resolver& res, const std::vector<int>& same_as,
                     const std::string& description, const AcronymMap& acronyms,
                     const cite::DescribeOptions& opt, const Citation& c) {
  const std::vector<Reference>& entries = res.entries();
  std::vector<int> pool;
  std::vector<int> body;
  if (!c.source.empty()) body = res.ByBody(c.source);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Reference& r = entries[i];
    bool fits = true;
    if (!c.journal.empty()) {
      fits = (!r.journal.empty() || !r.journal_short.empty()) && cite::SameJournal(c.journal, r);
    }
    if (fits && !c.families.empty()) {
      std::string want = FoldLower(c.families[0]);
      fits = std::any_of(r.families.begin(), r.families.end(),
                         [&](const std::string& f) { return FoldLower(f) == want; });
    }
    if (fits && !c.source.empty() && c.journal.empty() && c.families.empty()) {
      fits = std::find(body.begin(), body.end(), static_cast<int>(i)) != body.end();
    }
    if (fits) pool.push_back(static_cast<int>(i));
  }
  // An article entry and its library copy are one work: keep the article's.
  pool.erase(std::remove_if(pool.begin(), pool.end(),
                            [&](int i) {
                              int twin = static_cast<std::size_t>(i) < same_as.size()
                                             ? same_as[static_cast<std::size_t>(i)]
                                             : -1;
                              return twin >= 0 && twin < i &&
                                     std::find(pool.begin(), pool.end(), twin) != pool.end();
                            }),
             pool.end());
  if (c.year && pool.size() > 1) {
    std::vector<int> dated;
    for (int i : pool) {
      if (entries[static_cast<std::size_t>(i)].year == c.year) dated.push_back(i);
    }
    if (!dated.empty()) pool = dated;
  }
  if (pool.size() == 1) return pool[0];
  std::vector<int> close;
  auto ranked = res.Describe(description, acronyms, pool.empty() ? nullptr : &pool);
  return Resolver::Clear(ranked, opt, &close);
}

void ResolveOne(const Resolver& res, const std::vector<int>& same_as, const CitationInput& in,
                const std::vector<int>& next_sentences, const AcronymMap& acronyms,
                const cite::DescribeOptions& opt, Citation* c) {
  int family_only = -1;
  switch (c->kind) {
    case CitationKind::kDescribed: {
      std::string description(
          SentenceText(in.doc, in.sentences[static_cast<std::size_t>(c->sentence)]));
      for (int n : next_sentences) {
        description += " ";
        description += SentenceText(in.doc, in.sentences[static_cast<std::size_t>(n)]);
      }
      c->resolved = ResolveDescribed(res, same_as, description, acronyms, opt, *c);
      c->by_description = c->resolved >= 0;
      break;
    }
    case CitationKind::kAuthorYear:
      c->resolved = res.ByAuthorYear(c->families, c->year, c->year_suffix, &family_only);
      if (c->resolved < 0) c->resolved = family_only;  // the year is checked later
      break;
    case CitationKind::kNumbered:
      c->resolved = c->numbers.empty() ? -1 : res.ByNumber(c->numbers[0]);
      break;
    case CitationKind::kFootnote:
      c->resolved = res.ByFootnote(c->label);
      break;
    case CitationKind::kDoi:
      c->resolved = res.ByDoi(c->doi);
      break;
    case CitationKind::kPmid:
      c->resolved = res.ByPmid(c->pmid);
      break;
    case CitationKind::kLink:
      c->resolved = res.ByPmcid(c->pmcid);
      if (c->resolved < 0 && !c->doi.empty()) c->resolved = res.ByDoi(c->doi);
      if (c->resolved < 0 && !c->url.empty()) c->resolved = res.ByUrl(c->url);
      break;
    case CitationKind::kQuotedTitle:
      c->resolved = res.ByTitle(c->title, 0.8);
      break;
    case CitationKind::kNamedSource: {
      std::vector<int> body = res.ByBody(c->source);
      if (!c->code.empty()) {
        std::vector<int> coded = res.ByCode(c->code, body.empty() ? nullptr : &body);
        if (!coded.empty()) body = coded;
      }
      if (body.size() == 1) {
        c->resolved = body[0];
        c->candidates = body;
      } else if (body.size() > 1) {
        std::string description(
            SentenceText(in.doc, in.sentences[static_cast<std::size_t>(c->sentence)]));
        auto ranked = res.Describe(description, acronyms, &body);
        std::vector<int> close;
        c->resolved = Resolver::Clear(ranked, opt, &close);
        c->by_description = c->resolved >= 0;
        // Every guideline of the body stays a candidate: "the NICE guidelines"
        // may mean any of them.
        for (const auto& s : ranked) c->candidates.push_back(s.entry);
        for (int b : body) {
          if (std::find(c->candidates.begin(), c->candidates.end(), b) == c->candidates.end()) {
            c->candidates.push_back(b);
          }
        }
      }
      break;
    }
    case CitationKind::kVague: {
      std::string description(
          SentenceText(in.doc, in.sentences[static_cast<std::size_t>(c->sentence)]));
      for (int n : next_sentences) {
        description += " ";
        description += SentenceText(in.doc, in.sentences[static_cast<std::size_t>(n)]);
      }
      auto ranked = res.Describe(description, acronyms, nullptr);
      std::vector<int> close;
      c->resolved = Resolver::Clear(ranked, opt, &close);
      c->by_description = c->resolved >= 0;
      c->candidates = close;
      break;
    }
  }
}

// Citations of one block by byte range: the ones a range overlaps, found by
// binary search rather than by looking at all of them.
class OverlapIndex {
 public:
  void Add(std::size_t k, const Citation& c) { items_.push_back({c.begin, c.end, k}); }
  void Build(const std::vector<Citation>&) {
    std::sort(items_.begin(), items_.end(),
              [](const Item& a, const Item& b) { return a.begin < b.begin; });
    max_end_.resize(items_.size());
    std::size_t m = 0;
    for (std::size_t i = 0; i < items_.size(); ++i) max_end_[i] = m = std::max(m, items_[i].end);
  }
  // Indices of the citations whose range (as added) overlaps [begin, end).
  std::vector<std::size_t> Overlapping(std::size_t begin, std::size_t end) const {
    std::vector<std::size_t> out;
    // The first item whose range, or an earlier one's, reaches past `begin`.
    auto from = std::upper_bound(max_end_.begin(), max_end_.end(), begin) - max_end_.begin();
    for (auto i = static_cast<std::size_t>(from); i < items_.size() && items_[i].begin < end; ++i) {
      if (items_[i].end > begin) out.push_back(items_[i].k);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  struct Item {
    std::size_t begin, end, k;
  };
  std::vector<Item> items_;
  std::vector<std::size_t> max_end_;
};
// A citation that lets a reader reach its source.
bool Cites(const Citation& c, bool nothing_to_resolve) {
  if (c.kind == CitationKind::kVague) return false;
  if (c.kind == CitationKind::kNamedSource && c.code.empty()) return false;
  if (c.resolved >= 0 || c.kind == CitationKind::kDoi || c.kind == CitationKind::kPmid ||
      c.kind == CitationKind::kDescribed || !c.pmcid.empty()) {
    return true;
  }
  if (c.kind == CitationKind::kLink && c.evidence_host) return true;
  return nothing_to_resolve && c.kind == CitationKind::kAuthorYear && c.year != 0;
}

// A sentence that ends with a colon and leads into a list ("Studies have
// found:") is cited when every item of the list carries a citation.
void MarkLeadIns(const CitationInput& in, const std::vector<std::vector<int>>& by_block,
                 const std::set<int>& skip, CitationAnalysis* a) {
  const Document& doc = in.doc;
  a->lead_in_cited.assign(in.sentences.size(), 0);
  std::vector<char> cites(in.sentences.size(), 0);
  bool nothing = a->entries.empty();
  for (const Citation& c : a->citations) {
    if (c.sentence >= 0 && Cites(c, nothing)) cites[static_cast<std::size_t>(c.sentence)] = 1;
  }
  for (std::size_t b = 0; b + 1 < doc.blocks.size(); ++b) {
    if (skip.count(static_cast<int>(b)) || by_block[b].empty()) continue;
    int last = by_block[b].back();
    std::string_view t = TrimView(SentenceText(doc, in.sentences[static_cast<std::size_t>(last)]));
    if (t.empty() || t.back() != ':') continue;
    int depth = doc.blocks[b].list_depth;
    std::size_t items = 0;
    bool all = true;
    for (std::size_t k = b + 1; k < doc.blocks.size(); ++k) {
      const Block& item = doc.blocks[k];
      if (item.kind != BlockKind::kListItem || item.list_depth <= depth) break;
      if (item.list_depth > depth + 1) continue;  // a nested item belongs to its parent
      ++items;
      bool cited = false;
      // An item's nested items may carry its citation.
      for (std::size_t j = k; j < doc.blocks.size() && !cited; ++j) {
        if (j > k &&
            (doc.blocks[j].kind != BlockKind::kListItem || doc.blocks[j].list_depth <= depth + 1)) {
          break;
        }
        for (int si : by_block[j]) cited = cited || cites[static_cast<std::size_t>(si)];
      }
      all = all && cited;
    }
    if (items > 0 && all) a->lead_in_cited[static_cast<std::size_t>(last)] = 1;
  }
}

}  // namespace

namespace cite {

std::vector<int> FollowingReferrers(const Document& doc, const std::vector<Sentence>& sentences,
                                    const std::vector<int>& of_block, int sentence) {
  std::vector<int> out;
  auto it = std::find(of_block.begin(), of_block.end(), sentence);
  if (it == of_block.end()) return out;
  for (++it; it != of_block.end(); ++it) {
    if (!RefersBack(SentenceText(doc, sentences[static_cast<std::size_t>(*it)]))) break;
    out.push_back(*it);
  }
  return out;
}

std::vector<std::vector<int>> SentencesByBlock(const Document& doc,
                                               const std::vector<Sentence>& sentences) {
  std::vector<std::vector<int>> by_block(doc.blocks.size());
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    int b = sentences[i].block;
    if (b >= 0 && static_cast<std::size_t>(b) < by_block.size()) {
      by_block[static_cast<std::size_t>(b)].push_back(static_cast<int>(i));
    }
  }
  return by_block;
}

AcronymMap DocumentAcronyms(const Document& doc) {
  AcronymMap acronyms;
  for (const Block& b : doc.blocks) FindAcronyms(b.text, &acronyms);
  return acronyms;
}

}  // namespace cite

std::pair<std::size_t, std::size_t> CitationAnalysis::OfSentence(int sentence) const {
  auto first = std::partition_point(citations.begin(), citations.end(),
                                    [&](const Citation& c) { return c.sentence < sentence; });
  auto last = std::partition_point(first, citations.end(),
                                   [&](const Citation& c) { return c.sentence <= sentence; });
  return {static_cast<std::size_t>(first - citations.begin()),
          static_cast<std::size_t>(last - citations.begin())};
}

bool CitationAnalysis::Supported(int sentence) const {
  bool nothing_to_resolve = entries.empty();
  auto [first, last] = OfSentence(sentence);
  for (std::size_t k = first; k < last; ++k) {
    const Citation& c = citations[k];
    if (c.sentence != sentence || c.kind == CitationKind::kVague) continue;
    // "The NICE guidelines" alone does not let a reader check anything, even
    // when the library holds one of them; a number or a link does.
    if (c.kind == CitationKind::kNamedSource && c.code.empty()) continue;
    if (c.resolved >= 0) return true;
    // A description that names its source ("a 2019 trial published in The
    // Lancet") lets a reader find it, though no list holds it.
    if (c.kind == CitationKind::kDescribed) return true;
    if (c.kind == CitationKind::kDoi || c.kind == CitationKind::kPmid || !c.pmcid.empty())
      return true;
    if (c.kind == CitationKind::kLink && c.evidence_host) return true;
    // With no library and no reference list a specific author-year citation
    // cannot be checked; it still names its source.
    if (nothing_to_resolve && c.kind == CitationKind::kAuthorYear && c.year != 0) return true;
  }
  return sentence >= 0 && static_cast<std::size_t>(sentence) < lead_in_cited.size() &&
         lead_in_cited[static_cast<std::size_t>(sentence)];
}

CitationAnalysis AnalyzeCitations(const CitationInput& in) {
  CitationAnalysis a;
  const Document& doc = in.doc;
  std::vector<int> ref_blocks;
  a.entries = cite::FindArticleReferences(doc, &ref_blocks);
  a.article_entries = static_cast<int>(a.entries.size());
  a.entries.insert(a.entries.end(), in.library.entries.begin(), in.library.entries.end());
  LinkTwins(&a);
  std::set<int> skip(ref_blocks.begin(), ref_blocks.end());
  a.reference_blocks.assign(skip.begin(), skip.end());
  std::vector<std::vector<int>> by_block = cite::SentencesByBlock(in.doc, in.sentences);
  AcronymMap acronyms = cite::DocumentAcronyms(doc);

  // Citations written in the text, links and footnote references, up to
  // limits::kCitations: every later stage costs at least their number.
  auto full = [&](int block, std::size_t offset) {
    if (a.citations.size() < limits::kCitations) return false;
    if (!a.citations_truncated) {
      a.citations_truncated = true;
      a.truncated_block = block;
      a.truncated_offset = offset;
    }
    return true;
  };
  for (std::size_t si = 0; si < in.sentences.size() && !a.citations_truncated; ++si) {
    const Sentence& s = in.sentences[si];
    if (skip.count(s.block)) continue;
    const Block& block = doc.blocks[static_cast<std::size_t>(s.block)];
    for (Citation& c : cite::ExtractFromText(SentenceText(doc, s))) {
      if (full(s.block, s.begin + c.begin)) break;
      bool heading = block.kind == BlockKind::kHeading;
      if (heading && (c.kind == CitationKind::kVague || c.kind == CitationKind::kNamedSource ||
                      c.kind == CitationKind::kQuotedTitle)) {
        continue;
      }
      c.block = s.block;
      c.begin += s.begin;
      c.end += s.begin;
      c.complement += s.begin;
      c.complement_end += s.begin;
      c.sentence = static_cast<int>(si);
      a.citations.push_back(std::move(c));
    }
  }
  // The citations found in each block's text, so that a link or a footnote
  // reference looks only at those of its own block that it overlaps (links
  // and footnote references do not overlap one another, so the citations
  // they add need no looking at): a paragraph of thousands of links would
  // otherwise cost their number squared.
  std::vector<OverlapIndex> in_block(doc.blocks.size());
  for (std::size_t k = 0; k < a.citations.size(); ++k) {
    in_block[static_cast<std::size_t>(a.citations[k].block)].Add(k, a.citations[k]);
  }
  for (OverlapIndex& index : in_block) index.Build(a.citations);
  // Links: the text of a link is the citation's words; its destination says
  // what it cites.
  for (const Link& l : doc.links) {
    if (l.block < 0 || skip.count(l.block)) continue;
    if (full(l.block, l.text_begin)) break;
    const std::vector<int>& of_block = by_block[static_cast<std::size_t>(l.block)];
    int si = SentenceAt(in.sentences, of_block, l.text_begin);
    if (si < 0) continue;
    UrlInfo info = ClassifyUrl(l.destination);
    bool fragment = !l.destination.empty() && l.destination[0] == '#';
    Citation c;
    c.block = l.block;
    c.begin = l.text_begin;
    c.end = l.text_end;
    c.sentence = si;
    c.text = l.text;
    bool digits =
        !l.text.empty() && l.text.size() <= 3 &&
        std::all_of(l.text.begin(), l.text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    if (fragment && digits) {
      c.kind = CitationKind::kNumbered;
      c.numbers.push_back(std::stoi(l.text));
    } else if (fragment || l.destination.rfind("mailto:", 0) == 0) {
      continue;
    } else {
      c.kind = cite::CitationKindOf(info.kind);
      c.url = l.destination;
      c.doi = info.doi;
      c.pmid = info.pmid;
      c.pmcid = info.pmcid;
      c.evidence_host = info.evidence_host;
      c.source = info.body;
    }
    // A citation already found in the link's text (an autolink, "[3]") is
    // the same citation: complete it rather than add another.
    bool merged = false;
    for (std::size_t k : in_block[static_cast<std::size_t>(c.block)].Overlapping(c.begin, c.end)) {
      Citation& t = a.citations[k];
      if (t.block != c.block || !(t.begin < c.end && c.begin < t.end)) continue;
      if (t.kind == CitationKind::kVague || t.kind == CitationKind::kNamedSource) {
        // "the NHS website" as a link's text: the link names the page.
        t = c;
      } else {
        if (t.url.empty()) t.url = c.url;
        if (t.doi.empty()) t.doi = c.doi;
        if (t.pmid.empty()) t.pmid = c.pmid;
        if (t.pmcid.empty()) t.pmcid = c.pmcid;
        t.evidence_host = t.evidence_host || c.evidence_host;
      }
      merged = true;
    }
    if (!merged) a.citations.push_back(std::move(c));
  }
  // Footnote references: the document model knows their labels.
  for (const FootnoteRef& f : doc.footnote_refs) {
    if (f.block < 0 || skip.count(f.block)) continue;
    if (full(f.block, f.text_begin)) break;
    bool found = false;
    for (std::size_t k :
         in_block[static_cast<std::size_t>(f.block)].Overlapping(f.text_begin, f.text_end)) {
      Citation& t = a.citations[k];
      if (t.block == f.block && t.kind == CitationKind::kFootnote && t.begin < f.text_end &&
          f.text_begin < t.end) {
        t.label = f.label;
        found = true;
      }
    }
    if (found) continue;
    const std::vector<int>& of_block = by_block[static_cast<std::size_t>(f.block)];
    Citation c;
    c.kind = CitationKind::kFootnote;
    c.block = f.block;
    c.begin = f.text_begin;
    c.end = f.text_end;
    c.sentence = SentenceAt(in.sentences, of_block, f.text_begin);
    c.label = f.label;
    c.text = "[^" + f.label + "]";
    if (c.sentence >= 0) a.citations.push_back(std::move(c));
  }

  // Resolution.
  Resolver res(a.entries, static_cast<std::size_t>(a.article_entries));
  const cite::DescribeOptions& opt = in.describe;
  for (Citation& c : a.citations) {
    const std::vector<int>& of_block = by_block[static_cast<std::size_t>(c.block)];
    bool described = c.kind == CitationKind::kVague || c.kind == CitationKind::kDescribed;
    std::vector<int> next =
        described ? cite::FollowingReferrers(in.doc, in.sentences, of_block, c.sentence)
                  : std::vector<int>();
    ResolveOne(res, a.same_as, in, next, acronyms, opt, &c);
  }
  a.describe_budget_spent = res.describe_budget_spent();
  // Drop what is not a citation after all: links to ordinary pages, quotes
  // that match no title and were not introduced as one, and vague phrases
  // in a sentence that also names its source.
  std::set<std::string> footnotes;
  for (const Block& b : doc.blocks) {
    if (b.kind == BlockKind::kFootnoteDefinition) footnotes.insert(b.footnote_label);
  }
  std::set<int> specific;
  for (const Citation& c : a.citations) {
    if (IsSpecific(c, footnotes)) specific.insert(c.sentence);
  }
  a.citations.erase(std::remove_if(a.citations.begin(), a.citations.end(),
                                   [&](const Citation& c) {
                                     if (c.kind == CitationKind::kLink)
                                       return c.resolved < 0 && !c.evidence_host &&
                                              c.source.empty();
                                     if (c.kind == CitationKind::kQuotedTitle)
                                       return c.resolved < 0 && !c.introduced;
                                     if (c.kind == CitationKind::kVague)
                                       return specific.count(c.sentence) > 0;
                                     return false;
                                   }),
                    a.citations.end());
  std::stable_sort(a.citations.begin(), a.citations.end(),
                   [](const Citation& x, const Citation& y) {
                     if (x.sentence != y.sentence) return x.sentence < y.sentence;
                     return x.begin < y.begin;
                   });
  MarkLeadIns(in, by_block, skip, &a);
  return a;
}

}  // namespace claimlint
