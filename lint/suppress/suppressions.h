// Inline suppressions, written as HTML comments in the article:
//
//   <!-- claimlint-disable-next-line claim.detox, claim.cure -- quoted from the ad -->
//   <!-- claimlint-disable-line claim.* -->        (the comment's own line)
//   <!-- claimlint-disable citation.vague -->  ...  <!-- claimlint-enable citation.vague -->
//   <!-- claimlint-disable-file quality.author -->
//
// Rules are ids or globs, separated by commas or spaces; none means every
// rule. "-- reason" is optional. disable-next-line applies to the next line
// that is neither blank nor only comments. A disable runs to the matching
// enable (or the end of the file); the last disable/enable naming a rule
// before a finding decides. input.* and meta.* findings cannot be suppressed.
// A directive that hides nothing is reported (meta.unused-suppression), and
// so is a comment that starts with "claimlint" but is not a directive
// (meta.bad-suppression), and so is a directive naming more than
// limits::kSuppressionRules rules.
#pragma once

#include <string>
#include <vector>

#include "lint/base/finding.h"
#include "lint/document/document.h"

namespace claimlint {

inline constexpr const char* kUnusedSuppressionRule = "meta.unused-suppression";
inline constexpr const char* kBadSuppressionRule = "meta.bad-suppression";

enum class DirectiveKind { kDisableNextLine, kDisableLine, kDisable, kEnable, kDisableFile };

struct Directive {
  DirectiveKind kind = DirectiveKind::kDisable;
  std::vector<std::string> rules;  // ids or globs; empty = every rule
  std::string reason;
  std::string text;                // the comment's body, for messages
  std::size_t begin = 0, end = 0;  // the comment's bytes in Document::text
  // Where the keyword and each rule are written (Document::text): an unused
  // rule is reported at its own bytes, so the report stays linear in the
  // comment's length however many rules it names.
  SourceRange keyword;
  std::vector<SourceRange> rule_ranges;
  int line = 0;                    // the comment's first line
  int target_line = 0;             // disable-next-line / disable-line: the line it covers
};

struct ParsedDirectives {
  std::vector<Directive> directives;  // in source order
  std::vector<Finding> bad;           // meta.bad-suppression findings (not finalized)
};

// Reads the suppression directives of a document's comments.
ParsedDirectives ParseDirectives(const Document& doc);

struct SuppressionOutcome {
  int suppressed = 0;           // findings removed
  std::vector<Finding> hidden;  // those findings (SARIF reports them as suppressed)
};

// Removes the findings that directives suppress, then appends a
// meta.bad-suppression finding per malformed directive and a
// meta.unused-suppression finding per directive (or rule of a directive) that
// suppressed nothing. Works on the findings' byte ranges (a directive's line
// is found from them), so it runs before the findings are finalized.
SuppressionOutcome ApplySuppressions(const Document& doc, std::vector<Finding>* findings);

}  // namespace claimlint
