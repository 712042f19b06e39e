#include "lint/checks/check.h"

namespace claimlint {

Finding MakeFinding(const Rule& rule, std::string_view match_text, std::size_t begin,
                    std::size_t end) {
  Finding f;
  f.rule = rule.id;
  f.category = rule.category;
  f.severity = rule.severity;
  f.message = rule.message;
  for (std::size_t pos = f.message.find("{match}"); pos != std::string::npos;
       pos = f.message.find("{match}", pos + match_text.size())) {
    f.message.replace(pos, 7, match_text);
  }
  f.suggestion = rule.suggestion;
  f.begin = begin;
  f.end = end;
  return f;
}

}  // namespace claimlint
