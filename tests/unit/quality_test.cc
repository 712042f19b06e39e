// The quality check: author, date, stale review, sources; date parsing and
// "today"; the built-in pack's examples; the sample article.
#include "lint/checks/quality.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <optional>

#include "lint/checks/article_dates.h"
#include "lint/checks/authorship.h"
#include "lint/checks/registry.h"
#include "lint/document/sentence.h"
#include "lint/engine/linter.h"
#include "tests/unit/test_support.h"

namespace claimlint {
namespace {

using testing::ReadAll;
using testing::SourceDir;

std::shared_ptr<const RuleSet> QualityPack() {
  static std::shared_ptr<const RuleSet> rules = [] {
    auto loaded = LoadRulePath(SourceDir() + "/rules/quality.yaml", BuiltinChecks());
    if (!loaded.ok()) throw std::runtime_error(loaded.error().ToString());
    auto built = RuleSet::Build(std::move(loaded.value()));
    if (!built.ok()) throw std::runtime_error(built.error().ToString());
    return built.value();
  }();
  return rules;
}

// Sets CLAIMLINT_TODAY for the lifetime of the object.
class FixedToday {
 public:
  explicit FixedToday(const char* date) {
    if (const char* old = std::getenv("CLAIMLINT_TODAY")) old_ = old;
    setenv("CLAIMLINT_TODAY", date, 1);
  }
  ~FixedToday() {
    if (old_) {
      setenv("CLAIMLINT_TODAY", old_->c_str(), 1);
    } else {
      unsetenv("CLAIMLINT_TODAY");
    }
  }

