#include "lint/citations/targets.h"

#include <re2/re2.h>

#include <algorithm>
#include <set>

#include "lint/citations/strength.h"
#include "lint/text/fold.h"

namespace claimlint::cite {
namespace {

using re2::RE2;
using re2::StringPiece;

// Outcome wordings that name one outcome: a claim that people "live longer"
// is a claim about survival.
const std::vector<std::pair<const char*, const char*>>& Synonyms() {
  static const std::vector<std::pair<const char*, const char*>> kSynonyms = {
      {"live longer", "survival"},
      {"lived longer", "survival"},
      {"lives longer", "survival"},
      {"living longer", "survival"},
      {"life expectancy", "survival"},
      {"lifespan", "survival"},
      {"longevity", "survival"},
      {"survive", "survival"},
      {"survived", "survival"},
      {"survives", "survival"},
      {"surviving", "survival"},
      {"deaths", "mortality"},
      {"death", "mortality"},
      {"dying", "mortality"},
      {"die", "mortality"},
      {"died", "mortality"},
      {"weight loss", "weight"},
      {"lose weight", "weight"},
      {"losing weight", "weight"},
      {"lost weight", "weight"},
      {"blood sugar", "glucose"},
      {"blood glucose", "glucose"},
      {"get pregnant", "pregnancy"},
      {"pregnant", "pregnancy"},
      {"falling asleep", "sleep onset"},
      {"fall asleep", "sleep onset"},
  };
  return kSynonyms;
}

// Folded words with synonyms replaced, then stemmed; stop words dropped
// except a short token after a kept word ("substance P", "vitamin D").
std::vector<std::string> Terms(std::string_view text) {
  std::string folded = " ";
  for (const std::string& w : Words(text)) folded += w + " ";
  for (const auto& [from, to] : Synonyms()) {
    std::string f = std::string(" ") + from + " ";
    for (std::size_t p = folded.find(f); p != std::string::npos; p = folded.find(f, p + 1)) {
      folded.replace(p, f.size(), std::string(" ") + to + " ");
    }
  }
  std::vector<std::string> out;
  std::set<std::string> seen;
  bool kept_before = false;
  for (const std::string& w : Words(folded)) {
    bool short_label = w.size() <= 2 && kept_before;
    if (!short_label && (w.size() < 3 || IsStopword(w))) {
      kept_before = false;
      continue;
    }
    std::string st = Stem(w);
    if (seen.insert(st).second) out.push_back(st);
    kept_before = true;
  }
  return out;
}

// Cuts a denied outcome at the end of its noun phrase.
std::string_view CutTarget(std::string_view rest) {
  static const RE2 stop(
      R"((?i)([,.;:()\[\]]|\s(?:compared|versus|vs|than|among|when|after|during|relative|with|from|between|while|whereas|although|because|in|at|over|across|despite|but)\b))");
  StringPiece m;
  if (RE2::PartialMatch(StringPiece(rest.data(), rest.size()), stop, &m)) {
    rest = rest.substr(0, static_cast<std::size_t>(m.data() - rest.data()));
  }
  return rest;
}

void Add(std::string_view target, std::string_view quote, std::vector<NegatedTarget>* out) {
  target = CutTarget(target);
  // "survival or tumour response": two outcomes.
  static const RE2 split(R"((?i)\s+(?:or|and|nor)\s+|,\s*)");
  std::string t(target);
  RE2::GlobalReplace(&t, split, "|");
  std::vector<std::string> pieces;
  std::size_t start = 0;
  for (std::size_t bar = t.find('|');; bar = t.find('|', start)) {
    pieces.push_back(t.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  for (const std::string& p : pieces) {
    std::vector<std::string> terms = Terms(p);
    if (terms.empty() || terms.size() > 5) continue;
    NegatedTarget n;
    n.terms = std::move(terms);
    n.words = p;
    n.quote = std::string(quote);
    out->push_back(std::move(n));
  }
}

}  // namespace

std::vector<NegatedTarget> FindNegatedTargets(std::string_view text) {
  std::vector<NegatedTarget> out;
  static const std::string kVerbs =
      "improve|increase|reduce|affect|change|alter|prevent|lower|raise|extend|prolong|shorten|"
      "relieve|decrease|influence|modify|benefit|enhance|boost|cure|treat|slow|delay|protect";
  static const RE2 but_not(R"((?i)\bbut\s+not\s+(?:on\s+|in\s+|of\s+|for\s+)?(.+))");
  static const RE2 no_effect(
      R"((?i)\bno\s+(?:significant\s+|statistically\s+significant\s+|clinically\s+(?:meaningful|relevant|important)\s+|measurable\s+|detectable\s+|overall\s+|additional\s+|further\s+)?(?:effect|effects|difference|differences|change|changes|improvement|benefit|reduction|increase|association|impact)\s+(?:on|in|of|for)\s+(.+))");
  static const RE2 did_not(
      R"((?i)\b(?:did|does|do|could|can|was|were|is|are)\s+not\s+(?:significantly\s+|meaningfully\s+)?(?:)" +
      kVerbs + R"()\w*\s+(.+))");
  static const RE2 failed(R"((?i)\bfail(?:s|ed)?\s+to\s+(?:significantly\s+)?(?:)" + kVerbs +
                          R"()\w*\s+(.+))");
  static const RE2 not_associated(
      R"((?i)\bnot\s+(?:significantly\s+|independently\s+)?(?:associated|linked|correlated)\s+with\s+(.+))");
  // "Overall survival did not differ between the groups": the outcome is
  // the subject, the verb takes no object.
  static const RE2 did_not_differ(
      R"((?i)(?:^|[,;]\s*|\b(?:but|and|while|whereas)\s+)((?:[\w-]+\s+){1,3}?)(?:did|does|do|was|were)\s+not\s+(?:differ|fall|rise|decline|change)(?:\s+(?:between|across|by|with|from|significantly|over)\b|\s*[,.;]|\s*$))");
  std::vector<std::string_view> sentences = SplitText(text);
  for (std::string_view s : sentences) {
    StringPiece sp(s.data(), s.size());
    StringPiece g;
    for (const RE2* re : {&but_not, &no_effect, &did_not, &failed, &not_associated}) {
      if (RE2::PartialMatch(sp, *re, &g)) Add(std::string_view(g.data(), g.size()), s, &out);
    }
    if (RE2::PartialMatch(sp, did_not_differ, &g)) {
      Add(std::string_view(g.data(), g.size()), s, &out);
    }
  }
  return out;
}

std::vector<std::string> TargetTerms(std::string_view text) { return Terms(text); }

bool MentionsTarget(const std::vector<std::string>& claim, const NegatedTarget& target) {
  std::size_t found = 0;
  for (const std::string& t : target.terms) {
    found += std::find(claim.begin(), claim.end(), t) != claim.end();
  }
  std::size_t n = target.terms.size();
  if (n <= 2) return found == n;
  return found * 3 >= n * 2;
}

}  // namespace claimlint::cite
