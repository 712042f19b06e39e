// The JSON report (schema claimlint-report/1, docs/report.schema.json) and
// its reader.
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "lint/report/report.h"
#include "lint/report/report_util.h"

#ifndef CLAIMLINT_VERSION
#define CLAIMLINT_VERSION "0.0.0"
#endif

namespace claimlint {
namespace {

using ojson = nlohmann::ordered_json;

constexpr std::string_view kSchema = "claimlint-report/1";

ojson FindingJson(const Finding& f) {
  ojson j;
  j["rule"] = f.rule;
  j["category"] = f.category;
  j["severity"] = SeverityName(f.severity);
  j["message"] = f.message;
  j["line"] = f.line;
  j["column"] = f.column;
  j["end_line"] = f.end_line;
  j["end_column"] = f.end_column;
  j["excerpt"] = f.excerpt;
  j["sentence"] = f.sentence;
  j["context"] = f.context;
  j["suggestion"] = f.suggestion;
  j["fingerprint"] = f.fingerprint;
  return j;
}

ojson SummaryJson(const Summary& s) {
  ojson j;
  j["files"] = s.files;
  j["findings"] = s.findings;
  j["error"] = s.error;
  j["warning"] = s.warning;
  j["info"] = s.info;
  j["suppressed"] = s.suppressed;
  j["baselined"] = s.baselined;
  j["stale"] = s.stale;
  return j;
}

// ---- reading ----

using json = nlohmann::json;

class Reader {
 public:
  explicit Reader(std::string_view filename) : filename_(filename) {}

  bool failed() const { return failed_; }
  Error error() const { return Error{filename_, 0, 0, message_}; }

  bool Fail(const std::string& where, const std::string& what) {
    if (!failed_) message_ = where + ": " + what;
    failed_ = true;
    return false;
  }

  // Reads a string member; absent and not required: "".
  bool String(const json& obj, const char* key, const std::string& where, bool required,
              std::string* out) {
    auto it = obj.find(key);
    if (it == obj.end())
      return required ? Fail(where, std::string("missing \"") + key + "\"") : true;
    if (!it->is_string()) return Fail(where + "." + key, "expected a string");
    *out = it->get<std::string>();
    return true;
  }

  bool Int(const json& obj, const char* key, const std::string& where, bool required, int* out) {
    auto it = obj.find(key);
    if (it == obj.end())
      return required ? Fail(where, std::string("missing \"") + key + "\"") : true;
    if (!it->is_number_integer()) return Fail(where + "." + key, "expected an integer");
    long long v = it->get<long long>();
    if (v < 0 || v > std::numeric_limits<int>::max()) {
      return Fail(where + "." + key, "out of range");
    }
    *out = static_cast<int>(v);
    return true;
  }

  bool ReadFinding(const json& j, const std::string& where, const std::string& path, Finding* f) {
    if (!j.is_object()) return Fail(where, "expected an object");
    std::string severity;
    if (!String(j, "rule", where, true, &f->rule) ||
        !String(j, "category", where, false, &f->category) ||
        !String(j, "severity", where, true, &severity) ||
        !String(j, "message", where, true, &f->message) || !Int(j, "line", where, true, &f->line) ||
        !Int(j, "column", where, true, &f->column)) {
      return false;
    }
    if (!ParseSeverity(severity, &f->severity)) {
      return Fail(where + ".severity", "expected error, warning or info, not \"" + severity + "\"");
    }
    f->end_line = f->line;
    f->end_column = f->column;
    if (!Int(j, "end_line", where, false, &f->end_line) ||
        !Int(j, "end_column", where, false, &f->end_column) ||
        !String(j, "excerpt", where, false, &f->excerpt) ||
        !String(j, "sentence", where, false, &f->sentence) ||
        !String(j, "context", where, false, &f->context) ||
        !String(j, "suggestion", where, false, &f->suggestion) ||
        !String(j, "fingerprint", where, false, &f->fingerprint)) {
      return false;
    }
    f->file = path;
    return true;
  }

