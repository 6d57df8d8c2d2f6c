// The associated data ("context") under which canje wraps each kind of key and seals each kind of
// value, named once (docs/security.md, "What is encrypted, and with what"). A context names the
// row a value belongs to, so that a sealed blob moved to another row does not open; and a value
// opens only under the very bytes it was sealed under, so a context changed by one byte makes
// every value already sealed under it unreadable. Never change one; a new kind of value adds its
// own here. sealing_contexts_test pins every string.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace canje::protect {

// ---- Keys wrapped by the master key (Vault::WrapKey) -------------------------------------------

// A person's data key (persons.data_key), and the person's record sealed under it: "person 17".
std::string PersonKeyContext(int64_t person_id);
// A raw list record's data key (list_records.data_key), and the record sealed under it:
// "record 5".
std::string RecordKeyContext(int64_t record_id);
// Each event's payload key, and the payload sealed under it.
inline constexpr std::string_view kEventPayloadContext = "event payload";
// The log's Ed25519 signing key (meta 'log_signer').
inline constexpr std::string_view kLogSigningKeyContext = "log signing key";
// The key of the keyed hashes for exact look-ups (meta 'index_key').
inline constexpr std::string_view kIndexKeyContext = "instance index key";
// The key free texts that are no one person's are sealed under (meta 'text_key').
inline constexpr std::string_view kTextKeyContext = "instance text key";

// ---- Values sealed under a person's data key ---------------------------------------------------

// An interview's free-text note: "person 17 interview 12".
std::string InterviewNoteContext(int64_t person_id, int64_t interview_id);
// An interview's outcome (identity, consent, fitness): "person 17 interview 12 outcome".
std::string InterviewOutcomeContext(int64_t person_id, int64_t interview_id);
// A not-travelling outcome's free-text note: "person 17 not travelling in exchange 3".
std::string NotTravellingNoteContext(int64_t person_id, int64_t exchange_id);
// A not-travelling outcome's reason code: "person 17 not travelling reason in exchange 3".
std::string NotTravellingReasonContext(int64_t person_id, int64_t exchange_id);

// ---- Values sealed under the instance text key -------------------------------------------------

// "hold 3 reference".
std::string HoldReferenceContext(int64_t hold_id);
// "hold 3 lift reason".
std::string HoldLiftReasonContext(int64_t hold_id);
// A legal act's authority and reference, together: "legal act 4 texts".
std::string LegalActTextsContext(int64_t act_id);
// "proposal version 2 response of VEN reason".
std::string ResponseReasonContext(int64_t version_id, std::string_view party);
// "proposal version 2 override justification".
std::string OverrideJustificationContext(int64_t version_id);
// A handover's place and witnesses, together: "handover of person 17 in exchange 3".
std::string HandoverTextsContext(int64_t person_id, int64_t exchange_id);
// "reported count 6 note".
std::string ReportedCountNoteContext(int64_t report_id);
// Why an exchange collapsed: "exchange 3 state reason".
std::string ExchangeStateReasonContext(int64_t exchange_id);
// A stage's place and last postponement reason: "exchange 3 stage 2 texts".
std::string StageTextsContext(int64_t exchange_id, int64_t stage);
// A saved link model's name counts: "link model 1 name counts".
std::string LinkModelNameCountsContext(int64_t run);
// A word of the vocabulary of name words, by its keyed hash in hex: "name word 0a1b…".
std::string NameWordContext(std::string_view hash_hex);

// ---- Values sealed under a key derived from the index key -------------------------------------

// What that key is derived for (HMAC-SHA-256 of it under the index key).
inline constexpr std::string_view kTotpKeyPurpose = "canje totp secrets v1";
// A user's TOTP secret: "totp ana".
std::string TotpSecretContext(std::string_view user);

}  // namespace canje::protect
