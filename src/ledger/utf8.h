// Strict UTF-8 decoding (RFC 3629) for the ledger's text formats.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace canje::ledger {

// The code points of `text`, or nullopt if it is not well-formed UTF-8 (overlong forms,
// surrogates, code points above U+10FFFF and truncated sequences are all refused).
std::optional<std::u32string> DecodeUtf8(std::string_view text);

// True for the characters Unicode calls White_Space (the set Go's unicode.IsSpace uses).
bool IsUnicodeSpace(char32_t c);

}  // namespace canje::ledger
