#include "lint/report/sinks.h"

namespace claimlint {
namespace {

// text: compiler-style lines, written as the files come.
class TextSink : public ReportSink {
 public:
  TextSink(std::ostream& out, const SinkOptions& o) : out_(out) { opts_.color = o.color; }
  bool needs_source() const override { return true; }
  std::string Format(const FileReport& file) const override { return FormatTextFile(file, opts_); }
  void Add(FileReport, std::string formatted) override { out_ << formatted; }
  void Finish(const Summary& summary) override { WriteTextSummary(summary, opts_, out_); }

 private:
  std::ostream& out_;
  OutputOptions opts_;
};

// json: the versioned report, written as the files come.
class JsonSink : public ReportSink {
 public:
  explicit JsonSink(std::ostream& out) : writer_(out) {}
  std::string Format(const FileReport& file) const override { return FormatJsonFile(file); }
  void Add(FileReport, std::string formatted) override { writer_.Formatted(formatted); }
  void Finish(const Summary& summary) override { writer_.End(summary); }

 private:
  JsonStreamWriter writer_;
};

// sarif, github, html: need the whole run.
class WholeReportSink : public ReportSink {
 public:
  using Writer = void (*)(const Report&, const OutputOptions&, std::ostream&);
  WholeReportSink(std::ostream& out, const SinkOptions& o, Writer write, bool source)
      : out_(out), write_(write), source_(source) {
    opts_.color = o.color;
    opts_.github_cap = o.github_cap;
    opts_.link_base = o.link_base;
    report_.rules = o.rules;
  }
  bool needs_source() const override { return source_; }
  void Add(FileReport file, std::string) override { report_.files.push_back(std::move(file)); }
  void Finish(const Summary& summary) override {
    report_.summary = summary;
    write_(report_, opts_, out_);
  }

 private:
  std::ostream& out_;
  Writer write_;
  bool source_;
  OutputOptions opts_;
  Report report_;
};

class TeeSink : public ReportSink {
 public:
  explicit TeeSink(std::vector<std::unique_ptr<ReportSink>> sinks) : sinks_(std::move(sinks)) {}
  bool needs_source() const override {
    for (const auto& s : sinks_) {
      if (s->needs_source()) return true;
    }
    return false;
  }
  std::string Format(const FileReport& file) const override { return sinks_[0]->Format(file); }
  void Add(FileReport file, std::string formatted) override {
    for (std::size_t i = 1; i < sinks_.size(); ++i) {
      FileReport copy = file;
      if (!sinks_[i]->needs_source()) copy.source.clear();
      std::string mine = sinks_[i]->Format(copy);
      sinks_[i]->Add(std::move(copy), std::move(mine));
    }
    sinks_[0]->Add(std::move(file), std::move(formatted));
  }
  void Finish(const Summary& summary) override {
    for (auto& s : sinks_) s->Finish(summary);
  }

 private:
  std::vector<std::unique_ptr<ReportSink>> sinks_;
};

}  // namespace

std::unique_ptr<ReportSink> TeeSinks(std::vector<std::unique_ptr<ReportSink>> sinks) {
  if (sinks.size() == 1) return std::move(sinks[0]);
  return std::make_unique<TeeSink>(std::move(sinks));
}

std::string ReportSink::Format(const FileReport&) const { return {}; }

const std::vector<FormatInfo>& Formats() {
  static const std::vector<FormatInfo> formats = {
      {"text", "compiler-style lines with the source and a caret (the default)",
       [](std::ostream& out, const SinkOptions& o) -> std::unique_ptr<ReportSink> {
         return std::make_unique<TextSink>(out, o);
       }},
      {"json", "the versioned report (docs/report.md)",
       [](std::ostream& out, const SinkOptions&) -> std::unique_ptr<ReportSink> {
         return std::make_unique<JsonSink>(out);
       }},
      {"sarif", "SARIF 2.1.0, for GitHub code scanning",
       [](std::ostream& out, const SinkOptions& o) -> std::unique_ptr<ReportSink> {
         return std::make_unique<WholeReportSink>(
             out, o,
             [](const Report& r, const OutputOptions&, std::ostream& s) { WriteSarif(r, s); },
             false);
       }},
      {"github", "GitHub Actions annotations (the default when GITHUB_ACTIONS=true)",
       [](std::ostream& out, const SinkOptions& o) -> std::unique_ptr<ReportSink> {
         return std::make_unique<WholeReportSink>(out, o, WriteGithub, false);
       }},
      {"html", "a self-contained review page for editors",
       [](std::ostream& out, const SinkOptions& o) -> std::unique_ptr<ReportSink> {
         return std::make_unique<WholeReportSink>(
             out, o,
             [](const Report& r, const OutputOptions&, std::ostream& s) { WriteHtml(r, s); }, true);
       }},
      {"markdown", "a Markdown summary: counts and the top findings (CI job summaries)",
       [](std::ostream& out, const SinkOptions& o) -> std::unique_ptr<ReportSink> {
         return std::make_unique<WholeReportSink>(out, o, WriteMarkdown, false);
       }},
  };
  return formats;
}

const FormatInfo* FindFormat(std::string_view name) {
  for (const FormatInfo& f : Formats()) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::string FormatNames() {
  std::string out;
  for (const FormatInfo& f : Formats()) {
    if (!out.empty()) out += ", ";
    out += f.name;
  }
  return out;
}

}  // namespace claimlint