 private:
  std::optional<std::string> old_;
};

struct LintRun {
  Document doc;
  std::vector<Finding> findings;
  const Finding* Get(const std::string& rule) const {
    for (const Finding& f : findings) {
      if (f.rule == rule) return &f;
    }
    return nullptr;
  }
  bool Has(const std::string& rule) const { return Get(rule) != nullptr; }
  std::string Describe() const {
    std::string out;
    for (const Finding& f : findings) {
      out += "  " + f.rule + " " + std::to_string(f.line) + ":" + std::to_string(f.column) + " '" +
             f.excerpt + "'\n";
    }
    return out.empty() ? "  (none)\n" : out;
  }
};

LintRun Quality(const std::string& text, int claim_findings = 0, bool markdown = true,
                const std::string& path = "article.md") {
  LintRun r;
  r.doc = ParseDocument(path, text, markdown);
  std::vector<Sentence> sentences = SplitDocument(r.doc);
  ReferenceLibrary library;
  CitationAnalysis citations;
  FileFacts facts;
  facts.claim_findings = claim_findings;
  CheckInput in{r.doc,   sentences, *QualityPack(), *ContextClassifier::Builtin(),
                library, citations, &facts};
  r.findings = CheckQuality(in);
  FinalizeFindings(r.doc, &r.findings);
  return r;
}

// ---- Dates -----------------------------------------------------------------

CalendarDate Parse(std::string_view s, std::size_t* len = nullptr) {
  CalendarDate d;
  std::size_t n = 0;
  EXPECT_TRUE(ParseArticleDate(s, &d, &n)) << s;
  if (len) *len = n;
  return d;
}

bool Same(const CalendarDate& a, int y, int m, int d) {
  return a.year == y && a.month == m && a.day == d;
}

TEST(QualityDates, ParsesTheCommonForms) {
  EXPECT_TRUE(Same(Parse("2024-03-05"), 2024, 3, 5));
  EXPECT_TRUE(Same(Parse("2024-03-05T10:00:00Z"), 2024, 3, 5));
  EXPECT_TRUE(Same(Parse("5 March 2024"), 2024, 3, 5));
  EXPECT_TRUE(Same(Parse("5th Mar. 2024"), 2024, 3, 5));
  EXPECT_TRUE(Same(Parse("March 5, 2024"), 2024, 3, 5));
  EXPECT_TRUE(Same(Parse("Sept 30th, 2021"), 2021, 9, 30));
  EXPECT_TRUE(Same(Parse("March 2024"), 2024, 3, 31));  // a month reads as its last day
  EXPECT_TRUE(Same(Parse("2024-02"), 2024, 2, 29));
  EXPECT_TRUE(Same(Parse("2021"), 2021, 12, 31));
  EXPECT_TRUE(Same(Parse("25/12/2020"), 2020, 12, 25));
  EXPECT_TRUE(Same(Parse("12/25/2020"), 2020, 12, 25));
  EXPECT_TRUE(Same(Parse("03/04/2020"), 2020, 4, 3));  // ambiguous: the later reading
  std::size_t len = 0;
  Parse("5 March 2024 by Jane", &len);
  EXPECT_EQ(len, 12u);
}

TEST(QualityDates, RejectsWhatIsNotADate) {
  CalendarDate d;
  for (const char* s : {"", "March", "31 February 2023", "2023-13-01", "12345", "May be", "20245",
                        "Spring 2024", "1 Marching 2024", "2024x"}) {
    EXPECT_FALSE(ParseArticleDate(s, &d)) << s;
  }
}

TEST(QualityDates, TodayComesFromTheEnvironmentWhenSet) {
  {
    FixedToday today("2030-06-15");
    EXPECT_TRUE(Same(TodayForQuality(), 2030, 6, 15));
  }
  {
    FixedToday today("not a date");
    CalendarDate t = TodayForQuality();
    EXPECT_GE(t.year, 2024);  // falls back to the clock
  }
}

TEST(QualityDates, BylineDatesAfterASeparator) {
  auto dates = [](const char* text) { return FindArticleDates(ParseDocument("a.md", text, true)); };
  EXPECT_EQ(
      dates("# T\n\nPosted in *Tips* by the Elm Street team \xC2\xB7 3 November 2026\n").size(),
      1u);
  EXPECT_EQ(dates("# T\n\nBy Ann Lee, 3 May 2024\n").size(), 1u);
  EXPECT_EQ(dates("# T\n\nJo Park | 2024-05-03 | 4 min read\n").size(), 1u);
  // A comma in prose is not a byline separator.
  EXPECT_TRUE(dates("# T\n\nIn Leeds, 3 May 2024 was the wettest day.\n").empty());
}

TEST(QualityDates, FindsDatesInFrontMatterAndBylinesButNotInProse) {
  Document doc = ParseDocument("a.md",
                               "---\ntitle: T\nreviewed: 2022-01-10\n---\n# T\n\n"
                               "By Ann Lee | Updated 5 March 2024\n\n"
                               "The guideline was published on 30 November 2016.\n\n"
                               "> Last reviewed: 1 May 2020\n",
                               true);
  std::vector<ArticleDate> dates = FindArticleDates(doc);
  ASSERT_EQ(dates.size(), 2u);
  EXPECT_TRUE(Same(dates[0].date, 2022, 1, 10));
  EXPECT_EQ(doc.index.At(doc.text, dates[0].src_begin).line, 3);
  EXPECT_TRUE(Same(dates[1].date, 2024, 3, 5));
  EXPECT_EQ(dates[1].text, "5 March 2024");
  EXPECT_EQ(doc.text.substr(dates[1].src_begin, dates[1].src_end - dates[1].src_begin),
            "5 March 2024");
}

// ---- Author ----------------------------------------------------------------

TEST(QualityAuthor, Bylines) {
  for (const char* text :
       {"# T\n\nBy Jane Smith\n\nText.\n", "# T\n\n**By Dr. Jane Smith, GP**\n\nText.\n",
        "# T\n\nWritten by Jane Smith on 5 May 2024. She is a nurse.\n",
        "# T\n\nText.\n\n*Medically reviewed by Omar Haddad*\n", "# T\n\nAuthor: Li Wei\n",
        "# T\n\nText.\n\n## About the author\n\nA physiotherapist.\n",
        "---\nauthor: Jane Smith\n---\n# T\n\nText.\n",
        "---\nauthors:\n  - name: Jane Smith\n---\n# T\n\nText.\n"}) {
    EXPECT_TRUE(HasAuthor(ParseDocument("a.md", text, true))) << text;
  }
}

TEST(QualityAuthor, NotBylines) {
  for (const char* text :
       {"# T\n\nBy targeting these points, pain eases.\n",
        "# T\n\nBy The Way This Long Title Case Line Keeps Going For Many Words Here\n",
        "# T\n\nThe book was written by Jane Smith.\n", "# T\n\n> By Jane Smith\n",
        "# T\n\nby jane smith\n"}) {
    EXPECT_FALSE(HasAuthor(ParseDocument("a.md", text, true))) << text;
  }
}

// ---- The findings ----------------------------------------------------------

TEST(QualityFindings, NoAuthorAndNoDateSitAtTheTitle) {
  LintRun r = Quality("\n# Walking for health\n\nBrisk walking is exercise.\n");
  const Finding* author = r.Get("quality.no-author");
  const Finding* date = r.Get("quality.no-date");
  ASSERT_NE(author, nullptr) << r.Describe();
  ASSERT_NE(date, nullptr) << r.Describe();
  EXPECT_EQ(author->line, 2);
  EXPECT_EQ(author->excerpt, "# Walking for health");
  EXPECT_EQ(date->line, 2);
  EXPECT_EQ(author->category, Category::kQuality);
  EXPECT_EQ(author->severity, Severity::kWarning);
}

TEST(QualityFindings, FrontMatterTitleIsTheSpot) {
  LintRun r = Quality("---\nlayout: post\ntitle: Walking\n---\n\nBrisk walking is exercise.\n");
  const Finding* author = r.Get("quality.no-author");
  ASSERT_NE(author, nullptr) << r.Describe();
  EXPECT_EQ(author->line, 3);
  EXPECT_EQ(author->excerpt, "title: Walking");
}

TEST(QualityFindings, StaleReviewAtTheLatestDate) {
  FixedToday today("2025-06-01");
  LintRun r = Quality("---\ndate: 2015-01-01\nreviewed: 2021-05-31\n---\n# T\n\nText.\n");
  const Finding* stale = r.Get("quality.stale-review");
  ASSERT_NE(stale, nullptr) << r.Describe();
  EXPECT_EQ(stale->line, 3);
  EXPECT_NE(stale->message.find("2021-05-31"), std::string::npos) << stale->message;
  EXPECT_EQ(stale->severity, Severity::kInfo);
  EXPECT_FALSE(r.Has("quality.no-date"));
  // Exactly three years is not yet stale; a day more is.
  {
    FixedToday edge("2024-05-31");
    EXPECT_FALSE(
        Quality("---\nreviewed: 2021-05-31\n---\n# T\n\nText.\n").Has("quality.stale-review"));
  }
  {
    FixedToday edge("2024-06-01");
    EXPECT_TRUE(
        Quality("---\nreviewed: 2021-05-31\n---\n# T\n\nText.\n").Has("quality.stale-review"));
  }
  // A newer text date wins over an old front-matter date.
  EXPECT_FALSE(Quality("---\ndate: 2010-01-01\n---\n# T\n\nLast updated: 1 May 2025\n")
                   .Has("quality.stale-review"));
}

TEST(QualityFindings, StaleReviewPointsAtATextDate) {
  FixedToday today("2025-06-01");
  LintRun r = Quality("# T\n\nBy Ann Lee | Last reviewed: 4 June 2015\n\nText.\n");
  const Finding* stale = r.Get("quality.stale-review");
  ASSERT_NE(stale, nullptr) << r.Describe();
  EXPECT_EQ(stale->line, 3);
  EXPECT_EQ(stale->excerpt, "4 June 2015");
}

TEST(QualityFindings, MaxAgeIsAnOption) {
  FixedToday today("2025-06-01");
  std::string pack = R"yaml(pack: q
rules:
  - id: quality.stale-review
    category: quality
    severity: info
    check: quality.stale-review
    options: {max_age_years: 1}
    message: "stale {match}"
    examples: {fire: ["x"], pass: ["y"]}
)yaml";
  auto loaded = LoadRulePack(pack, "q.yaml", BuiltinChecks());
  ASSERT_TRUE(loaded.ok());
  auto rules = RuleSet::Build(std::move(loaded.value()));
  ASSERT_TRUE(rules.ok());
  Document doc = ParseDocument("a.md", "---\nreviewed: 2024-01-01\n---\n# T\n\nText.\n", true);
  std::vector<Sentence> sentences = SplitDocument(doc);
  ReferenceLibrary library;
  CitationAnalysis citations;
  FileFacts facts;
  CheckInput in{doc,     sentences, *rules.value(), *ContextClassifier::Builtin(),
                library, citations, &facts};
  std::vector<Finding> f = CheckQuality(in);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "stale 2024-01-01");
}

