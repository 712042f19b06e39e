// The citation.* checks, over a CitationAnalysis. Each check runs only when
// its rule is loaded (so that --disable and config can switch it off), and
// reports with the rule's message, where {match} is the citation's words and
// {entry}, {detail}, {quote} are filled as each rule documents.
#include "lint/checks/citation_checks.h"

#include <algorithm>
#include <map>
#include <set>

#include "lint/citations/analysis.h"
#include "lint/citations/extract.h"
#include "lint/citations/helpers.h"
#include "lint/citations/strength.h"
#include "lint/references/journal.h"
#include "lint/text/strings.h"

namespace claimlint {
namespace {

using cite::ClaimReading;
using cite::Strength;

std::string Replace(std::string s, std::string_view key, std::string_view value) {
  for (std::size_t p = s.find(key); p != std::string::npos; p = s.find(key, p + value.size())) {
    s.replace(p, key.size(), value);
  }
  return s;
}

// "Johnston et al. 2021 (johnston2021)", "Lee et al. 2013 (reference 3)".
std::string EntryName(const Reference& r) {
  std::string where = r.id;
  if (r.from_article) {
    where = !r.footnote_label.empty() ? "footnote " + r.footnote_label
            : r.list_number           ? "reference " + std::to_string(r.list_number)
                                      : "the article's reference list";
  }
  return cite::ShortCite(r) + " (" + where + ")";
}

class Checker {
 public:
  Checker(const CheckInput& in, const CitationAnalysis& a)
      : in_(in),
        a_(a),
        by_block_(cite::SentencesByBlock(in.doc, in.sentences)),
        acronyms_(cite::DocumentAcronyms(in.doc)) {}

  std::vector<Finding> Run() {
    CheckCitationsInText();
    CheckArticleEntries();
    CheckOverstated();
    CheckContradicted();
    if (a_.describe_budget_spent) out_.push_back(BudgetFinding());
    return std::move(out_);
  }

 private:
  // Said once, at the top of the file, so that a reader knows why some vague
  // citations in a very large file name no likely source.
  Finding BudgetFinding() const {
    Finding f;
    f.rule = "meta.citation-budget";
    f.category = Category::kMeta;
    f.severity = Severity::kWarning;
    f.message =
        "too many citations and reference entries in one file: vague citations past "
        "the limit were not matched to entries by their words";
    f.suggestion = "Split the file, or check that it is an article.";
    return f;
  }

  // The rule bound to a check, or null when none is loaded (the check is off).
  const Rule* RuleFor(std::string_view check) const {
    const std::vector<int>& bound = in_.rules.BoundTo(check);
    return bound.empty() ? nullptr : &in_.rules.rules()[static_cast<std::size_t>(bound.front())];
  }

  std::string_view Text(int si) const {
    return SentenceText(in_.doc, in_.sentences[static_cast<std::size_t>(si)]);
  }

  // A finding on [b, e) of a block's text.
  Finding& Emit(const Rule& rule, int block, std::size_t b, std::size_t e, int sentence,
                const std::map<std::string, std::string>& fields) {
    const Block& blk = in_.doc.blocks[static_cast<std::size_t>(block)];
    std::string match = blk.text.substr(b, e - b);
    std::size_t sb = blk.map.SourceBegin(b);
    std::size_t se = std::max(sb, blk.map.SourceEnd(e));
    Finding f = MakeFinding(rule, match, sb, se);
    for (const auto& [k, v] : fields) {
      f.message = Replace(f.message, k, v);
      f.suggestion = Replace(f.suggestion, k, v);
    }
    if (sentence >= 0) f.sentence = std::string(Text(sentence));
    out_.push_back(std::move(f));
    return out_.back();
  }

  Finding& EmitCitation(const Rule& rule, const Citation& c,
                        const std::map<std::string, std::string>& fields) {
    return Emit(rule, c.block, c.begin, c.end, c.sentence, fields);
  }

  const Reference& Entry(int i) const { return a_.entries[static_cast<std::size_t>(i)]; }

