#include <gtest/gtest.h>

#include "lint/report/report.h"
#include "tests/unit/report_fixtures.h"

namespace claimlint {
namespace {

using report_testing::Capture;
using report_testing::CountOf;
using report_testing::MakeFile;
using report_testing::MakeFinding;
using report_testing::MakeReport;

std::string Github(const Report& r, int cap = 10) {
  OutputOptions opts;
  opts.github_cap = cap;
  return Capture([&](std::ostream& out) { WriteGithub(r, opts, out); });
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST(ReportGithubTest, OneCommandPerFinding) {
  Finding f = MakeFinding("claim.immune-boost", Severity::kError, 3, 6, 3, 21);
  f.suggestion = "";
  Report r = MakeReport({MakeFile("articles/zinc.md", "", {f})});
  EXPECT_EQ(Github(r),
            "::error file=articles/zinc.md,line=3,endLine=3,col=6,endColumn=21,"
            "title=claim.immune-boost::Finding of claim.immune-boost.\n");
}

TEST(ReportGithubTest, FindingsOnOneAnchorAreOneAnnotation) {
  Finding a = MakeFinding("d.bleeding", Severity::kWarning, 3, 1, 3, 12, Category::kDisclosure);
  Finding b = MakeFinding("d.fainting", Severity::kError, 3, 1, 3, 12, Category::kDisclosure);
  a.suggestion = b.suggestion = "";
  Finding c = MakeFinding("d.other", Severity::kInfo, 3, 1, 3, 5, Category::kDisclosure);
  c.suggestion = "";
  Report r = MakeReport({MakeFile("a.md", "", {a, b, c})});
  auto lines = Lines(Github(r));
  ASSERT_EQ(lines.size(), 2u);
  // The most severe level, both rules in the title, both messages in the body.
  EXPECT_EQ(lines[0],
            "::error file=a.md,line=3,endLine=3,col=1,endColumn=12,title=d.bleeding%2C d.fainting::"
            "[d.bleeding] Finding of d.bleeding.%0A%0A[d.fainting] Finding of d.fainting.");
  EXPECT_EQ(lines[1].substr(0, 19), "::notice file=a.md,");
}

TEST(ReportGithubTest, EscapesDataAndProperties) {
  Finding f = MakeFinding("x.y", Severity::kWarning, 1, 2, 1, 3);
  f.message = "50% of\r\nreaders: a, b";
  f.suggestion = "Fix it.";
  Report r = MakeReport({MakeFile("dir/a:b,c%.md", "", {f})});
  EXPECT_EQ(Github(r),
            "::warning file=dir/a%3Ab%2Cc%25.md,line=1,endLine=1,col=2,endColumn=3,title=x.y::"
            "50%25 of%0D%0Areaders: a, b%0AFix it.\n");
}

TEST(ReportGithubTest, InfoIsNoticeAndMostSevereFirst) {
  Report r = MakeReport({MakeFile("a.md", "",
                                  {MakeFinding("x.i", Severity::kInfo, 1, 1, 1, 2),
                                   MakeFinding("x.w", Severity::kWarning, 2, 1, 2, 2)}),
                         MakeFile("b.md", "", {MakeFinding("x.e", Severity::kError, 9, 1, 9, 2)})});
  auto lines = Lines(Github(r));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].substr(0, 18), "::error file=b.md,");
  EXPECT_EQ(lines[1].substr(0, 20), "::warning file=a.md,");
  EXPECT_EQ(lines[2].substr(0, 19), "::notice file=a.md,");
}

TEST(ReportGithubTest, CapsEachLevelAndSaysWhatWasLeftOut) {
  std::vector<Finding> findings;
  for (int i = 1; i <= 3; ++i) findings.push_back(MakeFinding("x.e", Severity::kError, i, 1, i, 2));
  findings.push_back(MakeFinding("x.w", Severity::kWarning, 4, 1, 4, 2));
  for (int i = 5; i <= 7; ++i) findings.push_back(MakeFinding("x.i", Severity::kInfo, i, 1, i, 2));
  Report r = MakeReport({MakeFile("a.md", "", findings)});
  std::string out = Github(r, 2);
  EXPECT_EQ(CountOf(out, "::error "), 2);
  EXPECT_EQ(CountOf(out, "::warning "), 1);
  // One notice slot is kept for the closing notice, so GitHub shows it.
  EXPECT_EQ(CountOf(out, "::notice file="), 1);
  auto lines = Lines(out);
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0].find("line=1,"), lines[0].find("line="));  // the first errors
  EXPECT_EQ(lines.back().substr(0, 10), "::notice::");
  EXPECT_NE(lines.back().find("3 more"), std::string::npos);
  EXPECT_NE(lines.back().find("1 error, 2 info"), std::string::npos);
  EXPECT_NE(lines.back().find("SARIF"), std::string::npos);
}

TEST(ReportGithubTest, NoClosingNoticeWhenEverythingFits) {
  std::vector<Finding> findings;
  for (int i = 1; i <= 10; ++i) findings.push_back(MakeFinding("x.i", Severity::kInfo, i, 1, i, 2));
  std::string out = Github(MakeReport({MakeFile("a.md", "", findings)}));
  EXPECT_EQ(CountOf(out, "::notice file="), 10);
  EXPECT_EQ(CountOf(out, "::notice::"), 0);
}

TEST(ReportGithubTest, NegativeCapMeansNoCap) {
  std::vector<Finding> findings;
  for (int i = 1; i <= 12; ++i) {
    findings.push_back(MakeFinding("x.e", Severity::kError, i, 1, i, 2));
  }
  std::string out = Github(MakeReport({MakeFile("a.md", "", findings)}), -1);
  EXPECT_EQ(CountOf(out, "::error "), 12);
  EXPECT_EQ(CountOf(out, "::notice"), 0);
}

}  // namespace
}  // namespace claimlint
