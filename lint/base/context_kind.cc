#include "lint/base/context_kind.h"

#include <array>
#include <utility>

namespace claimlint {
namespace {

constexpr std::array<std::pair<Context, std::string_view>, kContextCount> kNames = {{
    {Context::kAsserted, "asserted"},
    {Context::kNegated, "negated"},
    {Context::kHedged, "hedged"},
    {Context::kReported, "reported"},
    {Context::kQuestion, "question"},
    {Context::kHypothetical, "hypothetical"},
}};

}  // namespace

std::string_view ContextName(Context c) {
  for (const auto& [context, name] : kNames) {
    if (context == c) return name;
  }
  return "asserted";
}

bool ParseContext(std::string_view name, Context* out) {
  for (const auto& [context, n] : kNames) {
    if (n == name) {
      *out = context;
      return true;
    }
  }
  return false;
}

}  // namespace claimlint
