#include "lint/cli/explain.h"

#include <algorithm>

namespace claimlint {
namespace {

void List(std::ostream& out, const char* title, const std::vector<std::string>& items) {
  if (items.empty()) return;
  out << title << ":\n";
  for (const std::string& s : items) {
    // Indent continuation lines of multi-line examples.
    std::string text = s;
    while (!text.empty() && text.back() == '\n') text.pop_back();
    std::string indented;
    for (char c : text) {
      indented += c;
      if (c == '\n') indented += "      ";
    }
    out << "  - " << indented << "\n";
  }
}

}  // namespace

void ListRules(const RuleSet& rules, std::ostream& out) {
  std::vector<const Rule*> sorted;
  for (const Rule& r : rules.rules()) sorted.push_back(&r);
  std::sort(sorted.begin(), sorted.end(),
            [](const Rule* a, const Rule* b) { return a->id < b->id; });
  std::size_t width = 0;
  for (const Rule* r : sorted) width = std::max(width, r->id.size());
  for (const Rule* r : sorted) {
    std::string sev(SeverityName(r->severity));
    out << r->id << std::string(width + 2 - r->id.size(), ' ') << sev
        << std::string(9 - sev.size(), ' ') << CategoryName(r->category) << "\n";
  }
  out << sorted.size() << " rules\n";
}

int ExplainRule(const RuleSet& rules, const std::string& id, std::ostream& out, std::ostream& err) {
  int i = rules.Find(id);
  if (i < 0) {
    err << "claimlint: no rule '" << id << "' (see --list-rules)\n";
    return 2;
  }
  const Rule& r = rules.rules()[i];
  out << r.id << " (" << CategoryName(r.category) << ", " << SeverityName(r.severity) << ")\n";
  if (!r.pack.empty()) out << "pack: " << r.pack << "  (" << r.loc.file << ")\n";
  out << "\nmessage: " << r.message << "\n";
  if (!r.suggestion.empty()) out << "suggestion: " << r.suggestion << "\n";
  if (!r.why.empty()) out << "\nwhy: " << r.why << "\n";
  if (!r.url.empty()) out << "more: " << r.url << "\n";
  if (r.is_pattern_rule()) {
    out << "\nfires in contexts:";
    for (int c = 0; c < kContextCount; ++c) {
      if (r.contexts.Has(static_cast<Context>(c))) out << " " << ContextName(static_cast<Context>(c));
    }
    out << "\ncleared by a resolving citation: " << (r.cleared_by_citation ? "yes" : "no") << "\n";
  }
  out << "\n";
  List(out, "patterns", r.patterns);
  List(out, "exceptions", r.exceptions);
  List(out, "topic", r.topic);
  List(out, "narrowed to", r.narrow);
  List(out, "disclosed by", r.requires_);
  List(out, "fires on", r.examples_fire);
  List(out, "does not fire on", r.examples_pass);
  return 0;
}

}  // namespace claimlint