TEST(QualityFindings, NoSourcesOnlyWhenClaimsAreMade) {
  std::string text = "# Echinacea\n\nIt works wonders.\n";
  EXPECT_FALSE(Quality(text, 0).Has("quality.no-sources"));
  EXPECT_TRUE(Quality(text, 2).Has("quality.no-sources"));
}

TEST(QualityFindings, SourcesInTheirCommonForms) {
  for (const char* text :
       {"# E\n\nIt works.\n\n## References\n\n1. A paper.\n",
        "# E\n\nIt works.\n\nSources:\n\n- A paper.\n",
        "# E\n\nIt works ([trial](https://pubmed.ncbi.nlm.nih.gov/123456/)).\n",
        "# E\n\nIt works (doi:10.1136/bmj.323.7311.485).\n",
        "# E\n\nIt works, as Lee et al. (2013) found.\n",
        "# E\n\nIt works (Brown & Green, 2018).\n", "# E\n\nIt works.[^1]\n\n[^1]: A paper.\n",
        "---\nreferences: refs.json\n---\n# E\n\nIt works.\n",
        "---\nbibliography:\n  - title: A paper\n---\n# E\n\nIt works.\n"}) {
    EXPECT_FALSE(Quality(text, 1).Has("quality.no-sources")) << text;
  }
  // A link to a shop or a vague mention is not a source.
  EXPECT_TRUE(Quality("# E\n\nIt works ([buy](https://shop.example.com/e)). Studies show it.\n", 1)
                  .Has("quality.no-sources"));
}

