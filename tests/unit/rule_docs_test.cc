#include "lint/report/rule_docs.h"

#include <gtest/gtest.h>

#include "lint/checks/registry.h"
#include "lint/rules/pack_loader.h"

namespace claimlint {
namespace {

Rule WithMessage(std::string message) {
  Rule r;
  r.id = "test.rule";
  r.message = std::move(message);
  return r;
}

TEST(RuleDocs, TitlesPutPlaceholdersInWords) {
  EXPECT_EQ(RuleTitle(WithMessage("'{match}' does not say which guideline{likely}.")),
            "The wording does not say which guideline.");
  EXPECT_EQ(RuleTitle(WithMessage("'{match}' states as established what {entry} only "
                                  "suggests: \"{quote}\"")),
            "The wording states as established what a reference only suggests");
  EXPECT_EQ(RuleTitle(WithMessage("'{match}' does not match {entry}, published in {detail}.")),
            "The wording does not match a reference.");
  EXPECT_EQ(RuleTitle(WithMessage("One sentence. Then another.")), "One sentence.");
  std::string long_message(150, 'a');
  for (std::size_t i = 7; i < long_message.size(); i += 8) long_message[i] = ' ';
  std::string title = RuleTitle(WithMessage(long_message));
  EXPECT_LE(title.size(), 100u + 2);  // 100 characters; the ellipsis is 3 bytes
  EXPECT_EQ(title.substr(title.size() - 3), "\xE2\x80\xA6");
}

// Every built-in rule: a short title without placeholders, and a page.
TEST(RuleDocs, EveryBuiltinRuleHasAShortPlainTitle) {
  auto loaded = LoadBuiltinRules(BuiltinChecks());
  ASSERT_TRUE(loaded.ok());
  ASSERT_GT(loaded.value().size(), 100u);
  for (const Rule& r : loaded.value()) {
    std::string title = RuleTitle(r);
    std::size_t chars = 0;
    for (unsigned char c : title) chars += (c & 0xC0) != 0x80;
    EXPECT_LE(chars, 100u) << r.id << ": " << title;
    EXPECT_EQ(title.find('{'), std::string::npos) << r.id << ": " << title;
    EXPECT_EQ(title.find('}'), std::string::npos) << r.id << ": " << title;
    EXPECT_FALSE(title.empty()) << r.id;
    std::string page = RuleMarkdown(r);
    EXPECT_EQ(page.rfind("# " + r.id + "\n", 0), 0u) << r.id;
  }
}

}  // namespace
}  // namespace claimlint
