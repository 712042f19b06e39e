// Measures the claim-strength model (lint/strength/) on public labelled data:
//   1. the held-out part of Yu et al. (2019): the sentences of
//      yu_causal_strength/combined_normalized.tsv with fnv1a32(sentence) % 5
//      == 0, the split tools/strength/train.py never trains or tunes on;
//   2. the sentences of the InSciOut test pairs (press-release and abstract
//      conclusions, each with its 0-3 strength label);
//   3. the InSciOut test pairs: "exaggerates" predicted as release strength >
//      abstract strength, by the predicted classes, by the expected strengths
//      (the release's higher by more than the model's margin, which the trainer
//      chose on the InSciOut training pairs), by the probability that the
//      release's class is the higher one (> 0.5), and as a direct causal
//      release over a correlational or no-relationship abstract;
//   4. the time to score a sentence.
//
// Usage: strength_eval BENCHMARKS_DIR [MODEL.tsv]
//   Without MODEL.tsv the built-in model is measured. Prints Markdown.

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "lint/strength/claim_strength.h"

namespace {

using claimlint::ClaimStrengthModel;
using claimlint::StrengthScore;

struct Labelled {
  std::string sentence;
  int label = 0;
  std::string source;
};

std::uint32_t Fnv1a32(std::string_view s) {
  std::uint32_t h = 0x811C9DC5u;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x01000193u;
  }
  return h;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// One line of a tab-separated file with CSV quoting (a field that starts
// with '"' runs to the closing quote, '""' inside it is a quote), as
// Python's csv module reads it with delimiter '\t'.
std::vector<std::string> SplitQuoted(std::string_view line) {
  std::vector<std::string> fields(1);
  bool quoted = false, at_start = true;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '\t') {
      fields.emplace_back();
      at_start = true;
      continue;
    } else if (c == '"' && at_start) {
      quoted = true;
    } else {
      fields.back() += c;
    }
    at_start = false;
  }
  return fields;
}

int LabelIndex(const std::string& name) {
  if (name == "no_relationship") return 0;
  if (name == "correlational") return 1;
  if (name == "conditional_causal") return 2;
  if (name == "direct_causal") return 3;
  return -1;
}

std::vector<Labelled> ReadYu(const std::string& path) {
  std::vector<Labelled> out;
  std::istringstream in(ReadAll(path));
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (header || line.empty()) {
      header = false;
      continue;
    }
    std::vector<std::string> f = SplitQuoted(line);
    if (f.size() != 4 || LabelIndex(f[3]) < 0) {
      std::cerr << path << ": skipped a malformed line\n";
      continue;
    }
    out.push_back({f[2], LabelIndex(f[3]), f[0]});
  }
  return out;
}

struct Pair {
  std::string release, abstract, label;
  int release_strength = 0, abstract_strength = 0;
};

std::vector<Pair> ReadPairs(const std::string& path) {
  std::vector<Pair> pairs;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    try {
      nlohmann::json j = nlohmann::json::parse(line);
      pairs.push_back({j.value("press_release_conclusion", ""), j.value("abstract_conclusion", ""),
                       j.value("exaggeration_label", ""), j.value("press_release_strength", 0),
                       j.value("abstract_strength", 0)});
    } catch (const nlohmann::json::exception& e) {
      std::cerr << path << ": skipped a line: " << e.what() << "\n";
    }
  }
  return pairs;
}

volatile int g_sink = 0;  // keeps the timed scoring from being optimised away

const char* kNames[4] = {"none", "correlational", "conditional", "direct"};

// Per-class precision and recall, macro-F1 and the confusion matrix.
void PrintClassScores(const char* title, const std::vector<int>& gold,
                      const std::vector<int>& pred) {
  int m[4][4] = {};
  for (std::size_t i = 0; i < gold.size(); ++i) m[gold[i]][pred[i]]++;
  int correct = 0;
  double macro = 0;
  std::printf(
      "### %s (%zu sentences)\n\n| class | precision | recall | F1 | n |\n"
      "|---|---|---|---|---|\n",
      title, gold.size());
  for (int k = 0; k < 4; ++k) {
    int predicted = 0, actual = 0;
    for (int j = 0; j < 4; ++j) {
      predicted += m[j][k];
      actual += m[k][j];
    }
    correct += m[k][k];
    double p = predicted ? static_cast<double>(m[k][k]) / predicted : 0;
    double r = actual ? static_cast<double>(m[k][k]) / actual : 0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    macro += f / 4;
    std::printf("| %s | %.3f | %.3f | %.3f | %d |\n", kNames[k], p, r, f, actual);
  }
  std::printf("\n**macro-F1 %.3f**, accuracy %.3f\n\n", macro,
              gold.empty() ? 0.0 : static_cast<double>(correct) / gold.size());
  std::printf(
      "| gold \\ predicted | none | correlational | conditional | direct |\n"
      "|---|---|---|---|---|\n");
  for (int k = 0; k < 4; ++k) {
    std::printf("| %s | %d | %d | %d | %d |\n", kNames[k], m[k][0], m[k][1], m[k][2], m[k][3]);
  }
  std::printf("\n");
}

