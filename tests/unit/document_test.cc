// The document model: blocks, their kinds, and exact source positions of
// plain text through entities, escapes, emphasis, links, breaks, tabs,
// containers, tables, multi-byte characters and front matter.
#include "lint/document/document.h"

#include <gtest/gtest.h>

#include "lint/document/sentence.h"

namespace claimlint {
namespace {

struct Located {
  std::string slice;  // source text the phrase maps to
  int line = 0, column = 0, end_line = 0, end_column = 0;
  int block = -1;
};

// Finds `phrase` in the plain text of some block and maps it to the source.
Located Locate(const Document& doc, std::string_view phrase) {
  Located out;
  for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
    std::size_t p = doc.blocks[b].text.find(phrase);
    if (p == std::string::npos) continue;
    std::size_t s = doc.blocks[b].map.SourceBegin(p);
    std::size_t e = doc.blocks[b].map.SourceEnd(p + phrase.size());
    out.slice = doc.text.substr(s, e - s);
    Position ps = doc.index.At(doc.text, s), pe = doc.index.At(doc.text, e);
    out.line = ps.line;
    out.column = ps.column;
    out.end_line = pe.line;
    out.end_column = pe.column;
    out.block = static_cast<int>(b);
    return out;
  }
  return out;
}

Document Md(std::string_view text) { return ParseDocument("t.md", text, true); }

TEST(DocumentPositions, PlainParagraph) {
  Document doc = Md("Intro line.\n\nGinger boosts immunity today.\n");
  Located l = Locate(doc, "boosts immunity");
  EXPECT_EQ(l.slice, "boosts immunity");
  EXPECT_EQ(l.line, 3);
  EXPECT_EQ(l.column, 8);
  EXPECT_EQ(l.end_column, 23);
}

TEST(DocumentPositions, Entities) {
  Document doc = Md("Salt &amp; sugar &#x26; fat &copy; cure colds.\n");
  EXPECT_EQ(doc.blocks[0].text, "Salt & sugar & fat \xC2\xA9 cure colds.");
  Located l = Locate(doc, "& fat \xC2\xA9 cure");
  EXPECT_EQ(l.slice, "&#x26; fat &copy; cure");
  EXPECT_EQ(l.column, 18);
}

TEST(DocumentPositions, BackslashEscapes) {
  Document doc = Md("It is 100\\% safe \\*guaranteed\\*.\n");
  EXPECT_EQ(doc.blocks[0].text, "It is 100% safe *guaranteed*.");
  Located l = Locate(doc, "100% safe");
  EXPECT_EQ(l.slice, "100\\% safe");
  EXPECT_EQ(l.column, 7);
  EXPECT_EQ(l.end_column, 17);
}

TEST(DocumentPositions, EmphasisInsideMatch) {
  Document doc = Md("Tea *boosts* your **immune system**.\n");
  EXPECT_EQ(doc.blocks[0].text, "Tea boosts your immune system.");
  Located l = Locate(doc, "boosts your immune system");
  EXPECT_EQ(l.slice, "boosts* your **immune system");
  EXPECT_EQ(l.column, 6);
}

TEST(DocumentPositions, InlineCodeIsNotProse) {
  Document doc = Md("Run `cures cancer` then cures colds.\n");
  EXPECT_EQ(doc.blocks[0].text.find("cures cancer"), std::string::npos);
  Located l = Locate(doc, "cures colds");
  EXPECT_EQ(l.column, 25);
  EXPECT_EQ(l.slice, "cures colds");
}

TEST(DocumentPositions, LinksKeepTextAndSkipDestination) {
  Document doc = Md("See [the review](https://doi.org/10.1/x \"title\") and heals fast.\n");
  EXPECT_EQ(doc.blocks[0].text, "See the review and heals fast.");
  ASSERT_EQ(doc.links.size(), 1u);
  EXPECT_EQ(doc.links[0].destination, "https://doi.org/10.1/x");
  EXPECT_EQ(doc.links[0].text, "the review");
  Located l = Locate(doc, "heals fast");
  EXPECT_EQ(l.slice, "heals fast");
  EXPECT_EQ(l.column, 54);
}

TEST(DocumentPositions, AutolinkAndReferenceLink) {
  Document doc = Md("Read <https://nhs.uk> or [NICE][n] now.\n\n[n]: https://nice.org.uk\n");
  EXPECT_EQ(doc.blocks[0].text, "Read https://nhs.uk or NICE now.");
  Located l = Locate(doc, "or NICE now");
  EXPECT_EQ(l.slice, "or [NICE][n] now");
}

TEST(DocumentPositions, SoftAndHardBreaks) {
  Document doc = Md("It boosts\nimmunity and  \nheals\\\nfast.\n");
  EXPECT_EQ(doc.blocks[0].text, "It boosts immunity and heals fast.");
  Located l = Locate(doc, "boosts immunity");
  EXPECT_EQ(l.slice, "boosts\nimmunity");
  EXPECT_EQ(l.line, 1);
  EXPECT_EQ(l.end_line, 2);
  EXPECT_EQ(l.end_column, 9);
  Located h = Locate(doc, "heals fast");
  EXPECT_EQ(h.line, 3);
  EXPECT_EQ(h.end_line, 4);
}

TEST(DocumentPositions, CrLfLineEndings) {
  Document doc = Md("First line\r\nsecond boosts immunity.\r\n");
  Located l = Locate(doc, "boosts immunity");
  EXPECT_EQ(l.line, 2);
  EXPECT_EQ(l.column, 8);
  EXPECT_EQ(l.slice, "boosts immunity");
}

TEST(DocumentPositions, TabsCountAsOneColumn) {
  Document doc = Md("- item\twith\ttabs cures colds\n");
  Located l = Locate(doc, "cures colds");
  EXPECT_EQ(l.column, 18);
  EXPECT_EQ(l.slice, "cures colds");
}

TEST(DocumentPositions, NestedListsAndBlockquotes) {
  Document doc = Md("- outer\n  - inner item boosts immunity\n\n> quoted\n> > deeper cures colds\n");
  Located l = Locate(doc, "boosts immunity");
  EXPECT_EQ(l.line, 2);
  EXPECT_EQ(l.column, 16);
  EXPECT_EQ(doc.blocks[l.block].kind, BlockKind::kListItem);
  EXPECT_EQ(doc.blocks[l.block].list_depth, 2);
  Located q = Locate(doc, "cures colds");
  EXPECT_EQ(q.line, 5);
  EXPECT_EQ(q.column, 12);
  EXPECT_TRUE(doc.blocks[q.block].quoted);
}

TEST(DocumentPositions, LazyBlockquoteContinuation) {
  Document doc = Md("> It boosts\n> immunity fast.\n");
  Located l = Locate(doc, "boosts immunity");
  EXPECT_EQ(l.slice, "boosts\n> immunity");
}

TEST(DocumentPositions, TableHeaderCells) {
  Document doc = Md("Intro.\n\n| Boosts immunity | Price |\n|---|---|\n| Tea | 5 |\n");
  Located l = Locate(doc, "Boosts immunity");
  EXPECT_EQ(l.slice, "Boosts immunity");
  EXPECT_EQ(l.line, 3);
  EXPECT_EQ(l.column, 3);
  Located p = Locate(doc, "Price");
  EXPECT_EQ(p.column, 21);
}

TEST(DocumentPositions, TableCells) {
  Document doc = Md("| Remedy | Claim |\n|---|---|\n| Garlic | cures colds |\n| Zinc \\| C | heals fast |\n");
  Located l = Locate(doc, "cures colds");
  EXPECT_EQ(l.line, 3);
  EXPECT_EQ(l.column, 12);
  EXPECT_EQ(doc.blocks[l.block].kind, BlockKind::kTableCell);
  Located z = Locate(doc, "Zinc | C");
  EXPECT_EQ(z.slice, "Zinc \\| C");
  Located h = Locate(doc, "heals fast");
  EXPECT_EQ(h.column, 15);
}

TEST(DocumentPositions, MultiByteCharactersCountAsOneColumn) {
  Document doc = Md("Café “naturel” — it cures colds.\n");
  Located l = Locate(doc, "cures colds");
  EXPECT_EQ(l.column, 21);
  EXPECT_EQ(l.end_column, 32);
}

TEST(DocumentPositions, FrontMatterKeepsLineNumbers) {
  Document doc = Md("---\ntitle: Tea\nauthor: Jo Bloggs\ndate: 2024-01-02\n---\n\n# Tea\n\nTea cures colds.\n");
  EXPECT_TRUE(doc.front_matter.present);
  EXPECT_EQ(doc.front_matter.title, "Tea");
  EXPECT_EQ(doc.front_matter.author, "Jo Bloggs");
  EXPECT_EQ(doc.front_matter.date, "2024-01-02");
  // The title is a block of its own, then the body's heading.
  ASSERT_EQ(doc.blocks.size(), 3u);
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::kTitle);
  EXPECT_EQ(doc.blocks[0].line, 2);
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::kHeading);
  EXPECT_EQ(doc.blocks[1].text, "Tea");
  Located l = Locate(doc, "cures colds");
  EXPECT_EQ(l.line, 9);
  EXPECT_EQ(l.column, 5);
}

