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
// A date line that names who reviewed or published the page: "Page last
// reviewed: 3 March 2024 by NHS Inform", "Updated 5 May 2025 by Jo Reyes".
const re2::RE2& DatedLineBy();
// A copyright line naming the publisher: "© 2024 Macmillan Cancer Support",
// "Copyright 2023 Ashby Road Pharmacy".
const re2::RE2& CopyrightLine();
// What introduces a byline's date after the name: ", ", " on ", " in "
// ("Reviewed by the Migraine Trust in April 2023").
const re2::RE2& BylineDateLead();
// "About the author", "Meet the authors".
const re2::RE2& AboutAuthorHeading();
// "Author information:", "Correspondence:", "Corresponding author:": the
// author block of a paper or abstract.
const re2::RE2& AuthorInformationCue();
// An organisation's team as the author: "by the FungiFolk team", "from the
// pharmacists at Ashby Road Pharmacy", "by our information team", "By the
// editorial staff". A named team counts as an institutional author: the page
// says which organisation stands behind it.
const re2::RE2& TeamByline();
// A health professional named by role as the reviewer: "reviewed by a
// consultant neurologist", "checked by our pharmacist".
const re2::RE2& RoleReviewer();
// The page saying who wrote it: "This page was written by our information
// team", "This leaflet was produced by Joint Action UK".
const re2::RE2& SelfAuthorship();
// An organisation saying it publishes the page, at its foot: "Joint Action UK
// is a registered charity", "Harbour Road Pharmacy is an NHS pharmacy".
const re2::RE2& PublisherStatement();
// A sign-off at the end: "— Rachel, The Memory Kitchen".
const re2::RE2& SignOff();

// True when `s` is a list of people's names as a byline gives them: "Jonah
// Marlow, Tessa Ferris and Ruth Kaminski", "Clare Hollis, RSHom",
// "Dr A. N. Other PhD". Credentials (two or more capitals) may follow a name.
bool LooksLikeNames(std::string_view s);

}  // namespace claimlint::article_lines
