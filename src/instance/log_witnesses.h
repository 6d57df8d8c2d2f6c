// The log's witnesses, seen from the log (the witness's own side is src/witness): which
// witnesses the log sends its checkpoints to, and who may read the log's tiles.
//
// A witness is registered by an admin with its verifier key (a C2SP tlog-cosignature
// cosignature/v1 key, whose name identifies it) and the URL of its C2SP tlog-witness
// submission prefix; optionally the party that runs it. Registering and removing are events
// ("log.witness_added", "log.witness_removed"). The checkpoints go to the witnesses through
// instance/witness_submission.h.
//
// Reading the log's tiles (instance/log_tiles.h) needs a token of a user who may read the log,
// unless an admin opens it ("log.reading_set"): then it is also served without a token under a
// prefix only holders of the log's verifier key can compute (PublicLogCapability).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "instance/instance.h"
#include "store/witness_tables.h"

namespace canje::instance {

// Registers a witness (Action::kManageWitnesses). kUsage for a key that is not a
// cosignature/v1 verifier key, a key name with '|', or a URL ParseHttpUrl refuses; kNotFound
// for an unknown party; kConflict when a witness of that name is registered. The URL is stored
// as ParseHttpUrl normalises it.
Result<store::WitnessRow> RegisterWitness(Instance& instance, const std::string& verifier_key,
                                          const std::string& url, const std::string& party);

// Removes a registered witness (kManageWitnesses); its cosignatures stay. kNotFound if none.
Status RemoveWitness(Instance& instance, const std::string& name);

struct WitnessStatus {
  store::WitnessRow witness;
  int64_t cosigned_size = 0;  // the largest checkpoint size it cosigned (0: none)
  std::string cosigned_at;    // when that cosignature was stored
};

// The registered witnesses with how far each has cosigned (anyone who may read the log).
Result<std::vector<WitnessStatus>> ListWitnesses(Instance& instance);

struct LogReading {
  bool open = false;       // tiles readable without a token
  std::string capability;  // the public prefix's secret part, when open; see below
};

// Opens (or closes) the log's tiles to readers without a token (kOpenLogReading), an event.
Result<LogReading> SetLogReading(Instance& instance, bool open);
// Whether the log is open, and its capability (anyone who may read the log).
Result<LogReading> LogReadingState(Instance& instance);

// The public prefix's secret part: the lower-case hex SHA-256 of the log's verifier key text
// (NAME+KEYID+BASE64, no newline). The public tiles are at /log/public/<capability>/; only
// someone who holds the verifier key can compute it (it holds 256 random bits: the public key).
std::string PublicLogCapability(const std::string& verifier_key);

// Whether `capability` opens the log in `store`: it is open and the capability is its own.
// Compared in constant time. Reads only the store (the public reader has no user).
Result<bool> PublicLogCapabilityMatches(store::Store& store, const std::string& capability);

}  // namespace canje::instance
