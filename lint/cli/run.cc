// The command line: plan (options, configs, the files to lint) -> run (the
// engine's pipeline on every file, in parallel) -> sink (the chosen format)
// -> exit code.
#include "lint/cli/run.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "lint/baseline/baseline.h"
#include "lint/cli/changed_files.h"
#include "lint/cli/explain.h"
#include "lint/cli/options.h"
#include "lint/cli/version.h"
#include "lint/cli/walk.h"
#include "lint/engine/ordered_run.h"
#include "lint/engine/profiles.h"
#include "lint/lsp/lsp_main.h"
#include "lint/report/rule_docs.h"
#include "lint/report/sinks.h"

namespace claimlint {
namespace fs = std::filesystem;
namespace {

int Fail(const Error& e) {
  std::cerr << e.ToString() << "\n";
  return 2;
}

bool ReadFile(const std::string& path, std::string* out, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": cannot open file";
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    *error = path + ": read error";
    return false;
  }
  *out = ss.str();
  return true;
}

// The name a file is reported under: normalised ("./a/../b.md" -> "b.md") and
// relative to the working directory when it is under it, so that fingerprints
// and baselines do not depend on how the path was typed.
std::string DisplayPath(const std::string& path) {
  if (path == "-") return path;
  fs::path p = fs::path(path).lexically_normal();
  if (p.is_absolute()) {
    std::error_code ec;
    fs::path cwd = fs::current_path(ec);
    if (!ec) {
      fs::path rel = p.lexically_relative(cwd);
      if (!rel.empty() && *rel.begin() != "..") p = rel;
    }
  }
  std::string s = p.string();
  return s.empty() ? path : s;
}

EngineOptions EngineOptionsFrom(const Options& o) {
  EngineOptions e;
  e.config = o.config;
  e.stdin_filename = o.stdin_filename;
  e.references = o.references;
  e.rules = o.rules;
  e.no_default_rules = o.no_default_rules;
  e.enable = o.enable;
  e.disable = o.disable;
  if (o.fail_on_given) e.fail_on = o.fail_on;
  return e;
}

struct Job {
  std::string path;  // to read ("-" for stdin)
  std::string name;  // as reported
  const Profile* profile = nullptr;
};

// The files to lint, each with its profile: walked, filtered by each
// config's include/exclude, then sharded.
Result<std::vector<Job>> PlanJobs(const Options& o, Profiles* profiles) {
  WalkResult walk = ExpandPaths(o.paths);
  if (!walk.errors.empty()) {
    for (std::size_t i = 0; i + 1 < walk.errors.size(); ++i) {
      std::cerr << "claimlint: " << walk.errors[i] << "\n";
    }
    return Error{"claimlint", 0, 0, walk.errors.back()};
  }
  std::set<std::string> changed;
  const std::string& ref = !o.changed_since.empty() ? o.changed_since : o.changed_first;
  if (!ref.empty()) {
    auto files = ChangedFiles(ref);
    if (!files.ok()) return files.error();
    changed = std::move(files.value());
  }
  std::vector<Job> jobs;
  std::set<std::string> seen;  // a file named twice ("a.md ./a.md") is linted once
  for (const std::string& f : walk.files) {
    std::string name = f == "-" ? o.stdin_filename : DisplayPath(f);
    if (!seen.insert(f == "-" ? "-" : name).second) continue;
    // Shards split by the reported name, so "./a" and "a" land in the same one.
    if (o.shard_count > 0 && !InShard(name, o.shard_index, o.shard_count)) continue;
    if (!o.changed_since.empty() && f != "-" && !changed.count(name)) continue;
    auto profile = profiles->For(f);
    if (!profile.ok()) return profile.error();
    if (f != "-" && !profile.value()->config.Covers(f)) continue;
    jobs.push_back(Job{f, name, profile.value()});
  }
  if (!o.changed_first.empty()) {
    // Reports and annotations (capped per level) come in job order.
    std::stable_partition(jobs.begin(), jobs.end(),
                          [&](const Job& j) { return changed.count(j.name) > 0; });
  }
  return jobs;
}

// The rule metadata the formats see: the one rule set, or the union of all.
std::shared_ptr<const RuleSet> ReportRules(const Profiles& profiles) {
  const auto& all = profiles.all();
  if (all.empty()) return nullptr;
  if (all.size() == 1) return all[0]->rules;
  std::vector<Rule> merged;
  std::set<std::string> seen;
  for (const auto& p : all) {
    for (const Rule& r : p->rules->rules()) {
      if (seen.insert(r.id).second) merged.push_back(r);
    }
  }
  auto built = RuleSet::Build(std::move(merged));
  return built.ok() ? built.value() : all[0]->rules;
}

bool UseColor(const Options& o) {
  const char* no_color = std::getenv("NO_COLOR");
  return o.color == "always" || (o.color == "auto" && o.output.empty() && isatty(STDOUT_FILENO) &&
                                 !(no_color && *no_color));
}

struct Output {
  std::ofstream file;
  std::ostream* stream = &std::cout;
};

bool OpenOutputFile(const std::string& path, Output* out) {
  if (path.empty()) return true;
  out->file.open(path, std::ios::binary);
  if (!out->file) {
    std::cerr << "claimlint: cannot write " << path << "\n";
    return false;
  }
  out->stream = &out->file;
  return true;
}

bool OpenOutput(const Options& o, Output* out) { return OpenOutputFile(o.output, out); }

// On GitHub Actions, where the files of this commit are on the web (for the
// Markdown summary's links).
std::string GithubLinkBase() {
  const char* server = std::getenv("GITHUB_SERVER_URL");
  const char* repo = std::getenv("GITHUB_REPOSITORY");
  const char* sha = std::getenv("GITHUB_SHA");
  if (!server || !*server || !repo || !*repo || !sha || !*sha) return "";
  return std::string(server) + "/" + repo + "/blob/" + sha + "/";
}

// --write-rule-docs DIR: a page per rule and an index.
int WriteRuleDocs(const RuleSet& rules, const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream out(fs::path(dir) / name, std::ios::binary);
    out << text;
    return static_cast<bool>(out.flush());
  };
  for (const Rule& r : rules.rules()) {
    if (!write(r.id + ".md", RuleMarkdown(r))) {
      std::cerr << "claimlint: cannot write " << (fs::path(dir) / (r.id + ".md")).string() << "\n";
      return 2;
    }
  }
  if (!write("README.md", RuleIndexMarkdown(rules))) {
    std::cerr << "claimlint: cannot write " << dir << "/README.md\n";
    return 2;
  }
  return 0;
}

