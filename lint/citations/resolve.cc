#include "lint/citations/resolve.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <set>

#include "lint/citations/extract.h"

namespace claimlint::cite {
namespace {

// A family name folded for comparison, particles and possessives dropped:
// "van der Berg" ~ "Berg", "Müller" ~ "Muller", "Lee’s" ~ "Lee".
std::string FoldFamily(std::string_view name) {
  std::vector<std::string> words = Words(name);
  static const std::set<std::string> kParticles = {"van", "von",   "de", "der", "den",
                                                   "del", "della", "da", "di",  "du",
                                                   "dos", "le",    "la", "ter", "ten"};
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (kParticles.count(words[i]) && i + 1 < words.size()) continue;
    if (words[i] == "s" && i + 1 == words.size() && i > 0) continue;  // possessive
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

// True when a cited name ("NICE", "WHO") names an entry's corporate author.
bool NamesInstitution(std::string_view cited, const Reference& r) {
  std::string body = CanonicalBody(cited);
  for (const std::string* s : {&r.institution, &r.publisher}) {
    if (s->empty()) continue;
    if (!body.empty() && CanonicalBody(*s) == body) return true;
    if (FoldFamily(*s) == FoldFamily(cited)) return true;
  }
  for (const std::string& f : r.families) {
    if (!body.empty() && CanonicalBody(f) == body) return true;
  }
  return false;
}

std::string CompactUpper(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '-') continue;
    out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  }
  return out;
}

}  // namespace

namespace {

std::shared_ptr<TermIndex> BuildIndex(const Reference* begin, std::size_t n) {
  auto index = std::make_shared<TermIndex>();
  for (const Reference* r = begin; r != begin + n; ++r) {
    AcronymMap acronyms;
    std::string text = r->title + ". " + r->abstract;
    FindAcronyms(text, &acronyms);
    index->terms.push_back(ContentTerms(text, &acronyms));
    index->title_terms.push_back(ContentTerms(r->title, &acronyms));
    index->first_families.push_back(r->families.empty() ? std::string()
                                                        : FoldFamily(r->families[0]));
    for (const std::string& t : index->terms.back()) ++index->df[t];
  }
  return index;
}

std::size_t ContentHash(const Reference* begin, std::size_t n) {
  std::size_t h = n;
  auto mix = [&](std::string_view s) {
    h ^= std::hash<std::string_view>()(s) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  };
  for (const Reference* r = begin; r != begin + n; ++r) {
    mix(r->id);
    mix(r->title);
    mix(r->abstract);
    for (const std::string& f : r->families) mix(f);
  }
  return h;
}

}  // namespace

std::shared_ptr<const TermIndex> IndexOf(const Reference* begin, std::size_t n) {
  if (n == 0) return std::make_shared<TermIndex>();
  struct Cached {
    std::size_t hash, n;
    std::shared_ptr<const TermIndex> index;
  };
  static std::mutex* mu = new std::mutex();
  static std::vector<Cached>* cache = new std::vector<Cached>();
  std::size_t h = ContentHash(begin, n);
  {
    std::lock_guard<std::mutex> lock(*mu);
    for (const Cached& c : *cache) {
      if (c.hash == h && c.n == n) return c.index;
    }
  }
  std::shared_ptr<const TermIndex> index = BuildIndex(begin, n);
  std::lock_guard<std::mutex> lock(*mu);
  if (cache->size() >= 4) cache->erase(cache->begin());  // a few libraries per run at most
  cache->push_back({h, n, index});
  return index;
}

Resolver::Resolver(const std::vector<Reference>& entries, std::size_t article_count,
                   std::size_t describe_budget)
    : entries_(entries),
      article_count_(std::min(article_count, entries.size())),
      describe_budget_(describe_budget) {}

// The indexes are built on first use: most citations never need them.
void Resolver::Index() const {
  if (article_) return;
  article_ = BuildIndex(entries_.data(), article_count_);
  library_ = IndexOf(entries_.data() + article_count_, entries_.size() - article_count_);
}

