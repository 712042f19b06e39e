// The rule-pack loader (validation with file:line:col) and RuleSet matching.
#include <gtest/gtest.h>

#include "lint/checks/registry.h"
#include "lint/data/builtin_files.h"
#include "lint/rules/pack_loader.h"
#include "lint/rules/rule_set.h"

namespace claimlint {
namespace {

constexpr const char* kGood = R"(pack: test
rules:
  - id: claim.test-boost
    category: claim
    severity: error
    message: "'{match}' claims a boost."
    patterns: ['boost(s|ed)?\s+immunity']
    exceptions: ['boost\s+immunity\s+myths']
    examples:
      fire: ["It boosts immunity."]
      pass: ["It does not boost immunity."]
)";

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  s.replace(s.find(from), from.size(), to);
  return s;
}

Error LoadError(const std::string& yaml) {
  auto r = LoadRulePack(yaml, "pack.yaml", BuiltinChecks());
  EXPECT_FALSE(r.ok());
  return r.ok() ? Error{} : r.error();
}

TEST(PackLoader, LoadsAGoodPack) {
  auto r = LoadRulePack(kGood, "pack.yaml", BuiltinChecks());
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  ASSERT_EQ(r.value().size(), 1u);
  const Rule& rule = r.value()[0];
  EXPECT_EQ(rule.id, "claim.test-boost");
  EXPECT_EQ(rule.pack, "test");
  EXPECT_EQ(rule.severity, Severity::kError);
  EXPECT_EQ(rule.contexts, ContextSet{Context::kAsserted});
  EXPECT_TRUE(rule.cleared_by_citation);
  EXPECT_EQ(rule.loc.line, 3);
}

TEST(PackLoader, UnknownKeyIsLocated) {
  Error e = LoadError(Replace(kGood, "    exceptions:", "    pattern: ['x']\n    exceptions:"));
  EXPECT_EQ(e.file, "pack.yaml");
  EXPECT_EQ(e.line, 8);
  EXPECT_EQ(e.column, 5);
  EXPECT_NE(e.message.find("unknown key 'pattern'"), std::string::npos);
}

TEST(PackLoader, BadRegexCarriesRe2Error) {
  Error e = LoadError(Replace(kGood, "'boost(s|ed)?\\s+immunity'", "'boost(s|ed'"));
  EXPECT_EQ(e.line, 7);
  EXPECT_NE(e.message.find("missing )"), std::string::npos) << e.message;
}

TEST(PackLoader, LookaroundIsRejected) {
  Error e = LoadError(Replace(kGood, "'boost(s|ed)?\\s+immunity'", "'boost(?!ed)'"));
  EXPECT_NE(e.message.find("bad pattern"), std::string::npos);
}

TEST(PackLoader, MissingExamplesAndFields) {
  std::string no_examples = kGood;
  no_examples = no_examples.substr(0, no_examples.find("    examples:"));
  EXPECT_NE(LoadError(no_examples).message.find("examples"), std::string::npos);
  EXPECT_NE(LoadError(Replace(kGood, "    severity: error\n", "")).message.find("severity"),
            std::string::npos);
  EXPECT_NE(LoadError(Replace(kGood, "severity: error", "severity: fatal")).message.find("severity"),
            std::string::npos);
  EXPECT_NE(LoadError(Replace(kGood, "category: claim", "category: style")).message.find("category"),
            std::string::npos);
  Error ctx = LoadError(Replace(kGood, "    exceptions:", "    contexts: [asserted, sarcastic]\n    exceptions:"));
  EXPECT_NE(ctx.message.find("sarcastic"), std::string::npos);
}

TEST(PackLoader, InvalidYamlIsLocated) {
  Error e = LoadError("rules:\n  - id: [unclosed\n");
  EXPECT_EQ(e.file, "pack.yaml");
  EXPECT_GT(e.line, 0);
  EXPECT_NE(e.message.find("invalid YAML"), std::string::npos);
}

TEST(PackLoader, CatastrophicBacktrackingPatternIsHarmless) {
  // (a+)+b takes exponential time in backtracking engines; RE2 is linear.
  std::string yaml = Replace(kGood, "'boost(s|ed)?\\s+immunity'", "'(a+)+b'");
  auto r = LoadRulePack(yaml, "pack.yaml", BuiltinChecks());
  ASSERT_TRUE(r.ok());
  auto set = RuleSet::Build(std::move(r.value()));
  ASSERT_TRUE(set.ok());
  std::vector<RuleMatch> out;
  set.value()->MatchText(std::string(100000, 'a'), &out);
  EXPECT_TRUE(out.empty());
}

