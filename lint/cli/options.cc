#include "lint/cli/options.h"

#include <cstdlib>
#include <string>
#include <string_view>

#include "lint/report/sinks.h"

namespace claimlint {
namespace {

Error Usage(std::string message) { return Error{"claimlint", 0, 0, std::move(message)}; }

bool ParseInt(std::string_view s, int* out) {
  if (s.empty() || s.size() > 6) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

}  // namespace

std::string UsageText() {
  std::string formats;
  for (const FormatInfo& f : Formats()) {
    formats += std::string(26, ' ') + std::string(f.name) +
               std::string(8 - std::min<std::size_t>(7, f.name.size()), ' ') + std::string(f.help) +
               "\n";
  }
  std::string text = R"(usage: claimlint [options] [PATH...]
       claimlint report FILE.json --format html [--root DIR] [--output FILE]
       claimlint lsp [--stdio]

Audits health articles (Markdown, MDX, plain text) for unsupported claims, loose or
wrong citations, missing risk disclosures and missing trust signals.
PATH is a file or a directory (walked for *.md, *.markdown, *.mdx, *.txt; hidden
directories and node_modules are skipped); '-' reads standard input.
'claimlint lsp' runs a language server for editors (docs/editors.md).

Output:
  --format FMT            the output format:
@FORMATS@
  --output FILE           write the report to FILE instead of standard output (replaced
                          only when the run succeeds; never one of the inputs)
  --sarif FILE            also write SARIF to FILE (same run, any --format)
  --summary FILE          also write a Markdown summary to FILE (e.g. $GITHUB_STEP_SUMMARY)
  --color WHEN            auto (default; off when NO_COLOR is set), always, never
  --fail-on LEVEL         exit 1 on findings at or above LEVEL:
                          error (default), warning, info, never
Rules and sources:
  --config FILE           use this config instead of the nearest .claimlint.yml
  --rules FILE|DIR        add a rule pack (repeatable)
  --no-default-rules      do not load the built-in packs
  --enable RULE           enable a rule (glob, repeatable)
  --disable RULE          disable a rule (glob, e.g. 'claim.*'; repeatable)
  --references FILE       a reference library, CSL-JSON or BibTeX (repeatable)
Workflow:
  --baseline FILE         hide findings recorded in FILE
  --write-baseline FILE   record the current findings in FILE
  --jobs N                files linted in parallel (default: all cores)
  --shard K/N             lint only the K-th of N deterministic shards of the files
  --changed-since REF     lint only the files changed against git REF (since the
                          merge base, with uncommitted changes)
  --changed-first REF     lint every file, reporting those changed against REF first
  --stdin-filename NAME   the name reported for '-' (its extension picks the format)
  --print-config FILE     print the effective configuration for FILE
  --init                  write a commented starter .claimlint.yml
  --root DIR              report: read the articles from under DIR (default: the
                          report's directory)
Information:
  --list-rules            list the loaded rules
  --explain RULE          print a rule's rationale, source and examples
  --write-rule-docs DIR   write a Markdown page per rule (and an index) into DIR
  --version, --help

Exit status: 0 no finding at or above --fail-on; 1 there are; 2 usage,
configuration, rule-pack or I/O error (then no --output file is written, and
a report on standard output is left without its summary).
)";
  text.replace(text.find("@FORMATS@\n"), 10, formats);
  return text;
}

Result<Options> ParseOptions(int argc, char** argv) {
  Options o;
  int i = 1;
  if (argc > 1 && std::string_view(argv[1]) == "report") {
    if (argc < 3) return Usage("'report' needs a JSON report file");
    o.report_json = argv[2];
    o.format = "html";
    i = 3;
  }
  bool only_paths = false;
  for (; i < argc; ++i) {
    std::string arg = argv[i];
    if (only_paths || arg == "-" || arg.empty() || arg[0] != '-') {
      o.paths.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_paths = true;
      continue;
    }
    std::string value;
    bool has_inline = false;
    if (std::size_t eq = arg.find('='); eq != std::string::npos && arg.rfind("--", 0) == 0) {
      value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
      has_inline = true;
    }
    auto take = [&](std::string* out) -> bool {
      if (has_inline) {
        *out = value;
        return true;
      }
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      return true;
    };
    auto needs = [&](const std::string& name) { return Usage(name + " needs a value"); };
    std::string v;
    if (arg == "-h" || arg == "--help") {
      o.help = true;
    } else if (arg == "--version") {
      o.version = true;
    } else if (arg == "--list-rules") {
      o.list_rules = true;
    } else if (arg == "--no-default-rules") {
      o.no_default_rules = true;
    } else if (arg == "--init") {
      o.init = true;
    } else if (arg == "--explain") {
      if (!take(&o.explain)) return needs(arg);
    } else if (arg == "--format" || arg == "-f") {
      if (!take(&v)) return needs(arg);
      if (!FindFormat(v)) return Usage("unknown format '" + v + "' (" + FormatNames() + ")");
      o.format = v;
      o.format_given = true;
    } else if (arg == "--output" || arg == "-o") {
      if (!take(&o.output)) return needs(arg);
    } else if (arg == "--sarif") {
      if (!take(&o.sarif_output)) return needs(arg);
    } else if (arg == "--summary") {
      if (!take(&o.summary_output)) return needs(arg);
    } else if (arg == "--changed-since") {
      if (!take(&o.changed_since)) return needs(arg);
    } else if (arg == "--changed-first") {
      if (!take(&o.changed_first)) return needs(arg);
    } else if (arg == "--write-rule-docs") {
      if (!take(&o.write_rule_docs)) return needs(arg);
    } else if (arg == "--fail-on") {
      if (!take(&v)) return needs(arg);
      if (!ParseFailOn(v, &o.fail_on)) {
        return Usage("--fail-on takes error, warning, info or never, not '" + v + "'");
      }
      o.fail_on_given = true;
    } else if (arg == "--config" || arg == "-c") {
      if (!take(&o.config)) return needs(arg);
    } else if (arg == "--references") {
      if (!take(&v)) return needs(arg);
      o.references.push_back(v);
    } else if (arg == "--rules") {
      if (!take(&v)) return needs(arg);
      o.rules.push_back(v);
    } else if (arg == "--enable") {
      if (!take(&v)) return needs(arg);
      o.enable.push_back(v);
    } else if (arg == "--disable") {
      if (!take(&v)) return needs(arg);
      o.disable.push_back(v);
    } else if (arg == "--jobs" || arg == "-j") {
      if (!take(&v)) return needs(arg);
      if (!ParseInt(v, &o.jobs) || o.jobs < 1) return Usage("--jobs takes a positive number");
    } else if (arg == "--baseline") {
      if (!take(&o.baseline)) return needs(arg);
    } else if (arg == "--write-baseline") {
      if (!take(&o.write_baseline)) return needs(arg);
    } else if (arg == "--stdin-filename") {
      if (!take(&o.stdin_filename)) return needs(arg);
      if (o.stdin_filename.empty()) return Usage("--stdin-filename needs a non-empty name");
    } else if (arg == "--root") {
      if (!take(&o.root)) return needs(arg);
      if (o.root.empty()) return Usage("--root needs a directory");
    } else if (arg == "--print-config") {
      if (!take(&o.print_config)) return needs(arg);
    } else if (arg == "--color") {
      if (!take(&o.color)) return needs(arg);
      if (o.color != "auto" && o.color != "always" && o.color != "never") {
        return Usage("--color takes auto, always or never");
      }
    } else if (arg == "--shard") {
      if (!take(&v)) return needs(arg);
      std::size_t slash = v.find('/');
      if (slash == std::string::npos || !ParseInt(v.substr(0, slash), &o.shard_index) ||
          !ParseInt(v.substr(slash + 1), &o.shard_count) || o.shard_count < 1 ||
          o.shard_index < 1 || o.shard_index > o.shard_count) {
        return Usage("--shard takes K/N with 1 <= K <= N, e.g. --shard 2/4");
      }
    } else {
      return Usage("unknown option '" + arg + "' (see --help)");
    }
  }
  return o;
}

}  // namespace claimlint
