// Command-line options.
#pragma once

#include <string>
#include <vector>

#include "lint/base/finding.h"
#include "lint/base/status.h"

namespace claimlint {

struct Options {
  std::vector<std::string> paths;
  std::string stdin_filename = "<stdin>";
  std::string format = "text";  // a name of Formats() (lint/report/sinks.h)
  bool format_given = false;
  std::string output;  // "" = stdout
  FailOn fail_on = FailOn::kError;
  bool fail_on_given = false;
  std::string config;
  std::vector<std::string> references;
  std::vector<std::string> rules;
  bool no_default_rules = false;
  std::vector<std::string> enable, disable;
  int jobs = 0;  // 0 = all cores
  std::string baseline, write_baseline;
  int shard_index = 0, shard_count = 0;  // --shard K/N (1-based K)
  std::string color = "auto";            // auto | always | never
  std::string print_config;              // --print-config FILE
  bool init = false;
  bool list_rules = false;
  std::string explain;
  bool version = false;
  bool help = false;
  std::string report_json;  // `claimlint report FILE.json`
  std::string root;  // report: articles are read from under it (default: the report's directory)
  // More reports from the same run: --sarif FILE, --summary FILE (Markdown).
  std::string sarif_output, summary_output;
  std::string changed_since;    // --changed-since REF: only files changed against REF
  std::string changed_first;    // --changed-first REF: every file, changed ones first
  std::string write_rule_docs;  // --write-rule-docs DIR
};

Result<Options> ParseOptions(int argc, char** argv);
std::string UsageText();

}  // namespace claimlint
