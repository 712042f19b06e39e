// The editors' review page: one self-contained HTML file (inline CSS and JS,
// no network fetches, a Content-Security-Policy that allows only the page's
// own hashed style and script). Each article is rendered with its findings
// highlighted on their exact words; a list under/beside each article shows
// every finding (and is all there is with JavaScript off).
#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "lint/base/utf8.h"
#include "lint/report/html_marks.h"
#include "lint/report/report.h"
#include "lint/report/report_util.h"
#include "lint/report/sha256.h"

#ifndef CLAIMLINT_VERSION
#define CLAIMLINT_VERSION "0.0.0"
#endif

namespace claimlint {
namespace {

#include "lint/report/html_style.inc"

using report_internal::EscapeHtml;
using report_internal::LineTable;
using report_internal::MarkSpan;
using report_internal::MarkStyle;
using report_internal::RuleLookup;

// Text for HTML: valid UTF-8, then escaped (and no "::" a CI runner could
// take for a command).
std::string Esc(std::string_view text) {
  return report_internal::InertColons(EscapeHtml(SanitizeUtf8(text, nullptr)));
}

// A category or severity as a class-name token.
std::string Token(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    out += keep ? c : '-';
  }
  return out.empty() ? "none" : out;
}

bool IsPlainText(std::string_view path) {
  if (path.size() < 4) return false;
  std::string ext(path.substr(path.size() - 4));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".txt";
}

// Escaped text with its http(s) URLs made links.
std::string Linkify(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t at = std::min(text.find("https://", i), text.find("http://", i));
    if (at == std::string_view::npos) break;
    std::size_t end = at;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) &&
           text[end] != '<' && text[end] != '>' && text[end] != '"') {
      ++end;
    }
    // Trailing punctuation belongs to the sentence.
    while (end > at && std::string_view(".,;:)]'").find(text[end - 1]) != std::string_view::npos) {
      --end;
    }
    std::string_view url = text.substr(at, end - at);
    out += Esc(text.substr(i, at - i));
    out += "<a href=\"" + Esc(url) + "\" rel=\"noopener noreferrer\">" + Esc(url) + "</a>";
    i = end;
  }
  out += Esc(text.substr(i));
  return out;
}

bool IsHttpUrl(std::string_view url) {
  return url.substr(0, 8) == "https://" || url.substr(0, 7) == "http://";
}

// Categories in a fixed order, then any others alphabetically.
std::vector<std::string> OrderedCategories(const std::set<std::string>& present) {
  std::vector<std::string> out;
  for (const char* c : {"claim", "citation", "disclosure", "quality", "input", "meta"}) {
    if (present.count(c)) out.push_back(c);
  }
  for (const std::string& c : present) {
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  }
  return out;
}

constexpr Severity kSeverities[] = {Severity::kError, Severity::kWarning, Severity::kInfo};

class HtmlWriter {
 public:
  HtmlWriter(const Report& report, std::ostream& out)
      : report_(report), rules_(report.rules), out_(out) {}

  void Write() {
    std::set<std::string> categories;
    for (const FileReport& file : report_.files) {
      for (const Finding& f : file.findings) categories.insert(std::string(CategoryName(f.category)));
    }
    categories_ = OrderedCategories(categories);
    Summary summary = report_internal::CountedSummary(report_);
    WriteHead(summary);
    out_ << "<body>\n";
    WriteHeader(summary);
    out_ << "<main>\n";
    int first_id = 0;
    for (std::size_t i = 0; i < report_.files.size(); ++i) {
      WriteFile(report_.files[i], static_cast<int>(i), first_id);
      first_id += static_cast<int>(report_.files[i].findings.size());
    }
    out_ << "</main>\n<div id=\"note\" class=\"note\" role=\"tooltip\" hidden></div>\n"
         << "<script>" << kHtmlScript << "</script>\n</body>\n</html>\n";
  }

 private:
  void WriteHead(const Summary& summary) {
    out_ << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         << "style-src " << report_internal::CspHash(kHtmlStyle) << "; "
         << "script-src " << report_internal::CspHash(kHtmlScript) << "; "
         << "img-src data:; base-uri 'none'; form-action 'none'\">\n"
         << "<meta name=\"referrer\" content=\"no-referrer\">\n"
         << "<meta name=\"generator\" content=\"claimlint " << Esc(CLAIMLINT_VERSION) << "\">\n"
         << "<title>claimlint review: " << Esc(report_internal::SummaryLine(summary))
         << "</title>\n<style>" << kHtmlStyle << "</style>\n</head>\n";
  }

