// Ed25519 (RFC 8032) through OpenSSL 3's EVP interface, on raw 32-byte keys.
#pragma once

#include <array>
#include <cstdint>

#include "core/encoding.h"
#include "core/status.h"

namespace canje::ledger {

using Ed25519Seed = std::array<uint8_t, 32>;  // the RFC 8032 private key
using Ed25519PublicKey = std::array<uint8_t, 32>;
using Ed25519Signature = std::array<uint8_t, 64>;

// A fresh random seed from OpenSSL's generator.
Ed25519Seed GenerateEd25519Seed();
// The public key belonging to `seed`.
Result<Ed25519PublicKey> Ed25519PublicKeyOf(const Ed25519Seed& seed);
// The (deterministic) signature of `message` by `seed`.
Result<Ed25519Signature> Ed25519Sign(const Ed25519Seed& seed, ByteView message);
// True when `signature` is a valid signature of `message` by `public_key`. Any malformed input
// (a public key that is not a curve point, a signature of the wrong length) is simply false.
bool Ed25519Verify(const Ed25519PublicKey& public_key, ByteView message, ByteView signature);

}  // namespace canje::ledger
