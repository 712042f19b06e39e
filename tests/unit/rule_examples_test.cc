// Runs every built-in rule's examples: each `fire` example must produce a
// finding of that rule, each `pass` example must not.
#include <gtest/gtest.h>

#include "tests/unit/test_support.h"

namespace claimlint {
namespace {

using testing::BuiltinRuleSet;
using testing::ExampleLinter;

std::vector<std::string> RuleIds() {
  std::vector<std::string> ids;
  for (const Rule& r : BuiltinRuleSet()->rules()) ids.push_back(r.id);
  return ids;
}

std::string Describe(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) {
    out += "  " + f.rule + " [" + f.context + "] '" + f.excerpt + "'\n";
  }
  return out.empty() ? "  (no findings)\n" : out;
}

class RuleExamples : public ::testing::TestWithParam<std::string> {};

TEST_P(RuleExamples, FireAndPass) {
  const RuleSet& rules = *BuiltinRuleSet();
  const Rule& rule = rules.rules()[rules.Find(GetParam())];
  auto fires = [&](const std::string& text, std::vector<Finding>* all) {
    FileReport r = ExampleLinter().Lint("example.md", text);
    *all = r.findings;
    return std::any_of(all->begin(), all->end(), [&](const Finding& f) { return f.rule == rule.id; });
  };
  std::vector<Finding> all;
  for (const std::string& ex : rule.examples_fire) {
    EXPECT_TRUE(fires(ex, &all)) << rule.id << " should fire on:\n" << ex << "\nfound:\n"
                                 << Describe(all);
  }
  for (const std::string& ex : rule.examples_pass) {
    EXPECT_FALSE(fires(ex, &all)) << rule.id << " should not fire on:\n" << ex << "\nfound:\n"
                                  << Describe(all);
  }
}

std::string TestName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name;
  for (char c : info.param) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Builtin, RuleExamples, ::testing::ValuesIn(RuleIds()), TestName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(RuleExamples);

}  // namespace
}  // namespace claimlint