  // The entry that says what the source says: itself, or its library twin
  // when only the twin has an abstract or note.
  int SourceOf(int i) const {
    const Reference& r = Entry(i);
    int twin = a_.same_as.empty() ? -1 : a_.same_as[static_cast<std::size_t>(i)];
    if (r.abstract.empty() && r.note.empty() && twin >= 0) return twin;
    return i;
  }

  // A link, identifier or guideline number given in the same sentence.
  bool SentenceHasIdentifier(int sentence, const Citation& self) const {
    auto [first, last] = a_.OfSentence(sentence);
    for (std::size_t k = first; k < last; ++k) {
      const Citation& c = a_.citations[k];
      if (c.sentence != sentence || &c == &self) continue;
      if (c.kind == CitationKind::kVague || c.kind == CitationKind::kNamedSource) continue;
      return true;
    }
    return !self.code.empty();
  }

  std::string Likely(const Citation& c) const {
    if (c.resolved >= 0) return "; it most likely means " + EntryName(Entry(c.resolved));
    if (c.candidates.empty()) return "";
    std::string s = "; it may mean ";
    std::size_t n = std::min<std::size_t>(c.candidates.size(), 3);
    for (std::size_t k = 0; k < n; ++k) {
      if (k) s += k + 1 == n ? " or " : ", ";
      s += EntryName(Entry(c.candidates[k]));
    }
    return s;
  }

  // An attribution that is denied ("No studies have shown"), asked about or
  // supposed is not a citation. Only what comes before its end is read: a
  // negation after it ("research suggests it is unlikely") is about the
  // claim, not about the attribution.
  bool Quiet(const Citation& c) const {
    const claimlint::Sentence& s = in_.sentences[static_cast<std::size_t>(c.sentence)];
    std::string_view text = Text(c.sentence);
    std::string_view trimmed = TrimView(text);
    if (!trimmed.empty() && trimmed.back() == '?') return true;
    std::size_t b = c.begin - s.begin, e = c.end - s.begin;
    Context cx = cite::ClassifySpan(in_.context, text.substr(0, e), b, e);
    return cx == Context::kNegated || cx == Context::kQuestion || cx == Context::kHypothetical;
  }

  void CheckCitationsInText() {
    const Rule* unresolved = RuleFor("citations.unresolved");
    const Rule* vague = RuleFor("citations.vague");
    const Rule* unspecified = RuleFor("citations.source-unspecified");
    const Rule* guideline = RuleFor("citations.guideline-unspecified");
    const Rule* year = RuleFor("citations.year-mismatch");
    const Rule* journal = RuleFor("citations.journal-mismatch");
    const Rule* title = RuleFor("citations.title-mismatch");
    const Rule* missing = RuleFor("citations.numbered-missing");
    bool has_targets = !a_.entries.empty();
    std::set<int> detail_done;
    for (const Citation& c : a_.citations) {
      switch (c.kind) {
        case CitationKind::kAuthorYear:
          if (c.resolved < 0 && unresolved && has_targets) {
            EmitCitation(*unresolved, c, {});
          } else if (c.resolved >= 0 && year && Entry(c.resolved).year != 0 &&
                     Entry(c.resolved).year != c.year) {
            EmitCitation(*year, c,
                         {{"{entry}", EntryName(Entry(c.resolved))},
                          {"{detail}", std::to_string(Entry(c.resolved).year)}});
          }
          break;
        case CitationKind::kNumbered:
          if (missing) {
            std::vector<std::string> absent;
            for (int n : c.numbers) {
              bool found = false;
              for (int i = 0; i < a_.article_entries && !found; ++i) {
                found = Entry(i).footnote_label.empty() && Entry(i).list_number == n;
              }
              if (!found) absent.push_back(std::to_string(n));
            }
            if (!absent.empty()) {
              std::string list;
              for (const std::string& n : absent) list += (list.empty() ? "" : ", ") + n;
              EmitCitation(*missing, c, {{"{detail}", list}});
            }
          }
          break;
        case CitationKind::kFootnote:
          if (c.resolved < 0 && missing && !FootnoteDefined(c.label)) {
            EmitCitation(*missing, c, {{"{detail}", c.label}});
          }
          break;
        case CitationKind::kQuotedTitle:
          // A title beside a resolved citation is that work's title: a wrong
          // one is a title mismatch (below), not an unresolved citation.
          if (c.resolved < 0 && c.introduced && unresolved && has_targets &&
              SentenceEntry(c.sentence) < 0) {
            EmitCitation(*unresolved, c, {});
          }
          break;
        case CitationKind::kVague:
          if (vague && !Quiet(c)) {
            EmitCitation(*vague, c, {{"{likely}", Likely(c)}}).context = "asserted";
          }
          break;
        case CitationKind::kNamedSource: {
          if (SentenceHasIdentifier(c.sentence, c) || Quiet(c)) break;
          const Rule* rule = c.guideline ? guideline : unspecified;
          if (rule) EmitCitation(*rule, c, {{"{likely}", Likely(c)}, {"{detail}", c.source}});
          break;
        }
        case CitationKind::kDoi:
        case CitationKind::kPmid:
        case CitationKind::kLink:
          break;
      }
      if (detail_done.insert(c.sentence).second)
        CheckStatedDetails(c.sentence, year, journal, title);
    }
  }

