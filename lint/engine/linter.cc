#include "lint/engine/linter.h"

#include "lint/checks/citation_checks.h"
#include "lint/checks/registry.h"
#include "lint/citations/analysis.h"
#include "lint/document/sentence.h"
#include "lint/engine/front_matter_library.h"
#include "lint/genre/page_genre.h"
#include "lint/rules/lexicon.h"
#include "lint/suppress/suppressions.h"

namespace claimlint {

Linter::Linter(LinterSetup setup) : setup_(std::move(setup)) {
  if (!setup_.library) setup_.library = std::make_shared<ReferenceLibrary>();
  describe_ = DescribeOptionsOf(*setup_.rules);
}

LintResult Linter::LintDocument(const Document& doc) const {
  LintResult out;
  out.findings = doc.input_findings;
  if (doc.lintable) {
    std::vector<Sentence> sentences = SplitDocument(doc);
    const ReferenceLibrary* library = setup_.library.get();
    ReferenceLibrary merged;
    if (!doc.front_matter.references.empty()) {
      merged = FrontMatterLibrary(doc, &out.findings);
      merged.entries.insert(merged.entries.begin(), library->entries.begin(),
                            library->entries.end());
      library = &merged;
    }
    CitationAnalysis citations = AnalyzeCitations({doc, sentences, *library, describe_});
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
  FinalizeFindings(doc, &out.findings);
  if (!out.suppressed_findings.empty()) FinalizeFindings(doc, &out.suppressed_findings);
  return out;
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
