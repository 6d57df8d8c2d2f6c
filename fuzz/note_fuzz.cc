// Fuzz target: signed notes (ParseNote, OpenNote) and verifier keys.
#include <string_view>

#include "fuzz/fuzz_target.h"
#include "ledger/note_keys.h"
#include "ledger/signed_note.h"

namespace {
const canje::ledger::SignerKey& Signer() {
  static const canje::ledger::SignerKey key =
      *canje::ledger::SignerKeyFromSeed("example.org/log", canje::ledger::SignatureType::kEd25519,
                                        canje::ledger::Ed25519Seed{7});
  return key;
}
}  // namespace

std::vector<std::string> FuzzSeeds() {
  std::string note = *canje::ledger::SignNote("example.org/log\n5\nAAAA\n", Signer());
  return {note, note + "— other abcd\n",
          canje::ledger::FormatVerifierKey(canje::ledger::VerifierKeyOf(Signer()))};
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)canje::ledger::ParseNote(text);
  canje::ledger::VerifierKey verifier = canje::ledger::VerifierKeyOf(Signer());
  (void)canje::ledger::OpenNote(text, {&verifier, 1});
  (void)canje::ledger::ParseVerifierKey(text);
  (void)canje::ledger::ParseSignerKey(text);
  return 0;
}
