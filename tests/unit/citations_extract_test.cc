// Citation extraction on plain strings, the article reference-entry parser,
// journal-name matching and the text helpers.
#include <gtest/gtest.h>

#include "lint/citations/extract.h"
#include "lint/references/article_refs.h"
#include "lint/references/journal.h"
#include "lint/text/fold.h"

namespace claimlint::cite {
namespace {

std::vector<Citation> OfKind(std::string_view text, CitationKind kind) {
  std::vector<Citation> out;
  for (Citation& c : ExtractFromText(text)) {
    if (c.kind == kind) out.push_back(std::move(c));
  }
  return out;
}

std::string Span(std::string_view text, const Citation& c) {
  return std::string(text.substr(c.begin, c.end - c.begin));
}

struct AuthorYearCase {
  const char* text;
  const char* span;
  std::vector<std::string> families;
  int year;
  const char* suffix;
};

TEST(CitationsExtract, AuthorYearForms) {
  const AuthorYearCase cases[] = {
      {"As Ruiz et al. (2013) showed, it helps.", "Ruiz et al. (2013)", {"Ruiz"}, 2013, ""},
      {"It helps (Ruiz et al., 2013).", "Ruiz et al., 2013", {"Ruiz"}, 2013, ""},
      {"It helps (Ruiz & Kim, 2013; Park 2014).", "Ruiz & Kim, 2013", {"Ruiz", "Kim"}, 2013, ""},
      {"Ruiz and colleagues (2013) looked at it.",
       "Ruiz and colleagues (2013)",
       {"Ruiz"},
       2013,
       ""},
      {"In Ruiz et al. 2013 the effect was small.", "Ruiz et al. 2013", {"Ruiz"}, 2013, ""},
      {"It helps (Ruiz 2013a).", "Ruiz 2013a", {"Ruiz"}, 2013, "a"},
      {"Ruiz, Kim and Park (2015) agreed.",
       "Ruiz, Kim and Park (2015)",
       {"Ruiz", "Kim", "Park"},
       2015,
       ""},
      {"It helps (see Müller 2011, p. 4).", "Müller 2011, p. 4", {"Müller"}, 2011, ""},
      {"It helps (van der Berg, 2012).", "van der Berg, 2012", {"van der Berg"}, 2012, ""},
      {"O’Brien’s (2016) survey asked 300 nurses.", "O’Brien’s (2016)", {"O’Brien"}, 2016, ""},
  };
  for (const AuthorYearCase& k : cases) {
    auto found = OfKind(k.text, CitationKind::kAuthorYear);
    ASSERT_FALSE(found.empty()) << k.text;
    EXPECT_EQ(Span(k.text, found[0]), k.span) << k.text;
    EXPECT_EQ(found[0].families, k.families) << k.text;
    EXPECT_EQ(found[0].year, k.year) << k.text;
    EXPECT_EQ(found[0].year_suffix, k.suffix) << k.text;
  }
  auto two = OfKind("It helps (Ruiz & Kim, 2013; Park 2014).", CitationKind::kAuthorYear);
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[1].families, std::vector<std::string>{"Park"});
  EXPECT_EQ(two[1].year, 2014);
  auto years = OfKind("Ruiz (2013, 2015) returned to it.", CitationKind::kAuthorYear);
  ASSERT_EQ(years.size(), 2u);
  EXPECT_EQ(years[1].year, 2015);
}

TEST(CitationsExtract, NotAuthorYear) {
  for (const char* text :
       {"The guidance was revised in March (2019).", "Cases of COVID-19 (2020) rose.",
        "Recently (2021) the advice changed.", "It was 2013 when we met.",
        "Ruiz 2013 was a good year.", "(2013) is the year."}) {
    EXPECT_TRUE(OfKind(text, CitationKind::kAuthorYear).empty()) << text;
  }
}

TEST(CitationsExtract, NumberedAndFootnotes) {
  auto one = OfKind("It helps [3].", CitationKind::kNumbered);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].numbers, std::vector<int>{3});
  auto list = OfKind("It helps [3, 5].", CitationKind::kNumbered);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].numbers, (std::vector<int>{3, 5}));
  auto range = OfKind("It helps [3–5].", CitationKind::kNumbered);
  ASSERT_EQ(range.size(), 1u);
  EXPECT_EQ(range[0].numbers, (std::vector<int>{3, 4, 5}));
  EXPECT_EQ(Span("It helps [3–5].", range[0]), "[3–5]");
  auto mixed = OfKind("It helps [1,4-6; 9].", CitationKind::kNumbered);
  ASSERT_EQ(mixed.size(), 1u);
  EXPECT_EQ(mixed[0].numbers, (std::vector<int>{1, 4, 5, 6, 9}));
  EXPECT_TRUE(OfKind("See [link](http://x).", CitationKind::kNumbered).empty());
  EXPECT_TRUE(OfKind("A [2](http://x) link.", CitationKind::kNumbered).empty());
  auto fn = OfKind("It helps.[^3]", CitationKind::kFootnote);
  ASSERT_EQ(fn.size(), 1u);
  EXPECT_EQ(fn[0].label, "3");
  EXPECT_TRUE(OfKind("It helps.[^3]", CitationKind::kNumbered).empty());
}

