// Reading short lines of prose where bylines and dates are written ("By Jane
// Smith | Updated 5 March 2024"): shared by the author and date finders.
#pragma once

#include <re2/re2.h>

#include <cstddef>
#include <string_view>
#include <vector>

namespace claimlint::article_lines {

struct Line {
  std::size_t begin = 0, end = 0;  // in the block text
};

std::vector<Line> LinesOf(std::string_view text);
int WordCount(std::string_view s);
// Leading characters that decorate a byline or a date line: spaces, emphasis.
std::size_t SkipDecoration(std::string_view s, std::size_t p);
// True when only decoration or a separator (| · • — – , ; ( /) precedes `p`
// on its line: "By Jane Smith | Updated 5 March 2024".
bool AfterSeparator(std::string_view line, std::size_t p);
// Offsets just past each separator of a byline line (| · • — –, and commas
// or semicolons when `commas`).
std::vector<std::size_t> SeparatorEnds(std::string_view line, bool commas);

// "Last reviewed:", "Updated", "Published on" ...
const re2::RE2& DateCue();
// "By", "Written by", "Medically reviewed by", "Author:" ... before a name.
const re2::RE2& BylineCue();
// "About the author", "Meet the authors".
const re2::RE2& AboutAuthorHeading();

}  // namespace claimlint::article_lines
