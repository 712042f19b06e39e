// The command line: plan (options, configs, the files to lint) -> run (the
// engine's pipeline on every file, in parallel) -> sink (the chosen format)
// -> exit code.
#include "lint/cli/run.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <set>

#include "lint/base/file_io.h"
#include "lint/base/limits.h"
#include "lint/base/output_file.h"
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

// A file named in a JSON report, read for the review page: only a regular
// file inside `root` (after symbolic links), so that a crafted report cannot
// put any file of the machine into a page. A warning says why one is not read.
std::optional<std::string> ReadReportedArticle(const std::string& path, const fs::path& root) {
  std::error_code ec;
  fs::path p(path);
  fs::path file = fs::canonical(p.is_absolute() ? p : root / p, ec);
  if (ec) {
    std::cerr << "claimlint: warning: " << path << ": not found under " << root.string()
              << "; its findings are listed without the text (see --root)\n";
    return std::nullopt;
  }
  fs::path rel = file.lexically_relative(root);
  if (rel.empty() || *rel.begin() == ".." || rel.is_absolute()) {
    std::cerr << "claimlint: warning: " << path << ": outside " << root.string()
              << "; not read (see --root)\n";
    return std::nullopt;
  }
  // Hidden files and directories (.git/config, .env) are never articles a
  // walk would have reported.
  for (const fs::path& part : rel) {
    if (!part.empty() && part.string()[0] == '.') {
      std::cerr << "claimlint: warning: " << path << ": in a hidden file or directory; not read\n";
      return std::nullopt;
    }
  }
  auto text = ReadRegularFile(file.string(), {limits::kArticleBytes, "article"});
  if (!text.ok()) {
    std::cerr << "claimlint: warning: " << text.error().ToString() << "\n";
    return std::nullopt;
  }
  return std::move(text.value());
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
  return o.color == "always" || (o.color == "auto" && (o.output.empty() || o.output == "-") &&
                                 isatty(STDOUT_FILENO) && !(no_color && *no_color));
}

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
  std::optional<Baseline> read;  // --baseline
  std::optional<BaselineIndex> index;
  std::optional<Baseline> previous;  // --write-baseline: the file being replaced
  bool writing = false;
};

Finding TooLargeFinding() {
  Finding f;
  f.rule = "input.too-large";
  f.category = Category::kInput;
  f.severity = Severity::kError;
  f.message = "the file is larger than " + DescribeBytes(limits::kArticleBytes) +
              " (the limit; see docs/limits.md) and was not linted";
  f.suggestion = "Split the file, or check the paths and the config's include and exclude globs.";
  return f;
}

