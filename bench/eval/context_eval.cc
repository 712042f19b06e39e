// Measures the context engine (rules/context.yaml) on two public data sets:
//
//   NegEx/ConText test kit (negex_context/rsAnnotations-1-120-random.txt):
//     each row names a target term and labels it Affirmed or Negated in its
//     sentence; we classify the term's span.
//   BioScope (bioscope/bioscope_sentences.tsv): sentences with or without a
//     speculation cue; we ask whether the sentence holds a hedge cue at all.
//
// Usage: context_eval [--cues FILE] BENCHMARKS_DIR
//   BENCHMARKS_DIR holds negex_context/rsAnnotations-1-120-random.txt (from
//   github.com/chapmanbe/negex) and bioscope/bioscope_sentences.tsv (BioScope
//   abstracts and full papers, one sentence a row: subcorpus, doc id, sentence
//   id, text, speculation cues, negation cues). --cues loads a cue file
//   instead of the built-in rules/context.yaml.
//
// Results are written to stdout as Markdown tables (docs/context.md).

#include <algorithm>
#include <cctype>
#include <array>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "lint/context/context.h"

namespace {

using claimlint::Context;
using claimlint::ContextClassifier;
using claimlint::ContextInput;
using claimlint::ContextName;

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string::npos ? tab : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return out;
}

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