  bool FootnoteDefined(const std::string& label) const {
    for (const Block& b : in_.doc.blocks) {
      if (b.kind == BlockKind::kFootnoteDefinition && b.footnote_label == label) return true;
    }
    return false;
  }

  // The one work a sentence's specific citations resolve to, or -1.
  int SentenceEntry(int sentence) const {
    std::set<int> works;
    auto [first, last] = a_.OfSentence(sentence);
    for (std::size_t k = first; k < last; ++k) {
      const Citation& c = a_.citations[k];
      if (c.sentence != sentence || c.resolved < 0) continue;
      if (c.kind == CitationKind::kVague || c.kind == CitationKind::kNamedSource ||
          c.kind == CitationKind::kQuotedTitle) {
        continue;
      }
      int twin = a_.same_as.empty() ? -1 : a_.same_as[static_cast<std::size_t>(c.resolved)];
      works.insert(twin >= 0 ? std::min(c.resolved, twin) : c.resolved);
    }
    return works.size() == 1 ? *works.begin() : -1;
  }

  // A journal, a year or a quoted title stated beside a citation, against
  // the entry it resolves to.
  void CheckStatedDetails(int sentence, const Rule* year, const Rule* journal, const Rule* title) {
    int e = SentenceEntry(sentence);
    if (e < 0) return;
    const claimlint::Sentence& s = in_.sentences[static_cast<std::size_t>(sentence)];
    // Read on to the block's end: an abbreviated journal name ("J. Pain
    // Res.") can be cut by the sentence splitter.
    const Block& blk = in_.doc.blocks[static_cast<std::size_t>(s.block)];
    cite::StatedDetails d = cite::FindStatedDetails(std::string_view(blk.text).substr(s.begin));
    std::size_t len = s.end - s.begin;
    if (d.journal_begin >= len) d.journal.clear();
    if (d.year_begin >= len) d.year = 0;
    int twin = a_.same_as.empty() ? -1 : a_.same_as[static_cast<std::size_t>(e)];
    auto same_journal = [&](const std::string& name) {
      bool known = !Entry(e).journal.empty() || !Entry(e).journal_short.empty();
      bool twin_known =
          twin >= 0 && (!Entry(twin).journal.empty() || !Entry(twin).journal_short.empty());
      if (!known && !twin_known) return true;  // nothing to compare with
      return (known && cite::SameJournal(name, Entry(e))) ||
             (twin_known && cite::SameJournal(name, Entry(twin)));
    };
    if (journal && !d.journal.empty() && !same_journal(d.journal)) {
      const Reference& r = Entry(e);
      std::string actual = !r.journal.empty() ? r.journal : r.journal_short;
      if (actual.empty() && twin >= 0) actual = Entry(twin).journal;
      Emit(*journal, s.block, s.begin + d.journal_begin, s.begin + d.journal_end, sentence,
           {{"{entry}", EntryName(r)}, {"{detail}", actual}});
    }
    int actual_year = Entry(e).year ? Entry(e).year : twin >= 0 ? Entry(twin).year : 0;
    if (year && d.year && actual_year && d.year != actual_year) {
      Emit(*year, s.block, s.begin + d.year_begin, s.begin + d.year_end, sentence,
           {{"{entry}", EntryName(Entry(e))}, {"{detail}", std::to_string(actual_year)}});
    }
    if (!title) return;
    auto [first, last] = a_.OfSentence(sentence);
    for (std::size_t k = first; k < last; ++k) {
      const Citation& c = a_.citations[k];
      if (c.sentence != sentence || c.kind != CitationKind::kQuotedTitle) continue;
      const Reference& r = Entry(e);
      std::string actual = r.title.empty() && twin >= 0 ? Entry(twin).title : r.title;
      if (actual.empty()) continue;
      bool same = NormalizeTitle(c.title) == NormalizeTitle(actual) ||
                  TitleSimilarity(c.title, actual) >= 0.8;
      if (!same) {
        EmitCitation(*title, c, {{"{entry}", EntryName(r)}, {"{detail}", actual}});
      }
    }
  }

