// A Markdown summary of a run, for a CI job's summary page
// ($GITHUB_STEP_SUMMARY): counts by category and severity, then the most
// severe findings with links to the lines and to the rules' pages.
#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <vector>

#include "lint/report/report.h"
#include "lint/report/report_util.h"
#include "lint/report/rule_docs.h"

namespace claimlint {
namespace {

constexpr std::size_t kTopFindings = 20;

// Text in a table cell or a list item: no Markdown or HTML takes effect.
std::string Plain(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\n':
      case '\r':
        out += ' ';
        break;
      case '|':
      case '*':
      case '_':
      case '`':
      case '[':
      case ']':
      case '<':
      case '>':
      case '\\':
      case '#':
        out += '\\';
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

void WriteMarkdown(const Report& report, const OutputOptions& opts, std::ostream& out) {
  Summary s = report_internal::CountedSummary(report);
  out << "## claimlint\n\n";
  out << report_internal::CountNoun(s.files, "file", "")
      << " linted: " << report_internal::CountNoun(s.error, "error", "") << ", "
      << report_internal::CountNoun(s.warning, "warning", "") << ", " << s.info << " info";
  if (s.suppressed > 0) out << "; " << s.suppressed << " suppressed";
  if (s.baselined > 0) out << "; " << s.baselined << " baselined";
  if (s.stale > 0) out << "; " << s.stale << " stale baseline entries";
  out << ".\n";
  if (s.findings == 0) return;

  // category -> counts by severity (error, warning, info).
  std::map<std::string, std::array<int, 3>> table;
  std::vector<std::pair<const FileReport*, const Finding*>> all;
  for (const FileReport& file : report.files) {
    for (const Finding& f : file.findings) {
      table[std::string(CategoryName(f.category))][2 - static_cast<int>(f.severity)]++;
      all.emplace_back(&file, &f);
    }
  }
  out << "\n| Category | Errors | Warnings | Info |\n| --- | ---: | ---: | ---: |\n";
  for (const auto& [category, n] : table) {
    out << "| " << category << " | " << n[0] << " | " << n[1] << " | " << n[2] << " |\n";
  }
  // The most severe first; report order (changed files first with
  // --changed-first) within a level.
  std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
    return a.second->severity > b.second->severity;
  });
  std::size_t shown = std::min(all.size(), kTopFindings);
  out << "\n### " << (shown < all.size() ? "Top findings" : "Findings") << "\n\n";
  for (std::size_t i = 0; i < shown; ++i) {
    const FileReport& file = *all[i].first;
    const Finding& f = *all[i].second;
    std::string where = file.path + (f.line >= 1 ? ":" + std::to_string(f.line) : "");
    out << "- **" << SeverityName(f.severity) << "** ";
    if (!opts.link_base.empty()) {
      out << "[" << Plain(where) << "](" << opts.link_base << report_internal::PathToUri(file.path)
          << (f.line >= 1 ? "#L" + std::to_string(f.line) : "") << ")";
    } else {
      out << Plain(where);
    }
    out << " " << Plain(f.message) << " ([" << f.rule << "](" << RuleDocUrl(f.rule) << "))\n";
  }
  if (shown < all.size()) {
    out << "\n"
        << all.size() - shown << " more in the annotations, the SARIF report or "
        << "`claimlint --format text`.\n";
  }
}

}  // namespace claimlint
