// Measures citation.overstated on the InSciOut press-release / abstract pairs
// (Sumner et al. 2014, Bratton et al. 2019; as curated by Wright & Augenstein
// 2021): for each pair the abstract's conclusion becomes the abstract of a
// one-entry reference library, and each sentence of the press release's
// conclusion cites that entry ("... (Harper, 2020)."). The article is linted
// with every built-in pack; a pair is predicted "overstated" when
// citation.overstated fires. Precision and recall are against the label
// "exaggerates" (the press release states a stronger relationship than the
// abstract).
//
// Usage: insciout_eval BENCHMARKS_DIR [--split test|train] [--dump FILE]
//   BENCHMARKS_DIR holds insciout_exaggeration/insciout_SPLIT.jsonl (one JSON
//   object a line: press_release_conclusion, abstract_conclusion,
//   press_release_strength, abstract_strength, exaggeration_label).
//   --split picks the file (test by default). --dump writes, one JSON object
//   a line, what the comparison read for each pair (the claim-strength
//   probabilities and rule-based readings of every release sentence and of
//   the abstract), for choosing the decision rule on the training split
//   (tools/strength/exaggeration_rule.py). The checks are never tuned on the
//   test split: for it the program prints counts only.
//
// Results are written to stdout as Markdown (docs/citations.md).

#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "lint/checks/registry.h"
#include "lint/citations/overstatement.h"
#include "lint/citations/strength.h"
#include "lint/context/context.h"
#include "lint/document/sentence_splitter.h"
#include "lint/engine/linter.h"
#include "lint/references/library.h"
#include "lint/rules/pack_loader.h"
#include "lint/rules/rule_set.h"

namespace {

using claimlint::Finding;
using claimlint::Reference;
using claimlint::ReferenceLibrary;

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
      Pair p;
      p.release = j.value("press_release_conclusion", "");
      p.abstract = j.value("abstract_conclusion", "");
      p.label = j.value("exaggeration_label", "");
      p.release_strength = j.value("press_release_strength", 0);
      p.abstract_strength = j.value("abstract_strength", 0);
      pairs.push_back(std::move(p));
    } catch (const nlohmann::json::exception& e) {
      std::cerr << path << ": skipped a line: " << e.what() << "\n";
    }
  }
  return pairs;
}

// The press release with a citation before the end of each sentence.
std::string Cite(const std::string& text) {
  std::string out;
  std::size_t done = 0;
  for (const claimlint::SentenceSpan& s : claimlint::SplitSentences(text)) {
    std::size_t end = s.end;
    // Before the closing punctuation and quotes: 'it works." (Harper, 2020)'
    // would leave the citation outside the sentence.
    while (end > s.begin &&
           (text[end - 1] == '.' || text[end - 1] == '!' || text[end - 1] == '?' ||
            text[end - 1] == '"' || text[end - 1] == '\'' || text[end - 1] == ' ')) {
      --end;
    }
    if (end >= 3 && text.compare(end - 3, 3, "\xE2\x80\x9D") == 0) end -= 3;
    out += text.substr(done, end - done);
    out += " (Harper, 2020)";
    done = end;
  }
  out += text.substr(done);
  if (out.find("(Harper, 2020)") == std::string::npos) out += " (Harper, 2020).";
  return out;
}

double Ratio(int a, int b) { return b == 0 ? 0.0 : static_cast<double>(a) / b; }

}  // namespace

// What the check reads for one pair, as JSON.
nlohmann::json Reading(const Pair& p, const claimlint::ContextClassifier& ctx) {
  nlohmann::json out;
  out["label"] = p.label;
  auto probs = [](const claimlint::StrengthScore& s) {
    return nlohmann::json::array(
        {s.probability[0], s.probability[1], s.probability[2], s.probability[3]});
  };
  nlohmann::json sentences = nlohmann::json::array();
  nlohmann::json source;
  for (const claimlint::SentenceSpan& sp : claimlint::SplitSentences(p.release)) {
    std::string sentence = p.release.substr(sp.begin, sp.end - sp.begin);
    std::string claim(claimlint::cite::ClaimPart(sentence));
    claimlint::cite::ConclusionComparison c =
        claimlint::cite::CompareWithConclusion(claim, p.abstract, ctx);
    nlohmann::json j;
    j["claim"] = claim;
    j["p"] = probs(c.claim);
    j["rule"] = static_cast<int>(c.claim_rule.strength);
    j["negated"] = c.claim_rule.negated;
    j["past"] = c.claim_rule.past;
    j["p_higher"] = c.p_higher;
    j["effect"] = claimlint::cite::ClaimsEffect(claim, ctx);
    j["fires"] = claimlint::cite::OverstatesConclusion(c).overstated;
    sentences.push_back(j);
    source["conclusion"] = claimlint::cite::ConclusionOf(p.abstract);
    source["p"] = probs(c.source);
    source["rule"] = static_cast<int>(c.source_rule.strength);
    source["cautious"] = c.source_rule.cautious;
    source["known"] = c.source_rule.known;
  }
  out["release"] = sentences;
  out["abstract"] = source;
  return out;
}

