// Reference library readers: CSL-JSON and BibTeX, format detection, errors
// with file:line:col.
#include <gtest/gtest.h>

#include "lint/references/library.h"
#include "tests/unit/test_support.h"

namespace claimlint {
namespace {

std::string Data(const std::string& name) {
  return testing::SourceDir() + "/tests/data/citations/" + name;
}

const Reference* ById(const std::vector<Reference>& refs, const std::string& id) {
  for (const Reference& r : refs) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

TEST(CitationsCslJson, ReadsItemsObjectWithAllFields) {
  auto refs = ReadReferenceFile(Data("library.json"));
  ASSERT_TRUE(refs.ok()) << refs.error().ToString();
  ASSERT_EQ(refs.value().size(), 4u);
  const Reference* r = ById(refs.value(), "okafor2019");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->families, (std::vector<std::string>{"Okafor", "Reyes", "Holm"}));
  EXPECT_EQ(r->year, 2019);
  EXPECT_EQ(r->journal, "The Journal of Musculoskeletal Research");
  EXPECT_EQ(r->journal_short, "J Musculoskelet Res");  // from journalAbbreviation
  EXPECT_EQ(r->doi, "10.1000/fixture.2019.11");
  EXPECT_EQ(r->pmid, "31000011");  // a number in the file
  EXPECT_NE(r->abstract.find("Yoga reduced neck pain"), std::string::npos);
  EXPECT_EQ(r->loc.line, 2);
  const Reference* raw = ById(refs.value(), "okafor2019b");
  ASSERT_NE(raw, nullptr);
  EXPECT_EQ(raw->year, 2019);  // issued.raw
  EXPECT_EQ(raw->loc.line, 11);
  const Reference* who = ById(refs.value(), "who-activity");
  ASSERT_NE(who, nullptr);
  EXPECT_EQ(who->institution, "World Health Organization");
  EXPECT_TRUE(who->families.empty());
  EXPECT_EQ(who->publisher, "WHO");
}

TEST(CitationsCslJson, ReadsBareArray) {
  auto refs = ReadCslJson(R"([{"id": 7, "title": "T", "issued": {"literal": "Spring 2001"},
      "author": [{"family": "Smith", "non-dropping-particle": "van"}]}])",
                          "x.json");
  ASSERT_TRUE(refs.ok()) << refs.error().ToString();
  ASSERT_EQ(refs.value().size(), 1u);
  EXPECT_EQ(refs.value()[0].id, "7");
  EXPECT_EQ(refs.value()[0].year, 2001);
  EXPECT_EQ(refs.value()[0].families[0], "van Smith");
}

TEST(CitationsCslJson, SyntaxErrorHasLineAndColumn) {
  auto refs = ReadReferenceFile(Data("malformed.json"));
  ASSERT_FALSE(refs.ok());
  EXPECT_EQ(refs.error().file, Data("malformed.json"));
  EXPECT_EQ(refs.error().line, 3);
  EXPECT_GT(refs.error().column, 1);
  EXPECT_NE(refs.error().message.find("invalid JSON"), std::string::npos);
}

TEST(CitationsCslJson, ItemErrorsPointAtTheItem) {
  auto refs = ReadReferenceFile(Data("bad-item.json"));
  ASSERT_FALSE(refs.ok());
  EXPECT_EQ(refs.error().line, 3);
  EXPECT_EQ(refs.error().column, 3);
  EXPECT_NE(refs.error().message.find("id"), std::string::npos);

  auto wrong_type = ReadCslJson("[\n {\"id\": \"a\",\n  \"title\": [1]}]", "w.json");
  ASSERT_FALSE(wrong_type.ok());
  EXPECT_EQ(wrong_type.error().line, 2);
  EXPECT_NE(wrong_type.error().message.find("title"), std::string::npos);

  auto authors = ReadCslJson(R"([{"id": "a", "author": "Smith"}])", "a.json");
  ASSERT_FALSE(authors.ok());
  EXPECT_NE(authors.error().message.find("author"), std::string::npos);

  auto shape = ReadCslJson(R"({"entries": []})", "s.json");
  ASSERT_FALSE(shape.ok());
  EXPECT_EQ(shape.error().line, 1);
}

TEST(CitationsBibtex, ReadsMacrosConcatenationBracesAndComments) {
  auto refs = ReadReferenceFile(Data("library.bib"));
  ASSERT_TRUE(refs.ok()) << refs.error().ToString();
  ASSERT_EQ(refs.value().size(), 3u);  // @comment and @preamble are not entries
  const Reference* r = ById(refs.value(), "okafor2019");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->title, "Yoga for chronic neck pain: a randomised Controlled trial");
  EXPECT_EQ(r->journal, "The Journal of Musculoskeletal Research");
  EXPECT_EQ(r->journal_short, "J Musculoskelet Res");
  EXPECT_EQ(r->families, (std::vector<std::string>{"Okafor", "Reyes", "Holm"}));
  EXPECT_EQ(r->year, 2019);
  EXPECT_EQ(r->pmid, "31000011");  // eprint + eprinttype = pubmed
  EXPECT_EQ(r->type, "article-journal");
  EXPECT_EQ(r->abstract, "Yoga über alles: weekly classes reduced \"neck pain\".");
  EXPECT_EQ(r->loc.line, 11);

  const Reference* who = ById(refs.value(), "who2020");
  ASSERT_NE(who, nullptr);
  EXPECT_EQ(who->institution, "World Health Organization");
  EXPECT_EQ(who->type, "report");
  EXPECT_EQ(who->report_number, "9789240015128");
  EXPECT_EQ(who->title, "Guidelines on physical activity and sedentary behaviour");

  const Reference* m = ById(refs.value(), "muller2018");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->families, (std::vector<std::string>{"Müller", "van Beethoven"}));
  EXPECT_EQ(m->title, "Café culture & sleep");
  EXPECT_EQ(m->year, 2018);  // from date
}

