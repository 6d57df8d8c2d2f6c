// Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): the second factor of signing
// in. Six digits, a 30-second step, HMAC-SHA-1 — what every authenticator app speaks by
// default — and a 20-byte secret, shown once as an otpauth:// URI when a user enrols.
//
//   Bytes secret = NewTotpSecret();
//   std::string uri = TotpUri("canje", "ven", secret);      // give it to the user's app
//   std::optional<int64_t> step = MatchTotp(secret, "287082", now_unix);
//   // accept only when *step is later than the last step accepted for this user (no replay)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/encoding.h"

namespace canje::protect {

inline constexpr int64_t kTotpStepSeconds = 30;
inline constexpr int kTotpDigits = 6;

// 20 random bytes (the size RFC 4226 recommends for HMAC-SHA-1).
Bytes NewTotpSecret();

// The HOTP value of `counter` with `digits` digits (RFC 4226 §5.3), zero-padded.
std::string HotpCode(ByteView secret, uint64_t counter, int digits = kTotpDigits);

// The time step of a Unix time.
inline int64_t TotpStep(int64_t unix_seconds) { return unix_seconds / kTotpStepSeconds; }

// The step whose code `code` is, among the step of `unix_seconds` and `window` steps either
// side (clocks drift; a code typed at the end of its 30 s arrives in the next); nullopt when
// none matches. `code` must be exactly six digits (spaces are not removed here).
std::optional<int64_t> MatchTotp(ByteView secret, std::string_view code, int64_t unix_seconds,
                                 int window = 1);

// RFC 4648 base32 without padding, as authenticator apps take secrets; and back (upper case,
// no padding; nullopt for anything else).
std::string Base32Encode(ByteView bytes);
std::optional<Bytes> Base32Decode(std::string_view text);

// otpauth://totp/ISSUER:ACCOUNT?secret=BASE32&issuer=ISSUER&algorithm=SHA1&digits=6&period=30
// (the Key URI format authenticator apps read; issuer and account are percent-encoded).
std::string TotpUri(std::string_view issuer, std::string_view account, ByteView secret);

}  // namespace canje::protect
