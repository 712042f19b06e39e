// Every bound on input-driven work, in one place. Each keeps the cost of a
// hostile or broken input linear in its size; hitting one gives an input.* or
// meta.* finding, or an error at file:line:col (exit 2), never an abort.
// docs/limits.md lists them with what happens when each is hit.
#pragma once

#include <cstddef>

namespace claimlint::limits {

inline constexpr std::size_t kMiB = std::size_t{1} << 20;

// File sizes, checked before a byte is parsed.
// An article: 50 times a long one. Markdown's structure costs up to a few
// hundred bytes of memory per byte of input (a table of one-letter cells),
// so this keeps a run on any single file under 256 MiB (input.too-large).
inline constexpr std::size_t kArticleBytes = 512 * 1024;
inline constexpr std::size_t kRulePackBytes = 1 * kMiB;      // one rule-pack file
inline constexpr std::size_t kConfigBytes = 1 * kMiB;        // a .claimlint.yml
inline constexpr std::size_t kBaselineBytes = 16 * kMiB;     // a baseline (~100,000 entries)
inline constexpr std::size_t kLibraryBytes = 16 * kMiB;      // a CSL-JSON or BibTeX library
inline constexpr std::size_t kReportBytes = 16 * kMiB;       // a JSON report read back
inline constexpr std::size_t kFrontMatterBytes = 64 * 1024;  // the YAML at an article's top

// Rules: at most this many in one configuration (built-in packs included).
inline constexpr std::size_t kRules = 5000;

// YAML (packs, configs, front matter): nodes that aliases add when the
// document is walked. yaml-cpp shares an aliased node, so nested aliases cost
// nothing to load but are walked once per use.
inline constexpr std::size_t kYamlAliasNodes = 100000;
// ... and the bytes of the scalars they repeat (one long string aliased many
// times is as costly as many nodes).
inline constexpr std::size_t kYamlAliasBytes = 4 * kMiB;

// Rule ids (or globs) in one suppression comment: each finding is tested
// against every rule of the directives that may cover it, and each unused
// rule is a finding of its own.
inline constexpr std::size_t kSuppressionRules = 100;

// BibTeX: one value after @string expansion, and all values of a file
// together (a multiple of its size, plus a constant).
inline constexpr std::size_t kBibtexValueBytes = 1 * kMiB;
inline constexpr std::size_t kBibtexExpansionFactor = 4;

// Citations read in one file, and findings kept for one file: every later
// stage, and the report, cost at least their number.
inline constexpr std::size_t kCitations = 10000;
inline constexpr std::size_t kFindings = 20000;

// Sentences longer than this are cut (at a space) before rules, the context
// engine and the citation checks see them: their per-sentence work is then
// bounded, and the file gets one meta.long-sentence finding.
inline constexpr std::size_t kSentenceBytes = 2048;

// A pattern's matches rejected by the word-boundary test are searched again
// from the next word; once those searches have rescanned this many times the
// text, the pattern gives up on it.
inline constexpr std::size_t kBoundaryRescanFactor = 8;

}  // namespace claimlint::limits