  // Entries of the article's own list: never cited, no identifier, or at
  // odds with their library copy.
  void CheckArticleEntries() {
    const Rule* uncited = RuleFor("citations.uncited-entry");
    const Rule* no_id = RuleFor("citations.no-identifier");
    const Rule* year = RuleFor("citations.year-mismatch");
    const Rule* journal = RuleFor("citations.journal-mismatch");
    const Rule* title = RuleFor("citations.title-mismatch");
    std::vector<char> cited(a_.entries.size(), 0);
    std::map<int, std::vector<int>> numbered;  // list number -> article entries
    for (int i = 0; i < a_.article_entries; ++i) {
      if (Entry(i).footnote_label.empty()) numbered[Entry(i).list_number].push_back(i);
    }
    for (const Citation& c : a_.citations) {
      if (c.resolved >= 0) {
        cited[static_cast<std::size_t>(c.resolved)] = 1;
        int twin = a_.same_as.empty() ? -1 : a_.same_as[static_cast<std::size_t>(c.resolved)];
        if (twin >= 0) cited[static_cast<std::size_t>(twin)] = 1;
      }
      for (int n : c.numbers) {
        auto it = numbered.find(n);
        if (it == numbered.end()) continue;
        for (int i : it->second) cited[static_cast<std::size_t>(i)] = 1;
      }
    }
    // Only a list the text points into can have uncited entries: a plain
    // "Sources" list with no in-text markers is not checked.
    bool linked = false;
    for (int i = 0; i < a_.article_entries; ++i) {
      linked = linked || (cited[static_cast<std::size_t>(i)] && Entry(i).footnote_label.empty());
    }
    for (int i = 0; i < a_.article_entries; ++i) {
      const Reference& r = Entry(i);
      if (uncited && linked && !cited[static_cast<std::size_t>(i)] && r.footnote_label.empty() &&
          !r.further_reading) {
        EmitEntry(*uncited, r, {{"{entry}", EntryName(r)}});
      }
      if (no_id && r.doi.empty() && r.pmid.empty() && r.pmcid.empty() && r.url.empty()) {
        EmitEntry(*no_id, r, {{"{entry}", EntryName(r)}});
      }
      int twin = a_.same_as.empty() ? -1 : a_.same_as[static_cast<std::size_t>(i)];
      if (twin < 0) continue;
      const Reference& l = Entry(twin);
      if (year && r.year && l.year && r.year != l.year) {
        EmitEntry(*year, r, {{"{entry}", EntryName(l)}, {"{detail}", std::to_string(l.year)}});
      }
      if (journal && !r.journal.empty() && (!l.journal.empty() || !l.journal_short.empty()) &&
          !cite::SameJournal(r.journal, l)) {
        EmitEntry(*journal, r,
                  {{"{entry}", EntryName(l)},
                   {"{detail}", l.journal.empty() ? l.journal_short : l.journal}});
      }
      if (title && !r.title.empty() && !l.title.empty() &&
          TitleSimilarity(r.title, l.title) < 0.6) {
        EmitEntry(*title, r, {{"{entry}", EntryName(l)}, {"{detail}", l.title}});
      }
    }
  }

