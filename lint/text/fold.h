// Folding text for comparison: case and accent folding, word splitting, a
// light stemmer, stop words, acronym definitions and title similarity.
// Comparisons only: none of these keep byte offsets.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace claimlint {

// Lower-cases ASCII, folds common Latin accents to their base letter ("é" ->
// "e"), curly quotes to straight ones, dashes to '-', no-break space to ' '.
std::string FoldLower(std::string_view text);

// Runs of letters and digits of FoldLower(text) (other UTF-8 letters are kept
// inside words).
std::vector<std::string> Words(std::string_view text);

// A light suffix stripper (plural, -ed, -ing, final e, British -ise/-our) so
// that "departments"/"department" and "reduced"/"reduces" compare equal.
std::string Stem(std::string_view word);

bool IsStopword(std::string_view folded_word);
// Words about the act of citing or reporting ("study", "found", "PubMed")
// that say nothing about which study is meant.
bool IsReportingWord(std::string_view folded_word);

// Acronyms defined in the text as "Long Form (LF)", found with the
// Schwartz & Hearst (2003) algorithm. Key: the acronym, lower-cased; value:
// the long form's words, lower-cased.
using AcronymMap = std::map<std::string, std::vector<std::string>>;
void FindAcronyms(std::string_view text, AcronymMap* out);

// Distinct stemmed content words of `text` (stop words, reporting words and
// numbers dropped); an acronym in `acronyms` adds its long form's words too.
std::vector<std::string> ContentTerms(std::string_view text, const AcronymMap* acronyms);

// A title reduced to folded words joined by single spaces.
std::string NormalizeTitle(std::string_view title);
// Dice coefficient of the stemmed non-stop words of two titles, in [0, 1].
double TitleSimilarity(std::string_view a, std::string_view b);

}  // namespace claimlint
