#include "lint/document/sentence_splitter.h"

#include <gtest/gtest.h>

namespace claimlint {
namespace {

std::vector<std::string> Split(std::string_view text) {
  std::vector<std::string> out;
  for (const SentenceSpan& s : SplitSentences(text)) {
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

TEST(Sentences, SplitsAtTerminators) {
  EXPECT_EQ(Split("It works. Does it? Yes! Fine."),
            (std::vector<std::string>{"It works.", "Does it?", "Yes!", "Fine."}));
}

TEST(Sentences, KeepsAbbreviations) {
  EXPECT_EQ(Split("Lee et al. found it. Use e.g. ginger, i.e. a root. Ask Dr. Patel. "
                  "Compare A vs. B today. It costs approx. 5 pounds.").size(),
            5u);
}

TEST(Sentences, KeepsInitialsDecimalsAndNumbers) {
  EXPECT_EQ(Split("J. Smith took 2.5 mg daily. See No. 5 in the U.K. list."),
            (std::vector<std::string>{"J. Smith took 2.5 mg daily.",
                                      "See No. 5 in the U.K. list."}));
}

TEST(Sentences, NoSplitInsideBrackets) {
  EXPECT_EQ(Split("It helps (see Fig. 2. Also A. Jones). Then more. Cited [1. Two]. End."),
            (std::vector<std::string>{"It helps (see Fig. 2. Also A. Jones).", "Then more.",
                                      "Cited [1. Two].", "End."}));
}

TEST(Sentences, ClosingQuotes) {
  EXPECT_EQ(Split("He said \"it cures.\" Then left. She wrote \xE2\x80\x9Cno.\xE2\x80\x9D Done."),
            (std::vector<std::string>{"He said \"it cures.\"", "Then left.",
                                      "She wrote \xE2\x80\x9Cno.\xE2\x80\x9D", "Done."}));
}

TEST(Sentences, LowercaseAfterDotDoesNotSplit) {
  EXPECT_EQ(Split("Take it at 9 a.m. every day. Fine.").size(), 2u);
}

TEST(Sentences, TrimsAndHandlesEmpty) {
  EXPECT_TRUE(Split("").empty());
  EXPECT_TRUE(Split("   ").empty());
  EXPECT_EQ(Split("  One.  Two.  "), (std::vector<std::string>{"One.", "Two."}));
}

}  // namespace
}  // namespace claimlint
