#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "lint/report/report.h"
#include "lint/report/report_util.h"
#include "lint/report/rule_docs.h"
#include "tests/unit/report_fixtures.h"

namespace claimlint {
namespace {

using report_testing::Capture;
using report_testing::MakeFile;
using report_testing::MakeFinding;
using report_testing::MakeReport;
using json = nlohmann::json;

json Sarif(const Report& r) {
  return json::parse(Capture([&](std::ostream& out) { WriteSarif(r, out); }));
}

Report Sample() {
  Finding claim = MakeFinding("claim.immune-boost", Severity::kError, 3, 6, 3, 21);
  claim.excerpt = "boosts immunity";
  Finding vague = MakeFinding("citation.vague", Severity::kWarning, 5, 1, 6, 4, Category::kCitation);
  vague.excerpt = "Research\nshows";
  vague.context = "";
  Finding input = MakeFinding("input.encoding", Severity::kInfo, 1, 1, 1, 2, Category::kInput);
  return MakeReport(
      {MakeFile("articles/zinc.md", "", {input, claim, vague}),
       MakeFile("b.md", "", {MakeFinding("claim.immune-boost", Severity::kError, 2, 1, 2, 7)})},
      report_testing::SampleRules().get());
}

TEST(ReportSarifTest, LogRunAndDriver) {
  ASSERT_NE(report_testing::SampleRules(), nullptr);
  json log = Sarif(Sample());
  EXPECT_EQ(log["version"], "2.1.0");
  EXPECT_NE(log["$schema"].get<std::string>().find("sarif-schema-2.1.0.json"), std::string::npos);
  ASSERT_EQ(log["runs"].size(), 1u);
  const json& run = log["runs"][0];
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  const json& driver = run["tool"]["driver"];
  EXPECT_EQ(driver["name"], "claimlint");
  EXPECT_EQ(driver["version"], CLAIMLINT_VERSION);
  EXPECT_TRUE(driver["informationUri"].is_string());
}

TEST(ReportSarifTest, RulesAreTheUsedOnesSortedWithMetadata) {
  json log = Sarif(Sample());
  const json& rules = log["runs"][0]["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(rules[0]["id"], "citation.vague");
  EXPECT_EQ(rules[1]["id"], "claim.immune-boost");
  EXPECT_EQ(rules[2]["id"], "input.encoding");

  const json& boost = rules[1];
  EXPECT_EQ(boost["name"], "ClaimImmuneBoost");
  EXPECT_EQ(boost["shortDescription"]["text"],
            "The wording is an immune-boosting claim with no source.");
  EXPECT_EQ(boost["fullDescription"]["text"],
            "Immune claims imply disease prevention. https://example.org/code#12");
  // The rule's own page; the source it cites stays in the properties.
  EXPECT_EQ(boost["helpUri"], RuleDocUrl("claim.immune-boost"));
  EXPECT_NE(boost["helpUri"].get<std::string>().find("/docs/rules/claim.immune-boost.md"),
            std::string::npos);
  EXPECT_EQ(boost["properties"]["source"], "https://example.org/code#12");
  EXPECT_NE(boost["help"]["markdown"].get<std::string>().find("## Why"), std::string::npos);
  EXPECT_EQ(boost["defaultConfiguration"]["level"], "error");
  EXPECT_EQ(boost["properties"]["category"], "claim");
  EXPECT_NE(boost["help"]["text"].get<std::string>().find("Name the measured effect"),
            std::string::npos);

  EXPECT_EQ(rules[0]["defaultConfiguration"]["level"], "warning");
  EXPECT_FALSE(rules[0]["properties"].contains("source"));  // the rule has no url

  // Not in the rule set: described from the finding.
  EXPECT_EQ(rules[2]["defaultConfiguration"]["level"], "note");
  EXPECT_EQ(rules[2]["properties"]["category"], "input");
}

TEST(ReportSarifTest, ResultsPointAtTheirRulesAndRegions) {
  json log = Sarif(Sample());
  const json& run = log["runs"][0];
  const json& results = run["results"];
  ASSERT_EQ(results.size(), 4u);
  for (const json& r : results) {
    int index = r["ruleIndex"];
    EXPECT_EQ(run["tool"]["driver"]["rules"][index]["id"], r["ruleId"]);
  }
  const json& claim = results[1];
  EXPECT_EQ(claim["ruleId"], "claim.immune-boost");
  EXPECT_EQ(claim["level"], "error");
  EXPECT_EQ(claim["message"]["text"], "Finding of claim.immune-boost.");
  const json& loc = claim["locations"][0]["physicalLocation"];
  EXPECT_EQ(loc["artifactLocation"]["uri"], "articles/zinc.md");
  EXPECT_EQ(loc["region"]["startLine"], 3);
  EXPECT_EQ(loc["region"]["startColumn"], 6);
  EXPECT_EQ(loc["region"]["endLine"], 3);
  EXPECT_EQ(loc["region"]["endColumn"], 21);  // exclusive, as in the finding
  EXPECT_EQ(loc["region"]["snippet"]["text"], "boosts immunity");
  EXPECT_EQ(claim["partialFingerprints"]["claimlint/v1"], "fp-claim.immune-boost-3");
  EXPECT_EQ(claim["properties"]["category"], "claim");
  EXPECT_EQ(claim["properties"]["context"], "asserted");

  const json& vague = results[2];
  EXPECT_EQ(vague["level"], "warning");
  EXPECT_EQ(vague["locations"][0]["physicalLocation"]["region"]["endLine"], 6);
  EXPECT_FALSE(vague["properties"].contains("context"));
  EXPECT_EQ(results[0]["level"], "note");
  EXPECT_EQ(results[3]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "b.md");
}

// The results are written one at a time into the dumped frame; the bytes must
// be what one dump of the whole log (ordered keys, 2-space indent) gives.
TEST(ReportSarifTest, WrittenLikeOneDumpOfTheWholeLog) {
  for (const Report& r : {Sample(), Report()}) {
    std::string text = Capture([&](std::ostream& out) { WriteSarif(r, out); });
    nlohmann::ordered_json whole = nlohmann::ordered_json::parse(text);
    EXPECT_EQ(text, whole.dump(2) + "\n");
  }
}

TEST(ReportSarifTest, EmptyReportIsStillALog) {
  json log = Sarif(MakeReport({MakeFile("a.md", "", {})}));
  EXPECT_TRUE(log["runs"][0]["results"].empty());
  EXPECT_TRUE(log["runs"][0]["tool"]["driver"]["rules"].empty());
}

TEST(ReportSarifTest, PathsArePercentEncodedUriReferences) {
  using report_internal::PathToUri;
  EXPECT_EQ(PathToUri("articles/zinc.md"), "articles/zinc.md");
  EXPECT_EQ(PathToUri("./articles/a b#1?.md"), "articles/a%20b%231%3F.md");
#ifdef _WIN32
  EXPECT_EQ(PathToUri("dir\\sub\\x.md"), "dir/sub/x.md");
  EXPECT_EQ(PathToUri("C:\\docs\\a.md"), "file:///C:/docs/a.md");
#else
  // A POSIX name may hold a backslash: it is not a separator.
  EXPECT_EQ(PathToUri("a\\b.md"), "a%5Cb.md");
  EXPECT_EQ(PathToUri("C:\\docs\\a.md"), "C%3A%5Cdocs%5Ca.md");
#endif
  EXPECT_EQ(PathToUri("caf\xC3\xA9/100%.md"), "caf%C3%A9/100%25.md");
  EXPECT_EQ(PathToUri("notes:2024.md"), "notes%3A2024.md");  // not a scheme
  EXPECT_EQ(PathToUri("/abs/a.md"), "file:///abs/a.md");

  json log = Sarif(MakeReport(
      {MakeFile("my notes/a[1].md", "", {MakeFinding("x.y", Severity::kInfo, 1, 1, 1, 2)})}));
  EXPECT_EQ(
      log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
      "my%20notes/a%5B1%5D.md");
}


// Hidden findings are results too, marked as suppressed: in the article
// (inSource) or by the baseline (external).
TEST(ReportSarifTest, HiddenFindingsCarrySuppressions) {
  Report r = Sample();
  r.files[1].suppressed_findings.push_back(
      MakeFinding("claim.immune-boost", Severity::kError, 4, 1, 4, 5));
  r.files[1].baselined_findings.push_back(
      MakeFinding("citation.vague", Severity::kWarning, 6, 1, 6, 5, Category::kCitation));
  json log = Sarif(r);
  const json& results = log["runs"][0]["results"];
  ASSERT_EQ(results.size(), 6u);
  for (int i = 0; i < 4; ++i) EXPECT_FALSE(results[i].contains("suppressions"));
  EXPECT_EQ(results[4]["suppressions"][0]["kind"], "inSource");
  EXPECT_EQ(results[5]["suppressions"][0]["kind"], "external");
  EXPECT_EQ(results[5]["ruleId"], "citation.vague");
}

}  // namespace
}  // namespace claimlint
