#include <gtest/gtest.h>

#include "lint/report/report.h"
#include "tests/unit/report_fixtures.h"

namespace claimlint {
namespace {

using report_testing::Capture;
using report_testing::MakeFile;
using report_testing::MakeFinding;
using report_testing::MakeReport;

std::string Text(const Report& r, bool color = false) {
  OutputOptions opts;
  opts.color = color;
  return Capture([&](std::ostream& out) { WriteText(r, opts, out); });
}

// The lines of `s`.
std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST(ReportTextTest, HeaderSourceLineAndCaret) {
  Report r =
      MakeReport({MakeFile("docs/a.md", "# T\n\nZinc boosts immunity today.\n",
                           {MakeFinding("claim.immune-boost", Severity::kError, 3, 6, 3, 21)})});
  auto lines = Lines(Text(r));
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[0], "docs/a.md:3:6: error: Finding of claim.immune-boost. [claim.immune-boost]");
  EXPECT_EQ(lines[1], "Zinc boosts immunity today.");
  EXPECT_EQ(lines[2], "     ^~~~~~~~~~~~~~~");  // 15 code points
}

TEST(ReportTextTest, FindingsOnOneAnchorShowTheSourceOnce) {
  // Three missing risks on one word, then a finding of its own on the next.
  Report r =
      MakeReport({MakeFile("a.md", "Acupuncture eases pain.\nCupping too.\n",
                           {MakeFinding("disclosure.acupuncture.bleeding", Severity::kWarning, 1, 1,
                                        1, 12, Category::kDisclosure),
                            MakeFinding("disclosure.acupuncture.fainting", Severity::kWarning, 1, 1,
                                        1, 12, Category::kDisclosure),
                            MakeFinding("disclosure.acupuncture.pregnancy", Severity::kWarning, 1,
                                        1, 1, 12, Category::kDisclosure),
                            MakeFinding("claim.x", Severity::kWarning, 2, 1, 2, 8)})});
  auto lines = Lines(Text(r));
  ASSERT_GE(lines.size(), 8u);
  EXPECT_EQ(lines[0].substr(0, 16), "a.md:1:1: warnin");
  EXPECT_NE(lines[0].find("[disclosure.acupuncture.bleeding]"), std::string::npos);
  EXPECT_NE(lines[1].find("[disclosure.acupuncture.fainting]"), std::string::npos);
  EXPECT_NE(lines[2].find("[disclosure.acupuncture.pregnancy]"), std::string::npos);
  EXPECT_EQ(lines[3], "Acupuncture eases pain.");
  EXPECT_EQ(lines[4], "^~~~~~~~~~~");
  EXPECT_NE(lines[5].find("[claim.x]"), std::string::npos);
  EXPECT_EQ(lines[6], "Cupping too.");
}

TEST(ReportTextTest, CaretCountsCodePointsNotBytes) {
  // "Café " is 5 code points but 6 bytes; "naïve" is 5 code points.
  Report r = MakeReport({MakeFile("a.md", "Café naïve claim\n",
                                  {MakeFinding("x.y", Severity::kWarning, 1, 6, 1, 11)})});
  auto lines = Lines(Text(r));
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[1], "Café naïve claim");
  EXPECT_EQ(lines[2], "     ^~~~~");
}

TEST(ReportTextTest, TabsExpandedTheSameInLineAndCaret) {
  // Column 3 is the 'b' after "a\t"; the tab runs to cell 8.
  Report r = MakeReport(
      {MakeFile("a.md", "a\tboost\tit\n", {MakeFinding("x.y", Severity::kInfo, 1, 3, 1, 11)})});
  auto lines = Lines(Text(r));
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[1], "a       boost   it");
  // The underline covers "boost", the tab (3 cells) and "it".
  EXPECT_EQ(lines[2], "        ^~~~~~~~~~");
  EXPECT_EQ(lines[1].find('b'), lines[2].find('^'));
}

TEST(ReportTextTest, MultiLineFindingUnderlinesToEndOfFirstLine) {
  Report r = MakeReport({MakeFile("a.md", "one two three\nfour five\n",
                                  {MakeFinding("x.y", Severity::kWarning, 1, 5, 2, 5)})});
  auto lines = Lines(Text(r));
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[1], "one two three");
  EXPECT_EQ(lines[2], "    ^~~~~~~~~");  // "two three"
}

TEST(ReportTextTest, EmptyRangeAndCrlfAndPastEnd) {
  Report r = MakeReport({MakeFile("a.md", "abc\r\ndef\r\n",
                                  {MakeFinding("x.a", Severity::kInfo, 1, 2, 1, 2),
                                   MakeFinding("x.b", Severity::kInfo, 2, 9, 2, 12)})});
  auto lines = Lines(Text(r));
  ASSERT_GE(lines.size(), 6u);
  EXPECT_EQ(lines[1], "abc");  // no carriage return
  EXPECT_EQ(lines[2], " ^");
  EXPECT_EQ(lines[4], "def");
  EXPECT_EQ(lines[5], "   ^");  // clamped to the line's end
}

