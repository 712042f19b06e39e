#include <algorithm>
#include <memory>

#include "lint/citations/finders.h"
#include "lint/text/strings.h"

namespace claimlint::cite {

// --- Numbered and footnote markers ----------------------------------------

namespace {

// "... grow new connections (1).", "(2, 3)": a number in parentheses after a
// word and before the end of a clause reads as a citation marker. Not an
// enumeration ("(1) eat well, (2) sleep"), a count ("(n = 12)"), or a label
// ("type (2)", "step (3)"), an affiliation ("Lee A(1)") or a tally on a
// short line of page furniture ("Comments (14)", "Basket (2)").
void FindParenthesisedNumbers(std::string_view text, std::vector<Citation>* out) {
  if (text.find('(') == std::string_view::npos) return;
  static const RE2& re = Re(R"(\S\s(\(\s*(\d{1,3}(?:\s*[-–,]\s*\d{1,3})*)\s*\))\s*(?:[.,;!?]|$))");
  static const RE2& label = Re(
      R"((?i)\b(?:type|step|phase|stage|grade|class|level|figure|fig|table|group|question|item|part|version|chapter|section|page|box|appendix|trial|study|cohort|arm|n|p|no|number|aged?|comments?|repl(?:y|ies)|reviews?|responses?|ratings?|votes?|likes?|shares?|photos?|videos?|items?|basket|cart|bag|results?|messages?|notifications?|followers?|answers?)\.?\s*$)");
  ForEachMatch(re, text, [&](const std::vector<StringPiece>& m) {
    std::size_t b = Off(text, m[1]), e = b + m[1].size();
    std::size_t lb = b > 24 ? b - 24 : 0;
    std::string_view before = text.substr(lb, b - lb);
    if (RE2::PartialMatch(StringPiece(before.data(), before.size()), label)) return;
    // Unpunctuated at the end of the text: only after a sentence's worth of words.
    std::size_t e_all = Off(text, m[0]) + m[0].size();
    if (e_all >= text.size() && text[e_all - 1] == ')') {
      int words = 0;
      for (std::size_t k = 1; k < b; ++k) {
        if (text[k] == ' ' && text[k - 1] != ' ') ++words;
      }
      if (words < 5) return;
    }
    Citation c;
    c.kind = CitationKind::kNumbered;
    c.parenthesised = true;
    c.begin = b;
    c.end = e;
    c.text = std::string(m[1]);
    std::string_view list(m[2].data(), m[2].size());
    static const RE2& kRange = Re(R"((\d{1,3})(?:\s*[-–]\s*(\d{1,3}))?)");
    ForEachMatch(kRange, list, [&](const std::vector<StringPiece>& r) {
      int from = std::stoi(std::string(r[1]));
      int to = r[2].empty() ? from : std::stoi(std::string(r[2]));
      if (to < from || to - from > 50) to = from;
      for (int n = from; n <= to; ++n) c.numbers.push_back(n);
    });
    if (!c.numbers.empty() && c.numbers[0] > 0) out->push_back(std::move(c));
  });
}

}  // namespace

void FindNumbered(std::string_view text, std::vector<Citation>* out) {
  FindParenthesisedNumbers(text, out);
  if (text.find('[') == std::string_view::npos) return;  // both forms open with one
  static const RE2& re = Re(
      R"(\[\s*(\d{1,3}(?:\s*[-–—]\s*\d{1,3})?(?:\s*[,;]\s*\d{1,3}(?:\s*[-–—]\s*\d{1,3})?)*)\s*\])");
  ForEachMatch(re, text, [&](const std::vector<StringPiece>& m) {
    std::size_t b = Off(text, m[0]), e = b + m[0].size();
    if (e < text.size() && (text[e] == '(' || text[e] == ':')) return;  // link syntax
    Citation c;
    c.kind = CitationKind::kNumbered;
    c.begin = b;
    c.end = e;
    c.text = std::string(m[0]);
    std::string_view list(m[1].data(), m[1].size());
    static const RE2& kRange = Re(R"((\d{1,3})(?:\s*[-–—]\s*(\d{1,3}))?)");
    ForEachMatch(kRange, list, [&](const std::vector<StringPiece>& r) {
      int from = std::stoi(std::string(r[1]));
      int to = r[2].empty() ? from : std::stoi(std::string(r[2]));
      if (to < from || to - from > 50) to = from;
      for (int n = from; n <= to; ++n) c.numbers.push_back(n);
    });
    if (!c.numbers.empty() && c.numbers[0] > 0) out->push_back(std::move(c));
  });
  static const RE2& fn = Re(R"(\[\^([^\]\s]+)\])");
  ForEachMatch(fn, text, [&](const std::vector<StringPiece>& m) {
    if (m[1].size() > 64) return;
    Citation c;
    c.kind = CitationKind::kFootnote;
    c.begin = Off(text, m[0]);
    c.end = c.begin + m[0].size();
    c.text = std::string(m[0]);
    c.label = std::string(m[1]);
    out->push_back(std::move(c));
  });
}

// --- Quoted titles ---------------------------------------------------------

void FindQuotedTitles(std::string_view text, std::vector<Citation>* out) {
  if (text.find('"') == std::string_view::npos && text.find("“") == std::string_view::npos &&
      text.find("‘") == std::string_view::npos) {
    return;
  }
  static const RE2& re = Re(R"re((?:"([^"“”]+)"|“([^"“”]+)”|‘([^‘’]+)’))re");
  static const RE2& intro = Re(
      R"((?i)(?:titled|entitled|study|paper|article|review|report|trial|publication|guideline|guidance)[\s,:]*$)");
  ForEachMatch(re, text, [&](const std::vector<StringPiece>& m) {
    const StringPiece& g = !m[1].empty() ? m[1] : !m[2].empty() ? m[2] : m[3];
    std::string_view title(g.data(), g.size());
    if (title.size() < 8 || title.size() > 300) return;
    if (std::count(title.begin(), title.end(), ' ') < 2) return;  // three words at least
    Citation c;
    c.kind = CitationKind::kQuotedTitle;
    c.begin = Off(text, m[0]);
    c.end = c.begin + m[0].size();
    c.text = std::string(m[0]);
    c.title = Trim(title);
    std::size_t lb = c.begin > 40 ? c.begin - 40 : 0;
    std::string_view before = text.substr(lb, c.begin - lb);
    c.introduced = RE2::PartialMatch(StringPiece(before.data(), before.size()), intro);
    out->push_back(std::move(c));
  });
}

}  // namespace claimlint::cite