  void WriteHeader(const Summary& summary) {
    out_ << "<header class=\"top\">\n<h1>claimlint review</h1>\n<p class=\"totals\">"
         << Esc(report_internal::SummaryLine(summary)) << "</p>\n";
    // Filters and keys work only with JavaScript: shown by the script.
    out_ << "<form class=\"filters js-only\" id=\"filters\" hidden>\n"
         << "<fieldset><legend>Category</legend>";
    for (const std::string& c : categories_) {
      out_ << "<label><input type=\"checkbox\" class=\"filter\" data-kind=\"cat\" value=\""
           << Esc(c) << "\" checked> " << Esc(c) << "</label>";
    }
    out_ << "</fieldset>\n<fieldset><legend>Severity</legend>";
    for (Severity s : kSeverities) {
      out_ << "<label><input type=\"checkbox\" class=\"filter\" data-kind=\"sev\" value=\""
           << SeverityName(s) << "\" checked> " << SeverityName(s) << "</label>";
    }
    out_ << "</fieldset>\n</form>\n"
         << "<p class=\"keys js-only\" hidden><kbd>j</kbd>/<kbd>n</kbd> next finding, "
            "<kbd>k</kbd>/<kbd>p</kbd> previous, <kbd>Esc</kbd> hides the note.</p>\n";
    out_ << "<nav class=\"files\" aria-label=\"Files\"><ol>\n";
    for (std::size_t i = 0; i < report_.files.size(); ++i) {
      const FileReport& file = report_.files[i];
      out_ << "<li><a href=\"#file-" << i << "\">" << Esc(file.path) << "</a> ("
           << report_internal::CountNoun(static_cast<int>(file.findings.size()), "finding")
           << ")</li>\n";
    }
    out_ << "</ol></nav>\n</header>\n";
  }

  void WriteCounts(const FileReport& file) {
    if (file.findings.empty()) {
      out_ << "<p class=\"meta\">No findings.</p>\n";
      return;
    }
    std::map<std::string, std::array<int, 3>> counts;
    std::set<std::string> present;
    for (const Finding& f : file.findings) {
      present.insert(std::string(CategoryName(f.category)));
      counts[std::string(CategoryName(f.category))][2 - static_cast<int>(f.severity)]++;
    }
    out_ << "<table class=\"counts\"><caption class=\"meta\">Findings by category and "
            "severity</caption>\n<thead><tr><th scope=\"col\">category</th>";
    for (Severity s : kSeverities) out_ << "<th scope=\"col\">" << SeverityName(s) << "</th>";
    out_ << "<th scope=\"col\">total</th></tr></thead>\n<tbody>\n";
    for (const std::string& c : OrderedCategories(present)) {
      const auto& row = counts[c];
      out_ << "<tr><th scope=\"row\">" << Esc(c) << "</th><td>" << row[0] << "</td><td>" << row[1]
           << "</td><td>" << row[2] << "</td><td>" << row[0] + row[1] + row[2] << "</td></tr>\n";
    }
    out_ << "</tbody></table>\n";
  }

  std::string MarkAttrs(const Finding& f, bool point) {
    std::string cat = Token(CategoryName(f.category)), sev(SeverityName(f.severity));
    return std::string(point ? "class=\"hl point" : "class=\"hl") + " cat-" + cat + " sev-" + sev +
           "\" data-cat=\"" + Esc(CategoryName(f.category)) + "\" data-sev=\"" + sev + "\" title=\"" +
           Esc(std::string(SeverityName(f.severity))) + ": " + Esc(f.message) + " [" + Esc(f.rule) +
           "]\"";
  }

  // The article with its highlights; ids of the highlighted findings go to
  // `highlighted`.
  std::string Article(const FileReport& file, int index, int first_id, std::set<int>* highlighted) {
    if (file.source.empty()) {
      return "<p class=\"meta\">The article's text is not available.</p>\n";
    }
    std::string source = SanitizeUtf8(file.source, nullptr);
    bool markdown = !IsPlainText(file.path);
    report_internal::FencedSource fenced;
    if (markdown) {
      fenced = report_internal::FenceFrontMatter(source);
    } else {
      fenced.text = source;
    }
    LineTable lines(fenced.text);
    std::vector<MarkSpan> spans;
    std::map<int, MarkStyle> styles;
    for (std::size_t k = 0; k < file.findings.size(); ++k) {
      const Finding& f = file.findings[k];
      if (f.line < 1) continue;  // no place in the text: listed only
      int id = first_id + static_cast<int>(k);
      std::size_t begin = lines.Offset(f.line, f.column);
      std::size_t end = f.end_line >= 1 ? lines.Offset(f.end_line, f.end_column) : begin;
      begin = report_internal::KeepOffFences(fenced, begin);
      end = std::max(begin, report_internal::KeepOffFences(fenced, end));
      spans.push_back({id, begin, end});
      MarkStyle style;
      style.point = begin == end;
      style.attrs = MarkAttrs(f, style.point);
      styles.emplace(id, std::move(style));
    }
    std::string text = report_internal::InsertSentinels(fenced.text, std::move(spans));
    std::string html =
        report_internal::InertColons(markdown ? report_internal::RenderMarkdownHtml(text)
                                              : report_internal::RenderPlainTextHtml(text));
    return report_internal::ApplyMarks(html, styles, "a" + std::to_string(index) + "-",
                                       highlighted);
  }

