#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "lint/report/html_marks.h"
#include "lint/report/report.h"
#include "lint/report/sha256.h"
#include "tests/unit/report_fixtures.h"

namespace claimlint {
namespace {

using report_testing::Capture;
using report_testing::CountOf;
using report_testing::MakeFile;
using report_testing::MakeFinding;
using report_testing::MakeReport;

std::string Html(const Report& r) {
  return Capture([&](std::ostream& out) { WriteHtml(r, out); });
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Checks that tags nest (void elements aside, script and style as raw text)
// and that no <mark> contains a block element. Returns "" or the problem.
std::string CheckWellFormed(const std::string& html) {
  static const std::set<std::string> kVoid = {"br", "hr", "img", "input", "meta", "link", "wbr"};
  static const std::set<std::string> kBlock = {
      "p",  "div", "ul",  "ol",      "li",         "table",   "tr",    "td",    "th",   "h1",
      "h2", "h3",  "pre", "section", "blockquote", "article", "aside", "tbody", "thead"};
  std::vector<std::string> stack;
  std::size_t i = 0;
  while ((i = html.find('<', i)) != std::string::npos) {
    if (html.compare(i, 4, "<!--") == 0) {
      i = html.find("-->", i);
      if (i == std::string::npos) return "unterminated comment";
      continue;
    }
    std::size_t gt = html.find('>', i);
    if (gt == std::string::npos) return "unterminated tag";
    std::string tag = html.substr(i + 1, gt - i - 1);
    i = gt + 1;
    if (tag.empty() || tag[0] == '!') continue;
    bool end = tag[0] == '/';
    std::string name;
    for (std::size_t k = end ? 1 : 0;
         k < tag.size() && std::isalnum(static_cast<unsigned char>(tag[k])); ++k) {
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(tag[k])));
    }
    if (end) {
      if (stack.empty() || stack.back() != name) {
        return "</" + name + "> closes <" + (stack.empty() ? "" : stack.back()) + ">";
      }
      stack.pop_back();
      continue;
    }
    if (kVoid.count(name) || tag.back() == '/') continue;
    if (kBlock.count(name)) {
      for (const std::string& open : stack) {
        if (open == "mark") return "<" + name + "> inside <mark>";
      }
    }
    if (name == "script" || name == "style") {
      std::size_t close = Lower(html).find("</" + name, i);
      if (close == std::string::npos) return "unterminated " + name;
      i = close;
    }
    stack.push_back(name);
  }
  return stack.empty() ? "" : "<" + stack.back() + "> not closed";
}

// The text inside the element that starts at `at` (tags removed), up to the
// matching </mark>.
std::string MarkText(const std::string& html, std::size_t at) {
  std::string text;
  int depth = 0;
  for (std::size_t i = at; i < html.size();) {
    if (html[i] == '<') {
      std::size_t gt = html.find('>', i);
      std::string tag = html.substr(i, gt - i + 1);
      if (tag.rfind("<mark", 0) == 0) ++depth;
      if (tag == "</mark>" && --depth == 0) break;
      i = gt + 1;
    } else {
      text += html[i++];
    }
  }
  return text;
}

std::string FirstMarkText(const std::string& html, int id) {
  std::size_t at = html.find("<mark id=\"hl-" + std::to_string(id) + "\"");
  return at == std::string::npos ? "<none>" : MarkText(html, at);
}

int Highlights(const std::string& html, int id) {
  return CountOf(html, "data-finding=\"" + std::to_string(id) + "\"");
}

// Elements with a data-finding attribute (the script mentions it too).
int AllHighlights(const std::string& html) {
  int n = 0;
  for (char d = '0'; d <= '9'; ++d) n += CountOf(html, std::string("data-finding=\"") + d);
  return n;
}

// The rendered article of the `index`th file.
std::string ArticleOf(const std::string& html, int index) {
  std::size_t at = 0;
  for (int i = 0; i <= index; ++i) at = html.find("<article class=\"doc\">", at + 1);
  return html.substr(at, html.find("</article>", at) - at);
}

TEST(ReportHtmlTest, OneHighlightPerFindingOnItsExactWords) {
  std::string src =
      "# Zinc\n\n"
      "Zinc boosts *your* immunity, and research shows it cures colds.\n"
      "Café drinkers boost immunity too.\n";
  Report r = MakeReport(
      {MakeFile("a.md", src,
                {MakeFinding("claim.a", Severity::kError, 3, 6, 3, 28),  // across <em>
                 MakeFinding("citation.b", Severity::kWarning, 3, 34, 3, 48, Category::kCitation),
                 MakeFinding("claim.c", Severity::kError, 3, 40, 3, 63),    // overlaps b
                 MakeFinding("claim.d", Severity::kInfo, 4, 6, 4, 29)})});  // after "Café "
  std::string html = Html(r);
  EXPECT_EQ(CheckWellFormed(html), "");
  for (int id = 0; id < 4; ++id) EXPECT_EQ(Highlights(html, id), 1) << id;
  EXPECT_EQ(AllHighlights(html), 4);
  EXPECT_EQ(FirstMarkText(html, 0), "boosts your immunity");
  EXPECT_EQ(FirstMarkText(html, 1), "research shows");
  EXPECT_EQ(FirstMarkText(html, 3), "drinkers boost immunity");
  // The overlapping finding continues after the one it overlaps ends.
  EXPECT_NE(html.find("data-cont=\"2\""), std::string::npos);
  EXPECT_NE(html.find("class=\"hl cat-citation sev-warning\""), std::string::npos);
}

TEST(ReportHtmlTest, MultiBlockFindingStaysWellFormed) {
  std::string src = "- first item claim\n- second item\n\n> quoted claim\n> more\n\nAfter.\n";
  Report r = MakeReport(
      {MakeFile("a.md", src,
                {MakeFinding("x.a", Severity::kWarning, 1, 9, 2, 9),    // across list items
                 MakeFinding("x.b", Severity::kInfo, 4, 3, 7, 6),       // quote to paragraph
                 MakeFinding("x.c", Severity::kError, 2, 1, 2, 1)})});  // point at "- "
  std::string html = Html(r);
  EXPECT_EQ(CheckWellFormed(html), "");
  for (int id = 0; id < 3; ++id) EXPECT_EQ(Highlights(html, id), 1) << id;
  EXPECT_EQ(FirstMarkText(html, 0), "item claim");
  // The list markup survived the sentinels.
  EXPECT_EQ(CountOf(ArticleOf(html, 0), "<li>"), 2);
  EXPECT_NE(ArticleOf(html, 0).find("<blockquote>"), std::string::npos);
}

TEST(ReportHtmlTest, FrontMatterShownAndPointsHighlighted) {
  std::string src = "---\ntitle: Zinc\n---\nBody text here.\n";
  Report r = MakeReport(
      {MakeFile("a.md", src,
                {MakeFinding("quality.x", Severity::kInfo, 1, 1, 1, 1, Category::kQuality),
                 MakeFinding("quality.y", Severity::kInfo, 2, 8, 2, 12, Category::kQuality)})});
  std::string html = Html(r);
  EXPECT_EQ(CheckWellFormed(html), "");
  EXPECT_EQ(Highlights(html, 0), 1);
  EXPECT_EQ(Highlights(html, 1), 1);
  EXPECT_EQ(FirstMarkText(html, 1), "Zinc");
  EXPECT_NE(html.find("<pre><code>"), std::string::npos);
  EXPECT_EQ(html.find("<hr"), std::string::npos);  // "---" is not a rule
  EXPECT_NE(html.find("<p>Body text here.</p>"), std::string::npos);
}

TEST(ReportHtmlTest, FindingsThatCannotBePlacedAreListedOnly) {
  // A finding inside a link destination, one inside raw HTML, one with no line.
  std::string src = "See [the study](https://example.org/study).\n\n<div>raw words</div>\n";
  Finding whole = MakeFinding("quality.z", Severity::kInfo, 0, 0, 0, 0, Category::kQuality);
  Report r = MakeReport({MakeFile("a.md", src,
                                  {whole, MakeFinding("x.link", Severity::kWarning, 1, 18, 1, 42),
                                   MakeFinding("x.raw", Severity::kWarning, 3, 6, 3, 15),
                                   MakeFinding("x.ok", Severity::kError, 1, 6, 1, 15)})});
  std::string html = Html(r);
  EXPECT_EQ(CheckWellFormed(html), "");
  EXPECT_EQ(Highlights(html, 0), 0);
  EXPECT_EQ(Highlights(html, 1), 0);
  // Raw HTML is linted as text: it is shown as escaped source, highlighted.
  EXPECT_EQ(Highlights(html, 2), 1);
  EXPECT_EQ(FirstMarkText(html, 2), "raw words");
  EXPECT_NE(html.find("&lt;div&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<div>raw"), std::string::npos);
  EXPECT_EQ(Highlights(html, 3), 1);
  EXPECT_EQ(FirstMarkText(html, 3), "the study");
  // Every finding is in the list; the link's href is intact.
  for (int id = 0; id < 4; ++id) {
    EXPECT_NE(html.find("id=\"finding-" + std::to_string(id) + "\""), std::string::npos);
  }
  EXPECT_NE(html.find("href=\"https://example.org/study\""), std::string::npos);
  EXPECT_EQ(CountOf(html, "Not highlighted"), 1);
  EXPECT_EQ(html.find("\xEE\x80"), std::string::npos);  // no sentinel left over
}

TEST(ReportHtmlTest, ScriptsAndJavascriptLinksInArticlesAreInert) {
  std::string src =
      "# Title <script>alert(1)</script>\n\n"
      "<script>alert(2)</script>\n\n"
      "[click](javascript:alert(3)) and <javascript:alert(4)> and "
      "<img src=x onerror=alert(5)> ![pic](https://example.org/p.png)\n";
  Finding f = MakeFinding("x.y", Severity::kError, 5, 1, 5, 6);
  f.message = "<script>alert(6)</script> \"quoted\"";
  f.excerpt = "<b>bold</b>";
  Report r = MakeReport({MakeFile("<script>alert(7)</script>.md", src, {f})});
  std::string html = Html(r);
  EXPECT_EQ(CheckWellFormed(html), "");
  EXPECT_EQ(CountOf(Lower(html), "<script"), 1);  // the page's own
  EXPECT_EQ(Lower(html).find("href=\"javascript"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"\">"), std::string::npos);
  // The raw <img> is shown as escaped text; no tag of the page carries it.
  EXPECT_NE(html.find("&lt;img src=x onerror=alert(5)&gt;"), std::string::npos);
  for (std::size_t lt = html.find('<'); lt != std::string::npos; lt = html.find('<', lt + 1)) {
    std::string tag = Lower(html.substr(lt, html.find('>', lt) - lt));
    EXPECT_EQ(tag.find("onerror"), std::string::npos) << tag;
  }
  EXPECT_EQ(Lower(html).find("<img"), std::string::npos);  // nothing to fetch
  EXPECT_NE(html.find("&lt;script&gt;alert(6)&lt;/script&gt; &quot;quoted&quot;"),
            std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;bold&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(7)&lt;/script&gt;.md"), std::string::npos);
  EXPECT_NE(html.find("[image: pic]"), std::string::npos);
}

TEST(ReportHtmlTest, ContentSecurityPolicyHashesTheInlineCode) {
  Report r = MakeReport({MakeFile("a.md", "Text.\n", {})});
  std::string html = Html(r);
  auto between = [&](const std::string& open, const std::string& close) {
    std::size_t a = html.find(open);
    std::size_t b = html.find(close, a);
    return html.substr(a + open.size(), b - a - open.size());
  };
  std::string csp = between("http-equiv=\"Content-Security-Policy\" content=\"", "\"");
  EXPECT_NE(csp.find("default-src 'none'"), std::string::npos);
  EXPECT_NE(csp.find("script-src " + report_internal::CspHash(between("<script>", "</script>"))),
            std::string::npos);
  EXPECT_NE(csp.find("style-src " + report_internal::CspHash(between("<style>", "</style>"))),
            std::string::npos);
  EXPECT_EQ(csp.find("unsafe"), std::string::npos);
  EXPECT_EQ(html.find(" style=\""), std::string::npos);  // no inline style attributes
  EXPECT_EQ(html.find("http://"), std::string::npos);
}

TEST(ReportHtmlTest, Sha256KnownVectors) {
  auto hex = [](std::string_view s) {
    auto d = report_internal::Sha256(s);
    std::string out;
    static const char* kHex = "0123456789abcdef";
    for (auto b : d) {
      out += kHex[b >> 4];
      out += kHex[b & 15];
    }
    return out;
  };
  EXPECT_EQ(hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(hex(std::string(1000, 'a')),
            "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
  EXPECT_EQ(report_internal::CspHash("abc"),
            "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='");
}

TEST(ReportHtmlTest, ListsFiltersSummaryAndWhy) {
  ASSERT_NE(report_testing::SampleRules(), nullptr);
  Finding f = MakeFinding("claim.immune-boost", Severity::kError, 1, 6, 1, 21);
  Report r = MakeReport(
      {MakeFile("a.md", "Zinc boosts immunity.\n", {f}), MakeFile("b.md", "Nothing.\n", {})},
      report_testing::SampleRules().get());
  std::string html = Html(r);
  EXPECT_EQ(CheckWellFormed(html), "");
  EXPECT_NE(html.find("data-kind=\"cat\" value=\"claim\""), std::string::npos);
  EXPECT_NE(html.find("data-kind=\"sev\" value=\"error\""), std::string::npos);
  EXPECT_NE(html.find("<th scope=\"row\">claim</th><td>1</td><td>0</td><td>0</td><td>1</td>"),
            std::string::npos);
  EXPECT_NE(html.find("Immune claims imply disease prevention. <a href=\"https://example.org/"
                      "code#12\""),
            std::string::npos);
  EXPECT_NE(html.find("<strong>Suggestion:</strong> Cite a source."), std::string::npos);
  EXPECT_NE(html.find("1 error in 2 files"), std::string::npos);
  EXPECT_NE(html.find("id=\"file-1\""), std::string::npos);
  EXPECT_NE(html.find("No findings."), std::string::npos);
}

TEST(ReportHtmlTest, IdsContinueAcrossFilesAndFootnotesStayApart) {
  std::string src = "Claim here.[^1]\n\n[^1]: A note.\n";
  Report r = MakeReport({MakeFile("a.md", src, {MakeFinding("x.a", Severity::kError, 1, 1, 1, 6)}),
                         MakeFile("b.md", src,
                                  {MakeFinding("x.a", Severity::kError, 1, 1, 1, 6),
                                   MakeFinding("x.b", Severity::kInfo, 3, 7, 3, 13)})});
  std::string html = Html(r);
  EXPECT_EQ(CheckWellFormed(html), "");
  for (int id = 0; id < 3; ++id) EXPECT_EQ(Highlights(html, id), 1) << id;
  EXPECT_EQ(FirstMarkText(html, 2), "A note");
  EXPECT_EQ(CountOf(html, "id=\"a0-fn-1\""), 1);
  EXPECT_EQ(CountOf(html, "id=\"a1-fn-1\""), 1);
  EXPECT_NE(html.find("href=\"#a1-fn-1\""), std::string::npos);
}

TEST(ReportHtmlTest, PlainTextFilesAreEscapedParagraphs) {
  std::string src = "First <b>line</b>\nsecond line\n\nNext paragraph claim.\n";
  Report r = MakeReport(
      {MakeFile("notes.txt", src, {MakeFinding("x.a", Severity::kWarning, 4, 16, 4, 21)})});
  std::string html = Html(r);
  EXPECT_EQ(CheckWellFormed(html), "");
  EXPECT_NE(html.find("<p>First &lt;b&gt;line&lt;/b&gt;<br />\nsecond line</p>"),
            std::string::npos);
  EXPECT_EQ(FirstMarkText(html, 0), "claim");
}

TEST(ReportHtmlTest, SourceWithSentinelCharactersIsNotConfused) {
  // The source already holds private-use characters like the sentinels.
  std::string src =
      "Text \xEE\x80\x80"
      "0\xEE\x80\x81 boost immunity.\n";
  Report r =
      MakeReport({MakeFile("a.md", src, {MakeFinding("x.a", Severity::kError, 1, 10, 1, 24)})});
  std::string html = Html(r);
  EXPECT_EQ(CheckWellFormed(html), "");
  EXPECT_EQ(Highlights(html, 0), 1);
  EXPECT_EQ(FirstMarkText(html, 0), "boost immunity");
}

TEST(ReportHtmlTest, RandomRangesKeepTheHtmlWellFormed) {
  // Every kind of Markdown markup, with findings at random positions.
  const std::string src =
      "---\ntitle: \"Zinc\"\ntags: [a, b]\n---\n"
      "# Zinc *and* colds\n\n"
      "Zinc **boosts _your_ immunity** and [cures](https://example.org/x \"t\") colds.[^1]\n"
      "A `code span` here, ~~struck~~ text &amp; entities, \\*escaped\\*.\r\n\n"
      "> Quoted *claim* across\n> two lines.\n\n"
      "1. First item with **bold**\n   - nested item\n2. Second\n\n"
      "| col a | col b |\n|---|---|\n| cell *one* | cell two |\n\n"
      "```\ncode block\n```\n\n"
      "Setext heading\n==============\n\n"
      "<div>raw html</div>\n\n"
      "Caf\xC3\xA9 na\xC3\xAFve \xE2\x80\x94 end.\n\n"
      "[^1]: The note *text*.\n";
  std::vector<std::string> lines;
  {
    std::size_t start = 0;
    for (std::size_t i = 0; i <= src.size(); ++i) {
      if (i == src.size() || src[i] == '\n') {
        lines.push_back(src.substr(start, i - start));
        start = i + 1;
      }
    }
  }
  auto width = [&](int line) {
    std::string l = lines[line - 1];
    if (!l.empty() && l.back() == '\r') l.pop_back();
    int n = 0;
    for (unsigned char c : l) n += (c & 0xC0) != 0x80;
    return n;
  };
  std::mt19937 rng(12345);
  const int line_count = static_cast<int>(lines.size());
  for (int round = 0; round < 200; ++round) {
    std::vector<Finding> findings;
    int n = 1 + static_cast<int>(rng() % 6);
    for (int k = 0; k < n; ++k) {
      int l1 = 1 + static_cast<int>(rng() % line_count);
      int c1 = 1 + static_cast<int>(rng() % (width(l1) + 1));
      int l2 = std::min(line_count, l1 + static_cast<int>(rng() % 3));
      int c2 = 1 + static_cast<int>(rng() % (width(l2) + 1));
      if (l2 == l1 && c2 < c1) std::swap(c1, c2);
      findings.push_back(MakeFinding("x.r" + std::to_string(k), Severity::kWarning, l1, c1, l2, c2,
                                     k % 2 ? Category::kCitation : Category::kClaim));
    }
    std::sort(findings.begin(), findings.end(), FindingLess);
    std::string where = "round " + std::to_string(round) + ":";
    for (const Finding& f : findings) {
      where += " " + std::to_string(f.line) + ":" + std::to_string(f.column) + "-" +
               std::to_string(f.end_line) + ":" + std::to_string(f.end_column);
    }
    Report r = MakeReport({MakeFile("a.md", src, findings)});
    std::string html = Html(r);
    std::string article = ArticleOf(html, 0);
    ASSERT_EQ(CheckWellFormed(html), "") << where;
    ASSERT_EQ(article.find("\xEE\x80"), std::string::npos) << where;
    int marked = 0;
    for (int id = 0; id < n; ++id) {
      int count = Highlights(article, id);
      ASSERT_LE(count, 1) << "round " << round << " finding " << id;
      marked += count;
      // Its list entry links to the highlight only when there is one.
      EXPECT_EQ(html.find("href=\"#hl-" + std::to_string(id) + "\"") != std::string::npos,
                count == 1);
    }
    EXPECT_EQ(CountOf(html, "Not highlighted"), n - marked) << where;
    // The markup outside the highlights is unchanged.
    EXPECT_EQ(CountOf(article, "<table>"), 1) << where;
    EXPECT_EQ(CountOf(article, "<h1>"), 2) << where;  // ATX and setext
    EXPECT_EQ(CountOf(article, "<ol>"), 2) << where;  // list and footnotes
    EXPECT_EQ(CountOf(article, "<blockquote>"), 1) << where;
    EXPECT_EQ(CountOf(article, "<pre><code>"), 2) << where;  // front matter too
    EXPECT_EQ(CountOf(article, "class=\"footnote-ref\""), 1) << where;
  }
}

TEST(ReportHtmlTest, MissingSourceStillListsFindings) {
  Report r = MakeReport({MakeFile("a.md", "", {MakeFinding("x.a", Severity::kError, 2, 1, 2, 3)})});
  std::string html = Html(r);
  EXPECT_EQ(CheckWellFormed(html), "");
  EXPECT_EQ(Highlights(html, 0), 0);
  EXPECT_NE(html.find("id=\"finding-0\""), std::string::npos);
  EXPECT_NE(html.find("not available"), std::string::npos);
}

}  // namespace
}  // namespace claimlint
