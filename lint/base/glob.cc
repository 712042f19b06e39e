#include "lint/base/glob.h"

#include <vector>

namespace claimlint {
namespace {

// Where the character class starting at p[i] == '[' ends (the index of its
// ']'), or 0 when it is not closed (then '[' is literal).
std::size_t ClassEnd(std::string_view p, std::size_t i) {
  std::size_t k = i + 1;
  if (k < p.size() && (p[k] == '!' || p[k] == '^')) ++k;
  if (k < p.size() && p[k] == ']') ++k;  // "[]...]": ']' first is literal
  while (k < p.size() && p[k] != ']') ++k;
  return k < p.size() ? k : 0;
}

bool InClass(std::string_view p, std::size_t i, std::size_t end, char c) {
  std::size_t k = i + 1;
  bool negate = k < end && (p[k] == '!' || p[k] == '^');
  if (negate) ++k;
  bool hit = false;
  for (; k < end; ++k) {
    if (k + 2 < end && p[k + 1] == '-') {
      hit = hit || (c >= p[k] && c <= p[k + 2]);
      k += 2;
    } else {
      hit = hit || c == p[k];
    }
  }
  return hit != negate;
}

// dp[i][j]: p[i..] matches s[j..]. Filled from the ends, so each cell looks
// only at cells already known.
bool Match(std::string_view p, std::string_view s, bool path) {
  const std::size_t w = s.size() + 1;
  std::vector<char> dp((p.size() + 1) * w, 0);
  auto at = [&](std::size_t i, std::size_t j) -> char& { return dp[i * w + j]; };
  at(p.size(), s.size()) = 1;
  for (std::size_t i = p.size(); i-- > 0;) {
    std::size_t class_end = p[i] == '[' ? ClassEnd(p, i) : 0;
    bool star2 = p[i] == '*' && i + 1 < p.size() && p[i + 1] == '*' && path;
    for (std::size_t j = s.size() + 1; j-- > 0;) {
      bool more = j < s.size();
      bool ok = false;
      if (star2) {
        // "**/" may also match nothing, at the start of a segment.
        ok = at(i + 2, j) ||
             (i + 2 < p.size() && p[i + 2] == '/' && (j == 0 || s[j - 1] == '/') && at(i + 3, j)) ||
             (more && at(i, j + 1));
      } else if (p[i] == '*') {
        ok = at(i + 1, j) || (more && (!path || s[j] != '/') && at(i, j + 1));
      } else if (!more) {
        ok = false;
      } else if (p[i] == '?') {
        ok = (!path || s[j] != '/') && at(i + 1, j + 1);
      } else if (class_end) {
        ok = (!path || s[j] != '/') && InClass(p, i, class_end, s[j]) && at(class_end + 1, j + 1);
      } else {
        ok = p[i] == s[j] && at(i + 1, j + 1);
      }
      at(i, j) = ok;
    }
  }
  return at(0, 0);
}

}  // namespace

bool PathGlobMatch(std::string_view pattern, std::string_view path) {
  while (pattern.substr(0, 2) == "./") pattern.remove_prefix(2);
  while (path.substr(0, 2) == "./") path.remove_prefix(2);
  while (pattern.size() > 1 && pattern.back() == '/') pattern.remove_suffix(1);
  bool anchored = pattern.find('/') != std::string_view::npos;
  if (!pattern.empty() && pattern[0] == '/') pattern.remove_prefix(1);
  // Try the path and every directory above it (a match on a directory covers
  // its files); unanchored patterns match one segment, any of them.
  std::size_t start = 0;
  while (true) {
    std::string_view tail = path.substr(start);
    for (std::size_t end = 0; end <= tail.size(); ++end) {
      if (end != tail.size() && tail[end] != '/') continue;
      std::string_view part = tail.substr(0, end);
      if (!anchored && part.find('/') != std::string_view::npos) break;
      if (!part.empty() && Match(pattern, part, true)) return true;
    }
    if (anchored) return false;
    std::size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) return false;
    start = slash + 1;
  }
}

bool RuleGlobMatch(std::string_view pattern, std::string_view id) {
  if (pattern.find_first_of("*?[") == std::string_view::npos) return pattern == id;
  return Match(pattern, id, false);
}

}  // namespace claimlint
