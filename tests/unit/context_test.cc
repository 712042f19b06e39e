// The context engine: built-in cue lists on sentences written for these
// tests, the scope mechanics on small cue files, and cue-file errors.
#include "lint/context/context.h"

#include <gtest/gtest.h>

#include <memory>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

namespace claimlint {

// Readable failure messages.
inline void PrintTo(Context c, std::ostream* os) { *os << ContextName(c); }

namespace {

// Classifies the first occurrence of `match` in `sentence`.
Context Classify(const ContextClassifier& cc, std::string_view sentence, std::string_view match,
                 std::string_view heading = "", bool in_blockquote = false,
                 bool blockquote_refuted = false) {
  const std::size_t at = sentence.find(match);
  EXPECT_NE(at, std::string_view::npos) << "'" << match << "' not in: " << sentence;
  ContextInput in;
  in.sentence = sentence;
  in.match_begin = at;
  in.match_end = at + match.size();
  in.section_heading = heading;
  in.in_blockquote = in_blockquote;
  in.blockquote_refuted = blockquote_refuted;
  return cc.Classify(in);
}

class BuiltinContextTest : public ::testing::Test {
 protected:
  Context Of(std::string_view sentence, std::string_view match, std::string_view heading = "") {
    return Classify(*cc_, sentence, match, heading);
  }
  std::shared_ptr<const ContextClassifier> cc_ = ContextClassifier::Builtin();
};

TEST(ContextNameTest, RoundTripsEveryContext) {
  for (Context c : {Context::kAsserted, Context::kNegated, Context::kHedged, Context::kReported,
                    Context::kQuestion, Context::kHypothetical}) {
    Context back = Context::kAsserted;
    ASSERT_TRUE(ParseContext(ContextName(c), &back)) << ContextName(c);
    EXPECT_EQ(back, c);
  }
  Context out = Context::kHedged;
  EXPECT_FALSE(ParseContext("denied", &out));
  EXPECT_FALSE(ParseContext("Negated", &out));
  EXPECT_EQ(out, Context::kHedged);
  EXPECT_EQ(ContextName(Context::kHypothetical), "hypothetical");
}

TEST_F(BuiltinContextTest, BuiltinIsLoadedOnce) {
  ASSERT_NE(cc_, nullptr);
  EXPECT_EQ(cc_.get(), ContextClassifier::Builtin().get());
}

TEST_F(BuiltinContextTest, PlainStatementIsAsserted) {
  EXPECT_EQ(Of("Ginger eases travel sickness.", "eases travel sickness"), Context::kAsserted);
  EXPECT_EQ(Of("Copper bracelets draw toxins out of the joints.", "draw toxins"),
            Context::kAsserted);
}

TEST_F(BuiltinContextTest, NegationBeforeTheMatch) {
  EXPECT_EQ(Of("Copper bracelets do not ease arthritis.", "ease arthritis"), Context::kNegated);
  EXPECT_EQ(Of("Copper bracelets never ease arthritis.", "ease arthritis"), Context::kNegated);
  EXPECT_EQ(Of("Neither bracelet eases arthritis.", "eases arthritis"), Context::kNegated);
  EXPECT_EQ(Of("The tea is unlikely to shrink tumours.", "shrink tumours"), Context::kNegated);
  EXPECT_EQ(Of("Trials failed to show that the tea shrinks tumours.", "shrinks tumours"),
            Context::kNegated);
  EXPECT_EQ(Of("None of the four trials showed that the green tea extract shrinks tumours.",
               "shrinks tumours"),
            Context::kNegated);
}

TEST_F(BuiltinContextTest, ContractionsWithStraightAndCurlyApostrophes) {
  EXPECT_EQ(Of("Copper bracelets don't ease arthritis.", "ease arthritis"), Context::kNegated);
  EXPECT_EQ(Of("Copper bracelets don\u2019t ease arthritis.", "ease arthritis"), Context::kNegated);
  EXPECT_EQ(Of("A bracelet can\u2019t ease arthritis.", "ease arthritis"), Context::kNegated);
  EXPECT_EQ(Of("A bracelet cannot ease arthritis.", "ease arthritis"), Context::kNegated);
  EXPECT_EQ(Of("The tea won't shrink tumours.", "shrink tumours"), Context::kNegated);
}

TEST_F(BuiltinContextTest, EvidenceRefutationReachesToTheClauseEnd) {
  EXPECT_EQ(Of("There is no reliable evidence that wearing a copper bracelet every day for "
               "months eases arthritis.",
               "eases arthritis"),
            Context::kNegated);
  EXPECT_EQ(Of("It is a myth that cold weather gives you a cold.", "gives you a cold"),
            Context::kNegated);
  EXPECT_EQ(Of("There is very little reliable evidence that wearing copper for a whole winter "
               "eases arthritis.",
               "eases arthritis"),
            Context::kNegated);
}

TEST_F(BuiltinContextTest, NegationAfterTheMatch) {
  EXPECT_EQ(Of("The idea that magnets cure insomnia is false.", "cure insomnia"),
            Context::kNegated);
  EXPECT_EQ(Of("That magnets cure insomnia has been debunked.", "cure insomnia"),
            Context::kNegated);
  EXPECT_EQ(Of("Reports that the drops restore eyesight are not supported by any trial.",
               "restore eyesight"),
            Context::kNegated);
}

TEST_F(BuiltinContextTest, NegationInsideTheMatchDoesNotCount) {
  EXPECT_EQ(Of("Unlike pills, the balm has no side effects.", "no side effects"),
            Context::kAsserted);
  EXPECT_EQ(Of("Unlike pills, the balm has no side effects.", "has no side effects"),
            Context::kAsserted);
  EXPECT_EQ(Of("The balm is free of side effects.", "free of side effects"), Context::kAsserted);
  // The same words outside the match still count for it.
  EXPECT_EQ(Of("The balm has no proven ability to heal scars.", "heal scars"), Context::kNegated);
}

TEST_F(BuiltinContextTest, EachTerminationEndsTheScope) {
  const std::vector<std::string> joins = {", but",           "; however,", ", although", ", though",
                                          ", yet",           ";",          ":",          " \u2014",
                                          ", nevertheless,", ", whereas",  " --"};
  for (const std::string& join : joins) {
    const std::string s = "Honey is not a cure for flu" + join + " it soothes a sore throat.";
    EXPECT_EQ(Of(s, "soothes a sore throat"), Context::kAsserted) << s;
    EXPECT_EQ(Of(s, "a cure for flu"), Context::kNegated) << s;
  }
  EXPECT_EQ(
      Of("Honey has no proven use except that it soothes a sore throat.", "soothes a sore throat"),
      Context::kAsserted);
}

TEST_F(BuiltinContextTest, ScopeReachesTheEndOfTheClauseThroughThatComplements) {
  // A negation or a hedge governs its whole clause, however long, including
  // a "that" complement...
  EXPECT_EQ(Of("No patient in the small pilot run at the seaside clinic last spring noticed "
               "that the oil calmed their nerves.",
               "calmed their nerves"),
            Context::kNegated);
  EXPECT_EQ(Of("These small and rather preliminary laboratory results suggest that the oil "
               "calms the nerves of anxious patients.",
               "calms the nerves"),
            Context::kHedged);
  // ...but not the next clause.
  EXPECT_EQ(Of("No patient in the pilot complained; the oil calmed their nerves.",
               "calmed their nerves"),
            Context::kAsserted);
  EXPECT_EQ(Of("It may feel odd at first, but the oil calms the nerves.", "calms the nerves"),
            Context::kAsserted);
}

TEST_F(BuiltinContextTest, TwoMatchesInOneSentence) {
  const std::string s = "Honey soothes a sore throat, but it does not cure flu.";
  EXPECT_EQ(Of(s, "soothes a sore throat"), Context::kAsserted);
  EXPECT_EQ(Of(s, "cure flu"), Context::kNegated);
}

TEST_F(BuiltinContextTest, PseudoTriggersAreNotNegations) {
  EXPECT_EQ(Of("Not only does the oil calm nerves, it heals burns.", "calm nerves"),
            Context::kAsserted);
  EXPECT_EQ(Of("Not only does the oil calm nerves, it heals burns.", "heals burns"),
            Context::kAsserted);
  EXPECT_EQ(Of("The oil doesn't just calm nerves, it heals burns.", "calm nerves"),
            Context::kAsserted);
  EXPECT_EQ(Of("No doubt the oil heals burns.", "heals burns"), Context::kAsserted);
  // A longer trigger that contains a pseudo-trigger wins: a denial.
  EXPECT_EQ(Of("You can't just rub the oil in to heal burns.", "heal burns"), Context::kNegated);
  EXPECT_EQ(Of("The oil cannot simply heal burns.", "heal burns"), Context::kNegated);
  EXPECT_EQ(Of("There is no question that the oil heals burns.", "heals burns"),
            Context::kAsserted);
  EXPECT_EQ(Of("It is not surprising that the oil heals burns.", "heals burns"),
            Context::kAsserted);
  EXPECT_EQ(Of("Few people realise it, but the oil heals burns.", "heals burns"),
            Context::kAsserted);
  EXPECT_EQ(Of("Many people do not realise that the oil heals burns.", "heals burns"),
            Context::kAsserted);
}

TEST_F(BuiltinContextTest, ClauseOpenerCommaEndsTheScope) {
  EXPECT_EQ(Of("Although there is no cure for eczema, the cream clears rashes.", "clears rashes"),
            Context::kAsserted);
  EXPECT_EQ(
      Of("Do not use the cream if you are pregnant, as it thins the blood.", "thins the blood"),
      Context::kAsserted);
  EXPECT_EQ(Of("While it may not suit everyone, the cream clears rashes.", "clears rashes"),
            Context::kAsserted);
  // A conditional that follows the claim does not make it hypothetical.
  EXPECT_EQ(Of("The cream, if used daily, clears rashes.", "clears rashes"), Context::kAsserted);
  EXPECT_EQ(Of("The cream clears rashes if used daily.", "clears rashes"), Context::kAsserted);
  // A fronted "without" phrase closes at its comma too.
  EXPECT_EQ(Of("Without a steroid, the cream clears rashes slowly.", "clears rashes"),
            Context::kAsserted);
}

TEST_F(BuiltinContextTest, Hedges) {
  EXPECT_EQ(Of("Peppermint oil may ease bloating.", "ease bloating"), Context::kHedged);
  EXPECT_EQ(Of("Peppermint oil might ease bloating in some adults.", "ease bloating"),
            Context::kHedged);
  EXPECT_EQ(Of("Small studies suggest peppermint oil eases bloating.", "eases bloating"),
            Context::kHedged);
  EXPECT_EQ(Of("Peppermint oil appears to ease bloating.", "ease bloating"), Context::kHedged);
  EXPECT_EQ(Of("There is limited evidence that peppermint oil eases bloating.", "eases bloating"),
            Context::kHedged);
  EXPECT_EQ(Of("It is not known whether peppermint oil eases bloating.", "eases bloating"),
            Context::kHedged);
  EXPECT_EQ(Of("Whether peppermint oil eases bloating remains unclear.", "eases bloating"),
            Context::kHedged);
  EXPECT_EQ(Of("Peppermint oil is not necessarily a cure for bloating.", "a cure for bloating"),
            Context::kHedged);
}

TEST_F(BuiltinContextTest, Hypotheticals) {
  EXPECT_EQ(
      Of("If the drops restored eyesight, every optician would sell them.", "restored eyesight"),
      Context::kHypothetical);
  EXPECT_EQ(Of("Even if the drops restored eyesight, the cost is too high.", "restored eyesight"),
            Context::kHypothetical);
  EXPECT_EQ(Of("Such drops would restore eyesight.", "restore eyesight"), Context::kHypothetical);
  EXPECT_EQ(Of("In theory, the drops restore eyesight.", "restore eyesight"),
            Context::kHypothetical);
}

TEST_F(BuiltinContextTest, ReportingCues) {
  EXPECT_EQ(Of("Some websites claim that the drops restore eyesight.", "restore eyesight"),
            Context::kReported);
  EXPECT_EQ(Of("The drops are marketed as a way to restore eyesight.", "restore eyesight"),
            Context::kReported);
  EXPECT_EQ(Of("The so-called eye tonic restores eyesight.", "restores eyesight"),
            Context::kReported);
  EXPECT_EQ(Of("The drops restore eyesight, their sellers say.", "restore eyesight"),
            Context::kReported);
  EXPECT_EQ(Of("According to its makers, the tonic restores eyesight.", "restores eyesight"),
            Context::kReported);
  EXPECT_EQ(Of("The tonic supposedly restores eyesight.", "restores eyesight"), Context::kReported);
  EXPECT_EQ(Of("The tonic is often said to restore eyesight.", "restore eyesight"),
            Context::kReported);
  EXPECT_EQ(Of("The maker says the tonic restores eyesight.", "restores eyesight"),
            Context::kReported);
  EXPECT_EQ(Of("The tonic restores eyesight, insist its fans.", "restores eyesight"),
            Context::kReported);
  // An authority named as the source is a citation for the citation checks,
  // not a report to discount.
  EXPECT_EQ(Of("According to the eye clinic, the tonic restores eyesight.", "restores eyesight"),
            Context::kAsserted);
}

TEST_F(BuiltinContextTest, QuotationMarks) {
  EXPECT_EQ(Of("\u201cThe tonic restores eyesight,\u201d the label reads.", "restores eyesight"),
            Context::kReported);
  EXPECT_EQ(Of("\"The tonic restores eyesight,\" the label reads.", "restores eyesight"),
            Context::kReported);
  EXPECT_EQ(Of("The label reads: \"restores eyesight in days\".", "restores eyesight"),
            Context::kReported);
  EXPECT_EQ(
      Of("The label promises \u2018restored eyesight\u2019 within a week.", "restored eyesight"),
      Context::kReported);
  EXPECT_EQ(Of("The label promises 'restored eyesight' within a week.", "restored eyesight"),
            Context::kReported);
  // A quotation that closes here but opened in the previous sentence.
  EXPECT_EQ(Of("It restores eyesight,\u201d the seller told us.", "restores eyesight"),
            Context::kReported);
  // Quotes elsewhere in the sentence do not cover the match.
  EXPECT_EQ(Of("The \"natural\" tonic restores eyesight.", "restores eyesight"),
            Context::kAsserted);
  // Apostrophes are not quotation marks.
  EXPECT_EQ(Of("The tonic\u2019s makers\u2019 formula restores eyesight.", "restores eyesight"),
            Context::kAsserted);
  EXPECT_EQ(
      Of("Doctors' advice aside, the tonic's formula restores eyesight.", "restores eyesight"),
      Context::kAsserted);
}

TEST_F(BuiltinContextTest, Questions) {
  EXPECT_EQ(Of("Can a tonic restore eyesight?", "restore eyesight"), Context::kQuestion);
  EXPECT_EQ(Of("Does a tonic not restore eyesight?", "restore eyesight"), Context::kQuestion);
  EXPECT_EQ(Of("(Can a tonic restore eyesight?)", "restore eyesight"), Context::kQuestion);
  EXPECT_EQ(Of("\u201cCan it restore eyesight?\u201d  ", "restore eyesight"), Context::kQuestion);
  // Only the question itself: the paragraph under a question heading is not one.
  EXPECT_EQ(
      Of("The tonic restores eyesight.", "restores eyesight", "Can a tonic restore eyesight?"),
      Context::kAsserted);
}

TEST_F(BuiltinContextTest, MythSections) {
  EXPECT_EQ(Of("The tonic restores eyesight.", "restores eyesight", "Five myths about eye care"),
            Context::kReported);
  EXPECT_EQ(Of("The tonic restores eyesight.", "restores eyesight", "Common misconceptions"),
            Context::kReported);
  EXPECT_EQ(Of("Myth 2: the tonic restores eyesight.", "restores eyesight"), Context::kReported);
  EXPECT_EQ(Of("Myth \u2014 the tonic restores eyesight.", "restores eyesight"),
            Context::kReported);
  EXPECT_EQ(Of("The tonic restores eyesight.", "restores eyesight", "Caring for your eyes"),
            Context::kAsserted);
  // A myth mentioned later in the sentence is no label.
  EXPECT_EQ(Of("Eye drops restore eyesight, and that is no myth.", "restore eyesight"),
            Context::kAsserted);
}

TEST_F(BuiltinContextTest, RefutedBlockquote) {
  const std::string s = "This tonic restored my eyesight in a week.";
  EXPECT_EQ(Classify(*cc_, s, "restored my eyesight", "", true, true), Context::kReported);
  EXPECT_EQ(Classify(*cc_, s, "restored my eyesight", "", true, false), Context::kAsserted);
  EXPECT_EQ(Classify(*cc_, s, "restored my eyesight", "", false, false), Context::kAsserted);
}

TEST_F(BuiltinContextTest, Precedence) {
  // question > refuting negation > reported > negated > hypothetical > hedged
  EXPECT_EQ(Of("Do sellers claim the tonic restores eyesight?", "restores eyesight"),
            Context::kQuestion);
  EXPECT_EQ(Of("Claims that the tonic restores eyesight are false.", "restores eyesight"),
            Context::kNegated);
  EXPECT_EQ(Of("Sellers claim the tonic does not sting.", "sting"), Context::kReported);
  EXPECT_EQ(Of("The tonic may not restore eyesight.", "restore eyesight"), Context::kNegated);
  EXPECT_EQ(Of("If the tonic could restore eyesight, we would know.", "restore eyesight"),
            Context::kHypothetical);
}

TEST_F(BuiltinContextTest, Refutations) {
  for (const char* s : {"This is false.", "That is a myth.", "There is no evidence for this.",
                        "This claim is not true.", "Not true.", "That\u2019s simply untrue.",
                        "The idea has been debunked.", "Research does not support this."}) {
    EXPECT_TRUE(cc_->IsRefutation(s)) << s;
  }
  for (const char* s :
       {"It is not a myth.", "This is not false.", "Is this a myth?",
        "The tonic restores eyesight.", "",
        "Many readers wrote to us after the last issue to ask whether the claims made on the "
        "label of the tonic are false."}) {
    EXPECT_FALSE(cc_->IsRefutation(s)) << s;
  }
}

TEST_F(BuiltinContextTest, HasCueReadsTheWholeSentence) {
  EXPECT_TRUE(cc_->HasCue("Zinc may shorten a cold.", Context::kHedged));
  EXPECT_FALSE(cc_->HasCue("Zinc shortens a cold.", Context::kHedged));
  EXPECT_TRUE(cc_->HasCue("Zinc does not shorten a cold.", Context::kNegated));
  EXPECT_FALSE(cc_->HasCue("Not only is zinc cheap, it shortens a cold.", Context::kNegated));
  EXPECT_FALSE(cc_->HasCue("Zinc may shorten a cold.", Context::kAsserted));
}

TEST_F(BuiltinContextTest, OddInputsDoNotBreakIt) {
  ContextInput in;
  EXPECT_EQ(cc_->Classify(in), Context::kAsserted);
  in.sentence = "Zinc does not shorten a cold.";
  in.match_begin = 500;
  in.match_end = 900;
  EXPECT_EQ(cc_->Classify(in), Context::kNegated);  // clamped to the end: after "not"
  in.match_begin = 20;
  in.match_end = 10;  // reversed: treated as empty
  EXPECT_NE(cc_->Classify(in), Context::kQuestion);
  in.sentence = std::string_view("\xff\xfe not \xe2\x80 cure", 14);
  in.match_begin = 9;
  in.match_end = 14;
  (void)cc_->Classify(in);  // invalid UTF-8: any answer, no crash
}

TEST_F(BuiltinContextTest, SafeToShareAcrossThreads) {
  auto work = [this](int* wrong) {
    for (int i = 0; i < 2000; ++i) {
      if (Of("Zinc does not shorten a cold, but it is cheap.", "shorten a cold") !=
          Context::kNegated) {
        ++*wrong;
      }
      if (Of("Zinc may shorten a cold.", "shorten a cold") != Context::kHedged) ++*wrong;
    }
  };
  int wrong1 = 0, wrong2 = 0;
  std::thread t1(work, &wrong1), t2(work, &wrong2);
  t1.join();
  t2.join();
  EXPECT_EQ(wrong1 + wrong2, 0);
}

// --- scope mechanics, on small cue files --------------------------------

constexpr const char* kMiniCues = R"(cues:
  termination: [but, ";"]
  clause_openers: [although]
  pseudo: ["nah then"]
  triggers:
    - context: negated
      direction: forward
      window: 2
      phrases: [nah, "{never|not} {ever|}"]
    - context: negated
      direction: backward
      window: 1
      phrases: ["is bunk"]
    - context: reported
      direction: forward
      window: 0
      phrases: [rumour]
    - context: negated
      direction: backward
      window: 0
      refutes: true
      phrases: ["is a lie"]
  refutation:
    max_words: 3
    phrases: [lie]
  myth_headings: [legend]
)";

class MiniCuesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto loaded = ContextClassifier::FromYaml(kMiniCues, "mini.yaml");
    ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
    cc_ = loaded.value();
  }
  Context Of(std::string_view sentence, std::string_view match, std::string_view heading = "") {
    return Classify(*cc_, sentence, match, heading);
  }
  std::shared_ptr<const ContextClassifier> cc_;
};

