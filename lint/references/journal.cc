#include "lint/references/journal.h"

#include <string>
#include <vector>

#include "lint/text/fold.h"
#include "lint/text/strings.h"

namespace claimlint::cite {
namespace {

std::vector<std::string> JournalWords(std::string_view name) {
  std::vector<std::string> out;
  for (std::string& w : Words(name)) {
    if (w == "the" || w == "of" || w == "and" || w == "for" || w == "in" || w == "on" ||
        w == "amp") {
      continue;
    }
    out.push_back(std::move(w));
  }
  return out;
}

// "clin" abbreviates "clinical"; "natl" abbreviates "national".
bool Abbreviates(const std::string& abbr, const std::string& full) {
  if (abbr.empty() || full.empty() || abbr[0] != full[0]) return false;
  if (full.compare(0, abbr.size(), abbr) == 0) return true;
  if (abbr.size() < 3) return false;
  std::size_t j = 0;
  for (char c : full) {
    if (j < abbr.size() && c == abbr[j]) ++j;
  }
  return j == abbr.size();
}

bool WordForWord(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.size() != b.size() || a.empty()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::string& s = a[i].size() <= b[i].size() ? a[i] : b[i];
    const std::string& l = a[i].size() <= b[i].size() ? b[i] : a[i];
    if (!Abbreviates(s, l)) return false;
  }
  return true;
}

// "BMJ" against "British Medical Journal"; `raw` keeps the original case so
// that only an all-capitals word counts as an initialism.
bool Initialism(std::string_view raw, const std::vector<std::string>& full) {
  std::string_view t = TrimView(raw);
  if (t.rfind("The ", 0) == 0) t.remove_prefix(4);
  if (t.size() < 2 || t.size() > 8 || full.size() != t.size()) return false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (!(c >= 'A' && c <= 'Z')) return false;
    if (full[i].empty() || full[i][0] != c - 'A' + 'a') return false;
  }
  return true;
}

}  // namespace

bool JournalNamesMatch(std::string_view a, std::string_view b) {
  std::vector<std::string> wa = JournalWords(a), wb = JournalWords(b);
  if (wa.empty() || wb.empty()) return false;
  if (wa == wb) return true;
  if (WordForWord(wa, wb)) return true;
  return Initialism(a, wb) || Initialism(b, wa);
}

bool SameJournal(std::string_view stated, const Reference& entry) {
  return (!entry.journal.empty() && JournalNamesMatch(stated, entry.journal)) ||
         (!entry.journal_short.empty() && JournalNamesMatch(stated, entry.journal_short));
}

}  // namespace claimlint::cite
