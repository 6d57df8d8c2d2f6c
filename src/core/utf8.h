// UTF-8 (RFC 3629): well-formedness, code point counts, cutting at a character boundary, and
// quoting untrusted bytes in a message. Text is UTF-8 everywhere in canje; input from outside
// (list files, command-line arguments, HTTP requests) is checked here before it is used, and a
// message that quotes input which is not UTF-8 shows the bad bytes as \xNN instead of copying
// them (so that every message can itself be written as JSON).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace canje {

// The byte offset of the first byte that does not start or continue a well-formed UTF-8
// sequence (overlong forms, surrogates, code points above U+10FFFF and truncated sequences are
// all ill-formed), or std::string_view::npos when `text` is valid. ASCII runs are checked
// eight bytes at a time.
size_t FindInvalidUtf8(std::string_view text);

// True when `text` is well-formed UTF-8.
inline bool IsValidUtf8(std::string_view text) {
  return FindInvalidUtf8(text) == std::string_view::npos;
}

// The number of code points in `text`, which must be valid UTF-8 (continuation bytes are not
// counted). Field length limits are in code points, so "Ñ" counts as one.
size_t CountCodePoints(std::string_view text);

// The longest prefix of `text` that is at most `max_bytes` long and does not end inside a
// multi-byte character. `text` should be valid UTF-8; for invalid text the cut is still made
// before any continuation byte that follows it.
std::string_view Utf8Prefix(std::string_view text, size_t max_bytes);

// `text` made safe to quote in a message: well-formed UTF-8 is kept as it is, except control
// characters, which are written \n, \t, \r or \xNN; every byte that is not part of a
// well-formed character is written \xNN. At most `max_code_points` characters of `text` are
// kept, followed by "…" when more were cut. The result is always valid UTF-8.
std::string QuoteUntrusted(std::string_view text, size_t max_code_points = 80);

}  // namespace canje
