// Conversion between UTF-8 text and code point strings, the form every comparison works on.
//
// Comparisons count code points, not bytes ("José" is 4 long). Decode once per record when
// building prepared_name.h's structures, never in the per-pair loop.
#pragma once

#include <string>
#include <string_view>

namespace canje::linkage {

// Decodes UTF-8. Each ill-formed sequence becomes one U+FFFD REPLACEMENT CHARACTER: input is
// expected to be validated by the importer, so this only keeps bad bytes from crashing.
std::u32string ToCodePoints(std::string_view utf8);

// Appends the decoded code points of `utf8` to `out` (same rules as ToCodePoints).
void AppendCodePoints(std::string_view utf8, std::u32string& out);

// Encodes code points as UTF-8. Surrogates and values above U+10FFFF become U+FFFD.
std::string ToUtf8(std::u32string_view code_points);

}  // namespace canje::linkage