TEST(DocumentPositions, FootnotesAndSections) {
  Document doc = Md("# Benefits\n\nIt heals[^1].\n\n## Sources\n\n[^1]: Smith 2020.\n");
  ASSERT_EQ(doc.footnote_refs.size(), 1u);
  EXPECT_EQ(doc.footnote_refs[0].label, "1");
  Located l = Locate(doc, "It heals[^1]");
  EXPECT_EQ(l.slice, "It heals[^1]");
  EXPECT_EQ(doc.blocks[l.block].section, 0);
  Located d = Locate(doc, "Smith 2020");
  ASSERT_GE(d.block, 0);
  EXPECT_EQ(doc.blocks[d.block].kind, BlockKind::kFootnoteDefinition);
  EXPECT_EQ(doc.blocks[d.block].footnote_label, "1");
  EXPECT_EQ(d.line, 7);
}

TEST(DocumentPositions, HtmlCommentsRecorded) {
  Document doc = Md("<!-- claimlint-disable-next-line claim.x -->\nText <!-- inline --> here.\n");
  ASSERT_EQ(doc.comments.size(), 2u);
  EXPECT_EQ(doc.comments[0].body, "claimlint-disable-next-line claim.x");
  EXPECT_EQ(doc.comments[0].line, 1);
  EXPECT_EQ(doc.comments[1].body, "inline");
  EXPECT_EQ(doc.comments[1].line, 2);
  EXPECT_EQ(doc.blocks[0].text, "Text  here.");
}

