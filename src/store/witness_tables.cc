#include "store/witness_tables.h"

#include "core/clock.h"
#include "store/sql_query.h"

namespace canje::store {
namespace {

constexpr std::string_view kWitnessSchema = R"sql(
CREATE TABLE log_witnesses (
  name TEXT PRIMARY KEY,
  verifier_key TEXT NOT NULL,
  url TEXT NOT NULL,
  party TEXT NOT NULL,
  added_at TEXT NOT NULL,
  added_by TEXT NOT NULL,
  removed_at TEXT NOT NULL,
  removed_by TEXT NOT NULL,
  event_seq INTEGER NOT NULL
);
CREATE INDEX cosignatures_by_witness ON cosignatures(key_name, size);
CREATE TABLE exchange_witness_policies (
  exchange_id INTEGER PRIMARY KEY REFERENCES exchanges(id),
  threshold INTEGER NOT NULL,
  witnesses TEXT NOT NULL,
  set_at TEXT NOT NULL,
  set_by TEXT NOT NULL,
  event_seq INTEGER NOT NULL
);
)sql";

constexpr std::string_view kWitnessColumns =
    "name, verifier_key, url, party, added_at, added_by, removed_at, removed_by, event_seq";

WitnessRow ReadWitness(const SqlStatement& row) {
  return {row.Text(0), row.Text(1), row.Text(2), row.Text(3), row.Text(4),
          row.Text(5), row.Text(6), row.Text(7), row.Int(8)};
}

// Witness names never hold '|' (key names have no '+', spaces or controls, but '|' is allowed
// by the signed-note rules, so it is refused by the policy's use case before it gets here).
std::string JoinNames(const std::vector<std::string>& names) {
  std::string joined;
  for (const std::string& name : names) joined += (joined.empty() ? "" : "|") + name;
  return joined;
}

std::vector<std::string> SplitNames(const std::string& joined) {
  std::vector<std::string> names;
  size_t start = 0;
  while (!joined.empty()) {
    size_t bar = joined.find('|', start);
    names.push_back(joined.substr(start, bar == std::string::npos ? bar : bar - start));
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  return names;
}

}  // namespace

std::string_view WitnessTablesSchema() { return kWitnessSchema; }

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
                                  [&](SqlStatement& s) { s.BindText(1, witness.name); }));
  }
  return Execute(db,
                 "INSERT INTO log_witnesses(" + std::string(kWitnessColumns) +
                     ") VALUES(?, ?, ?, ?, ?, ?, '', '', ?)",
                 [&](SqlStatement& s) {
                   s.BindText(1, witness.name);
                   s.BindText(2, witness.verifier_key);
                   s.BindText(3, witness.url);
                   s.BindText(4, witness.party);
                   s.BindText(5, transaction.now());
                   s.BindText(6, transaction.actor().user);
                   s.BindInt(7, witness.event_seq);
                 });
}

Status RemoveWitness(WriteTransaction& transaction, std::string_view name) {
  CANJE_ASSIGN_OR_RETURN(auto existing, FindWitness(transaction.store(), name));
  if (!existing || !existing->removed_at.empty()) {
    return Status::NotFound("no witness named " + std::string(name) + " is registered");
  }
  return Execute(transaction.store().connection(),
                 "UPDATE log_witnesses SET removed_at = ?, removed_by = ? WHERE name = ?",
                 [&](SqlStatement& s) {
                   s.BindText(1, transaction.now());
                   s.BindText(2, transaction.actor().user);
                   s.BindText(3, name);
                 });
}

Result<std::vector<WitnessRow>> Witnesses(Store& store, bool include_removed) {
  return QueryAll<WitnessRow>(store.connection(),
                              "SELECT " + std::string(kWitnessColumns) + " FROM log_witnesses" +
                                  (include_removed ? "" : " WHERE removed_at = ''") +
                                  " ORDER BY name",
                              NoBind(), ReadWitness);
}

Result<std::optional<WitnessRow>> FindWitness(Store& store, std::string_view name) {
  return QueryOne<WitnessRow>(
      store.connection(),
      "SELECT " + std::string(kWitnessColumns) + " FROM log_witnesses WHERE name = ?",
      [&](SqlStatement& s) { s.BindText(1, name); }, ReadWitness);
}

Result<std::optional<CosignatureRow>> LatestCosignature(Store& store, std::string_view key_name) {
  return QueryOne<CosignatureRow>(
      store.connection(),
      "SELECT size, key_name, line, added_at FROM cosignatures WHERE key_name = ? "
      "ORDER BY size DESC LIMIT 1",
      [&](SqlStatement& s) { s.BindText(1, key_name); },
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
                   [&](SqlStatement& s) {
                     s.BindInt(1, size);
                     s.BindText(2, key_name);
                     s.BindText(3, line);
                     s.BindText(4, NowRfc3339());
                   });
  }();
  if (!status.ok()) {
    (void)db.Rollback();
    return status;
  }
  Status committed = db.Commit();
  if (!committed.ok()) (void)db.Rollback();
  return committed;
}

Status PutWitnessPolicy(WriteTransaction& transaction, const WitnessPolicyRow& policy) {
  SqlConnection& db = transaction.store().connection();
  CANJE_RETURN_IF_ERROR(Execute(db, "DELETE FROM exchange_witness_policies WHERE exchange_id = ?",
                                [&](SqlStatement& s) { s.BindInt(1, policy.exchange_id); }));
  return Execute(db,
                 "INSERT INTO exchange_witness_policies(exchange_id, threshold, witnesses, set_at, "
                 "set_by, event_seq) VALUES(?, ?, ?, ?, ?, ?)",
                 [&](SqlStatement& s) {
                   s.BindInt(1, policy.exchange_id);
                   s.BindInt(2, policy.threshold);
                   s.BindText(3, JoinNames(policy.witnesses));
                   s.BindText(4, transaction.now());
                   s.BindText(5, transaction.actor().user);
                   s.BindInt(6, policy.event_seq);
                 });
}

Result<std::optional<WitnessPolicyRow>> FindWitnessPolicy(Store& store, int64_t exchange_id) {
  return QueryOne<WitnessPolicyRow>(
      store.connection(),
      "SELECT exchange_id, threshold, witnesses, set_at, set_by, event_seq "
      "FROM exchange_witness_policies WHERE exchange_id = ?",
      [&](SqlStatement& s) { s.BindInt(1, exchange_id); },
      [](const SqlStatement& row) {
        return WitnessPolicyRow{row.Int(0),  row.Int(1),  SplitNames(row.Text(2)),
                                row.Text(3), row.Text(4), row.Int(5)};
      });
}

}  // namespace canje::store