int main(int argc, char** argv) {
  std::string split = "test", dump;
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string dir;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--split" && i + 1 < args.size()) {
      split = args[++i];
    } else if (args[i] == "--dump" && i + 1 < args.size()) {
      dump = args[++i];
    } else if (dir.empty()) {
      dir = args[i];
    } else {
      dir.clear();
      break;
    }
  }
  if (dir.empty() || (split != "test" && split != "train")) {
    std::cerr << "usage: insciout_eval BENCHMARKS_DIR [--split test|train] [--dump FILE]\n";
    return 2;
  }
  std::string path = dir + "/insciout_exaggeration/insciout_" + split + ".jsonl";
  std::vector<Pair> pairs = ReadPairs(path);
  if (pairs.empty()) {
    std::cerr << "no pairs read from " << path << "\n";
    return 2;
  }
  auto loaded = claimlint::LoadBuiltinRules(claimlint::BuiltinChecks());
  if (!loaded.ok()) {
    std::cerr << loaded.error().ToString() << "\n";
    return 2;
  }
  auto rules = claimlint::RuleSet::Build(std::move(loaded.value()));
  if (!rules.ok()) {
    std::cerr << rules.error().ToString() << "\n";
    return 2;
  }
  auto context = claimlint::ContextClassifier::Builtin();

  // The harness itself must work: a made-up pair that has to be flagged.
  auto flags = [&](const std::string& release, const std::string& abstract) {
    auto lib = std::make_shared<ReferenceLibrary>();
    Reference r;
    r.id = "source";
    r.type = "article-journal";
    r.families = {"Harper"};
    r.year = 2020;
    r.abstract = abstract;
    lib->entries.push_back(r);
    claimlint::Linter linter({rules.value(), context, lib, nullptr});
    for (const Finding& f : linter.Lint("release.txt", Cite(release) + "\n").findings) {
      if (f.rule == "citation.overstated") return true;
    }
    return false;
  };
  if (!flags("Walking groups reduce loneliness in older adults.",
             "Walking groups may reduce loneliness in older adults; larger trials are needed.")) {
    std::cerr << "harness check failed: the made-up overstated pair was not flagged\n";
    return 2;
  }

  // How the strength reader behind the check reads each text, against the
  // data's own 0-3 strength labels (0 none, 1 correlational, 2 conditional
  // causal, 3 causal): the strongest reading over the text's sentences.
  auto read = [&](const std::string& text) {
    claimlint::cite::Strength best = claimlint::cite::Strength::kNone;
    for (std::string_view sentence : claimlint::cite::SplitText(text)) {
      claimlint::cite::ClaimReading r = claimlint::cite::ReadClaim(sentence, *context);
      if (!r.negated && r.strength > best) best = r.strength;
    }
    return static_cast<int>(best);
  };
  int release_table[4][4] = {}, abstract_table[4][4] = {};  // [label][reading]

  if (!dump.empty()) {
    std::ofstream out(dump);
    for (const Pair& p : pairs) out << Reading(p, *context).dump() << "\n";
  }

  int tp = 0, fp = 0, fn = 0, tn = 0;
  std::map<std::string, std::pair<int, int>> by_label;  // label -> (flagged, total)
  std::clock_t start = std::clock();
  for (const Pair& p : pairs) {
    bool flagged = flags(p.release, p.abstract);
    if (p.release_strength >= 0 && p.release_strength <= 3) {
      release_table[p.release_strength][read(p.release)]++;
    }
    if (p.abstract_strength >= 0 && p.abstract_strength <= 3) {
      abstract_table[p.abstract_strength][read(p.abstract)]++;
    }
    bool positive = p.label == "exaggerates";
    by_label[p.label].second++;
    if (flagged) by_label[p.label].first++;
    if (flagged && positive) ++tp;
    if (flagged && !positive) ++fp;
    if (!flagged && positive) ++fn;
    if (!flagged && !positive) ++tn;
  }
  double seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  double precision = Ratio(tp, tp + fp), recall = Ratio(tp, tp + fn);
  double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
  std::printf("## citation.overstated on InSciOut, %s split (%zu pairs)\n\n", split.c_str(),
              pairs.size());
  std::printf("| | flagged | not flagged |\n|---|---|---|\n");
  std::printf("| exaggerates | %d | %d |\n| same or downplays | %d | %d |\n\n", tp, fn, fp, tn);
  std::printf("precision %.3f, recall %.3f, F1 %.3f (positive class: \"exaggerates\")\n\n",
              precision, recall, f1);
  std::printf("| label | flagged / pairs |\n|---|---|\n");
  for (const auto& [label, counts] : by_label) {
    std::printf("| %s | %d / %d |\n", label.c_str(), counts.first, counts.second);
  }
  const char* kReadings[] = {"none", "correlational", "hedged", "direct"};
  for (auto [name, table] : {std::pair<const char*, int(*)[4]>{"press releases", release_table},
                             std::pair<const char*, int(*)[4]>{"abstracts", abstract_table}}) {
    std::printf("\nStrength read in %s (rows: the data's label, columns: claimlint's reading)\n\n",
                name);
    std::printf("| label | %s | %s | %s | %s |\n|---|---|---|---|---|\n", kReadings[0],
                kReadings[1], kReadings[2], kReadings[3]);
    for (int l = 0; l < 4; ++l) {
      std::printf("| %d | %d | %d | %d | %d |\n", l, table[l][0], table[l][1], table[l][2],
                  table[l][3]);
    }
  }
  std::printf("\nCPU time %.2f s (%.1f ms a pair, whole pipeline)\n", seconds,
              1000.0 * seconds / static_cast<double>(pairs.size()));
  return 0;
}