TEST(CitationsExtract, IdentifiersAndLinks) {
  std::string_view t = "See doi:10.1097/AJP.0b013e31824909f9. Also PMID: 34364702 and PMC1234567.";
  auto doi = OfKind(t, CitationKind::kDoi);
  ASSERT_EQ(doi.size(), 1u);
  EXPECT_EQ(doi[0].doi, "10.1097/ajp.0b013e31824909f9");
  EXPECT_EQ(Span(t, doi[0]), "doi:10.1097/AJP.0b013e31824909f9");
  auto pmid = OfKind(t, CitationKind::kPmid);
  ASSERT_EQ(pmid.size(), 1u);
  EXPECT_EQ(pmid[0].pmid, "34364702");
  auto pmc = OfKind(t, CitationKind::kLink);
  ASSERT_EQ(pmc.size(), 1u);
  EXPECT_EQ(pmc[0].pmcid, "PMC1234567");

  std::string_view u = "Read https://doi.org/10.1016/J.JEMERMED.2021.07.017).";
  auto link = ExtractFromText(u);
  ASSERT_EQ(link.size(), 1u);
  EXPECT_EQ(link[0].kind, CitationKind::kDoi);
  EXPECT_EQ(link[0].doi, "10.1016/j.jemermed.2021.07.017");

  EXPECT_EQ(ClassifyUrl("https://pubmed.ncbi.nlm.nih.gov/34364702/").pmid, "34364702");
  EXPECT_EQ(ClassifyUrl("https://pubmed.ncbi.nlm.nih.gov/34364702/").kind, IdentifierKind::kPmid);
  EXPECT_EQ(ClassifyUrl("https://www.ncbi.nlm.nih.gov/pmc/articles/PMC3000001/").pmcid,
            "PMC3000001");
  UrlInfo nice = ClassifyUrl("https://www.nice.org.uk/guidance/ng59/chapter/Recommendations");
  EXPECT_EQ(nice.kind, IdentifierKind::kLink);
  EXPECT_TRUE(nice.evidence_host);
  EXPECT_EQ(nice.body, "NICE");
  EXPECT_EQ(nice.host, "nice.org.uk");
  EXPECT_EQ(ClassifyUrl("https://www.tandfonline.com/doi/full/10.1080/123.456").doi,
            "10.1080/123.456");
  EXPECT_FALSE(ClassifyUrl("https://example-clinic.com/book-now").evidence_host);
}

