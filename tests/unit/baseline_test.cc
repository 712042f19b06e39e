// Baselines: the file format and its errors, matching by fingerprint, stale
// entries, and keeping other files' entries when a subset is re-recorded.
#include "lint/baseline/baseline.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace claimlint {
namespace {
namespace fs = std::filesystem;

Finding MakeFinding(const std::string& rule, const std::string& fingerprint, int line) {
  Finding f;
  f.rule = rule;
  f.fingerprint = fingerprint;
  f.line = line;
  f.excerpt = "words \"quoted\"\n and more";
  return f;
}

// A baseline of these files' findings, sorted as it is written.
Baseline Record(const std::vector<std::pair<std::string, std::vector<Finding>>>& files) {
  Baseline b;
  for (const auto& [path, findings] : files) AddEntries(path, findings, &b);
  SortEntries(&b);
  return b;
}

Error ParseError(const std::string& text) {
  auto b = ParseBaseline(text, "base.json");
  EXPECT_FALSE(b.ok()) << text;
  return b.ok() ? Error{} : b.error();
}

TEST(BaselineTest, WritesVersionedSortedJsonAndReadsItBack) {
  Baseline b = Record(
      {{"b.md", {MakeFinding("claim.cure", "00ff", 9)}},
       {"a.md", {MakeFinding("claim.detox", "aa11", 3), MakeFinding("claim.cure", "bb22", 1)}}});
  ASSERT_EQ(b.entries.size(), 3u);
  EXPECT_EQ(b.entries[0].fingerprint, "bb22");  // a.md line 1 first
  EXPECT_EQ(b.entries[2].file, "b.md");
  std::string text = SerializeBaseline(b);
  EXPECT_NE(text.find("\"schema\": \"claimlint-baseline/1\""), std::string::npos);
  // One entry per line keeps diffs of the file readable.
  EXPECT_NE(text.find("\n    {\"file\":\"a.md\",\"rule\":\"claim.cure\",\"fingerprint\":\"bb22\""),
            std::string::npos)
      << text;
  auto back = ParseBaseline(text, "base.json");
  ASSERT_TRUE(back.ok()) << back.error().ToString();
  ASSERT_EQ(back.value().entries.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(back.value().entries[i].file, b.entries[i].file);
    EXPECT_EQ(back.value().entries[i].rule, b.entries[i].rule);
    EXPECT_EQ(back.value().entries[i].fingerprint, b.entries[i].fingerprint);
    EXPECT_EQ(back.value().entries[i].line, b.entries[i].line);
    EXPECT_EQ(back.value().entries[i].excerpt, b.entries[i].excerpt);
  }
  EXPECT_EQ(SerializeBaseline(back.value()), text);
  auto empty = ParseBaseline(SerializeBaseline(Baseline{}), "base.json");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty.value().entries.empty());
}

TEST(BaselineTest, MalformedJsonIsAnErrorAtLineAndColumn) {
  Error e = ParseError("{\n  \"schema\": \"claimlint-baseline/1\",\n  \"entries\": [,]\n}\n");
  EXPECT_EQ(e.file, "base.json");
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(e.column, 15);
  EXPECT_NE(e.message.find("invalid JSON"), std::string::npos) << e.message;
}

