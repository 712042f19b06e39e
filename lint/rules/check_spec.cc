#include "lint/rules/check_spec.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>

namespace claimlint {

std::string_view OptionTypeName(OptionType t) {
  switch (t) {
    case OptionType::kInteger:
      return "an integer";
    case OptionType::kNumber:
      return "a number";
    case OptionType::kBoolean:
      return "true or false";
    case OptionType::kString:
      return "a string";
  }
  return "a value";
}

namespace {

std::string Bound(double v) {
  std::string s = std::to_string(v);
  // "3.000000" -> "3", "0.350000" -> "0.35".
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  return s;
}

}  // namespace

std::optional<std::string> ParseOptionValue(const OptionSpec& spec, std::string_view text,
                                            OptionValue* out) {
  out->type = spec.type;
  out->text = std::string(text);
  auto expected = [&] {
    std::string msg = "option '" + spec.name + "' must be " + std::string(OptionTypeName(spec.type));
    if (spec.type == OptionType::kInteger || spec.type == OptionType::kNumber) {
      msg += " from " + Bound(spec.min) + " to " + Bound(spec.max);
    }
    return msg + ", not '" + std::string(text) + "'";
  };
  switch (spec.type) {
    case OptionType::kString:
      return std::nullopt;
    case OptionType::kBoolean:
      if (text == "true" || text == "false") {
        out->boolean = text == "true";
        return std::nullopt;
      }
      return expected();
    case OptionType::kInteger:
    case OptionType::kNumber: {
      std::string s(text);
      if (s.empty() || s.size() > 32) return expected();
      char* end = nullptr;
      errno = 0;
      double v = std::strtod(s.c_str(), &end);
      if (errno != 0 || end != s.c_str() + s.size() || !std::isfinite(v)) return expected();
      if (spec.type == OptionType::kInteger && v != std::floor(v)) return expected();
      if (v < spec.min || v > spec.max) return expected();
      out->number = v;
      return std::nullopt;
    }
  }
  return expected();
}

const OptionSpec* CheckSpec::FindOption(std::string_view option) const {
  for (const OptionSpec& o : options) {
    if (o.name == option) return &o;
  }
  return nullptr;
}

const CheckSpec* CheckCatalog::Find(std::string_view name) const {
  for (const CheckSpec& s : specs()) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

std::string_view CheckCatalog::DefaultCheck(bool has_topic, bool has_patterns) {
  if (has_topic) return "disclosures.topic";
  if (has_patterns) return "pattern";
  return "";
}

}  // namespace claimlint
