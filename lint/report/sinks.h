// Output as sinks. A run hands each file's report to its sink in input order;
// formats that can be written as the files come (text, json) format a file on
// the worker thread that linted it and append the text in order, so memory
// stays flat; formats that need the whole run (sarif, github, html) keep the
// files and write at the end. A table of formats drives --format and --help.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "lint/engine/file_report.h"
#include "lint/report/report.h"
#include "lint/rules/rule_set.h"

namespace claimlint {

struct SinkOptions {
  bool color = false;              // text: ANSI colour
  int github_cap = 10;             // github: annotations per severity level (< 0: no cap)
  const RuleSet* rules = nullptr;  // rule metadata (SARIF rules[], HTML "why")
  std::string link_base;           // markdown: see OutputOptions::link_base
};

class ReportSink {
 public:
  virtual ~ReportSink() = default;
  // Whether files must keep their source text (text carets, the HTML page).
  virtual bool needs_source() const { return false; }
  // On a worker thread: the file's output formatted ahead ("" when the sink
  // formats at the end).
  virtual std::string Format(const FileReport& file) const;
  // In input order: the file, and what Format gave for it.
  virtual void Add(FileReport file, std::string formatted) = 0;
  // After the last file: the summary and whatever ends the output.
  virtual void Finish(const Summary& summary) = 0;
};

struct FormatInfo {
  std::string_view name;
  std::string_view help;  // one line for --help
  std::unique_ptr<ReportSink> (*make)(std::ostream& out, const SinkOptions& options);
};

// Every output format, in the order --help lists them.
const std::vector<FormatInfo>& Formats();
// The format of this name, or null.
const FormatInfo* FindFormat(std::string_view name);
// "text, json, sarif, github, html, markdown".
std::string FormatNames();

// One run into several sinks (--sarif, --summary beside --format): the first
// formats on the workers as usual; the others, which all format at the end,
// get a copy of each file.
std::unique_ptr<ReportSink> TeeSinks(std::vector<std::unique_ptr<ReportSink>> sinks);

}  // namespace claimlint
