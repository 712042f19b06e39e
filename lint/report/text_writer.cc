// Compiler-style text: "path:line:col: severity: message [rule]", the source
// line, a caret underline, and a summary line. Findings that share an anchor
// (several missing risks on one word) keep a header line each, so that
// editors' error matchers still see every finding, and show the source line
// and caret once, under the last of them.
#include <algorithm>
#include <sstream>
#include <string>
#include <string_view>

#include "lint/base/utf8.h"
#include "lint/report/report.h"
#include "lint/report/report_util.h"

namespace claimlint {
namespace {

using report_internal::LineTable;

constexpr int kTabStop = 8;
// Lines wider than this are shown as a window of kContext cells either side
// of the finding (articles often hold a whole paragraph on one line).
constexpr int kMaxLineWidth = 160;
constexpr int kContext = 60;

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kGreen = "\x1b[1;32m";

std::string_view SeverityColor(Severity s) {
  switch (s) {
    case Severity::kError:
      return "\x1b[1;31m";
    case Severity::kWarning:
      return "\x1b[1;33m";
    case Severity::kInfo:
      return "\x1b[1;36m";
  }
  return "";
}

// Control characters (C0, DEL, C1) could drive the terminal: show U+FFFD.
bool IsControl(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

// Code points [from, to) of `text`.
std::string CodePoints(std::string_view text, int from, int to) {
  std::size_t i = 0, begin = text.size();
  for (int k = 0; i <= text.size(); ++k) {
    if (k == from) begin = i;
    if (k == to || i == text.size()) break;
    ++i;
    while (i < text.size() && IsContinuationByte(static_cast<unsigned char>(text[i]))) ++i;
  }
  return std::string(text.substr(begin, i - std::min(begin, i)));
}

// A source line as shown (tabs expanded to spaces, controls replaced, a window
// of it when it is long) and the caret underline for code point columns
// [col, end_col) (1-based; end_col < 0: to the end of the line).
struct CaretLines {
  std::string source;
  std::string caret;
};

CaretLines RenderCaret(std::string_view line, int col, int end_col) {
  col = std::max(col, 1);  // a finding about the whole line
  CaretLines out;
  int cell = 0;
  int start_cell = -1, end_cell = -1;
  int column = 1;
  for (std::size_t i = 0; i < line.size(); ++column) {
    if (column == col) start_cell = cell;
    if (column == end_col) end_cell = cell;
    std::size_t len = 1;
    char32_t cp = DecodeAt(line, i, &len);
    if (cp == '\t') {
      int width = kTabStop - cell % kTabStop;
      out.source.append(width, ' ');
      cell += width;
    } else if (IsControl(cp)) {
      out.source += "\xEF\xBF\xBD";
      ++cell;
    } else {
      out.source.append(line.substr(i, len));
      ++cell;
    }
    i += len;
  }
  if (start_cell < 0) start_cell = cell;  // at or past the end of the line
  if (end_cell < 0 || end_cell < start_cell) end_cell = cell;
  int width = std::max(1, end_cell - start_cell);
  if (cell > kMaxLineWidth) {
    // A paragraph on one line: show a window around the finding.
    int from = std::max(0, start_cell - kContext);
    int to = std::min(cell, std::max(start_cell + width, from) + kContext);
    to = std::min(to, from + kMaxLineWidth);
    width = std::max(1, std::min(width, to - start_cell));
    std::string shown = from > 0 ? "\xE2\x80\xA6" : "";  // "…"
    shown += CodePoints(out.source, from, to);
    if (to < cell) shown += "\xE2\x80\xA6";
    out.source = std::move(shown);
    start_cell = start_cell - from + (from > 0 ? 1 : 0);
  }
  out.caret.assign(start_cell, ' ');
  out.caret += '^';
  out.caret.append(width - 1, '~');
  return out;
}

// One line of output: line breaks and tabs become spaces, other controls U+FFFD.
std::string OneLine(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 1;
    char32_t cp = DecodeAt(text, i, &len);
    if (cp == '\n' || cp == '\r' || cp == '\t') {
      out += ' ';
    } else if (IsControl(cp)) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(text.substr(i, len));
    }
    i += len;
  }
  return out;
}

class TextWriter {
 public:
  TextWriter(const OutputOptions& opts, std::ostream& out) : color_(opts.color), out_(out) {}

  void WriteFile(const FileReport& file) {
    LineTable lines(file.source);
    for (const auto& group : report_internal::GroupByAnchor(file.findings)) {
      for (const Finding* f : group) WriteHeader(file, *f);
      WriteSource(file, lines, *group.front());
    }
  }

  void WriteSummary(const Summary& s) {
    if (s.findings > 0) out_ << '\n';
    out_ << Styled(kBold, report_internal::SummaryLine(s)) << '\n';
  }

 private:
  std::string Styled(std::string_view style, std::string_view text) const {
    if (!color_) return std::string(text);
    std::string s(style);
    s += text;
    s += kReset;
    return s;
  }

  void WriteHeader(const FileReport& file, const Finding& f) {
    std::string where = OneLine(file.path) + ":";
    if (f.line > 0) {
      where += std::to_string(f.line) + ":" + std::to_string(f.column) + ":";
    }
    std::string severity(SeverityName(f.severity));
    severity += ':';
    out_ << Styled(kBold, where) << ' ' << Styled(SeverityColor(f.severity), severity) << ' '
         << OneLine(f.message) << " [" << OneLine(f.rule) << "]\n";
  }

  void WriteSource(const FileReport& file, const LineTable& lines, const Finding& f) {
    if (f.line < 1 || f.line > lines.count() || file.source.empty()) return;
    int end_col = f.end_line == f.line ? f.end_column : -1;
    CaretLines caret = RenderCaret(lines.Line(f.line), f.column, end_col);
    out_ << caret.source << '\n' << Styled(kGreen, caret.caret) << '\n';
  }

  bool color_;
  std::ostream& out_;
};

}  // namespace

void WriteText(const Report& report, const OutputOptions& opts, std::ostream& out) {
  for (const FileReport& file : report.files) out << FormatTextFile(file, opts);
  WriteTextSummary(report_internal::CountedSummary(report), opts, out);
}

std::string FormatTextFile(const FileReport& file, const OutputOptions& opts) {
  std::ostringstream out;
  TextWriter(opts, out).WriteFile(file);
  return std::move(out).str();
}

void WriteTextSummary(const Summary& summary, const OutputOptions& opts, std::ostream& out) {
  TextWriter(opts, out).WriteSummary(summary);
}

}  // namespace claimlint
