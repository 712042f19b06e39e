// Lexicons: the README's inflection rules, normalisation, class references,
// load errors, and parity with tools/check_lexicons.py over every built-in
// form (the checker and the engine must agree on what a term matches).
#include "lint/rules/lexicon.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <set>

#include "tests/unit/test_support.h"

namespace claimlint {
namespace {

using Forms = std::vector<std::string>;

TEST(Lexicon, InflectsPlainTermsAsTheReadmeSays) {
  EXPECT_EQ(InflectTerm("cure", "verb"), (Forms{"cure", "cures", "cured", "curing"}));
  EXPECT_EQ(InflectTerm("flush", "verb"), (Forms{"flush", "flushes", "flushed", "flushing"}));
  EXPECT_EQ(InflectTerm("free", "verb"), (Forms{"free", "frees", "freed", "freeing"}));
  EXPECT_EQ(InflectTerm("draw out", "verb"),
            (Forms{"draw out", "draws out", "drawed out", "drawing out"}));
  EXPECT_EQ(InflectTerm("remedy", "noun"), (Forms{"remedy", "remedies"}));
  EXPECT_EQ(InflectTerm("heavy metal", "noun"), (Forms{"heavy metal", "heavy metals"}));
  EXPECT_EQ(InflectTerm("rash", "noun"), (Forms{"rash", "rashes"}));
  EXPECT_EQ(InflectTerm("day", "noun"), (Forms{"day", "days"}));
  EXPECT_EQ(InflectTerm("immune boosting", "adj"), (Forms{"immune boosting"}));
}

TEST(Lexicon, NormalisesCaseApostrophesHyphensAndSpaces) {
  EXPECT_EQ(NormalizeLexiconText("Immune-Boosting"), "immune boosting");
  EXPECT_EQ(NormalizeLexiconText("  body\xE2\x80\x99s   natural  defences "), "body's natural defences");
  EXPECT_EQ(NormalizeLexiconText("Sj\xC3\xB6gren's"), "sj\xC3\xB6gren's");
}

TEST(Lexicon, ReferencesNameAClassAndItsSubclasses) {
  auto lex = Lexicon::Load({{"a.yaml", R"(lexicon: a
sources: [x]
classes:
  predicate.cure: {description: d, pos: verb, attributes: {strength: 3}, terms: [cure]}
  predicate.cure.noun: {description: d, pos: noun, terms: [remedy]}
  predicate.curious: {description: d, terms: [odd]}
)"}});
  ASSERT_TRUE(lex.ok()) << lex.error().ToString();
  std::vector<std::string> names;
  for (const LexiconClass* c : lex.value()->Matching("predicate.cure")) names.push_back(c->name);
  EXPECT_EQ(names, (Forms{"predicate.cure", "predicate.cure.noun"}));
  EXPECT_EQ(lex.value()->Find("predicate.cure")->strength(), 3);
  EXPECT_EQ(lex.value()->Find("predicate.cure.noun")->forms, (Forms{"remedies", "remedy"}));
  EXPECT_EQ(lex.value()->Find("nothing"), nullptr);
}

TEST(Lexicon, MalformedFilesAreLocatedErrors) {
  auto dup = Lexicon::Load({{"a.yaml", "lexicon: a\nsources: [x]\nclasses:\n  c.x: {terms: [a]}\n"},
                            {"b.yaml", "lexicon: b\nsources: [x]\nclasses:\n  c.x: {terms: [b]}\n"}});
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().file, "b.yaml");
  EXPECT_EQ(dup.error().line, 4);
  EXPECT_NE(dup.error().message.find("already defined in a.yaml"), std::string::npos);
  auto pos = Lexicon::Load({{"a.yaml", "lexicon: a\nsources: [x]\nclasses:\n  c.x:\n    pos: adverb\n    terms: [a]\n"}});
  ASSERT_FALSE(pos.ok());
  EXPECT_EQ(pos.error().line, 5);
  auto sources = Lexicon::Load({{"a.yaml", "lexicon: a\nclasses:\n  c.x: {terms: [a]}\n"}});
  ASSERT_FALSE(sources.ok());
  EXPECT_NE(sources.error().message.find("sources"), std::string::npos);
  auto empty = Lexicon::Load({{"a.yaml", "lexicon: a\nsources: [x]\nclasses:\n  c.x: {terms: []}\n"}});
  ASSERT_FALSE(empty.ok());
}

TEST(Lexicon, BuiltinFormsMatchTheChecker) {
  std::string cmd = "python3 " + testing::SourceDir() + "/tools/check_lexicons.py --dump-forms " +
                    testing::SourceDir() + "/rules/lexicons 2>/dev/null";
  FILE* pipe = popen(cmd.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string out;
  char buf[65536];
  for (std::size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  int status = pclose(pipe);
  if (status != 0 || out.empty()) GTEST_SKIP() << "python3 with PyYAML is not available";
  std::set<std::string> python;
  for (std::size_t p = 0, e; p < out.size(); p = e + 1) {
    e = out.find('\n', p);
    if (e == std::string::npos) e = out.size();
    if (e > p) python.insert(out.substr(p, e - p));
  }
  std::set<std::string> cpp;
  for (const LexiconClass& c : Lexicon::Builtin()->classes()) {
    for (const std::string& f : c.forms) cpp.insert(c.name + "\t" + f);
  }
  std::vector<std::string> only_python, only_cpp;
  std::set_difference(python.begin(), python.end(), cpp.begin(), cpp.end(),
                      std::back_inserter(only_python));
  std::set_difference(cpp.begin(), cpp.end(), python.begin(), python.end(),
                      std::back_inserter(only_cpp));
  EXPECT_TRUE(only_python.empty()) << only_python.size() << " forms only the checker has, e.g. "
                                   << only_python.front();
  EXPECT_TRUE(only_cpp.empty()) << only_cpp.size() << " forms only the engine has, e.g. "
                                << (only_cpp.empty() ? "" : only_cpp.front());
  EXPECT_GT(cpp.size(), 10000u);
}

}  // namespace
}  // namespace claimlint
