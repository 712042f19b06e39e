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
        << std::string(9 - sev.size(), ' ') << r->category << "\n";
  }
  out << sorted.size() << " rules\n";
}

namespace {

// Findings claimlint makes itself, outside any rule pack: about the input
// and about the run. --explain describes them like rules.
struct OwnFinding {
  const char* id;
  const char* category;
  const char* severity;
  const char* what;
  const char* why;
};

constexpr OwnFinding kOwnFindings[] = {
    {"input.encoding", "input", "error",
     "Bytes that are not UTF-8 (reported where they are; the rest of the file is linted), or a "
     "UTF-16 file (not linted).",
     "Positions and excerpts are only exact on UTF-8; a replacement character in a published "
     "article is also a defect a reader sees."},
    {"input.binary", "input", "error", "The file contains a NUL byte and was not linted.",
     "A binary file among the paths is almost always a mistake in the paths or the config."},
    {"input.front-matter", "input", "warning",
     "The front matter is not closed, or is not valid YAML; it was read as far as possible.",
     "Title, author, dates and the reference library come from the front matter: when it "
     "cannot be read, the quality and citation checks lose them."},
    {"input.references", "input", "error",
     "The reference library named in the front matter cannot be read.",
     "Citations cannot be checked against a library that does not load."},
    {"meta.too-many-findings", "meta", "warning",
     "More than 10,000 claim findings in one file: the claim check stopped there.",
     "A file with that many claims is not an article; stopping keeps memory and output bounded."},
    {"meta.citation-budget", "meta", "warning",
     "Description matching (a vague citation against every reference entry) reached its budget "
     "of 1,000,000 comparisons in this file; later vague citations name no likely entry.",
     "Its cost is citations times entries; only a file made of many articles reaches it."},
    {"meta.unused-suppression", "meta", "info",
     "A claimlint-disable comment that suppressed nothing.",
     "Stale suppressions hide nothing today but will hide a real finding tomorrow."},
    {"meta.bad-suppression", "meta", "warning",
     "A claimlint comment that cannot be read (unknown directive or rule); it suppresses nothing.",
     "A suppression that silently does nothing is worse than none."},
};

}  // namespace

int ExplainRule(const RuleSet& rules, const std::string& id, std::ostream& out, std::ostream& err) {
  int i = rules.Find(id);
  if (i < 0) {
    for (const OwnFinding& f : kOwnFindings) {
      if (id != f.id) continue;
      out << f.id << " (" << f.category << ", " << f.severity << ")\n"
          << "claimlint's own finding, not part of a rule pack; it can be re-levelled or turned "
             "off in the config like a rule.\n\n"
          << "what: " << f.what << "\n\nwhy: " << f.why << "\n";
      return 0;
    }
    err << "claimlint: no rule '" << id << "' (see --list-rules)\n";
    return 2;
  }
  const Rule& r = rules.rules()[i];
  out << r.id << " (" << r.category << ", " << SeverityName(r.severity) << ")\n";
  if (!r.pack.empty()) out << "pack: " << r.pack << "  (" << r.loc.file << ")\n";
  out << "\nmessage: " << r.message << "\n";
  if (!r.suggestion.empty()) out << "suggestion: " << r.suggestion << "\n";
  if (!r.why.empty()) out << "\nwhy: " << r.why << "\n";
  if (!r.url.empty()) out << "more: " << r.url << "\n";
  if (r.check.empty() && r.topic.empty()) {
    out << "\nfires in contexts:";
    for (const std::string& c : r.contexts) out << " " << c;
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
