#include "lint/baseline/baseline.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <variant>

#include "lint/base/file_io.h"
#include "lint/base/json_keys.h"
#include "lint/base/limits.h"
#include "lint/base/output_file.h"
#include "lint/base/utf8.h"
#include "lint/text/source_index.h"

#ifndef CLAIMLINT_VERSION
#define CLAIMLINT_VERSION "0.0.0"
#endif

namespace claimlint {
namespace {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

// A step into a JSON value: a member name or an array index.
using PathStep = std::variant<std::string, std::size_t>;

// Where the value at `path` (or, with `at_key`, the last member's name) was
// written. JSON is YAML, so yaml-cpp's marks locate it; only called on the
// error path.
void Locate(std::string_view text, const std::vector<PathStep>& path, bool at_key, Error* e) {
  try {
    YAML::Node node = YAML::Load(std::string(text));
    for (std::size_t s = 0; s < path.size(); ++s) {
      const PathStep& step = path[s];
      YAML::Node next;
      if (const auto* key = std::get_if<std::string>(&step)) {
        if (!node.IsMap()) break;
        next = node[*key];
        if (at_key && s + 1 == path.size()) {
          for (const auto& kv : node) {
            if (kv.first.IsScalar() && kv.first.Scalar() == *key) next = kv.first;
          }
        }
      } else {
        std::size_t i = std::get<std::size_t>(step);
        if (!node.IsSequence() || i >= node.size()) break;
        next = node[i];
      }
      if (!next.IsDefined()) break;
      node = next;
    }
    if (node.Mark().line >= 0) {
      e->line = node.Mark().line + 1;
      e->column = node.Mark().column + 1;
    }
  } catch (const YAML::Exception&) {
    // Leave the location unknown.
  }
}

class Reader {
 public:
  Reader(std::string_view text, const std::string& filename) : text_(text), file_(filename) {}

  Error Fail(std::vector<PathStep> path, std::string message, bool at_key = false) const {
    Error e{file_, 0, 0, std::move(message)};
    Locate(text_, path, at_key, &e);
    return e;
  }

  Result<Baseline> Read(const json& doc) {
    if (!doc.is_object())
      return Fail({}, "a baseline is a JSON object with \"schema\" and \"entries\"");
    for (const auto& [key, value] : doc.items()) {
      if (key != "schema" && key != "tool" && key != "entries") {
        return Fail({key}, "unknown key \"" + key + "\" in a baseline (schema, tool, entries)",
                    true);
      }
    }
    auto schema = doc.find("schema");
    if (schema == doc.end())
      return Fail({}, "missing \"schema\": \"" + std::string(kBaselineSchema) + "\"");
    if (!schema->is_string() || schema->get<std::string>() != kBaselineSchema) {
      return Fail({"schema"}, "unsupported baseline schema " + schema->dump() + " (expected \"" +
                                  kBaselineSchema + "\"; re-create it with --write-baseline)");
    }
    if (auto tool = doc.find("tool"); tool != doc.end() && !tool->is_object()) {
      return Fail({"tool"}, "\"tool\" must be an object");
    }
    auto entries = doc.find("entries");
    if (entries == doc.end()) return Fail({}, "missing \"entries\" list");
    if (!entries->is_array()) return Fail({"entries"}, "\"entries\" must be a list");
    Baseline out;
    for (std::size_t i = 0; i < entries->size(); ++i) {
      auto entry = ReadEntry((*entries)[i], i);
      if (!entry.ok()) return entry.error();
      out.entries.push_back(std::move(entry.value()));
    }
    return out;
  }

 private:
  Result<BaselineEntry> ReadEntry(const json& j, std::size_t i) {
    std::vector<PathStep> at = {std::string("entries"), i};
    if (!j.is_object()) return Fail(at, "each baseline entry must be an object");
    BaselineEntry e;
    for (const auto& [key, value] : j.items()) {
      std::vector<PathStep> here = at;
      here.push_back(key);
      std::string* text = key == "file"          ? &e.file
                          : key == "rule"        ? &e.rule
                          : key == "fingerprint" ? &e.fingerprint
                          : key == "excerpt"     ? &e.excerpt
                                                 : nullptr;
      if (text) {
        if (!value.is_string()) return Fail(here, "\"" + key + "\" must be a string");
        *text = value.get<std::string>();
      } else if (key == "line") {
        if (!value.is_number_integer()) return Fail(here, "\"line\" must be an integer");
        e.line = value.get<int>();
      } else {
        return Fail(here,
                    "unknown key \"" + key +
                        "\" in a baseline entry (file, rule, fingerprint, line, excerpt)",
                    true);
      }
    }
    for (const char* key : {"file", "rule", "fingerprint"}) {
      bool empty = std::string_view(key) == "file"   ? e.file.empty()
                   : std::string_view(key) == "rule" ? e.rule.empty()
                                                     : e.fingerprint.empty();
      if (empty) return Fail(at, std::string("baseline entry needs a non-empty \"") + key + "\"");
    }
    return e;
  }

