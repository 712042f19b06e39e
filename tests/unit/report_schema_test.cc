// Validates the JSON report against docs/report.schema.json and the SARIF
// log against the OASIS SARIF 2.1.0 schema, with tests/schema/validate.py
// (Python's jsonschema). Skipped when /usr/bin/python3 lacks jsonschema.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "lint/report/report.h"
#include "tests/unit/report_fixtures.h"

namespace claimlint {
namespace {

namespace fs = std::filesystem;
using report_testing::Capture;
using report_testing::MakeFile;
using report_testing::MakeFinding;
using report_testing::MakeReport;

const char kPython[] = "/usr/bin/python3";

bool HaveJsonschema() {
  static const bool have = [] {
    std::string cmd = std::string(kPython) + " -c 'import jsonschema' >/dev/null 2>&1";
    return std::system(cmd.c_str()) == 0;
  }();
  return have;
}

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Exit status of validate.py on `content` (written to a temporary file).
int Validate(const std::string& schema, const std::string& content, const std::string& name) {
  // Unique per process: ctest runs tests in parallel.
  fs::path file = fs::path(::testing::TempDir()) /
                  ("claimlint-report-" + std::to_string(getpid()) + "-" + name);
  {
    std::ofstream out(file, std::ios::binary);
    out << content;
  }
  std::string cmd = std::string(kPython) + " " +
                    Quote(std::string(CLAIMLINT_SOURCE_DIR) + "/tests/schema/validate.py") + " " +
                    Quote(schema) + " " + Quote(file.string());
  int status = std::system(cmd.c_str());
  fs::remove(file);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

Report Sample() {
  Finding claim = MakeFinding("claim.immune-boost", Severity::kError, 3, 6, 3, 21);
  claim.excerpt = "boosts \"immunity\"";
  claim.sentence = "Zinc boosts \"immunity\" — fast.";
  Finding vague = MakeFinding("citation.vague", Severity::kWarning, 5, 1, 6, 4, Category::kCitation);
  vague.context = "";
  vague.suggestion = "";
  Finding point = MakeFinding("quality.no-author", Severity::kInfo, 1, 1, 1, 1, Category::kQuality);
  point.context = "";
  point.fingerprint = "";
  return MakeReport(
      {MakeFile("articles/café notes.md", "", {point, claim, vague}), MakeFile("b.txt", "", {})},
      report_testing::SampleRules().get());
}

TEST(ReportSchemaTest, JsonReportMatchesItsSchema) {
  if (!HaveJsonschema()) GTEST_SKIP() << "python3 jsonschema not installed";
  std::string schema = std::string(CLAIMLINT_SOURCE_DIR) + "/docs/report.schema.json";
  Report r = Sample();
  r.summary.suppressed = 1;
  std::string json = Capture([&](std::ostream& out) { WriteJson(r, out); });
  EXPECT_EQ(Validate(schema, json, "report.json"), 0);
  std::string empty = Capture([&](std::ostream& out) { WriteJson(MakeReport({}), out); });
  EXPECT_EQ(Validate(schema, empty, "empty.json"), 0);
  // The validator really validates: a report with a wrong field fails.
  std::string bad = json;
  bad.replace(bad.find("\"severity\": \"error\""), 19, "\"severity\": \"fatal\"");
  EXPECT_EQ(Validate(schema, bad, "bad.json"), 1);
}

TEST(ReportSchemaTest, SarifMatchesTheOasisSchema) {
  if (!HaveJsonschema()) GTEST_SKIP() << "python3 jsonschema not installed";
  std::string schema = std::string(CLAIMLINT_SOURCE_DIR) + "/tests/schema/sarif-schema-2.1.0.json";
  std::string sarif = Capture([&](std::ostream& out) { WriteSarif(Sample(), out); });
  EXPECT_EQ(Validate(schema, sarif, "report.sarif"), 0);
  std::string empty = Capture([&](std::ostream& out) { WriteSarif(MakeReport({}), out); });
  EXPECT_EQ(Validate(schema, empty, "empty.sarif"), 0);
  std::string bad = sarif;
  bad.replace(bad.find("\"level\": \"error\""), 16, "\"level\": \"fatal\"");
  EXPECT_EQ(Validate(schema, bad, "bad.sarif"), 1);
}

}  // namespace
}  // namespace claimlint
