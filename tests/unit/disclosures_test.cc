// The disclosure check: topic detection (context, threshold, narrowing),
// disclosures found anywhere in the article, placement of findings, the
// built-in packs' examples, and the sample article.
#include "lint/checks/disclosures.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "lint/checks/advice.h"
#include "lint/checks/registry.h"
#include "lint/document/sentence.h"
#include "lint/engine/linter.h"
#include "tests/unit/test_support.h"

namespace claimlint {
namespace {

using testing::ReadAll;
using testing::SourceDir;

// Every rules/disclosures-*.yaml pack, compiled together.
std::shared_ptr<const RuleSet> DisclosurePacks() {
  static std::shared_ptr<const RuleSet> rules = [] {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(SourceDir() + "/rules")) {
      std::string name = entry.path().filename().string();
      if (name.rfind("disclosures-", 0) == 0 && entry.path().extension() == ".yaml") {
        files.push_back(entry.path().string());
      }
    }
    std::sort(files.begin(), files.end());
    std::vector<Rule> all;
    for (const std::string& f : files) {
      auto loaded = LoadRulePath(f, BuiltinChecks());
      if (!loaded.ok()) throw std::runtime_error(loaded.error().ToString());
      for (Rule& r : loaded.value()) all.push_back(std::move(r));
    }
    auto built = RuleSet::Build(std::move(all));
    if (!built.ok()) throw std::runtime_error(built.error().ToString());
    return built.value();
  }();
  return rules;
}

std::shared_ptr<const RuleSet> PackFrom(const std::string& yaml) {
  auto loaded = LoadRulePack(yaml, "test.yaml", BuiltinChecks());
  if (!loaded.ok()) throw std::runtime_error(loaded.error().ToString());
  auto built = RuleSet::Build(std::move(loaded.value()));
  if (!built.ok()) throw std::runtime_error(built.error().ToString());
  return built.value();
}

// A one-rule pack: topic "acupuncture", requires "blood thinners".
std::string SmallPack(const std::string& extra = "") {
  return R"yaml(pack: test
rules:
  - id: disclosure.test.bleeding
    category: disclosure
    severity: warning
    message: "missing: blood thinners ({match})"
    topic: ['acupuncture', 'dry\s+needling']
    requires: ['blood[\s-]+thinners?', 'anticoagulants?']
)yaml" + extra +
         R"yaml(
    why: "test"
    examples: {fire: ["x"], pass: ["y"]}
)yaml";
}

struct LintRun {
  Document doc;
  std::vector<Finding> findings;
  bool Has(const std::string& rule) const {
    return std::any_of(findings.begin(), findings.end(),
                       [&](const Finding& f) { return f.rule == rule; });
  }
  const Finding* Get(const std::string& rule) const {
    for (const Finding& f : findings) {
      if (f.rule == rule) return &f;
    }
    return nullptr;
  }
  std::string Describe() const {
    std::string out;
    for (const Finding& f : findings) {
      out += "  " + f.rule + " " + std::to_string(f.line) + ":" + std::to_string(f.column) + " '" +
             f.excerpt + "' [" + f.context + "]\n";
    }
    return out.empty() ? "  (none)\n" : out;
  }
};

LintRun Disclose(const RuleSet& rules, const std::string& text, bool markdown = true,
                 const std::string& path = "article.md") {
  LintRun r;
  r.doc = ParseDocument(path, text, markdown);
  std::vector<Sentence> sentences = SplitDocument(r.doc);
  ReferenceLibrary library;
  CitationAnalysis citations;
  FileFacts facts;
  PageGenre page = ClassifyPage(r.doc, sentences, *Lexicon::Builtin());
  CheckInput in{r.doc,   sentences, rules,  *ContextClassifier::Builtin(),
                library, citations, &facts, &page};
  r.findings = CheckDisclosures(in);
  for (Finding& f : CheckInterest(in)) r.findings.push_back(std::move(f));
  for (Finding& f : CheckAdvice(in)) r.findings.push_back(std::move(f));
  FinalizeFindings(r.doc, &r.findings);
  return r;
}

// ---- Topic detection -------------------------------------------------------

TEST(DisclosureTopic, AssertedMentionsInTwoSentencesMakeTheArticleAboutIt) {
  auto rules = PackFrom(SmallPack());
  EXPECT_TRUE(Disclose(*rules, "Acupuncture eases back pain. Acupuncture takes an hour.\n")
                  .Has("disclosure.test.bleeding"));
  // One passing mention is not enough by default.
  EXPECT_FALSE(Disclose(*rules, "Others prefer yoga, massage or acupuncture. Yoga is free.\n")
                   .Has("disclosure.test.bleeding"));
}

