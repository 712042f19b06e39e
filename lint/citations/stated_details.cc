#include "lint/citations/extract.h"
#include "lint/citations/finders.h"
#include "lint/citations/term_scan.h"
#include "lint/text/strings.h"

namespace claimlint::cite {

StatedDetails FindStatedDetails(std::string_view sentence) {
  StatedDetails d;
  static const std::string kJournal =
      R"(((?:[Tt]he\s+)?\p{Lu}[\p{L}&.'’-]*(?:\s+(?:(?:of|and|for|in|the|on|&)\s+)*\p{Lu}[\p{L}&.'’-]*)*))";
  static const RE2& journal = Re(
      R"(\b(?:published|appeared|reported|printed|appearing|writing|reporting)\s+in\s+(?:the\s+(?:journal\s+)?)?)" +
      kJournal);
  static const RE2& journal2 = Re(R"(\bin\s+the\s+journal\s+)" + kJournal);
  // A journal named by its own words anywhere: "the Journal of X reported".
  static const RE2& journal3 = Re(
      R"(\b((?:The\s+)?(?:\p{Lu}[\p{L}'’-]*\s+)*(?:Journal|Annals|Archives|Proceedings)\s+of\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:of|and|for|in|the|&)\s+)*\p{Lu}[\p{L}'’-]*)*))");
  StringPiece g;
  StringPiece text(sentence.data(), sentence.size());
  if (RE2::PartialMatch(text, journal, &g) || RE2::PartialMatch(text, journal2, &g) ||
      RE2::PartialMatch(text, journal3, &g)) {
    std::string_view raw(g.data(), g.size());
    while (!raw.empty() &&
           (raw.back() == '.' || raw.back() == ',' || raw.back() == '\'' || raw.back() == '-')) {
      raw.remove_suffix(1);
    }
    g = StringPiece(raw.data(), raw.size());
    std::string name = Trim(raw);
    std::string_view first = name;
    if (first.rfind("The ", 0) == 0 || first.rfind("the ", 0) == 0) first.remove_prefix(4);
    first = first.substr(0, first.find(' '));
    if (!IsStopName(first) && !name.empty()) {
      d.journal = name;
      d.journal_begin = static_cast<std::size_t>(g.data() - sentence.data());
      d.journal_end = d.journal_begin + g.size();
    }
  }
  static const RE2& year1 = Re(
      R"((?i)\b(?:published|conducted|released|carried\s+out|issued)\b[^.;]*?\bin\s+((?:19|20)\d\d)\b)");
  static const RE2& year2 = Re(
      R"((?i)\b(?:a|an|the|one|this|that|their|another)\s+((?:19|20)\d\d)\s+(?:[\p{L}-]+\s+){0,3}?(?:study|studies|trial|trials|review|paper|report|survey|analysis|meta-analysis|guideline|systematic\s+review|randomi[sz]ed|experiment|investigation))");
  if (RE2::PartialMatch(text, year1, &g) || RE2::PartialMatch(text, year2, &g)) {
    d.year = std::stoi(std::string(g));
    d.year_begin = static_cast<std::size_t>(g.data() - sentence.data());
    d.year_end = d.year_begin + g.size();
  }
  // An author: "Smith and colleagues", "Smith et al.", "a team led by Smith".
  static const RE2& author = Re(
      R"(\b(\p{Lu}[\p{L}'’-]*\p{L})(?:\s+et\s+al\b|\s+and\s+(?:colleagues|co-?workers|co-?authors|his\s+team|her\s+team))|\bled\s+by\s+(?:(?:Dr|Prof|Professor)\.?\s+)?(?:\p{Lu}[\p{L}'’-]*\s+)?(\p{Lu}[\p{L}'’-]*\p{L}))");
  StringPiece a1, a2;
  if (RE2::PartialMatch(text, author, &a1, &a2)) {
    const StringPiece& a = !a1.empty() ? a1 : a2;
    if (!IsStopName(std::string_view(a.data(), a.size()))) {
      d.author = std::string(a);
      d.author_begin = static_cast<std::size_t>(a.data() - sentence.data());
      d.author_end = d.author_begin + a.size();
    }
  }
  // A design, when the sentence names exactly one.
  TermScan scan = ScanTerms(sentence);
  const TermHit* only = nullptr;
  int designs = 0;
  for (const TermHit* h : scan.All("evidence.design")) {
    if (TermScan::Is(h->cls, "evidence.design.anecdote") ||
        TermScan::Is(h->cls, "evidence.design.mechanism") ||
        TermScan::Is(h->cls, "evidence.design.guideline")) {
      continue;
    }
    if (only && h->begin < only->end) continue;  // a shorter hit inside a longer one
    only = h;
    ++designs;
  }
  if (designs == 1) {
    d.design = std::string(sentence.substr(only->begin, only->end - only->begin));
    d.design_begin = only->begin;
    d.design_end = only->end;
  }
  return d;
}

bool RefersBack(std::string_view sentence) {
  static const RE2& re = Re(
      R"((?i)^(?:(?:however|moreover|furthermore|additionally|also|in\s+addition|notably|importantly|overall|specifically)\s*,?\s+)?(?:(?:the|this|these|that|its|their|such)\s+(?:[a-z-]+\s+)?(?:study|studies|trial|trials|review|findings|results|research|researchers|authors|analysis|paper|data|investigators|work|meta-analysis|outcomes?)\b|(?:they|it)\s+(?:also\s+)?(?:found|showed|reported|concluded|suggested|demonstrated|observed)\b|in\s+(?:this|that|the)\s+(?:study|trial|review)\b))");
  std::string_view t = TrimView(sentence);
  return RE2::PartialMatch(StringPiece(t.data(), t.size()), re);
}

}  // namespace claimlint::cite
