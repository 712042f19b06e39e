// The citation.* findings end to end: a small article, the built-in rules,
// the fixture library tests/data/citations/library.json.
#include <gtest/gtest.h>

#include "lint/checks/registry.h"
#include "lint/citations/analysis.h"
#include "lint/document/sentence.h"
#include "tests/unit/test_support.h"

namespace claimlint {
namespace {

using testing::BuiltinRuleSet;

std::shared_ptr<const ReferenceLibrary> FixtureLibrary() {
  static auto lib =
      testing::LibraryFrom(testing::SourceDir() + "/tests/data/citations/library.json");
  return lib;
}

std::vector<Finding> Lint(const std::string& text, std::shared_ptr<const ReferenceLibrary> lib,
                          const std::string& path = "article.md") {
  Linter linter({BuiltinRuleSet(), ContextClassifier::Builtin(), std::move(lib), nullptr});
  std::vector<Finding> out;
  for (Finding& f : linter.Lint(path, text).findings) {
    if (f.category == Category::kCitation) out.push_back(std::move(f));
  }
  return out;
}

std::vector<Finding> Lint(const std::string& text) { return Lint(text, FixtureLibrary()); }

std::vector<const Finding*> Of(const std::vector<Finding>& fs, const std::string& rule) {
  std::vector<const Finding*> out;
  for (const Finding& f : fs) {
    if (f.rule == rule) out.push_back(&f);
  }
  return out;
}

std::string All(const std::vector<Finding>& fs) {
  std::string s;
  for (const Finding& f : fs) s += f.rule + " '" + f.excerpt + "': " + f.message + "\n";
  return s.empty() ? "(none)" : s;
}

TEST(CitationsCheck, ResolvedCitationsAreQuiet) {
  auto fs = Lint(
      "# Neck pain\n\n"
      "Okafor et al. (2019), published in the Journal of Musculoskeletal Research, tested yoga.\n\n"
      "A trial published in J Musculoskelet Res in 2019 (Okafor, Reyes & Holm, 2019) tested "
      "yoga too. See also doi:10.1000/fixture.2019.11 and PMID: 31000011.\n");
  EXPECT_TRUE(fs.empty()) << All(fs);
}

TEST(CitationsCheck, Unresolved) {
  auto fs = Lint("# Neck pain\n\nYoga helped office workers (Lindqvist et al., 2018).\n");
  auto u = Of(fs, "citation.unresolved");
  ASSERT_EQ(u.size(), 1u) << All(fs);
  EXPECT_EQ(u[0]->excerpt, "Lindqvist et al., 2018");
  EXPECT_EQ(u[0]->line, 3);
  EXPECT_EQ(u[0]->column, 29);
  // With no list and no library, the citation still points nowhere, and the
  // message says so.
  auto none = Lint("# Neck pain\n\nYoga helped office workers (Lindqvist et al., 2018).\n",
                   std::make_shared<ReferenceLibrary>());
  auto n = Of(none, "citation.unresolved");
  ASSERT_EQ(n.size(), 1u) << All(none);
  EXPECT_NE(n[0]->message.find("has no reference list"), std::string::npos) << n[0]->message;
}

TEST(CitationsCheck, YearMismatchFromCitationAndFromStatedYear) {
  auto fs = Lint("# Wraps\n\nVarga and de Wit (2020) gave heat wraps to 36 adults.\n");
  auto y = Of(fs, "citation.year-mismatch");
  ASSERT_EQ(y.size(), 1u) << All(fs);
  EXPECT_EQ(y[0]->excerpt, "Varga and de Wit (2020)");
  EXPECT_NE(y[0]->message.find("2021"), std::string::npos);
  auto stated =
      Lint("# Wraps\n\nA pilot published in 2019 by Varga and de Wit (2021) used heat.\n");
  auto s = Of(stated, "citation.year-mismatch");
  ASSERT_EQ(s.size(), 1u) << All(stated);
  EXPECT_EQ(s[0]->excerpt, "2019");
}

TEST(CitationsCheck, SuffixPicksTheWork) {
  auto fs = Lint("# Neck\n\nPosture training was studied (Okafor 2019b).\n");
  EXPECT_TRUE(Of(fs, "citation.unresolved").empty()) << All(fs);
  EXPECT_TRUE(Of(fs, "citation.year-mismatch").empty()) << All(fs);
}

TEST(CitationsCheck, JournalMismatchButAbbreviationsAgree) {
  auto bad = Lint("# Neck\n\nOkafor et al. (2019), published in The Lancet, tested yoga.\n");
  auto j = Of(bad, "citation.journal-mismatch");
  ASSERT_EQ(j.size(), 1u) << All(bad);
  EXPECT_EQ(j[0]->excerpt, "The Lancet");
  EXPECT_NE(j[0]->message.find("Journal of Musculoskeletal Research"), std::string::npos);
  auto ok =
      Lint("# Neck\n\nOkafor et al. (2019), published in J. Musculoskelet. Res., tested yoga.\n");
  EXPECT_TRUE(Of(ok, "citation.journal-mismatch").empty()) << All(ok);
}

TEST(CitationsCheck, TitleMismatch) {
  auto fs = Lint(
      "# Neck\n\nThe trial titled \"Pilates for chronic neck pain\" by Okafor et al. (2019) "
      "enrolled 120 people.\n");
  auto t = Of(fs, "citation.title-mismatch");
  ASSERT_EQ(t.size(), 1u) << All(fs);
  EXPECT_EQ(t[0]->excerpt, "\"Pilates for chronic neck pain\"");
  EXPECT_TRUE(Of(fs, "citation.unresolved").empty()) << All(fs);
  auto ok = Lint(
      "# Neck\n\nThe trial titled \"Yoga for Chronic Neck Pain: A Randomised Controlled Trial\" "
      "(Okafor et al., 2019) enrolled 120 people.\n");
  EXPECT_TRUE(ok.empty()) << All(ok);
}

const char* kNumbered =
    "# Sleep\n\n"
    "Yoga helped sleep [1] and so did posture work [2, 4].\n\n"
    "## References\n\n"
    "1. Okafor C, Reyes A, Holm L. Yoga for chronic neck pain: a randomised controlled trial. J "
    "Musculoskelet Res. 2019;12:101-9. doi:10.1000/fixture.2019.11\n"
    "2. Okafor C, Ngata R. Posture training and neck pain in office workers: a cohort study. Occup "
    "Health Rep. 2018.\n"
    "3. Holm L. Sleep and chairs. Chair Science. 2017. https://example.org/chairs\n";

TEST(CitationsCheck, NumberedMissingUncitedAndNoIdentifier) {
  auto fs = Lint(kNumbered);
  auto missing = Of(fs, "citation.numbered-missing");
  ASSERT_EQ(missing.size(), 1u) << All(fs);
  EXPECT_EQ(missing[0]->excerpt, "[2, 4]");
  EXPECT_NE(missing[0]->message.find("reference 4"), std::string::npos);
  auto uncited = Of(fs, "citation.uncited-entry");
  ASSERT_EQ(uncited.size(), 1u) << All(fs);
  EXPECT_EQ(uncited[0]->line, 9);
  // Entry 2 has authors, title, journal and year: findable, so no
  // no-identifier warning; one note for the list's entries without links.
  EXPECT_TRUE(Of(fs, "citation.no-identifier").empty()) << All(fs);
  auto nolinks = Of(fs, "citation.no-links");
  ASSERT_EQ(nolinks.size(), 1u) << All(fs);
  EXPECT_EQ(nolinks[0]->line, 8);
  // Entry 2 is the library's okafor2019b, which says 2019.
  auto year = Of(fs, "citation.year-mismatch");
  ASSERT_EQ(year.size(), 1u) << All(fs);
  EXPECT_EQ(year[0]->line, 8);
}

TEST(CitationsCheck, FootnotesAndLinkedNumbers) {
  auto fs = Lint(
      "# Sleep\n\nYoga helped.[^yoga] Posture too.[^none]\n\n"
      "[^yoga]: Okafor C, Reyes A, Holm L. Yoga for chronic neck pain: a randomised controlled "
      "trial. 2019. doi:10.1000/fixture.2019.11\n");
  auto missing = Of(fs, "citation.numbered-missing");
  ASSERT_EQ(missing.size(), 1u) << All(fs);
  EXPECT_EQ(missing[0]->excerpt, "[^none]");
}

TEST(CitationsCheck, VagueNamesTheLikelyEntry) {
  auto fs = Lint(
      "# Back pain\n\nA study on PubMed examined Heat Wraps (HW) for acute low back pain in "
      "emergency departments. The results showed that HW can ease pain within an hour.\n");
  auto v = Of(fs, "citation.vague");
  ASSERT_EQ(v.size(), 1u) << All(fs);
  EXPECT_EQ(v[0]->excerpt, "A study on PubMed");
  EXPECT_NE(v[0]->message.find("varga2021"), std::string::npos) << v[0]->message;
  auto plain = Lint("# Tea\n\nStudies have shown that green tea helps weight loss.\n");
  auto p = Of(plain, "citation.vague");
  ASSERT_EQ(p.size(), 1u) << All(plain);
  EXPECT_EQ(p[0]->message.find("likely"), std::string::npos) << p[0]->message;
}

TEST(CitationsCheck, OverstatedAgainstAHedgedSource) {
  auto fs = Lint(
      "# Back pain\n\nVarga and de Wit (2021) gave heat wraps to adults with back pain. The "
      "findings showed that heat wraps relieve acute low back pain.\n");
  auto o = Of(fs, "citation.overstated");
  ASSERT_EQ(o.size(), 1u) << All(fs);
  EXPECT_EQ(o[0]->excerpt, "relieve acute low back pain");
  EXPECT_EQ(o[0]->context, "asserted");
  EXPECT_NE(o[0]->message.find("may ease"), std::string::npos) << o[0]->message;
  // Hedged as the source is: fine. A firm source: fine.
  auto hedged =
      Lint("# Back pain\n\nHeat wraps may ease acute low back pain (Varga & de Wit, 2021).\n");
  EXPECT_TRUE(Of(hedged, "citation.overstated").empty()) << All(hedged);
  auto firm = Lint("# Neck\n\nYoga reduces neck pain in office workers (Okafor et al., 2019).\n");
  EXPECT_TRUE(Of(firm, "citation.overstated").empty()) << All(firm);
  // A correlational source does not support a causal claim.
  auto causal = Lint("# Neck\n\nPosture training prevents neck pain (Okafor & Ngata, 2019).\n");
  EXPECT_EQ(Of(causal, "citation.overstated").size(), 1u) << All(causal);
}

TEST(CitationsCheck, NamedSourcesAndGuidelines) {
  auto fs = Lint(
      "# Activity\n\nThe WHO guidelines say adults should move more. For more, visit the NHS "
      "website.\n");
  auto g = Of(fs, "citation.guideline-unspecified");
  ASSERT_EQ(g.size(), 1u) << All(fs);
  EXPECT_EQ(g[0]->excerpt, "The WHO guidelines");
  EXPECT_NE(g[0]->message.find("who-activity"), std::string::npos) << g[0]->message;
  auto s = Of(fs, "citation.source-unspecified");
  ASSERT_EQ(s.size(), 1u) << All(fs);
  EXPECT_EQ(s[0]->excerpt, "the NHS website");
  auto linked = Lint(
      "# Activity\n\nThe [WHO guidelines](https://www.who.int/publications/i/item/9789240015128) "
      "say adults should move more.\n");
  EXPECT_TRUE(linked.empty()) << All(linked);
}

TEST(CitationsCheck, ContradictedByTheSourcesOwnWords) {
  auto lib = std::make_shared<ReferenceLibrary>(*FixtureLibrary());
  Reference g;
  g.id = "nice-x";
  g.institution = "National Institute for Health and Care Excellence";
  g.report_number = "NG0";
  g.year = 2020;
  g.title = "Neck pain: assessment and management";
  g.abstract = "Do not offer traction for managing neck pain.";
  lib->entries.push_back(g);
  auto fs = Lint(
      "# Traction for neck pain\n\nMany clinics use traction. It is recommended by the NICE "
      "guidelines for neck pain.\n",
      lib);
  auto c = Of(fs, "citation.contradicted");
  ASSERT_EQ(c.size(), 1u) << All(fs);
  EXPECT_EQ(c[0]->excerpt, "the NICE guidelines");
  EXPECT_NE(c[0]->message.find("Do not offer traction"), std::string::npos);
  auto against = Lint(
      "# Traction for neck pain\n\nMany clinics use traction. The NICE guidelines do not "
      "recommend it for neck pain.\n",
      lib);
  EXPECT_TRUE(Of(against, "citation.contradicted").empty()) << All(against);
  auto other = Lint(
      "# Exercise for neck pain\n\nExercise is recommended by the NICE guidelines for neck "
      "pain.\n",
      lib);
  EXPECT_TRUE(Of(other, "citation.contradicted").empty()) << All(other);
}

TEST(CitationsCheck, DisabledRulesAreSkipped) {
  auto loaded = LoadBuiltinRules(BuiltinChecks());
  ASSERT_TRUE(loaded.ok());
  std::vector<Rule> rules;
  for (Rule& r : loaded.value()) {
    if (r.id != "citation.vague") rules.push_back(std::move(r));
  }
  auto built = RuleSet::Build(std::move(rules));
  ASSERT_TRUE(built.ok());
  Linter linter({built.value(), ContextClassifier::Builtin(), FixtureLibrary(), nullptr});
  auto report = linter.Lint("a.md", "# Tea\n\nStudies have shown that green tea helps.\n");
  for (const Finding& f : report.findings) EXPECT_NE(f.rule, "citation.vague");
}

TEST(CitationsAnalysis, SupportedSentences) {
  std::string text =
      "# Neck\n\nYoga helps (Okafor et al., 2019). Research shows it helps. See "
      "https://pubmed.ncbi.nlm.nih.gov/31000011/ for more. The NICE guidelines agree. Heat "
      "helps (Nobody, 2001).\n";
  Document doc = ParseDocument("a.md", text, true);
  std::vector<Sentence> sentences = SplitDocument(doc);
  CitationAnalysis a = AnalyzeCitations({doc, sentences, *FixtureLibrary(), {}});
  auto index_of = [&](std::string_view start) {
    for (std::size_t i = 0; i < sentences.size(); ++i) {
      if (SentenceText(doc, sentences[i]).rfind(start, 0) == 0) return static_cast<int>(i);
    }
    return -1;
  };
  EXPECT_TRUE(a.Supported(index_of("Yoga helps")));
  EXPECT_FALSE(a.Supported(index_of("Research shows")));
  EXPECT_TRUE(a.Supported(index_of("See https")));
  EXPECT_FALSE(a.Supported(index_of("The NICE")));
  EXPECT_FALSE(a.Supported(index_of("Heat helps")));
  ASSERT_FALSE(a.citations.empty());
  const Citation& first = a.citations[0];
  EXPECT_EQ(first.kind, CitationKind::kAuthorYear);
  EXPECT_EQ(a.entries[static_cast<std::size_t>(first.resolved)].id, "okafor2019");
  // With an empty library, a specific author-year citation still counts.
  ReferenceLibrary empty;
  EXPECT_TRUE(AnalyzeCitations({doc, sentences, empty, {}}).Supported(index_of("Heat helps")));
}

TEST(CitationsCheck, PositionsSurviveMarkupAndPlainText) {
  auto md = Lint("# Neck\n\n**Yoga** &amp; more helped (*Lindqvist* et al., 2018).\n");
  auto u = Of(md, "citation.unresolved");
  ASSERT_EQ(u.size(), 1u) << All(md);
  // The range starts at the plain text's first letter, inside the emphasis.
  EXPECT_EQ(u[0]->excerpt, "Lindqvist* et al., 2018");
  auto txt = Lint("Neck pain\n\nYoga helped office workers\n(Lindqvist et al., 2018).\n",
                  FixtureLibrary(), "article.txt");
  auto t = Of(txt, "citation.unresolved");
  ASSERT_EQ(t.size(), 1u) << All(txt);
  EXPECT_EQ(t[0]->line, 4);
  EXPECT_EQ(t[0]->column, 2);
}

}  // namespace
}  // namespace claimlint