TEST(QualityFindings, NothingForAnEmptyDocument) {
  EXPECT_TRUE(Quality("", 3).findings.empty());
  EXPECT_TRUE(Quality("\n\n   \n", 3).findings.empty());
}

// ---- The built-in pack -----------------------------------------------------

TEST(QualityPackExamples, FireAndPass) {
  FixedToday today("2026-01-15");
  const RuleSet& rules = *QualityPack();
  ASSERT_EQ(rules.rules().size(), 4u);
  for (const Rule& rule : rules.rules()) {
    SCOPED_TRACE(rule.id);
    EXPECT_EQ(rule.category, Category::kQuality);
    EXPECT_FALSE(rule.check.empty());
    EXPECT_NE(rule.why.find("http"), std::string::npos);
    EXPECT_GE(rule.examples_fire.size(), 2u);
    EXPECT_GE(rule.examples_pass.size(), 4u);
    // The claim examples stand in for what the claim check would report.
    int claims = rule.id == "quality.no-sources" ? 1 : 0;
    for (const std::string& ex : rule.examples_fire) {
      LintRun r = Quality(ex, claims);
      EXPECT_TRUE(r.Has(rule.id)) << "should fire on:\n" << ex << r.Describe();
    }
    for (const std::string& ex : rule.examples_pass) {
      bool claim_free = ex.find("Echinacea boosts") == std::string::npos;
      LintRun r = Quality(ex, claim_free ? 0 : claims);
      EXPECT_FALSE(r.Has(rule.id)) << "should not fire on:\n" << ex << r.Describe();
    }
  }
}

// ---- The sample article ----------------------------------------------------

TEST(QualitySeed, SampleArticleHasNoAuthorAndNoDate) {
  std::string path = SourceDir() + "/../shared/seed/acupuncture-back-pain.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no seed at " << path;
  LintRun r =
      Quality(ReadAll(path), /*claim_findings=*/5, /*markdown=*/false, "acupuncture-back-pain.txt");
  EXPECT_TRUE(r.Has("quality.no-author")) << r.Describe();
  EXPECT_TRUE(r.Has("quality.no-date")) << r.Describe();
  EXPECT_FALSE(r.Has("quality.stale-review")) << r.Describe();
  // It names its study (Lee et al. 2013), so it is not without sources.
  EXPECT_FALSE(r.Has("quality.no-sources")) << r.Describe();
  const Finding* author = r.Get("quality.no-author");
  ASSERT_NE(author, nullptr);
  EXPECT_EQ(author->line, 1);
}

}  // namespace
}  // namespace claimlint