const std::vector<std::string>& Resolver::Terms(std::size_t i) const {
  Index();
  return i < article_count_ ? article_->terms[i] : library_->terms[i - article_count_];
}

const std::vector<std::string>& Resolver::TitleTerms(std::size_t i) const {
  Index();
  return i < article_count_ ? article_->title_terms[i] : library_->title_terms[i - article_count_];
}

const std::string& Resolver::FirstFamily(std::size_t i) const {
  Index();
  return i < article_count_ ? article_->first_families[i]
                            : library_->first_families[i - article_count_];
}

double Resolver::Idf(const std::string& term) const {
  auto cached = idf_.find(term);
  if (cached != idf_.end()) return cached->second;
  return idf_[term] = ComputeIdf(term);
}

double Resolver::ComputeIdf(const std::string& term) const {
  Index();
  double n = static_cast<double>(entries_.size());
  int df = 0;
  for (const TermIndex* index : {article_.get(), library_.get()}) {
    auto it = index->df.find(term);
    if (it != index->df.end()) df += it->second;
  }
  if (df == 0) return std::log(1.0 + 2.0 * n);
  return std::log(1.0 + n / df);
}

int Resolver::ByAuthorYear(const std::vector<std::string>& families, int year,
                           std::string_view suffix, int* family_only) const {
  *family_only = -1;
  if (families.empty()) return -1;
  if (!family_index_) {
    family_index_ = true;
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      if (entries_[i].families.empty()) {
        no_family_.push_back(static_cast<int>(i));
      } else {
        by_family_[FirstFamily(i)].push_back(static_cast<int>(i));
      }
    }
  }
  std::vector<int> cands;
  auto named = by_family_.find(FoldFamily(families[0]));
  if (named != by_family_.end()) cands = named->second;
  for (int i : no_family_) {
    if (NamesInstitution(families[0], entries_[static_cast<std::size_t>(i)])) cands.push_back(i);
  }
  std::sort(cands.begin(), cands.end());
  if (families.size() >= 2) {
    std::vector<int> second;
    for (int i : cands) {
      const Reference& r = entries_[static_cast<std::size_t>(i)];
      if (r.families.size() >= 2 && FoldFamily(r.families[1]) == FoldFamily(families[1])) {
        second.push_back(i);
      }
    }
    if (!second.empty()) cands = second;
  }
  std::vector<int> exact;
  for (int i : cands) {
    if (entries_[static_cast<std::size_t>(i)].year == year) exact.push_back(i);
  }
  if (exact.empty()) {
    std::set<std::string> ids;
    for (int i : cands) ids.insert(entries_[static_cast<std::size_t>(i)].id);
    // An article entry and its library copy are one work.
    if (ids.size() == 1 || cands.size() == 1) *family_only = cands[0];
    return -1;
  }
  if (exact.size() > 1 && !suffix.empty()) {
    // Article entries first, as they come; then a/b by year-suffix or title.
    std::vector<int> sorted = exact;
    std::stable_sort(sorted.begin(), sorted.end(), [&](int a, int b) {
      const Reference& ra = entries_[static_cast<std::size_t>(a)];
      const Reference& rb = entries_[static_cast<std::size_t>(b)];
      if (ra.from_article != rb.from_article) return ra.from_article;
      if (!ra.year_suffix.empty() && !rb.year_suffix.empty())
        return ra.year_suffix < rb.year_suffix;
      return NormalizeTitle(ra.title) < NormalizeTitle(rb.title);
    });
    for (int i : sorted) {
      if (entries_[static_cast<std::size_t>(i)].year_suffix == suffix) return i;
    }
    std::size_t k = static_cast<std::size_t>(suffix[0] - 'a');
    // Suffixes count works, not copies: skip article entries' library twins.
    std::vector<int> works;
    std::set<std::string> titles;
    for (int i : sorted) {
      if (titles.insert(NormalizeTitle(entries_[static_cast<std::size_t>(i)].title)).second) {
        works.push_back(i);
      }
    }
    if (k < works.size()) return works[k];
  }
  return exact[0];
}

