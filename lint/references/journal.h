// Journal names: is "Clin J Pain" the same journal as "The Clinical Journal
// of Pain"? Full and abbreviated names, ISO 4 style abbreviations and
// initialisms (BMJ, JAMA) all compare equal.
#pragma once

#include <string_view>

#include "lint/references/reference.h"

namespace claimlint::cite {

// True when two journal names name the same journal: equal after folding and
// dropping "the/of/and/for/in/on/&"; or word for word, each word of the
// shorter name a prefix (or, for 3+ letters, an in-order abbreviation with
// the same first letter: "Natl" ~ "National") of the other's; or one name is
// the initials of the other ("BMJ" ~ "British Medical Journal").
bool JournalNamesMatch(std::string_view a, std::string_view b);

// The stated name against an entry's full and short journal names.
bool SameJournal(std::string_view stated, const Reference& entry);

}  // namespace claimlint::cite
