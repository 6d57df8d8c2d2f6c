#include "instance/log_witnesses.h"

#include <openssl/crypto.h>

#include <nlohmann/json.hpp>

#include "core/digest.h"
#include "core/http_url.h"
#include "instance/event_types.h"
#include "instance/transparency_log.h"
#include "ledger/note_keys.h"

namespace canje::instance {
namespace {

constexpr std::string_view kLogReadingMeta = "log_reading";  // "open" or absent/"token"

Result<bool> IsOpen(store::Store& store) {
  CANJE_ASSIGN_OR_RETURN(auto value, store.Meta(kLogReadingMeta));
  return value.has_value() && AsText(*value) == "open";
}

Result<LogReading> ReadingOf(store::Store& store) {
  LogReading reading;
  CANJE_ASSIGN_OR_RETURN(reading.open, IsOpen(store));
  if (reading.open) {
    CANJE_ASSIGN_OR_RETURN(std::string vkey, LogVerifierKey(store));
    reading.capability = PublicLogCapability(vkey);
  }
  return reading;
}

}  // namespace

Result<store::WitnessRow> RegisterWitness(Instance& instance, const std::string& verifier_key,
                                          const std::string& url, const std::string& party) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kManageWitnesses));
  Result<ledger::VerifierKey> key = ledger::ParseVerifierKey(verifier_key);
  if (!key.ok()) {
    return Status::Usage("the witness's verifier key: " + key.status().message() +
                         " (the witness prints it: canje witness vkey --state DIR)");
  }
  if (key->type != ledger::SignatureType::kCosignatureV1) {
    return Status::Usage("the key of " + key->name +
                         " is not a witness's cosignature/v1 key (signature type 0x04); "
                         "a log's checkpoint key cannot cosign");
  }
  if (key->name.find('|') != std::string::npos) {
    return Status::Usage("a witness's key name may not contain '|': " + key->name);
  }
  CANJE_ASSIGN_OR_RETURN(HttpUrl parsed, ParseHttpUrl(url));
  if (!party.empty()) {
    CANJE_ASSIGN_OR_RETURN(auto found, instance.store().FindParty(party));
    if (!found) return Status::NotFound("no party " + party + "; add it with `canje party add`");
  }
  store::WitnessRow row;
  row.name = key->name;
  row.verifier_key = verifier_key;
  row.url = parsed.ToString();
  row.party = party;
  CANJE_RETURN_IF_ERROR(instance.Change([&](Recorder& recorder) -> Status {
    CANJE_ASSIGN_OR_RETURN(row.event_seq,
                           recorder.Record(events::kLogWitnessAdded,
                                           party.empty() ? std::vector<std::string>{}
                                                         : std::vector<std::string>{party},
                                           {{"witness", row.name},
                                            {"verifier_key", row.verifier_key},
                                            {"url", row.url},
                                            {"party", row.party}}));
    return store::AddWitness(recorder.transaction(), row);
  }));
  CANJE_ASSIGN_OR_RETURN(auto stored, store::FindWitness(instance.store(), row.name));
  if (!stored) return Status::Internal("the witness " + row.name + " was not stored");
  return *stored;
}

Status RemoveWitness(Instance& instance, const std::string& name) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kManageWitnesses));
  return instance.Change([&](Recorder& recorder) -> Status {
    CANJE_RETURN_IF_ERROR(store::RemoveWitness(recorder.transaction(), name));
    return recorder.Record(events::kLogWitnessRemoved, {}, {{"witness", name}}).status();
  });
}

Result<std::vector<WitnessStatus>> ListWitnesses(Instance& instance) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kReadRegistry));
  CANJE_ASSIGN_OR_RETURN(auto rows, store::Witnesses(instance.store(), false));
  std::vector<WitnessStatus> witnesses;
  for (auto& row : rows) {
    WitnessStatus status;
    CANJE_ASSIGN_OR_RETURN(auto latest, store::LatestCosignature(instance.store(), row.name));
    if (latest) {
      status.cosigned_size = latest->size;
      status.cosigned_at = latest->added_at;
    }
    status.witness = std::move(row);
    witnesses.push_back(std::move(status));
  }
  return witnesses;
}

Result<LogReading> SetLogReading(Instance& instance, bool open) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kOpenLogReading));
  CANJE_RETURN_IF_ERROR(instance.Change([&](Recorder& recorder) -> Status {
    CANJE_RETURN_IF_ERROR(
        recorder.transaction().SetMeta(kLogReadingMeta, AsBytes(open ? "open" : "token")));
    return recorder.Record(events::kLogReadingSet, {}, {{"reading", open ? "open" : "token"}})
        .status();
  }));
  return ReadingOf(instance.store());
}

Result<LogReading> LogReadingState(Instance& instance) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kReadRegistry));
  return ReadingOf(instance.store());
}

std::string PublicLogCapability(const std::string& verifier_key) {
  return HexEncode(Sha256(AsBytes(verifier_key)));
}

Result<bool> PublicLogCapabilityMatches(store::Store& store, const std::string& capability) {
  CANJE_ASSIGN_OR_RETURN(LogReading reading, ReadingOf(store));
  return reading.open && capability.size() == reading.capability.size() &&
         CRYPTO_memcmp(capability.data(), reading.capability.data(), capability.size()) == 0;
}

}  // namespace canje::instance
