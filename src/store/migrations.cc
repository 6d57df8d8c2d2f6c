#include "store/migrations.h"

#include <string>

#include "store/holds_tables.h"
#include "store/agreement_tables.h"
#include "store/api_token_tables.h"
#include "store/clear_texts.h"
#include "store/exchange_tables.h"
#include "store/execution_tables.h"
#include "store/sign_in_tables.h"
#include "store/witness_tables.h"

namespace canje::store {
namespace {

// Version 1: the foundation. Personal data lives only in the `sealed` columns (AES-256-GCM under
// the row's own data key, itself wrapped in `data_key` by the master key); everything else is
// in the clear so that counts work without keys. docs/security.md lists every column.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE meta (
  name TEXT PRIMARY KEY,
  value BLOB NOT NULL
);
CREATE TABLE parties (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE users (
  name TEXT PRIMARY KEY,
  party TEXT NOT NULL REFERENCES parties(code),
  role TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE events (
  seq INTEGER PRIMARY KEY,
  time TEXT NOT NULL,
  actor TEXT NOT NULL,
  party TEXT NOT NULL,
  type TEXT NOT NULL,
  subjects TEXT NOT NULL,
  payload_sha256 BLOB NOT NULL,
  salt BLOB,
  payload_key BLOB,
  payload BLOB
);
CREATE TABLE event_subjects (
  subject TEXT NOT NULL,
  seq INTEGER NOT NULL REFERENCES events(seq),
  PRIMARY KEY (subject, seq)
);
CREATE TABLE lists (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  source TEXT NOT NULL,
  party TEXT NOT NULL REFERENCES parties(code),
  file_name TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  format TEXT NOT NULL,
  columns TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  record_count INTEGER NOT NULL,
  rejected_count INTEGER NOT NULL,
  event_seq INTEGER NOT NULL REFERENCES events(seq) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX lists_by_file ON lists(file_sha256, source);
CREATE TABLE persons (
  id INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL,
  sex TEXT NOT NULL,
  nationalities TEXT NOT NULL,
  categories TEXT NOT NULL,
  data_key BLOB,
  sealed BLOB,
  erased_at TEXT,
  erasure_reason TEXT
);
CREATE TABLE list_records (
  id INTEGER PRIMARY KEY,
  list_id INTEGER NOT NULL REFERENCES lists(id),
  line INTEGER NOT NULL,
  person_id INTEGER REFERENCES persons(id),
  reported_status TEXT NOT NULL,
  holder TEXT,
  data_key BLOB,
  sealed BLOB,
  salt BLOB,
  record_hash BLOB NOT NULL
);
CREATE INDEX list_records_by_list ON list_records(list_id);
CREATE INDEX list_records_by_person ON list_records(person_id);
CREATE TABLE custody (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES persons(id),
  holder TEXT NOT NULL REFERENCES parties(code),
  facility TEXT NOT NULL,
  since TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  charge_status TEXT NOT NULL,
  evidence_disclosed INTEGER,
  status TEXT NOT NULL,
  list_id INTEGER REFERENCES lists(id),
  record_id INTEGER REFERENCES list_records(id)
);
CREATE INDEX custody_by_person ON custody(person_id);
CREATE INDEX custody_by_holder ON custody(holder);
CREATE TABLE person_index (
  hash BLOB NOT NULL,
  person_id INTEGER NOT NULL REFERENCES persons(id)
);
CREATE INDEX person_index_by_hash ON person_index(hash);
CREATE INDEX person_index_by_person ON person_index(person_id);
CREATE TABLE merkle_hashes (
  idx INTEGER PRIMARY KEY,
  hash BLOB NOT NULL
);
CREATE TABLE checkpoints (
  size INTEGER PRIMARY KEY,
  root BLOB NOT NULL,
  note TEXT NOT NULL,
  signed_at TEXT NOT NULL
);
CREATE TABLE cosignatures (
  size INTEGER NOT NULL REFERENCES checkpoints(size),
  key_name TEXT NOT NULL,
  line TEXT NOT NULL,
  added_at TEXT NOT NULL,
  PRIMARY KEY (size, key_name)
);
)sql";

// Version 2: reconciliation (docs/reconciliation.md). Every list record has its own person
// (own_person_id, created at import); linking merges persons into one representative
// (persons.merged_into) and points the records and custody rows of a cluster at it. A record's
// fingerprint is a keyed hash of its parsed content, so review decisions follow a row into a
// re-imported list. Review decisions bind every later run; the queue holds the uncertain pairs
// of the latest run (probability as decimal text). A decision's reason is personal data: it is
// kept only in the event's sealed payload.
constexpr std::string_view kVersion2 = R"sql(
ALTER TABLE persons ADD COLUMN merged_into INTEGER
  REFERENCES persons(id) DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX persons_by_merged_into ON persons(merged_into);
ALTER TABLE list_records ADD COLUMN own_person_id INTEGER
  REFERENCES persons(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE list_records ADD COLUMN fingerprint BLOB;
UPDATE list_records SET own_person_id = person_id;
CREATE INDEX list_records_by_own_person ON list_records(own_person_id);
CREATE INDEX custody_by_record ON custody(record_id);
CREATE INDEX list_records_by_fingerprint ON list_records(fingerprint);
CREATE TABLE review_decisions (
  id INTEGER PRIMARY KEY,
  left_fingerprint BLOB NOT NULL,
  right_fingerprint BLOB NOT NULL,
  left_record INTEGER NOT NULL REFERENCES list_records(id),
  right_record INTEGER NOT NULL REFERENCES list_records(id),
  same INTEGER NOT NULL,
  decided_by TEXT NOT NULL,
  party TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  event_seq INTEGER NOT NULL REFERENCES events(seq) DEFERRABLE INITIALLY DEFERRED,
  replaces INTEGER REFERENCES review_decisions(id)
);
CREATE INDEX review_decisions_by_pair ON review_decisions(left_fingerprint, right_fingerprint);
CREATE TABLE review_queue (
  left_record INTEGER NOT NULL REFERENCES list_records(id),
  right_record INTEGER NOT NULL REFERENCES list_records(id),
  probability TEXT NOT NULL,
  PRIMARY KEY (left_record, right_record)
);
)sql";

// Schema version 11: each `canje link` run that changed the store keeps the model it trained
// (store/link_model_tables.h). Parameters and settings are JSON text; the name counts behind the
// term-frequency adjustment are sealed under the instance's text key. IF NOT EXISTS: a store
// brought back to an older version number by hand (as the sealed texts' test does) still opens.
constexpr std::string_view kVersion11 = R"sql(
CREATE TABLE IF NOT EXISTS link_models (
  id INTEGER PRIMARY KEY,
  event_seq INTEGER NOT NULL REFERENCES events(seq) DEFERRABLE INITIALLY DEFERRED,
  trained_at TEXT NOT NULL,
  trained_by TEXT NOT NULL,
  records_compared INTEGER NOT NULL,
  data_sha256 BLOB NOT NULL,
  settings TEXT NOT NULL,
  parameters TEXT NOT NULL,
  name_counts_sealed BLOB NOT NULL
);
)sql";

// PostgreSQL spellings of the portable schema: BLOB is BYTEA, INTEGER is BIGINT (SQLite's
// integers are 64-bit), and TEXT compares byte by byte (COLLATE "C") as in SQLite, so that
// ORDER BY gives the same order on both backends whatever the database's locale.
std::string Translate(std::string_view sql, SqlConnection::Dialect dialect) {
  std::string text(sql);
  if (dialect != SqlConnection::Dialect::kPostgres) return text;
  auto replace_all = [&text](std::string_view from, std::string_view to) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
      text.replace(at, from.size(), to);
      at += to.size();
    }
  };
  replace_all("BLOB", "BYTEA");
  replace_all("INTEGER", "BIGINT");
  replace_all(" TEXT", " TEXT COLLATE \"C\"");
  return text;
}

