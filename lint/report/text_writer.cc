// Compiler-style text: "path:line:col: severity: message [rule]", the source
// line, a caret underline, and a summary line. Findings that share an anchor
// (several missing risks on one word) keep a header line each, so that
// editors' error matchers still see every finding, and show the source line
// and caret once, under the last of them.
#include <algorithm>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

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

// A source line prepared once for every finding on it: as shown (tabs
// expanded to spaces, controls replaced), with the cell of every kStep-th
// column and the byte (in the shown text) of every kStep-th cell sampled, so
// that each caret costs a few steps and its window, not the line's length (a
// paragraph on one line may hold thousands of findings).
class ShownLine {
 public:
  static constexpr int kStep = 64;

  explicit ShownLine(std::string_view line) : line_(line) {
    int cell = 0, column = 1;
    for (std::size_t i = 0; i < line.size(); ++column) {
      if ((column - 1) % kStep == 0) {
        column_cell_.push_back(cell);
        column_byte_.push_back(i);
      }
      std::size_t len = 1;
      char32_t cp = DecodeAt(line, i, &len);
      int width = Width(cp, cell);
      for (int k = 0; k < width; ++k) {
        if ((cell + k) % kStep == 0) cell_byte_.push_back(shown_.size());
        if (cp == '\t') {
          shown_ += ' ';
        } else if (IsControl(cp)) {
          shown_ += "\xEF\xBF\xBD";
        } else {
          shown_.append(line.substr(i, len));
        }
      }
      cell += width;
      i += len;
    }
    cells_ = cell;
  }

  int cells() const { return cells_; }
  const std::string& shown() const { return shown_; }

  // The cell where code point column `column` (1-based) starts; cells() past the end.
  int CellOf(int column) const {
    if (column < 1 || column_cell_.empty()) return column < 1 ? 0 : cells_;
    std::size_t k =
        std::min(static_cast<std::size_t>((column - 1) / kStep), column_cell_.size() - 1);
    int col = static_cast<int>(k) * kStep + 1, cell = column_cell_[k];
    for (std::size_t i = column_byte_[k]; i < line_.size() && col < column; ++col) {
      std::size_t len = 1;
      cell += Width(DecodeAt(line_, i, &len), cell);
      i += len;
    }
    return col == column ? cell : cells_;
  }

  // The shown text of cells [from, to).
  std::string Cells(int from, int to) const {
    return std::string(shown_.substr(ByteOf(from), ByteOf(to) - ByteOf(from)));
  }

 private:
  static int Width(char32_t cp, int cell) { return cp == '\t' ? kTabStop - cell % kTabStop : 1; }

  std::size_t ByteOf(int cell) const {
    if (cell >= cells_) return shown_.size();
    std::size_t k = static_cast<std::size_t>(cell / kStep);
    std::size_t i = cell_byte_[k];
    for (int c = static_cast<int>(k) * kStep; c < cell; ++c) {
      ++i;
      while (i < shown_.size() && IsContinuationByte(static_cast<unsigned char>(shown_[i]))) ++i;
    }
    return i;
  }

  std::string_view line_;
  std::string shown_;
  int cells_ = 0;
  std::vector<int> column_cell_;
  std::vector<std::size_t> column_byte_, cell_byte_;
};

// The source line as shown and the caret underline for code point columns
// [col, end_col) (1-based; end_col < 0: to the end of the line); a window of
// the line when it is long.
struct CaretLines {
  std::string source;
  std::string caret;
};

CaretLines RenderCaret(const ShownLine& line, int col, int end_col) {
  col = std::max(col, 1);  // a finding about the whole line
  CaretLines out;
  const int cells = line.cells();
  int start_cell = line.CellOf(col);
  int end_cell = end_col >= 1 ? line.CellOf(end_col) : cells;
  if (end_cell < start_cell) end_cell = cells;
  int width = std::max(1, end_cell - start_cell);
  if (cells > kMaxLineWidth) {
    // A paragraph on one line: show a window around the finding.
    int from = std::max(0, start_cell - kContext);
    int to = std::min(cells, std::max(start_cell + width, from) + kContext);
    to = std::min(to, from + kMaxLineWidth);
    width = std::max(1, std::min(width, to - start_cell));
    out.source = from > 0 ? "\xE2\x80\xA6" : "";  // "…"
    out.source += line.Cells(from, to);
    if (to < cells) out.source += "\xE2\x80\xA6";
    start_cell = start_cell - from + (from > 0 ? 1 : 0);
  } else {
    out.source = line.shown();
  }
  out.caret.assign(static_cast<std::size_t>(std::max(0, start_cell)), ' ');
  out.caret += '^';
  out.caret.append(static_cast<std::size_t>(width - 1), '~');
  return out;
}

// A line of output that would start (after blanks) with "::" gets a
// zero-width space in front: the GitHub Actions runner executes such a line
// of a step's log as a workflow command (::add-mask::, ::error ...), and an
// article's line or file name must never be one.
std::string Inert(std::string line) {
  std::size_t i = 0;
  while (i < line.size()) {
    std::size_t len = 1;
    char32_t cp = DecodeAt(line, i, &len);
    bool blank = cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x1680 ||
                 (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
                 cp == 0x205F || cp == 0x3000 || cp == 0x85 || cp == 0xFEFF;
    if (!blank) break;
    i += len;
  }
  if (line.compare(i, 2, "::") == 0) line.insert(0, "\xE2\x80\x8B");
  return line;
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
  // Findings come sorted by line: the line of the last one is kept.
  const ShownLine& Shown(const LineTable& lines, int line) {
    if (shown_line_ != line || !shown_) {
      shown_.emplace(lines.Line(line));
      shown_line_ = line;
    }
    return *shown_;
  }

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
    out_ << Styled(kBold, Inert(where)) << ' ' << Styled(SeverityColor(f.severity), severity) << ' '
         << OneLine(f.message) << " [" << OneLine(f.rule) << "]\n";
  }

  void WriteSource(const FileReport& file, const LineTable& lines, const Finding& f) {
    if (f.line < 1 || f.line > lines.count() || file.source.empty()) return;
    int end_col = f.end_line == f.line ? f.end_column : -1;
    CaretLines caret = RenderCaret(Shown(lines, f.line), f.column, end_col);
    out_ << Inert(std::move(caret.source)) << '\n' << Styled(kGreen, caret.caret) << '\n';
  }

  bool color_;
  std::ostream& out_;
  std::optional<ShownLine> shown_;
  int shown_line_ = 0;
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
