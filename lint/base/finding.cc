#include "lint/base/finding.h"

#include <array>
#include <tuple>
#include <utility>

namespace claimlint {
namespace {

constexpr std::array<std::pair<Category, std::string_view>, 6> kCategories = {{
    {Category::kClaim, "claim"},
    {Category::kCitation, "citation"},
    {Category::kDisclosure, "disclosure"},
    {Category::kQuality, "quality"},
    {Category::kInput, "input"},
    {Category::kMeta, "meta"},
}};

constexpr std::array<std::pair<FailOn, std::string_view>, 4> kFailOn = {{
    {FailOn::kError, "error"},
    {FailOn::kWarning, "warning"},
    {FailOn::kInfo, "info"},
    {FailOn::kNever, "never"},
}};

}  // namespace

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "info";
  }
  return "info";
}

bool ParseSeverity(std::string_view name, Severity* out) {
  if (name == "error") {
    *out = Severity::kError;
  } else if (name == "warning" || name == "warn") {
    *out = Severity::kWarning;
  } else if (name == "info") {
    *out = Severity::kInfo;
  } else {
    return false;
  }
  return true;
}

std::string_view CategoryName(Category c) {
  for (const auto& [cat, name] : kCategories) {
    if (cat == c) return name;
  }
  return "claim";
}

bool ParseCategory(std::string_view name, Category* out) {
  for (const auto& [cat, n] : kCategories) {
    if (n == name) {
      *out = cat;
      return true;
    }
  }
  return false;
}

std::string_view FailOnName(FailOn f) {
  for (const auto& [v, name] : kFailOn) {
    if (v == f) return name;
  }
  return "error";
}

bool ParseFailOn(std::string_view name, FailOn* out) {
  for (const auto& [v, n] : kFailOn) {
    if (n == name) {
      *out = v;
      return true;
    }
  }
  return false;
}

bool FailsAt(Severity s, FailOn fail_on) {
  switch (fail_on) {
    case FailOn::kError:
      return s >= Severity::kError;
    case FailOn::kWarning:
      return s >= Severity::kWarning;
    case FailOn::kInfo:
      return true;
    case FailOn::kNever:
      return false;
  }
  return false;
}

bool FindingLess(const Finding& a, const Finding& b) {
  return std::tie(a.file, a.line, a.column, a.rule, a.end_line, a.end_column, a.message) <
         std::tie(b.file, b.line, b.column, b.rule, b.end_line, b.end_column, b.message);
}

}  // namespace claimlint
