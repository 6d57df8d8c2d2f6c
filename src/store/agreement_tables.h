// Parties' signing keys, proposal versions, responses, overrides, agreement signatures and the
// exchange's workflow state in the store (schema version 5).
//
// Plain rows and SQL only: the rules (which transition is allowed, when a version is agreed,
// whether a signature verifies) live in src/negotiation/. Writes take a WriteTransaction, so
// they land with their event (store.h); reads take the Store.
//
// Nothing here is personal data: transfers name person ids and party codes, never names. A
// response's reason and an override's justification are the parties' words about the deal, and
// may say more than the deal (why a person is or is not on it): since schema 10 they are sealed
// under the instance's text key (instance/sealed_texts.h). The store takes and returns the
// sealed bytes; their clear columns stay empty.
//
// Handover (later work) hangs off an agreed version: exchange_workflow.agreed_version names it
// and proposal_transfers(version_id, person_id) are the persons it covers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/encoding.h"
#include "core/status.h"
#include "store/store.h"

namespace canje::store {

// ---- Signing keys --------------------------------------------------------------------------

struct PartyKeyRow {
  std::string party;
  std::string key_id;  // negotiation::KeyId of the key ("ed25519:<16 hex>")
  Bytes public_key;    // 32 raw bytes
  std::string added_at;
  std::string added_by;
  int64_t event_seq = 0;
};

// kConflict when the party already has this key.
Status AddPartyKey(WriteTransaction& transaction, const PartyKeyRow& key);
// A party's keys (every party's when `party` is empty), by party then time added.
Result<std::vector<PartyKeyRow>> PartyKeys(Store& store, std::string_view party);

// ---- Proposal versions ---------------------------------------------------------------------

struct ProposalVersionRow {
  int64_t id = 0;  // global, 1, 2, ... shown as V<id>
  int64_t exchange_id = 0;
  int64_t parent_id = 0;  // 0: none
  std::string kind;       // "named" (persons) or "counts" (numbers only)
  int64_t refers_to = 0;  // a named version's counts version agreed in principle; 0: none
  std::string source;     // "solver", "transfers", "counts"
  std::string state;      // negotiation/proposal_workflow.h
  int64_t revision = 1;   // bumped by every change of the version (state, response, override)
  std::string created_at;
  std::string created_by;
  std::string created_party;
  int64_t event_seq = 0;  // the latest event that changed the version
  // Recorded after the fact (negotiation/occurred_at.h): when the version was really made; empty:
  // when it was recorded (created_at).
  std::string occurred_at;
  // When it was tabled (empty: not tabled, or tabled before schema 13 — the log says when) and,
  // recorded after the fact, when it really was (empty: at tabled_at).
  std::string tabled_at;
  std::string tabled_occurred_at;
};

struct TransferRow {
  int64_t person_id = 0;
  std::string from_party;   // holder
  std::string to_party;     // destination
  std::string beneficiary;  // the party on whose claim the person is released
  bool unconditional = false;
};

struct DirectionCountRow {
  std::string from_party;
  std::string to_party;
  int64_t persons = 0;
};

// Inserts the version (its id from `version.id`, see NextProposalVersionId) with its transfers
// or counts.
Status AddProposalVersion(WriteTransaction& transaction, const ProposalVersionRow& version,
                          const std::vector<TransferRow>& transfers,
                          const std::vector<DirectionCountRow>& counts);
Result<int64_t> NextProposalVersionId(WriteTransaction& transaction);
// Sets state, bumps revision and records the event; kConflict when the stored revision is not
// `expected_revision` (someone changed it since the caller read it).
Status UpdateProposalState(WriteTransaction& transaction, int64_t id, std::string_view state,
                           int64_t expected_revision, int64_t event_seq);
// Sets tabled_at to the transaction's time and tabled_occurred_at to `occurred_at`.
Status SetTabledTimes(WriteTransaction& transaction, int64_t id, std::string_view occurred_at);
Result<std::optional<ProposalVersionRow>> FindProposalVersion(Store& store, int64_t id);
// The versions of an exchange, by id.
Result<std::vector<ProposalVersionRow>> ProposalVersionsOf(Store& store, int64_t exchange_id);
// Versions whose parent is `id`, by id.
Result<std::vector<ProposalVersionRow>> ChildVersions(Store& store, int64_t id);
// Transfers ordered by person id; counts ordered by from, to.
Result<std::vector<TransferRow>> TransfersOf(Store& store, int64_t version_id);
Result<std::vector<DirectionCountRow>> CountsOf(Store& store, int64_t version_id);

// ---- Responses and overrides ---------------------------------------------------------------

struct ResponseRow {
  int64_t version_id = 0;
  std::string party;
  std::string response;  // "accepted" or "rejected"
  std::string reason;  // sealed in reason_sealed
  std::string responded_at;
  std::string responded_by;
  int64_t event_seq = 0;
  Bytes reason_sealed;  // under the instance's text key; empty: no reason
  // Recorded after the fact by `responded_by` (a mediator or admin): when the party really
  // answered; empty: at responded_at.
  std::string occurred_at;
};

Status AddResponse(WriteTransaction& transaction, const ResponseRow& response);
// By party.
Result<std::vector<ResponseRow>> ResponsesTo(Store& store, int64_t version_id);

struct OverrideRow {
  int64_t version_id = 0;
  std::string justification;  // sealed in justification_sealed
  std::string blocs;          // the blocs whose rule it sets aside, '|'-joined
  std::string overridden_at;
  std::string overridden_by;
  int64_t event_seq = 0;
  Bytes justification_sealed;  // under the instance's text key
};

// kConflict when the version already has an override.
Status AddOverride(WriteTransaction& transaction, const OverrideRow& override_row);
Result<std::optional<OverrideRow>> FindOverride(Store& store, int64_t version_id);

// ---- Signatures ----------------------------------------------------------------------------

struct SignatureRow {
  int64_t version_id = 0;
  std::string party;
  std::string key_id;
  Bytes signature;        // 64 raw bytes
  Bytes manifest_sha256;  // of the manifest bytes signed
  std::string added_at;
  std::string added_by;
  int64_t event_seq = 0;
};

// Adds or replaces the party's signature of the version.
Status PutSignature(WriteTransaction& transaction, const SignatureRow& signature);
// By party.
Result<std::vector<SignatureRow>> SignaturesOf(Store& store, int64_t version_id);

// ---- The exchange's workflow state ---------------------------------------------------------

struct ExchangeStateRow {
  int64_t exchange_id = 0;
  std::string state;           // negotiation/exchange_workflow.h
  int64_t agreed_version = 0;  // 0: none yet
  std::string reason;          // why it collapsed; sealed in reason_sealed
  std::string changed_at;
  std::string changed_by;
  int64_t event_seq = 0;
  Bytes reason_sealed;  // under the instance's text key; empty: no reason
  // Recorded after the fact by `responded_by` (a mediator or admin): when the party really
  // answered; empty: at responded_at.
  std::string occurred_at;
};

// nullopt when the exchange has never changed state (it is negotiating).
Result<std::optional<ExchangeStateRow>> FindExchangeState(Store& store, int64_t exchange_id);
// Inserts or replaces the exchange's state.
Status PutExchangeState(WriteTransaction& transaction, const ExchangeStateRow& row);

}  // namespace canje::store
