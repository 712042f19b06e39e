// Micro-benchmarks of the per-sentence hot paths: sentence splitting, the
// literal prefilter alone and with the spans of the patterns it lets through,
// context classification, citation extraction, and the whole per-file
// pipeline.
#include <benchmark/benchmark.h>

#include <string>

#include "lint/checks/registry.h"
#include "lint/citations/extract.h"
#include "lint/context/context.h"
#include "lint/document/document.h"
#include "lint/document/sentence.h"
#include "lint/engine/linter.h"
#include "lint/rules/literal_prefilter.h"
#include "lint/rules/pack_loader.h"
#include "lint/document/sentence_splitter.h"

namespace claimlint {
namespace {

const char* kParagraph =
    "Acupuncture boosts your immune system and helps you fight off colds. There is no good "
    "evidence that it targets the root cause of back pain (Smith et al., 2020). Some small "
    "studies suggest it may help some people with migraine, although the evidence is limited. "
    "Sessions usually last between 30 and 60 minutes, and a course is often 6 to 8 sessions. "
    "Dr. Patel et al. found a 2.5 mg dose was safe, e.g. in the U.K. trial [3]. ";

std::string Article(int paragraphs) {
  std::string text = "# Title\n\n";
  for (int i = 0; i < paragraphs; ++i) text += std::string(kParagraph) + "\n\n";
  return text;
}

std::shared_ptr<const RuleSet> Rules() {
  static auto rules = RuleSet::Build(LoadBuiltinRules(BuiltinChecks()).value()).value();
  return rules;
}

void BM_SplitSentences(benchmark::State& state) {
  std::string text(kParagraph);
  for (auto _ : state) benchmark::DoNotOptimize(SplitSentences(text));
  state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(BM_SplitSentences);

// The literal scan and clause check alone, over every claim pattern.
void BM_LiteralPrefilter(benchmark::State& state) {
  static const LiteralPrefilter* filter = [] {
    auto* f = new LiteralPrefilter();
    const std::vector<Rule> rules = LoadBuiltinRules(BuiltinChecks()).value();
    for (const Rule& r : rules) {
      if (!r.topic.empty() || !r.check.empty()) continue;
      for (const std::string& p : r.patterns) (void)f->Add(p, r.case_sensitive);
    }
    f->Compile();
    return f;
  }();
  std::string text(kParagraph);
  std::vector<int> out;
  for (auto _ : state) {
    filter->Candidates(text, &out);
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(BM_LiteralPrefilter);

void BM_CitationExtract(benchmark::State& state) {
  std::string text(kParagraph);
  for (auto _ : state) benchmark::DoNotOptimize(cite::ExtractFromText(text));
  state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(BM_CitationExtract);

void BM_PrefilterAndSpans(benchmark::State& state) {
  auto rules = Rules();
  std::string text(kParagraph);
  std::vector<RuleMatch> out;
  for (auto _ : state) {
    out.clear();
    rules->MatchText(text, &out);
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(BM_PrefilterAndSpans);

void BM_ContextClassify(benchmark::State& state) {
  auto ctx = ContextClassifier::Builtin();
  std::string s =
      "There is no good evidence that acupuncture boosts your immune system, but it may help.";
  ContextInput in;
  in.sentence = s;
  in.match_begin = s.find("boosts");
  in.match_end = in.match_begin + 27;
  for (auto _ : state) benchmark::DoNotOptimize(ctx->Classify(in));
}
BENCHMARK(BM_ContextClassify);

void BM_ParseDocument(benchmark::State& state) {
  std::string text = Article(20);
  for (auto _ : state) benchmark::DoNotOptimize(ParseDocument("a.md", text, true));
  state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(BM_ParseDocument);

void BM_LintFile(benchmark::State& state) {
  Linter linter({Rules(), ContextClassifier::Builtin(), nullptr, nullptr});
  std::string text = Article(20);
  for (auto _ : state) benchmark::DoNotOptimize(linter.Lint("a.md", text));
  state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(BM_LintFile);

}  // namespace
}  // namespace claimlint

BENCHMARK_MAIN();
