// Resolution: author-year (with a/b suffixes), numbers, identifiers, titles,
// named bodies, and the description -> entry scoring.
#include <gtest/gtest.h>

#include "lint/citations/resolve.h"
#include "tests/unit/test_support.h"

namespace claimlint::cite {
namespace {

Reference Entry(std::string id, std::vector<std::string> families, int year, std::string title,
                std::string abstract = "") {
  Reference r;
  r.id = std::move(id);
  r.families = std::move(families);
  r.year = year;
  r.title = std::move(title);
  r.abstract = std::move(abstract);
  return r;
}

std::vector<Reference> Library() {
  std::vector<Reference> lib;
  lib.push_back(Entry("ruiz2013a", {"Ruiz", "Kim"}, 2013, "Heat wraps for acute low back pain"));
  lib.push_back(Entry("ruiz2013b", {"Ruiz", "Park"}, 2013, "Cold packs after knee surgery"));
  lib.push_back(Entry("mueller2011", {"Müller"}, 2011, "Sleep and chronic pain"));
  lib.back().doi = "10.1000/ABC.2011.9";
  lib.back().pmid = "21000001";
  lib.push_back(Entry("varga2021", {"de Wit", "Varga"}, 2021, "Massage for tension headache"));
  lib.back().url = "https://example.org/trials/massage";
  Reference nice;
  nice.id = "nice-ng59";
  nice.institution = "National Institute for Health and Care Excellence";
  nice.report_number = "NG59";
  nice.year = 2016;
  nice.title = "Low back pain and sciatica in over 16s";
  lib.push_back(nice);
  Reference nice2;
  nice2.id = "nice-ng193";
  nice2.publisher = "NICE";
  nice2.url = "https://www.nice.org.uk/guidance/ng193";
  nice2.year = 2021;
  nice2.title = "Chronic pain in over 16s";
  lib.push_back(nice2);
  Reference article;
  article.id = "ref-3";
  article.from_article = true;
  article.list_number = 3;
  article.families = {"Holm"};
  article.year = 2020;
  lib.push_back(article);
  return lib;
}

TEST(CitationsResolve, AuthorYear) {
  std::vector<Reference> lib = Library();
  Resolver res(lib);
  int family_only = -2;
  EXPECT_EQ(res.ByAuthorYear({"Müller"}, 2011, "", &family_only), 2);
  EXPECT_EQ(res.ByAuthorYear({"Muller"}, 2011, "", &family_only), 2);  // accents folded
  // Two Ruiz 2013 works: the suffix picks by title order, the second author by name.
  EXPECT_EQ(res.ByAuthorYear({"Ruiz"}, 2013, "a", &family_only), 1);  // "Cold ..." < "Heat ..."
  EXPECT_EQ(res.ByAuthorYear({"Ruiz"}, 2013, "b", &family_only), 0);
  EXPECT_EQ(res.ByAuthorYear({"Ruiz", "Park"}, 2013, "", &family_only), 1);
  EXPECT_EQ(res.ByAuthorYear({"Wit"}, 2021, "", &family_only), 3);  // "de Wit"
  // The year is wrong, but only one work has this first author.
  EXPECT_EQ(res.ByAuthorYear({"Müller"}, 2012, "", &family_only), -1);
  EXPECT_EQ(family_only, 2);
  EXPECT_EQ(res.ByAuthorYear({"Ruiz"}, 2014, "", &family_only), -1);
  EXPECT_EQ(family_only, -1);  // two candidates: no guess
  EXPECT_EQ(res.ByAuthorYear({"NICE"}, 2016, "", &family_only), 4);
  EXPECT_EQ(res.ByAuthorYear({"Nobody"}, 2016, "", &family_only), -1);
}

TEST(CitationsResolve, NumbersIdentifiersTitlesAndBodies) {
  std::vector<Reference> lib = Library();
  Resolver res(lib);
  EXPECT_EQ(res.ByNumber(3), 6);
  EXPECT_EQ(res.ByNumber(4), -1);
  EXPECT_EQ(res.ByDoi("https://doi.org/10.1000/abc.2011.9"), 2);
  EXPECT_EQ(res.ByDoi("doi:10.1000/ABC.2011.9."), 2);
  EXPECT_EQ(res.ByPmid("21000001"), 2);
  EXPECT_EQ(res.ByUrl("http://example.org/trials/massage/"), 3);
  EXPECT_EQ(res.ByUrl("https://example.org/trials/massage/results"), 3);
  EXPECT_EQ(res.ByUrl("https://example.org/trials/massages"), -1);
  EXPECT_EQ(res.ByTitle("Heat Wraps for Acute Low-Back Pain.", 0.8), 0);
  EXPECT_EQ(res.ByTitle("Heat wraps for neck pain in runners", 0.8), -1);
  std::vector<int> nice = res.ByBody("NICE");
  EXPECT_EQ(nice, (std::vector<int>{4, 5}));
  EXPECT_EQ(res.ByCode("NG59", &nice), std::vector<int>{4});
  EXPECT_EQ(res.ByCode("ng193", &nice), std::vector<int>{5});  // from the URL
  EXPECT_TRUE(res.ByBody("WHO").empty());
  EXPECT_EQ(ShortCite(lib[0]), "Ruiz and Kim 2013");
  EXPECT_EQ(ShortCite(lib[4]), "NICE NG59 2016");
}

std::vector<Reference> DescribedLibrary() {
  std::vector<Reference> lib;
  lib.push_back(Entry("heat", {"Varga"}, 2021,
                      "Heat wraps for acute low back pain in the emergency department",
                      "Pilot trial of heat wraps in 36 adults with acute low back pain in one "
                      "emergency department."));
  lib.push_back(Entry("yoga", {"Okafor"}, 2019, "Yoga for chronic neck pain in office workers",
                      "Trial of weekly yoga classes for office workers with neck pain."));
  lib.push_back(Entry("cold", {"Ruiz"}, 2013, "Cold packs after knee surgery",
                      "Trial of cold packs for pain after knee replacement surgery."));
  lib.push_back(Entry("sleep", {"Holm"}, 2020, "Sleep hygiene advice for insomnia",
                      "Trial of sleep hygiene advice in primary care."));
  return lib;
}

TEST(CitationsDescribe, ClearMatchNamesTheEntry) {
  std::vector<Reference> lib = DescribedLibrary();
  Resolver res(lib);
  AcronymMap acronyms;
  std::string d =
      "A study on PubMed looked at heat wraps (HW) for acute low back pain in emergency "
      "departments.";
  FindAcronyms(d, &acronyms);
  auto ranked = res.Describe(d, acronyms, nullptr);
  ASSERT_FALSE(ranked.empty());
  EXPECT_EQ(ranked[0].entry, 0);
  EXPECT_GE(ranked[0].matched, 5);
  std::vector<int> close;
  EXPECT_EQ(Resolver::Clear(ranked, DescribeOptions(), &close), 0);
  // Pain is in three of the four entries: it weighs less than "wraps".
  std::vector<Reference> two = {lib[0], lib[1]};
  Resolver small(two);
  auto pain = small.Describe("pain pain", acronyms, nullptr);
  auto wraps = small.Describe("heat wraps", acronyms, nullptr);
  EXPECT_GT(wraps[0].title_coverage, pain[0].title_coverage);
}

TEST(CitationsDescribe, StopsAtItsBudget) {
  std::vector<Reference> lib = DescribedLibrary();  // four entries
  Resolver res(lib, 0, /*describe_budget=*/10);
  AcronymMap acronyms;
  const std::string d = "A study looked at heat wraps for acute low back pain.";
  EXPECT_FALSE(res.Describe(d, acronyms, nullptr).empty());  // 4 of 10
  EXPECT_FALSE(res.Describe(d, acronyms, nullptr).empty());  // 8 of 10
  EXPECT_FALSE(res.describe_budget_spent());
  EXPECT_TRUE(res.Describe(d, acronyms, nullptr).empty());  // 12 would pass 10
  EXPECT_TRUE(res.describe_budget_spent());
  std::vector<int> among = {0};
  EXPECT_TRUE(res.Describe(d, acronyms, &among).empty());  // spent stays spent
}

TEST(CitationsDescribe, AcronymExpansionFindsTheEntry) {
  std::vector<Reference> lib = DescribedLibrary();
  Resolver res(lib);
  AcronymMap acronyms;
  FindAcronyms("Earlier we described Heat Wraps (HW).", &acronyms);
  auto ranked =
      res.Describe("HW for acute low back pain in the emergency department", acronyms, nullptr);
  std::vector<int> close;
  EXPECT_EQ(Resolver::Clear(ranked, DescribeOptions(), &close), 0);
}

TEST(CitationsDescribe, UnrelatedOrAmbiguousDescriptionsDoNotResolve) {
  std::vector<Reference> lib = DescribedLibrary();
  Resolver res(lib);
  AcronymMap none;
  std::vector<int> close;
  auto unrelated =
      res.Describe("Research shows that green tea helps with weight loss.", none, nullptr);
  EXPECT_EQ(Resolver::Clear(unrelated, DescribeOptions(), &close), -1);
  EXPECT_TRUE(close.empty());
  // Two entries fit "massage for neck pain" equally: no clear winner, both close.
  std::vector<Reference> twins = {
      Entry("a", {"A"}, 2020, "Massage for neck pain in nurses", "Randomised trial."),
      Entry("b", {"B"}, 2021, "Massage for neck pain in drivers", "Pilot trial."),
      Entry("c", {"C"}, 2019, "Cold packs after knee surgery", "Trial.")};
  Resolver tie(twins);
  auto ranked = tie.Describe("A study examined massage for neck pain.", none, nullptr);
  EXPECT_EQ(Resolver::Clear(ranked, DescribeOptions(), &close), -1);
  EXPECT_EQ(close.size(), 2u);
}

}  // namespace
}  // namespace claimlint::cite
