// The citation.* checks, over a CitationAnalysis. Each check runs only when
// its rule is loaded (so that --disable and config can switch it off), and
// reports with the rule's message, where {match} is the citation's words and
// {entry}, {detail}, {quote} are filled as each rule documents.
#include "lint/checks/citation_checks.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <set>

#include "lint/citations/analysis.h"
#include "lint/citations/attribution.h"
#include "lint/citations/extract.h"
#include "lint/citations/helpers.h"
#include "lint/citations/overstatement.h"
#include "lint/citations/source_design.h"
#include "lint/citations/strength.h"
#include "lint/citations/targets.h"
#include "lint/references/journal.h"
#include "lint/text/fold.h"
#include "lint/text/strings.h"

namespace claimlint {
namespace {

using cite::ClaimReading;
using cite::Strength;
using re2::RE2;

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
    // Inside quotation marks: someone else's words, quoted.
    if (InsideQuotes(text, b)) return true;
    Context cx = cite::ClassifySpan(in_.context, text.substr(0, e), b, e);
    return cx == Context::kNegated || cx == Context::kQuestion || cx == Context::kHypothetical;
  }

  static bool InsideQuotes(std::string_view text, std::size_t at) {
    int straight = 0, open = 0;
    for (std::size_t i = 0; i < at && i < text.size(); ++i) {
      if (text[i] == '"') ++straight;
      if (text.compare(i, 3, "\xE2\x80\x9C") == 0) ++open;
      if (text.compare(i, 3, "\xE2\x80\x9D") == 0) --open;
    }
    return straight % 2 == 1 || open > 0;
  }

  static constexpr const char* kInTheReferences =
      "no entry in the article's reference list or the reference library";
  static constexpr const char* kNoList =
      "nothing a reader can follow: the article has no reference list";

