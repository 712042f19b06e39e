// `.claimlint.yml`: parsing and its errors, path and rule globs, discovery,
// include/exclude, and how settings turn into the rules that run.
#include "lint/config/config.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

namespace claimlint {
namespace {
namespace fs = std::filesystem;

Config Parse(const std::string& yaml, const std::string& path = "/repo/site/.claimlint.yml") {
  auto c = ParseConfig(yaml, path);
  EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.error().ToString());
  return c.ok() ? c.value() : Config{};
}

Error ParseError(const std::string& yaml) {
  auto c = ParseConfig(yaml, "cfg.yml");
  EXPECT_FALSE(c.ok()) << yaml;
  return c.ok() ? Error{} : c.error();
}

Rule MakeRule(std::string id, std::string pack, std::string file, Severity s = Severity::kError) {
  Rule r;
  r.id = std::move(id);
  r.pack = std::move(pack);
  r.loc.file = "rules/" + file;
  r.severity = s;
  r.category = Category::kClaim;
  return r;
}

std::vector<Rule> Builtin() {
  std::vector<Rule> rules = {
      MakeRule("claim.detox", "claims.detox", "claims-detox.yaml"),
      MakeRule("claim.cure", "claims.disease", "claims-disease.yaml"),
      MakeRule("citation.vague", "citations", "citations.yaml", Severity::kWarning),
      MakeRule("quality.author", "quality", "quality.yaml", Severity::kWarning),
  };
  // A check with two integer options, for the option settings below.
  static const CheckSpec kSpec = [] {
    CheckSpec spec;
    spec.name = "test.options";
    spec.category = Category::kCitation;
    spec.options = {{"min_words", OptionType::kInteger, 1, 100, "3", ""},
                    {"window", OptionType::kInteger, 0, 10, "1", ""}};
    return spec;
  }();
  rules[2].spec = &kSpec;
  for (const OptionSpec& o : kSpec.options) {
    OptionValue v;
    EXPECT_FALSE(ParseOptionValue(o, o.default_value, &v));
    rules[2].options[o.name] = v;
  }
  return rules;
}

std::map<std::string, Severity> Resolve(const std::string& yaml, RuleInputs in = {}) {
  static const std::vector<Rule> builtin = Builtin();
  if (!in.builtin) in.builtin = &builtin;
  auto rules = ResolveRules(Parse(yaml), in);
  EXPECT_TRUE(rules.ok()) << (rules.ok() ? "" : rules.error().ToString());
  std::map<std::string, Severity> out;
  if (rules.ok()) {
    for (const Rule& r : rules.value()) out[r.id] = r.severity;
  }
  return out;
}

Error ResolveError(const std::string& yaml) {
  static const std::vector<Rule> builtin = Builtin();
  RuleInputs in;
  in.builtin = &builtin;
  auto rules = ResolveRules(Parse(yaml, "cfg.yml"), in);
  EXPECT_FALSE(rules.ok()) << yaml;
  return rules.ok() ? Error{} : rules.error();
}

TEST(ConfigTest, ParsesEveryKeyAndResolvesPathsAgainstItsDirectory) {
  Config c = Parse(R"(
packs: ["claims.*", citations.yaml]
rule_files: [house/rules.yaml, /abs/pack.yaml]
references: [refs/library.json]
rules:
  claim.detox: off
  "claim.*": warning
  citation.vague: {severity: info, options: {min_words: 5}}
  quality.author: {enabled: true}
include: ["articles/**"]
exclude: [drafts/]
fail_on: warning
)");
  ASSERT_TRUE(c.packs.has_value());
  EXPECT_EQ(*c.packs, (std::vector<std::string>{"claims.*", "citations.yaml"}));
  EXPECT_EQ(c.dir, "/repo/site");
  EXPECT_EQ(c.rule_files,
            (std::vector<std::string>{"/repo/site/house/rules.yaml", "/abs/pack.yaml"}));
  EXPECT_EQ(c.references, (std::vector<std::string>{"/repo/site/refs/library.json"}));
  ASSERT_EQ(c.rules.size(), 4u);
  EXPECT_EQ(c.rules[0].pattern, "claim.detox");
  EXPECT_EQ(c.rules[0].enabled, std::optional<bool>(false));
  EXPECT_FALSE(c.rules[0].severity.has_value());
  EXPECT_EQ(c.rules[1].severity, std::optional<Severity>(Severity::kWarning));
  EXPECT_EQ(c.rules[2].severity, std::optional<Severity>(Severity::kInfo));
  EXPECT_EQ(c.rules[2].options.at("min_words"), "5");
  EXPECT_EQ(c.rules[3].enabled, std::optional<bool>(true));
  EXPECT_EQ(c.rules[1].loc.line, 7);
  EXPECT_EQ(c.rules[1].loc.column, 3);
  EXPECT_EQ(c.fail_on, FailOn::kWarning);
}

TEST(ConfigTest, EmptyFileAndCommentedOutListsMeanDefaults) {
  Config empty = Parse("# nothing yet\n");
  EXPECT_FALSE(empty.packs.has_value());
  EXPECT_TRUE(empty.rules.empty());
  Config nulls = Parse("packs:\nrules:\nexclude:\n  # - drafts/\ninclude: []\n");
  EXPECT_FALSE(nulls.packs.has_value());
  EXPECT_TRUE(nulls.exclude.empty());
  EXPECT_TRUE(nulls.include.empty());
  Config none = Parse("packs: []\n");
  ASSERT_TRUE(none.packs.has_value());
  EXPECT_TRUE(none.packs->empty());
}

TEST(ConfigTest, UnknownKeysAreErrorsAtTheirPositionWithAHint) {
  Error e = ParseError("fail_on: error\nexlude: [a]\n");
  EXPECT_EQ(e.file, "cfg.yml");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.column, 1);
  EXPECT_NE(e.message.find("unknown key 'exlude'"), std::string::npos) << e.message;
  EXPECT_NE(e.message.find("did you mean 'exclude'"), std::string::npos) << e.message;
  EXPECT_EQ(e.ToString().rfind("cfg.yml:2:1: ", 0), 0u) << e.ToString();