  void EmitEntry(const Rule& rule, const Reference& r,
                 const std::map<std::string, std::string>& fields) {
    std::string_view src = std::string_view(in_.doc.text)
                               .substr(std::min(r.src_begin, in_.doc.text.size()),
                                       std::min(r.src_end, in_.doc.text.size()) -
                                           std::min(r.src_begin, in_.doc.text.size()));
    std::string match(src.substr(0, std::min<std::size_t>(src.size(), 60)));
    if (src.size() > 60) match += "…";
    Finding f = MakeFinding(rule, match, r.src_begin, r.src_end);
    for (const auto& [k, v] : fields) f.message = Replace(f.message, k, v);
    out_.push_back(std::move(f));
  }

  // Content words shared by a sentence and an entry's title and abstract.
  bool SameTopic(std::string_view sentence, const Reference& r) const {
    std::vector<std::string> s = ContentTerms(sentence, &acronyms_);
    AcronymMap entry_acronyms;
    std::string text = r.title + ". " + r.abstract + " " + r.note;
    FindAcronyms(text, &entry_acronyms);
    std::vector<std::string> e = ContentTerms(text, &entry_acronyms);
    return std::any_of(s.begin(), s.end(), [&](const std::string& t) {
      return std::find(e.begin(), e.end(), t) != e.end();
    });
  }

  // The entries a citation may stand for, each replaced by the entry that
  // carries what the source says.
  std::vector<int> SourcesOf(const Citation& c) const {
    std::vector<int> out;
    if (c.resolved >= 0 &&
        (c.kind != CitationKind::kNamedSource || !c.code.empty() || c.candidates.size() <= 1)) {
      out.push_back(SourceOf(c.resolved));
    } else {
      std::size_t n = std::min<std::size_t>(c.candidates.size(), 3);
      for (std::size_t k = 0; k < n; ++k) out.push_back(SourceOf(c.candidates[k]));
    }
    return out;
  }

  void CheckOverstated() {
    const Rule* rule = RuleFor("citations.overstated");
    if (!rule) return;
    std::set<int> done;
    for (const Citation& c : a_.citations) {
      if (c.kind == CitationKind::kNamedSource) continue;
      std::vector<int> sources = SourcesOf(c);
      sources.erase(
          std::remove_if(sources.begin(), sources.end(),
                         [&](int i) { return Entry(i).abstract.empty() && Entry(i).note.empty(); }),
          sources.end());
      if (sources.empty()) continue;
      std::vector<cite::SourceReading> readings;
      bool all_cautious = true;
      for (int i : sources) {
        const Reference& r = Entry(i);
        readings.push_back(cite::ReadSource(r.abstract.empty() ? r.note : r.abstract, in_.context));
        all_cautious = all_cautious && readings.back().cautious;
      }
      if (!all_cautious) continue;
      // A past-tense report of the study's own result ("in the trial, X
      // reduced Y") is fair against a hedged source; against a source that
      // only found an association, any causal verb overstates it.
      bool correlational = std::all_of(readings.begin(), readings.end(), [](const auto& r) {
        return r.strength == Strength::kCorrelational;
      });
      const std::vector<int>& of_block = by_block_[static_cast<std::size_t>(c.block)];
      std::vector<int> claims = {c.sentence};
      for (int n : cite::FollowingReferrers(in_.doc, in_.sentences, of_block, c.sentence))
        claims.push_back(n);
      for (int si : claims) {
        if (done.count(si)) continue;
        std::string_view text = Text(si);
        ClaimReading claim = cite::ReadClaim(text, in_.context);
        if (claim.strength != Strength::kDirect || claim.negated) continue;
        if (claim.past && !correlational) continue;
        if (!SameTopic(text, Entry(sources[0]))) continue;
        done.insert(si);
        const claimlint::Sentence& s = in_.sentences[static_cast<std::size_t>(si)];
        std::size_t claim_end = claim.end + ObjectLength(text.substr(claim.end));
        Emit(*rule, s.block, s.begin + claim.begin, s.begin + claim_end, si,
             {{"{entry}", EntryName(Entry(sources[0]))}, {"{quote}", readings[0].quote}})
            .context = "asserted";
      }
    }
  }

