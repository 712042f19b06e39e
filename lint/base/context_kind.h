// The contexts a claim can be said in, and a set of them. The context engine
// (lint/context) decides which one a match is in; a rule names the contexts
// it fires in.
#pragma once

#include <cstdint>
#include <string_view>

namespace claimlint {

enum class Context { kAsserted, kNegated, kHedged, kReported, kQuestion, kHypothetical };
inline constexpr int kContextCount = 6;

std::string_view ContextName(Context c);
// False when `name` is not a context name.
[[nodiscard]] bool ParseContext(std::string_view name, Context* out);

// A set of contexts (a bitset over Context).
class ContextSet {
 public:
  constexpr ContextSet() = default;
  constexpr ContextSet(std::initializer_list<Context> contexts) {
    for (Context c : contexts) Add(c);
  }
  constexpr void Add(Context c) { bits_ |= Bit(c); }
  constexpr bool Has(Context c) const { return (bits_ & Bit(c)) != 0; }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr bool operator==(const ContextSet& o) const { return bits_ == o.bits_; }

 private:
  static constexpr std::uint8_t Bit(Context c) {
    return static_cast<std::uint8_t>(1u << static_cast<unsigned>(c));
  }
  std::uint8_t bits_ = 0;
};

}  // namespace claimlint