TEST_F(MiniCuesTest, WindowCountsWordsNotPunctuation) {
  EXPECT_EQ(Of("nah a b TARGET", "TARGET"), Context::kNegated);
  EXPECT_EQ(Of("nah a, b, TARGET", "TARGET"), Context::kNegated);
  EXPECT_EQ(Of("nah a b c TARGET", "TARGET"), Context::kAsserted);
  EXPECT_EQ(Of("TARGET is bunk", "TARGET"), Context::kNegated);
  EXPECT_EQ(Of("TARGET x is bunk", "TARGET"), Context::kNegated);
  EXPECT_EQ(Of("TARGET x y is bunk", "TARGET"), Context::kAsserted);
}

TEST_F(MiniCuesTest, DirectionMatters) {
  EXPECT_EQ(Of("TARGET nah", "TARGET"), Context::kAsserted);
  EXPECT_EQ(Of("is bunk TARGET", "TARGET"), Context::kAsserted);
}

TEST_F(MiniCuesTest, BracesExpandToEachAlternative) {
  EXPECT_EQ(Of("never TARGET", "TARGET"), Context::kNegated);
  EXPECT_EQ(Of("not ever a TARGET", "TARGET"), Context::kNegated);
  EXPECT_EQ(Of("ever a TARGET", "TARGET"), Context::kAsserted);
}

