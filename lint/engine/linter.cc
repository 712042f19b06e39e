#include "lint/engine/linter.h"

#include <algorithm>

#include "lint/base/limits.h"
#include "lint/checks/citation_checks.h"
#include "lint/checks/registry.h"
#include "lint/citations/analysis.h"
#include "lint/document/sentence.h"
#include "lint/engine/front_matter_library.h"
#include "lint/genre/page_genre.h"
#include "lint/rules/lexicon.h"
#include "lint/suppress/suppressions.h"

namespace claimlint {
namespace {

Finding MetaFinding(const char* rule, std::string message, std::size_t at);

// One finding per file when sentences had to be cut to bound the work on
// them: a claim across a cut is not matched.
void NoteLongSentences(const Document& doc, const std::vector<Sentence>& sentences,
                       std::vector<Finding>* findings) {
  int cut = 0;
  const Sentence* first = nullptr;
  for (const Sentence& s : sentences) {
    if (!s.cut) continue;
    ++cut;
    if (!first) first = &s;
  }
  if (!first) return;
  Finding f = MetaFinding("meta.long-sentence",
                          "sentences longer than " + std::to_string(limits::kSentenceBytes) +
                              " bytes were cut (" + std::to_string(cut) +
                              " pieces) to bound the work on them; a claim across a cut is "
                              "not matched",
                          doc.blocks[first->block].map.SourceBegin(first->begin));
  f.suggestion = "Break the text into sentences, or check that the file is an article.";
  findings->push_back(std::move(f));
}

Finding MetaFinding(const char* rule, std::string message, std::size_t at) {
  Finding f;
  f.rule = rule;
  f.category = Category::kMeta;
  f.severity = Severity::kWarning;
  f.message = std::move(message);
  f.begin = f.end = at;
  f.suggestion = "Split the file, or check that it is an article.";
  return f;
}

// At most limits::kFindings findings per file, the first by position: the
// report and every format cost their number times their size.
void CapFindings(std::vector<Finding>* findings) {
  if (findings->size() <= limits::kFindings) return;
  std::stable_sort(findings->begin(), findings->end(),
                   [](const Finding& a, const Finding& b) { return a.begin < b.begin; });
  std::size_t at = (*findings)[limits::kFindings].begin;
  findings->resize(limits::kFindings);
  findings->push_back(MetaFinding("meta.too-many-findings",
                                  "more than " + std::to_string(limits::kFindings) +
                                      " findings in this file; those after this point are not "
                                      "reported",
                                  at));
}

}  // namespace

Linter::Linter(LinterSetup setup, std::string config_dir)
    : setup_(std::move(setup)), config_dir_(std::move(config_dir)) {
  if (!setup_.library) setup_.library = std::make_shared<ReferenceLibrary>();
  describe_ = DescribeOptionsOf(*setup_.rules);
}

LintResult Linter::LintDocument(const Document& doc) const {
  LintResult out;
  out.findings = doc.input_findings;
  if (doc.lintable) {
    std::vector<Sentence> sentences = SplitDocument(doc);
    NoteLongSentences(doc, sentences, &out.findings);
    const ReferenceLibrary* library = setup_.library.get();
    ReferenceLibrary merged;
    if (!doc.front_matter.references.empty()) {
      merged = FrontMatterLibrary(doc, config_dir_, &out.findings);
      merged.entries.insert(merged.entries.begin(), library->entries.begin(),
                            library->entries.end());
      library = &merged;
    }
    CitationAnalysis citations = AnalyzeCitations({doc, sentences, *library, describe_});
    if (citations.citations_truncated) {
      const Block& block = doc.blocks[static_cast<std::size_t>(citations.truncated_block)];
      out.findings.push_back(
          MetaFinding("meta.too-many-citations",
                      "more than " + std::to_string(limits::kCitations) +
                          " citations in this file; those after this point were not read",
                      block.map.SourceBegin(citations.truncated_offset)));
    }
    FileFacts facts;
    out.page = ClassifyPage(doc, sentences, *Lexicon::Builtin());
    CheckInput in{doc,      sentences, *setup_.rules, *setup_.context,
                  *library, citations, &facts,        &*out.page};
    RunChecks(in, &out.findings);
    if (!doc.comments.empty()) {
      SuppressionOutcome suppressed = ApplySuppressions(doc, &out.findings);
      out.suppressed = suppressed.suppressed;
      out.suppressed_findings = std::move(suppressed.hidden);
    }
  }
  if (setup_.policy) {
    setup_.policy->Apply(&out.findings);
    setup_.policy->Apply(&out.suppressed_findings);
  }
  CapFindings(&out.findings);
  FinalizeFindings(doc, &out.findings);
  if (!out.suppressed_findings.empty()) FinalizeFindings(doc, &out.suppressed_findings);
  return out;
}

FileReport Linter::NotLinted(const std::string& path, Finding why) const {
  Document doc = ParseDocument(path, "", !IsPlainTextPath(path));
  why.begin = why.end = 0;
  std::vector<Finding> findings{std::move(why)};
  if (setup_.policy) setup_.policy->Apply(&findings);
  FinalizeFindings(doc, &findings);
  FileReport report;
  report.path = path;
  report.findings = std::move(findings);
  return report;
}

FileReport Linter::Lint(const std::string& path, std::string_view bytes) const {
  Document doc = ParseDocument(path, bytes, !IsPlainTextPath(path));
  LintResult result = LintDocument(doc);
  FileReport report;
  report.path = path;
  report.findings = std::move(result.findings);
  report.suppressed = result.suppressed;
  report.suppressed_findings = std::move(result.suppressed_findings);
  report.page = std::move(result.page);
  report.source = std::move(doc.text);
  return report;
}

}  // namespace claimlint