  // The object after a claim's verb ("reduce| pain", "cures| chronic neck
  // pain"): up to five words, stopping at punctuation, a comparison or a
  // clause word.
  static std::size_t ObjectLength(std::string_view rest) {
    static const std::set<std::string_view> kStop = {
        "compared", "than",    "when", "in",      "for",   "by", "with", "after",
        "within",   "because", "but",  "and",     "while", "as", "at",   "from",
        "among",    "versus",  "vs",   "without", "(",     "["};
    std::size_t i = 0, end = 0;
    for (int words = 0; words < 5; ++words) {
      while (i < rest.size() && rest[i] == ' ') ++i;
      std::size_t b = i;
      while (i < rest.size() && rest[i] != ' ' && rest[i] != ',' && rest[i] != ';' &&
             rest[i] != '.' && rest[i] != ':' && rest[i] != '(' && rest[i] != ')' &&
             rest[i] != '[') {
        ++i;
      }
      if (i == b) break;
      if (kStop.count(rest.substr(b, i - b))) break;
      end = i;
    }
    return end;
  }

  // Content terms of a sentence and the two before it in its block (a
  // pronoun's antecedent is usually there).
  std::vector<std::string> NearTerms(int sentence, int block) const {
    const std::vector<int>& of_block = by_block_[static_cast<std::size_t>(block)];
    std::string text;
    auto it = std::find(of_block.begin(), of_block.end(), sentence);
    auto from = it - std::min<std::ptrdiff_t>(2, it - of_block.begin());
    for (auto k = from; k != of_block.end() && k <= it; ++k) {
      text += std::string(Text(*k)) + " ";
    }
    return ContentTerms(text, &acronyms_);
  }

  // True when the article is about a condition: its last two terms ("back
  // pain") occur together in the title or in at least three sentences.
  bool DocumentAbout(const std::vector<std::string>& condition) const {
    if (condition.empty()) return false;
    std::vector<std::string> head(condition.end() - std::min<std::size_t>(2, condition.size()),
                                  condition.end());
    auto has_all = [&](std::string_view text) {
      std::vector<std::string> terms = ContentTerms(text, nullptr);
      return std::all_of(head.begin(), head.end(), [&](const std::string& t) {
        return std::find(terms.begin(), terms.end(), t) != terms.end();
      });
    };
    if (!in_.doc.front_matter.title.empty() && has_all(in_.doc.front_matter.title)) return true;
    for (const Block& b : in_.doc.blocks) {
      if (b.kind == BlockKind::kHeading) {
        if (has_all(b.text)) return true;
        break;  // the first heading is the title
      }
    }
    int count = 0;
    for (std::size_t i = 0; i < in_.sentences.size() && count < 3; ++i) {
      count += has_all(Text(static_cast<int>(i))) ? 1 : 0;
    }
    return count >= 3;
  }

  static double Share(const std::vector<std::string>& part, const std::vector<std::string>& whole) {
    if (part.empty()) return 0;
    std::size_t n = 0;
    for (const std::string& t : part) n += std::find(whole.begin(), whole.end(), t) != whole.end();
    return static_cast<double>(n) / static_cast<double>(part.size());
  }

  static std::string VerbFamily(const std::string& v) {
    static const std::map<std::string, std::string> kFamily = {
        {"reduce", "reduce"},    {"lower", "reduce"},    {"decrease", "reduce"},
        {"cut", "reduce"},       {"relieve", "reduce"},  {"ease", "reduce"},
        {"alleviate", "reduce"}, {"lessen", "reduce"},   {"improve", "improve"},
        {"enhance", "improve"},  {"boost", "improve"},   {"increase", "improve"},
        {"help", "improve"},     {"benefit", "improve"}, {"effective", "improve"},
        {"work", "improve"},     {"treat", "improve"},   {"cure", "improve"},
        {"heal", "improve"},     {"prevent", "prevent"}, {"protect", "prevent"}};
    auto it = kFamily.find(v);
    return it == kFamily.end() ? v : it->second;
  }