// One file through the engine, then the baseline; formatted for the sink on
// the worker that linted it.
struct Done {
  std::string error;
  FileReport report;
  std::string formatted;
  std::vector<BaselineEntry> entries;  // --write-baseline: the file's findings
  bool fails = false;
};

struct Baselines {
  std::optional<Baseline> read;  // --baseline, or the baseline being written
  std::optional<BaselineIndex> index;
  bool writing = false;
};

Done LintJob(const Job& job, const Baselines& baselines, const ReportSink& sink) {
  Done d;
  std::string bytes;
  if (job.path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    bytes = ss.str();
  } else if (!ReadFile(job.path, &bytes, &d.error)) {
    return d;
  }
  d.report = job.profile->linter->Lint(job.name, bytes);
  if (baselines.writing) {
    // Recording a file hides every finding it has now.
    Baseline mine;
    AddEntries(d.report.path, d.report.findings, &mine);
    d.entries = std::move(mine.entries);
    d.report.baselined = static_cast<int>(d.report.findings.size());
    d.report.baselined_findings = std::move(d.report.findings);
    d.report.findings.clear();
  } else if (baselines.index) {
    BaselineFileOutcome o =
        baselines.index->Apply(d.report.path, &d.report.findings, &d.report.baselined_findings);
    d.report.baselined = o.baselined;
    d.report.stale = o.stale;
  }
  if (!sink.needs_source()) d.report.source.clear();
  for (const Finding& f : d.report.findings) {
    d.fails = d.fails || FailsAt(f.severity, job.profile->fail_on);
  }
  d.formatted = sink.Format(d.report);
  return d;
}

