// Parties' signing keys and detached signatures of agreement manifests.
//
// Keys are Ed25519 (RFC 8032) in the PEM forms `openssl genpkey -algorithm ed25519` and
// `openssl pkey -pubout` write: a PKCS#8 "PRIVATE KEY" and an SPKI "PUBLIC KEY". A signature file
// is the raw 64-byte Ed25519 signature of the manifest's exact bytes, nothing else: no header,
// no encoding, no newline. That is the form OpenSSL reads and writes, so anyone can check one
// with OpenSSL alone (docs/workflow.md):
//
//   openssl pkeyutl -verify -pubin -inkey party.pem -rawin -in manifest.json -sigfile manifest.sig
//
// Nothing here touches the store; `canje sign` works offline with these functions only.
#pragma once

#include <string>
#include <string_view>

#include "core/encoding.h"
#include "core/status.h"
#include "ledger/ed25519.h"

namespace canje::negotiation {

// The raw public key in an SPKI PEM ("-----BEGIN PUBLIC KEY-----"). kInvalid when the text is
// not PEM, or the key is not Ed25519 (the message names the algorithm found), or it is a
// private key (the message says how to extract the public half).
Result<ledger::Ed25519PublicKey> ParsePublicKeyPem(std::string_view pem);

// The RFC 8032 seed in an unencrypted PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"). kInvalid when
// it is not one, is encrypted, or is not Ed25519.
Result<ledger::Ed25519Seed> ParsePrivateKeyPem(std::string_view pem);

// The SPKI PEM of a public key (what `openssl pkey -pubout` prints for it).
std::string PublicKeyPem(const ledger::Ed25519PublicKey& key);

// A short stable name of a key: "ed25519:" and the first 16 hex digits of SHA-256 of the 32
// raw public key bytes. Shown in listings and stored with each signature.
std::string KeyId(const ledger::Ed25519PublicKey& key);

// The detached signature of `message` (the manifest's exact bytes) by the key in `private_pem`.
Result<ledger::Ed25519Signature> SignDetached(std::string_view private_pem, ByteView message);

// A signature file's content as a signature: exactly 64 bytes. kInvalid otherwise, with a hint
// when the file looks base64- or hex-encoded.
Result<ledger::Ed25519Signature> ParseSignatureFile(ByteView content);

}  // namespace canje::negotiation
