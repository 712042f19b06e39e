// Claim strength, a source's caution, denials and recommendations, read with
// the built-in context classifier.
#include <gtest/gtest.h>

#include "lint/citations/strength.h"

namespace claimlint::cite {
namespace {

const ContextClassifier& Ctx() { return *ContextClassifier::Builtin(); }

std::string Predicate(std::string_view s, const ClaimReading& r) {
  return std::string(s.substr(r.begin, r.end - r.begin));
}

TEST(CitationsStrength, ReadsClaimStrength) {
  struct Case {
    const char* sentence;
    Strength strength;
    const char* predicate;
  };
  const Case cases[] = {
      {"Heat wraps reduce back pain in adults.", Strength::kDirect, "reduce"},
      {"Heat wraps can significantly reduce back pain.", Strength::kDirect,
       "can significantly reduce"},
      {"The massage relieves tension headaches.", Strength::kDirect, "relieves"},
      {"Cycling to work is saving lives.", Strength::kDirect, "is saving"},
      {"Massage is effective for tension headaches.", Strength::kDirect, "is effective"},
      {"Heat wraps may reduce back pain.", Strength::kHedged, "may reduce"},
      {"Heat wraps could ease back pain in some people.", Strength::kHedged, "could ease"},
      {"Yoga was associated with less neck pain.", Strength::kCorrelational, "associated with"},
      {"Cycling was associated with a reduced risk of heart disease.", Strength::kCorrelational,
       "associated with"},
      {"The trial enrolled 52 adults.", Strength::kNone, ""},
      {"Its benefits go beyond pain relief.", Strength::kNone, ""},
  };
  for (const Case& k : cases) {
    ClaimReading r = ReadClaim(k.sentence, Ctx());
    EXPECT_EQ(r.strength, k.strength) << k.sentence;
    EXPECT_FALSE(r.negated) << k.sentence;
    if (*k.predicate) {
      EXPECT_EQ(Predicate(k.sentence, r), k.predicate) << k.sentence;
    }
  }
}

TEST(CitationsStrength, NegatedAndQuestionedClaimsAreNotAssertions) {
  ClaimReading neg = ReadClaim("Magnet bracelets did not reduce wrist pain.", Ctx());
  EXPECT_TRUE(neg.negated);
  EXPECT_EQ(neg.strength, Strength::kNone);
  EXPECT_EQ(neg.verb, "reduce");
  ClaimReading no_better = ReadClaim("Acupuncture was no more effective than sham.", Ctx());
  EXPECT_TRUE(no_better.negated);
  ClaimReading question = ReadClaim("Do heat wraps reduce back pain?", Ctx());
  EXPECT_EQ(question.strength, Strength::kNone);
}

TEST(CitationsStrength, SourceCaution) {
  EXPECT_TRUE(HasCaution("The device shows promise for further study."));
  EXPECT_TRUE(HasCaution("These findings should be confirmed by larger trials."));
  EXPECT_TRUE(HasCaution("Further efficacy studies are warranted."));
  EXPECT_FALSE(HasCaution("The device reduced pain by 30% at one year."));

  SourceReading hedged = ReadSource(
      "Randomised trial of 40 adults. Pain fell in both groups. The programme may reduce knee "
      "pain; larger trials are needed.",
      Ctx());
  EXPECT_TRUE(hedged.known);
  EXPECT_TRUE(hedged.cautious);
  EXPECT_NE(hedged.quote.find("may reduce"), std::string::npos);

  SourceReading promise = ReadSource(
      "Pilot study of 30 adults. No adverse events. Heat wraps "
      "show promise for further study.",
      Ctx());
  EXPECT_TRUE(promise.cautious);

  SourceReading firm = ReadSource(
      "Trial of 600 adults over two years. Conclusions: Statins reduced heart attacks by a "
      "quarter.",
      Ctx());
  EXPECT_TRUE(firm.known);
  EXPECT_FALSE(firm.cautious);
  EXPECT_EQ(firm.strength, Strength::kDirect);

  SourceReading silent = ReadSource("A survey of 300 nurses about shift work.", Ctx());
  EXPECT_FALSE(silent.known);
  EXPECT_FALSE(silent.cautious);

  EXPECT_EQ(ConclusionOf("Background: x. Methods: y. Conclusion: It may help."), "It may help.");
}

TEST(CitationsStrength, DenialsAndRecommendations) {
  auto denials = FindDenials(
      "Consider exercise. Do not offer traction for managing low back pain with or without "
      "sciatica.",
      Ctx());
  ASSERT_EQ(denials.size(), 1u);
  EXPECT_TRUE(denials[0].recommendation);
  EXPECT_EQ(denials[0].object, std::vector<std::string>{"traction"});
  EXPECT_EQ(denials[0].condition, (std::vector<std::string>{"low", "back", "pain"}));

  auto effect =
      FindDenials("Magnet bracelets did not reduce wrist pain compared with sham.", Ctx());
  ASSERT_EQ(effect.size(), 1u);
  EXPECT_FALSE(effect[0].recommendation);
  EXPECT_EQ(effect[0].verb, "reduce");
  EXPECT_EQ(effect[0].condition, (std::vector<std::string>{"wrist", "pain"}));

  auto against = FindDenials("Traction is not recommended for sciatica.", Ctx());
  ASSERT_EQ(against.size(), 1u);
  EXPECT_EQ(against[0].object, std::vector<std::string>{"traction"});

  EXPECT_TRUE(FindDenials("Offer exercise for low back pain.", Ctx()).empty());

  std::size_t b = 0, e = 0;
  std::string_view s = "Notably, it is recommended by the guideline panel.";
  ASSERT_TRUE(AssertsRecommendation(s, Ctx(), &b, &e));
  EXPECT_EQ(s.substr(b, e - b), "is recommended by");
  EXPECT_FALSE(AssertsRecommendation("It is not recommended by the panel.", Ctx(), &b, &e));
  EXPECT_FALSE(AssertsRecommendation("Is it recommended by the panel?", Ctx(), &b, &e));
  EXPECT_FALSE(AssertsRecommendation("The panel advises against traction.", Ctx(), &b, &e));
  EXPECT_FALSE(
      AssertsRecommendation("Traction was recommended by the panel until 2016.", Ctx(), &b, &e));
  EXPECT_FALSE(AssertsRecommendation("The panel no longer recommends traction.", Ctx(), &b, &e));
}

}  // namespace
}  // namespace claimlint::cite
