// Front matter as sites write it: the TOML and JSON readers, YAML located,
// fields mapped under the names Hugo, Zola, Jekyll, Eleventy, Astro and
// Docusaurus use, the title and description as blocks mapped exactly, and
// malformed front matter as a located finding.
#include "lint/document/front_matter.h"

#include <gtest/gtest.h>

#include <string>

#include "lint/document/document.h"
#include "lint/document/front_matter_value.h"
#include "lint/document/front_matter_yaml.h"
#include "lint/document/json_reader.h"
#include "lint/document/toml_reader.h"

namespace claimlint {
namespace {

FmValue Toml(std::string_view text) {
  FmValue root;
  std::optional<FmError> error = ReadToml(text, 0, text.size(), &root);
  EXPECT_FALSE(error) << (error ? error->message : "");
  return root;
}

FmError TomlError(std::string_view text) {
  FmValue root;
  std::optional<FmError> error = ReadToml(text, 0, text.size(), &root);
  EXPECT_TRUE(error) << text;
  return error.value_or(FmError{});
}

// The source bytes a decoded string's [b, e) maps to.
std::string Slice(std::string_view text, const FmValue& v, std::size_t b, std::size_t e) {
  std::size_t s = v.map.SourceBegin(b), t = v.map.SourceEnd(e);
  return std::string(text.substr(s, t - s));
}

// ---- TOML --------------------------------------------------------------------

TEST(TomlReader, ScalarsOfEveryKind) {
  FmValue root = Toml(
      "title = \"Tea\"\nlit = 'C:\\path'\nn = 1_000\nneg = -3\nhex = 0xFF\nf = 6.02e23\n"
      "inf = -inf\nyes = true\nd = 2024-10-30\ndt = 2024-10-30T09:00:00Z\n"
      "local = 1979-05-27 07:32:00\nt = 07:32\n");
  ASSERT_EQ(root.members.size(), 12u);
  EXPECT_EQ(root.Find("title")->text, "Tea");
  EXPECT_EQ(root.Find("lit")->text, "C:\\path");
  EXPECT_EQ(root.Find("n")->kind, FmValue::Kind::kNumber);
  EXPECT_EQ(root.Find("hex")->kind, FmValue::Kind::kNumber);
  EXPECT_EQ(root.Find("inf")->kind, FmValue::Kind::kNumber);
  EXPECT_EQ(root.Find("yes")->kind, FmValue::Kind::kBool);
  EXPECT_EQ(root.Find("d")->kind, FmValue::Kind::kDateTime);
  EXPECT_EQ(root.Find("dt")->text, "2024-10-30T09:00:00Z");
  EXPECT_EQ(root.Find("local")->text, "1979-05-27 07:32:00");
  EXPECT_EQ(root.Find("t")->kind, FmValue::Kind::kDateTime);
}

TEST(TomlReader, StringsMapExactlyThroughEscapes) {
  std::string text = "s = \"Caf\\u00e9 \\\"cures\\\" colds\"\n";
  FmValue root = Toml(text);
  const FmValue& s = *root.Find("s");
  EXPECT_EQ(s.text, "Caf\xC3\xA9 \"cures\" colds");
  std::size_t at = s.text.find("cures");
  EXPECT_EQ(Slice(text, s, at, at + 5), "cures");
  EXPECT_EQ(Slice(text, s, 3, 5), "\\u00e9");  // the escape maps as a whole
  EXPECT_EQ(Slice(text, s, at - 1, at + 6), "\\\"cures\\\"");
}

TEST(TomlReader, MultiLineStrings) {
  std::string text =
      "a = \"\"\"\nline one\nline two\"\"\"\nb = \"\"\"joined \\\n   here\"\"\"\n"
      "c = '''\nraw \\n text'''\nd = \"\"\"two quotes\"\"\"\"\"\n";
  FmValue root = Toml(text);
  EXPECT_EQ(root.Find("a")->text, "line one\nline two");
  EXPECT_EQ(root.Find("b")->text, "joined here");
  EXPECT_EQ(root.Find("c")->text, "raw \\n text");
  EXPECT_EQ(root.Find("d")->text, "two quotes\"\"");
  const FmValue& b = *root.Find("b");
  EXPECT_EQ(Slice(text, b, 7, 11), "here");
}

TEST(TomlReader, TablesDottedKeysArraysAndInlineTables) {
  FmValue root = Toml(
      "title = \"T\"\nsite.name = \"Clinic\"\n\n[extra]\nauthor = \"Clare Hollis\"\n"
      "[taxonomies]\ntags = [\"a\", \"b\",\n  # a comment\n  \"c\",]\n"
      "[[authors]]\nname = \"Ann\"\n[[authors]]\nname = \"Bo\"\n"
      "[params]\nreview = { by = \"Dr Lee\", on = 2025-01-02 }\n[params.deep.er]\nx = 1\n");
  EXPECT_EQ(root.Find("site")->Find("name")->text, "Clinic");
  EXPECT_EQ(root.Find("extra")->Find("author")->text, "Clare Hollis");
  EXPECT_EQ(root.Find("taxonomies")->Find("tags")->items.size(), 3u);
  const FmValue& authors = *root.Find("authors");
  ASSERT_EQ(authors.items.size(), 2u);
  EXPECT_EQ(authors.items[1].Find("name")->text, "Bo");
  const FmValue& review = *root.Find("params")->Find("review");
  EXPECT_EQ(review.Find("by")->text, "Dr Lee");
  EXPECT_EQ(root.Find("params")->Find("deep")->Find("er")->Find("x")->text, "1");
}

TEST(TomlReader, ErrorsAreLocated) {
  struct Case {
    const char* text;
    const char* at;  // the error's offset is where this text starts
    const char* says;
  };
  for (const Case& c : {
           Case{"a = 1\na = 2\n", "a = 2", "duplicate key"},
           Case{"title = Tea\n", "Tea", "not a TOML value"},
           Case{"t = \"open\nx = 1\n", "\"open", "not closed"},
           Case{"[a]\nx = 1\n[a]\n", "a]\n", "defined twice"},
           Case{"s = \"bad \\q\"\n", "\\q", "escape"},
           Case{"a = 1 b = 2\n", "b = 2", "end of the line"},
           Case{"a = [1, 2\n", "[1", "never closed"},
           Case{"x = 1\nx.y = 2\n", "x.y", "not a table"},
           Case{"p = {a = 1}\n[p]\n", "p]", "defined twice"},
           Case{"n = 012\n", "012", "not a TOML value"},
           Case{"d = 2024-13-01\n", "2024", "not a TOML value"},
       }) {
    FmError e = TomlError(c.text);
    std::string text = c.text;
    std::size_t at = text.find(c.at);
    if (std::string(c.at) == "a]\n") at = text.rfind(c.at);
    if (std::string(c.at) == "x.y") at = text.find("x.y");
    EXPECT_EQ(e.offset, at) << c.text << " -> " << e.message;
    EXPECT_NE(e.message.find(c.says), std::string::npos) << c.text << " -> " << e.message;
  }
}

TEST(TomlReader, CostsAreBounded) {
  // Deep nesting stops with an error, not a crash.
  std::string deep = "a = " + std::string(200, '[') + std::string(200, ']') + "\n";
  EXPECT_NE(TomlError(deep).message.find("nested too deeply"), std::string::npos);
  std::string dotted = "a";
  for (int i = 0; i < 100; ++i) dotted += ".a";
  EXPECT_NE(TomlError(dotted + " = 1\n").message.find("too many dotted parts"), std::string::npos);
  // Many keys in one table stay linear (an index, not a scan per key).
  std::string many;
  for (int i = 0; i < 20000; ++i)
    many += "k" + std::to_string(i) + " = " + std::to_string(i) + "\n";
  FmValue root = Toml(many);
  EXPECT_EQ(root.members.size(), 20000u);
}

// ---- JSON ----------------------------------------------------------------------

TEST(JsonReader, ValuesEscapesAndErrors) {
  std::string text =
      "{\"title\": \"Caf\\u00e9 \\\"cures\\\"\", \"n\": -1.5e3, \"ok\": true,\n"
      " \"tags\": [\"a\", {\"name\": \"Ann\"}], \"none\": null, \"pair\": \"\\ud83d\\ude00\"}\n";
  FmValue root;
  std::size_t end = 0;
  ASSERT_FALSE(ReadJsonObject(text, 0, &root, &end));
  EXPECT_EQ(text[end - 1], '}');
  const FmValue& title = *root.Find("title");
  EXPECT_EQ(title.text, "Caf\xC3\xA9 \"cures\"");
  EXPECT_EQ(Slice(text, title, 3, 5), "\\u00e9");
  EXPECT_EQ(root.Find("tags")->items[1].Find("name")->text, "Ann");
  EXPECT_EQ(root.Find("none")->kind, FmValue::Kind::kNull);
  EXPECT_EQ(root.Find("pair")->text, "\xF0\x9F\x98\x80");
  for (const char* bad : {"{\"a\": 1,}", "{\"a\" 1}", "{'a': 1}", "{\"a\": tru}", "{\"a\": [1, 2}",
                          "{\"a\": \"open}"}) {
    FmValue v;
    EXPECT_TRUE(ReadJsonObject(bad, 0, &v, &end)) << bad;
  }
  std::string deep = std::string(100, '{');
  FmValue v;
  EXPECT_TRUE(ReadJsonObject("{\"a\":" + std::string(100, '[') + "}", 0, &v, &end));
}

// ---- YAML located ----------------------------------------------------------------

TEST(YamlReader, ScalarsAreLocatedAndMapped) {
  std::string text =
      "title: \"Tea \\\"cures\\\" colds\"\nsingle: 'it''s safe'\n"
      "folded: >\n  boosts\n  immunity\nplain: heals fast\n";
  FmValue root;
  ASSERT_FALSE(ReadYaml(text, 0, text.size(), &root));
  const FmValue& title = *root.Find("title");
  std::size_t at = title.text.find("cures");
  EXPECT_EQ(Slice(text, title, at, at + 5), "cures");
  const FmValue& single = *root.Find("single");
  EXPECT_EQ(single.text, "it's safe");
  EXPECT_EQ(Slice(text, single, 5, 9), "safe");
  const FmValue& folded = *root.Find("folded");
  EXPECT_EQ(folded.text, "boosts immunity\n");
  EXPECT_EQ(Slice(text, folded, 7, 15), "immunity");
  EXPECT_EQ(Slice(text, *root.Find("plain"), 0, 10), "heals fast");
}

// ---- Front matter in documents -----------------------------------------------------

Document Md(std::string_view text, std::string path = "t.md") {
  return ParseDocument(std::move(path), text, true);
}

TEST(FrontMatterFormats, HugoTomlWithParams) {
  Document doc =
      Md("+++\ntitle = 'Why every baby deserves a check-up'\ndate = 2024-10-30T09:00:00Z\n"
         "lastmod = 2025-01-02\ndraft = false\n[params]\nauthor = 'Dr Marcus Feld'\n"
         "reviewed = 2025-02-03\n+++\n\nBody text.\n");
  const FrontMatter& fm = doc.front_matter;
  EXPECT_TRUE(doc.input_findings.empty());
  EXPECT_EQ(fm.format, FrontMatter::Format::kToml);
  EXPECT_EQ(fm.title, "Why every baby deserves a check-up");
  EXPECT_EQ(fm.author, "Dr Marcus Feld");
  EXPECT_EQ(fm.date, "2024-10-30T09:00:00Z");
  EXPECT_EQ(fm.updated, "2025-01-02");
  EXPECT_EQ(fm.reviewed, "2025-02-03");
  EXPECT_EQ(doc.index.At(doc.text, fm.date_at.begin).line, 3);
  EXPECT_EQ(doc.text.substr(fm.title_at.begin, fm.title_at.size()),
            "title = 'Why every baby deserves a check-up'");
  SourceRange author = FrontMatterKeySpan(doc, "author");
  EXPECT_EQ(doc.index.At(doc.text, author.begin).line, 7);
  EXPECT_EQ(FrontMatterKeySpan(doc, "params.author").begin, author.begin);
  // The body keeps its line numbers and the front matter is not prose.
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::kTitle);
  EXPECT_EQ(doc.blocks[1].text, "Body text.");
  EXPECT_EQ(doc.blocks[1].line, 11);
}

TEST(FrontMatterFormats, ZolaExtraAndTaxonomies) {
  Document doc = Md(
      "+++\ntitle = \"Homeopathy for children\"\ndate = 2025-02-14\nupdated = 2025-06-01\n"
      "description = \"Gentle remedies for eczema.\"\n[taxonomies]\nauthors = [\"Clare Hollis\"]\n"
      "[extra]\nreviewer = \"Dr Ann Lee\"\n+++\nBody.\n");
  const FrontMatter& fm = doc.front_matter;
  EXPECT_EQ(fm.author, "Clare Hollis");
  EXPECT_EQ(fm.reviewer, "Dr Ann Lee");
  EXPECT_EQ(fm.updated, "2025-06-01");
  EXPECT_EQ(fm.description, "Gentle remedies for eczema.");
  ASSERT_GE(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::kDescription);
  EXPECT_EQ(doc.blocks[1].text, "Gentle remedies for eczema.");
}

TEST(FrontMatterFormats, HugoJson) {
  Document doc =
      Md("{\n  \"title\": \"Cannabis, CBD and MS\",\n  \"author\": \"MS Support Network\",\n"
         "  \"date\": \"2025-06-17\",\n  \"params\": {\"reviewed\": \"2025-07-01\"}\n}\n\n# "
         "Cannabis\n");
  const FrontMatter& fm = doc.front_matter;
  EXPECT_TRUE(doc.input_findings.empty());
  EXPECT_EQ(fm.format, FrontMatter::Format::kJson);
  EXPECT_EQ(fm.author, "MS Support Network");
  EXPECT_EQ(fm.reviewed, "2025-07-01");
  EXPECT_EQ(doc.blocks.back().text, "Cannabis");
  EXPECT_EQ(doc.blocks.back().line, 8);
  // Hugo shortcodes and MDX expressions are not JSON front matter.
  EXPECT_FALSE(Md("{{< figure src=\"a.png\" >}}\n\nText.\n").front_matter.present);
  EXPECT_FALSE(Md("{\"a\": 1}\n\nText.\n", "t.mdx").front_matter.present);
}

TEST(FrontMatterFormats, SiteGeneratorFieldNames) {
  // Docusaurus: authors as maps with names; last_update as a map.
  Document docu =
      Md("---\ntitle: T\nauthors:\n  - name: Gao Wei\n    title: Core team\n  - slorber\n"
         "last_update:\n  date: 2025-03-01\n  author: Ann\n---\nBody.\n");
  EXPECT_EQ(docu.front_matter.author, "Gao Wei, slorber");
  EXPECT_EQ(docu.front_matter.updated, "2025-03-01");
  // Astro: pubDate and updatedDate.
  Document astro = Md("---\ntitle: T\npubDate: 2024-07-08\nupdatedDate: 2025-01-01\n---\nB.\n");
  EXPECT_EQ(astro.front_matter.date, "2024-07-08");
  EXPECT_EQ(astro.front_matter.updated, "2025-01-01");
  // Jekyll: author as a map; last_modified_at.
  Document jekyll =
      Md("---\nauthor:\n  name: Jo Park\n  url: https://x.example\nlast_modified_at: 2025-04-04\n"
         "---\nB.\n");
  EXPECT_EQ(jekyll.front_matter.author, "Jo Park");
  EXPECT_EQ(jekyll.front_matter.updated, "2025-04-04");
  // Hugo: publishDate; an organisation as publisher.
  Document hugo = Md("---\npublishDate: 2023-10-19\npublisher: Joint Action UK\n---\nB.\n");
  EXPECT_EQ(hugo.front_matter.date, "2023-10-19");
  EXPECT_EQ(hugo.front_matter.publisher, "Joint Action UK");
  // A reviewed flag is not a date.
  EXPECT_EQ(Md("---\nreviewed: true\n---\nB.\n").front_matter.reviewed, "");
}

TEST(FrontMatterBlocks, TitleAndDescriptionMapExactly) {
  std::string text =
      "---\ntitle: \"Elderberry \\\"cures\\\" flu\"\ndescription: It boosts your immune system.\n"
      "---\n\nBody.\n";
  Document doc = Md(text);
  ASSERT_EQ(doc.blocks.size(), 3u);
  const Block& title = doc.blocks[0];
  EXPECT_EQ(title.kind, BlockKind::kTitle);
  EXPECT_EQ(title.text, "Elderberry \"cures\" flu");
  EXPECT_EQ(title.line, 2);
  std::size_t at = title.text.find("cures");
  std::size_t b = title.map.SourceBegin(at), e = title.map.SourceEnd(at + 5);
  EXPECT_EQ(doc.text.substr(b, e - b), "cures");
  const Block& description = doc.blocks[1];
  EXPECT_EQ(description.kind, BlockKind::kDescription);
  at = description.text.find("boosts");
  b = description.map.SourceBegin(at);
  EXPECT_EQ(doc.index.At(doc.text, b).line, 3);
  EXPECT_EQ(doc.index.At(doc.text, b).column, 17);
  EXPECT_EQ(BlockKindName(BlockKind::kTitle), "title");
}

TEST(FrontMatterErrors, MalformedFrontMatterIsALocatedFinding) {
  struct Case {
    const char* text;
    int line;  // where the finding points
    const char* says;
  };
  for (const Case& c : {
           Case{"+++\ntitle = \"T\"\nauthor = Jo\n+++\nBody.\n", 3, "TOML"},
           Case{"+++\ntitle = \"T\"\nBody.\n", 1, "never closed"},
           Case{"---\ntitle: [unclosed\n---\nBody.\n", 3, "YAML"},
           Case{"{\n  \"title\": \"T\",\n  \"author\" \"Jo\"\n}\n\nBody.\n", 3, "JSON"},
           Case{"{\n  \"title\": \"T\"\n", 3, "never closed"},
       }) {
    Document doc = Md(c.text);
    ASSERT_FALSE(doc.input_findings.empty()) << c.text;
    const Finding& f = doc.input_findings[0];
    EXPECT_EQ(f.rule, "input.front-matter");
    EXPECT_EQ(doc.index.At(doc.text, f.begin).line, c.line) << c.text << " -> " << f.message;
    EXPECT_NE(f.message.find(c.says), std::string::npos) << f.message;
  }
  // A broken JSON block ends at its lone closing brace.
  Document json = Md("{\n  \"title\": \"T\",\n  \"author\" \"Jo\"\n}\n\nBody.\n");
  ASSERT_EQ(json.blocks.size(), 1u);
  EXPECT_EQ(json.blocks[0].text, "Body.");
  // ... but never past the body's first line of prose: a brace in a later
  // code block is the body's.
  Document code = Md("{\n  \"title\": \"T\",\n  \"author\" \"Jo\"\n\nBody.\n\n```\n}\n```\n");
  ASSERT_FALSE(code.blocks.empty());
  EXPECT_EQ(code.blocks[0].text, "Body.");
  // Text after a well-formed block's closing brace: the block ends there.
  Document after = Md("{\n  \"title\": \"T\"\n} extra\n\nBody.\n\n```\n}\n```\n");
  ASSERT_FALSE(after.input_findings.empty());
  EXPECT_EQ(after.index.At(after.text, after.input_findings[0].begin).line, 3);
  ASSERT_FALSE(after.blocks.empty());
  EXPECT_EQ(after.blocks[0].text, "Body.");
  // The body after a broken block is still read, on its own lines.
  Document doc = Md("+++\ntitle = oops\n+++\n\nThe body.\n");
  EXPECT_EQ(doc.blocks.back().text, "The body.");
  EXPECT_EQ(doc.blocks.back().line, 5);
}

}  // namespace
}  // namespace claimlint