std::string Trim(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  std::size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// The target's occurrence in the sentence: case-insensitive, preferring one
// written in capitals (the kit upper-cases the annotated occurrence) that is
// not a section label ("ALLERGIES:  He has no known ALLERGIES.").
std::size_t FindTarget(const std::string& sentence, const std::string& lower_term) {
  const std::string lower = Lower(sentence);
  const std::size_t first = lower.find(lower_term);
  std::size_t capitals = std::string::npos;
  for (std::size_t at = first; at != std::string::npos; at = lower.find(lower_term, at + 1)) {
    bool all_capitals = true;
    for (std::size_t k = at; k < at + lower_term.size(); ++k) {
      if (sentence[k] >= 'a' && sentence[k] <= 'z') all_capitals = false;
    }
    if (!all_capitals) continue;
    const bool label = sentence.compare(at + lower_term.size(), 1, ":") == 0;
    if (!label) return at;
    if (capitals == std::string::npos) capitals = at;
  }
  return capitals != std::string::npos ? capitals : first;
}

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

struct Binary {
  long tp = 0, fp = 0, fn = 0, tn = 0;
  void Add(bool gold, bool predicted) {
    if (gold && predicted) ++tp;
    if (!gold && predicted) ++fp;
    if (gold && !predicted) ++fn;
    if (!gold && !predicted) ++tn;
  }
  long n() const { return tp + fp + fn + tn; }
  double Precision() const { return tp + fp ? double(tp) / double(tp + fp) : 0; }
  double Recall() const { return tp + fn ? double(tp) / double(tp + fn) : 0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  double Accuracy() const { return n() ? double(tp + tn) / double(n()) : 0; }
};

void PrintBinaryRow(const std::string& name, const Binary& b) {
  std::printf("| %s | %ld | %.3f | %.3f | %.3f | %.3f | %ld | %ld | %ld | %ld |\n", name.c_str(),
              b.n(), b.Accuracy(), b.Precision(), b.Recall(), b.F1(), b.tp, b.fp, b.fn, b.tn);
}

void PrintBinaryHeader(const char* what) {
  std::printf("| %s | n | accuracy | precision | recall | F1 | TP | FP | FN | TN |\n", what);
  std::printf("|---|---|---|---|---|---|---|---|---|---|\n");
}

int EvalNegEx(const ContextClassifier& cc, const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "cannot read " << path << "\n";
    return 1;
  }
  std::string line;
  std::getline(in, line);  // header
  struct Row {
    std::string sentence;
    std::size_t begin, end;
    bool negated;
  };
  std::vector<Row> rows;
  long missing = 0;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    auto f = SplitTabs(line);
    if (f.size() < 4) continue;
    std::string term = Lower(Trim(f[1])), sentence = f[2];
    std::size_t at = FindTarget(sentence, term);
    if (term.empty() || at == std::string::npos) {
      ++missing;
      continue;
    }
    rows.push_back({sentence, at, at + term.size(), Trim(f[3]) == "Negated"});
  }

  Binary negated;     // predicted negated  <=> context == negated
  Binary fires;       // a rule with contexts [asserted] fires  <=> gold Affirmed
  Binary fires_wide;  // fires on asserted, hedged or hypothetical
  std::map<std::string, std::array<long, 2>> dist;  // context -> {affirmed, negated}
  for (const Row& r : rows) {
    ContextInput input;
    input.sentence = r.sentence;
    input.match_begin = r.begin;
    input.match_end = r.end;
    Context c = cc.Classify(input);
    negated.Add(r.negated, c == Context::kNegated);
    fires.Add(!r.negated, c == Context::kAsserted);
    fires_wide.Add(!r.negated,
                   c == Context::kAsserted || c == Context::kHedged || c == Context::kHypothetical);
    dist[std::string(ContextName(c))][r.negated ? 1 : 0]++;
  }

  // Throughput of Classify on these rows.
  std::size_t bytes = 0;
  for (const Row& r : rows) bytes += r.sentence.size();
  const int kRounds = 20;
  long sink = 0;
  // CPU time of this thread: the figure should not depend on what else the
  // machine is running.
  const double t0 = CpuSeconds();
  for (int round = 0; round < kRounds; ++round) {
    for (const Row& r : rows) {
      ContextInput input;
      input.sentence = r.sentence;
      input.match_begin = r.begin;
      input.match_end = r.end;
      sink += static_cast<long>(cc.Classify(input));
    }
  }
  const double secs = CpuSeconds() - t0;

  std::printf("## NegEx/ConText test kit (%zu rows scored, %ld with the term not found)\n\n",
              rows.size(), missing);
  PrintBinaryHeader("task");
  PrintBinaryRow("negated (context == negated) vs Negated", negated);
  PrintBinaryRow("fires (asserted) vs Affirmed", fires);
  PrintBinaryRow("fires (asserted, hedged, hypothetical) vs Affirmed", fires_wide);
  std::printf("\n| context | gold Affirmed | gold Negated |\n|---|---|---|\n");
  for (const auto& [name, counts] : dist) {
    std::printf("| %s | %ld | %ld |\n", name.c_str(), counts[0], counts[1]);
  }
  std::printf("\nClassify: %.2f us CPU per call, %.1f MB/s of sentence text (checksum %ld)\n\n",
              1e6 * secs / double(kRounds * rows.size()), double(bytes) * kRounds / secs / 1e6,
              sink % 7);
  return 0;
}

bool OnlyWeakCues(const std::string& cues) {
  // "or", "whether", "either" (and "and/or") are speculation cues in BioScope
  // but mark alternatives more than uncertainty.
  std::stringstream ss(cues);
  std::string cue;
  bool any = false;
  while (std::getline(ss, cue, '|')) {
    cue = Lower(Trim(cue));
    if (cue.empty()) continue;
    any = true;
    if (cue != "or" && cue != "whether" && cue != "either" && cue != "and/or" &&
        cue != "either or" && cue != "whether or not") {
      return false;
    }
  }
  return any;
}

// The sentence's last word (before closing punctuation): what a claim at the
// end of a hedged sentence would be. "These results suggest that X may be
// involved in Y" must read "Y" as hedged.
std::pair<std::size_t, std::size_t> LastWord(const std::string& s) {
  std::size_t e = s.size();
  auto word = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80) || c == '-';
  };
  while (e > 0 && !word(s[e - 1])) --e;
  std::size_t b = e;
  while (b > 0 && word(s[b - 1])) --b;
  return {b, e};
}