TEST(DocumentPositions, CodeBlocksAreNotProse) {
  Document doc = Md("```\ncures cancer\n```\n\n    indented cures cancer\n\nReal text.\n");
  ASSERT_EQ(doc.blocks.size(), 1u);
  EXPECT_EQ(doc.blocks[0].text, "Real text.");
}

TEST(DocumentPositions, ImageAltTextIsABlockOfItsOwn) {
  Document doc = Md("![It *cures* cancer](x.png \"t\") Then heals fast.\n\n![](y.png)\n");
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.blocks[0].text, " Then heals fast.");
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::kImageAlt);
  EXPECT_EQ(doc.blocks[1].text, "It cures cancer");
  Located alt = Locate(doc, "cures cancer");
  EXPECT_EQ(alt.slice, "cures* cancer");
  EXPECT_EQ(alt.column, 7);
  Located l = Locate(doc, "heals fast");
  EXPECT_EQ(l.column, 38);
}

TEST(DocumentInput, InvalidUtf8IsAFinding) {
  Document doc = Md("Good \xFF\xFE bytes cure colds.\n");
  ASSERT_EQ(doc.input_findings.size(), 1u);
  EXPECT_EQ(doc.input_findings[0].rule, "input.encoding");
  Position p = doc.index.At(doc.text, doc.input_findings[0].begin);
  EXPECT_EQ(p.column, 6);
  Located l = Locate(doc, "cure colds");
  EXPECT_EQ(l.column, 15);
}

TEST(DocumentInput, BomAndBinaryAndUtf16) {
  Document bom = Md("\xEF\xBB\xBFHeals fast.\n");
  EXPECT_EQ(Locate(bom, "Heals").column, 1);
  Document bin = Md(std::string("abc\0def", 7));
  EXPECT_FALSE(bin.lintable);
  EXPECT_EQ(bin.input_findings[0].rule, "input.binary");
  Document u16 = Md("\xFF\xFEh\0i\0");
  EXPECT_FALSE(u16.lintable);
  EXPECT_EQ(u16.input_findings[0].rule, "input.encoding");
}

TEST(DocumentInput, UnterminatedAndInvalidFrontMatter) {
  Document open = Md("---\ntitle: x\n\nBody text.\n");
  ASSERT_FALSE(open.input_findings.empty());
  EXPECT_EQ(open.input_findings[0].rule, "input.front-matter");
  Document bad = Md("---\ntitle: [unclosed\n---\nBody.\n");
  ASSERT_FALSE(bad.input_findings.empty());
  EXPECT_EQ(bad.input_findings[0].rule, "input.front-matter");
  EXPECT_EQ(bad.blocks.back().text, "Body.");
}

