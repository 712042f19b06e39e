// The checks a rule can bind to with `check:`, as the rule language sees
// them: each check's name, the category of its rules, what a rule of it must
// provide, and its typed options. The checks themselves are in lint/checks,
// which registers them (lint/checks/registry.h); loaders are handed the
// catalog, so an unknown check or a bad option stops the load at its line.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/base/finding.h"

namespace claimlint {

enum class OptionType { kInteger, kNumber, kBoolean, kString };
std::string_view OptionTypeName(OptionType t);

struct OptionSpec {
  std::string name;
  OptionType type = OptionType::kInteger;
  double min = 0, max = 0;    // inclusive bounds for kInteger and kNumber
  std::string default_value;  // as it would be written in YAML
  std::string help;
};

// An option's value, parsed and range-checked at load.
struct OptionValue {
  OptionType type = OptionType::kInteger;
  double number = 0;  // kInteger and kNumber
  bool boolean = false;
  std::string text;  // as written (also the value of kString)
  std::int64_t integer() const { return static_cast<std::int64_t>(number); }
};

// Parses `text` as a value of `spec`; the error says what was expected.
[[nodiscard]] std::optional<std::string> ParseOptionValue(const OptionSpec& spec,
                                                          std::string_view text, OptionValue* out);

// What a rule of a check must provide besides its metadata.
enum class RuleBody {
  kPatterns,  // patterns (and optional exceptions, contexts): a claim or citation pattern rule
  kTopic,     // topic and requires (optional narrow): a disclosure rule
  kNone,      // nothing: the check is code
};

struct CheckSpec {
  std::string name;  // "pattern", "quality.stale-review"
  // The category its rules must have; none: any category of the rule
  // language (claim, citation, disclosure, quality).
  std::optional<Category> category;
  RuleBody body = RuleBody::kNone;
  bool examples_required = true;  // claimlint's own findings are tested elsewhere
  std::string summary;
  std::vector<OptionSpec> options;

  const OptionSpec* FindOption(std::string_view option) const;
};

class CheckCatalog {
 public:
  virtual ~CheckCatalog() = default;
  // Every check, in the order the pipeline runs them.
  virtual const std::vector<CheckSpec>& specs() const = 0;
  const CheckSpec* Find(std::string_view name) const;
  // The check a rule binds to when it names none: disclosures.topic for a rule
  // with a topic, pattern for a rule with patterns; "" otherwise (the rule
  // must name its check).
  static std::string_view DefaultCheck(bool has_topic, bool has_patterns);
};

}  // namespace claimlint