struct Counts {
  int tp = 0, fp = 0, fn = 0;
  void Add(bool gold, bool predicted) {
    tp += gold && predicted;
    fp += !gold && predicted;
    fn += gold && !predicted;
  }
  void Print(const char* rule) const {
    double p = tp + fp ? static_cast<double>(tp) / (tp + fp) : 0;
    double r = tp + fn ? static_cast<double>(tp) / (tp + fn) : 0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    std::printf("| %s | %d | %d | %d | %.3f | %.3f | %.3f |\n", rule, tp, fp, fn, p, r, f);
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 && argc != 3) {
    std::cerr << "usage: strength_eval BENCHMARKS_DIR [MODEL.tsv]\n";
    return 2;
  }
  const std::string dir = argv[1];
  const ClaimStrengthModel* model = &ClaimStrengthModel::Builtin();
  std::unique_ptr<ClaimStrengthModel> loaded;
  if (argc == 3) {
    auto parsed = ClaimStrengthModel::Parse(ReadAll(argv[2]), argv[2]);
    if (!parsed.ok()) {
      std::cerr << parsed.error().ToString() << "\n";
      return 2;
    }
    loaded = std::make_unique<ClaimStrengthModel>(std::move(parsed).value());
    model = loaded.get();
  }

  // 1. Yu et al., held out.
  const std::vector<Labelled> yu = ReadYu(dir + "/yu_causal_strength/combined_normalized.tsv");
  if (yu.empty()) {
    std::cerr << "no sentences read from " << dir << "/yu_causal_strength\n";
    return 2;
  }
  std::printf("## Claim strength (%zu features, exaggeration margin %.2f)\n\n",
              model->feature_count(), model->exaggeration_margin());
  std::vector<int> gold, pred, gold_pm, pred_pm, gold_eu, pred_eu;
  for (const Labelled& s : yu) {
    if (Fnv1a32(s.sentence) % 5 != 0) continue;
    const int p = static_cast<int>(model->Score(s.sentence).strength);
    gold.push_back(s.label);
    pred.push_back(p);
    const bool pubmed = s.source == "pubmed_conclusion";
    (pubmed ? gold_pm : gold_eu).push_back(s.label);
    (pubmed ? pred_pm : pred_eu).push_back(p);
  }
  PrintClassScores("Yu et al., held out (fnv1a32(sentence) % 5 == 0)", gold, pred);
  PrintClassScores("Yu et al., held out: PubMed conclusions", gold_pm, pred_pm);
  PrintClassScores("Yu et al., held out: EurekAlert press releases", gold_eu, pred_eu);

  // 2 and 3. InSciOut test pairs.
  const std::vector<Pair> pairs = ReadPairs(dir + "/insciout_exaggeration/insciout_test.jsonl");
  if (pairs.empty()) {
    std::cerr << "no pairs read from " << dir << "/insciout_exaggeration\n";
    return 2;
  }
  std::vector<int> gold_in, pred_in;
  Counts by_class, by_expected, by_probability, by_jump;
  for (const Pair& p : pairs) {
    const StrengthScore r = model->Score(p.release);
    const StrengthScore a = model->Score(p.abstract);
    gold_in.push_back(p.release_strength);
    pred_in.push_back(static_cast<int>(r.strength));
    gold_in.push_back(p.abstract_strength);
    pred_in.push_back(static_cast<int>(a.strength));
    double higher = 0;  // P(release class > abstract class), the two read independently
    for (int i = 0; i < 4; ++i) {
      for (int j = 0; j < i; ++j) higher += r.probability[i] * a.probability[j];
    }
    const bool exaggerates = p.label == "exaggerates";
    by_class.Add(exaggerates, r.strength > a.strength);
    by_expected.Add(exaggerates, r.Expected() - a.Expected() > model->exaggeration_margin());
    by_probability.Add(exaggerates, higher > 0.5);
    by_jump.Add(exaggerates, r.strength == claimlint::ClaimStrength::kDirect &&
                                 a.strength <= claimlint::ClaimStrength::kCorrelational);
  }
  PrintClassScores("InSciOut test, press-release and abstract conclusions", gold_in, pred_in);
  std::printf(
      "### InSciOut test pairs: \"exaggerates\" (%zu pairs)\n\n"
      "| rule | TP | FP | FN | precision | recall | F1 |\n|---|---|---|---|---|---|---|\n",
      pairs.size());
  by_class.Print("predicted class: release > abstract");
  char rule[96];
  std::snprintf(rule, sizeof rule, "expected strength: release - abstract > %.2f",
                model->exaggeration_margin());
  by_expected.Print(rule);
  by_probability.Print("P(release class > abstract class) > 0.5");
  by_jump.Print("direct release, correlational or no-relationship abstract");
  std::printf("\n");

  // 4. Speed: every Yu et al. sentence, scored until a second has passed.
  std::size_t scored = 0;
  int sink = 0;
  const auto start = std::chrono::steady_clock::now();
  std::chrono::duration<double> elapsed{};
  while (elapsed.count() < 1.0) {
    for (const Labelled& s : yu) sink += static_cast<int>(model->Score(s.sentence).strength);
    scored += yu.size();
    elapsed = std::chrono::steady_clock::now() - start;
  }
  std::size_t bytes = 0;
  for (const Labelled& s : yu) bytes += s.sentence.size();
  g_sink = sink;
  std::printf(
      "Speed: %.0f ns a sentence (mean of %zu; %.0f bytes a sentence on average), "
      "one thread\n",
      1e9 * elapsed.count() / static_cast<double>(scored), scored,
      static_cast<double>(bytes) / static_cast<double>(yu.size()));
  return 0;
}
