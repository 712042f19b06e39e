// The JSON report (schema claimlint-report/1, docs/report.schema.json) and
// its reader.
#include <charconv>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "lint/base/utf8.h"
#include "lint/genre/page_genre.h"
#include "lint/report/report.h"
#include "lint/report/report_util.h"

#ifndef CLAIMLINT_VERSION
#define CLAIMLINT_VERSION "0.0.0"
#endif

namespace claimlint {
namespace {

constexpr std::string_view kSchema = "claimlint-report/1";

// The report is written directly rather than built as an nlohmann tree first
// (about 3x faster on large runs; output is a measurable share of a run's time).
// The bytes are exactly what nlohmann's dump(2) would give: the tests compare
// the two.
class JsonOut {
 public:
  explicit JsonOut(std::ostream& out) : out_(out) {}

  // Appends "key": with the indentation for `depth`.
  void Key(int depth, std::string_view key, bool first) {
    buf_ += first ? "\n" : ",\n";
    buf_.append(2 * depth, ' ');
    String(key);
    buf_ += ": ";
  }
  void Raw(std::string_view s) { buf_ += s; }
  void Int(int v) { buf_ += std::to_string(v); }
  void Newline(int depth) {
    buf_ += '\n';
    buf_.append(2 * depth, ' ');
  }
  void Field(int depth, std::string_view key, std::string_view value, bool first = false) {
    Key(depth, key, first);
    String(value);
  }
  void Field(int depth, std::string_view key, int value, bool first = false) {
    Key(depth, key, first);
    Int(value);
  }
  // Not an overload of Field: a string literal would convert to bool.
  void Bool(int depth, std::string_view key, bool value, bool first = false) {
    Key(depth, key, first);
    buf_ += value ? "true" : "false";
  }
  // A number rounded to `decimals` places, written as nlohmann writes a
  // double (shortest form, ".0" on whole numbers).
  void Number(int depth, std::string_view key, double value, int decimals, bool first = false) {
    Key(depth, key, first);
    double scale = std::pow(10.0, decimals);
    double v = std::round(value * scale) / scale;
    char tmp[32];
    auto res = std::to_chars(tmp, tmp + sizeof tmp, v);
    std::string text(tmp, res.ptr);
    if (text.find_first_of(".e") == std::string::npos) text += ".0";
    buf_ += text;
  }

  // A JSON string: ", \ and control characters escaped as nlohmann does,
  // invalid UTF-8 bytes replaced by U+FFFD.
  void String(std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    buf_ += '"';
    for (std::size_t i = 0; i < s.size();) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c >= 0x80) {
        std::size_t len = ValidSequenceLength(s, i);
        if (len == 0) {
          buf_ += "\xEF\xBF\xBD";
          ++i;
        } else {
          buf_.append(s, i, len);
          i += len;
        }
        continue;
      }
      switch (c) {
        case '"':
          buf_ += "\\\"";
          break;
        case '\\':
          buf_ += "\\\\";
          break;
        case '\b':
          buf_ += "\\b";
          break;
        case '\f':
          buf_ += "\\f";
          break;
        case '\n':
          buf_ += "\\n";
          break;
        case '\r':
          buf_ += "\\r";
          break;
        case '\t':
          buf_ += "\\t";
          break;
        default:
          if (c < 0x20) {
            buf_ += "\\u00";
            buf_ += kHex[c >> 4];
            buf_ += kHex[c & 0xF];
          } else {
            buf_ += static_cast<char>(c);
          }
      }
      ++i;
    }
    buf_ += '"';
  }

  // Hands the buffered text to the stream (per file, to bound memory).
  void Flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }

 private:
  std::ostream& out_;
  std::string buf_;
};