  void WriteFinding(const Finding& f, int id, bool highlighted) {
    std::string cat = Token(CategoryName(f.category)), sev(SeverityName(f.severity));
    out_ << "<li id=\"finding-" << id << "\" class=\"finding cat-" << cat << " sev-" << sev
         << "\" data-item=\"" << id << "\" data-cat=\"" << Esc(CategoryName(f.category)) << "\" data-sev=\""
         << sev << "\" tabindex=\"-1\">\n<p class=\"fhead\"><span class=\"badge sev-" << sev
         << "\">" << sev << "</span> <span class=\"badge\">" << Esc(CategoryName(f.category)) << "</span> ";
    std::string where =
        f.line >= 1 ? "line " + std::to_string(f.line) + ", column " + std::to_string(f.column)
                    : "whole file";
    if (highlighted) {
      out_ << "<a class=\"loc\" href=\"#hl-" << id << "\">" << where << "</a>";
    } else {
      out_ << "<span class=\"loc\">" << where << "</span>";
    }
    out_ << " <code>" << Esc(f.rule) << "</code></p>\n<p class=\"msg\">" << Esc(f.message)
         << "</p>\n";
    if (!f.excerpt.empty()) {
      out_ << "<p class=\"excerpt\">\xE2\x80\x9C" << Esc(f.excerpt) << "\xE2\x80\x9D</p>\n";
    }
    if (!f.context.empty()) out_ << "<p class=\"meta\">context: " << Esc(f.context) << "</p>\n";
    if (!f.suggestion.empty()) {
      out_ << "<p class=\"sugg\"><strong>Suggestion:</strong> " << Esc(f.suggestion) << "</p>\n";
    }
    if (const Rule* rule = rules_.Find(f.rule)) {
      if (!rule->why.empty() || IsHttpUrl(rule->url)) {
        out_ << "<p class=\"why\"><strong>Why:</strong> " << Linkify(rule->why);
        if (IsHttpUrl(rule->url) && rule->why.find(rule->url) == std::string::npos) {
          out_ << " <a href=\"" << Esc(rule->url) << "\" rel=\"noopener noreferrer\">Read more</a>";
        }
        out_ << "</p>\n";
      }
    }
    if (!highlighted && f.line >= 1) {
      out_ << "<p class=\"unplaced\">Not highlighted: its text is not shown as prose "
              "above.</p>\n";
    }
    out_ << "</li>\n";
  }

  void WriteFile(const FileReport& file, int index, int first_id) {
    out_ << "<section class=\"file\" id=\"file-" << index << "\" aria-labelledby=\"file-" << index
         << "-h\">\n<h2 id=\"file-" << index << "-h\">" << Esc(file.path) << "</h2>\n";
    WriteCounts(file);
    std::set<int> highlighted;
    std::string article = Article(file, index, first_id, &highlighted);
    out_ << "<div class=\"cols\">\n<article class=\"doc\">\n"
         << article << "</article>\n"
         << "<aside class=\"notes\" aria-label=\"Findings in " << Esc(file.path) << "\">\n<h3>"
         << report_internal::CountNoun(static_cast<int>(file.findings.size()), "finding")
         << "</h3>\n<ol class=\"findings\">\n";
    for (std::size_t k = 0; k < file.findings.size(); ++k) {
      int id = first_id + static_cast<int>(k);
      WriteFinding(file.findings[k], id, highlighted.count(id) > 0);
    }
    out_ << "</ol>\n</aside>\n</div>\n</section>\n";
  }

  const Report& report_;
  RuleLookup rules_;
  std::ostream& out_;
  std::vector<std::string> categories_;
};

}  // namespace

void WriteHtml(const Report& report, std::ostream& out) { HtmlWriter(report, out).Write(); }

}  // namespace claimlint
