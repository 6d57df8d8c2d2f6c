// UTF-8 well-formedness (RFC 3629) for list fields.
#pragma once

#include <cstddef>
#include <string_view>

namespace canje::registry {

// The byte offset of the first byte that does not start or continue a well-formed UTF-8
// sequence (overlong forms, surrogates, code points above U+10FFFF and truncated sequences are
// all ill-formed), or std::string_view::npos when `text` is valid. ASCII runs are checked
// eight bytes at a time.
size_t FindInvalidUtf8(std::string_view text);

// The number of code points in `text`, which must be valid UTF-8 (continuation bytes are not
// counted). Field length limits are in code points, so "Ñ" counts as one.
size_t CountCodePoints(std::string_view text);

}  // namespace canje::registry