TEST(DisclosureTopic, AHeadingMentionIsEnough) {
  auto rules = PackFrom(SmallPack());
  LintRun r =
      Disclose(*rules, "# Acupuncture for knee pain\n\nNeedles are placed near the knee.\n");
  EXPECT_TRUE(r.Has("disclosure.test.bleeding")) << r.Describe();
}

TEST(DisclosureTopic, TheTitleIsEnough) {
  auto rules = PackFrom(SmallPack());
  LintRun r = Disclose(*rules,
                       "---\ntitle: Acupuncture for knee pain\n---\n\nNeedles are placed near the "
                       "knee.\n");
  ASSERT_TRUE(r.Has("disclosure.test.bleeding")) << r.Describe();
  EXPECT_EQ(r.Get("disclosure.test.bleeding")->line, 2);
}

TEST(DisclosureTopic, MinMentionsOptionLowersTheThreshold) {
  auto rules = PackFrom(SmallPack("    options: {min_mentions: 1}"));
  EXPECT_TRUE(Disclose(*rules, "Some people choose acupuncture for pain.\n")
                  .Has("disclosure.test.bleeding"));
}

TEST(DisclosureTopic, NegatedMentionsDoNotCount) {
  auto rules = PackFrom(SmallPack("    options: {min_mentions: 1}"));
  LintRun r =
      Disclose(*rules, "This article is not about acupuncture.\n\nWe do not offer acupuncture.\n");
  EXPECT_FALSE(r.Has("disclosure.test.bleeding")) << r.Describe();
}

TEST(DisclosureTopic, QuestionsDoNotCount) {
  auto rules = PackFrom(SmallPack("    options: {min_mentions: 1}"));
  LintRun r = Disclose(*rules, "Is acupuncture right for you?\n");
  EXPECT_FALSE(r.Has("disclosure.test.bleeding")) << r.Describe();
}

TEST(DisclosureTopic, HedgedMentionsCount) {
  auto rules = PackFrom(SmallPack("    options: {min_mentions: 1}"));
  LintRun r = Disclose(*rules, "Acupuncture may ease some kinds of pain.\n");
  EXPECT_TRUE(r.Has("disclosure.test.bleeding")) << r.Describe();
}

TEST(DisclosureTopic, ExceptionsCancelATopicMatch) {
  auto rules = PackFrom(SmallPack(
      "    options: {min_mentions: 1}\n    exceptions: ['acupuncture\\s+points?\\s+chart']"));
  EXPECT_FALSE(
      Disclose(*rules, "Print the acupuncture points chart.\n").Has("disclosure.test.bleeding"));
}

TEST(DisclosureTopic, MatchesRespectWordBoundaries) {
  auto rules = PackFrom(SmallPack("    options: {min_mentions: 1}"));
  EXPECT_FALSE(Disclose(*rules, "Bioacupuncture and electroacupuncture differ.\n")
                   .Has("disclosure.test.bleeding"));
  LintRun r = Disclose(*rules, "Électroacupuncture aside, café acupuncture is new.\n");
  ASSERT_TRUE(r.Has("disclosure.test.bleeding")) << r.Describe();
  EXPECT_EQ(r.Get("disclosure.test.bleeding")->excerpt, "acupuncture");
  EXPECT_EQ(r.Get("disclosure.test.bleeding")->column, 32);
}

TEST(DisclosureRequires, FoundAfterManyNearMisses) {
  auto rules = PackFrom(SmallPack());
  std::string text = "# Acupuncture\n\nAcupuncture improves blood flow.";
  for (int i = 0; i < 50; ++i) text += " Blood flow matters, blood sugar too.";
  text += "\n\nNot for people on blood thinners.\n";
  EXPECT_FALSE(Disclose(*rules, text).Has("disclosure.test.bleeding"));
  text.resize(text.rfind("Not for"));
  EXPECT_TRUE(Disclose(*rules, text).Has("disclosure.test.bleeding"));
}

TEST(DisclosureTopic, LinkDestinationsAreMentions) {
  std::string pack = R"yaml(pack: test
rules:
  - id: disclosure.test.affiliate
    category: disclosure
    severity: warning
    check: disclosures.interest
    message: "affiliate link"
    topic: ['amzn\.to/']
    requires: ['commission']
    options: {min_mentions: 1}
    why: "test"
    examples: {fire: ["x"], pass: ["y"]}
)yaml";
  auto rules = PackFrom(pack);
  LintRun r = Disclose(*rules, "Read more.\n\nThe [best mat](https://amzn.to/abc123) is cheap.\n");
  ASSERT_TRUE(r.Has("disclosure.test.affiliate")) << r.Describe();
  EXPECT_EQ(r.Get("disclosure.test.affiliate")->line, 3);
  EXPECT_FALSE(Disclose(*rules, "We earn a commission on sales.\n\n[Mat](https://amzn.to/abc123)\n")
                   .Has("disclosure.test.affiliate"));
}

