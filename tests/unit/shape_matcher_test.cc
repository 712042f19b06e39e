// Claim shapes (shape_matcher.h) on a small lexicon: every element of the
// grammar, clause breaks, the reported span, and located errors for
// malformed shapes.
#include "lint/rules/shape_matcher.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace claimlint {
namespace {

constexpr const char* kLexicon = R"(lexicon: t
sources: [test]
classes:
  predicate.boost: {description: d, pos: verb, attributes: {strength: 2}, terms: [boost, strengthen]}
  predicate.cure: {description: d, pos: verb, attributes: {strength: 3}, terms: [cure]}
  predicate.cure.noun: {description: d, pos: noun, terms: [remedy]}
  function.immune: {description: d, pos: phrase, terms: [immune system, immunity]}
  condition.serious: {description: d, pos: noun, attributes: {serious: true}, terms: [cancer]}
  pseudo.toxins: {description: d, pos: noun, terms: [toxin, waste]}
)";

std::shared_ptr<const Lexicon> TestLexicon() {
  auto lex = Lexicon::Load({{"t.yaml", kLexicon}});
  EXPECT_TRUE(lex.ok()) << lex.error().ToString();
  return lex.value();
}

// The matched words of every match of a one-rule matcher built from `shapes`.
std::vector<std::string> Matches(const std::vector<std::string>& shapes, std::string_view text) {
  Rule rule;
  rule.id = "claim.test";
  rule.shapes = shapes;
  auto lexicon = TestLexicon();
  auto matcher = ShapeMatcher::Build({rule}, *lexicon);
  EXPECT_TRUE(matcher.ok()) << matcher.error().ToString();
  if (!matcher.ok()) return {};
  ScannedText scanned;
  matcher.value()->Scan(text, &scanned);
  std::vector<ShapeMatch> found;
  matcher.value()->Match(scanned, &found);
  std::vector<std::string> out;
  for (const ShapeMatch& m : found) out.emplace_back(text.substr(m.begin, m.end - m.begin));
  return out;
}

std::string BuildError(const std::string& shape) {
  Rule rule;
  rule.id = "claim.test";
  rule.shapes = {shape};
  auto lexicon = TestLexicon();
  auto matcher = ShapeMatcher::Build({rule}, *lexicon);
  return matcher.ok() ? "" : matcher.error().message;
}

using Words = std::vector<std::string>;

TEST(ShapeMatcher, ClassesMatchEveryInflectedFormAndSubclass) {
  EXPECT_EQ(Matches({"@predicate.boost ~2 @function.immune"}, "It boosts your immune system."),
            Words{"boosts your immune system"});
  EXPECT_EQ(Matches({"@predicate.cure"}, "A remedy for all."), Words{"remedy"});
  EXPECT_EQ(Matches({"@predicate.cure!"}, "A remedy for all."), Words{});
  EXPECT_EQ(Matches({"@predicate.cure!"}, "It cured me."), Words{"cured"});
}

TEST(ShapeMatcher, GapsAreBoundedInWords) {
  const Words shape = {"@predicate.boost ~2 @function.immune"};
  EXPECT_EQ(Matches(shape, "It boosts the whole immune system."),
            Words{"boosts the whole immune system"});
  EXPECT_EQ(Matches(shape, "It boosts the body and then the immune system."), Words{});
}

TEST(ShapeMatcher, ASkippedOptionalElementLeavesItsGapToTheNext) {
  const Words shape = {"@pseudo.toxins ~2 (are|is)? released"};
  EXPECT_EQ(Matches(shape, "Trapped waste is gently released."), Words{"waste is gently released"});
  EXPECT_EQ(Matches(shape, "The toxins are released."), Words{"toxins are released"});
  EXPECT_EQ(Matches(shape, "The waste, they say, was never really released."), Words{});
}

TEST(ShapeMatcher, ShapesDoNotReachAcrossAClauseBreak) {
  const Words shape = {"@predicate.boost ~3 @function.immune"};
  EXPECT_EQ(Matches(shape, "It boosts energy; immunity is another matter."), Words{});
  EXPECT_EQ(Matches(shape, "It boosts (we think) immunity."), Words{});
}

TEST(ShapeMatcher, AlternativesMixWordsPhrasesAndClasses) {
  const Words shape = {"('works wonders'|@predicate.cure!|helps) ~1 for ~2 @condition.serious"};
  EXPECT_EQ(Matches(shape, "It works wonders for cancer."), Words{"works wonders for cancer"});
  EXPECT_EQ(Matches(shape, "It helps for bowel cancer."), Words{"helps for bowel cancer"});
  EXPECT_EQ(Matches(shape, "It works for cancer."), Words{});
}

TEST(ShapeMatcher, AnchorsAndReportedSpans) {
  EXPECT_EQ(Matches({"^ ~1 @predicate.cure!"}, "Simply cure it."), Words{"cure"});
  EXPECT_EQ(Matches({"^ ~1 @predicate.cure!"}, "Nothing here will cure it."), Words{});
  EXPECT_EQ(Matches({"ginger ~3 { @predicate.boost ~2 @function.immune }"},
                    "Ginger tea boosts immunity."),
            Words{"boosts immunity"});
}

TEST(ShapeMatcher, EachRuleMatchesLeftmostAndNonOverlapping) {
  EXPECT_EQ(Matches({"@predicate.boost ~2 @function.immune"},
                    "It boosts immunity and strengthens the immune system."),
            (Words{"boosts immunity", "strengthens the immune system"}));
}

TEST(ShapeMatcher, SeriousnessAndStrengthAreReported) {
  Rule rule;
  rule.id = "claim.test";
  rule.shapes = {"@predicate ~3 @condition"};
  auto lexicon = TestLexicon();
  auto matcher = ShapeMatcher::Build({rule}, *lexicon);
  ASSERT_TRUE(matcher.ok());
  ScannedText scanned;
  matcher.value()->Scan("It cures cancer.", &scanned);
  std::vector<ShapeMatch> found;
  matcher.value()->Match(scanned, &found);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found[0].serious);
  EXPECT_EQ(found[0].strength, 3);
  EXPECT_TRUE(found[0].finite_predicate);
  EXPECT_TRUE(matcher.value()->MentionsSerious(scanned));
}

TEST(ShapeMatcher, MalformedShapesAreErrors) {
  EXPECT_NE(BuildError("@no.such.class"), "");
  EXPECT_NE(BuildError("@predicate.boost ~9 @function.immune"), "");
  EXPECT_NE(BuildError("@predicate.boost ~2"), "");
  EXPECT_NE(BuildError("ginger? @predicate.boost"), "");
  EXPECT_NE(BuildError("~2 @predicate.boost"), "");
  EXPECT_NE(BuildError("(boost|"), "");
  EXPECT_EQ(BuildError("@predicate.boost ~2 @function.immune"), "");
}

}  // namespace
}  // namespace claimlint