// `claimlint report FILE.json --format html`: the review page from a saved
// JSON report, re-reading the sources it names.
int RunReport(const Options& o) {
  if (o.format != "html") {
    std::cerr << "claimlint: 'report' writes html only (--format html)\n";
    return 2;
  }
  std::string text, error;
  if (!ReadFile(o.report_json, &text, &error)) {
    std::cerr << "claimlint: " << error << "\n";
    return 2;
  }
  auto report = ReadJsonReport(text, o.report_json);
  if (!report.ok()) return Fail(report.error());
  for (FileReport& f : report.value().files) {
    std::string source, ignored;
    if (ReadFile(f.path, &source, &ignored)) f.source = std::move(source);
  }
  Output out;
  if (!OpenOutput(o, &out)) return 2;
  WriteHtml(report.value(), *out.stream);
  out.stream->flush();
  return 0;
}

int RunInit() {
  const char* name = kConfigNames[0];
  std::error_code ec;
  for (const char* existing : kConfigNames) {
    if (fs::exists(existing, ec)) {
      std::cerr << "claimlint: " << existing << " already exists; not overwriting it\n";
      return 2;
    }
  }
  std::ofstream out(name, std::ios::binary);
  out << StarterConfig();
  if (!out.flush()) {
    std::cerr << "claimlint: cannot write " << name << "\n";
    return 2;
  }
  std::cout << "wrote " << name << " (see docs/config.md)\n";
  return 0;
}

int PrintConfig(const Options& o, Profiles* profiles) {
  auto profile = profiles->For(o.print_config);
  if (!profile.ok()) return Fail(profile.error());
  const Profile& p = *profile.value();
  std::cout << DescribeConfig(p.config, p.rules->rules(), o.print_config,
                              std::string(FailOnName(p.fail_on)));
  return 0;
}