TEST(DisclosureTopic, NarrowPatternsMustAlsoMatch) {
  auto rules = PackFrom(SmallPack("    narrow: ['chest', 'upper\\s+back']"));
  std::string hand = "# Acupuncture for hand pain\n\nNeedles go in the wrist.\n";
  std::string chest = "# Acupuncture for chest pain\n\nNeedles go over the ribs.\n";
  EXPECT_FALSE(Disclose(*rules, hand).Has("disclosure.test.bleeding"));
  EXPECT_TRUE(Disclose(*rules, chest).Has("disclosure.test.bleeding"));
}

// ---- Where a disclosure may be made ----------------------------------------

class DisclosedIn : public ::testing::TestWithParam<std::string> {};

TEST_P(DisclosedIn, IsNeverReported) {
  auto rules = PackFrom(SmallPack());
  std::string text =
      "# Acupuncture for neck pain\n\nAcupuncture uses fine needles.\n\n" + GetParam();
  LintRun r = Disclose(*rules, text);
  EXPECT_FALSE(r.Has("disclosure.test.bleeding")) << text << "\n" << r.Describe();
}

INSTANTIATE_TEST_SUITE_P(
    Places, DisclosedIn,
    ::testing::Values("- Ask your GP first if you take blood thinners.\n",
                      "| Who | Advice |\n|---|---|\n| On anticoagulants | Ask your GP |\n",
                      "> On blood thinners? Ask your GP first.\n",
                      "Safety note.[^1]\n\n[^1]: Not for people on anticoagulants.\n",
                      "## Blood thinners and needles\n\nNeedles can make you bruise.\n",
                      "<div class=\"note\">Ask your GP if you take blood thinners.</div>\n",
                      "*Disclaimer: blood thinners &amp; needles do not mix.*\n",
                      "Blood\nthinners: ask a GP.\n"));

TEST(DisclosureRequires, FrontMatterCounts) {
  auto rules = PackFrom(SmallPack());
  LintRun r = Disclose(*rules,
                       "---\nsafety: Not for people on anticoagulants.\n---\n# Acupuncture\n\n"
                       "Acupuncture uses needles.\n");
  EXPECT_FALSE(r.Has("disclosure.test.bleeding")) << r.Describe();
}

TEST(DisclosureRequires, AnHtmlCommentIsNotADisclosure) {
  auto rules = PackFrom(SmallPack());
  LintRun r = Disclose(
      *rules, "# Acupuncture\n\nAcupuncture uses needles.\n\n<!-- TODO: blood thinners -->\n");
  EXPECT_TRUE(r.Has("disclosure.test.bleeding")) << r.Describe();
}

// ---- The finding -----------------------------------------------------------

TEST(DisclosureFinding, PlacedAtTheFirstCountedMention) {
  auto rules = PackFrom(SmallPack());
  std::string text =
      "Is acupuncture safe?\n\nThis is not about acupuncture.\n\n"
      "Many clinics now offer dry needling. Dry needling is quick.\n";
  LintRun r = Disclose(*rules, text);
  const Finding* f = r.Get("disclosure.test.bleeding");
  ASSERT_NE(f, nullptr) << r.Describe();
  EXPECT_EQ(f->line, 5);
  EXPECT_EQ(f->column, 24);
  EXPECT_EQ(f->excerpt, "dry needling");
  EXPECT_EQ(f->message, "missing: blood thinners (dry needling)");
  EXPECT_EQ(f->category, Category::kDisclosure);
  EXPECT_EQ(f->severity, Severity::kWarning);
  EXPECT_EQ(f->sentence, "Many clinics now offer dry needling.");
  EXPECT_EQ(f->context, "asserted");
}

TEST(DisclosureFinding, OnePerRuleAndRulesSharingATopicEachReport) {
  std::string pack = SmallPack() + R"yaml(  - id: disclosure.test.pregnancy
    category: disclosure
    severity: warning
    message: "missing: pregnancy"
    topic: ['acupuncture', 'dry\s+needling']
    requires: ['pregnan\w+']
    why: "test"
    examples: {fire: ["x"], pass: ["y"]}
)yaml";
  auto rules = PackFrom(pack);
  LintRun r = Disclose(*rules, "# Acupuncture\n\nAcupuncture helps. Acupuncture is quick.\n");
  EXPECT_EQ(r.findings.size(), 2u) << r.Describe();
  r = Disclose(*rules, "# Acupuncture\n\nAcupuncture helps. Tell us if you are pregnant.\n");
  EXPECT_EQ(r.findings.size(), 1u) << r.Describe();
  EXPECT_TRUE(r.Has("disclosure.test.bleeding"));
}

