// The corpus runner: every article under corpus/ carries its expected
// findings inline, and is linted through the real command line:
//   <!-- expect: RULE[, RULE...] -->  each listed rule has a finding starting
//                                     on the next non-blank line (repeat a
//                                     rule for several findings)
//   <!-- ok: RULE[, RULE...] -->      none of these rules (`*`: no rule) fires there
// (in front matter, "# expect: RULE" and "# ok: RULE" YAML comments)
// A finding that no expectation names fails the test too.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <sstream>
#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "tests/unit/test_support.h"

namespace claimlint {
namespace {

namespace fs = std::filesystem;

struct Expectations {
  std::map<int, std::multiset<std::string>> expect;  // line -> rules
  std::map<int, std::set<std::string>> ok;           // line -> rules ("*" = all)
};

Expectations ParseExpectations(const std::string& text) {
  Expectations out;
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      std::string line = text.substr(start, i - start);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines.push_back(line);
      start = i + 1;
    }
  }
  static const std::regex kDirective(R"(^\s*<!--\s*(expect|ok):\s*(.*?)\s*-->\s*$)");
  // Inside front matter, YAML comments carry expectations: "# expect: RULE".
  static const std::regex kYamlDirective(R"(^\s*#\s*(expect|ok):\s*(.*?)\s*$)");
  std::size_t front_matter_end = 0;
  if (!lines.empty() && lines[0] == "---") {
    for (std::size_t i = 1; i < lines.size(); ++i) {
      if (lines[i] == "---" || lines[i] == "...") {
        front_matter_end = i;
        break;
      }
    }
  }
  std::vector<std::pair<std::string, std::string>> pending;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::smatch m;
    if (std::regex_match(lines[i], m, kDirective) ||
        (i < front_matter_end && std::regex_match(lines[i], m, kYamlDirective))) {
      pending.emplace_back(m[1], m[2]);
      continue;
    }
    bool blank = lines[i].find_first_not_of(" \t") == std::string::npos;
    if (blank || pending.empty()) continue;
    int line = static_cast<int>(i) + 1;
    for (const auto& [kind, list] : pending) {
      std::stringstream ss(list);
      std::string rule;
      while (std::getline(ss, rule, ',')) {
        rule.erase(0, rule.find_first_not_of(" \t"));
        rule.erase(rule.find_last_not_of(" \t") + 1);
        if (rule.empty()) continue;
        if (kind == "expect") {
          out.expect[line].insert(rule);
        } else {
          out.ok[line].insert(rule);
        }
      }
    }
    pending.clear();
  }
  return out;
}

struct Actual {
  std::string rule;
  int line;
  std::string excerpt;
};

std::vector<Actual> LintWithCli(const std::string& path) {
  // A fixed "today" keeps review-age findings stable as the years pass.
  std::string cmd = std::string("CLAIMLINT_TODAY=2026-11-25 '") + CLAIMLINT_BINARY + "' --format json --fail-on never '" +
                    path + "' 2>/dev/null";
  std::string out;
  if (FILE* p = popen(cmd.c_str(), "r")) {
    char buf[65536];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    pclose(p);
  }
  std::vector<Actual> findings;
  auto json = nlohmann::json::parse(out, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.contains("files")) {
    ADD_FAILURE() << "claimlint did not produce a JSON report for " << path << ":\n" << out;
    return findings;
  }
  for (const auto& file : json["files"]) {
    for (const auto& f : file["findings"]) {
      findings.push_back({f["rule"].get<std::string>(), f["line"].get<int>(),
                          f["excerpt"].get<std::string>()});
    }
  }
  return findings;
}

std::vector<std::string> CorpusFiles() {
  std::vector<std::string> files;
  fs::path root = fs::path(testing::SourceDir()) / "corpus";
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec); it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (ec) break;
    std::string ext = it->path().extension().string();
    std::string name = it->path().filename().string();
    if (!it->is_regular_file() || name == "README.md") continue;
    if (ext == ".md" || ext == ".markdown" || ext == ".txt") {
      files.push_back(fs::relative(it->path(), testing::SourceDir()).string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

class Corpus : public ::testing::TestWithParam<std::string> {};

TEST_P(Corpus, FindingsMatchInlineExpectations) {
  std::string path = testing::SourceDir() + "/" + GetParam();
  Expectations exp = ParseExpectations(testing::ReadAll(path));
  std::vector<Actual> actual = LintWithCli(path);
  std::map<int, std::multiset<std::string>> found;
  for (const Actual& a : actual) found[a.line].insert(a.rule);
  for (const auto& [line, rules] : exp.expect) {
    for (const std::string& rule : std::set<std::string>(rules.begin(), rules.end())) {
      std::size_t want = rules.count(rule);
      std::size_t got = found.count(line) ? found[line].count(rule) : 0;
      EXPECT_EQ(got, want) << GetParam() << ":" << line << ": expected " << want << " x " << rule
                           << ", found " << got;
    }
  }
  for (const auto& [line, rules] : exp.ok) {
    if (!found.count(line)) continue;
    for (const std::string& rule : found[line]) {
      EXPECT_FALSE(rules.count("*") || rules.count(rule))
          << GetParam() << ":" << line << ": " << rule << " must not fire here";
    }
  }
  for (const Actual& a : actual) {
    bool expected = exp.expect.count(a.line) && exp.expect[a.line].count(a.rule);
    bool explicitly_ok = exp.ok.count(a.line) &&
                         (exp.ok[a.line].count("*") || exp.ok[a.line].count(a.rule));
    if (!expected && !explicitly_ok) {
      ADD_FAILURE() << GetParam() << ":" << a.line << ": unexpected " << a.rule << " on '"
                    << a.excerpt << "'";
    }
  }
}

std::string TestName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name;
  for (char c : info.param) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Articles, Corpus, ::testing::ValuesIn(CorpusFiles()), TestName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Corpus);

// Not a pass/fail test: prints precision and recall per category over the
// whole corpus (expected findings are the truth).
TEST(CorpusMetrics, PrecisionAndRecallByCategory) {
  std::map<std::string, std::array<int, 3>> counts;  // tp, fp, fn
  for (const std::string& rel : CorpusFiles()) {
    std::string path = testing::SourceDir() + "/" + rel;
    Expectations exp = ParseExpectations(testing::ReadAll(path));
    std::map<int, std::multiset<std::string>> remaining = exp.expect;
    for (const Actual& a : LintWithCli(path)) {
      std::string cat = a.rule.substr(0, a.rule.find('.'));
      auto it = remaining.find(a.line);
      if (it != remaining.end() && it->second.count(a.rule)) {
        it->second.erase(it->second.find(a.rule));
        ++counts[cat][0];
      } else {
        ++counts[cat][1];
      }
    }
    for (const auto& [line, rules] : remaining) {
      for (const std::string& r : rules) ++counts[r.substr(0, r.find('.'))][2];
    }
  }
  for (const auto& [cat, c] : counts) {
    double p = c[0] + c[1] ? 1.0 * c[0] / (c[0] + c[1]) : 1.0;
    double r = c[0] + c[2] ? 1.0 * c[0] / (c[0] + c[2]) : 1.0;
    std::printf("corpus %-10s tp=%d fp=%d fn=%d precision=%.3f recall=%.3f\n", cat.c_str(), c[0],
                c[1], c[2], p, r);
  }
}

}  // namespace
}  // namespace claimlint