// Lints every job into the sink and returns the exit code.
int Run(const Options& o, const std::vector<Job>& jobs, const Profiles& profiles) {
  Baselines baselines;
  baselines.writing = !o.write_baseline.empty();
  if (!baselines.writing && !o.baseline.empty()) {
    auto read = ReadBaseline(o.baseline);
    if (!read.ok()) return Fail(read.error());
    baselines.read = std::move(read.value());
    baselines.index.emplace(*baselines.read);
  }
  std::shared_ptr<const RuleSet> rules = ReportRules(profiles);
  SinkOptions so;
  so.color = UseColor(o);
  so.rules = rules.get();
  so.link_base = GithubLinkBase();
  Output out, sarif_out, summary_out;
  if (!OpenOutput(o, &out)) return 2;
  std::vector<std::unique_ptr<ReportSink>> sinks;
  sinks.push_back(FindFormat(o.format)->make(*out.stream, so));
  // --sarif and --summary: more reports from the same run.
  if (!o.sarif_output.empty()) {
    if (!OpenOutputFile(o.sarif_output, &sarif_out)) return 2;
    SinkOptions plain = so;
    plain.color = false;
    sinks.push_back(FindFormat("sarif")->make(*sarif_out.stream, plain));
  }
  if (!o.summary_output.empty()) {
    // Appended: $GITHUB_STEP_SUMMARY collects every step's summary.
    summary_out.file.open(o.summary_output, std::ios::binary | std::ios::app);
    if (!summary_out.file) {
      std::cerr << "claimlint: cannot write " << o.summary_output << "\n";
      return 2;
    }
    summary_out.stream = &summary_out.file;
    SinkOptions plain = so;
    plain.color = false;
    sinks.push_back(FindFormat("markdown")->make(*summary_out.stream, plain));
  }
  std::unique_ptr<ReportSink> sink = TeeSinks(std::move(sinks));

  Summary summary;
  std::vector<std::string> errors;
  std::set<std::string> linted;
  Baseline recorded;
  bool failed = false;
  RunInOrder(
      jobs.size(), o.jobs, [&](std::size_t i) { return LintJob(jobs[i], baselines, *sink); },
      [&](std::size_t, Done d) {
        if (!d.error.empty()) {
          errors.push_back(std::move(d.error));
          return;
        }
        linted.insert(d.report.path);
        for (BaselineEntry& e : d.entries) recorded.entries.push_back(std::move(e));
        failed = failed || d.fails;
        CountFile(d.report, &summary);
        sink->Add(std::move(d.report), std::move(d.formatted));
      });

  if (baselines.writing) {
    // Recording some files keeps the entries of the others.
    std::error_code ec;
    if (fs::exists(o.write_baseline, ec)) {
      auto old = ReadBaseline(o.write_baseline);
      if (old.ok()) KeepOtherFiles(old.value(), linted, &recorded);
    }
    SortEntries(&recorded);
    if (Status st = WriteBaseline(recorded, o.write_baseline); !st.ok()) return Fail(st.error());
    summary.stale += BaselineIndex(recorded).StaleElsewhere(linted);
  } else if (baselines.index) {
    summary.stale += baselines.index->StaleElsewhere(linted);
  }
  sink->Finish(summary);
  out.stream->flush();
  for (Output* extra : {&sarif_out, &summary_out}) {
    if (extra->file.is_open() && !extra->file.flush()) {
      std::cerr << "claimlint: write error\n";
      return 2;
    }
  }
  for (const std::string& e : errors) std::cerr << "claimlint: " << e << "\n";
  if (!errors.empty()) return 2;
  return failed ? 1 : 0;
}

}  // namespace

int RunCli(int argc, char** argv) {
  if (argc > 1 && std::string_view(argv[1]) == "lsp") return lsp::RunLsp(argc - 1, argv + 1);
  std::ios::sync_with_stdio(false);
  auto parsed = ParseOptions(argc, argv);
  if (!parsed.ok()) {
    std::cerr << parsed.error().ToString() << "\nTry 'claimlint --help'.\n";
    return 2;
  }
  Options o = std::move(parsed.value());
  if (o.help) {
    std::cout << UsageText();
    return 0;
  }
  if (o.version) {
    std::cout << VersionLine() << "\n";
    return 0;
  }
  if (o.init) return RunInit();
  if (!o.report_json.empty()) return RunReport(o);
  if (!o.format_given) {
    const char* gha = std::getenv("GITHUB_ACTIONS");
    if (gha && std::string_view(gha) == "true") o.format = "github";
  }
  auto created = Profiles::Create(EngineOptionsFrom(o));
  if (!created.ok()) return Fail(created.error());
  Profiles& profiles = *created.value();
  if (!o.print_config.empty()) return PrintConfig(o, &profiles);
  if (o.list_rules || !o.explain.empty() || !o.write_rule_docs.empty()) {
    // The rules that apply here: the config of the working directory.
    auto profile = profiles.For("./.");
    if (!profile.ok()) return Fail(profile.error());
    const RuleSet& rules = *profile.value()->rules;
    if (o.list_rules) {
      ListRules(rules, std::cout);
      return 0;
    }
    if (!o.write_rule_docs.empty()) return WriteRuleDocs(rules, o.write_rule_docs);
    return ExplainRule(rules, o.explain, std::cout, std::cerr);
  }
  if (o.paths.empty()) {
    std::cerr << "claimlint: no paths given (try 'claimlint .' or 'claimlint --help')\n";
    return 2;
  }
  auto jobs = PlanJobs(o, &profiles);
  if (!jobs.ok()) return Fail(jobs.error());
  return Run(o, jobs.value(), profiles);
}

}  // namespace claimlint
