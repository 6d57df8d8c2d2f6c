#include "store/witness_tables.h"

#include "core/clock.h"
#include "store/row_mapping.h"

namespace canje::store {
namespace {

const RowTable<WitnessRow> kWitnessTable{
    "log_witnesses",
    {
        Column("name", &WitnessRow::name),
        Column("verifier_key", &WitnessRow::verifier_key),
        Column("url", &WitnessRow::url),
        Column("party", &WitnessRow::party),
        WrittenAtBy("added", &WitnessRow::added_at, &WitnessRow::added_by),
        // set by RemoveWitness
        SetLaterAtBy("removed", &WitnessRow::removed_at, &WitnessRow::removed_by),
        Column("event_seq", &WitnessRow::event_seq),
    }};

// Witness names never hold '|' (key names have no '+', spaces or controls, but '|' is allowed
// by the signed-note rules, so it is refused by the policy's use case before it gets here).
const RowTable<WitnessPolicyRow> kWitnessPolicyTable{
    "exchange_witness_policies",
    {
        Column("exchange_id", &WitnessPolicyRow::exchange_id),
        Column("threshold", &WitnessPolicyRow::threshold),
        BarJoined("witnesses", &WitnessPolicyRow::witnesses),
        WrittenAtBy("set", &WitnessPolicyRow::set_at, &WitnessPolicyRow::set_by),
        Column("event_seq", &WitnessPolicyRow::event_seq),
    }};

}  // namespace

Status AddWitness(WriteTransaction& transaction, const WitnessRow& witness) {
  CANJE_ASSIGN_OR_RETURN(auto existing, FindWitness(transaction.store(), witness.name));
  SqlConnection& db = transaction.store().connection();
  if (existing && existing->removed_at.empty()) {
    return Status::Conflict("a witness named " + witness.name +
                            " is registered already (added by " + existing->added_by + ", " +
                            existing->added_at + "); remove it first to replace it");
  }
  if (existing) {
    CANJE_RETURN_IF_ERROR(Execute(db, "DELETE FROM log_witnesses WHERE name = ?",
                                  Params(witness.name)));
  }
  return InsertRow(transaction, kWitnessTable, witness);
}

Status RemoveWitness(WriteTransaction& transaction, std::string_view name) {
  CANJE_ASSIGN_OR_RETURN(auto existing, FindWitness(transaction.store(), name));
  if (!existing || !existing->removed_at.empty()) {
    return Status::NotFound("no witness named " + std::string(name) + " is registered");
  }
  return Execute(transaction.store().connection(),
                 "UPDATE log_witnesses SET removed_at = ?, removed_by = ? WHERE name = ?",
                 Params(transaction.now(), transaction.actor().user, name));
}

Result<std::vector<WitnessRow>> Witnesses(Store& store, bool include_removed) {
  return SelectRows(store.connection(), kWitnessTable,
                    include_removed ? "ORDER BY name" : "WHERE removed_at = '' ORDER BY name",
                    NoBind());
}

Result<std::optional<WitnessRow>> FindWitness(Store& store, std::string_view name) {
  return SelectRow(store.connection(), kWitnessTable, "WHERE name = ?",
                   Params(name));
}

Result<std::optional<CosignatureRow>> LatestCosignature(Store& store, std::string_view key_name) {
  return QueryOne<CosignatureRow>(
      store.connection(),
      "SELECT size, key_name, line, added_at FROM cosignatures WHERE key_name = ? "
      "ORDER BY size DESC LIMIT 1",
      Params(key_name),
      [](const SqlStatement& row) {
        return CosignatureRow{row.Int(0), row.Text(1), row.Text(2), row.Text(3)};
      });
}

Status StoreReceivedCosignature(Store& store, int64_t size, std::string_view key_name,
                                std::string_view line) {
  SqlConnection& db = store.connection();
  CANJE_RETURN_IF_ERROR(db.BeginWrite());
  Status status = [&]() -> Status {
    CANJE_ASSIGN_OR_RETURN(auto checkpoint, store.CheckpointAt(size));
    if (!checkpoint) {
      return Status::NotFound("the log has no checkpoint of size " + std::to_string(size));
    }
    return Execute(db,
                   "INSERT INTO cosignatures(size, key_name, line, added_at) VALUES(?, ?, ?, ?) "
                   "ON CONFLICT(size, key_name) DO UPDATE SET line = excluded.line, "
                   "added_at = excluded.added_at",
                   Params(size, key_name, line, NowRfc3339()));
  }();
  return db.EndTransaction(status);
}

Status PutWitnessPolicy(WriteTransaction& transaction, const WitnessPolicyRow& policy) {
  SqlConnection& db = transaction.store().connection();
  CANJE_RETURN_IF_ERROR(Execute(db, "DELETE FROM exchange_witness_policies WHERE exchange_id = ?",
                                Params(policy.exchange_id)));
  return InsertRow(transaction, kWitnessPolicyTable, policy);
}

Result<std::optional<WitnessPolicyRow>> FindWitnessPolicy(Store& store, int64_t exchange_id) {
  return SelectRow(store.connection(), kWitnessPolicyTable, "WHERE exchange_id = ?",
                   Params(exchange_id));
}

}  // namespace canje::store