  Error in_setting = ParseError("rules:\n  claim.x: {severity: error, sevrity: info}\n");
  EXPECT_EQ(in_setting.line, 2);
  EXPECT_EQ(in_setting.column, 30);
  EXPECT_NE(in_setting.message.find("did you mean 'severity'"), std::string::npos);
}

TEST(ConfigTest, WrongTypesAreErrorsAtTheValue) {
  struct Case {
    const char* yaml;
    int line, column;
    const char* words;
  };
  const Case cases[] = {
      {"packs: {a: 1}\n", 1, 8, "'packs' must be a list"},
      {"rule_files:\n  - [nested]\n", 2, 5, "'rule_files' must be a list of non-empty strings"},
      {"rules: [claim.x]\n", 1, 8, "'rules' must map"},
      {"rules:\n  claim.x: loud\n", 2, 12, "off, on, error, warning or info"},
      {"rules:\n  claim.x: {severity: fatal}\n", 2, 23,
       "'severity' must be error, warning or info"},
      {"rules:\n  claim.x: {enabled: maybe}\n", 2, 22, "'enabled' must be true or false"},
      {"rules:\n  claim.x: {options: [1]}\n", 2, 22, "'options' must map"},
      {"rules:\n  claim.x: {options: {a: [1]}}\n", 2, 26, "option values must be scalars"},
      {"fail_on: sometimes\n", 1, 10, "'fail_on' must be error, warning, info or never"},
      {"- just\n- a list\n", 1, 1, "a config is a mapping"},
      {"rules: {a: b\n", 2, 1, "invalid YAML"},
  };
  for (const Case& c : cases) {
    Error e = ParseError(c.yaml);
    EXPECT_EQ(e.line, c.line) << c.yaml << " -> " << e.ToString();
    EXPECT_EQ(e.column, c.column) << c.yaml << " -> " << e.ToString();
    EXPECT_NE(e.message.find(c.words), std::string::npos) << c.yaml << " -> " << e.ToString();
  }
}