namespace claimlint {
namespace {

// ---- Authors that are institutions, bylines as sites write them ------------------

TEST(QualityAuthor, InstitutionsTeamsAndRoles) {
  for (
      const char* text : {
          // Front matter: an organisation as author or publisher, in any format.
          "+++\ntitle = \"T\"\nauthor = \"Joint Action UK\"\n+++\n# T\n\nText.\n",
          "{\n  \"title\": \"T\",\n  \"author\": \"MS Support Network information team\"\n}\n# T\n",
          "+++\ntitle = \"T\"\n[extra]\nauthor = \"Clare Hollis\"\n+++\n# T\n\nText.\n",
          "---\npublisher: Harbour Road Pharmacy\n---\n# T\n\nText.\n",
          // A named team, after a separator or at the start of a source line.
          "# T\n\nOct 30, 2024 \xC2\xB7 Written by the FungiFolk team\n\nText.\n",
          "# T\n\n*From the team at Harbourside Integrative Medicine \xC2\xB7 Posted in Heart*\n",
          "# T\n\n*Health advice from the pharmacists at Ashby Road Pharmacy*\n\nText.\n",
          "# T\n\nText.\n\n*Written by the pharmacy team at Ashby Road Pharmacy.*\n",
          "# T\n\nHarbour Road Pharmacy - Medicines information\nPrepared by our pharmacist "
          "team.\n",
          "# T\n\nBy Mayo Clinic Staff\n\nText.\n",
          // A reviewer by role; the page's own statement; the publisher at its foot.
          "# T\n\nText.\n\nPage last reviewed by a consultant neurologist, June 2025.\n",
          "# T\n\nText.\n\nLast reviewed by a Cleveland Clinic medical professional on 5/3/2024.\n",
          "# T\n\nText.\n\nThis page was written by our information team and checked by two "
          "physiotherapists who treat people with arthritis every week.\n",
          "# T\n\nText.\n\nText again.\n\n*Joint Action UK is a registered charity. It answers "
          "questions on its helpline every weekday and publishes guides like this one.*\n",
          // Names in bold under the title; an abstract's author block; a sign-off.
          "# T\n\n**Jonah Marlow, Tessa Ferris, Daniel Acheampong**\n\nText.\n",
          "# T\n\n**Clare Hollis, RSHom** \xC2\xB7 Little Acorns Homeopathy\n\nText.\n",
          "# T\n\nText.\n\nAuthor information: (1)Department of Gastroenterology, Kingsmere.\n",
          "# T\n\nText.\n\nMore text.\n\n*\xE2\x80\x94 Rachel, The Memory Kitchen*\n",
          // A review line naming the body; publishing cues; a copyright line.
          "# T\n\nText.\n\nPage last reviewed: 3 March 2024 by NHS Inform\n",
          "# T\n\nContent reviewed by Cleveland Clinic, 12 May 2023\n\nText.\n",
          "# T\n\nPublished by Public Health England, 5 June 2021\n\nText.\n",
          "# T\n\nText.\n\n\xC2\xA9 2024 Macmillan Cancer Support\n",
          "---\nseo:\n  author: Versus Arthritis\n---\n# T\n\nText.\n",
      }) {
    EXPECT_TRUE(HasAuthor(ParseDocument("a.md", text, true))) << text;
  }
}

TEST(QualityAuthor, ProseIsNotAByline) {
  for (const char* text : {
           "# T\n\nYour symptoms should be checked by a doctor.\n",
           "# T\n\nWe got a lot of help from the hospital team last year.\n",
           "# T\n\nAsk for advice from our pharmacists at the counter.\n",
           "# T\n\n**Oats and barley**\n\nText.\n",
           "# T\n\n**Important: stop if it hurts**\n\nText.\n",
           "# T\n\nIntro.\n\n- Eat well\n- Sleep - Rest\n",
           "# T\n\nThe study was published by the research team in 2019.\n",
           "# T\n\nPublished by Oxford University Press in 2019, the study followed 2,000 "
           "adults for ten years and found that sleep improved.\n",
           "# T\n\nPosted on March 3, 2025 by admin\n",
           // Alt text and the title are not where a page names its author.
           "---\ntitle: By Jane Smith\n---\nText.\n",
           "# T\n\n![By Jane Smith](a.png)\n\nText.\n",
       }) {
    EXPECT_FALSE(HasAuthor(ParseDocument("a.md", text, true))) << text;
  }
}

// ---- Date lines -------------------------------------------------------------------

TEST(QualityDates, DateLinesAsSitesWriteThem) {
  auto first = [](const char* text) {
    std::vector<ArticleDate> d = FindArticleDates(ParseDocument("a.md", text, true));
    return d.empty() ? std::string() : d[0].text;
  };
  EXPECT_EQ(first("# T\n\nOct 30, 2024 \xC2\xB7 Written by the FungiFolk team\n"), "Oct 30, 2024");
  EXPECT_EQ(first("# T\n\n*Updated 3 March 2025*\n"), "3 March 2025");
  EXPECT_EQ(first("# T\n\nPublished: 12/03/2024\n"), "12/03/2024");
  EXPECT_EQ(first("# T\n\nJournal. 2021;44(6):512.\nPublished online 14 April 2021\n"),
            "14 April 2021");
  EXPECT_EQ(first("# T\n\nSome long closing paragraph that goes on and names the charity and "
                  "who checked the page and what it covers in some detail for readers. Last "
                  "updated 8 September 2025.\n"),
            "8 September 2025");
  EXPECT_EQ(first("+++\ntitle = \"T\"\nlastmod = 2025-01-02\n+++\nText.\n"), "2025-01-02");
  EXPECT_EQ(first("# T\n\nNext review due: after the guideline changes.\n"), "");
  // A byline's date after "on", "in" or a comma, ending the line.
  EXPECT_EQ(first("# T\n\nPage last reviewed by the NHS website team on 3 March 2024\n"),
            "3 March 2024");
  EXPECT_EQ(first("# T\n\nReviewed by the Medical Advisory Board of the Migraine Trust in April "
                  "2023\n"),
            "April 2023");
  EXPECT_EQ(first("# T\n\nPublished by Public Health England, 5 June 2021\n"), "5 June 2021");
  EXPECT_EQ(first("# T\n\nPublished by Oxford University Press in 2019, the study followed "
                  "adults.\n"),
            "");
  EXPECT_TRUE(Same(Parse("2022 Jun 30"), 2022, 6, 30));
  EXPECT_TRUE(Same(Parse("2022 Sep;38(9)"), 2022, 9, 30));
}

TEST(QualityFindings, AJournalRecordDateDoesNotGoStale) {
  FixedToday today("2030-01-01");
  LintRun paper = Quality("# A trial\n\nJ Example. 2020;1(2):3.\nEpub 2020 Jun 30.\n\nText.\n");
  EXPECT_FALSE(paper.Has("quality.no-date")) << paper.Describe();
  EXPECT_FALSE(paper.Has("quality.stale-review")) << paper.Describe();
  LintRun page = Quality("# Advice\n\nLast reviewed: 30 June 2020\n\nText.\n");
  EXPECT_TRUE(page.Has("quality.stale-review")) << page.Describe();
}

TEST(QualityFindings, DocumentFindingsStayAtTheTitleLineInEveryFormat) {
  for (const char* text : {"+++\nlayout = \"post\"\ntitle = \"Walking\"\n+++\n\nBrisk.\n",
                           "{\n  \"layout\": \"post\",\n  \"title\": \"Walking\"\n}\n\nBrisk.\n"}) {
    LintRun r = Quality(text);
    const Finding* author = r.Get("quality.no-author");
    ASSERT_NE(author, nullptr) << r.Describe();
    EXPECT_EQ(author->line, 3) << text;
  }
  // With no title, an image's alt text is not the spot.
  LintRun r = Quality("![A cure](a.png)\n\nBrisk walking is exercise.\n");
  const Finding* author = r.Get("quality.no-author");
  ASSERT_NE(author, nullptr) << r.Describe();
  EXPECT_EQ(author->line, 3);
}

}  // namespace
}  // namespace claimlint