void WriteFinding(const Finding& f, bool first, JsonOut* j) {
  j->Raw(first ? "\n" : ",\n");
  j->Raw("        {");
  j->Field(5, "rule", f.rule, true);
  j->Field(5, "category", CategoryName(f.category));
  j->Field(5, "severity", SeverityName(f.severity));
  j->Field(5, "message", f.message);
  j->Field(5, "line", f.line);
  j->Field(5, "column", f.column);
  j->Field(5, "end_line", f.end_line);
  j->Field(5, "end_column", f.end_column);
  j->Field(5, "excerpt", f.excerpt);
  j->Field(5, "sentence", f.sentence);
  j->Field(5, "context", f.context);
  if (!f.strength.empty()) j->Field(5, "strength", f.strength);
  j->Field(5, "suggestion", f.suggestion);
  j->Field(5, "fingerprint", f.fingerprint);
  j->Newline(4);
  j->Raw("}");
}

// The page's genre and stance (lint/genre/page_genre.h).
void WritePage(const PageGenre& page, JsonOut* j) {
  j->Key(3, "page", false);
  j->Raw("{");
  j->Field(4, "stance", StanceName(page.stance), true);
  j->Field(4, "genre", page.genre);
  j->Bool(4, "careful", page.careful);
  j->Number(4, "confidence", page.confidence, 2);
  j->Key(4, "signals", false);
  if (page.signals.empty()) {
    j->Raw("[]");
  } else {
    j->Raw("[");
    for (std::size_t i = 0; i < page.signals.size(); ++i) {
      const GenreSignal& s = page.signals[i];
      j->Raw(i == 0 ? "\n" : ",\n");
      j->Raw("          {");
      j->Field(6, "name", s.name, true);
      j->Field(6, "count", s.count);
      j->Field(6, "favours", StanceName(s.favours));
      j->Number(6, "points", s.points, 1);
      j->Newline(5);
      j->Raw("}");
    }
    j->Newline(4);
    j->Raw("]");
  }
  j->Newline(3);
  j->Raw("}");
}