Done LintJob(const Job& job, const Baselines& baselines, const ReportSink& sink) {
  Done d;
  bool too_large = false;
  ReadOptions read{limits::kArticleBytes, "article", &too_large};
  auto bytes = job.path == "-" ? ReadStandardInput(read) : ReadRegularFile(job.path, read);
  if (too_large) {
    d.report = job.profile->linter->NotLinted(job.name, TooLargeFinding());
  } else if (!bytes.ok()) {
    Error e = bytes.error();
    if (job.path == "-") e.file = job.name;
    d.error = e.ToString();
    return d;
  } else {
    d.report = job.profile->linter->Lint(job.name, bytes.value());
  }
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
// JSON report, re-reading the sources it names from under --root.
int RunReport(const Options& o) {
  if (o.format != "html") {
    std::cerr << "claimlint: 'report' writes html only (--format html)\n";
    return 2;
  }
  auto text = ReadRegularFile(o.report_json, {limits::kReportBytes, "JSON report"});
  if (!text.ok()) return Fail(text.error());
  if (Status st = CheckOutputTarget(o.output, "--output", {}); !st.ok()) return Fail(st.error());
  auto report = ReadJsonReport(text.value(), o.report_json);
  if (!report.ok()) return Fail(report.error());
  std::error_code ec;
  fs::path root_arg = o.root.empty() ? fs::path(o.report_json).parent_path() : fs::path(o.root);
  fs::path root = fs::canonical(root_arg.empty() ? fs::path(".") : root_arg, ec);
  if (ec || !fs::is_directory(root, ec)) {
    return Fail(Error{root_arg.string(), 0, 0, "--root is not a directory"});
  }
  for (FileReport& f : report.value().files) {
    if (auto source = ReadReportedArticle(f.path, root)) f.source = std::move(*source);
  }
  // Articles are read now: the output may not be one of them either.
  if (Status st = CheckOutputTarget(o.output, "--output", {}); !st.ok()) return Fail(st.error());
  auto out = OutputFile::Open(o.output, "the report");
  if (!out.ok()) return Fail(out.error());
  WriteHtml(report.value(), out.value()->stream());
  if (Status st = out.value()->Commit(); !st.ok()) return Fail(st.error());
  return 0;
}

int RunInit() {
  const char* name = kConfigNames[0];
  for (const char* existing : kConfigNames) {
    struct stat st;
    // lstat: a dangling symbolic link exists too, and is not written through.
    if (::lstat(existing, &st) == 0) {
      std::cerr << "claimlint: " << existing << " already exists; not overwriting it\n";
      return 2;
    }
  }
  // O_EXCL: created here, never through a link planted meanwhile.
  int fd = ::open(name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (fd < 0) {
    std::cerr << "claimlint: cannot write " << name << ": " << std::strerror(errno) << "\n";
    return 2;
  }
  std::string text = StarterConfig();
  CheckedFdBuf buf(fd);
  std::ostream out(&buf);
  out << text;
  bool ok = buf.Flush() && buf.error() == 0;
  int error = buf.error();
  if (::close(fd) != 0 && ok) {
    ok = false;
    error = errno;
  }
  if (!ok) {
    ::unlink(name);
    std::cerr << "claimlint: cannot write " << name << ": " << std::strerror(error) << "\n";
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

// The outputs, checked before anything is linted: neither may be an input
// (compared by device and inode, whatever the names), a symbolic link, or
// anything but a regular file; nor may both be the same file.
Status CheckOutputs(const Options& o, const std::vector<Job>& jobs) {
  std::set<FileId> inputs;
  for (const Job& job : jobs) {
    if (job.path == "-") continue;
    if (auto id = IdentifyFile(job.path)) inputs.insert(*id);
  }
  if (Status st = CheckOutputTarget(o.output, "--output", inputs); !st.ok()) return st;
  for (const auto& [path, what] :
       {std::pair{o.sarif_output, "--sarif"}, {o.summary_output, "--summary"}}) {
    if (path.empty()) continue;
    if (path == "-")
      return Error{"claimlint", 0, 0, std::string(what) + " needs a file, not standard output"};
    if (Status st = CheckOutputTarget(path, what, inputs); !st.ok()) return st;
  }
  if (!o.write_baseline.empty()) {
    if (o.write_baseline == "-") {
      return Error{"claimlint", 0, 0, "--write-baseline needs a file, not standard output"};
    }
    Status st = CheckOutputTarget(o.write_baseline, "--write-baseline", inputs,
                                  /*may_replace_input=*/true);
    if (!st.ok()) return st;
    auto a = IdentifyFile(o.write_baseline), b = IdentifyFile(o.output);
    bool same = (a && b && *a == *b) ||
                (!o.output.empty() && fs::path(o.output).lexically_normal() ==
                                          fs::path(o.write_baseline).lexically_normal());
    if (same) return Error{o.output, 0, 0, "--output and --write-baseline name the same file"};
  }
  return {};
}

// Reads the baselines the run needs, before anything is linted: a baseline
// that does not parse stops the run rather than being dropped.
Status ReadBaselines(const Options& o, Baselines* b) {
  b->writing = !o.write_baseline.empty();
  if (b->writing) {
    struct stat st;
    if (::lstat(o.write_baseline.c_str(), &st) == 0) {
      auto old = ReadBaseline(o.write_baseline);
      if (!old.ok()) {
        Error e = old.error();
        e.message += " (the baseline to update; fix or remove it)";
        return e;
      }
      b->previous = std::move(old.value());
    }
  } else if (!o.baseline.empty()) {
    auto read = ReadBaseline(o.baseline);
    if (!read.ok()) return read.error();
    b->read = std::move(read.value());
    b->index.emplace(*b->read);
  }
  return {};
}

// Lints every job into the sink and returns the exit code. On any error
// (exit 2) nothing is committed: an --output file is left as it was, and a
// report on standard output gets no summary (JSON stays unterminated).
int Run(const Options& o, const std::vector<Job>& jobs, const Profiles& profiles) {
  if (Status st = CheckOutputs(o, jobs); !st.ok()) return Fail(st.error());
  Baselines baselines;
  if (Status st = ReadBaselines(o, &baselines); !st.ok()) return Fail(st.error());
  std::shared_ptr<const RuleSet> rules = ReportRules(profiles);
  SinkOptions so;
  so.color = UseColor(o);
  so.rules = rules.get();
  so.link_base = GithubLinkBase();
  auto opened = OutputFile::Open(o.output, "the report");
  if (!opened.ok()) return Fail(opened.error());
  OutputFile& out = *opened.value();
  std::vector<std::unique_ptr<ReportSink>> sinks;
  sinks.push_back(FindFormat(o.format)->make(out.stream(), so));
  // --sarif and --summary: more reports from the same run.
  std::unique_ptr<OutputFile> sarif_out;
  if (!o.sarif_output.empty()) {
    auto sarif = OutputFile::Open(o.sarif_output, "--sarif");
    if (!sarif.ok()) return Fail(sarif.error());
    sarif_out = std::move(sarif.value());
    SinkOptions plain = so;
    plain.color = false;
    sinks.push_back(FindFormat("sarif")->make(sarif_out->stream(), plain));
  }
  std::ofstream summary_out;
  if (!o.summary_output.empty()) {
    // Appended: $GITHUB_STEP_SUMMARY collects every step's summary.
    summary_out.open(o.summary_output, std::ios::binary | std::ios::app);
    if (!summary_out) return Fail(Error{o.summary_output, 0, 0, "cannot write the summary"});
    SinkOptions plain = so;
    plain.color = false;
    sinks.push_back(FindFormat("markdown")->make(summary_out, plain));
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
        if (errors.empty()) sink->Add(std::move(d.report), std::move(d.formatted));
      });
  if (!errors.empty()) {
    if (out.is_stdout()) out.stream().flush();
    for (const std::string& e : errors) std::cerr << "claimlint: " << e << "\n";
    std::cerr << "claimlint: the run failed; "
              << (out.is_stdout() ? "the report above is incomplete" : "the report was not written")
              << "\n";
    return 2;
  }

  if (baselines.writing) {
    // Recording some files keeps the entries of the others.
    if (baselines.previous) KeepOtherFiles(*baselines.previous, linted, &recorded);
    SortEntries(&recorded);
    summary.stale += BaselineIndex(recorded).StaleElsewhere(linted);
  } else if (baselines.index) {
    summary.stale += baselines.index->StaleElsewhere(linted);
  }
  sink->Finish(summary);
  if (baselines.writing) {
    if (Status st = WriteBaseline(recorded, o.write_baseline); !st.ok()) return Fail(st.error());
  }
  if (sarif_out) {
    if (Status st = sarif_out->Commit(); !st.ok()) return Fail(st.error());
  }
  if (summary_out.is_open() && !summary_out.flush()) {
    return Fail(Error{o.summary_output, 0, 0, "write error"});
  }
  if (Status st = out.Commit(); !st.ok()) return Fail(st.error());
  return failed ? 1 : 0;
}

int RunCommand(int argc, char** argv) {
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
  if (!o.root.empty()) {
    std::cerr << "claimlint: --root is for 'claimlint report FILE.json'\nTry 'claimlint --help'.\n";
    return 2;
  }
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

}  // namespace

int RunCli(int argc, char** argv) {
  if (argc > 1 && std::string_view(argv[1]) == "lsp") return lsp::RunLsp(argc - 1, argv + 1);
  std::ios::sync_with_stdio(false);
  int code = RunCommand(argc, argv);
  // --help, --list-rules, --print-config ...: their writes are checked too.
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "claimlint: cannot write to standard output\n";
    return 2;
  }
  return code;
}

}  // namespace claimlint