TEST(ConfigTest, PathGlobs) {
  EXPECT_TRUE(PathGlobMatch("*.txt", "notes/a.txt"));
  EXPECT_TRUE(PathGlobMatch("*.txt", "a.txt"));
  EXPECT_FALSE(PathGlobMatch("*.txt", "a.md"));
  EXPECT_TRUE(PathGlobMatch("drafts", "site/drafts/x.md"));  // any segment, and what is under it
  EXPECT_TRUE(PathGlobMatch("drafts/", "drafts/x.md"));
  EXPECT_TRUE(PathGlobMatch("drafts/", "site/drafts/x.md"));  // a trailing '/' does not anchor
  EXPECT_FALSE(PathGlobMatch("site/drafts", "other/site/drafts/x.md"));  // an inner one does
  EXPECT_TRUE(PathGlobMatch("/site/drafts", "site/drafts/x.md"));
  EXPECT_FALSE(PathGlobMatch("drafts", "drafts-old/x.md"));
  EXPECT_TRUE(PathGlobMatch("articles/*.md", "articles/a.md"));
  EXPECT_FALSE(PathGlobMatch("articles/*.md", "articles/2024/a.md"));
  EXPECT_TRUE(PathGlobMatch("articles/**/*.md", "articles/a.md"));
  EXPECT_TRUE(PathGlobMatch("articles/**/*.md", "articles/2024/05/a.md"));
  EXPECT_TRUE(PathGlobMatch("articles/**", "articles/2024/a.md"));
  EXPECT_TRUE(PathGlobMatch("./articles/*.md", "articles/a.md"));
  EXPECT_TRUE(PathGlobMatch("a?.md", "ab.md"));
  EXPECT_FALSE(PathGlobMatch("a?.md", "a/.md"));
  EXPECT_TRUE(PathGlobMatch("[ab]*.md", "b1.md"));
  EXPECT_FALSE(PathGlobMatch("[!ab]*.md", "b1.md"));
  EXPECT_TRUE(PathGlobMatch("**", "x/y/z.md"));
}

TEST(ConfigTest, GlobClassesAndEdges) {
  EXPECT_TRUE(PathGlobMatch("a/**/b", "a/b"));
  EXPECT_TRUE(PathGlobMatch("a/**/b", "a/x/y/b"));
  EXPECT_FALSE(PathGlobMatch("a/**/b", "a/xb"));
  EXPECT_TRUE(PathGlobMatch("[a-c]x.md", "bx.md"));
  EXPECT_FALSE(PathGlobMatch("[a-c]x.md", "dx.md"));
  EXPECT_TRUE(PathGlobMatch("[]]x", "]x"));
  EXPECT_TRUE(PathGlobMatch("[x", "[x"));  // an unclosed class is literal
  EXPECT_FALSE(PathGlobMatch("", "a.md"));
  EXPECT_TRUE(RuleGlobMatch("[cq]*.*", "quality.no-author"));
  EXPECT_FALSE(RuleGlobMatch("", "claim.x"));
}