TEST(PackLoader, PatternOverMemoryBudgetIsAnError) {
  std::string yaml = Replace(kGood, "'boost(s|ed)?\\s+immunity'", "'((((\\\\pL{1,100}){1,100}){1,100}){1,100})'");
  EXPECT_NE(LoadError(yaml).message.find("bad pattern"), std::string::npos);
}

TEST(RuleSet, DuplicateIdsAreLocated) {
  auto a = LoadRulePack(kGood, "a.yaml", BuiltinChecks());
  auto b = LoadRulePack(kGood, "b.yaml", BuiltinChecks());
  ASSERT_TRUE(a.ok() && b.ok());
  std::vector<Rule> all = a.value();
  all.push_back(b.value()[0]);
  auto set = RuleSet::Build(all);
  ASSERT_FALSE(set.ok());
  EXPECT_EQ(set.error().file, "b.yaml");
  EXPECT_NE(set.error().message.find("duplicate rule id"), std::string::npos);
  EXPECT_NE(set.error().message.find("a.yaml:3"), std::string::npos);
}

TEST(RuleSet, MatchesAtWordBoundariesAndHonoursExceptions) {
  auto set = RuleSet::Build(LoadRulePack(kGood, "a.yaml", BuiltinChecks()).value()).value();
  std::vector<RuleMatch> out;
  std::string text = "It boosts immunity. Reboosts immunity. We boost immunity myths. It BOOSTED IMMUNITY.";
  set->MatchText(text, &out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(text.substr(out[0].begin, out[0].end - out[0].begin), "boosts immunity");
  EXPECT_EQ(text.substr(out[1].begin, out[1].end - out[1].begin), "BOOSTED IMMUNITY");
}

TEST(RuleSet, BoundariesBesideNonAsciiPunctuationAndLongestAlternative) {
  std::string yaml = Replace(kGood, "'boost(s|ed)?\\s+immunity'", "'instant\\s+relief'");
  auto set = RuleSet::Build(LoadRulePack(yaml, "a.yaml", BuiltinChecks()).value()).value();
  std::vector<RuleMatch> out;
  set->MatchText("different\xE2\x80\x94instant relief\xE2\x80\x9D now", &out);
  EXPECT_EQ(out.size(), 1u);
  out.clear();
  set->MatchText("caf\xC3\xA9instant relief", &out);  // a letter before: not a word start
  EXPECT_TRUE(out.empty());
  // The longer alternative wins although the shorter comes first.
  std::string kids = Replace(kGood, "'boost(s|ed)?\\s+immunity'", "'relief\\s+for\\s+(child|children)'");
  auto set2 = RuleSet::Build(LoadRulePack(kids, "b.yaml", BuiltinChecks()).value()).value();
  out.clear();
  std::string text = "Gives relief for children.";
  set2->MatchText(text, &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(text.substr(out[0].begin, out[0].end - out[0].begin), "relief for children");
}

TEST(BuiltinPacks, EveryFileLoadsWithItsPatternsChecked) {
  std::size_t rules = 0;
  for (const BuiltinFile& f : BuiltinFiles()) {
    if (f.name == "context.yaml" || f.name == kOwnPackFile ||
        f.name.find('/') != std::string_view::npos) {
      continue;
    }
    auto r = LoadRulePack(f.text, f.name, BuiltinChecks(), /*check_patterns=*/true);
    ASSERT_TRUE(r.ok()) << r.error().ToString();
    rules += r.value().size();
  }
  auto own = LoadBuiltinRules(BuiltinChecks(), BuiltinPacks::kOwn);
  ASSERT_TRUE(own.ok()) << own.error().ToString();
  for (const Rule& r : own.value()) {
    EXPECT_TRUE(r.category == Category::kInput || r.category == Category::kMeta) << r.id;
  }
  auto all = LoadBuiltinRules(BuiltinChecks());
  ASSERT_TRUE(all.ok()) << all.error().ToString();
  EXPECT_EQ(all.value().size(), rules + own.value().size());
  auto set = RuleSet::Build(std::move(all.value()));
  ASSERT_TRUE(set.ok()) << set.error().ToString();
  for (std::size_t i = 0; i < set.value()->rules().size(); ++i) {
    const CompiledRule& c = set.value()->compiled(static_cast<int>(i));
    EXPECT_EQ(c.patterns.size(), set.value()->rules()[i].patterns.size());
  }
}

}  // namespace
}  // namespace claimlint
