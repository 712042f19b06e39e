// Inline suppressions: each directive form, rule lists and globs, ranges,
// what cannot be suppressed, and the reports of unused and malformed ones.
#include "lint/suppress/suppressions.h"

#include <gtest/gtest.h>

#include <chrono>

#include "lint/engine/linter.h"

namespace claimlint {
namespace {

bool InComment(const Document& doc, std::size_t p) {
  for (const HtmlComment& c : doc.comments) {
    if (c.src_begin <= p && p < c.src_end) return true;
  }
  return false;
}

// A finding of `rule` on the n-th occurrence of `word` outside comments.
Finding At(const Document& doc, const std::string& rule, const std::string& word, int nth = 1) {
  std::size_t p = 0;
  for (int seen = 0;; ++p) {
    p = doc.text.find(word, p);
    if (p == std::string::npos) break;
    if (!InComment(doc, p) && ++seen == nth) break;
  }
  EXPECT_NE(p, std::string::npos) << word;
  if (p == std::string::npos) p = 0;
  Finding f;
  f.rule = rule;
  EXPECT_TRUE(ParseCategory(rule.substr(0, rule.find('.')), &f.category));
  f.severity = Severity::kError;
  f.begin = p;
  f.end = p + word.size();
  return f;
}

struct Outcome {
  std::vector<std::string> kept;  // "rule@line"
  std::vector<Finding> meta;
  int suppressed = 0;
};

Outcome Suppress(const Document& doc, std::vector<Finding> findings) {
  FinalizeFindings(doc, &findings);
  Outcome out;
  out.suppressed = ApplySuppressions(doc, &findings).suppressed;
  FinalizeFindings(doc, &findings);
  for (const Finding& f : findings) {
    if (f.rule.rfind("meta.", 0) == 0) {
      out.meta.push_back(f);
    } else {
      out.kept.push_back(f.rule + "@" + std::to_string(f.line));
    }
  }
  return out;
}

Document Md(const std::string& text) { return ParseDocument("t.md", text, true); }

using Kept = std::vector<std::string>;

TEST(SuppressionsTest, DisableNextLineCoversTheNextProseLineOnly) {
  Document doc =
      Md("Alpha detox.\n"
         "\n"
         "<!-- claimlint-disable-next-line claim.detox -- quoting the advert -->\n"
         "\n"
         "<!-- an ordinary comment -->\n"
         "Beta detox and cure.\n"
         "\n"
         "Gamma detox.\n");
  Outcome o = Suppress(doc, {At(doc, "claim.detox", "detox", 1), At(doc, "claim.detox", "detox", 2),
                             At(doc, "claim.cure", "cure"), At(doc, "claim.detox", "detox", 3)});
  EXPECT_EQ(o.kept, (Kept{"claim.detox@1", "claim.cure@6", "claim.detox@8"}));
  EXPECT_EQ(o.suppressed, 1);
  EXPECT_TRUE(o.meta.empty());
}

TEST(SuppressionsTest, RuleListsGlobsAndNoRuleAtAll) {
  Document doc =
      Md("<!-- claimlint-disable-next-line claim.detox, citation.vague -->\n"
         "One detox, one vague, one cure.\n"
         "<!-- claimlint-disable-next-line claim.* -->\n"
         "Two detox, two vague, two cure.\n"
         "<!-- claimlint-disable-next-line -->\n"
         "Three detox, three vague.\n");
  Outcome o =
      Suppress(doc, {At(doc, "claim.detox", "detox", 1), At(doc, "citation.vague", "vague", 1),
                     At(doc, "claim.cure", "cure", 1), At(doc, "claim.detox", "detox", 2),
                     At(doc, "citation.vague", "vague", 2), At(doc, "claim.cure", "cure", 2),
                     At(doc, "claim.detox", "detox", 3), At(doc, "citation.vague", "vague", 3)});
  EXPECT_EQ(o.kept, (Kept{"claim.cure@2", "citation.vague@4"}));
  EXPECT_EQ(o.suppressed, 6);
}

TEST(SuppressionsTest, DisableLineCoversItsOwnLine) {
  Document doc = Md("A detox claim. <!-- claimlint-disable-line claim.detox -->\nAnother detox.\n");
  Outcome o =
      Suppress(doc, {At(doc, "claim.detox", "detox", 1), At(doc, "claim.detox", "detox", 2)});
  EXPECT_EQ(o.kept, (Kept{"claim.detox@2"}));
}

TEST(SuppressionsTest, RangesRunFromDisableToEnableAndTheLastDirectiveDecides) {
  Document doc =
      Md("Before detox.\n\n"
         "<!-- claimlint-disable claim.detox -->\n\n"
         "Inside detox and cure.\n\n"
         "<!-- claimlint-enable claim.detox -->\n\n"
         "After detox.\n\n"
         "<!-- claimlint-disable -->\n\n"
         "<!-- claimlint-enable claim.cure -->\n\n"
         "Tail detox and cure.\n");
  Outcome o = Suppress(doc, {At(doc, "claim.detox", "detox", 1), At(doc, "claim.detox", "detox", 2),
                             At(doc, "claim.cure", "cure", 1), At(doc, "claim.detox", "detox", 3),
                             At(doc, "claim.detox", "detox", 4), At(doc, "claim.cure", "cure", 2)});
  EXPECT_EQ(o.kept, (Kept{"claim.detox@1", "claim.cure@5", "claim.detox@9", "claim.cure@15"}));
  EXPECT_EQ(o.suppressed, 2);
  EXPECT_TRUE(o.meta.empty());
}

TEST(SuppressionsTest, DisableFileCoversTheWholeFileWhereverItIs) {
  Document doc =
      Md("First cure.\n\nSecond cure and detox.\n\n<!-- claimlint-disable-file claim.cure -->\n");
  Outcome o = Suppress(doc, {At(doc, "claim.cure", "cure", 1), At(doc, "claim.cure", "cure", 2),
                             At(doc, "claim.detox", "detox")});
  EXPECT_EQ(o.kept, (Kept{"claim.detox@3"}));
  EXPECT_EQ(o.suppressed, 2);
}

TEST(SuppressionsTest, InputAndMetaFindingsCannotBeSuppressed) {
  Document doc = Md("<!-- claimlint-disable-file -->\nText with a cure.\n");
  Finding input = At(doc, "input.encoding", "Text");
  input.category = Category::kInput;
  Outcome o = Suppress(doc, {input, At(doc, "claim.cure", "cure")});
  EXPECT_EQ(o.kept, (Kept{"input.encoding@2"}));
  EXPECT_EQ(o.suppressed, 1);
}

TEST(SuppressionsTest, UnusedDirectivesAreReportedPerRuleAtTheRule) {
  Document doc =
      Md("<!-- claimlint-disable-next-line claim.detox, claim.cure -->\n"
         "A detox claim.\n"
         "\n"
         "<!-- claimlint-disable-file quality.author -->\n");
  Outcome o = Suppress(doc, {At(doc, "claim.detox", "detox")});
  EXPECT_TRUE(o.kept.empty());
  ASSERT_EQ(o.meta.size(), 2u);
  for (const Finding& m : o.meta) {
    EXPECT_EQ(m.rule, kUnusedSuppressionRule);
    EXPECT_EQ(m.severity, Severity::kInfo);
  }
  // Each unused rule is reported at its own bytes in the comment.
  EXPECT_EQ(o.meta[0].line, 1);
  EXPECT_EQ(o.meta[0].column, 47);
  EXPECT_EQ(o.meta[0].excerpt, "claim.cure");
  EXPECT_NE(o.meta[0].message.find("claim.cure"), std::string::npos) << o.meta[0].message;
  EXPECT_EQ(o.meta[1].line, 4);
  EXPECT_EQ(o.meta[1].excerpt, "quality.author");
  EXPECT_NE(o.meta[1].message.find("quality.author"), std::string::npos);
}

TEST(SuppressionsTest, AnUnusedDirectiveWithoutRulesIsReportedAtItsKeyword) {
  Document doc = Md("Text.\n<!-- claimlint-disable-line -- why -->\n");
  Outcome o = Suppress(doc, {});
  ASSERT_EQ(o.meta.size(), 1u);
  EXPECT_EQ(o.meta[0].excerpt, "claimlint-disable-line");
  EXPECT_EQ(o.meta[0].column, 6);
}

TEST(SuppressionsTest, ADirectiveNamingTooManyRulesIsBadAndTheOutputStaysLinear) {
  // One comment naming 50,000 rules once cost gigabytes: every unused rule
  // was a finding whose excerpt was the whole comment.
  std::string text = "<!-- claimlint-disable-next-line";
  for (int i = 0; i < 50000; ++i) text += " claim.r" + std::to_string(i);
  text += " -->\nA cure.\n";
  Document doc = Md(text);
  auto start = std::chrono::steady_clock::now();
  Outcome o = Suppress(doc, {At(doc, "claim.r7", "cure")});
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  EXPECT_EQ(o.suppressed, 0);
  ASSERT_EQ(o.meta.size(), 1u);
  EXPECT_EQ(o.meta[0].rule, kBadSuppressionRule);
  EXPECT_NE(o.meta[0].message.find("at most 100"), std::string::npos) << o.meta[0].message;

  // At the limit it works, and the unused rules' findings are each one id long.
  text = "<!-- claimlint-disable-next-line";
  for (int i = 0; i < 100; ++i) text += " claim.r" + std::to_string(i);
  text += " -->\nA cure.\n";
  doc = Md(text);
  o = Suppress(doc, {At(doc, "claim.r7", "cure")});
  EXPECT_EQ(o.suppressed, 1);
  ASSERT_EQ(o.meta.size(), 99u);
  std::size_t bytes = 0;
  for (const Finding& m : o.meta) bytes += m.excerpt.size();
  EXPECT_LT(bytes, 1000u);
}

TEST(SuppressionsTest, MalformedDirectivesAreReportedAndSuppressNothing) {
  Document doc =
      Md("<!-- claimlint-disbale claim.cure -->\n"
         "A cure.\n\n"
         "<!-- claimlint-disable-next-line because the advert says so -->\n"
         "Another cure.\n\n"
         "<!-- claimlint is great -->\n\n"
         "<!-- claimlintrc and other comments are ignored -->\n");
  Outcome o = Suppress(doc, {At(doc, "claim.cure", "cure", 1), At(doc, "claim.cure", "cure", 2)});
  EXPECT_EQ(o.kept, (Kept{"claim.cure@2", "claim.cure@5"}));
  ASSERT_EQ(o.meta.size(), 3u);
  for (const Finding& m : o.meta) {
    EXPECT_EQ(m.rule, kBadSuppressionRule);
    EXPECT_EQ(m.severity, Severity::kWarning);
  }
  EXPECT_NE(o.meta[0].message.find("did you mean 'claimlint-disable'"), std::string::npos)
      << o.meta[0].message;
  EXPECT_NE(o.meta[1].message.find("'because'"), std::string::npos) << o.meta[1].message;
  EXPECT_EQ(o.meta[2].line, 7);
}

TEST(SuppressionsTest, DirectivesParseKindRulesAndReason) {
  Document doc =
      Md("<!-- CLAIMLINT-DISABLE-NEXT-LINE Claim.Detox claim.cure -- the advert's words -->\n"
         "Text.\n");
  ParsedDirectives p = ParseDirectives(doc);
  ASSERT_EQ(p.directives.size(), 1u);
  const Directive& d = p.directives[0];
  EXPECT_EQ(d.kind, DirectiveKind::kDisableNextLine);
  EXPECT_EQ(d.rules, (std::vector<std::string>{"claim.detox", "claim.cure"}));
  EXPECT_EQ(d.reason, "the advert's words");
  EXPECT_EQ(d.line, 1);
  EXPECT_EQ(d.target_line, 2);
}

TEST(SuppressionsTest, PlainTextCommentLinesWorkToo) {
  Document doc = ParseDocument("t.txt",
                               "A first detox.\n"
                               "\n"
                               "<!-- claimlint-disable-next-line claim.detox -->\n"
                               "A second detox.\n",
                               false);
  Outcome o =
      Suppress(doc, {At(doc, "claim.detox", "detox", 1), At(doc, "claim.detox", "detox", 2)});
  EXPECT_EQ(o.kept, (Kept{"claim.detox@1"}));
  EXPECT_EQ(o.suppressed, 1);
}

TEST(SuppressionsTest, ManyDirectivesAndFindingsStayFast) {
  // Thousands of directive-only lines before the prose, and thousands of
  // ranges: a per-directive scan of the following lines, or of every
  // directive per finding, would be quadratic or worse.
  const int n = 4000;
  std::string text;
  for (int i = 0; i < n; ++i) text += "<!-- claimlint-disable-next-line claim.x -->\n";
  std::vector<std::size_t> cures;
  for (int i = 0; i < n; ++i) {
    text += "<!-- claimlint-disable claim.y --> ";
    cures.push_back(text.size());
    text += "cure <!-- claimlint-enable claim.y -->\n";
  }
  std::size_t last = text.size();
  text += "Final cure.\n";
  Document doc = Md(text);
  auto finding = [](const char* rule, std::size_t at) {
    Finding f;
    f.rule = rule;
    f.begin = at;
    f.end = at + 4;
    return f;
  };
  std::vector<Finding> findings = {finding("claim.x", cures[0])};
  for (std::size_t at : cures) findings.push_back(finding("claim.y", at));
  findings.push_back(finding("claim.y", last + 6));
  auto start = std::chrono::steady_clock::now();
  Outcome o = Suppress(doc, findings);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  EXPECT_EQ(o.suppressed, n + 1);
  EXPECT_EQ(o.kept, (Kept{"claim.y@" + std::to_string(2 * n + 1)}));
  EXPECT_TRUE(o.meta.empty()) << o.meta.size() << " " << o.meta[0].message;
}

TEST(SuppressionsTest, ADocumentWithoutDirectivesIsUntouched) {
  Document doc = Md("A cure.\n<!-- expect: claim.cure -->\n");
  std::vector<Finding> findings = {At(doc, "claim.cure", "cure")};
  FinalizeFindings(doc, &findings);
  std::vector<Finding> before = findings;
  EXPECT_EQ(ApplySuppressions(doc, &findings).suppressed, 0);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].fingerprint, before[0].fingerprint);
}

}  // namespace
}  // namespace claimlint
