// Acceptance on the sample article and its library (../shared/seed), skipped
// when the seed is not present.
#include <gtest/gtest.h>

#include "tests/unit/test_support.h"

namespace claimlint {
namespace {

class CitationsSeed : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string dir = testing::SourceDir() + "/../shared/seed/";
    std::string text = testing::ReadAll(dir + "acupuncture-back-pain.txt");
    if (text.empty()) GTEST_SKIP() << "no seed article in " << dir;
    auto lib = testing::LibraryFrom(dir + "references.json");
    ASSERT_FALSE(lib->entries.empty());
    Linter linter({testing::BuiltinRuleSet(), ContextClassifier::Builtin(), lib, nullptr});
    for (Finding& f : linter.Lint("acupuncture-back-pain.txt", text).findings) {
      if (f.category == Category::kCitation) findings_.push_back(std::move(f));
    }
  }

  // Citation findings whose sentence contains `words`.
  std::vector<const Finding*> In(std::string_view words, const std::string& rule = "") const {
    std::vector<const Finding*> out;
    for (const Finding& f : findings_) {
      if (f.sentence.find(words) != std::string::npos && (rule.empty() || f.rule == rule)) {
        out.push_back(&f);
      }
    }
    return out;
  }

  std::string All() const {
    std::string s;
    for (const Finding& f : findings_) {
      s += std::to_string(f.line) + " " + f.rule + " '" + f.excerpt + "': " + f.message + "\n";
    }
    return s;
  }

  std::vector<Finding> findings_;
};

TEST_F(CitationsSeed, LeeEtAlResolvesWithNoFinding) {
  EXPECT_TRUE(In("conducted by Lee et al. (2013)").empty()) << All();
}

TEST_F(CitationsSeed, StudyOnPubMedIsVagueAndNamesTheBfaTrial) {
  auto v = In("A study on PubMed", "citation.vague");
  ASSERT_EQ(v.size(), 1u) << All();
  EXPECT_EQ(v[0]->excerpt, "A study on PubMed");
  bool names = v[0]->message.find("johnston2021") != std::string::npos ||
               v[0]->message.find("fox2018") != std::string::npos;
  EXPECT_TRUE(names) << v[0]->message;
}

TEST_F(CitationsSeed, RecentStudiesHaveShownIsVague) {
  auto v = In("recent studies have shown", "citation.vague");
  ASSERT_EQ(v.size(), 1u) << All();
  EXPECT_EQ(v[0]->excerpt, "recent studies have shown");
}

TEST_F(CitationsSeed, NiceGuidelinesAreContradictedByNg59) {
  auto c = In("recommended by the NICE guidelines", "citation.contradicted");
  ASSERT_EQ(c.size(), 1u) << All();
  EXPECT_NE(c[0]->message.find("nice-ng59"), std::string::npos) << c[0]->message;
  EXPECT_EQ(c[0]->excerpt, "the NICE guidelines");
}

TEST_F(CitationsSeed, BfaClaimIsOverstated) {
  auto o = In("can significantly reduce pain", "citation.overstated");
  ASSERT_EQ(o.size(), 1u) << All();
  EXPECT_NE(o[0]->excerpt.find("reduce"), std::string::npos) << o[0]->excerpt;
}

TEST_F(CitationsSeed, NoOtherCitationNoise) {
  // What a careful editor reports about the citations, and no more: the
  // vague "study on PubMed" and "recent studies", the contradicted and
  // unspecified NICE guidelines, the overstated BFA finding, the NHS website.
  for (const Finding& f : findings_) {
    EXPECT_TRUE(f.rule == "citation.vague" || f.rule == "citation.contradicted" ||
                f.rule == "citation.guideline-unspecified" || f.rule == "citation.overstated" ||
                f.rule == "citation.source-unspecified")
        << All();
  }
  EXPECT_LE(findings_.size(), 6u) << All();
}

}  // namespace
}  // namespace claimlint
