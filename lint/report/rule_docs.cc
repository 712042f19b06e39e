#include "lint/report/rule_docs.h"

#include <algorithm>
#include <map>
#include <regex>
#include <vector>

#ifndef CLAIMLINT_HOMEPAGE
#define CLAIMLINT_HOMEPAGE "https://github.com/claimlint/claimlint"
#endif

namespace claimlint {
namespace {

constexpr std::size_t kTitleMax = 100;

std::string Collapse(std::string s) {
  s = std::regex_replace(s, std::regex(R"(\s+)"), " ");
  s = std::regex_replace(s, std::regex(R"( ([,.;:)]))"), "$1");
  while (!s.empty() && s.front() == ' ') s.erase(0, 1);
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

// Markdown text that may hold '<', '*' or '_' as prose.
std::string MdEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '<' || c == '>' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' ||
        c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out;
}

// An example as an indented code block keeps its text exactly.
std::string CodeBlock(std::string text) {
  while (!text.empty() && text.back() == '\n') text.pop_back();
  std::string out = "```text\n" + text + "\n```\n";
  return out;
}

}  // namespace

std::string RuleTitle(const Rule& rule) {
  std::string s = rule.message;
  // Quoted fields that only repeat what a result shows go; fields that name
  // the thing the rule is about become words.
  s = std::regex_replace(s, std::regex(R"(:\s*["']?\{(quote|detail)\}["']?)"), "");
  s = std::regex_replace(s, std::regex(R"(\s*\(\{[a-z_]+\}\))"), "");
  s = std::regex_replace(s, std::regex(R"(,[^,.]*\{detail\})"), "");
  // "The title {match} is ..." -> "The title is ...".
  s = std::regex_replace(s, std::regex(R"(\b([Tt]he [a-z]+) \{match\})"), "$1");
  s = std::regex_replace(s, std::regex(R"( (on|in|at|from) \{match\})"), "");
  s = std::regex_replace(s, std::regex(R"(["']\{match\}["']|\{match\})"), "the wording");
  s = std::regex_replace(s, std::regex(R"(\{entry\})"), "a reference");
  s = std::regex_replace(s, std::regex(R"(reference \{detail\})"), "a reference");
  s = std::regex_replace(s, std::regex(R"(\{likely\})"), "");
  s = std::regex_replace(s, std::regex(R"(["']?\{[a-z_]+\}["']?)"), "something");
  s = Collapse(s);
  // The first sentence.
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    if ((s[i] == '.' || s[i] == '?' || s[i] == '!') && s[i + 1] == ' ') {
      s.resize(i + 1);
      break;
    }
  }
  if (s.empty()) s = rule.id;
  if (s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  if (s.size() > kTitleMax) {
    // Cut at a word boundary, leaving room for the ellipsis (3 bytes, 1 character).
    std::size_t cut = s.rfind(' ', kTitleMax - 1);
    if (cut == std::string::npos || cut < kTitleMax / 2) cut = kTitleMax - 1;
    // Never split a UTF-8 sequence.
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s.resize(cut);
    while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == ';')) s.pop_back();
    s += "\xE2\x80\xA6";
  }
  return s;
}

std::string RuleDocUrl(std::string_view id) {
  return std::string(CLAIMLINT_HOMEPAGE) + "/blob/main/docs/rules/" + std::string(id) + ".md";
}

std::string RuleMarkdown(const Rule& r) {
  std::string out = "# " + r.id + "\n\n";
  out += "**" + MdEscape(RuleTitle(r)) + "**\n\n";
  out += "- Category: " + std::string(CategoryName(r.category)) + "\n";
  out += "- Default severity: " + std::string(SeverityName(r.severity)) + "\n";
  if (!r.pack.empty()) out += "- Pack: " + MdEscape(r.pack) + "\n";
  out += "- Message: " + MdEscape(r.message) + "\n";
  if (!r.why.empty()) out += "\n## Why\n\n" + MdEscape(r.why) + "\n";
  if (!r.suggestion.empty()) out += "\n## What to do\n\n" + MdEscape(r.suggestion) + "\n";
  if (!r.url.empty()) out += "\n## Source\n\n<" + r.url + ">\n";
  if (!r.examples_fire.empty()) {
    out += "\n## Reported\n\n";
    for (const std::string& e : r.examples_fire) out += CodeBlock(e) + "\n";
  }
  if (!r.examples_pass.empty()) {
    out += "\n## Not reported\n\n";
    for (const std::string& e : r.examples_pass) out += CodeBlock(e) + "\n";
  }
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') {
    out.pop_back();
  }
  out += "\nTurn it off with `rules: {" + r.id + ": off}` in `.claimlint.yml`, or in one place " +
         "with `<!-- claimlint-disable-next-line " + r.id + " -->` (docs/config.md).\n";
  return out;
}

std::string RuleHelpText(const Rule& r) {
  std::string out = RuleTitle(r);
  if (!r.why.empty()) out += "\n\nWhy: " + r.why;
  if (!r.suggestion.empty()) out += "\n\nWhat to do: " + r.suggestion;
  if (!r.url.empty()) out += "\n\nSource: " + r.url;
  if (!r.examples_fire.empty()) {
    out += "\n\nReported:";
    for (const std::string& e : r.examples_fire) out += "\n  " + e;
  }
  if (!r.examples_pass.empty()) {
    out += "\n\nNot reported:";
    for (const std::string& e : r.examples_pass) out += "\n  " + e;
  }
  return out;
}

std::string RuleIndexMarkdown(const RuleSet& rules) {
  std::map<std::string, std::vector<const Rule*>> by_category;
  for (const Rule& r : rules.rules())
    by_category[std::string(CategoryName(r.category))].push_back(&r);
  std::string out =
      "# Built-in rules\n\nGenerated from the rule packs (rules/*.yaml) by `claimlint "
      "--write-rule-docs docs/rules`; do not edit. `claimlint --explain RULE` prints the same.\n";
  for (auto& [category, list] : by_category) {
    std::sort(list.begin(), list.end(), [](const Rule* a, const Rule* b) { return a->id < b->id; });
    out += "\n## " + category + "\n\n| Rule | Severity | Title |\n| --- | --- | --- |\n";
    for (const Rule* r : list) {
      std::string title = MdEscape(RuleTitle(*r));
      std::string cell;
      for (char c : title) cell += c == '|' ? std::string("\\|") : std::string(1, c);
      out += "| [" + r->id + "](" + r->id + ".md) | " + std::string(SeverityName(r->severity)) +
             " | " + cell + " |\n";
    }
  }
  return out;
}

}  // namespace claimlint