TEST(BaselineTest, WrongShapesAreErrorsAtTheOffendingValue) {
  struct Case {
    const char* text;
    int line, column;
    const char* words;
  };
  const Case cases[] = {
      {"[]", 1, 1, "a baseline is a JSON object"},
      {"{\"entries\": []}", 1, 1, "missing \"schema\""},
      {"{\"schema\": \"claimlint-baseline/9\", \"entries\": []}", 1, 12,
       "unsupported baseline schema"},
      {"{\"schema\": \"claimlint-baseline/1\"}", 1, 1, "missing \"entries\""},
      {"{\"schema\": \"claimlint-baseline/1\",\n \"entries\": {}}", 2, 13, "must be a list"},
      {"{\"schema\": \"claimlint-baseline/1\",\n \"extra\": 1, \"entries\": []}", 2, 2,
       "unknown key \"extra\""},
      {"{\"schema\": \"claimlint-baseline/1\", \"entries\": [\n"
       "  {\"file\": \"a.md\", \"rule\": \"r.x\", \"fingerprint\": \"ab\"},\n"
       "  {\"file\": \"a.md\", \"rule\": \"r.x\", \"fingerprint\": 12}]}",
       3, 50, "\"fingerprint\" must be a string"},
      {"{\"schema\": \"claimlint-baseline/1\", \"entries\": [\n  {\"file\": \"a.md\", \"rule\": "
       "\"r.x\"}]}",
       2, 3, "needs a non-empty \"fingerprint\""},
      {"{\"schema\": \"claimlint-baseline/1\", \"entries\": [\n  {\"file\": \"a.md\", \"line\": "
       "\"3\"}]}",
       2, 28, "\"line\" must be an integer"},
      {"{\"schema\": \"claimlint-baseline/1\", \"entries\": [\n  7]}", 2, 3, "must be an object"},
      {"{\"schema\": \"claimlint-baseline/1\", \"entries\": [\n  {\"fingerprnt\": \"x\"}]}", 2, 4,
       "unknown key \"fingerprnt\""},
  };
  for (const Case& c : cases) {
    Error e = ParseError(c.text);
    EXPECT_EQ(e.line, c.line) << c.text << " -> " << e.ToString();
    EXPECT_EQ(e.column, c.column) << c.text << " -> " << e.ToString();
    EXPECT_NE(e.message.find(c.words), std::string::npos) << c.text << " -> " << e.ToString();
  }
}

TEST(BaselineTest, ApplyHidesEachRecordedFindingOnceAndCountsStaleEntries) {
  fs::path dir = fs::temp_directory_path() / "claimlint-baseline-test";
  fs::create_directories(dir);
  std::string a = (dir / "a.md").string(), other = (dir / "other.md").string();
  std::string b_md = (dir / "b.md").string();
  for (const std::string& p : {a, other, b_md}) std::ofstream(p) << "x";
  Baseline b;
  b.entries = {{a, "claim.cure", "f1", 1, ""},
               {a, "claim.cure", "f1", 5, ""},      // the same finding twice
               {a, "claim.detox", "gone", 7, ""},   // fixed since: stale
               {other, "claim.cure", "o1", 2, ""},  // not linted this run: kept, not stale
               {(dir / "deleted.md").string(), "claim.cure", "d1", 2, ""},  // file gone: stale
               {b_md, "claim.cure", "f2", 1, ""}};  // same fingerprint, other file
  std::vector<Finding> findings = {
      MakeFinding("claim.cure", "f1", 10), MakeFinding("claim.cure", "f1", 12),
      MakeFinding("claim.cure", "f1", 14), MakeFinding("claim.new", "n1", 20),
      MakeFinding("claim.cure", "f2", 30)};
  BaselineIndex index(b);
  BaselineFileOutcome o = index.Apply(a, &findings);
  EXPECT_EQ(o.baselined, 2);
  EXPECT_EQ(o.stale, 1);                              // "gone"
  EXPECT_EQ(index.StaleElsewhere({a}), 1);            // deleted.md; other.md still exists
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[0].line, 14);
  EXPECT_EQ(findings[1].rule, "claim.new");
  EXPECT_EQ(findings[2].fingerprint, "f2");
  fs::remove_all(dir);
}

TEST(BaselineTest, RecordingSomeFilesKeepsTheOthersEntries) {
  Baseline old;
  old.entries = {{"a.md", "r.x", "1", 1, ""}, {"b.md", "r.x", "2", 1, ""}};
  Baseline fresh = Record({{"a.md", {MakeFinding("r.y", "3", 4)}}});
  KeepOtherFiles(old, {"a.md"}, &fresh);
  ASSERT_EQ(fresh.entries.size(), 2u);
  EXPECT_EQ(fresh.entries[0].fingerprint, "3");
  EXPECT_EQ(fresh.entries[1].fingerprint, "2");
}

TEST(BaselineTest, WriteAndReadAFile) {
  fs::path p = fs::temp_directory_path() / "claimlint-baseline-write-test.json";
  Baseline b = Record({{"a.md", {MakeFinding("r.x", "ff", 2)}}});
  ASSERT_TRUE(WriteBaseline(b, p.string()).ok());
  auto back = ReadBaseline(p.string());
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back.value().entries.size(), 1u);
  fs::remove(p);
  auto missing = ReadBaseline(p.string());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().file, p.string());
  EXPECT_FALSE(WriteBaseline(b, "/nonexistent-dir/x/base.json").ok());
}

}  // namespace
}  // namespace claimlint