  bool ReadFile(const json& j, const std::string& where, FileReport* file) {
    if (!j.is_object()) return Fail(where, "expected an object");
    if (!String(j, "path", where, true, &file->path)) return false;
    auto it = j.find("findings");
    if (it == j.end()) return true;
    if (!it->is_array()) return Fail(where + ".findings", "expected an array");
    for (std::size_t i = 0; i < it->size(); ++i) {
      Finding f;
      if (!ReadFinding((*it)[i], where + ".findings[" + std::to_string(i) + "]", file->path, &f)) {
        return false;
      }
      file->findings.push_back(std::move(f));
    }
    return true;
  }

  bool ReadReport(const json& doc, Report* report) {
    if (!doc.is_object()) return Fail("report", "expected a JSON object");
    std::string schema;
    if (!String(doc, "schema", "report", true, &schema)) return false;
    if (schema != kSchema) {
      return Fail("report.schema", "unsupported report schema \"" + schema +
                                       "\" (this claimlint reads " + std::string(kSchema) + ")");
    }
    auto files = doc.find("files");
    if (files == doc.end() || !files->is_array()) {
      return Fail("report.files", "expected an array");
    }
    for (std::size_t i = 0; i < files->size(); ++i) {
      FileReport file;
      if (!ReadFile((*files)[i], "files[" + std::to_string(i) + "]", &file)) return false;
      report->files.push_back(std::move(file));
    }
    auto summary = doc.find("summary");
    if (summary != doc.end()) {
      if (!summary->is_object()) return Fail("summary", "expected an object");
      Summary& s = report->summary;
      if (!Int(*summary, "suppressed", "summary", false, &s.suppressed) ||
          !Int(*summary, "baselined", "summary", false, &s.baselined) ||
          !Int(*summary, "stale", "summary", false, &s.stale)) {
        return false;
      }
    }
    return true;
  }

 private:
  std::string filename_;
  std::string message_;
  bool failed_ = false;
};

// 1-based line and column (in bytes) of a byte offset, for parse errors.
void LineColumnAt(std::string_view text, std::size_t offset, int* line, int* column) {
  *line = 1;
  *column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++*line;
      *column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++*column;
    }
  }
}

}  // namespace

void WriteJson(const Report& report, std::ostream& out) {
  ojson doc;
  doc["schema"] = kSchema;
  doc["tool"] = {{"name", "claimlint"}, {"version", CLAIMLINT_VERSION}};
  ojson files = ojson::array();
  for (const FileReport& file : report.files) {
    ojson findings = ojson::array();
    for (const Finding& f : file.findings) findings.push_back(FindingJson(f));
    ojson entry;
    entry["path"] = file.path;
    entry["findings"] = std::move(findings);
    files.push_back(std::move(entry));
  }
  doc["files"] = std::move(files);
  doc["summary"] = SummaryJson(report_internal::CountedSummary(report));
  out << doc.dump(2, ' ', false, ojson::error_handler_t::replace) << '\n';
}

Result<Report> ReadJsonReport(std::string_view text, std::string_view filename) {
  json doc;
  try {
    doc = json::parse(text.begin(), text.end());
  } catch (const json::exception& e) {
    Error err{std::string(filename), 0, 0, "invalid JSON report"};
    if (const auto* pe = dynamic_cast<const json::parse_error*>(&e)) {
      LineColumnAt(text, pe->byte > 0 ? pe->byte - 1 : 0, &err.line, &err.column);
    }
    // Drop nlohmann's "[json.exception.parse_error.101] " prefix.
    std::string_view what = e.what();
    if (auto close = what.find("] "); !what.empty() && what[0] == '[' && close != what.npos) {
      what.remove_prefix(close + 2);
    }
    err.message += ": ";
    err.message += what;
    return err;
  }
  Reader reader(filename);
  Report report;
  if (!reader.ReadReport(doc, &report)) return reader.error();
  Tally(&report);
  return report;
}

}  // namespace claimlint
