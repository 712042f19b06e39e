#include "lint/report/report_util.h"

#include <algorithm>
#include <cctype>

#include "lint/base/utf8.h"

namespace claimlint::report_internal {
namespace {

void CountSeverities(const FileReport& file, Summary* s) {
  ++s->files;
  for (const Finding& f : file.findings) {
    ++s->findings;
    switch (f.severity) {
      case Severity::kError:
        ++s->error;
        break;
      case Severity::kWarning:
        ++s->warning;
        break;
      case Severity::kInfo:
        ++s->info;
        break;
    }
  }
}

}  // namespace

Summary CountedSummary(const Report& report) {
  Summary s = report.summary;
  s.files = 0;
  s.findings = s.error = s.warning = s.info = 0;
  for (const FileReport& file : report.files) CountSeverities(file, &s);
  return s;
}

LineTable::LineTable(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || text[i] == '\r') {
      ends_.push_back(i);
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      starts_.push_back(i + 1);
    }
  }
  ends_.push_back(text.size());
}

std::size_t LineTable::Start(int line) const {
  if (line < 1) return 0;
  if (line > count()) return text_.size();
  return starts_[line - 1];
}

std::size_t LineTable::End(int line) const {
  if (line < 1) return 0;
  if (line > count()) return text_.size();
  return ends_[line - 1];
}

std::string_view LineTable::Line(int line) const {
  if (line < 1 || line > count()) return {};
  return text_.substr(Start(line), End(line) - Start(line));
}

std::size_t LineTable::Offset(int line, int column) const {
  std::size_t i = Start(line);
  const std::size_t end = End(line);
  int col = 1;
  if (end - i > 4 * kStep && column > kStep) {
    auto [it, fresh] = samples_.try_emplace(line);
    std::vector<std::size_t>& at = it->second;
    if (fresh) {
      int c = 1;
      for (std::size_t k = i; k < end; ++c) {
        if ((c - 1) % kStep == 0) at.push_back(k);
        ++k;
        while (k < end && IsContinuationByte(static_cast<unsigned char>(text_[k]))) ++k;
      }
    }
    std::size_t s = std::min(static_cast<std::size_t>((column - 1) / kStep), at.size() - 1);
    i = at[s];
    col = static_cast<int>(s) * kStep + 1;
  }
  for (; i < end && col < column; ++col) {
    ++i;
    while (i < end && IsContinuationByte(static_cast<unsigned char>(text_[i]))) ++i;
  }
  return i;
}

RuleLookup::RuleLookup(const RuleSet* rules) : rules_(rules) {
  if (rules_ == nullptr) return;
  const std::vector<Rule>& all = rules_->rules();
  for (std::size_t i = 0; i < all.size(); ++i) index_.emplace(all[i].id, static_cast<int>(i));
}

const Rule* RuleLookup::Find(std::string_view id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &rules_->rules()[it->second];
}

std::string_view SarifLevel(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "note";
  }
  return "note";
}

namespace {

bool KeepInUri(unsigned char c) {
  if (std::isalnum(c)) return true;
  switch (c) {
    case '-':
    case '.':
    case '_':
    case '~':
    case '/':
    case '@':
    case '!':
    case '$':
    case '&':
    case '\'':
    case '(':
    case ')':
    case '*':
    case '+':
    case ',':
    case ';':
    case '=':
      return true;
    default:
      return false;
  }
}

void AppendEncoded(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : s) {
    if (c < 0x80 && KeepInUri(c)) {
      *out += static_cast<char>(c);
    } else {
      *out += '%';
      *out += kHex[c >> 4];
      *out += kHex[c & 0xF];
    }
  }
}

}  // namespace

std::string PathToUri(std::string_view path) {
  std::string p(path);
  std::string out;
#ifdef _WIN32
  std::replace(p.begin(), p.end(), '\\', '/');
  if (p.size() >= 2 && std::isalpha(static_cast<unsigned char>(p[0])) && p[1] == ':') {
    // A drive path: file:///C:/...
    out = "file:///";
    out += p.substr(0, 2);
    AppendEncoded(std::string_view(p).substr(2), &out);
    return out;
  }
#endif
  // On POSIX a backslash is part of a file name ("a\\b.md"), as is a colon:
  // both are percent-encoded like any other reserved byte.
  if (!p.empty() && p[0] == '/') {
    out = p.size() > 1 && p[1] == '/' ? "file:" : "file://";
  }
  // Leading "./" adds nothing to a relative reference.
  std::string_view rest(p);
  while (rest.substr(0, 2) == "./") rest.remove_prefix(2);
  AppendEncoded(rest, &out);
  return out;
}

std::string CountNoun(int n, std::string_view noun, std::string_view plural) {
  std::string out = std::to_string(n);
  out += ' ';
  if (n == 1) {
    out += noun;
  } else if (plural.empty()) {
    out += noun;
    out += 's';
  } else {
    out += plural;
  }
  return out;
}

namespace {

void AppendPart(std::string* line, int n, std::string_view noun, std::string_view plural) {
  if (n == 0) return;
  if (!line->empty()) *line += ", ";
  *line += CountNoun(n, noun, plural);
}

}  // namespace

std::string SummaryLine(const Summary& s) {
  std::string line;
  if (s.findings == 0) {
    line = "no findings";
  } else {
    AppendPart(&line, s.error, "error", "");
    AppendPart(&line, s.warning, "warning", "");
    AppendPart(&line, s.info, "info", "info");
  }
  line += " in " + CountNoun(s.files, "file");
  std::string extra;
  AppendPart(&extra, s.suppressed, "suppressed", "suppressed");
  AppendPart(&extra, s.baselined, "baselined", "baselined");
  AppendPart(&extra, s.stale, "stale baseline entry", "stale baseline entries");
  if (!extra.empty()) line += " (" + extra + ")";
  return line;
}

std::vector<std::vector<const Finding*>> GroupByAnchor(const std::vector<Finding>& findings) {
  std::vector<std::vector<const Finding*>> groups;
  // Findings are sorted by line and column, so a shared anchor lies within
  // the run of findings at one start; the run is short, so a linear look-up
  // into the groups it opened is enough.
  std::size_t run_start = 0;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    if (i > 0 && (findings[i - 1].line != f.line || findings[i - 1].column != f.column)) {
      run_start = groups.size();
    }
    std::vector<const Finding*>* home = nullptr;
    if (f.line >= 1) {
      for (std::size_t g = run_start; g < groups.size() && !home; ++g) {
        const Finding& a = *groups[g].front();
        if (a.line == f.line && a.column == f.column && a.end_line == f.end_line &&
            a.end_column == f.end_column) {
          home = &groups[g];
        }
      }
    }
    if (home) {
      home->push_back(&f);
    } else {
      groups.push_back({&f});
    }
  }
  return groups;
}

}  // namespace claimlint::report_internal

namespace claimlint {}  // namespace claimlint
