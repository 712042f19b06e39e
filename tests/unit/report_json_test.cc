#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "lint/report/report.h"
#include "tests/unit/report_fixtures.h"

namespace claimlint {
namespace {

using report_testing::Capture;
using report_testing::MakeFile;
using report_testing::MakeFinding;
using report_testing::MakeReport;
using ojson = nlohmann::ordered_json;

std::string Json(const Report& r) {
  return Capture([&](std::ostream& out) { WriteJson(r, out); });
}

std::vector<std::string> Keys(const ojson& obj) {
  std::vector<std::string> keys;
  for (auto it = obj.begin(); it != obj.end(); ++it) keys.push_back(it.key());
  return keys;
}

Report Sample() {
  Finding a = MakeFinding("claim.immune-boost", Severity::kError, 3, 6, 3, 21);
  a.excerpt = "boosts immunity";
  a.sentence = "Zinc boosts immunity \"fast\".";
  Finding b = MakeFinding("quality.no-author", Severity::kInfo, 1, 1, 1, 1, Category::kQuality);
  return MakeReport({MakeFile("articles/zinc.md", "src", {b, a}), MakeFile("empty.md", "", {})});
}

TEST(ReportJsonTest, KeysAndOrderAsDocumented) {
  ojson doc = ojson::parse(Json(Sample()));
  EXPECT_EQ(Keys(doc), (std::vector<std::string>{"schema", "tool", "files", "summary"}));
  EXPECT_EQ(doc["schema"], "claimlint-report/1");
  EXPECT_EQ(Keys(doc["tool"]), (std::vector<std::string>{"name", "version"}));
  EXPECT_EQ(doc["tool"]["name"], "claimlint");
  EXPECT_EQ(doc["tool"]["version"], CLAIMLINT_VERSION);
  const ojson& f = doc["files"][0]["findings"][1];
  EXPECT_EQ(Keys(f),
            (std::vector<std::string>{"rule", "category", "severity", "message", "line", "column",
                                      "end_line", "end_column", "excerpt", "sentence", "context",
                                      "suggestion", "fingerprint"}));
  EXPECT_EQ(f["rule"], "claim.immune-boost");
  EXPECT_EQ(f["severity"], "error");
  EXPECT_EQ(f["line"], 3);
  EXPECT_EQ(f["end_column"], 21);
  EXPECT_EQ(f["sentence"], "Zinc boosts immunity \"fast\".");
  EXPECT_EQ(Keys(doc["summary"]),
            (std::vector<std::string>{"files", "findings", "error", "warning", "info", "suppressed",
                                      "baselined", "stale"}));
}

TEST(ReportJsonTest, EveryFileAppearsAndSummaryCounts) {
  Report r = Sample();
  r.summary.baselined = 3;
  r.summary.error = 99;  // recounted from the findings
  ojson doc = ojson::parse(Json(r));
  ASSERT_EQ(doc["files"].size(), 2u);
  EXPECT_EQ(doc["files"][1]["path"], "empty.md");
  EXPECT_TRUE(doc["files"][1]["findings"].is_array());
  EXPECT_TRUE(doc["files"][1]["findings"].empty());
  EXPECT_EQ(doc["summary"]["files"], 2);
  EXPECT_EQ(doc["summary"]["findings"], 2);
  EXPECT_EQ(doc["summary"]["error"], 1);
  EXPECT_EQ(doc["summary"]["warning"], 0);
  EXPECT_EQ(doc["summary"]["info"], 1);
  EXPECT_EQ(doc["summary"]["baselined"], 3);
}

// The streaming writer (used by the CLI for JSON) and WriteJson are one format.
TEST(ReportJsonTest, StreamingWriterWritesTheSameBytes) {
  Report r = Sample();
  r.summary.suppressed = 2;
  std::string streamed = Capture([&](std::ostream& out) {
    JsonStreamWriter w(out);
    Summary s;
    s.suppressed = 2;
    for (const FileReport& f : r.files) {
      CountFile(f, &s);
      w.File(f);
    }
    w.End(s);
  });
  EXPECT_EQ(streamed, Json(r));
  std::string none = Capture([](std::ostream& out) { JsonStreamWriter(out).End(Summary()); });
  EXPECT_EQ(none, Json(Report()));
  EXPECT_NE(none.find("\"files\": []"), std::string::npos) << none;
}

TEST(ReportJsonTest, TwoSpaceIndentAndTrailingNewline) {
  std::string out = Json(Sample());
  EXPECT_EQ(out.substr(0, 4), "{\n  ");
  EXPECT_EQ(out.back(), '\n');
  EXPECT_NE(out[out.size() - 2], '\n');
  EXPECT_NE(out.find("\n    \"version\""), std::string::npos);
}

// The document as nlohmann would write it, built independently of the writer.
std::string Expected(const Report& r) {
  ojson doc;
  doc["schema"] = "claimlint-report/1";
  doc["tool"] = {{"name", "claimlint"}, {"version", CLAIMLINT_VERSION}};
  doc["files"] = ojson::array();
  int counts[3] = {0, 0, 0}, total = 0;
  for (const FileReport& file : r.files) {
    ojson entry;
    entry["path"] = file.path;
    entry["findings"] = ojson::array();
    for (const Finding& f : file.findings) {
      ojson j;
      j["rule"] = f.rule;
      j["category"] = CategoryName(f.category);
      j["severity"] = SeverityName(f.severity);
      j["message"] = f.message;
      j["line"] = f.line;
      j["column"] = f.column;
      j["end_line"] = f.end_line;
      j["end_column"] = f.end_column;
      j["excerpt"] = f.excerpt;
      j["sentence"] = f.sentence;
      j["context"] = f.context;
      j["suggestion"] = f.suggestion;
      j["fingerprint"] = f.fingerprint;
      entry["findings"].push_back(j);
      ++counts[static_cast<int>(f.severity)];
      ++total;
    }
    doc["files"].push_back(entry);
  }
  doc["summary"] = {{"files", r.files.size()}, {"findings", total},       {"error", counts[2]},
                    {"warning", counts[1]},    {"info", counts[0]},       {"suppressed", 0},
                    {"baselined", 0},          {"stale", r.summary.stale}};
  return doc.dump(2) + "\n";
}

TEST(ReportJsonTest, SameBytesAsNlohmannDump) {
  Finding f = MakeFinding("claim.x", Severity::kWarning, 12, 3, 14, 1);
  f.message = "quote \" backslash \\ tab \t nl \n cr \r bs \b ff \f ctl \x01\x1f del \x7f";
  f.excerpt = "caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80 </script>";
  f.sentence = "";
  Report r =
      MakeReport({MakeFile("a/b \"c\".md", "",
                           {f, MakeFinding("q.y", Severity::kInfo, 20, 1, 20, 1, Category::kQuality)}),
                  MakeFile("empty.md", "", {})});
  r.summary.stale = 3;
  EXPECT_EQ(Json(r), Expected(r));
  Report none = MakeReport({});
  EXPECT_EQ(Json(none), Expected(none));
  Report empty_file = MakeReport({MakeFile("x.md", "", {})});
  EXPECT_EQ(Json(empty_file), Expected(empty_file));
}

TEST(ReportJsonTest, InvalidUtf8IsReplacedNotThrown) {
  Finding f = MakeFinding("x.y", Severity::kWarning, 1, 1, 1, 2);
  f.excerpt = "bad \xFF byte";
  Report r = MakeReport({MakeFile("a.md", "", {f})});
  std::string out;
  ASSERT_NO_THROW(out = Json(r));
  EXPECT_NE(out.find("bad \xEF\xBF\xBD byte"), std::string::npos);
}

TEST(ReportJsonTest, ReadBackRoundTrips) {
  Report r = Sample();
  r.summary.suppressed = 2;
  r.summary.stale = 1;
  auto read = ReadJsonReport(Json(r), "report.json");
  ASSERT_TRUE(read.ok()) << read.error().ToString();
  const Report& back = read.value();
  ASSERT_EQ(back.files.size(), 2u);
  EXPECT_EQ(back.files[0].path, "articles/zinc.md");
  EXPECT_TRUE(back.files[0].source.empty());
  ASSERT_EQ(back.files[0].findings.size(), 2u);
  const Finding& a = r.files[0].findings[1];
  const Finding& b = back.files[0].findings[1];
  EXPECT_EQ(b.rule, a.rule);
  EXPECT_EQ(b.category, a.category);
  EXPECT_EQ(b.severity, a.severity);
  EXPECT_EQ(b.message, a.message);
  EXPECT_EQ(b.file, "articles/zinc.md");
  EXPECT_EQ(std::tie(b.line, b.column, b.end_line, b.end_column),
            std::tie(a.line, a.column, a.end_line, a.end_column));
  EXPECT_EQ(b.excerpt, a.excerpt);
  EXPECT_EQ(b.sentence, a.sentence);
  EXPECT_EQ(b.context, a.context);
  EXPECT_EQ(b.suggestion, a.suggestion);
  EXPECT_EQ(b.fingerprint, a.fingerprint);
  EXPECT_EQ(back.summary.findings, 2);
  EXPECT_EQ(back.summary.suppressed, 2);
  EXPECT_EQ(back.summary.stale, 1);
  // Writing what was read gives the same JSON.
  EXPECT_EQ(Json(back), Json(r));
}

TEST(ReportJsonTest, ReaderLocatesSyntaxErrors) {
  auto read =
      ReadJsonReport("{\n  \"schema\": \"claimlint-report/1\",\n  \"files\": [,]\n}", "out/r.json");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().file, "out/r.json");
  EXPECT_EQ(read.error().line, 3);
  EXPECT_GT(read.error().column, 1);
}

TEST(ReportJsonTest, ReaderRejectsOtherSchemasAndBadFields) {
  auto other = ReadJsonReport(R"({"schema": "claimlint-report/2", "files": []})", "r.json");
  ASSERT_FALSE(other.ok());
  EXPECT_NE(other.error().message.find("claimlint-report/2"), std::string::npos);

  auto missing = ReadJsonReport(R"({"files": []})", "r.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("schema"), std::string::npos);

  auto no_rule = ReadJsonReport(
      R"({"schema": "claimlint-report/1", "files": [{"path": "a.md", "findings": [
          {"severity": "error", "message": "m", "line": 1, "column": 1}]}]})",
      "r.json");
  ASSERT_FALSE(no_rule.ok());
  EXPECT_NE(no_rule.error().message.find("files[0].findings[0]"), std::string::npos);
  EXPECT_NE(no_rule.error().message.find("rule"), std::string::npos);

  auto bad_severity = ReadJsonReport(
      R"({"schema": "claimlint-report/1", "files": [{"path": "a.md", "findings": [
          {"rule": "x.y", "severity": "fatal", "message": "m", "line": 1, "column": 1}]}]})",
      "r.json");
  ASSERT_FALSE(bad_severity.ok());
  EXPECT_NE(bad_severity.error().message.find("fatal"), std::string::npos);

  auto bad_line = ReadJsonReport(
      R"({"schema": "claimlint-report/1", "files": [{"path": "a.md", "findings": [
          {"rule": "x.y", "severity": "info", "message": "m", "line": "3", "column": 1}]}]})",
      "r.json");
  ASSERT_FALSE(bad_line.ok());
  EXPECT_NE(bad_line.error().message.find("line"), std::string::npos);

  auto not_object = ReadJsonReport("[]", "r.json");
  EXPECT_FALSE(not_object.ok());
}

}  // namespace
}  // namespace claimlint