TEST(CitationsExtract, QuotedTitles) {
  std::string_view t = "A review titled \"Heat for back pain: a systematic review\" found little.";
  auto q = OfKind(t, CitationKind::kQuotedTitle);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_TRUE(q[0].introduced);
  EXPECT_EQ(q[0].title, "Heat for back pain: a systematic review");
  auto plain =
      OfKind("She said “it really did help me sleep” afterwards.", CitationKind::kQuotedTitle);
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_FALSE(plain[0].introduced);
  EXPECT_TRUE(OfKind("It is \"natural\" they say.", CitationKind::kQuotedTitle).empty());
  // A term in quotes is not a title, even when introduced by "called".
  auto term =
      OfKind("A technique called \"dry needling therapy\" is used.", CitationKind::kQuotedTitle);
  ASSERT_EQ(term.size(), 1u);
  EXPECT_FALSE(term[0].introduced);
}

TEST(CitationsExtract, NamedSources) {
  std::string_view g = "Notably, exercise is recommended by the NICE guidelines for this.";
  auto n = OfKind(g, CitationKind::kNamedSource);
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(Span(g, n[0]), "the NICE guidelines");
  EXPECT_EQ(n[0].source, "NICE");
  EXPECT_TRUE(n[0].guideline);
  EXPECT_TRUE(n[0].code.empty());

  auto coded = OfKind("NICE guideline NG59 recommends exercise.", CitationKind::kNamedSource);
  ASSERT_EQ(coded.size(), 1u);
  EXPECT_EQ(coded[0].code, "NG59");

  auto review = OfKind("A 2019 Cochrane review pooled 12 trials.", CitationKind::kNamedSource);
  ASSERT_EQ(review.size(), 1u);
  EXPECT_EQ(review[0].source, "Cochrane");
  EXPECT_FALSE(review[0].guideline);

  std::string_view w = "According to the World Health Organisation, adults should move more.";
  auto who = OfKind(w, CitationKind::kNamedSource);
  ASSERT_EQ(who.size(), 1u);
  EXPECT_EQ(who[0].source, "WHO");
  EXPECT_EQ(Span(w, who[0]), "the World Health Organisation");

  auto site = OfKind("You can visit the NHS website.", CitationKind::kNamedSource);
  ASSERT_EQ(site.size(), 1u);
  EXPECT_EQ(site[0].source, "NHS");

  for (const char* text : {"It is used in many NHS GP practices.", "Who knows?",
                           "The WHO was founded in 1948.", "She works for the NHS."}) {
    EXPECT_TRUE(OfKind(text, CitationKind::kNamedSource).empty()) << text;
  }
}

TEST(CitationsExtract, VagueAttributions) {
  struct Case {
    const char* text;
    const char* span;
  };
  const Case cases[] = {
      {"A study on PubMed examined heat wraps for neck pain.", "A study on PubMed"},
      {"Furthermore, recent studies have shown that it helps.", "recent studies have shown"},
      {"Research shows that sleep matters.", "Research shows"},
      {"Experts say it is safe.", "Experts say"},
      {"According to scientists, it works.", "According to scientists"},
      {"One small trial found fewer headaches.", "One small trial found"},
  };
  for (const Case& k : cases) {
    auto v = OfKind(k.text, CitationKind::kVague);
    ASSERT_EQ(v.size(), 1u) << k.text;
    EXPECT_EQ(Span(k.text, v[0]), k.span) << k.text;
  }
  for (const char* text : {"The research shows a small effect.", "These studies have shown little.",
                           "A study room is available.", "We study it."}) {
    EXPECT_TRUE(OfKind(text, CitationKind::kVague).empty()) << text;
  }
}

TEST(CitationsExtract, StatedJournalAndYear) {
  std::string_view s =
      "A review published in The Clinical Journal of Pain in 2013, by Ruiz et al. (2013), found "
      "this.";
  StatedDetails d = FindStatedDetails(s);
  EXPECT_EQ(d.journal, "The Clinical Journal of Pain");
  EXPECT_EQ(s.substr(d.journal_begin, d.journal_end - d.journal_begin), d.journal);
  EXPECT_EQ(d.year, 2013);
  EXPECT_EQ(FindStatedDetails("A 2016 trial tested it.").year, 2016);
  EXPECT_EQ(FindStatedDetails("It appeared in the journal Pain Medicine.").journal,
            "Pain Medicine");
  EXPECT_TRUE(FindStatedDetails("It was published in March 2013.").journal.empty());
}