int EvalBioScope(const ContextClassifier& cc, const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "cannot read " << path << "\n";
    return 1;
  }
  std::string line;
  std::getline(in, line);  // header
  std::map<std::string, Binary> all, strict, with_hyp, scope_all, scope_strict;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    auto f = SplitTabs(line);
    if (f.size() < 5) continue;
    const std::string& sub = f[0];
    const std::string& sentence = f[3];
    const std::string spec = f.size() > 4 ? Trim(f[4]) : "";
    const bool gold = !spec.empty();
    const bool hedge = cc.HasCue(sentence, Context::kHedged);
    const bool hyp = cc.HasCue(sentence, Context::kHypothetical);
    auto [lb, le] = LastWord(sentence);
    ContextInput ci;
    ci.sentence = sentence;
    ci.match_begin = lb;
    ci.match_end = le;
    const bool scoped = le > lb && cc.Classify(ci) == Context::kHedged;
    for (const std::string& key : {sub, std::string("all")}) {
      scope_all[key].Add(gold, scoped);
      scope_strict[key].Add(gold && !OnlyWeakCues(spec), scoped);
      all[key].Add(gold, hedge);
      with_hyp[key].Add(gold, hedge || hyp);
      // Without the alternative cues: sentences whose only cues are those
      // count as having none.
      strict[key].Add(gold && !OnlyWeakCues(spec), hedge);
    }
  }
  std::printf("## BioScope hedge detection (sentence has a hedge cue)\n\n");
  PrintBinaryHeader("subset / gold");
  for (const auto& [key, b] : all) PrintBinaryRow(key + ", all speculation cues", b);
  for (const auto& [key, b] : strict) PrintBinaryRow(key + ", without or/whether/either", b);
  for (const auto& [key, b] : with_hyp) {
    PrintBinaryRow(key + ", all cues; hedge or hypothetical cue predicted", b);
  }
  std::printf("\n");
  std::printf(
      "## BioScope hedge scope (the sentence's last word is classified hedged)\n\n"
      "Balanced accuracy is the mean of recall and specificity: the accuracy on a set with as "
      "many hedged sentences as plain ones.\n\n");
  std::printf("| subset / gold | n | balanced accuracy | precision | recall | specificity |\n");
  std::printf("|---|---|---|---|---|---|\n");
  auto row = [](const std::string& name, const Binary& b) {
    double spec = b.tn + b.fp ? double(b.tn) / double(b.tn + b.fp) : 0;
    std::printf("| %s | %ld | %.3f | %.3f | %.3f | %.3f |\n", name.c_str(), b.n(),
                (b.Recall() + spec) / 2, b.Precision(), b.Recall(), spec);
  };
  for (const auto& [key, b] : scope_all) row(key + ", all speculation cues", b);
  for (const auto& [key, b] : scope_strict) row(key + ", without or/whether/either", b);
  std::printf("\n");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir;
  std::string cues_path;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--cues" && i + 1 < argc) {
      cues_path = argv[++i];
    } else if (arg == "--help" || arg == "-h") {
      std::printf("usage: context_eval [--cues FILE] BENCHMARKS_DIR\n");
      return 0;
    } else {
      dir = arg;
    }
  }
  if (dir.empty()) {
    std::fprintf(stderr, "usage: context_eval [--cues FILE] BENCHMARKS_DIR\n");
    return 2;
  }
  std::shared_ptr<const ContextClassifier> cc;
  if (cues_path.empty()) {
    cc = ContextClassifier::Builtin();
  } else {
    std::ifstream in(cues_path);
    std::stringstream text;
    text << in.rdbuf();
    auto loaded = ContextClassifier::FromYaml(text.str(), cues_path);
    if (!loaded.ok()) {
      std::cerr << loaded.error().ToString() << "\n";
      return 2;
    }
    cc = loaded.value();
  }
  int rc = EvalNegEx(*cc, dir + "/negex_context/rsAnnotations-1-120-random.txt");
  rc |= EvalBioScope(*cc, dir + "/bioscope/bioscope_sentences.tsv");
  return rc;
}