TEST(CitationsBibtex, ParenthesesAndQuotedValuesWithBraces) {
  auto refs = ReadBibtex(
      "@Article(k1, title = \"A {\"}quoted{\"} word\", year = \"19\" # \"99\", author = \"Doe, "
      "J.\")",
      "p.bib");
  ASSERT_TRUE(refs.ok()) << refs.error().ToString();
  ASSERT_EQ(refs.value().size(), 1u);
  EXPECT_EQ(refs.value()[0].year, 1999);
  EXPECT_EQ(refs.value()[0].families[0], "Doe");
  EXPECT_EQ(refs.value()[0].title, "A \"quoted\" word");
}

TEST(CitationsBibtex, UnbalancedBraceIsLocated) {
  auto refs = ReadReferenceFile(Data("malformed.bib"));
  ASSERT_FALSE(refs.ok());
  EXPECT_EQ(refs.error().file, Data("malformed.bib"));
  EXPECT_EQ(refs.error().line, 5);
  EXPECT_GT(refs.error().column, 0);
}

TEST(CitationsBibtex, ErrorsAreLocated) {
  auto macro = ReadReferenceFile(Data("undefined-macro.bib"));
  ASSERT_FALSE(macro.ok());
  EXPECT_EQ(macro.error().line, 2);
  EXPECT_EQ(macro.error().column, 13);
  EXPECT_NE(macro.error().message.find("nosuchjournal"), std::string::npos);

  auto eq = ReadBibtex("@article{k,\n  title {x}\n}", "e.bib");
  ASSERT_FALSE(eq.ok());
  EXPECT_EQ(eq.error().line, 2);
  EXPECT_EQ(eq.error().column, 9);

  auto dup = ReadBibtex("@misc{k, title={a}}\n@misc{k, title={b}}", "d.bib");
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().line, 2);
  EXPECT_NE(dup.error().message.find("duplicate"), std::string::npos);

  auto quote = ReadBibtex("@misc{k,\n title = \"never closed}\n", "q.bib");
  ASSERT_FALSE(quote.ok());
  EXPECT_EQ(quote.error().line, 2);

  auto open = ReadBibtex("@misc{k, title = {x}", "o.bib");
  ASSERT_FALSE(open.ok());
  EXPECT_EQ(open.error().line, 1);
  EXPECT_EQ(open.error().column, 6);
  EXPECT_EQ(open.error().ToString().rfind("o.bib:1:6:", 0), 0u) << open.error().ToString();
}

TEST(CitationsLibrary, LargeLibrariesReadInOnePass) {
  // 20,000 entries a line each: positions are counted once, not per entry.
  std::string json = "[\n";
  std::string bib;
  for (int i = 0; i < 20000; ++i) {
    json += std::string(i ? ",\n" : "") + "{\"id\": \"e" + std::to_string(i) +
            "\", \"title\": \"Entry " + std::to_string(i) + "\"}";
    bib += "@misc{e" + std::to_string(i) + ", title = {Entry " + std::to_string(i) + "}}\n";
  }
  json += "\n]";
  auto refs = ReadCslJson(json, "big.json");
  ASSERT_TRUE(refs.ok()) << refs.error().ToString();
  ASSERT_EQ(refs.value().size(), 20000u);
  EXPECT_EQ(refs.value().back().loc.line, 20001);
  auto bibs = ReadBibtex(bib, "big.bib");
  ASSERT_TRUE(bibs.ok()) << bibs.error().ToString();
  ASSERT_EQ(bibs.value().size(), 20000u);
  EXPECT_EQ(bibs.value().back().loc.line, 20000);
}

TEST(CitationsLibrary, DetectsFormatByContent) {
  auto text = ReadReferenceFile(Data("not-a-library.txt"));
  ASSERT_FALSE(text.ok());
  EXPECT_NE(text.error().message.find("CSL-JSON"), std::string::npos);
  auto missing = ReadReferenceFile(Data("no-such-file.json"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().file, Data("no-such-file.json"));
}

TEST(CitationsLibrary, ReadsTheSeedLibrary) {
  std::string path = testing::SourceDir() + "/../shared/seed/references.json";
  if (testing::ReadAll(path).empty()) GTEST_SKIP() << "no seed at " << path;
  auto refs = ReadReferenceFile(path);
  ASSERT_TRUE(refs.ok()) << refs.error().ToString();
  const Reference* lee = ById(refs.value(), "lee2013");
  ASSERT_NE(lee, nullptr);
  EXPECT_EQ(lee->journal_short, "Clin J Pain");
  EXPECT_EQ(lee->families.size(), 6u);
  const Reference* nice = ById(refs.value(), "nice-ng59");
  ASSERT_NE(nice, nullptr);
  EXPECT_EQ(nice->report_number, "NG59");
  EXPECT_FALSE(nice->institution.empty());
}

}  // namespace
}  // namespace claimlint
