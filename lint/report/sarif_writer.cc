// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. rules[] lists
// the rules that have results in this run (sorted by id), as ESLint's and
// markdownlint-cli2's formatters do: the log stays small and every rule entry
// is one that a viewer can show a result for. Each rule carries a short title,
// its rationale, help in text and Markdown and a link to its page
// (docs/rules/<id>.md, lint/report/rule_docs.h). Findings hidden by an inline
// directive or by the baseline are results with `suppressions` (inSource,
// external), so that code scanning shows them as dismissed, not as fixed.
#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "lint/report/report.h"
#include "lint/report/report_util.h"
#include "lint/report/rule_docs.h"

#ifndef CLAIMLINT_VERSION
#define CLAIMLINT_VERSION "0.0.0"
#endif
#ifndef CLAIMLINT_HOMEPAGE
#define CLAIMLINT_HOMEPAGE "https://github.com/claimlint/claimlint"
#endif

namespace claimlint {
namespace {

using ojson = nlohmann::ordered_json;
using report_internal::RuleLookup;
using report_internal::SarifLevel;

constexpr std::string_view kSarifSchema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
constexpr std::string_view kFingerprintKey = "claimlint/v1";

// "claim.immune-boost" -> "ClaimImmuneBoost" (SARIF validator rule SARIF2012
// wants a readable name distinct from the id).
std::string PascalName(std::string_view id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (c == '.' || c == '-' || c == '_' || c == ' ') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

// helpUri must be an absolute URI.
bool LooksLikeUri(std::string_view url) {
  if (url.substr(0, 8) != "https://" && url.substr(0, 7) != "http://") return false;
  for (unsigned char c : url) {
    if (c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>') return false;
  }
  return true;
}

ojson RuleJson(const std::string& id, const Rule* rule, const Finding& first) {
  ojson r;
  r["id"] = id;
  r["name"] = PascalName(id);
  if (rule == nullptr) {
    r["shortDescription"] = {{"text", id}};
    r["defaultConfiguration"] = {{"level", SarifLevel(first.severity)}};
    r["properties"] = {{"category", CategoryName(first.category)},
                       {"tags", ojson::array({CategoryName(first.category)})}};
    return r;
  }
  std::string title = RuleTitle(*rule);
  r["shortDescription"] = {{"text", title}};
  r["fullDescription"] = {{"text", rule->why.empty() ? title : rule->why}};
  r["help"] = {{"text", RuleHelpText(*rule)}, {"markdown", RuleMarkdown(*rule)}};
  if (std::string page = RuleDocUrl(id); LooksLikeUri(page)) r["helpUri"] = page;
  r["defaultConfiguration"] = {{"level", SarifLevel(rule->severity)}};
  r["properties"] = {{"category", CategoryName(rule->category)},
                     {"tags", ojson::array({CategoryName(rule->category)})}};
  if (LooksLikeUri(rule->url)) r["properties"]["source"] = rule->url;
  return r;
}

ojson RegionJson(const Finding& f) {
  ojson region;
  region["startLine"] = f.line;
  if (f.column >= 1) region["startColumn"] = f.column;
  int end_line = std::max(f.end_line, f.line);
  region["endLine"] = end_line;
  if (f.column >= 1 && f.end_column >= 1 && (end_line > f.line || f.end_column >= f.column)) {
    region["endColumn"] = f.end_column;
  }
  if (!f.excerpt.empty()) region["snippet"] = {{"text", f.excerpt}};
  return region;
}

// Why a result is hidden: by a directive in the article, or by the baseline.
enum class Hidden { kNo, kInSource, kExternal };

ojson ResultJson(const FileReport& file, const Finding& f, int rule_index, Hidden hidden) {
  ojson r;
  r["ruleId"] = f.rule;
  r["ruleIndex"] = rule_index;
  r["level"] = SarifLevel(f.severity);
  r["message"] = {{"text", f.message.empty() ? f.rule : f.message}};
  ojson physical;
  physical["artifactLocation"] = {{"uri", report_internal::PathToUri(file.path)}};
  if (f.line >= 1) physical["region"] = RegionJson(f);
  ojson location;
  location["physicalLocation"] = std::move(physical);
  r["locations"] = ojson::array();
  r["locations"].push_back(std::move(location));
  if (!f.fingerprint.empty()) r["partialFingerprints"] = {{kFingerprintKey, f.fingerprint}};
  if (hidden == Hidden::kInSource) {
    r["suppressions"] = ojson::array(
        {{{"kind", "inSource"}, {"justification", "a claimlint-disable comment in the file"}}});
  } else if (hidden == Hidden::kExternal) {
    r["suppressions"] =
        ojson::array({{{"kind", "external"}, {"justification", "recorded in the baseline"}}});
  }
  ojson props;
  props["category"] = CategoryName(f.category);
  if (!f.context.empty()) props["context"] = f.context;
  if (!f.suggestion.empty()) props["suggestion"] = f.suggestion;
  r["properties"] = std::move(props);
  return r;
}

}  // namespace

void WriteSarif(const Report& report, std::ostream& out) {
  RuleLookup lookup(report.rules);
  // The rules used, by id, with the first finding of each (for rules that
  // are not in the rule set, e.g. input.* findings).
  std::map<std::string, const Finding*> used;
  for (const FileReport& file : report.files) {
    for (const Finding& f : file.findings) used.emplace(f.rule, &f);
    for (const Finding& f : file.suppressed_findings) used.emplace(f.rule, &f);
    for (const Finding& f : file.baselined_findings) used.emplace(f.rule, &f);
  }
  ojson rules = ojson::array();
  std::map<std::string, int> index;
  for (const auto& [id, first] : used) {
    index[id] = static_cast<int>(rules.size());
    rules.push_back(RuleJson(id, lookup.Find(id), *first));
  }
  ojson driver;
  driver["name"] = "claimlint";
  driver["version"] = CLAIMLINT_VERSION;
  driver["semanticVersion"] = CLAIMLINT_VERSION;
  driver["informationUri"] = CLAIMLINT_HOMEPAGE;
  driver["rules"] = std::move(rules);
  ojson run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = ojson::array();
  ojson log;
  log["$schema"] = kSarifSchema;
  log["version"] = "2.1.0";
  log["runs"] = ojson::array();
  log["runs"].push_back(std::move(run));

  // The log around an empty results array, dumped as one document; the
  // results are then written into it one at a time, indented as the whole
  // dump would indent them, so that a large run never holds them all as JSON.
  const std::string frame = log.dump(2, ' ', false, ojson::error_handler_t::replace);
  const std::string empty = "\"results\": []";
  const std::size_t at = frame.rfind(empty) + empty.size() - 1;  // at the ']'
  const std::size_t line = frame.rfind('\n', at) + 1;
  const std::string indent(frame.find('"', line) - line + 2, ' ');
  out << std::string_view(frame).substr(0, at);
  bool any = false;
  auto write = [&](const FileReport& file, const Finding& f, Hidden hidden) {
    std::string result = ResultJson(file, f, index[f.rule], hidden)
                             .dump(2, ' ', false, ojson::error_handler_t::replace);
    out << (any ? ",\n" : "\n") << indent;
    // dump escapes newlines inside strings, so every '\n' here is a line of its own.
    std::string_view rest(result);
    for (std::size_t nl; (nl = rest.find('\n')) != std::string_view::npos;
         rest.remove_prefix(nl + 1)) {
      out << rest.substr(0, nl + 1) << indent;
    }
    out << rest;
    any = true;
  };
  for (const FileReport& file : report.files) {
    for (const Finding& f : file.findings) write(file, f, Hidden::kNo);
    for (const Finding& f : file.suppressed_findings) write(file, f, Hidden::kInSource);
    for (const Finding& f : file.baselined_findings) write(file, f, Hidden::kExternal);
  }
  if (any) out << '\n' << std::string(indent.size() - 2, ' ');
  out << std::string_view(frame).substr(at) << '\n';
}

}  // namespace claimlint