  std::string_view text_;
  std::string file_;
};

// A file name as a baseline records it: JSON holds UTF-8 only, so bytes that
// are not UTF-8 are written as U+FFFD; names are compared in that form.
std::string RecordedName(std::string_view path) { return SanitizeUtf8(path, nullptr); }

std::set<std::string> RecordedNames(const std::set<std::string>& paths) {
  std::set<std::string> out;
  for (const std::string& p : paths) out.insert(RecordedName(p));
  return out;
}

bool EntryLess(const BaselineEntry& a, const BaselineEntry& b) {
  return std::tie(a.file, a.line, a.rule, a.fingerprint) <
         std::tie(b.file, b.line, b.rule, b.fingerprint);
}

}  // namespace

Result<Baseline> ParseBaseline(std::string_view text, const std::string& filename) {
  json doc;
  try {
    doc = json::parse(text.begin(), text.end());
  } catch (const json::exception& ex) {
    Error e{filename, 0, 0, "invalid JSON in baseline"};
    if (const auto* pe = dynamic_cast<const json::parse_error*>(&ex)) {
      Position at = SourceIndex(text).At(text, pe->byte > 0 ? pe->byte - 1 : 0);
      e.line = at.line;
      e.column = at.column;
    }
    std::string_view what = ex.what();
    if (auto close = what.find("] "); !what.empty() && what[0] == '[' && close != what.npos) {
      what.remove_prefix(close + 2);
    }
    e.message += ": " + std::string(what);
    return e;
  }
  if (auto dup = FindDuplicateJsonKey(text)) {
    Position at = SourceIndex(text).At(text, dup->offset);
    Position first = SourceIndex(text).At(text, dup->first);
    return Error{
        filename, at.line, at.column,
        "duplicate key \"" + dup->key + "\" (first on line " + std::to_string(first.line) + ")"};
  }
  return Reader(text, filename).Read(doc);
}

Result<Baseline> ReadBaseline(const std::string& path) {
  auto text = ReadRegularFile(path, {limits::kBaselineBytes, "baseline"});
  if (!text.ok()) return text.error();
  return ParseBaseline(text.value(), path);
}

void AddEntries(const std::string& path, const std::vector<Finding>& findings, Baseline* b) {
  std::string name = RecordedName(path);
  for (const Finding& x : findings)
    b->entries.push_back({name, x.rule, x.fingerprint, x.line, x.excerpt});
}

void SortEntries(Baseline* b) { std::sort(b->entries.begin(), b->entries.end(), EntryLess); }

void KeepOtherFiles(const Baseline& old, const std::set<std::string>& linted, Baseline* fresh) {
  std::set<std::string> names = RecordedNames(linted);
  for (const BaselineEntry& e : old.entries) {
    if (!names.count(e.file)) fresh->entries.push_back(e);
  }
  std::sort(fresh->entries.begin(), fresh->entries.end(), EntryLess);
}

std::string SerializeBaseline(const Baseline& baseline) {
  std::string out = "{\n  \"schema\": \"" + std::string(kBaselineSchema) +
                    "\",\n  \"tool\": {\"name\": \"claimlint\", \"version\": \"" +
                    CLAIMLINT_VERSION + "\"},\n  \"entries\": [";
  for (std::size_t i = 0; i < baseline.entries.size(); ++i) {
    const BaselineEntry& e = baseline.entries[i];
    ojson j;
    j["file"] = e.file;
    j["rule"] = e.rule;
    j["fingerprint"] = e.fingerprint;
    j["line"] = e.line;
    j["excerpt"] = e.excerpt;
    out += (i ? ",\n    " : "\n    ") + j.dump(-1, ' ', false, ojson::error_handler_t::replace);
  }
  out += baseline.entries.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

Status WriteBaseline(const Baseline& baseline, const std::string& path) {
  // A new temporary file renamed over the old baseline: never through a
  // symbolic link, and the old one stays whole if anything fails.
  auto out = OutputFile::Open(path, "the baseline", /*may_replace_input=*/true);
  if (!out.ok()) return out.error();
  out.value()->stream() << SerializeBaseline(baseline);
  return out.value()->Commit();
}

BaselineIndex::BaselineIndex(const Baseline& baseline) : baseline_(baseline) {
  for (std::size_t i = 0; i < baseline_.entries.size(); ++i) {
    by_file_[baseline_.entries[i].file].push_back(i);
  }
}

BaselineFileOutcome BaselineIndex::Apply(const std::string& file, std::vector<Finding>* findings,
                                         std::vector<Finding>* hidden_out) const {
  BaselineFileOutcome outcome;
  auto entries = by_file_.find(RecordedName(file));
  if (entries == by_file_.end()) return outcome;
  const std::vector<std::size_t>& mine = entries->second;
  // The file's entries by fingerprint, in file order; each hides one finding.
  std::unordered_map<std::string_view, std::vector<std::size_t>> by_fingerprint;
  for (std::size_t k = mine.size(); k-- > 0;) {
    by_fingerprint[baseline_.entries[mine[k]].fingerprint].push_back(k);
  }
  std::vector<bool> used(mine.size(), false);
  std::vector<Finding> kept;
  kept.reserve(findings->size());
  for (Finding& x : *findings) {
    bool hidden = false;
    auto it = by_fingerprint.find(x.fingerprint);
    if (it != by_fingerprint.end() && !it->second.empty()) {
      used[it->second.back()] = true;
      it->second.pop_back();
      hidden = true;
    }
    if (hidden) {
      ++outcome.baselined;
      if (hidden_out) hidden_out->push_back(std::move(x));
    } else {
      kept.push_back(std::move(x));
    }
  }
  *findings = std::move(kept);
  for (bool u : used) outcome.stale += u ? 0 : 1;
  return outcome;
}

int BaselineIndex::StaleElsewhere(const std::set<std::string>& linted) const {
  int stale = 0;
  std::set<std::string> names = RecordedNames(linted);
  for (const auto& [file, entries] : by_file_) {
    if (names.count(file)) continue;
    // A name recorded with U+FFFD for bytes that were not UTF-8 cannot be
    // looked up: it is not known to be gone.
    if (file.find("\xEF\xBF\xBD") != std::string::npos) continue;
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) stale += static_cast<int>(entries.size());
  }
  return stale;
}

}  // namespace claimlint
