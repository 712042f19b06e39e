// Finalizing findings: positions, excerpts, fingerprints and order, once per
// file, after every stage that adds or removes findings.
#include <algorithm>
#include <map>

#include "lint/engine/linter.h"
#include "lint/text/strings.h"

namespace claimlint {
namespace {

// Lower-case ASCII, whitespace runs folded to one space, trimmed.
std::string Normalize(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::string Hex(uint64_t v) {
  static const char* kDigits = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i) {
    s[i] = kDigits[v & 15];
    v >>= 4;
  }
  return s;
}

}  // namespace

void FinalizeFindings(const Document& doc, std::vector<Finding>* findings) {
  for (Finding& f : *findings) {
    f.begin = std::min(f.begin, doc.text.size());
    f.end = std::clamp(f.end, f.begin, doc.text.size());
    Position b = doc.index.At(doc.text, f.begin);
    Position e = doc.index.At(doc.text, f.end);
    f.file = doc.path;
    f.line = b.line;
    f.column = b.column;
    f.end_line = e.line;
    f.end_column = e.column;
    f.excerpt = doc.text.substr(f.begin, f.end - f.begin);
  }
  std::sort(findings->begin(), findings->end(), FindingLess);
  // Identical findings (same rule, excerpt and sentence) are numbered in order
  // so that each keeps its own fingerprint.
  std::map<uint64_t, int> seen;
  for (Finding& f : *findings) {
    uint64_t h = Fnv1a(f.rule);
    h = Fnv1a("\x1f" + f.file, h);
    h = Fnv1a("\x1f" + Normalize(f.excerpt), h);
    h = Fnv1a("\x1f" + Normalize(f.sentence), h);
    int n = seen[h]++;
    if (n > 0) h = Fnv1a("\x1f" + std::to_string(n), h);
    f.fingerprint = Hex(h);
  }
}

}  // namespace claimlint
