// The log's witnesses in the store (schema version 9): the witnesses registered to cosign the
// log's checkpoints, the cosignatures they returned (table `cosignatures`, schema version 1,
// indexed here by witness), and each exchange's witness policy.
//
// Plain rows and SQL only: registering, submitting and deciding finality live in
// src/instance/log_witnesses.h, src/instance/witness_submission.h and
// src/negotiation/witness_policy.h. Writes take a WriteTransaction so that they land with their
// event (store.h), with one exception, StoreReceivedCosignature (see there).
//
// Everything here is in the clear: key names, public keys, URLs, party codes, exchange ids.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace canje::store {

struct WitnessRow {
  std::string name;          // the witness key's name (unique)
  std::string verifier_key;  // NAME+KEYID+BASE64, a cosignature/v1 key
  std::string url;           // the submission prefix: POST <url>/add-checkpoint
  std::string party;         // the party that runs it; empty for none
  std::string added_at;
  std::string added_by;
  std::string removed_at;  // empty while registered
  std::string removed_by;
  int64_t event_seq = 0;  // the "log.witness_added" event
};

// Registers `witness` (added_at and added_by from the transaction). A witness removed earlier
// under the same name is registered again (its row replaced). kConflict if one is registered
// under that name now.
Status AddWitness(WriteTransaction& transaction, const WitnessRow& witness);
// Marks the witness removed now by the transaction's actor. kNotFound if none is registered.
Status RemoveWitness(WriteTransaction& transaction, std::string_view name);
// Registered witnesses by name (with `include_removed`, removed ones too).
Result<std::vector<WitnessRow>> Witnesses(Store& store, bool include_removed);
Result<std::optional<WitnessRow>> FindWitness(Store& store, std::string_view name);

// The latest cosignature stored for the witness key `key_name` (largest size), if any.
Result<std::optional<CosignatureRow>> LatestCosignature(Store& store, std::string_view key_name);

// Stores the cosignature line a witness returned for the checkpoint of `size` (replacing an
// older line of the same witness for that size), in its own short transaction and WITHOUT an
// event: the one write outside Store::Write's rule that every change is an event. A
// cosignature is the witness's own signed statement about the log, which anyone can verify
// against the witness's key; logging it would grow the log, call for a new checkpoint and a new
// cosignature, and so on forever. The checkpoint at `size` must exist (kNotFound otherwise).
Status StoreReceivedCosignature(Store& store, int64_t size, std::string_view key_name,
                                std::string_view line);

struct WitnessPolicyRow {
  int64_t exchange_id = 0;
  int64_t threshold = 0;               // how many of `witnesses` must have cosigned
  std::vector<std::string> witnesses;  // witness names, sorted
  std::string set_at;
  std::string set_by;
  int64_t event_seq = 0;  // the "exchange.witness_policy_set" event
};

// Sets (or replaces) the exchange's policy; set_at and set_by from the transaction.
Status PutWitnessPolicy(WriteTransaction& transaction, const WitnessPolicyRow& policy);
Result<std::optional<WitnessPolicyRow>> FindWitnessPolicy(Store& store, int64_t exchange_id);

}  // namespace canje::store
