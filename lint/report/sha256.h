// SHA-256 and base64, for the Content-Security-Policy hashes of the HTML
// report's inline style and script.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace claimlint::report_internal {

std::array<std::uint8_t, 32> Sha256(std::string_view data);
std::string Base64(const std::uint8_t* data, std::size_t size);

// "'sha256-<base64>'" as a CSP source expression.
std::string CspHash(std::string_view content);

}  // namespace claimlint::report_internal