TEST(ConfigTest, HostileGlobsStayFast) {
  // Backtracking matchers take exponential time on these.
  std::string pattern, text(200, 'a');
  for (int i = 0; i < 60; ++i) pattern += "*a";
  pattern += "*b";
  auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(RuleGlobMatch(pattern, text));
  EXPECT_FALSE(PathGlobMatch(pattern, text));
  std::string stars2;
  for (int i = 0; i < 60; ++i) stars2 += "**/a";
  EXPECT_FALSE(PathGlobMatch(stars2 + "b", "a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/c"));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST(ConfigTest, RuleGlobs) {
  EXPECT_TRUE(RuleGlobMatch("claim.*", "claim.detox"));
  EXPECT_FALSE(RuleGlobMatch("claim.*", "citation.vague"));
  EXPECT_TRUE(RuleGlobMatch("*", "quality.author"));
  EXPECT_TRUE(RuleGlobMatch("citation.?ague", "citation.vague"));
  EXPECT_TRUE(RuleGlobMatch("claim.detox", "claim.detox"));
  EXPECT_FALSE(RuleGlobMatch("claim.detox", "claim.detox-toxins"));
}

TEST(ConfigTest, CoversFollowsIncludeThenExclude) {
  Config c =
      Parse("include: [\"articles/**\"]\nexclude: [drafts, \"*.txt\"]\n", "/repo/.claimlint.yml");
  EXPECT_TRUE(c.Covers("/repo/articles/a.md"));
  EXPECT_FALSE(c.Covers("/repo/articles/drafts/a.md"));
  EXPECT_FALSE(c.Covers("/repo/articles/a.txt"));
  EXPECT_FALSE(c.Covers("/repo/README.md"));
  Config all = Parse("", "/repo/.claimlint.yml");
  EXPECT_TRUE(all.Covers("/repo/anything/at/all.md"));
}

class ConfigFinderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("claimlint-config-test-" +
             std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "repo/.git");
    fs::create_directories(root_ / "repo/site/articles/deep");
    fs::create_directories(root_ / "repo/other");
    Write(root_ / ".claimlint.yml", "");  // above the repository: never used
    Write(root_ / "repo/.claimlint.yml", "");
    Write(root_ / "repo/site/.claimlint.yaml", "");
  }
  void TearDown() override { fs::remove_all(root_); }
  static void Write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }
  fs::path root_;
};

TEST_F(ConfigFinderTest, NearestWinsAndTheSearchStopsAtTheRepositoryRoot) {
  ConfigFinder finder;
  EXPECT_EQ(finder.Find((root_ / "repo/site/articles/deep").string()),
            (root_ / "repo/site/.claimlint.yaml").string());
  EXPECT_EQ(finder.Find((root_ / "repo/other").string()), (root_ / "repo/.claimlint.yml").string());
  Write(root_ / "repo/site/articles/.claimlint.yml", "");
  // Cached directories keep their answer; a fresh finder sees the new file.
  EXPECT_EQ(ConfigFinder().Find((root_ / "repo/site/articles/deep").string()),
            (root_ / "repo/site/articles/.claimlint.yml").string());
  fs::remove(root_ / "repo/.claimlint.yml");
  EXPECT_EQ(ConfigFinder().Find((root_ / "repo/other").string()), "");
}

TEST_F(ConfigFinderTest, LoadConfigFileNamesTheFileInErrors) {
  Write(root_ / "repo/bad.yml", "rules:\n  claim.x: [1]\n");
  auto c = LoadConfigFile((root_ / "repo/bad.yml").string());
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().file, (root_ / "repo/bad.yml").string());
  EXPECT_EQ(c.error().line, 2);
  auto missing = LoadConfigFile((root_ / "repo/none.yml").string());
  ASSERT_FALSE(missing.ok());
}

TEST(ConfigRulesTest, SettingsSwitchOffAndReLevelGlobsFirstThenExactIds) {
  auto rules = Resolve(R"(
rules:
  claim.detox: error
  "claim.*": warning
  quality.author: off
)");
  EXPECT_EQ(rules.count("quality.author"), 0u);
  EXPECT_EQ(rules.at("claim.detox"), Severity::kError);  // exact id beats the glob
  EXPECT_EQ(rules.at("claim.cure"), Severity::kWarning);
  EXPECT_EQ(rules.at("citation.vague"), Severity::kWarning);  // untouched
}

TEST(ConfigRulesTest, LaterGlobsWinAndASeverityTurnsARuleBackOn) {
  auto rules = Resolve("rules:\n  \"*\": off\n  \"claim.*\": info\n");
  EXPECT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules.at("claim.cure"), Severity::kInfo);
}

