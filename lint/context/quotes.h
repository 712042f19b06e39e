// Is a byte range of a sentence inside quotation marks? Straight ("), curly
// (“ ”) and angle (« ») double quotes, and single quotes (‘ ’, ') where they
// cannot be apostrophes. A closing mark with no opener means the sentence
// began inside a quotation that an earlier sentence opened; an opener with no
// closer runs to the end of the sentence.
#pragma once

#include <cstddef>
#include <string_view>

namespace claimlint::context_internal {

bool InsideQuotation(std::string_view sentence, std::size_t begin, std::size_t end);

}  // namespace claimlint::context_internal