TEST_F(MiniCuesTest, TerminationAndPseudo) {
  EXPECT_EQ(Of("nah but TARGET", "TARGET"), Context::kAsserted);
  EXPECT_EQ(Of("nah; TARGET", "TARGET"), Context::kAsserted);
  EXPECT_EQ(Of("nah then TARGET", "TARGET"), Context::kAsserted);
  EXPECT_EQ(Of("rumour has it, a b c d e f TARGET", "TARGET"), Context::kReported);
  EXPECT_EQ(Of("rumour has it but TARGET", "TARGET"), Context::kAsserted);
}

TEST_F(MiniCuesTest, OpenerCommaIsABarrierOnlyAfterAnOpener) {
  EXPECT_EQ(Of("rumour, TARGET", "TARGET"), Context::kReported);
  EXPECT_EQ(Of("although rumour, TARGET", "TARGET"), Context::kAsserted);
  EXPECT_EQ(Of("rumour although x, TARGET", "TARGET"), Context::kAsserted);
}

TEST_F(MiniCuesTest, RefutingCueOutranksReporting) {
  EXPECT_EQ(Of("rumour: TARGET", "TARGET"), Context::kReported)
      << "':' ends scopes only when the file lists it as a termination";
  EXPECT_EQ(Of("rumour TARGET is bunk", "TARGET"), Context::kReported);
  EXPECT_EQ(Of("rumour TARGET is a lie", "TARGET"), Context::kNegated);
}