TEST(ConfigRulesTest, PacksSelectByNameOrFileAndExactIdsPullRulesIn) {
  auto by_name = Resolve("packs: [\"claims.*\"]\n");
  EXPECT_EQ(by_name.size(), 2u);
  EXPECT_TRUE(by_name.count("claim.detox") && by_name.count("claim.cure"));
  auto by_file = Resolve("packs: [\"quality.yaml\", \"citations*\"]\n");
  EXPECT_EQ(by_file.size(), 2u);
  EXPECT_TRUE(by_file.count("quality.author") && by_file.count("citation.vague"));
  auto pulled = Resolve("packs: []\nrules:\n  quality.author: error\n");
  EXPECT_EQ(pulled.size(), 1u);
  EXPECT_EQ(pulled.at("quality.author"), Severity::kError);
}

TEST(ConfigRulesTest, CommandLineDisableAndEnableComeLast) {
  RuleInputs in;
  in.disable = {"claim.*"};
  in.enable = {"claim.cure"};
  auto rules = Resolve("rules:\n  citation.vague: off\n", in);
  EXPECT_EQ(rules.count("claim.detox"), 0u);
  EXPECT_EQ(rules.count("claim.cure"), 1u);
  EXPECT_EQ(rules.count("citation.vague"), 0u);
  RuleInputs on;
  on.enable = {"citation.vague"};
  EXPECT_EQ(
      Resolve("packs: [quality]\nrules:\n  citation.vague: off\n", on).count("citation.vague"), 1u);
}

TEST(ConfigRulesTest, WithoutTheBuiltinPacksTheirIdsAreStillKnown) {
  static const std::vector<Rule> builtin = Builtin();
  std::vector<Rule> extra = {MakeRule("house.tone", "house", "house.yaml")};
  RuleInputs in;
  in.builtin = &builtin;
  in.use_builtin = false;
  in.extra = &extra;
  auto rules = ResolveRules(Parse("rules:\n  claim.detox: off\n  house.tone: info\n"), in);
  ASSERT_TRUE(rules.ok()) << rules.error().ToString();
  ASSERT_EQ(rules.value().size(), 1u);
  EXPECT_EQ(rules.value()[0].id, "house.tone");
  EXPECT_EQ(rules.value()[0].severity, Severity::kInfo);
  EXPECT_FALSE(ResolveRules(Parse("rules:\n  claim.detx: off\n"), in).ok());
}

TEST(ConfigRulesTest, OptionsOverrideDeclaredOptionsOnly) {
  static const std::vector<Rule> builtin = Builtin();
  RuleInputs in;
  in.builtin = &builtin;
  auto rules = ResolveRules(Parse("rules:\n  \"citation.*\": {options: {window: 2}}\n  "
                                  "citation.vague: {options: {min_words: 7}}\n"),
                            in);
  ASSERT_TRUE(rules.ok());
  for (const Rule& r : rules.value()) {
    if (r.id != "citation.vague") {
      EXPECT_TRUE(r.options.empty()) << r.id;
      continue;
    }
    EXPECT_EQ(r.options.at("min_words").integer(), 7);
    EXPECT_EQ(r.options.at("window").integer(), 2);
  }
  Error e = ResolveError("rules:\n  citation.vague:\n    options: {min_wrods: 2}\n");
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(e.column, 15);
  EXPECT_NE(e.message.find("no option 'min_wrods'"), std::string::npos) << e.message;
  EXPECT_NE(e.message.find("min_words, window"), std::string::npos) << e.message;
  Error none = ResolveError("rules:\n  claim.cure: {options: {x: 1}}\n");
  EXPECT_NE(none.message.find("takes none"), std::string::npos) << none.message;
  // Values are typed and range-checked where they are written.
  Error banana = ResolveError("rules:\n  citation.vague:\n    options: {min_words: banana}\n");
  EXPECT_EQ(banana.line, 3);
  EXPECT_EQ(banana.column, 26);
  EXPECT_NE(banana.message.find("must be an integer from 1 to 100, not 'banana'"), std::string::npos)
      << banana.message;
  Error range = ResolveError("rules:\n  \"citation.*\": {options: {window: 99}}\n");
  EXPECT_NE(range.message.find("from 0 to 10"), std::string::npos) << range.message;
}

