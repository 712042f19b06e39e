// Whether a match of a disclosure rule's `requires` list really discloses the
// risk: a warning, side effect, contraindication, interaction or pointer to
// care must be near it (rules/lexicons/risk.yaml), not just the keyword —
// "management of cellulitis" names an infection without warning of one — and
// a denial of the risk ("there is no risk of infection") is a safety claim,
// never a disclosure. A link whose text names the risk ("see our page on
// interactions") is a disclosure: it sends the reader to the warning.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "lint/checks/check.h"
#include "lint/checks/disclosure_scan.h"
#include "lint/genre/lexicon_matcher.h"

namespace claimlint {

class RiskWording {
 public:
  explicit RiskWording(const CheckInput& in, const disclosure_internal::DocTexts& texts);

  // A match at [b, e) of block `block`'s text. It discloses when wording that
  // warns (a caution, contraindication, interaction, pointer to care, or a
  // harm said to be possible: anywhere, the match included) or the name of a
  // harm or its severity (outside the matched words) occurs in its sentence
  // or the sentences either side, the heading it falls under, the list it belongs to
  // (with the paragraph that introduces it), or its table row; and its own
  // sentence does not deny the risk. A match inside a link's text always
  // discloses.
  bool InBlock(int block, std::size_t b, std::size_t e) const;
  // A match at [b, e) of DocTexts::raw (raw HTML, components, front matter):
  // the risk wording must be in the same paragraph (up to a blank line).
  bool InRaw(std::size_t b, std::size_t e) const;
  // A match at [b, e) of the front-matter title.
  bool InTitle(std::size_t b, std::size_t e) const;
  // True when the sentence of a match at [b, e) of block `block` denies a
  // risk or the need for care ("no risk of", "completely safe").
  bool Denied(int block, std::size_t b, std::size_t e) const;

 private:
  const std::vector<LexiconHit>& Hits(int block) const;
  // Risk wording in `hits` within [from, to); a harm's name counts only
  // outside [b, e).
  bool Warns(const std::vector<LexiconHit>& hits, std::size_t from, std::size_t to, std::size_t b,
             std::size_t e) const;
  bool Denies(const std::vector<LexiconHit>& hits, std::size_t from, std::size_t to) const;
  bool BlockWarns(int block) const;

  const CheckInput& in_;
  const disclosure_internal::DocTexts& texts_;
  const LexiconMatcher& matcher_;
  int denial_ = -1;
  std::vector<bool> act_;  // per class: warns by itself (not a harm's name)
  mutable std::vector<std::optional<std::vector<LexiconHit>>> hits_;
};

}  // namespace claimlint