TEST(CitationsExtract, RefersBack) {
  EXPECT_TRUE(RefersBack("The findings showed that it helped."));
  EXPECT_TRUE(RefersBack("This research provides insight."));
  EXPECT_TRUE(RefersBack("However, the authors noted a small sample."));
  EXPECT_TRUE(RefersBack("They found fewer headaches."));
  EXPECT_FALSE(RefersBack("Heat wraps are cheap."));
  EXPECT_FALSE(RefersBack("However, further studies are needed."));
}

TEST(CitationsText, AcronymsStemsAndTitles) {
  AcronymMap acronyms;
  FindAcronyms("It examined Battlefield Acupuncture (BFA) in the emergency department (ED).",
               &acronyms);
  ASSERT_TRUE(acronyms.count("bfa"));
  EXPECT_EQ(acronyms["bfa"], (std::vector<std::string>{"battlefield", "acupuncture"}));
  ASSERT_TRUE(acronyms.count("ed"));
  EXPECT_EQ(acronyms["ed"], (std::vector<std::string>{"emergency", "department"}));
  AcronymMap none;
  FindAcronyms("It helps (see below) and (NB) nothing.", &none);
  EXPECT_TRUE(none.empty());

  EXPECT_EQ(Stem("departments"), Stem("department"));
  EXPECT_EQ(Stem("reduced"), Stem("reduces"));
  EXPECT_EQ(Stem("reducing"), Stem("reduce"));
  EXPECT_EQ(Stem("randomised"), Stem("randomized"));
  EXPECT_EQ(Stem("studies"), Stem("study"));
  EXPECT_EQ(FoldLower("Müller’s Café"), "muller's cafe");
  auto terms = ContentTerms("BFA for acute pain", &acronyms);
  EXPECT_NE(std::find(terms.begin(), terms.end(), Stem("battlefield")), terms.end());
  EXPECT_EQ(NormalizeTitle("Acupuncture for Acute Low-Back Pain: A Systematic Review."),
            "acupuncture for acute low back pain a systematic review");
  EXPECT_GT(TitleSimilarity("Heat for back pain", "Heat for back pain: a review"), 0.7);
  EXPECT_LT(TitleSimilarity("Heat for back pain", "Cold water and mood"), 0.2);
}

TEST(CitationsJournal, FullAbbreviatedAndInitialisms) {
  EXPECT_TRUE(JournalNamesMatch("The Clinical Journal of Pain", "Clin J Pain"));
  EXPECT_TRUE(JournalNamesMatch("Clin. J. Pain", "The Clinical Journal of Pain"));
  EXPECT_TRUE(JournalNamesMatch("The American Journal of Emergency Medicine", "Am J Emerg Med"));
  EXPECT_TRUE(
      JournalNamesMatch("Proceedings of the National Academy of Sciences", "Proc Natl Acad Sci"));
  EXPECT_TRUE(JournalNamesMatch("BMJ", "British Medical Journal"));
  EXPECT_TRUE(JournalNamesMatch("JAMA", "Journal of the American Medical Association"));
  EXPECT_TRUE(JournalNamesMatch("the Lancet", "The Lancet"));
  EXPECT_FALSE(JournalNamesMatch("The Lancet", "Lancet Oncology"));
  EXPECT_FALSE(JournalNamesMatch("J Pain", "Clin J Pain"));
  EXPECT_FALSE(JournalNamesMatch("The Journal of Emergency Medicine", "Am J Emerg Med"));
  EXPECT_FALSE(JournalNamesMatch("Pain", "Pediatrics"));
  EXPECT_FALSE(
      JournalNamesMatch("bmj", "British Medical Journal"));  // not written as an initialism
  Reference r;
  r.journal = "The Clinical Journal of Pain";
  r.journal_short = "Clin J Pain";
  EXPECT_TRUE(SameJournal("Clin J Pain", r));
  EXPECT_FALSE(SameJournal("Pain Medicine", r));
}