TEST(ReportTextTest, LongLinesShowAWindowAroundTheFinding) {
  std::string line = std::string(100, 'a') + " boost immunity " + std::string(100, 'b');
  Report r = MakeReport(
      {MakeFile("a.md", line + "\n", {MakeFinding("x.y", Severity::kError, 1, 102, 1, 116)})});
  auto lines = Lines(Text(r));
  ASSERT_GE(lines.size(), 3u);
  // 60 columns of context either side, cut ends marked with an ellipsis.
  EXPECT_EQ(lines[1], "\xE2\x80\xA6" + std::string(59, 'a') + " boost immunity " +
                          std::string(59, 'b') + "\xE2\x80\xA6");
  EXPECT_EQ(lines[2], std::string(61, ' ') + "^" + std::string(13, '~'));
  // Short lines are shown whole.
  Report short_line =
      MakeReport({MakeFile("a.md", std::string(150, 'x') + "\n",
                           {MakeFinding("x.y", Severity::kError, 1, 140, 1, 141)})});
  EXPECT_EQ(Lines(Text(short_line))[1], std::string(150, 'x'));
}

TEST(ReportTextTest, UnknownColumnsUnderlineTheWholeLine) {
  Report r =
      MakeReport({MakeFile("a.md", "abc\n", {MakeFinding("x.y", Severity::kInfo, 1, 0, 1, 0)})});
  auto lines = Lines(Text(r));
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[0], "a.md:1:0: info: Finding of x.y. [x.y]");
  EXPECT_EQ(lines[2], "^~~");
}

TEST(ReportTextTest, ControlCharactersAreNotPrinted) {
  Finding f = MakeFinding("x.y", Severity::kError, 1, 1, 1, 4);
  f.message = "bad\nmessage\x1b[31m";
  Report r = MakeReport({MakeFile("a.md",
                                  "ab\x1b"
                                  "c\n",
                                  {f})});
  std::string out = Text(r);
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
  auto lines = Lines(out);
  EXPECT_EQ(lines[0], "a.md:1:1: error: bad message\xEF\xBF\xBD[31m [x.y]");
  EXPECT_EQ(lines[1],
            "ab\xEF\xBF\xBD"
            "c");
  EXPECT_EQ(lines[2], "^~~");
}

TEST(ReportTextTest, NoSourceMeansNoCaret) {
  Report r = MakeReport({MakeFile("a.md", "", {MakeFinding("x.y", Severity::kError, 4, 1, 4, 3)})});
  auto lines = Lines(Text(r));
  ASSERT_EQ(lines.size(), 3u);  // header, blank, summary
  EXPECT_EQ(lines[1], "");
}

TEST(ReportTextTest, ColourOnlyWhenAsked) {
  Report r = MakeReport({MakeFile("a.md", "text here\n",
                                  {MakeFinding("x.e", Severity::kError, 1, 1, 1, 5),
                                   MakeFinding("x.w", Severity::kWarning, 1, 2, 1, 5),
                                   MakeFinding("x.i", Severity::kInfo, 1, 3, 1, 5)})});
  EXPECT_EQ(Text(r, false).find('\x1b'), std::string::npos);
  std::string coloured = Text(r, true);
  EXPECT_NE(coloured.find("\x1b[1ma.md:1:1:\x1b[0m"), std::string::npos);
  EXPECT_NE(coloured.find("\x1b[1;31merror:\x1b[0m"), std::string::npos);
  EXPECT_NE(coloured.find("\x1b[1;33mwarning:\x1b[0m"), std::string::npos);
  EXPECT_NE(coloured.find("\x1b[1;36minfo:\x1b[0m"), std::string::npos);
}

TEST(ReportTextTest, SummaryLines) {
  Report empty = MakeReport({MakeFile("a.md", "x\n", {}), MakeFile("b.md", "y\n", {})});
  EXPECT_EQ(Text(empty), "no findings in 2 files\n");

  Report one = MakeReport({MakeFile("a.md", "x\n", {})});
  one.summary.suppressed = 4;
  EXPECT_EQ(Text(one), "no findings in 1 file (4 suppressed)\n");

  Report r = MakeReport({MakeFile("a.md", "some text\n",
                                  {MakeFinding("x.a", Severity::kError, 1, 1, 1, 2),
                                   MakeFinding("x.b", Severity::kError, 1, 2, 1, 3),
                                   MakeFinding("x.c", Severity::kWarning, 1, 3, 1, 4),
                                   MakeFinding("x.d", Severity::kInfo, 1, 4, 1, 5)}),
                         MakeFile("b.md", "", {})});
  r.summary.suppressed = 4;
  r.summary.baselined = 2;
  r.summary.stale = 1;
  auto lines = Lines(Text(r));
  EXPECT_EQ(lines.back(),
            "2 errors, 1 warning, 1 info in 2 files (4 suppressed, 2 baselined, 1 stale baseline "
            "entry)");
}

TEST(ReportTextTest, SummaryIsRecountedFromFindings) {
  Report r =
      MakeReport({MakeFile("a.md", "x\n", {MakeFinding("x.a", Severity::kWarning, 1, 1, 1, 2)})});
  r.summary.error = 7;  // stale counts must not leak into the output
  EXPECT_EQ(Lines(Text(r)).back(), "1 warning in 1 file");
}

TEST(ReportTextTest, Deterministic) {
  Report r = MakeReport({MakeFile("a.md", "Zinc boosts immunity.\n",
                                  {MakeFinding("x.a", Severity::kError, 1, 6, 1, 21)})});
  EXPECT_EQ(Text(r), Text(r));
}

}  // namespace
}  // namespace claimlint