TEST(DisclosureFinding, NothingForAnUnlintableOrEmptyDocument) {
  auto rules = PackFrom(SmallPack());
  EXPECT_TRUE(Disclose(*rules, "").findings.empty());
  EXPECT_TRUE(Disclose(*rules, std::string("acupuncture\0acupuncture", 23)).findings.empty());
}

// ---- The built-in packs ----------------------------------------------------

TEST(DisclosurePacks, EveryRuleIsWellFormed) {
  const RuleSet& rules = *DisclosurePacks();
  ASSERT_GT(rules.rules().size(), 30u);
  for (const Rule& rule : rules.rules()) {
    SCOPED_TRACE(rule.id);
    EXPECT_EQ(rule.category, Category::kDisclosure);
    EXPECT_EQ(rule.id.rfind("disclosure.", 0), 0u);
    EXPECT_FALSE(rule.topic.empty());
    EXPECT_FALSE(rule.requires_.empty());
    EXPECT_NE(rule.why.find("http"), std::string::npos) << "why needs a source link";
    EXPECT_FALSE(rule.url.empty());
    EXPECT_FALSE(rule.suggestion.empty());
    EXPECT_GE(rule.examples_fire.size(), 2u);
    EXPECT_GE(rule.examples_pass.size(), 4u);
  }
}

class DisclosureExamples : public ::testing::TestWithParam<std::string> {};

TEST_P(DisclosureExamples, FireAndPass) {
  const RuleSet& rules = *DisclosurePacks();
  const Rule& rule = rules.rules()[rules.Find(GetParam())];
  for (const std::string& ex : rule.examples_fire) {
    LintRun r = Disclose(rules, ex);
    EXPECT_TRUE(r.Has(rule.id)) << rule.id << " should fire on:\n" << ex << r.Describe();
  }
  for (const std::string& ex : rule.examples_pass) {
    LintRun r = Disclose(rules, ex);
    EXPECT_FALSE(r.Has(rule.id)) << rule.id << " should not fire on:\n" << ex << r.Describe();
  }
}

std::vector<std::string> DisclosureRuleIds() {
  std::vector<std::string> ids;
  for (const Rule& r : DisclosurePacks()->rules()) ids.push_back(r.id);
  return ids;
}

std::string IdName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name;
  for (char c : info.param) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Builtin, DisclosureExamples, ::testing::ValuesIn(DisclosureRuleIds()),
                         IdName);

// ---- The sample article ----------------------------------------------------

TEST(DisclosureSeed, SampleArticle) {
  std::string path = SourceDir() + "/../shared/seed/acupuncture-back-pain.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no seed at " << path;
  LintRun r =
      Disclose(*DisclosurePacks(), ReadAll(path), /*markdown=*/false, "acupuncture-back-pain.txt");
  SCOPED_TRACE(r.Describe());
  for (const char* id : {"disclosure.acupuncture.bleeding", "disclosure.acupuncture.pregnancy",
                         "disclosure.acupuncture.fainting", "disclosure.acupuncture.infection",
                         "disclosure.commercial-interest"}) {
    EXPECT_TRUE(r.Has(id)) << id;
  }
  // It mentions collapsing the lung, soreness and bruising.
  EXPECT_FALSE(r.Has("disclosure.acupuncture.pneumothorax"));
  EXPECT_FALSE(r.Has("disclosure.acupuncture.soreness"));
  // It tells readers to consult their healthcare provider.
  EXPECT_FALSE(r.Has("disclosure.consult-professional"));
  // Cupping and massage come up once, in passing.
  for (const Finding& f : r.findings) {
    EXPECT_EQ(f.rule.find("disclosure.cupping"), std::string::npos) << f.rule;
    EXPECT_EQ(f.rule.find("disclosure.massage"), std::string::npos) << f.rule;
  }
  // The call to book points at the named practitioner.
  const Finding* cta = r.Get("disclosure.commercial-interest");
  ASSERT_NE(cta, nullptr);
  EXPECT_NE(cta->excerpt.find("Deanna Thomas"), std::string::npos) << cta->excerpt;
  // The acupuncture findings sit at its first asserted mention, not at the
  // title's question.
  const Finding* bleeding = r.Get("disclosure.acupuncture.bleeding");
  ASSERT_NE(bleeding, nullptr);
  EXPECT_GT(bleeding->line, 5);
  EXPECT_EQ(bleeding->context, "asserted");
}

}  // namespace
}  // namespace claimlint