TEST(CitationsArticleRefs, ParsesCommonStyles) {
  Reference v = ParseReferenceText(
      "Ruiz JH, Choi TY, Park MS, et al. Heat for acute low back pain: a systematic review. "
      "Clin J Pain. 2013;29(2):172-85. doi:10.1000/heat.2013.1");
  EXPECT_EQ(v.families, (std::vector<std::string>{"Ruiz", "Choi", "Park"}));
  EXPECT_EQ(v.title, "Heat for acute low back pain: a systematic review");
  EXPECT_EQ(v.journal, "Clin J Pain");
  EXPECT_EQ(v.year, 2013);
  EXPECT_EQ(v.doi, "10.1000/heat.2013.1");

  Reference apa = ParseReferenceText(
      "Ruiz, J. H., Choi, T.-Y., & Park, M. S. (2013). Heat for acute low back pain: A "
      "systematic review. The Clinical Journal of Pain, 29(2), 172–185. "
      "https://doi.org/10.1000/heat.2013.1");
  EXPECT_EQ(apa.families, (std::vector<std::string>{"Ruiz", "Choi", "Park"}));
  EXPECT_EQ(apa.year, 2013);
  EXPECT_EQ(apa.title, "Heat for acute low back pain: A systematic review");
  EXPECT_EQ(apa.journal, "The Clinical Journal of Pain");
  EXPECT_EQ(apa.doi, "10.1000/heat.2013.1");

  Reference harvard = ParseReferenceText(
      "Ruiz, J.H. and Park, M.S. (2013) 'Heat for acute low back pain', Clinical Journal of "
      "Pain, 29(2), pp. 172–185.");
  EXPECT_EQ(harvard.families, (std::vector<std::string>{"Ruiz", "Park"}));
  EXPECT_EQ(harvard.title, "Heat for acute low back pain");
  EXPECT_EQ(harvard.journal, "Clinical Journal of Pain");

  Reference corp = ParseReferenceText(
      "National Institute for Health and Care Excellence (2016). Low back pain and sciatica in "
      "over 16s (NICE guideline NG59). https://www.nice.org.uk/guidance/ng59");
  EXPECT_EQ(corp.institution, "National Institute for Health and Care Excellence");
  EXPECT_EQ(corp.year, 2016);
  EXPECT_EQ(corp.report_number, "NG59");
  EXPECT_EQ(corp.url, "https://www.nice.org.uk/guidance/ng59");

  Reference numbered = ParseReferenceText("[4] Park MS. Sleep and pain. Pain Med. 2018;3:1-9.");
  EXPECT_EQ(numbered.list_number, 4);
  EXPECT_EQ(numbered.families, std::vector<std::string>{"Park"});

  Reference pmid = ParseReferenceText("Park MS. Sleep and pain. Pain Med. 2018. PMID: 30000002");
  EXPECT_EQ(pmid.pmid, "30000002");
  EXPECT_EQ(pmid.year, 2018);

  Reference nhs = ParseReferenceText(
      "NHS England. Items which should not routinely be prescribed in primary care. 2017.");
  EXPECT_EQ(nhs.institution, "NHS England");
  EXPECT_EQ(nhs.year, 2017);

  Reference bare = ParseReferenceText("NHS: Back pain");
  EXPECT_EQ(bare.title, "NHS: Back pain");
  EXPECT_EQ(bare.year, 0);

  bool further = false;
  EXPECT_TRUE(IsReferenceHeading("References", &further));
  EXPECT_FALSE(further);
  EXPECT_TRUE(IsReferenceHeading("Sources:", &further));
  EXPECT_TRUE(IsReferenceHeading("Further reading", &further));
  EXPECT_TRUE(further);
  EXPECT_FALSE(IsReferenceHeading("How to find sources of help", &further));
  EXPECT_TRUE(LooksLikeReference("Park MS. Sleep and pain. Pain Med. 2018;3:1-9."));
  EXPECT_FALSE(LooksLikeReference("This was a small pilot, so treat it with care."));
}

}  // namespace
}  // namespace claimlint::cite
