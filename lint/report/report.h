// The result of a run, as every output format sees it.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "lint/base/finding.h"
#include "lint/base/status.h"
#include "lint/engine/file_report.h"
#include "lint/rules/rule_set.h"

namespace claimlint {

struct Report {
  std::vector<FileReport> files;  // in input order
  Summary summary;
  const RuleSet* rules = nullptr;  // for rule metadata (SARIF rules[], HTML why)
};

// Recomputes the counts of `summary` from the findings (keeps suppressed/baselined/stale).
void Tally(Report* report);

struct OutputOptions {
  bool color = false;   // text: ANSI colour
  int github_cap = 10;  // github: annotations per severity level (< 0: no cap)
  // markdown: where a file's lines are on the web ("https://github.com/o/r/blob/SHA/");
  // "": files are not linked.
  std::string link_base;
};

void WriteText(const Report& report, const OutputOptions& opts, std::ostream& out);
// The same in pieces, for writing as the files come: one file's lines, and
// the closing summary line.
std::string FormatTextFile(const FileReport& file, const OutputOptions& opts);
void WriteTextSummary(const Summary& summary, const OutputOptions& opts, std::ostream& out);
void WriteJson(const Report& report, std::ostream& out);

// The same JSON written as the files come, so that a long run holds one
// file's findings at a time: File() for each file in order, then End() with
// the totals (CountFile adds a file's to a Summary).
class JsonStreamWriter {
 public:
  explicit JsonStreamWriter(std::ostream& out);
  ~JsonStreamWriter();
  void File(const FileReport& file);
  // A file entry formatted beforehand by FormatJsonFile (on a worker thread).
  void Formatted(std::string_view entry);
  void End(const Summary& summary);

 private:
  struct State;
  std::unique_ptr<State> state_;
};
std::string FormatJsonFile(const FileReport& file);
void WriteSarif(const Report& report, std::ostream& out);
void WriteGithub(const Report& report, const OutputOptions& opts, std::ostream& out);
void WriteHtml(const Report& report, std::ostream& out);
// A Markdown summary (counts, the top findings) for a CI job's summary page.
void WriteMarkdown(const Report& report, const OutputOptions& opts, std::ostream& out);

// Reads a report written by WriteJson back (for `claimlint report FILE.json`).
// Sources are left empty (the caller re-reads them) and byte ranges are 0;
// `filename` locates errors. Rejects other schema versions than
// claimlint-report/1.
Result<Report> ReadJsonReport(std::string_view json, std::string_view filename);

}  // namespace claimlint
