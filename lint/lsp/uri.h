// file:// URIs and the paths they name (RFC 8089, as editors write them).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace claimlint::lsp {

// The local path of a file URI ("file:///home/a%20b/x.md" -> "/home/a b/x.md"),
// or nullopt for another scheme, a remote host or a malformed escape.
std::optional<std::string> UriToPath(std::string_view uri);

// The file URI of an absolute path, percent-encoding all but unreserved
// characters and '/'.
std::string PathToUri(std::string_view path);

}  // namespace claimlint::lsp