TEST(ConfigRulesTest, UnknownRulesAndPacksAreErrorsWithHints) {
  Error e = ResolveError("rules:\n  claim.detx: off\n");
  EXPECT_EQ(e.file, "cfg.yml");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.column, 3);
  EXPECT_NE(e.message.find("unknown rule 'claim.detx'"), std::string::npos);
  EXPECT_NE(e.message.find("did you mean 'claim.detox'"), std::string::npos) << e.message;
  Error pack = ResolveError("packs: [claims.*, qualty]\n");
  EXPECT_EQ(pack.line, 1);
  EXPECT_EQ(pack.column, 19);
  EXPECT_NE(pack.message.find("'qualty'"), std::string::npos) << pack.message;
  // Globs may match nothing, and claimlint's own rules are configurable too.
  static const std::vector<Rule> own = [] {
    std::vector<Rule> r = {MakeRule("meta.unused-suppression", "claimlint", "claimlint.yaml"),
                           MakeRule("input.encoding", "claimlint", "claimlint.yaml")};
    r[0].category = Category::kMeta;
    r[1].category = Category::kInput;
    return r;
  }();
  RuleInputs with_own;
  with_own.own = &own;
  auto resolved = Resolve(
      "packs: []\nrules:\n  \"nothing.*\": off\n  meta.unused-suppression: off\n"
      "  input.encoding: warning\n",
      with_own);
  ASSERT_EQ(resolved.size(), 1u);  // own rules run whatever the packs; one is turned off
  EXPECT_EQ(resolved.at("input.encoding"), Severity::kWarning);
}

TEST(ConfigRulesTest, PolicyDropsAndReLevelsFindingsOfRulesOutsideThePacks) {
  Config c = Parse("rules:\n  meta.unused-suppression: off\n  meta.bad-suppression: error\n");
  RulePolicy policy(c, RuleInputs{});
  std::vector<Finding> findings(3);
  findings[0].rule = "meta.unused-suppression";
  findings[1].rule = "meta.bad-suppression";
  findings[1].severity = Severity::kWarning;
  findings[2].rule = "claim.detox";
  findings[2].severity = Severity::kWarning;
  policy.Apply(&findings);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].rule, "meta.bad-suppression");
  EXPECT_EQ(findings[0].severity, Severity::kError);
  EXPECT_EQ(findings[1].severity, Severity::kWarning);
}

TEST(ConfigRulesTest, TheStarterConfigIsValidAndChangesNothing) {
  auto rules = Resolve(StarterConfig());
  EXPECT_EQ(rules.size(), Builtin().size());
  Config c = Parse(StarterConfig());
  EXPECT_EQ(c.fail_on, FailOn::kError);
  EXPECT_FALSE(c.packs.has_value());
}

TEST(ConfigRulesTest, DescribeConfigListsTheRulesThatRun) {
  Config c = Parse("rules:\n  claim.detox: off\n  citation.vague: info\n", "/r/.claimlint.yml");
  static const std::vector<Rule> builtin = Builtin();
  RuleInputs in;
  in.builtin = &builtin;
  auto rules = ResolveRules(c, in);
  ASSERT_TRUE(rules.ok());
  std::string text = DescribeConfig(c, rules.value(), "/r/a.md", "warning");
  EXPECT_NE(text.find("config: /r/.claimlint.yml"), std::string::npos) << text;
  EXPECT_NE(text.find("fail_on: warning"), std::string::npos) << text;
  EXPECT_NE(text.find("claim.cure: error"), std::string::npos) << text;
  EXPECT_NE(text.find("citation.vague: {severity: info"), std::string::npos) << text;
  EXPECT_EQ(text.find("claim.detox"), std::string::npos) << text;
  EXPECT_NE(text.find("linted: true"), std::string::npos) << text;
}

}  // namespace
}  // namespace claimlint