// PostgreSQL only, after every migration: no planner statistics on byte columns (sealed data,
// wrapped keys, salts, keyed hashes). ANALYZE would copy sampled values into pg_statistic, a
// catalog that a person's erasure cannot rewrite; canje reads these columns by key only.
constexpr std::string_view kNoStatisticsOnBytes = R"sql(
DO $$
DECLARE c record;
BEGIN
  FOR c IN SELECT a.attrelid::regclass AS tab, quote_ident(a.attname) AS col
           FROM pg_attribute a JOIN pg_class r ON r.oid = a.attrelid
           WHERE r.relnamespace = current_schema()::regnamespace AND r.relkind = 'r'
             AND a.atttypid = 'bytea'::regtype AND a.attnum > 0 AND NOT a.attisdropped
             AND a.attstattarget <> 0
  LOOP
    EXECUTE format('ALTER TABLE %s ALTER COLUMN %s SET STATISTICS 0', c.tab, c.col);
  END LOOP;
END $$)sql";

}  // namespace

const std::vector<Migration>& AllMigrations() {
  static const std::vector<Migration> kMigrations = {
      {1, "foundation: parties, users, events and their Merkle tree, checkpoints, lists, "
          "persons, custody", kVersion1},
      {2, "reconciliation: merged persons, record fingerprints, review decisions and queue",
       kVersion2},
      {3, "holds and consent: legal holds and their listed persons, legal acts, interviews",
       HoldsSchema()},
      {4, "exchanges: blocs and rules, parties, caps, claims, release costs", ExchangeSchema()},
      {5, "agreement: signing keys, proposal versions, responses, overrides, signatures, "
          "exchange workflow", AgreementTablesSchema()},
      {6, "execution: not-travelling outcomes, handovers, parties' reported counts",
       ExecutionTablesSchema()},
      {7, "API tokens (SHA-256 only) for canje serve", ApiTokenTablesSchema()},
      {8, "signing in: password hashes, sealed second factors, sessions (SHA-256 only)",
       SignInTablesSchema()},
      {9, "witnesses: the log's registered witnesses, cosignatures by witness, each exchange's "
          "witness policy", WitnessTablesSchema()},
      {10, "sealed texts: interview outcomes and not-travelling reasons under the person's key, "
           "free texts (reasons, justifications, places, witnesses, references, notes) under "
           "the instance's text key; existing values are sealed when the store is opened with "
           "its key", SealedTextsSchema()},
      {11, "linkage models: each changing `canje link` run's m and u, prior, settings and data "
           "fingerprint; its name counts sealed under the text key", kVersion11},
  };
  return kMigrations;
}

