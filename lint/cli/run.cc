#include "lint/cli/run.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fnmatch.h>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "lint/cli/explain.h"
#include "lint/cli/options.h"
#include "lint/cli/walk.h"
#include "lint/engine/linter.h"
#include "lint/rules/pack_loader.h"

namespace claimlint {
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

bool GlobMatch(const std::string& pattern, const std::string& id) {
  return fnmatch(pattern.c_str(), id.c_str(), 0) == 0;
}

Result<std::vector<Rule>> LoadRules(const Options& o) {
  std::vector<Rule> rules;
  if (!o.no_default_rules) {
    auto builtin = LoadBuiltinRules();
    if (!builtin.ok()) return builtin.error();
    rules = std::move(builtin.value());
  }
  for (const std::string& path : o.rules) {
    auto more = LoadRulePath(path);
    if (!more.ok()) return more.error();
    for (Rule& r : more.value()) rules.push_back(std::move(r));
  }
  // --disable removes matching rules unless a later --enable names them.
  std::vector<Rule> kept;
  for (Rule& r : rules) {
    bool off = std::any_of(o.disable.begin(), o.disable.end(),
                           [&](const std::string& g) { return GlobMatch(g, r.id); });
    bool on = std::any_of(o.enable.begin(), o.enable.end(),
                          [&](const std::string& g) { return GlobMatch(g, r.id); });
    if (!off || on) kept.push_back(std::move(r));
  }
  return kept;
}

Result<std::shared_ptr<const ReferenceLibrary>> LoadLibrary(const Options& o) {
  auto lib = std::make_shared<ReferenceLibrary>();
  for (const std::string& path : o.references) {
    auto entries = ReadReferenceFile(path);
    if (!entries.ok()) return entries.error();
    for (Reference& r : entries.value()) lib->entries.push_back(std::move(r));
  }
  return std::shared_ptr<const ReferenceLibrary>(std::move(lib));
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

// Lints every file on `jobs` threads; results keep the input order.
std::vector<FileReport> LintAll(const Linter& linter, const std::vector<std::string>& files,
                                const Options& o, bool keep_source,
                                std::vector<std::string>* errors) {
  std::vector<FileReport> reports(files.size());
  std::vector<std::string> errs(files.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < files.size();) {
      std::string bytes, error;
      std::string name = files[i] == "-" ? o.stdin_filename : files[i];
      if (files[i] == "-") {
        std::ostringstream ss;
        ss << std::cin.rdbuf();
        bytes = ss.str();
      } else if (!ReadFile(files[i], &bytes, &error)) {
        errs[i] = error;
        continue;
      }
      reports[i] = linter.Lint(name, bytes);
      if (!keep_source) {
        reports[i].source.clear();
        reports[i].source.shrink_to_fit();
      }
    }
  };
  int jobs = o.jobs > 0 ? o.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  jobs = static_cast<int>(std::min<std::size_t>(jobs, std::max<std::size_t>(files.size(), 1)));
  std::vector<std::thread> pool;
  for (int t = 1; t < jobs; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  std::vector<FileReport> out;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!errs[i].empty()) {
      errors->push_back(errs[i]);
    } else {
      out.push_back(std::move(reports[i]));
    }
  }
  return out;
}

}  // namespace

int RunCli(int argc, char** argv) {
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
  if (!o.format_given && o.report_json.empty()) {
    const char* gha = std::getenv("GITHUB_ACTIONS");
    if (gha && std::string_view(gha) == "true") o.format = Format::kGithub;
  }
  auto rules = LoadRules(o);
  if (!rules.ok()) return Fail(rules.error());
  auto rule_set = RuleSet::Build(std::move(rules.value()));
  if (!rule_set.ok()) return Fail(rule_set.error());
  if (o.list_rules) {
    ListRules(*rule_set.value(), std::cout);
    return 0;
  }
  if (!o.explain.empty()) return ExplainRule(*rule_set.value(), o.explain, std::cout, std::cerr);
  auto library = LoadLibrary(o);
  if (!library.ok()) return Fail(library.error());
  if (o.paths.empty()) {
    std::cerr << "claimlint: no paths given (try 'claimlint .' or 'claimlint --help')\n";
    return 2;
  }
  WalkResult walk = ExpandPaths(o.paths);
  std::vector<std::string> files = walk.files;
  if (o.shard_count > 0) files = Shard(files, o.shard_index, o.shard_count);
  Linter linter({rule_set.value(), ContextClassifier::Builtin(), library.value()});
  bool keep_source = o.format == Format::kText || o.format == Format::kHtml;
  std::vector<std::string> errors = walk.errors;
  Report report;
  report.rules = rule_set.value().get();
  report.files = LintAll(linter, files, o, keep_source, &errors);
  Tally(&report);

  std::ofstream file_out;
  std::ostream* out = &std::cout;
  if (!o.output.empty()) {
    file_out.open(o.output, std::ios::binary);
    if (!file_out) {
      std::cerr << "claimlint: cannot write " << o.output << "\n";
      return 2;
    }
    out = &file_out;
  }
  OutputOptions oo;
  const char* no_color = std::getenv("NO_COLOR");
  oo.color = o.color == "always" ||
             (o.color == "auto" && o.output.empty() && isatty(STDOUT_FILENO) &&
              !(no_color && *no_color));
  switch (o.format) {
    case Format::kText:
      WriteText(report, oo, *out);
      break;
    case Format::kJson:
      WriteJson(report, *out);
      break;
    case Format::kSarif:
      WriteSarif(report, *out);
      break;
    case Format::kGithub:
      WriteGithub(report, oo, *out);
      break;
    case Format::kHtml:
      WriteHtml(report, *out);
      break;
  }
  out->flush();
  for (const std::string& e : errors) std::cerr << "claimlint: " << e << "\n";
  if (!errors.empty()) return 2;
  for (const FileReport& f : report.files) {
    for (const Finding& x : f.findings) {
      if (AtOrAbove(x.severity, o.fail_on)) return 1;
    }
  }
  return 0;
}

}  // namespace claimlint
