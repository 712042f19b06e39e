// A front-matter value as the YAML, TOML and JSON readers give it: a small
// tree that remembers where each value and key is written, so that fields can
// be mapped once for every format and their text linted in place. Internal to
// lint/document: the document model keeps plain fields only.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lint/document/text_map.h"

namespace claimlint {

struct FmMember;

struct FmValue {
  enum class Kind { kNull, kString, kNumber, kBool, kDateTime, kArray, kTable };
  Kind kind = Kind::kNull;
  std::string text;                // scalars: the value (strings decoded, others as written)
  std::size_t begin = 0, end = 0;  // bytes of the value as written in the document
  TextMap map;                     // strings: `text` -> document bytes (empty when unknown)
  std::vector<FmValue> items;      // kArray
  std::vector<FmMember> members;   // kTable, in the order written

  bool IsScalar() const { return kind != Kind::kArray && kind != Kind::kTable; }
  // The member named `key` (compared after FoldKey), or nullptr.
  const FmValue* Find(std::string_view key) const;
  const FmMember* FindMember(std::string_view key) const;
};

struct FmMember {
  std::string key;
  std::size_t line_begin = 0, line_end = 0;  // from the key to the end of its line
  FmValue value;
};

// Keys compared the way sites spell them: "lastMod", "last_mod" and "last-mod"
// are one key ("lastmod").
std::string FoldKey(std::string_view key);

// Where a reader stopped: a message and the byte offset (in the document) of
// the problem.
struct FmError {
  std::string message;
  std::size_t offset = 0;
};

// Front-matter readers stop at this nesting depth, so that hostile input
// cannot exhaust the stack.
constexpr int kMaxFrontMatterDepth = 64;

}  // namespace claimlint
