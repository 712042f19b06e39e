#include "lint/text/strings.h"

#include <algorithm>

namespace claimlint {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view TrimView(std::string_view s) {
  auto blank = [](std::string_view v, bool front) {
    if (v.empty()) return std::size_t{0};
    if (front) {
      if (v[0] == ' ' || v[0] == '\t' || v[0] == '\n' || v[0] == '\r') return std::size_t{1};
      if (v.substr(0, 2) == "\xC2\xA0") return std::size_t{2};
    } else {
      char c = v.back();
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return std::size_t{1};
      if (v.size() >= 2 && v.substr(v.size() - 2) == "\xC2\xA0") return std::size_t{2};
    }
    return std::size_t{0};
  };
  for (std::size_t n; (n = blank(s, true)) > 0;) s.remove_prefix(n);
  for (std::size_t n; (n = blank(s, false)) > 0;) s.remove_suffix(n);
  return s;
}

std::string Trim(std::string_view s) { return std::string(TrimView(s)); }


std::vector<std::string> SplitNameList(std::string_view s, std::string_view separators) {
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (separators.find(s[i]) != std::string_view::npos) {
      out.push_back(Trim(cur));
      cur.clear();
    } else if (s.compare(i, 5, " and ") == 0) {
      out.push_back(Trim(cur));
      cur.clear();
      i += 4;
    } else {
      cur += s[i];
    }
  }
  out.push_back(Trim(cur));
  return out;
}


std::string CollapseSpace(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}


uint64_t Fnv1a(std::string_view s, uint64_t h) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace claimlint