  void CheckCitationsInText() {
    const Rule* unresolved = RuleFor("citations.unresolved");
    const Rule* vague = RuleFor("citations.vague");
    const Rule* unspecified = RuleFor("citations.source-unspecified");
    const Rule* guideline = RuleFor("citations.guideline-unspecified");
    const Rule* missing = RuleFor("citations.numbered-missing");
    const Rule* name_only = RuleFor("citations.name-only");
    const Rule* no_list = RuleFor("citations.no-reference-list");
    Details details{RuleFor("citations.year-mismatch"), RuleFor("citations.journal-mismatch"),
                    RuleFor("citations.title-mismatch"), RuleFor("citations.author-mismatch"),
                    RuleFor("citations.design-mismatch")};
    bool has_targets = !a_.entries.empty();
    bool numbered_list = false;
    for (int i = 0; i < a_.article_entries; ++i) {
      numbered_list =
          numbered_list || (Entry(i).footnote_label.empty() && Entry(i).list_number > 0);
    }
    std::vector<const Citation*> unlisted;  // "(3)" markers with no list to point into
    std::set<int> detail_done;
    for (const Citation& c : a_.citations) {
      switch (c.kind) {
        case CitationKind::kAuthorYear:
          if (c.year == 0) {
            // "Hollander and colleagues" with no year: found only by the name.
            if (c.resolved < 0 && name_only && !SentenceHasIdentifier(c.sentence, c) && !Quiet(c)) {
              EmitCitation(*name_only, c, {});
            }
          } else if (c.resolved < 0 && unresolved) {
            // With no list and no library, an author and year still point
            // nowhere a reader can follow.
            EmitCitation(*unresolved, c, {{"{where}", has_targets ? kInTheReferences : kNoList}});
          } else if (c.resolved >= 0 && details.year && Entry(c.resolved).year != 0 &&
                     Entry(c.resolved).year != c.year) {
            EmitCitation(*details.year, c,
                         {{"{entry}", EntryName(Entry(c.resolved))},
                          {"{detail}", std::to_string(Entry(c.resolved).year)}});
          }
          break;
        case CitationKind::kNumbered:
          if (c.parenthesised && !numbered_list) {
            unlisted.push_back(&c);
            break;
          }
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
            EmitCitation(*unresolved, c, {{"{where}", kInTheReferences}});
          }
          break;
        case CitationKind::kVague:
          if (vague) CheckVague(*vague, c);
          break;
        case CitationKind::kNamedSource: {
          if (SentenceHasIdentifier(c.sentence, c) || Quiet(c)) break;
          const Rule* rule = c.guideline ? guideline : unspecified;
          if (rule) EmitCitation(*rule, c, {{"{likely}", Likely(c)}, {"{detail}", c.source}});
          break;
        }
        case CitationKind::kDescribed:
        case CitationKind::kDoi:
        case CitationKind::kPmid:
        case CitationKind::kLink:
          break;
      }
      if (detail_done.insert(c.sentence).second) CheckStatedDetails(c.sentence, details);
    }
    ReportUnlisted(no_list, unlisted);
  }

  struct Details {
    const Rule* year;
    const Rule* journal;
    const Rule* title;
    const Rule* author;
    const Rule* design;
  };

  // An unnamed source: reported when what it is said to show is a claim.
  // A hedged summary of evidence the page itself calls weak ("small trials
  // suggest it may help some people") is honest and passes; one that only
  // hedges the verb or only names weak evidence is a note.
  void CheckVague(const Rule& rule, const Citation& c) {
    if (Quiet(c) || LeadInCited(c.sentence)) return;
    // "Studies have not shown", "no research has found": denied.
    static const RE2 denied(R"((?i)\b(?:not|never|no|none|nor)\b|n['’]t\b)");
    if (RE2::PartialMatch(c.text, denied)) return;
    const claimlint::Block& blk = in_.doc.blocks[static_cast<std::size_t>(c.block)];
    std::size_t cb = std::min(c.complement, blk.text.size());
    std::size_t ce = std::min(std::max(c.complement_end, cb), blk.text.size());
    std::string complement(std::string_view(blk.text).substr(cb, ce - cb));
    if (c.inquiry) {
      // "A study examined X. The results showed that ...": what it found is
      // in the sentences that refer back to it; without them it claims nothing.
      complement.clear();
      const std::vector<int>& of_block = by_block_[static_cast<std::size_t>(c.block)];
      for (int n : cite::FollowingReferrers(in_.doc, in_.sentences, of_block, c.sentence)) {
        complement += std::string(Text(n)) + " ";
      }
      if (complement.empty()) return;
    }
    cite::AttributedReading reading = cite::ReadAttributed(complement, in_.context);
    if (!reading.claim) return;
    // Weak evidence, summed up as such: "small trials suggest it may help",
    // "in mice, the treated animals did better".
    bool weak = c.weak_source || reading.nonhuman;
    if (weak && (reading.hedged || reading.past)) return;
    Finding& f = EmitCitation(rule, c, {{"{likely}", Likely(c)}});
    f.context = "asserted";
    if ((c.tentative && reading.hedged) || (c.weak_source && c.tentative)) {
      f.severity = Severity::kInfo;
      f.context = "hedged";
    }
  }

  bool IsQuestion(int sentence) const {
    std::string_view t = TrimView(Text(sentence));
    return !t.empty() && t.back() == '?';
  }

  bool LeadInCited(int sentence) const {
    return sentence >= 0 && static_cast<std::size_t>(sentence) < a_.lead_in_cited.size() &&
           a_.lead_in_cited[static_cast<std::size_t>(sentence)];
  }

  // "(1)" ... "(5)" with no reference list: one finding, at the first, that
  // names them all.
  void ReportUnlisted(const Rule* rule, const std::vector<const Citation*>& unlisted) {
    if (!rule || unlisted.empty()) return;
    std::set<int> numbers;
    for (const Citation* c : unlisted) numbers.insert(c->numbers.begin(), c->numbers.end());
    // One stray "(2)" is more likely a label than a citation.
    if (numbers.size() < 2 && unlisted.size() < 2) return;
    std::string list;
    std::size_t shown = 0;
    for (const Citation* c : unlisted) {
      if (shown == 8) {
        list += ", ...";
        break;
      }
      list += (list.empty() ? "" : ", ") + c->text;
      ++shown;
    }
    EmitCitation(*rule, *unlisted.front(),
                 {{"{detail}", list}, {"{count}", std::to_string(unlisted.size())}});
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
      // Matched by its words alone, a description is checked by its words.
      if (c.kind == CitationKind::kDescribed && c.journal.empty() && c.families.empty() &&
          c.source.empty()) {
        continue;
      }
      int twin = a_.same_as.empty() ? -1 : a_.same_as[static_cast<std::size_t>(c.resolved)];
      works.insert(twin >= 0 ? std::min(c.resolved, twin) : c.resolved);
    }
    return works.size() == 1 ? *works.begin() : -1;
  }

  // A journal, a year, an author, a study design or a quoted title stated
  // beside a citation (of any form), against the entry it resolves to.
  void CheckStatedDetails(int sentence, const Details& rules) {
    int e = SentenceEntry(sentence);
    if (e < 0 || IsQuestion(sentence)) return;
    const claimlint::Sentence& s = in_.sentences[static_cast<std::size_t>(sentence)];
    // Read on to the block's end: an abbreviated journal name ("J. Pain
    // Res.") can be cut by the sentence splitter.
    const Block& blk = in_.doc.blocks[static_cast<std::size_t>(s.block)];
    cite::StatedDetails d = cite::FindStatedDetails(std::string_view(blk.text).substr(s.begin));
    std::size_t len = s.end - s.begin;
    if (d.journal_begin >= len) d.journal.clear();
    if (d.year_begin >= len) d.year = 0;
    if (d.author_begin >= len) d.author.clear();
    if (d.design_begin >= len) d.design.clear();
    int twin = a_.same_as.empty() ? -1 : a_.same_as[static_cast<std::size_t>(e)];
    auto same_journal = [&](const std::string& name) {
      bool known = !Entry(e).journal.empty() || !Entry(e).journal_short.empty();
      bool twin_known =
          twin >= 0 && (!Entry(twin).journal.empty() || !Entry(twin).journal_short.empty());
      if (!known && !twin_known) return true;  // nothing to compare with
      return (known && cite::SameJournal(name, Entry(e))) ||
             (twin_known && cite::SameJournal(name, Entry(twin)));
    };
    if (rules.journal && !d.journal.empty() && !same_journal(d.journal)) {
      const Reference& r = Entry(e);
      std::string actual = !r.journal.empty() ? r.journal : r.journal_short;
      if (actual.empty() && twin >= 0) actual = Entry(twin).journal;
      Emit(*rules.journal, s.block, s.begin + d.journal_begin, s.begin + d.journal_end, sentence,
           {{"{entry}", EntryName(r)}, {"{detail}", actual}});
    }
    int actual_year = Entry(e).year ? Entry(e).year : twin >= 0 ? Entry(twin).year : 0;
    if (rules.year && d.year && actual_year && d.year != actual_year) {
      Emit(*rules.year, s.block, s.begin + d.year_begin, s.begin + d.year_end, sentence,
           {{"{entry}", EntryName(Entry(e))}, {"{detail}", std::to_string(actual_year)}});
    }
    if (rules.author && !d.author.empty() && !AuthorYearInSentence(sentence)) {
      const Reference& r = Entry(e);
      const Reference* other = twin >= 0 ? &Entry(twin) : nullptr;
      auto has = [&](const Reference* x) {
        if (!x || (x->families.empty() && x->institution.empty())) return false;
        std::string want = FoldLower(d.author);
        for (const std::string& f : x->families) {
          if (FoldLower(f) == want) return true;
        }
        return !x->institution.empty() && FoldLower(x->institution).find(want) != std::string::npos;
      };
      bool known = !r.families.empty() || (other && !other->families.empty());
      if (known && !has(&r) && !has(other)) {
        std::string authors;
        const Reference& named = !r.families.empty() ? r : *other;
        for (std::size_t k = 0; k < named.families.size() && k < 3; ++k) {
          authors += (k ? ", " : "") + named.families[k];
        }
        if (named.families.size() > 3) authors += " et al.";
        Emit(*rules.author, s.block, s.begin + d.author_begin, s.begin + d.author_end, sentence,
             {{"{entry}", EntryName(r)}, {"{detail}", authors}});
      }
    }
    if (rules.design && !d.design.empty()) {
      cite::Design stated = cite::DesignOfText(d.design);
      cite::Design actual = cite::DesignOf(Entry(e));
      if (!actual.known() && twin >= 0) actual = cite::DesignOf(Entry(twin));
      // Called better than it is: a "randomised trial" that is a case
      // report, a "human study" done in mice, a "study" that is a protocol.
      bool worse = stated.known() && actual.known() &&
                   (actual.level >= stated.level + 2 || (stated.human && !actual.human) ||
                    (stated.has_results && !actual.has_results));
      if (worse) {
        Emit(*rules.design, s.block, s.begin + d.design_begin, s.begin + d.design_end, sentence,
             {{"{entry}", EntryName(Entry(e))}, {"{detail}", actual.words}});
      }
    }
    if (!rules.title) return;
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
        EmitCitation(*rules.title, c, {{"{entry}", EntryName(r)}, {"{detail}", actual}});
      }
    }
  }

  // An author-year citation in the sentence already states its own year and
  // author, and is checked as a citation.
  bool AuthorYearInSentence(int sentence) const {
    auto [first, last] = a_.OfSentence(sentence);
    for (std::size_t k = first; k < last; ++k) {
      const Citation& c = a_.citations[k];
      if (c.sentence == sentence && c.kind == CitationKind::kAuthorYear && c.year != 0) {
        return true;
      }
    }
    return false;
  }

  // Entries of the article's own list: never cited, no identifier, or at
  // odds with their library copy.
  void CheckArticleEntries() {
    const Rule* uncited = RuleFor("citations.uncited-entry");
    const Rule* no_id = RuleFor("citations.no-identifier");
    const Rule* no_links = RuleFor("citations.no-links");
    // Complete entries with no link, per list (the numbered or bulleted
    // list, the footnotes): one note each.
    std::vector<int> unlinked_list, unlinked_notes;
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
      if (r.doi.empty() && r.pmid.empty() && r.pmcid.empty() && r.url.empty() &&
          !PersonalSource(r)) {
        std::string lacking = Lacking(r);
        if (!lacking.empty()) {
          if (no_id) EmitEntry(*no_id, r, {{"{entry}", EntryName(r)}, {"{detail}", lacking}});
        } else {
          (r.footnote_label.empty() ? unlinked_list : unlinked_notes).push_back(i);
        }
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
    ReportUnlinked(no_links, unlinked_list);
    ReportUnlinked(no_links, unlinked_notes);
  }

  // What a reader needs to find an entry and it does not give ("title",
  // "journal or publisher"); "" when it is complete.
  static std::string Lacking(const Reference& r) {
    bool title = !r.title.empty();
    bool venue = !r.journal.empty() || !r.journal_short.empty() || !r.publisher.empty() ||
                 !r.institution.empty() || !r.report_number.empty();
    if (!title && !venue) return "title or journal";
    if (!title) return "title";
    if (!venue) return "journal or publisher";
    return "";
  }

  // An interview or a personal communication: cited as such, not findable.
  static bool PersonalSource(const Reference& r) {
    static const RE2 re(
        R"((?i)\b(?:interview(?:ed)?\s+(?:with|by)|personal\s+communication|pers\.\s*comm|in\s+conversation\s+with|email\s+(?:to|from)|correspondence\s+with)\b)");
    std::string text = r.title + " " + r.note + " " + r.journal;
    return RE2::PartialMatch(text, re);
  }

  void ReportUnlinked(const Rule* rule, const std::vector<int>& entries) {
    if (!rule || entries.empty()) return;
    // The first in the text (footnote definitions come in the order cited).
    int at = *std::min_element(entries.begin(), entries.end(), [&](int x, int y) {
      return Entry(x).src_begin < Entry(y).src_begin;
    });
    const Reference& first = Entry(at);
    std::string count = std::to_string(entries.size());
    std::string which = entries.size() == 1 ? "1 entry" : count + " entries";
    EmitEntry(*rule, first,
              {{"{entry}", EntryName(first)}, {"{detail}", which}, {"{count}", count}});
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

  // The sentence with its citations blanked (same length): what the claim
  // says, without "(Harper, 2020)" or "[3]" read as words.
  std::string CleanSentence(int si) const {
    std::string text(Text(si));
    const claimlint::Sentence& s = in_.sentences[static_cast<std::size_t>(si)];
    auto [first, last] = a_.OfSentence(si);
    for (std::size_t k = first; k < last; ++k) {
      const Citation& c = a_.citations[k];
      if (c.sentence != si || c.kind == CitationKind::kVague ||
          c.kind == CitationKind::kDescribed || c.kind == CitationKind::kNamedSource) {
        continue;
      }
      std::size_t b = c.begin > s.begin ? c.begin - s.begin : 0;
      std::size_t e = std::min(c.end - s.begin, text.size());
      for (std::size_t i = b; i < e; ++i) text[i] = ' ';
    }
    return text;
  }

  void CheckOverstated() {
    const Rule* rule = RuleFor("citations.overstated");
    if (!rule) return;
    std::set<int> done;
    for (const Citation& c : a_.citations) {
      // A vague citation is weighed against the entries its words point to.
      if (c.kind == CitationKind::kNamedSource) continue;
      std::vector<int> sources = SourcesOf(c);
      if (sources.empty()) continue;
      const std::vector<int>& of_block = by_block_[static_cast<std::size_t>(c.block)];
      std::vector<int> claims = {c.sentence};
      for (int n : cite::FollowingReferrers(in_.doc, in_.sentences, of_block, c.sentence)) {
        claims.push_back(n);
      }
      for (int si : claims) {
        if (done.count(si) || IsQuestion(si)) continue;
        std::string clean = CleanSentence(si);
        if (!SameTopic(clean, Entry(sources[0]))) continue;
        cite::Overstatement verdict = ByDesign(clean, sources);
        if (!verdict.overstated) verdict = ByConclusion(clean, sources);
        if (!verdict.overstated) continue;
        done.insert(si);
        const claimlint::Sentence& s = in_.sentences[static_cast<std::size_t>(si)];
        ClaimReading claim = cite::ReadClaim(Text(si), in_.context);
        std::size_t b = s.begin, e = s.end;
        if (claim.end > claim.begin) {
          b = s.begin + claim.begin;
          e = s.begin + claim.end + ObjectLength(Text(si).substr(claim.end));
        }
        // The claim through its citation, when the citation follows it.
        if (si == c.sentence && c.end > e) e = c.end;
        if (si == c.sentence && c.begin < b) b = c.begin;
        Emit(*rule, s.block, b, e, si,
             {{"{entry}", EntryName(Entry(sources[0]))}, {"{detail}", verdict.detail}})
            .context = "asserted";
      }
    }
  }

  // Every source a design no such claim can rest on.
  cite::Overstatement ByDesign(const std::string& claim, const std::vector<int>& sources) const {
    cite::Overstatement first;
    for (int i : sources) {
      cite::Design d = cite::DesignOf(Entry(i));
      int twin = a_.same_as.empty() ? -1 : a_.same_as[static_cast<std::size_t>(i)];
      if (!d.known() && twin >= 0) d = cite::DesignOf(Entry(twin));
      cite::Overstatement v = cite::OverstatesDesign(claim, d, in_.context);
      if (!v.overstated) return {};
      if (!first.overstated) first = v;
    }
    return first;
  }

  // Every source concludes more cautiously than the claim.
  cite::Overstatement ByConclusion(const std::string& claim,
                                   const std::vector<int>& sources) const {
    cite::Overstatement first;
    for (int i : sources) {
      const Reference& r = Entry(i);
      std::string_view said = !r.abstract.empty() ? r.abstract : r.note;
      if (said.empty()) return {};
      cite::ConclusionComparison cmp =
          cite::CompareWithConclusion(cite::ClaimPart(claim), said, in_.context);
      cite::Overstatement v = cite::OverstatesConclusion(cmp);
      if (!v.overstated) return {};
      if (!first.overstated) first = v;
    }
    return first;
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
      std::string clean = CleanSentence(c.sentence);
      std::string_view text = clean;
      std::size_t rb = 0, re = 0;
      bool recommends = cite::AssertsRecommendation(text, in_.context, &rb, &re);
      ClaimReading claim = cite::ReadClaim(text, in_.context);
      bool effect = claim.strength >= Strength::kHedged && !claim.negated && !claim.verb.empty();
      bool fired = false;
      if (recommends || effect) {
        std::vector<std::string> near = NearTerms(c.sentence, c.block);
        for (int i : sources) {
          const Reference& r = Entry(i);
          for (const cite::Denial& d : cite::FindDenials(r.abstract + " " + r.note, in_.context)) {
            bool object = Share(d.object, near) > 0;
            bool condition = d.condition.empty() || Share(d.condition, near) >= 0.5 ||
                             DocumentAbout(d.condition);
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
      if (!fired) CheckNegatedTargets(*rule, c, sources, clean);
    }
  }

  // The source (its title or abstract) says the intervention did not change
  // the outcome the sentence claims it changes: "... but not substance P",
  // "does not increase live birth rates".
  void CheckNegatedTargets(const Rule& rule, const Citation& c, const std::vector<int>& sources,
                           std::string_view sentence) {
    // A report of what happened in a study ("valerian shortened sleep
    // latency by six minutes") is not the claim an outcome was denied for.
    if (!cite::ClaimsEffect(sentence, in_.context)) return;
    ClaimReading reading = cite::ReadClaim(sentence, in_.context);
    if (reading.strength != Strength::kNone && reading.past) return;
    std::vector<std::string> terms = cite::TargetTerms(sentence);
    // What the sentence itself denies is not claimed.
    std::vector<cite::NegatedTarget> own = cite::FindNegatedTargets(sentence);
    for (int i : sources) {
      const Reference& r = Entry(i);
      std::string said = r.title + ". " + r.abstract + " " + r.note;
      for (const cite::NegatedTarget& t : cite::FindNegatedTargets(said)) {
        if (!cite::MentionsTarget(terms, t)) continue;
        bool denied_here = std::any_of(own.begin(), own.end(), [&](const cite::NegatedTarget& o) {
          return cite::MentionsTarget(o.terms, t);
        });
        if (denied_here) continue;
        EmitCitation(rule, c, {{"{entry}", EntryName(r)}, {"{quote}", t.quote}}).context =
            "asserted";
        return;
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
      spec("citations.author-mismatch", "an author named in prose who is not the cited entry's"),
      spec("citations.design-mismatch",
           "a study design named in prose that the cited entry does not have"),
      spec("citations.numbered-missing", "a numbered or footnote citation with no entry"),
      spec("citations.no-reference-list", "citation numbers \"(1)\" with no reference list"),
      spec("citations.name-only", "researchers named with no year and no entry"),
      spec("citations.uncited-entry", "a reference entry nothing in the text cites"),
      spec("citations.no-identifier",
           "a reference entry with no identifier and no title or journal: a reader cannot find it"),
      spec("citations.no-links", "complete reference entries with no DOI, PubMed ID or link"),
      spec("citations.overstated", "a claim stated more strongly than its cited source"),
      spec("citations.contradicted", "a claim its cited source says the opposite of"),
  };
  f.run = [](const CheckInput& in, std::vector<Finding>* out) {
    for (Finding& x : CheckCitations(in)) out->push_back(std::move(x));
  };
  return f;
}

}  // namespace claimlint
