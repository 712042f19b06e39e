#include "lint/cli/explain.h"

#include <algorithm>
#include <string_view>

namespace claimlint {
namespace {

// Text from a rule pack as printed: control characters (which a terminal
// would act on) become U+FFFD; `keep_newlines` for multi-line examples.
std::string Printable(std::string_view s, bool keep_newlines = false) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    bool c1 = c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
              static_cast<unsigned char>(s[i + 1]) <= 0x9F;
    if ((c == '\n' && keep_newlines) || (c >= 0x20 && c != 0x7F && !c1)) {
      out += static_cast<char>(c);
    } else {
      out += "\xEF\xBF\xBD";
      if (c1) ++i;
    }
  }
  return out;
}

void List(std::ostream& out, const char* title, const std::vector<std::string>& items) {
  if (items.empty()) return;
  out << title << ":\n";
  for (const std::string& s : items) {
    // Indent continuation lines of multi-line examples.
    std::string text = Printable(s, /*keep_newlines=*/true);
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
  for (const Rule* r : sorted) width = std::max(width, Printable(r->id).size());
  for (const Rule* r : sorted) {
    std::string sev(SeverityName(r->severity));
    std::string id = Printable(r->id);
    out << id << std::string(width + 2 - id.size(), ' ') << sev << std::string(9 - sev.size(), ' ')
        << CategoryName(r->category) << "\n";
  }
  out << sorted.size() << " rules\n";
}

int ExplainRule(const RuleSet& rules, const std::string& id, std::ostream& out, std::ostream& err) {
  int i = rules.Find(id);
  if (i < 0) {
    err << "claimlint: no rule '" << Printable(id) << "' (see --list-rules)\n";
    return 2;
  }
  const Rule& r = rules.rules()[i];
  out << Printable(r.id) << " (" << CategoryName(r.category) << ", " << SeverityName(r.severity)
      << ")\n";
  if (!r.pack.empty())
    out << "pack: " << Printable(r.pack) << "  (" << Printable(r.loc.file) << ")\n";
  out << "\nmessage: " << Printable(r.message) << "\n";
  if (!r.suggestion.empty()) out << "suggestion: " << Printable(r.suggestion) << "\n";
  if (!r.why.empty()) out << "\nwhy: " << Printable(r.why) << "\n";
  if (!r.url.empty()) out << "more: " << Printable(r.url) << "\n";
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
