// Claim strength after Yu et al. (2019): how strongly a sentence (or a clause
// of one) states a relationship, from a linear model trained offline by
// tools/strength/train.py. The weights are data (rules/models/claim-strength.tsv,
// built into the binary); this file only tokenises, extracts the same
// features as the trainer and adds up weights.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lint/base/status.h"

namespace claimlint {

// The four classes, weakest first; the numbers are the model's class indices.
enum class ClaimStrength : std::uint8_t {
  kNone = 0,           // no relationship stated, or not a finding at all
  kCorrelational = 1,  // "is associated with", "linked to"
  kConditional = 2,    // hedged causal: "may reduce", "could lead to"
  kDirect = 3,         // "reduces", "improves", "causes", "cures"
};
std::string_view ClaimStrengthName(ClaimStrength s);

struct StrengthScore {
  ClaimStrength strength = ClaimStrength::kNone;  // the most probable class
  std::array<double, 4> probability{};            // by class index; sums to 1
  // The mean class under the probabilities, 0..3: a graded strength that
  // compares two sentences more smoothly than their classes do.
  double Expected() const;
};

class ClaimStrengthModel {
 public:
  // Reads a model file; a malformed one gives an Error located at its line
  // and column in `filename`.
  static Result<ClaimStrengthModel> Parse(std::string_view text, std::string_view filename);
  // The built-in model, read once on first use (thread-safe).
  static const ClaimStrengthModel& Builtin();

  StrengthScore Score(std::string_view sentence) const;

  // The distinct feature names of `sentence`, sorted as the trainer sorts
  // them (bytewise); for tests and diagnosis, not for the hot path.
  std::vector<std::string> FeatureNames(std::string_view sentence) const;

  // How much higher an article's expected strength must be than its
  // source's to call it stated more strongly (chosen by the trainer).
  double exaggeration_margin() const { return margin_; }
  std::size_t feature_count() const { return weights_.size(); }

 private:
  // One hash-table slot: a feature's weights and the word lists a token is
  // in share the key, FNV-1a 64 of the feature name ("u:may"); a bigram's
  // key ("b:linked to") is mixed from its two words' keys.
  struct Entry {
    std::uint64_t key = 0;
    std::int32_t weight = -1;    // index into weights_, -1 if the model has none
    std::uint32_t lexicons = 0;  // bit per word list; kUsed marks a filled slot
  };
  struct Scratch;
  // Tokenises `sentence` into `scratch` and looks every unigram and bigram
  // up; returns the grammar features that hold, one bit each.
  std::uint32_t Analyse(std::string_view sentence, Scratch& scratch) const;
  const Entry* Find(std::uint64_t hash) const;
  // False when `hash` already holds a weight (a repeated feature).
  bool Insert(std::uint64_t hash, std::int32_t weight, std::uint32_t lexicons);

  std::vector<std::array<double, 4>> weights_;  // file order; [0] is the bias
  std::vector<Entry> table_;                    // open addressing, power-of-two size
  std::vector<std::int32_t> grammar_;           // weight index per grammar feature, -1 if none
  double margin_ = 0.0;
};

}  // namespace claimlint