TEST_F(MiniCuesTest, HeadingsAndRefutationUseTheirOwnLists) {
  EXPECT_EQ(Of("TARGET", "TARGET", "A local legend"), Context::kReported);
  EXPECT_EQ(Of("TARGET", "TARGET", "Five myths"), Context::kAsserted);
  EXPECT_TRUE(cc_->IsRefutation("A lie."));
  EXPECT_FALSE(cc_->IsRefutation("That is a lie."));  // max_words: 3
  EXPECT_FALSE(cc_->IsRefutation("This is false."));
}

// --- loading errors -------------------------------------------------------

Error LoadError(const std::string& yaml) {
  auto loaded = ContextClassifier::FromYaml(yaml, "cues.yaml");
  EXPECT_FALSE(loaded.ok()) << yaml;
  return loaded.ok() ? Error{} : loaded.error();
}

std::string WithTrigger(const std::string& group) {
  return "cues:\n"
         "  termination: [but]\n"
         "  clause_openers: [if]\n"
         "  pseudo: [\"not only\"]\n"
         "  triggers:\n" +
         group +
         "  refutation: {max_words: 5, phrases: [false]}\n"
         "  myth_headings: [myth]\n";
}

TEST(ContextLoadTest, MiniFileShapeLoads) {
  auto loaded = ContextClassifier::FromYaml(
      WithTrigger("    - {context: hedged, direction: forward, window: 3, phrases: [may]}\n"),
      "cues.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
}

TEST(ContextLoadTest, YamlSyntaxErrorHasLineAndColumn) {
  Error e = LoadError("cues:\n  termination: [but\n  pseudo: x\n");
  EXPECT_EQ(e.file, "cues.yaml");
  EXPECT_GT(e.line, 0);
  EXPECT_GT(e.column, 0);
  EXPECT_EQ(e.ToString().rfind("cues.yaml:", 0), 0u) << e.ToString();
}

TEST(ContextLoadTest, UnknownKeyIsLocated) {
  Error e = LoadError(WithTrigger(
      "    - {context: hedged, direction: forward, window: 3, phrases: [may], scope: 2}\n"));
  EXPECT_EQ(e.line, 6);
  EXPECT_NE(e.message.find("scope"), std::string::npos) << e.message;
  EXPECT_EQ(e.ToString().rfind("cues.yaml:6:", 0), 0u) << e.ToString();
}

TEST(ContextLoadTest, BadValuesAreLocated) {
  Error bad_context = LoadError(
      WithTrigger("    - {context: asserted, direction: forward, window: 3, phrases: [may]}\n"));
  EXPECT_EQ(bad_context.line, 6);
  EXPECT_EQ(bad_context.column, 17);
  Error bad_direction = LoadError(
      WithTrigger("    - {context: hedged, direction: sideways, window: 3, phrases: [may]}\n"));
  EXPECT_EQ(bad_direction.line, 6);
  EXPECT_NE(bad_direction.message.find("direction"), std::string::npos);
  Error bad_window = LoadError(
      WithTrigger("    - {context: hedged, direction: forward, window: -1, phrases: [may]}\n"));
  EXPECT_NE(bad_window.message.find("window"), std::string::npos);
  Error not_string = LoadError(
      WithTrigger("    - {context: hedged, direction: forward, window: 1, phrases: [[may]]}\n"));
  EXPECT_EQ(not_string.line, 6);
}

TEST(ContextLoadTest, PhraseProblems) {
  EXPECT_NE(LoadError(WithTrigger("    - {context: hedged, direction: forward, window: 1, "
                                  "phrases: [may, May]}\n"))
                .message.find("duplicate"),
            std::string::npos);
  EXPECT_NE(LoadError(WithTrigger("    - {context: hedged, direction: forward, window: 1, "
                                  "phrases: [\"{may|might\"]}\n"))
                .message.find("unbalanced"),
            std::string::npos);
  EXPECT_NE(LoadError(WithTrigger("    - {context: hedged, direction: forward, window: 1, "
                                  "phrases: [\"  \"]}\n"))
                .message.find("empty"),
            std::string::npos);
  // The same words in two groups of the same direction are ambiguous.
  Error twice = LoadError(WithTrigger(
      "    - {context: hedged, direction: forward, window: 1, phrases: [may]}\n"
      "    - {context: negated, direction: forward, window: 1, phrases: [\"{may|not}\"]}\n"));
  EXPECT_EQ(twice.line, 7);
  EXPECT_NE(twice.message.find("already"), std::string::npos);
  // ... but not in opposite directions.
  EXPECT_TRUE(ContextClassifier::FromYaml(
                  WithTrigger("    - {context: hedged, direction: forward, window: 1, "
                              "phrases: [may]}\n"
                              "    - {context: hedged, direction: backward, window: 1, "
                              "phrases: [may]}\n"),
                  "cues.yaml")
                  .ok());
}

TEST(ContextLoadTest, StructureProblems) {
  EXPECT_NE(LoadError("rules: []\n").message.find("cues"), std::string::npos);
  EXPECT_NE(LoadError("cues:\n  termination: [but]\n").message.find("missing"), std::string::npos);
  Error version = LoadError("cues:\n  version: 2\n");
  EXPECT_EQ(version.line, 2);
  EXPECT_EQ(version.column, 12);
  Error extra = LoadError("cues: {}\npack: x\n");
  EXPECT_EQ(extra.line, 2);
  EXPECT_EQ(LoadError("").line, 0);  // nothing to point at
}

}  // namespace
}  // namespace claimlint
