#include "lint/cli/run.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "lint/baseline/baseline.h"
#include "lint/cli/explain.h"
#include "lint/cli/options.h"
#include "lint/cli/profiles.h"
#include "lint/cli/walk.h"
#include "lint/engine/linter.h"
#include "lint/lsp/lsp_main.h"
#include "lint/suppress/suppressions.h"

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

bool AtOrAbove(Severity s, FailOn f) {
  switch (f) {
    case FailOn::kError:
      return s >= Severity::kError;
    case FailOn::kWarning:
      return s >= Severity::kWarning;
    case FailOn::kInfo:
      return true;
    case FailOn::kNever:
      return false;
  }
  return false;
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

struct Job {
  std::string path;  // to read ("-" for stdin)
  std::string name;  // as reported
  const Profile* profile = nullptr;
};

struct Linted {
  FileReport report;
  int suppressed = 0;
  std::string error;
};

// One file through the pipeline: document, checks, config, inline
// suppressions (whose own findings the config may re-level), final order.
Linted LintOne(const Job& job, bool keep_source) {
  Linted out;
  std::string bytes;
  if (job.path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    bytes = ss.str();
  } else if (!ReadFile(job.path, &bytes, &out.error)) {
    return out;
  }
  const Profile& p = *job.profile;
  Document doc = ParseDocument(job.name, bytes, !IsPlainTextPath(job.name));
  std::vector<Finding> findings = p.linter->Check(doc);
  p.policy->Apply(&findings);
  if (!doc.comments.empty()) {
    out.suppressed = ApplySuppressions(doc, &findings).suppressed;
    p.policy->Apply(&findings);
    FinalizeFindings(doc, &findings);
  }
  out.report.path = job.name;
  out.report.findings = std::move(findings);
  if (keep_source) out.report.source = std::move(doc.text);
  return out;
}

// Lints every job on --jobs threads and hands each result to `take` in input
// order, as soon as it and every result before it are done (take runs under
// a lock, one call at a time). Workers stay at most a window of files ahead
// of the output, so a run holds a few files' findings, not all of them.
template <typename Prepare, typename Take>
void LintInOrder(const std::vector<Job>& jobs, const Options& o, bool keep_source, Prepare prepare,
                 Take take) {
  using Prepared = decltype(prepare(std::size_t{0}, Linted{}));
  int n = o.jobs > 0 ? o.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  n = static_cast<int>(std::min<std::size_t>(n, std::max<std::size_t>(jobs.size(), 1)));
  const std::size_t window = 16 * static_cast<std::size_t>(n);
  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::optional<Prepared>> done(jobs.size());
  std::size_t next_job = 0, next_out = 0;
  auto work = [&] {
    for (;;) {
      std::size_t i;
      {
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return next_job >= jobs.size() || next_job < next_out + window; });
        if (next_job >= jobs.size()) return;
        i = next_job++;
      }
      Prepared result = prepare(i, LintOne(jobs[i], keep_source));
      std::unique_lock lock(mu);
      done[i] = std::move(result);
      bool advanced = false;
      while (next_out < jobs.size() && done[next_out]) {
        Prepared ready = std::move(*done[next_out]);
        done[next_out].reset();
        take(next_out++, std::move(ready));
        advanced = true;
      }
      if (advanced) cv.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < n; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
}

// The rule metadata the writers see: the one rule set, or the union of all.
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

// `claimlint report FILE.json --format html`: the review page from a saved
// JSON report, re-reading the sources it names.
int RunReport(const Options& o, std::ostream& out) {
  if (o.format != Format::kHtml) {
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
  WriteHtml(report.value(), out);
  out.flush();
  return 0;
}

struct Output {
  std::ofstream file;
  std::ostream* stream = &std::cout;
};

bool OpenOutput(const Options& o, Output* out) {
  if (o.output.empty()) return true;
  out->file.open(o.output, std::ios::binary);
  if (!out->file) {
    std::cerr << "claimlint: cannot write " << o.output << "\n";
    return false;
  }
  out->stream = &out->file;
  return true;
}

OutputOptions OutputOptionsFor(const Options& o) {
  OutputOptions oo;
  const char* no_color = std::getenv("NO_COLOR");
  oo.color = o.color == "always" || (o.color == "auto" && o.output.empty() &&
                                     isatty(STDOUT_FILENO) && !(no_color && *no_color));
  return oo;
}

void WriteReport(const Report& report, const Options& o, std::ostream& out) {
  OutputOptions oo = OutputOptionsFor(o);
  switch (o.format) {
    case Format::kText:
      WriteText(report, oo, out);
      break;
    case Format::kJson:
      WriteJson(report, out);
      break;
    case Format::kSarif:
      WriteSarif(report, out);
      break;
    case Format::kGithub:
      WriteGithub(report, oo, out);
      break;
    case Format::kHtml:
      WriteHtml(report, out);
      break;
  }
  out.flush();
}

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
  const std::vector<std::string>& files = walk.files;
  std::vector<Job> jobs;
  std::set<std::string> seen;  // a file named twice ("a.md ./a.md") is linted once
  for (const std::string& f : files) {
    std::string name = f == "-" ? o.stdin_filename : DisplayPath(f);
    if (!seen.insert(f == "-" ? "-" : name).second) continue;
    // Shards split by the reported name, so "./a" and "a" land in the same one.
    if (o.shard_count > 0 && !InShard(name, o.shard_index, o.shard_count)) continue;
    auto profile = profiles->For(f);
    if (!profile.ok()) return profile.error();
    if (f != "-" && !profile.value()->config.Covers(f)) continue;
    jobs.push_back(Job{f, name, profile.value()});
  }
  return jobs;
}

// --baseline and --write-baseline; returns false (after saying why) on an I/O
// or format error.
bool ApplyBaselines(const Options& o, Report* report) {
  Baseline baseline;
  if (!o.write_baseline.empty()) {
    baseline = BaselineFromReports(report->files);
    std::error_code ec;
    if (fs::exists(o.write_baseline, ec)) {
      // Recording some files keeps the entries of the others.
      auto old = ReadBaseline(o.write_baseline);
      if (old.ok()) {
        std::set<std::string> linted;
        for (const FileReport& f : report->files) linted.insert(f.path);
        KeepOtherFiles(old.value(), linted, &baseline);
      }
    }
    if (Status st = WriteBaseline(baseline, o.write_baseline); !st.ok()) {
      Fail(st.error());
      return false;
    }
  } else if (!o.baseline.empty()) {
    auto read = ReadBaseline(o.baseline);
    if (!read.ok()) {
      Fail(read.error());
      return false;
    }
    baseline = std::move(read.value());
  } else {
    return true;
  }
  BaselineOutcome outcome = ApplyBaseline(baseline, &report->files);
  report->summary.baselined = outcome.baselined;
  report->summary.stale = outcome.stale;
  return true;
}

int PrintConfig(const Options& o, Profiles* profiles) {
  auto profile = profiles->For(o.print_config);
  if (!profile.ok()) return Fail(profile.error());
  const Profile& p = *profile.value();
  std::cout << DescribeConfig(p.config, p.rules->rules(), o.print_config, p.fail_on_name);
  return 0;
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
    std::cout << "claimlint " << CLAIMLINT_VERSION << "\n";
    return 0;
  }
  if (o.init) return RunInit();
  if (!o.report_json.empty()) {
    Output out;
    if (!OpenOutput(o, &out)) return 2;
    return RunReport(o, *out.stream);
  }
  if (!o.format_given) {
    const char* gha = std::getenv("GITHUB_ACTIONS");
    if (gha && std::string_view(gha) == "true") o.format = Format::kGithub;
  }
  auto created = Profiles::Create(o);
  if (!created.ok()) return Fail(created.error());
  Profiles& profiles = *created.value();
  if (!o.print_config.empty()) return PrintConfig(o, &profiles);
  if (o.list_rules || !o.explain.empty()) {
    // The rules that apply here: the config of the working directory.
    auto profile = profiles.For("./.");
    if (!profile.ok()) return Fail(profile.error());
    const RuleSet& rules = *profile.value()->rules;
    if (o.list_rules) {
      ListRules(rules, std::cout);
      return 0;
    }
    return ExplainRule(rules, o.explain, std::cout, std::cerr);
  }
  if (o.paths.empty()) {
    std::cerr << "claimlint: no paths given (try 'claimlint .' or 'claimlint --help')\n";
    return 2;
  }
  auto jobs = PlanJobs(o, &profiles);
  if (!jobs.ok()) return Fail(jobs.error());

  bool keep_source = o.format == Format::kText || o.format == Format::kHtml;
  std::vector<std::string> errors;
  bool failed = false;  // a finding at or above its file's fail-on level
  auto fails = [&](const FileReport& file, FailOn fail_on) {
    return std::any_of(file.findings.begin(), file.findings.end(),
                       [&](const Finding& x) { return AtOrAbove(x.severity, fail_on); });
  };

  // JSON and text with no baseline to apply across files are written as the
  // files come, so memory does not grow with the number of files. Each
  // worker formats its file and keeps only that text and the counts; the
  // writer appends them in input order.
  if ((o.format == Format::kJson || o.format == Format::kText) && o.baseline.empty() &&
      o.write_baseline.empty()) {
    const bool json = o.format == Format::kJson;
    const OutputOptions oo = OutputOptionsFor(o);
    Output out;
    if (!OpenOutput(o, &out)) return 2;
    std::optional<JsonStreamWriter> writer;
    if (json) writer.emplace(*out.stream);
    Summary summary;
    struct Entry {
      std::string error, text;
      Summary counts;
      bool fails = false;
    };
    auto prepare = [&](std::size_t i, Linted l) {
      Entry e;
      e.error = std::move(l.error);
      if (!e.error.empty()) return e;
      e.counts.suppressed = l.suppressed;
      CountFindings(l.report, &e.counts);
      e.fails = fails(l.report, jobs.value()[i].profile->fail_on);
      e.text = json ? FormatJsonFile(l.report) : FormatTextFile(l.report, oo);
      return e;
    };
    LintInOrder(jobs.value(), o, keep_source, prepare, [&](std::size_t, Entry e) {
      if (!e.error.empty()) {
        errors.push_back(std::move(e.error));
        return;
      }
      summary.files += e.counts.files;
      summary.findings += e.counts.findings;
      summary.error += e.counts.error;
      summary.warning += e.counts.warning;
      summary.info += e.counts.info;
      summary.suppressed += e.counts.suppressed;
      if (json) {
        writer->Formatted(e.text);
      } else {
        *out.stream << e.text;
      }
      failed = failed || e.fails;
    });
    if (json) {
      writer->End(summary);
    } else {
      WriteTextSummary(summary, oo, *out.stream);
    }
    out.stream->flush();
    for (const std::string& e : errors) std::cerr << "claimlint: " << e << "\n";
    if (!errors.empty()) return 2;
    return failed ? 1 : 0;
  }

  Report report;
  std::shared_ptr<const RuleSet> report_rules = ReportRules(profiles);
  report.rules = report_rules.get();
  std::vector<FailOn> fail_on;
  auto as_is = [](std::size_t, Linted l) { return l; };
  LintInOrder(jobs.value(), o, keep_source, as_is, [&](std::size_t i, Linted l) {
    if (!l.error.empty()) {
      errors.push_back(std::move(l.error));
      return;
    }
    report.summary.suppressed += l.suppressed;
    report.files.push_back(std::move(l.report));
    fail_on.push_back(jobs.value()[i].profile->fail_on);
  });
  if (!ApplyBaselines(o, &report)) return 2;
  Tally(&report);

  Output out;
  if (!OpenOutput(o, &out)) return 2;
  WriteReport(report, o, *out.stream);
  for (const std::string& e : errors) std::cerr << "claimlint: " << e << "\n";
  if (!errors.empty()) return 2;
  for (std::size_t i = 0; i < report.files.size(); ++i) {
    if (fails(report.files[i], fail_on[i])) return 1;
  }
  return 0;
}

}  // namespace claimlint
