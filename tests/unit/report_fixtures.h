// Builders shared by the report writer tests.
#pragma once

#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "lint/report/report.h"
#include "lint/rules/rule_set.h"

namespace claimlint::report_testing {

inline Finding MakeFinding(std::string rule, Severity severity, int line, int column, int end_line,
                           int end_column, Category category = Category::kClaim) {
  Finding f;
  f.rule = std::move(rule);
  f.category = category;
  f.severity = severity;
  f.message = "Finding of " + f.rule + ".";
  f.line = line;
  f.column = column;
  f.end_line = end_line;
  f.end_column = end_column;
  f.context = f.category == Category::kClaim ? "asserted" : "";
  f.suggestion = "Cite a source.";
  f.fingerprint = "fp-" + f.rule + "-" + std::to_string(line);
  return f;
}

inline FileReport MakeFile(std::string path, std::string source, std::vector<Finding> findings) {
  FileReport file;
  file.path = std::move(path);
  file.source = std::move(source);
  for (Finding& f : findings) f.file = file.path;
  file.findings = std::move(findings);
  return file;
}

inline Report MakeReport(std::vector<FileReport> files, const RuleSet* rules = nullptr) {
  Report report;
  report.files = std::move(files);
  report.rules = rules;
  Tally(&report);
  return report;
}

// Two rules with metadata (why, url, suggestion) for SARIF and HTML.
inline std::shared_ptr<const RuleSet> SampleRules() {
  static std::shared_ptr<const RuleSet> rules = [] {
    std::vector<Rule> list(2);
    list[0].id = "claim.immune-boost";
    list[0].pack = "claims.test";
    list[0].category = Category::kClaim;
    list[0].severity = Severity::kError;
    list[0].message = "'{match}' is an immune-boosting claim with no source.";
    list[0].patterns = {"boost(s)?\\s+immunity"};
    list[0].contexts = ContextSet{Context::kAsserted};
    list[0].suggestion = "Name the measured effect and cite the study.";
    list[0].why = "Immune claims imply disease prevention. https://example.org/code#12";
    list[0].url = "https://example.org/code#12";
    list[1].id = "citation.vague";
    list[1].pack = "citations.test";
    list[1].category = Category::kCitation;
    list[1].severity = Severity::kWarning;
    list[1].message = "'{match}' does not name its source.";
    list[1].patterns = {"research\\s+shows"};
    list[1].contexts = ContextSet{Context::kAsserted};
    list[1].why = "A reader cannot check an unnamed study.";
    auto built = RuleSet::Build(std::move(list));
    return built.ok() ? built.value() : nullptr;
  }();
  return rules;
}

template <typename Fn>
std::string Capture(Fn&& write) {
  std::ostringstream out;
  write(out);
  return out.str();
}

inline int CountOf(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

}  // namespace claimlint::report_testing
