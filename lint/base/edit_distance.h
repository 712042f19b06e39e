// Levenshtein distance, and "did you mean" hints for names typed by a user.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace claimlint {

inline std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// The name of `names` closest to `word`, when it is close enough to be the
// likely intent (about one edit in four letters); "" otherwise.
template <typename Names>
std::string ClosestName(std::string_view word, const Names& names) {
  std::string best;
  std::size_t best_d = std::max<std::size_t>(3, word.size() / 4) + 1;
  for (const auto& n : names) {
    std::size_t d = EditDistance(word, n);
    if (d < best_d) {
      best_d = d;
      best = std::string(n);
    }
  }
  return best;
}

// "; did you mean 'NAME'?" for the closest name, or "".
template <typename Names>
std::string DidYouMean(std::string_view word, const Names& names) {
  std::string best = ClosestName(word, names);
  return best.empty() ? "" : "; did you mean '" + best + "'?";
}

}  // namespace claimlint