TEST(PlainText, ParagraphsHeadingsAndBullets) {
  Document doc = ParseDocument("a.txt",
                               "Title Of The Page\n\nFirst line of text\ncontinues here.\n\n"
                               "  \xE2\x80\xA2 Bullet item cures colds.\n",
                               false);
  ASSERT_EQ(doc.blocks.size(), 3u);
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::kHeading);
  EXPECT_EQ(doc.blocks[1].text, "First line of text continues here.");
  EXPECT_EQ(doc.blocks[1].section, 0);
  EXPECT_EQ(doc.blocks[2].kind, BlockKind::kListItem);
  Located l = Locate(doc, "cures colds");
  EXPECT_EQ(l.line, 6);
  EXPECT_EQ(l.column, 17);
}

TEST(Sentences, DocumentSentences) {
  Document doc = Md("One claim. Another (Lee et al., 2013) claim.\n\n- Item one.\n");
  std::vector<Sentence> s = SplitDocument(doc);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(SentenceText(doc, s[1]), "Another (Lee et al., 2013) claim.");
}

}  // namespace
}  // namespace claimlint

namespace claimlint {
namespace {

TEST(PlainText, WholeLineCommentsAreComments) {
  Document doc = ParseDocument("a.txt",
                               "Intro paragraph here.\n<!-- expect: claim.x -->\nNext line cures colds.\n",
                               false);
  ASSERT_EQ(doc.comments.size(), 1u);
  EXPECT_EQ(doc.comments[0].body, "expect: claim.x");
  EXPECT_EQ(doc.comments[0].line, 2);
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.blocks[1].text, "Next line cures colds.");
}

}  // namespace
}  // namespace claimlint

namespace claimlint {
namespace {

TEST(FrontMatter, ReferencesAndDates) {
  Document doc = Md("---\ntitle: x\nreviewed: 2025-03-01\nreferences: [refs/a.json, refs/b.bib]\n---\nBody.\n");
  EXPECT_TRUE(doc.input_findings.empty());
  EXPECT_EQ(doc.front_matter.reviewed, "2025-03-01");
  EXPECT_EQ(doc.front_matter.references,
            (std::vector<std::string>{"refs/a.json", "refs/b.bib"}));
  Document one = Md("---\nbibliography: lib.json\nauthor: {name: Ada Lovelace}\n---\nBody.\n");
  EXPECT_EQ(one.front_matter.references, std::vector<std::string>{"lib.json"});
  EXPECT_EQ(one.front_matter.author, "Ada Lovelace");
  Document none = Md("---\ntitle: x\n---\nBody.\n");
  EXPECT_TRUE(none.input_findings.empty());
  EXPECT_TRUE(none.front_matter.references.empty());
}

}  // namespace
}  // namespace claimlint

#include "tests/unit/test_support.h"

namespace claimlint {
namespace {

TEST(ClaimCheck, StopsAfterTenThousandFindings) {
  std::string text;
  for (int i = 0; i < 12000; ++i) text += "It boosts your immune system. ";
  FileReport r = testing::ExampleLinter().Lint("big.md", text);
  std::size_t claims = 0, meta = 0;
  for (const Finding& f : r.findings) {
    claims += f.category == Category::kClaim;
    meta += f.rule == "meta.too-many-findings";
  }
  EXPECT_EQ(meta, 1u);
  EXPECT_LE(claims, 10000u);
  EXPECT_GE(claims, 10000u);
}

}  // namespace
}  // namespace claimlint