  void CheckContradicted() {
    const Rule* rule = RuleFor("citations.contradicted");
    if (!rule) return;
    for (const Citation& c : a_.citations) {
      if (c.kind == CitationKind::kVague) continue;
      std::vector<int> sources;
      if (c.kind == CitationKind::kNamedSource && c.code.empty()) {
        for (int i : c.candidates) sources.push_back(SourceOf(i));
        if (c.candidates.empty() && c.resolved >= 0) sources.push_back(SourceOf(c.resolved));
      } else if (c.resolved >= 0) {
        sources.push_back(SourceOf(c.resolved));
      }
      if (sources.empty()) continue;
      std::string_view text = Text(c.sentence);
      std::size_t rb = 0, re = 0;
      bool recommends = cite::AssertsRecommendation(text, in_.context, &rb, &re);
      ClaimReading claim = cite::ReadClaim(text, in_.context);
      bool effect = claim.strength >= Strength::kHedged && !claim.negated && !claim.verb.empty();
      if (!recommends && !effect) continue;
      std::vector<std::string> near = NearTerms(c.sentence, c.block);
      for (int i : sources) {
        const Reference& r = Entry(i);
        bool fired = false;
        for (const cite::Denial& d : cite::FindDenials(r.abstract + " " + r.note, in_.context)) {
          bool object = Share(d.object, near) > 0;
          bool condition =
              d.condition.empty() || Share(d.condition, near) >= 0.5 || DocumentAbout(d.condition);
          bool kind = d.recommendation ? recommends
                                       : effect && VerbFamily(d.verb) == VerbFamily(claim.verb);
          if (object && condition && kind) {
            EmitCitation(*rule, c, {{"{entry}", EntryName(r)}, {"{quote}", d.quote}}).context =
                "asserted";
            fired = true;
            break;
          }
        }
        if (fired) break;
      }
    }
  }

  const CheckInput& in_;
  const CitationAnalysis& a_;
  std::vector<std::vector<int>> by_block_;
  AcronymMap acronyms_;
  std::vector<Finding> out_;
};

}  // namespace

std::vector<Finding> CheckCitations(const CheckInput& in) {
  return Checker(in, in.citations).Run();
}

cite::DescribeOptions DescribeOptionsOf(const RuleSet& rules) {
  cite::DescribeOptions opt;
  const std::vector<int>& bound = rules.BoundTo("citations.vague");
  if (bound.empty()) return opt;
  const Rule& r = rules.rules()[static_cast<std::size_t>(bound.front())];
  opt.min_score = r.option("min_score").number;
  opt.margin = r.option("margin").number;
  opt.min_terms = static_cast<int>(r.option("min_terms").integer());
  return opt;
}

CheckFamily CitationChecks() {
  CheckFamily f;
  auto spec = [](const char* name, const char* summary, std::vector<OptionSpec> options = {}) {
    CheckSpec s;
    s.name = name;
    s.category = Category::kCitation;
    s.body = RuleBody::kNone;
    s.summary = summary;
    s.options = std::move(options);
    return s;
  };
  f.specs = {
      spec("citations.unresolved", "a citation that resolves to no reference entry"),
      spec("citations.vague", "an unnamed source: \"research shows\", \"a study on PubMed\"",
           {{"min_score", OptionType::kNumber, 0, 1, "0.35",
             "how well a description must match an entry to name it as the likely source"},
            {"margin", OptionType::kNumber, 0, 1, "0.10",
             "how far the best entry must lead the next to be named"},
            {"min_terms", OptionType::kInteger, 1, 100, "3",
             "content words a description needs before it is matched at all"}}),
      spec("citations.source-unspecified", "a named body cited with no document"),
      spec("citations.guideline-unspecified", "a body's guidelines cited with no guideline named"),
      spec("citations.year-mismatch", "a year that differs from the cited entry's"),
      spec("citations.journal-mismatch", "a journal that differs from the cited entry's"),
      spec("citations.title-mismatch", "a title that differs from the cited entry's"),
      spec("citations.numbered-missing", "a numbered or footnote citation with no entry"),
      spec("citations.uncited-entry", "a reference entry nothing in the text cites"),
      spec("citations.no-identifier", "a reference entry a reader cannot look up"),
      spec("citations.overstated", "a claim stated more strongly than its cited source"),
      spec("citations.contradicted", "a claim its cited source says the opposite of"),
  };
  f.run = [](const CheckInput& in, std::vector<Finding>* out) {
    for (Finding& x : CheckCitations(in)) out->push_back(std::move(x));
  };
  return f;
}

}  // namespace claimlint
