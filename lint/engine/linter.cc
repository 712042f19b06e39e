#include "lint/engine/linter.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <tuple>

#include "lint/checks/claims.h"
#include "lint/checks/disclosures.h"
#include "lint/checks/quality.h"
#include "lint/citations/analysis.h"
#include "lint/document/sentence.h"
#include "lint/suppress/suppressions.h"

namespace claimlint {
namespace {

uint64_t Fnv1a(std::string_view s, uint64_t h = 1469598103934665603ULL) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

// Lower-case ASCII, whitespace runs folded to one space, trimmed.
std::string Normalize(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::string Hex(uint64_t v) {
  static const char* kDigits = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i) {
    s[i] = kDigits[v & 15];
    v >>= 4;
  }
  return s;
}

// Front-matter `references:` files, resolved beside the article; problems
// become input.references findings rather than failing the run.
ReferenceLibrary FrontMatterLibrary(const Document& doc, std::vector<Finding>* findings) {
  ReferenceLibrary lib;
  namespace fs = std::filesystem;
  fs::path dir = fs::path(doc.path).parent_path();
  for (const std::string& ref : doc.front_matter.references) {
    fs::path p = fs::path(ref).is_absolute() ? fs::path(ref) : dir / ref;
    auto entries = ReadReferenceFile(p.string());
    if (!entries.ok()) {
      Finding f;
      f.rule = "input.references";
      f.category = "input";
      f.severity = Severity::kError;
      f.message = "cannot use the front matter's reference library: " + entries.error().ToString();
      f.begin = doc.front_matter.src_begin;
      f.end = doc.front_matter.src_begin + 3;
      findings->push_back(std::move(f));
      continue;
    }
    for (Reference& r : entries.value()) lib.entries.push_back(std::move(r));
  }
  return lib;
}

}  // namespace

Linter::Linter(LinterSetup setup) : setup_(std::move(setup)) {
  if (!setup_.library) setup_.library = std::make_shared<ReferenceLibrary>();
}

std::vector<Finding> Linter::Check(const Document& doc) const {
  std::vector<Finding> out = doc.input_findings;
  if (!doc.lintable) {
    FinalizeFindings(doc, &out);
    return out;
  }
  std::vector<Sentence> sentences = SplitDocument(doc);
  const ReferenceLibrary* library = setup_.library.get();
  ReferenceLibrary merged;
  if (!doc.front_matter.references.empty()) {
    merged = FrontMatterLibrary(doc, &out);
    merged.entries.insert(merged.entries.begin(), library->entries.begin(),
                          library->entries.end());
    library = &merged;
  }
  CheckInput in{doc, sentences, *setup_.rules, *setup_.context, *library, nullptr};
  CitationAnalysis citations = AnalyzeCitations(in);
  in.citations = &citations;
  std::vector<Finding> claims = CheckClaims(in);
  int claim_count = static_cast<int>(std::count_if(
      claims.begin(), claims.end(), [](const Finding& f) { return f.category == "claim"; }));
  for (auto* part : {&claims}) {
    for (Finding& f : *part) out.push_back(std::move(f));
  }
  for (Finding& f : CheckCitations(in, citations)) out.push_back(std::move(f));
  for (Finding& f : CheckDisclosures(in)) out.push_back(std::move(f));
  for (Finding& f : CheckQuality(in, claim_count)) out.push_back(std::move(f));
  FinalizeFindings(doc, &out);
  return out;
}

FileReport Linter::Lint(const std::string& path, std::string_view bytes) const {
  Document doc = ParseDocument(path, bytes, !IsPlainTextPath(path));
  FileReport report;
  report.path = path;
  report.findings = Check(doc);
  if (!doc.comments.empty()) {
    ApplySuppressions(doc, &report.findings);
    FinalizeFindings(doc, &report.findings);
  }
  report.source = std::move(doc.text);
  return report;
}

void FinalizeFindings(const Document& doc, std::vector<Finding>* findings) {
  for (Finding& f : *findings) {
    f.begin = std::min(f.begin, doc.text.size());
    f.end = std::clamp(f.end, f.begin, doc.text.size());
    Position b = doc.index.At(doc.text, f.begin);
    Position e = doc.index.At(doc.text, f.end);
    f.file = doc.path;
    f.line = b.line;
    f.column = b.column;
    f.end_line = e.line;
    f.end_column = e.column;
    f.excerpt = doc.text.substr(f.begin, f.end - f.begin);
  }
  std::sort(findings->begin(), findings->end(), FindingLess);
  // Identical findings (same rule, excerpt and sentence) are numbered in order
  // so that each keeps its own fingerprint.
  std::map<uint64_t, int> seen;
  for (Finding& f : *findings) {
    uint64_t h = Fnv1a(f.rule);
    h = Fnv1a("\x1f" + f.file, h);
    h = Fnv1a("\x1f" + Normalize(f.excerpt), h);
    h = Fnv1a("\x1f" + Normalize(f.sentence), h);
    int n = seen[h]++;
    if (n > 0) h = Fnv1a("\x1f" + std::to_string(n), h);
    f.fingerprint = Hex(h);
  }
}

}  // namespace claimlint