namespace claimlint {
namespace {

// ---- HTML blocks in Markdown ---------------------------------------------------

TEST(HtmlBlocks, TextContentWithExactPositions) {
  Document doc =
      Md("<div class=\"hero\">\n  <img src=\"a.jpg\" alt=\"Toxins &amp; waste released\">\n"
         "  <h1>Colon <em>cleansing</em></h1>\n  <p class=\"tagline\">Feel lighter &mdash; "
         "and cleaner.</p>\n</div>\n\n<ul>\n  <li>Removes <strong>impacted</strong> waste</li>\n"
         "  <li>Strengthens the immune system</li>\n</ul>\n");
  std::vector<std::pair<BlockKind, std::string>> got;
  for (const Block& b : doc.blocks) got.push_back({b.kind, b.text});
  std::vector<std::pair<BlockKind, std::string>> want = {
      {BlockKind::kImageAlt, "Toxins & waste released"},
      {BlockKind::kHeading, "Colon cleansing"},
      {BlockKind::kParagraph, "Feel lighter \xE2\x80\x94 and cleaner."},
      {BlockKind::kListItem, "Removes impacted waste"},
      {BlockKind::kListItem, "Strengthens the immune system"}};
  EXPECT_EQ(got, want);
  Located l = Locate(doc, "lighter \xE2\x80\x94 and");
  EXPECT_EQ(l.slice, "lighter &mdash; and");
  EXPECT_EQ(l.line, 4);
  Located alt = Locate(doc, "& waste");
  EXPECT_EQ(alt.slice, "&amp; waste");
  Located item = Locate(doc, "impacted waste");
  EXPECT_EQ(item.slice, "impacted</strong> waste");
  EXPECT_EQ(doc.blocks[1].heading_level, 1);
  EXPECT_EQ(doc.blocks[2].section, 1);  // under the HTML heading
}

TEST(HtmlBlocks, ScriptStylePreAreNeverProse) {
  Document doc =
      Md("<script>var cure = 'cures cancer';</script>\n\n<style>p { color: red }</style>\n\n"
         "<div>\n<pre>cures cancer</pre>\n<p>Real text with <code>cures()</code> here.</p>\n"
         "</div>\n");
  ASSERT_EQ(doc.blocks.size(), 1u);
  EXPECT_EQ(doc.blocks[0].text, "Real text with \xEF\xBF\xBC here.");
}

TEST(HtmlBlocks, LinksAndInlineHtml) {
  Document doc =
      Md("<p>See <a href=\"https://doi.org/10.1/x\">the trial</a>.</p>\n\n"
         "Text with <a href=\"https://pubmed.ncbi.nlm.nih.gov/1/\">a study</a> and"
         " <img src=\"b.png\" alt=\"cures colds\"> a line<br>break.\n");
  ASSERT_EQ(doc.links.size(), 2u);
  EXPECT_EQ(doc.links[0].text, "the trial");
  EXPECT_EQ(doc.links[0].destination, "https://doi.org/10.1/x");
  EXPECT_EQ(doc.links[1].text, "a study");
  EXPECT_EQ(doc.blocks[doc.links[1].block].text, "Text with a study and  a line break.");
  bool alt = false;
  for (const Block& b : doc.blocks)
    alt = alt || (b.kind == BlockKind::kImageAlt && b.text == "cures colds");
  EXPECT_TRUE(alt);
  EXPECT_EQ(Locate(doc, "cures colds").column, 94);
}

// ---- MDX ---------------------------------------------------------------------------

Document Mdx(std::string_view text) { return ParseDocument("t.mdx", text, true); }

TEST(Mdx, SyntaxIsNotProseAndChildrenAre) {
  Document doc =
      Mdx("---\ntitle: Sauna\n---\n\nimport Card from '@/components/Card'\n"
          "export const meta = {\n  author: 'x'\n}\n\n"
          "Intro with {props.name} and <Badge>detox</Badge> words.\n\n"
          "<Embed url=\"https://x.example\" caption=\"Sweating out the toxins\" />\n\n"
          "<Note>\nStart with 20 minutes.\n</Note>\n\n"
          "<Callout>\n\n    Indented children are text in MDX.\n\n</Callout>\n\n"
          "```js\n<NotATag cures=\"cancer\" />\n```\n\n"
          "{/* claimlint-disable-next-line claim.x */}\nLast line.\n");
  std::vector<std::pair<BlockKind, std::string>> got;
  for (const Block& b : doc.blocks) got.push_back({b.kind, b.text});
  std::vector<std::pair<BlockKind, std::string>> want = {
      {BlockKind::kTitle, "Sauna"},
      {BlockKind::kParagraph, "Intro with and detox words."},
      {BlockKind::kAttributeText, "Sweating out the toxins"},
      {BlockKind::kParagraph, "Start with 20 minutes."},
      {BlockKind::kParagraph, "Indented children are text in MDX."},
      {BlockKind::kParagraph, "Last line."}};
  EXPECT_EQ(got, want);
  Located caption = Locate(doc, "the toxins");
  EXPECT_EQ(caption.line, 12);
  EXPECT_EQ(caption.column, 54);
  Located intro = Locate(doc, "detox words");
  EXPECT_EQ(intro.slice, "detox</Badge> words");
  ASSERT_EQ(doc.comments.size(), 1u);
  EXPECT_EQ(doc.comments[0].body, "claimlint-disable-next-line claim.x");
  EXPECT_EQ(doc.comments[0].line, 28);
}

TEST(Mdx, StrayBracketsAreText) {
  Document doc = Mdx("Keep levels <5 mmol/L and a < b, or {unclosed.\n\nNext paragraph.\n");
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.blocks[0].text, "Keep levels <5 mmol/L and a < b, or {unclosed.");
}

}  // namespace
}  // namespace claimlint
