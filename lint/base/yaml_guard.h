// Checks a YAML document before yaml-cpp loads it, in one pass over its
// events: aliases may not add more than limits::kYamlAliasNodes nodes to what
// a walk of the document visits (yaml-cpp shares an aliased node, so a few
// kilobytes of nested aliases load instantly and are walked for hours), and,
// where asked, no mapping may repeat a key (yaml-cpp silently keeps one).
// Syntax errors are left to the loader, which reports them with their place.
#pragma once

#include <string>
#include <string_view>

#include "lint/base/status.h"

namespace claimlint {

struct YamlGuardOptions {
  bool reject_duplicate_keys = true;
  std::size_t max_alias_nodes = 0;  // 0: limits::kYamlAliasNodes
};

// Errors at filename:line:col: the alias that crosses the bound, or the
// repeated key (naming the line of the first).
Status CheckYamlDocument(std::string_view yaml, const std::string& filename,
                         const YamlGuardOptions& options = {});

}  // namespace claimlint
