// Dates an article gives for when it was written, updated or reviewed: in
// the front matter, or in lines such as "Last reviewed: 5 March 2024".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lint/document/document.h"

namespace claimlint {

struct CalendarDate {
  int year = 0, month = 0, day = 0;  // month and day 1-based
  bool operator<(const CalendarDate& o) const {
    if (year != o.year) return year < o.year;
    if (month != o.month) return month < o.month;
    return day < o.day;
  }
};

// Parses a date as articles and front matter write it: 2024-03-05 (with an
// optional time), 5 March 2024, 5th Mar. 2024, March 5, 2024, March 2024,
// 05/03/2024 (read day first unless that is impossible). A date with no day
// is read as the month's last day, so that its age is never overstated.
// The date must start at text[0]; *length gets the bytes it spans.
bool ParseArticleDate(std::string_view text, CalendarDate* out, std::size_t* length = nullptr);

// Today: $CLAIMLINT_TODAY (YYYY-MM-DD) when set and valid, else the UTC date.
CalendarDate TodayForQuality();

// A date written in the article: its value and where (bytes in Document::text).
struct ArticleDate {
  CalendarDate date;
  std::string text;  // as written
  std::size_t src_begin = 0, src_end = 0;
  // A journal record's date ("Epub 2022 Jun 30", "Published online 14 April
  // 2021"): it dates a paper, which is not revised, so it cannot go stale.
  bool record = false;
};

// Dates of writing, update or review: front matter (date, updated, reviewed
// and their synonyms) and lines such as "Last reviewed: 5 March 2024".
std::vector<ArticleDate> FindArticleDates(const Document& doc);

}  // namespace claimlint
