// GitHub Actions workflow commands ("::error file=...::message"). GitHub shows
// at most 10 annotations of each level per step, so the most severe are
// printed first, each level is capped, and a final notice says how many were
// left out. Findings that share an anchor (several missing risks on one
// word) are one annotation: its title lists their rules, its body their
// messages, and it takes the level of the most severe.
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "lint/report/report.h"
#include "lint/report/report_util.h"

namespace claimlint {
namespace {

// Escaping as in @actions/core (command.ts): data escapes % CR LF; property
// values also escape : and ,.
std::string EscapeData(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string EscapeProperty(std::string_view s) {
  std::string out;
  for (char c : EscapeData(s)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

std::string_view Command(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "notice";
  }
  return "notice";
}

void WriteAnnotation(const FileReport& file, const std::vector<const Finding*>& group,
                     Severity level, std::ostream& out) {
  const Finding& f = *group.front();
  out << "::" << Command(level) << " file=" << EscapeProperty(file.path);
  if (f.line >= 1) {
    out << ",line=" << f.line << ",endLine=" << std::max(f.end_line, f.line);
    if (f.column >= 1) {
      out << ",col=" << f.column;
      // GitHub ignores columns on multi-line annotations; keep them anyway.
      if (f.end_column >= 1) out << ",endColumn=" << f.end_column;
    }
  }
  std::string title, body;
  for (const Finding* g : group) {
    if (!title.empty()) title += ", ";
    title += g->rule;
    std::string text = g->message;
    if (group.size() > 1) text = "[" + g->rule + "] " + text;
    if (!g->suggestion.empty()) text += "\n" + g->suggestion;
    if (!body.empty()) body += "\n\n";
    body += text;
  }
  out << ",title=" << EscapeProperty(title) << "::" << EscapeData(body) << '\n';
}

}  // namespace

void WriteGithub(const Report& report, const OutputOptions& opts, std::ostream& out) {
  struct Item {
    const FileReport* file;
    std::vector<const Finding*> group;
    Severity level;
  };
  // Index 0 = error, 1 = warning, 2 = info; each in report order.
  std::array<std::vector<Item>, 3> by_level;
  for (const FileReport& file : report.files) {
    for (auto& group : report_internal::GroupByAnchor(file.findings)) {
      Severity level = Severity::kInfo;
      for (const Finding* f : group) level = std::max(level, f->severity);
      by_level[2 - static_cast<int>(level)].push_back({&file, std::move(group), level});
    }
  }
  const bool capped = opts.github_cap >= 0;
  const std::size_t cap = capped ? static_cast<std::size_t>(opts.github_cap) : 0;
  auto over = [&](const std::vector<Item>& v, std::size_t limit) {
    return capped && v.size() > limit;
  };
  // The closing notice takes one of the notice slots when anything is left out.
  bool truncated = over(by_level[0], cap) || over(by_level[1], cap) || over(by_level[2], cap);
  std::array<std::size_t, 3> limits{cap, cap, truncated && cap > 0 ? cap - 1 : cap};
  std::array<std::size_t, 3> left{0, 0, 0};
  for (int level = 0; level < 3; ++level) {
    const std::vector<Item>& items = by_level[level];
    std::size_t shown = capped ? std::min(items.size(), limits[level]) : items.size();
    for (std::size_t i = 0; i < shown; ++i) {
      WriteAnnotation(*items[i].file, items[i].group, items[i].level, out);
    }
    for (std::size_t i = shown; i < items.size(); ++i) left[level] += items[i].group.size();
  }
  std::size_t total_left = left[0] + left[1] + left[2];
  if (total_left == 0) return;
  std::string parts;
  auto add = [&](std::size_t n, std::string_view noun, std::string_view plural) {
    if (n == 0) return;
    if (!parts.empty()) parts += ", ";
    parts += report_internal::CountNoun(static_cast<int>(n), noun, plural);
  };
  add(left[0], "error", "");
  add(left[1], "warning", "");
  add(left[2], "info", "info");
  std::string message = std::to_string(total_left) + " more claimlint " +
                        (total_left == 1 ? "finding was" : "findings were") + " not annotated (" +
                        parts + "): GitHub shows only " + std::to_string(cap) +
                        " annotations of each level per step. The full list is in the text, "
                        "JSON or SARIF output (claimlint --format text|json|sarif).";
  out << "::notice::" << EscapeData(message) << '\n';
}

}  // namespace claimlint
