// Health bodies an article may name as its source (NICE, WHO, Cochrane, ...):
// their names, web hosts and whether they issue guidelines.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace claimlint {

struct HealthBody {
  std::string canonical;
  std::vector<std::string> names;
  std::vector<std::string> hosts;
  bool guideline_body;  // issues guidelines
};

const std::vector<HealthBody>& HealthBodies();

// One RE2 alternation of every body name: acronyms case-sensitive, names not.
const std::string& HealthBodyPattern();

// Canonical named body ("NICE", "WHO", ...) that `name` spells, or "".
std::string CanonicalBody(std::string_view name);
// The names that spell a canonical body, and the hosts of its web site.
const std::vector<std::string>& BodyNames(std::string_view body);
const std::vector<std::string>& BodyHosts(std::string_view body);

}  // namespace claimlint
