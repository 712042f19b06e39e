#include "lint/lsp/hover.h"

#include <algorithm>
#include <string>

#include "lint/lsp/documents.h"

namespace claimlint::lsp {
namespace {

// Markdown punctuation that would otherwise format a message's text.
std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\`*_[]<>#|~").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string Describe(const BufferFinding& bf, std::string_view text, bool markdown) {
  const Finding& f = bf.finding;
  std::string severity(SeverityName(f.severity));
  std::string s;
  auto para = [&](const std::string& label, const std::string& text) {
    if (text.empty()) return;
    s += markdown ? "**" + label + "** " + Escape(text) : label + " " + text;
    s += "\n\n";
  };
  if (markdown) {
    s += "**claimlint** `" + f.rule + "` (" + severity + ")\n\n" + Escape(f.message) + "\n\n";
  } else {
    s += "claimlint " + f.rule + " (" + severity + ")\n\n" + f.message + "\n\n";
  }
  para("Why:", bf.why);
  para("Fix:", f.suggestion);
  if (f.has_replacement) {
    std::string old(text.substr(f.replace_begin, f.replace_end - f.replace_begin));
    para("Quick fix:", "replace \"" + old + "\" with \"" + f.replacement + "\"");
  }
  if (bf.suppressible) {
    std::string directive =
        "<!-- claimlint-disable-next-line " + f.rule + " -- why it is acceptable here -->";
    if (markdown) {
      s += "To silence it, put this on the line above (a reason after `--` is optional):\n\n";
      s += "```markdown\n" + directive + "\n```\n\n";
    } else {
      s += "To silence it, put this on the line above:\n    " + directive + "\n\n";
    }
  } else {
    s += markdown ? "claimlint's own findings cannot be silenced in the article; the config's "
                    "`rules:` can switch them off.\n\n"
                  : "claimlint's own findings cannot be silenced in the article; the config's "
                    "rules: can switch them off.\n\n";
  }
  if (!bf.url.empty()) {
    s += markdown ? "[More about this rule](" + bf.url + ")\n\n" : "More: " + bf.url + "\n\n";
  }
  while (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

}  // namespace

nlohmann::json HoverAt(const LintedText& linted, std::size_t offset, Encoding enc, bool markdown) {
  std::string value;
  std::size_t begin = std::string::npos, end = 0;
  for (const BufferFinding& bf : linted.result.findings) {
    const Finding& f = bf.finding;
    bool covers = f.begin == f.end ? offset == f.begin : (f.begin <= offset && offset < f.end);
    if (!covers) continue;
    if (!value.empty()) value += markdown ? "\n\n---\n\n" : "\n\n";
    value += Describe(bf, linted.text, markdown);
    begin = std::min(begin, f.begin);
    end = std::max(end, f.end);
  }
  if (value.empty()) return nullptr;
  return {{"contents", {{"kind", markdown ? "markdown" : "plaintext"}, {"value", value}}},
          {"range", RangeJson(linted.index, linted.text, begin, end, enc)}};
}

}  // namespace claimlint::lsp