void Resolver::IndexArticle() const {
  if (article_index_) return;
  article_index_ = true;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const Reference& r = entries_[i];
    if (!r.from_article) continue;
    if (r.footnote_label.empty()) {
      by_number_.emplace(r.list_number, static_cast<int>(i));  // the first one wins
    } else {
      by_footnote_.emplace(r.footnote_label, static_cast<int>(i));
    }
  }
}

int Resolver::ByNumber(int number) const {
  IndexArticle();
  auto it = by_number_.find(number);
  return it == by_number_.end() ? -1 : it->second;
}

int Resolver::ByFootnote(std::string_view label) const {
  IndexArticle();
  auto it = by_footnote_.find(std::string(label));
  return it == by_footnote_.end() ? -1 : it->second;
}

int Resolver::ByDoi(std::string_view doi) const {
  std::string d = NormalizeDoi(doi);
  if (d.empty()) return -1;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (!entries_[i].doi.empty() && NormalizeDoi(entries_[i].doi) == d) return static_cast<int>(i);
  }
  return -1;
}

int Resolver::ByPmid(std::string_view pmid) const {
  if (pmid.empty()) return -1;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (entries_[i].pmid == pmid) return static_cast<int>(i);
  }
  return -1;
}

int Resolver::ByPmcid(std::string_view pmcid) const {
  if (pmcid.empty()) return -1;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (CompactUpper(entries_[i].pmcid) == CompactUpper(pmcid)) return static_cast<int>(i);
  }
  return -1;
}

int Resolver::ByUrl(std::string_view url) const {
  std::string u = NormalizeUrl(url);
  if (u.empty()) return -1;
  int best = -1;
  std::size_t best_len = 0;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (entries_[i].url.empty()) continue;
    std::string e = NormalizeUrl(entries_[i].url);
    bool match = u == e || (u.size() > e.size() && u.compare(0, e.size(), e) == 0 &&
                            (u[e.size()] == '/' || u[e.size()] == '?'));
    if (match && e.size() > best_len) {
      best = static_cast<int>(i);
      best_len = e.size();
    }
  }
  return best;
}

int Resolver::ByTitle(std::string_view title, double min_similarity) const {
  int best = -1;
  double best_sim = 0;
  std::string norm = NormalizeTitle(title);
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (entries_[i].title.empty()) continue;
    double sim =
        NormalizeTitle(entries_[i].title) == norm ? 1.0 : TitleSimilarity(title, entries_[i].title);
    if (sim > best_sim) {
      best_sim = sim;
      best = static_cast<int>(i);
    }
  }
  return best_sim >= min_similarity ? best : -1;
}

std::vector<int> Resolver::ByBody(std::string_view body) const {
  std::vector<int> out;
  if (body.empty()) return out;
  const std::vector<std::string>& hosts = BodyHosts(body);
  const std::vector<std::string>& names = BodyNames(body);
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const Reference& r = entries_[i];
    bool match = NamesInstitution(body, r);
    if (!match && !r.url.empty()) {
      UrlInfo info = ClassifyUrl(r.url);
      for (const std::string& h : hosts)
        match = match || info.host == h ||
                (info.host.size() > h.size() &&
                 info.host.compare(info.host.size() - h.size(), h.size(), h) == 0);
    }
    // "Cochrane Database of Systematic Reviews" is Cochrane's.
    for (const std::string& n : names) {
      bool acronym = std::all_of(n.begin(), n.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
      if (acronym || match) continue;
      std::string folded = " " + NormalizeTitle(n) + " ";
      for (const std::string* s : {&r.journal, &r.publisher, &r.institution}) {
        if (!s->empty() && (" " + NormalizeTitle(*s) + " ").find(folded) != std::string::npos) {
          match = true;
        }
      }
    }
    if (match) out.push_back(static_cast<int>(i));
  }
  return out;
}

