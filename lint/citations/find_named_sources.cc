#include "lint/citations/finders.h"

#include <algorithm>
#include <memory>

#include "lint/references/bodies.h"

namespace claimlint::cite {


// The ways an article names a body as its source.
const std::vector<NamedForm>& NamedForms() {
  static const std::vector<NamedForm> kForms = [] {
    const std::string body = "(" + HealthBodyPattern() + ")";
    const std::string the = R"((?:(?i:the)\s+)?)";
    return std::vector<NamedForm>{
        {the + body +
             R"((?:['’]s)?\s+(?i:(?:clinical\s+|national\s+|official\s+|current\s+|latest\s+)?(?:guidelines?|guidance|recommendations?)))",
         true, 0},
        {R"((?i:(?:guidelines?|guidance|recommendations?)\s+(?:from|by|of|issued\s+by))\s+)" + the +
             body,
         true, 0},
        {the + body + R"((?:['’]s)?\s+(?i:website|web\s*site|site|web\s*page|webpage|pages?))",
         false, 0},
        {R"((?i:a|an|the|one|another)\s+(?:[\p{L}\d-]+\s+){0,2}?(Cochrane)\s+(?i:(?:systematic\s+)?reviews?))",
         false, 0},
        {R"((?i:according\s+to)\s+()" + the + body + ")", false, 1},
        {R"((?i:(?:recommended|endorsed|approved|advised|supported|backed|recogni[sz]ed)\s+by)\s+()" +
             the + body + ")",
         false, 1},
        {"(" + the + body +
             R"()\s+(?i:says|said|states|stated|recommends|recommended|advises|advised|warns|warned|reports|reported|suggests|suggested|endorses|endorsed|approves|approved|notes|noted)\b)",
         false, 1},
    };
  }();
  return kForms;
}

extern const char kGuidelineCodePattern[];
const char kGuidelineCodePattern[] =
    R"(\b((?:NG|CG|PH|QS|TA|DG|IPG|MTG|NICE\s+guideline\s+)\s?\d{1,4})\b)";


void FindNamedSources(std::string_view text, const Gates& gates, std::vector<Citation>* out) {
  const std::vector<NamedForm>& kForms = NamedForms();
  static const RE2& code = Re(kGuidelineCodePattern);
  std::string found_code;
  if (gates(kGateCode)) {
    ForEachMatch(code, text, [&](const std::vector<StringPiece>& m) {
      if (found_code.empty()) {
        for (char ch : std::string(m[1])) {
          if (ch != ' ') found_code += ch;
        }
        if (found_code.rfind("NICEguideline", 0) == 0) found_code = found_code.substr(13);
      }
    });
  }
  static const std::vector<std::unique_ptr<RE2>> kCompiled = [] {
    std::vector<std::unique_ptr<RE2>> v;
    for (const NamedForm& f : NamedForms()) v.push_back(std::make_unique<RE2>(f.pattern));
    return v;
  }();
  std::vector<Citation> found;
  for (std::size_t fi = 0; fi < kForms.size(); ++fi) {
    const NamedForm& f = kForms[fi];
    if (!gates(kGateForm + static_cast<int>(fi))) continue;
    ForEachMatch(*kCompiled[fi], text, [&](const std::vector<StringPiece>& m) {
      const StringPiece& span = m[static_cast<std::size_t>(f.span_group)];
      std::size_t b = Off(text, span), e = b + span.size();
      for (const Citation& c : found) {
        if (b < c.end && c.begin < e) return;
      }
      // The body's name is the first non-empty group after the span group.
      std::string name;
      for (std::size_t g = 1; g < m.size(); ++g) {
        if (static_cast<int>(g) != f.span_group && !m[g].empty()) {
          name = std::string(m[g]);
          break;
        }
      }
      Citation c;
      c.kind = CitationKind::kNamedSource;
      c.begin = b;
      c.end = e;
      c.text = std::string(span);
      c.source = CanonicalBody(name);
      c.guideline = f.guideline;
      c.code = found_code;
      if (!c.source.empty()) found.push_back(std::move(c));
    });
  }
  out->insert(out->end(), found.begin(), found.end());
}

}  // namespace claimlint::cite