void WriteFileEntry(const FileReport& file, bool first, JsonOut* j) {
  j->Raw(first ? "\n" : ",\n");
  j->Raw("    {");
  j->Field(3, "path", file.path, true);
  if (file.page) WritePage(*file.page, j);
  j->Key(3, "findings", false);
  if (file.findings.empty()) {
    j->Raw("[]");
  } else {
    j->Raw("[");
    for (std::size_t i = 0; i < file.findings.size(); ++i) {
      WriteFinding(file.findings[i], i == 0, j);
    }
    j->Newline(3);
    j->Raw("]");
  }
  j->Newline(2);
  j->Raw("}");
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
    std::string severity, category;
    if (!String(j, "rule", where, true, &f->rule) ||
        !String(j, "category", where, false, &category) ||
        !String(j, "severity", where, true, &severity) ||
        !String(j, "message", where, true, &f->message) || !Int(j, "line", where, true, &f->line) ||
        !Int(j, "column", where, true, &f->column)) {
      return false;
    }
    if (!ParseSeverity(severity, &f->severity)) {
      return Fail(where + ".severity", "expected error, warning or info, not \"" + severity + "\"");
    }
    // An older or hand-made report may leave the category out: the rule id's
    // first part names it ("claim.detox").
    if (category.empty()) category = f->rule.substr(0, f->rule.find('.'));
    if (!ParseCategory(category, &f->category)) {
      return Fail(
          where + ".category",
          "expected claim, citation, disclosure, quality, input or meta, not \"" + category + "\"");
    }
    f->end_line = f->line;
    f->end_column = f->column;
    if (!Int(j, "end_line", where, false, &f->end_line) ||
        !Int(j, "end_column", where, false, &f->end_column) ||
        !String(j, "excerpt", where, false, &f->excerpt) ||
        !String(j, "sentence", where, false, &f->sentence) ||
        !String(j, "context", where, false, &f->context) ||
        !String(j, "strength", where, false, &f->strength) ||
        !String(j, "suggestion", where, false, &f->suggestion) ||
        !String(j, "fingerprint", where, false, &f->fingerprint)) {
      return false;
    }
    f->file = path;
    return true;
  }

  // The optional "page" object; its signals are kept when well-formed.
  bool ReadPage(const json& j, const std::string& where, FileReport* file) {
    auto it = j.find("page");
    if (it == j.end()) return true;
    if (!it->is_object()) return Fail(where + ".page", "expected an object");
    PageGenre page;
    std::string stance;
    if (!String(*it, "stance", where + ".page", true, &stance) ||
        !String(*it, "genre", where + ".page", false, &page.genre)) {
      return false;
    }
    bool known = false;
    for (Stance s : {Stance::kPromotes, Stance::kAdvises, Stance::kReports, Stance::kRefutes}) {
      if (StanceName(s) == stance) {
        page.stance = s;
        known = true;
      }
    }
    if (!known) return Fail(where + ".page.stance", "unknown stance \"" + stance + "\"");
    if (auto c = it->find("careful"); c != it->end() && c->is_boolean()) page.careful = *c;
    if (auto c = it->find("confidence"); c != it->end() && c->is_number()) page.confidence = *c;
    if (auto sig = it->find("signals"); sig != it->end() && sig->is_array()) {
      for (const json& x : *sig) {
        if (!x.is_object()) continue;
        GenreSignal g;
        g.name = x.value("name", "");
        g.count = x.value("count", 0);
        g.points = x.value("points", 0.0);
        std::string favours = x.value("favours", "");
        for (Stance s : {Stance::kPromotes, Stance::kAdvises, Stance::kReports, Stance::kRefutes}) {
          if (StanceName(s) == favours) g.favours = s;
        }
        page.signals.push_back(std::move(g));
      }
    }
    file->page = std::move(page);
    return true;
  }

  bool ReadFile(const json& j, const std::string& where, FileReport* file) {
    if (!j.is_object()) return Fail(where, "expected an object");
    if (!String(j, "path", where, true, &file->path)) return false;
    if (!ReadPage(j, where, file)) return false;
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

struct JsonStreamWriter::State {
  explicit State(std::ostream& out) : j(out) {}
  JsonOut j;
  bool any_file = false;
};

JsonStreamWriter::JsonStreamWriter(std::ostream& out) : state_(std::make_unique<State>(out)) {
  JsonOut& j = state_->j;
  j.Raw("{");
  j.Field(1, "schema", kSchema, true);
  j.Key(1, "tool", false);
  j.Raw("{");
  j.Field(2, "name", "claimlint", true);
  j.Field(2, "version", CLAIMLINT_VERSION);
  j.Newline(1);
  j.Raw("}");
  j.Key(1, "files", false);
}

JsonStreamWriter::~JsonStreamWriter() = default;

void JsonStreamWriter::File(const FileReport& file) { Formatted(FormatJsonFile(file)); }

void JsonStreamWriter::Formatted(std::string_view entry) {
  JsonOut& j = state_->j;
  j.Raw(state_->any_file ? "," : "[");
  j.Raw(entry);
  state_->any_file = true;
  j.Flush();
}

std::string FormatJsonFile(const FileReport& file) {
  std::ostringstream out;
  JsonOut j(out);
  WriteFileEntry(file, /*first=*/true, &j);
  j.Flush();
  return std::move(out).str();
}

void JsonStreamWriter::End(const Summary& s) {
  JsonOut& j = state_->j;
  if (state_->any_file) {
    j.Newline(1);
    j.Raw("]");
  } else {
    j.Raw("[]");
  }
  j.Key(1, "summary", false);
  j.Raw("{");
  j.Field(2, "files", s.files, true);
  j.Field(2, "findings", s.findings);
  j.Field(2, "error", s.error);
  j.Field(2, "warning", s.warning);
  j.Field(2, "info", s.info);
  j.Field(2, "suppressed", s.suppressed);
  j.Field(2, "baselined", s.baselined);
  j.Field(2, "stale", s.stale);
  j.Newline(1);
  j.Raw("}\n}\n");
  j.Flush();
}

void WriteJson(const Report& report, std::ostream& out) {
  JsonStreamWriter w(out);
  for (const FileReport& file : report.files) w.File(file);
  w.End(report_internal::CountedSummary(report));
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