std::vector<int> Resolver::ByCode(std::string_view code, const std::vector<int>* among) const {
  std::vector<int> out;
  std::string c = CompactUpper(code);
  if (c.empty()) return out;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (among && std::find(among->begin(), among->end(), static_cast<int>(i)) == among->end()) {
      continue;
    }
    const Reference& r = entries_[i];
    bool match = CompactUpper(r.report_number) == c;
    if (!match && !r.url.empty()) {
      std::string u = CompactUpper(NormalizeUrl(r.url));
      match = u.size() > c.size() && u.compare(u.size() - c.size(), c.size(), c) == 0 &&
              u[u.size() - c.size() - 1] == '/';
    }
    if (!match) {
      for (const std::string& w : Words(r.title)) match = match || CompactUpper(w) == c;
    }
    if (match) out.push_back(static_cast<int>(i));
  }
  return out;
}

std::vector<ScoredEntry> Resolver::Describe(std::string_view description,
                                            const AcronymMap& acronyms,
                                            const std::vector<int>* among) const {
  std::vector<ScoredEntry> ranked;
  std::size_t work = among ? among->size() : entries_.size();
  if (describe_spent_ || describe_work_ + work > describe_budget_) {
    describe_spent_ = true;
    return ranked;
  }
  describe_work_ += work;
  std::vector<std::string> query = ContentTerms(description, &acronyms);
  double qmass = 0;
  for (const std::string& t : query) qmass += Idf(t);
  if (qmass <= 0) return ranked;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (among && std::find(among->begin(), among->end(), static_cast<int>(i)) == among->end()) {
      continue;
    }
    const std::vector<std::string>& terms = Terms(i);
    const std::vector<std::string>& title = TitleTerms(i);
    if (terms.empty()) continue;
    ScoredEntry s;
    s.entry = static_cast<int>(i);
    double hit = 0, tmass = 0, thit = 0;
    for (const std::string& t : query) {
      if (std::find(terms.begin(), terms.end(), t) != terms.end()) {
        hit += Idf(t);
        ++s.matched;
      }
    }
    for (const std::string& t : title) {
      tmass += Idf(t);
      if (std::find(query.begin(), query.end(), t) != query.end()) thit += Idf(t);
    }
    s.coverage = hit / qmass;
    s.title_coverage = tmass > 0 ? thit / tmass : 0;
    double sum = s.coverage + s.title_coverage;
    s.score = sum > 0 ? 2 * s.coverage * s.title_coverage / sum : 0;
    ranked.push_back(s);
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const ScoredEntry& a, const ScoredEntry& b) { return a.score > b.score; });
  return ranked;
}

int Resolver::Clear(const std::vector<ScoredEntry>& ranked, const DescribeOptions& opt,
                    std::vector<int>* close) {
  close->clear();
  if (ranked.empty()) return -1;
  const ScoredEntry& best = ranked[0];
  if (best.score < opt.min_score || best.matched < opt.min_terms) return -1;
  double second = ranked.size() > 1 ? ranked[1].score : 0;
  for (const ScoredEntry& s : ranked) {
    if (s.score >= best.score - opt.margin && s.matched >= opt.min_terms) close->push_back(s.entry);
  }
  if (best.score - second >= opt.margin) return best.entry;
  return -1;
}

std::string FirstAuthor(const Reference& r) {
  if (!r.families.empty()) return r.families[0];
  if (!r.institution.empty()) {
    std::string body = CanonicalBody(r.institution);
    return body.empty() ? r.institution : body;
  }
  return r.publisher;
}

std::string ShortCite(const Reference& r) {
  std::string s;
  if (r.families.size() >= 3) {
    s = r.families[0] + " et al.";
  } else if (r.families.size() == 2) {
    s = r.families[0] + " and " + r.families[1];
  } else {
    s = FirstAuthor(r);
  }
  if (!r.report_number.empty()) s += (s.empty() ? "" : " ") + r.report_number;
  if (r.year) s += (s.empty() ? "" : " ") + std::to_string(r.year);
  if (s.empty()) s = r.title;
  return s;
}

}  // namespace claimlint::cite
