// Fuzzes the CSL-JSON and BibTeX readers.
#include <cstdint>
#include <string_view>

#include "lint/references/library.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)claimlint::ReadCslJson(text, "fuzz.json");
  (void)claimlint::ReadBibtex(text, "fuzz.bib");
  return 0;
}