int LatestSchemaVersion() { return AllMigrations().back().version; }

Result<int> ReadSchemaVersion(SqlConnection& connection) {
  CANJE_ASSIGN_OR_RETURN(
      auto tables,
      connection.Prepare(connection.dialect() == SqlConnection::Dialect::kSqlite
                             ? "SELECT count(*) FROM sqlite_master WHERE name='meta'"
                             : "SELECT count(*) FROM information_schema.tables "
                               "WHERE table_name='meta' AND table_schema=current_schema()"));
  CANJE_ASSIGN_OR_RETURN(bool has_row, tables->Step());
  if (!has_row || tables->Int(0) == 0) return 0;
  CANJE_ASSIGN_OR_RETURN(auto version,
                         connection.Prepare("SELECT value FROM meta WHERE name='schema_version'"));
  CANJE_ASSIGN_OR_RETURN(has_row, version->Step());
  if (!has_row) return Status::Invalid("the database has no schema version: not a canje store");
  return std::stoi(version->Text(0));
}

Status ApplyMigrations(SqlConnection& connection) {
  CANJE_RETURN_IF_ERROR(connection.BeginWrite());
  Result<int> current = ReadSchemaVersion(connection);
  if (!current.ok()) {
    (void)connection.Rollback();
    return current.status();
  }
  if (*current > LatestSchemaVersion()) {
    (void)connection.Rollback();
    return Status::Invalid("this store has schema version " + std::to_string(*current) +
                           ", newer than this canje (" + std::to_string(LatestSchemaVersion()) +
                           "); upgrade canje before opening it");
  }
  for (const Migration& migration : AllMigrations()) {
    if (migration.version <= *current) continue;
    Status status = connection.Execute(Translate(migration.sql, connection.dialect()));
    if (status.ok()) {
      auto statement = connection.Prepare(
          "INSERT INTO meta(name, value) VALUES('schema_version', ?) "
          "ON CONFLICT(name) DO UPDATE SET value=excluded.value");
      if (!statement.ok()) status = statement.status();
      if (status.ok()) {
        (*statement)->BindText(1, std::to_string(migration.version));
        status = (*statement)->Run();
      }
    }
    if (!status.ok()) {
      (void)connection.Rollback();
      return status.WithContext("migration " + std::to_string(migration.version));
    }
  }
  if (connection.dialect() == SqlConnection::Dialect::kPostgres) {
    Status status = connection.Execute(kNoStatisticsOnBytes);
    if (!status.ok()) {
      (void)connection.Rollback();
      return status.WithContext("turning off statistics on byte columns");
    }
  }
  return connection.Commit();
}

}  // namespace canje::store
