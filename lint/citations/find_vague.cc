#include "lint/citations/finders.h"

#include <algorithm>
#include <memory>

namespace claimlint::cite {


// --- Vague attributions ----------------------------------------------------

namespace {

bool DefiniteBefore(std::string_view text, std::size_t b) {
  static const RE2& re =
      Re(R"((?i)\b(?:the|this|these|those|that|our|their|its|his|her|such|both)\s+$)");
  std::size_t lb = b > 24 ? b - 24 : 0;
  std::string_view before = text.substr(lb, b - lb);
  return RE2::PartialMatch(StringPiece(before.data(), before.size()), re);
}

// "a 2015 review by Australia's National Health and Medical Research Council",
// "a 2019 study in The Lancet": the study is named by its author or by its
// year and journal.
bool NamedAfter(std::string_view text, std::size_t e) {
  static const RE2& by = Re(R"(^\s+(?:by|from)\s+(?:the\s+)?\p{Lu})");
  static const RE2& journal = Re(R"(^\s+(?:in|published\s+in)\s+(?:the\s+(?:journal\s+)?)?\p{Lu})");
  static const RE2& year = Re(R"(\b(?:19|20)\d\d\b)");
  std::string_view after = text.substr(e);
  StringPiece a(after.data(), after.size());
  if (RE2::PartialMatch(a, by)) return true;
  std::size_t lb = e > 40 ? e - 40 : 0;
  std::string_view span = text.substr(lb, e - lb);
  return RE2::PartialMatch(a, journal) &&
         RE2::PartialMatch(StringPiece(span.data(), span.size()), year);
}

}  // namespace

// Unnamed authorities: "a study found", "research shows", "experts say".
const std::vector<std::string>& VaguePatterns() {
  static const std::vector<std::string> kPatterns = {
      // "A study on PubMed examined ...": an unnamed study that reports something.
      R"((?i)\b((?:a|one|another)\s+(?:[a-z0-9-]+\s+){0,3}?(?:study|trial|review|paper|survey|analysis|meta-analysis)(?:\s+(?:on|in|from|published\s+(?:on|in))\s+(?:PubMed|Google\s+Scholar|Medline|the\s+internet|the\s+web))?)\b[^;]*?\b(?:found|finds|showed|shows|shown|examined|examines|looked\s+at|suggested|suggests|reported|reports|concluded|concludes|demonstrated|demonstrates|revealed|reveals|published|compared|compares|tested|tests|investigated|investigates|proved|proves|confirmed|confirms|indicated|indicates)\b)",
      R"((?i)\b((?:(?:recent|new|many|several|numerous|some|multiple|clinical|scientific|medical|countless|various|other|most|large|larger|small|independent|systematic|published)\s+)*(?:studies|research|trials|science|scientists|experts|researchers|doctors|reviews|analyses|meta-analyses|surveys|papers|evidence)\s+(?:has|have)\s+(?:shown|proven|proved|found|demonstrated|confirmed|suggested|indicated|revealed))\b)",
      R"((?i)\b((?:(?:recent|new|many|several|numerous|some|multiple|clinical|scientific|medical|current|most|large|larger|independent|systematic|published)\s+)*(?:studies|research|science|trials|reviews|evidence)\s+(?:shows?|proves?|suggests?|finds|found|indicates?|confirms?|demonstrates?|says|supports?|showed|suggested))\b)",
      // "..., although in trials it has worked ...": trials as the unnamed
      // authority of a clause that follows another.
      R"((?i)(?:[,;]\s*|\b(?:although|though|but|and|while|yet|whereas|because|since)\s+)(in\s+(?:(?:some|many|several|recent|clinical|randomi[sz]ed|controlled|small|large|human)\s+)*(?:trials|studies))\s*,?\s+(?:it|they|this|these|those|people|patients|participants|volunteers|users|the|a|an)\b)",
      R"((?i)\b((?:(?:many|most|some|leading|top)\s+)?(?:experts|scientists|doctors|researchers|specialists|health\s+professionals)\s+(?:say|agree|believe|claim|recommend|suggest|warn|think))\b)",
      R"((?i)\b(according\s+to\s+(?:(?:recent|new|some|many|the\s+latest|current)\s+)?(?:research|studies|experts|scientists|science|doctors|a\s+(?:recent\s+|new\s+)?(?:study|report|survey)))\b)",
  };
  return kPatterns;
}

void FindVague(std::string_view text, const Gates& gates, std::vector<Citation>* out) {
  static const std::vector<std::unique_ptr<RE2>> kCompiled = [] {
    std::vector<std::unique_ptr<RE2>> v;
    for (const std::string& p : VaguePatterns()) v.push_back(std::make_unique<RE2>(p));
    return v;
  }();
  std::vector<Citation> found;
  for (std::size_t vi = 0; vi < kCompiled.size(); ++vi) {
    if (!gates(kGateVague + static_cast<int>(vi))) continue;
    ForEachMatch(*kCompiled[vi], text, [&](const std::vector<StringPiece>& m) {
      std::size_t b = Off(text, m[1]), e = b + m[1].size();
      if (DefiniteBefore(text, b)) return;
      if (NamedAfter(text, e)) return;
      for (const Citation& c : found) {
        if (b < c.end && c.begin < e) return;
      }
      Citation c;
      c.kind = CitationKind::kVague;
      c.begin = b;
      c.end = e;
      c.text = std::string(m[1]);
      found.push_back(std::move(c));
    });
  }
  out->insert(out->end(), found.begin(), found.end());
}

}  // namespace claimlint::cite
