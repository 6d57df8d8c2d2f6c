// RFC 8785 (JSON Canonicalization Scheme) for the one JSON shape the log's leaves use: a flat
// object whose values are strings, integers or arrays of strings.
//
// The output is the exact byte string a conforming RFC 8785 implementation produces for the
// same JSON value, so any outside tool can recompute a leaf from its fields:
//   - members sorted by their names compared as arrays of UTF-16 code units (RFC 8785 3.2.3);
//   - no whitespace;
//   - strings escaped with only the escapes RFC 8785 3.2.2.2 requires: \" \\ \b \f \n \r \t,
//     other characters below U+0020 as \u00xx with lower-case hex, everything else verbatim
//     (including '/', U+007F and all non-ASCII characters, written as UTF-8);
//   - integers in plain decimal, which is what ECMAScript's Number serialisation gives for
//     every integer of magnitude at most 2^53 (larger ones are refused: they do not survive
//     the trip through an IEEE 754 double that RFC 8785 requires).
//
// Nothing here parses JSON; the caller builds a CanonicalObject and serialises it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/status.h"

namespace canje::ledger {

// A member value: a UTF-8 string, an integer, or an array of UTF-8 strings.
using CanonicalValue = std::variant<std::string, int64_t, std::vector<std::string>>;

struct CanonicalMember {
  std::string name;  // UTF-8
  CanonicalValue value;
};

// Members in any order; CanonicalJson sorts them. Names must be unique.
using CanonicalObject = std::vector<CanonicalMember>;

// The largest integer magnitude accepted: 2^53.
inline constexpr int64_t kMaxCanonicalInteger = int64_t{1} << 53;

// Serialises `object` per RFC 8785. Fails (kInvalid) when a name or string is not valid UTF-8
// (overlong forms and encoded surrogates included), when two members share a name, or when an
// integer's magnitude exceeds 2^53. Messages name the offending member.
Result<std::string> CanonicalJson(const CanonicalObject& object);

// The pieces CanonicalJson writes, for writers of a fixed shape (ledger/event_envelope.h):
// `text` (valid UTF-8, unchecked here) as an RFC 8785 string literal, and an integer (whose
// magnitude the caller has checked against kMaxCanonicalInteger), appended to `out`.
void AppendCanonicalString(std::string_view text, std::string& out);
void AppendCanonicalInteger(int64_t number, std::string& out);

}  // namespace canje::ledger
