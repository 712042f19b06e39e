// The literal prefilter: which patterns can match a text, as a superset.
#include "lint/checks/registry.h"
#include "lint/rules/literal_prefilter.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>

#include "lint/rules/pack_loader.h"

namespace claimlint {
namespace {

std::vector<int> CandidatesOf(const LiteralPrefilter& f, std::string_view text) {
  std::vector<int> out;
  f.Candidates(text, &out);
  return out;
}

TEST(LiteralPrefilter, NeedsEveryClause) {
  LiteralPrefilter f;
  ASSERT_EQ(f.Add(R"((boost|strengthen)s?\s+(your\s+)?immun\w*)", false).value(), 0);
  f.Compile();
  EXPECT_EQ(CandidatesOf(f, "It boosts immunity."), std::vector<int>{0});
  EXPECT_EQ(CandidatesOf(f, "Strengthen your immune system"), std::vector<int>{0});
  EXPECT_TRUE(CandidatesOf(f, "It boosts energy.").empty());
  EXPECT_TRUE(CandidatesOf(f, "Immunity matters.").empty());
  EXPECT_TRUE(CandidatesOf(f, "").empty());
}

TEST(LiteralPrefilter, FoldsAsciiCase) {
  LiteralPrefilter f;
  ASSERT_TRUE(f.Add(R"(boost\s+immunity)", false).ok());
  ASSERT_TRUE(f.Add(R"(NICE)", true).ok());  // atoms are lower case even here
  f.Compile();
  EXPECT_EQ(CandidatesOf(f, "BOOST IMMUNITY"), std::vector<int>{0});
  EXPECT_EQ(CandidatesOf(f, "Nice and NICE"), std::vector<int>{1});
}

TEST(LiteralPrefilter, PatternsWithoutLiteralsAreAlwaysCandidates) {
  LiteralPrefilter f;
  ASSERT_TRUE(f.Add(R"(\d+\s*%)", false).ok());
  ASSERT_TRUE(f.Add(R"(miracle)", false).ok());
  f.Compile();
  EXPECT_EQ(f.unfiltered_count(), 1u);
  EXPECT_EQ(CandidatesOf(f, "nothing here"), std::vector<int>{0});
  EXPECT_EQ(CandidatesOf(f, "a miracle"), (std::vector<int>{0, 1}));
}

TEST(LiteralPrefilter, NonAsciiAtoms) {
  LiteralPrefilter f;
  // A curly apostrophe has no case: found byte for byte.
  ASSERT_TRUE(f.Add(R"(don’t\s+need)", false).ok());
  // "é" has an upper case the scan does not fold: "café" is never what
  // rules the pattern out, "cure" still is.
  ASSERT_TRUE(f.Add(R"(café\s+cure)", false).ok());
  f.Compile();
  EXPECT_EQ(CandidatesOf(f, "YOU DON’T NEED IT"), std::vector<int>{0});
  EXPECT_EQ(CandidatesOf(f, "CAFÉ CURE"), std::vector<int>{1});
  EXPECT_EQ(CandidatesOf(f, "A CURE"), std::vector<int>{1});
  EXPECT_TRUE(CandidatesOf(f, "CAFÉ").empty());
}

TEST(LiteralPrefilter, OverlappingAtoms) {
  LiteralPrefilter f;
  ASSERT_TRUE(f.Add("heals", false).ok());
  ASSERT_TRUE(f.Add("he", false).ok());  // too short to be an atom
  ASSERT_TRUE(f.Add("ealsx", false).ok());
  ASSERT_TRUE(f.Add("alsx", false).ok());
  f.Compile();
  EXPECT_EQ(CandidatesOf(f, "hhealsx"), (std::vector<int>{0, 1, 2, 3}));
  EXPECT_EQ(CandidatesOf(f, "healx"), std::vector<int>{1});
}

TEST(LiteralPrefilter, BadPatternIsAnError) {
  LiteralPrefilter f;
  auto r = f.Add("(unclosed", false);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("missing )"), std::string::npos) << r.error().message;
}

// The property the linter relies on: a pattern that matches a text is always
// among its candidates. Checked for every built-in pattern against every
// rule example, as written and in upper case.
TEST(LiteralPrefilter, NeverDropsAMatchingBuiltinPattern) {
  auto rules = LoadBuiltinRules(BuiltinChecks());
  ASSERT_TRUE(rules.ok()) << rules.error().ToString();
  LiteralPrefilter f;
  std::vector<std::unique_ptr<RE2>> regexes;
  std::vector<std::string> texts;
  for (const Rule& r : rules.value()) {
    for (const auto* list : {&r.patterns, &r.topic, &r.requires_, &r.narrow}) {
      for (const std::string& p : *list) {
        ASSERT_TRUE(f.Add(p, r.case_sensitive).ok()) << p;
        RE2::Options opts;
        opts.set_case_sensitive(r.case_sensitive);
        regexes.push_back(std::make_unique<RE2>(p, opts));
      }
    }
    for (const auto* list : {&r.examples_fire, &r.examples_pass}) {
      for (const std::string& t : *list) {
        texts.push_back(t);
        std::string upper = t;
        for (char& c : upper) {
          if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        }
        texts.push_back(upper);
      }
    }
  }
  f.Compile();
  ASSERT_GT(f.atom_count(), 500u);
  std::size_t matched = 0, candidates = 0;
  std::vector<int> c;
  for (const std::string& t : texts) {
    f.Candidates(t, &c);
    candidates += c.size();
    for (std::size_t i = 0; i < regexes.size(); ++i) {
      if (!RE2::PartialMatch(t, *regexes[i])) continue;
      ++matched;
      EXPECT_TRUE(std::binary_search(c.begin(), c.end(), static_cast<int>(i)))
          << "pattern " << regexes[i]->pattern() << " matches \"" << t << "\"";
    }
  }
  EXPECT_GT(matched, 1000u);
  // And it filters: far fewer candidates than patterns per text.
  EXPECT_LT(candidates / texts.size(), regexes.size() / 20);
}

}  // namespace
}  // namespace claimlint
