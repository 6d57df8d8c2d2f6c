// The store's schema, migration by migration. Migrations are never edited, only appended: a
// store that exists has run the text of each migration up to its version, and the text below is
// that text, byte for byte. A change to the schema is a new migration at the end, and a store
// opened by this canje gets it once (ApplyMigrations).
//
// Adding a table or a column:
//   1. append a migration here with its CREATE TABLE or ALTER TABLE (version = last + 1);
//   2. describe the table's columns and their row struct's members once, in its
//      store/<domain>_tables.cc (a RowTable, store/row_mapping.h), or add the new column to the
//      description there; SELECT, INSERT and the reading of rows come from it;
//   3. a new table only: put it in store_copy.cc's list (in dependency order; a copy refuses a
//      store with a table the list lacks); the columns of every table are read from the
//      database's own catalogue, so a new column needs nothing there;
//   4. say what it holds in docs/formats.md or docs/operations.md (and docs/security.md if it
//      holds personal data: sealed, never in the clear).
// The DDL is not generated from the descriptions: an existing migration must never change when
// a description does.
#include "store/migrations.h"

#include <string>

#include "store/sql_query.h"

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

// Version 3: legal holds and their listed persons, legal acts, consent interviews
// (store/holds_tables.h).
constexpr std::string_view kVersion3 = R"sql(
CREATE TABLE legal_holds (
  id INTEGER PRIMARY KEY,
  issuer TEXT NOT NULL,
  reference TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  effective_until TEXT NOT NULL,
  rule_holder TEXT NOT NULL,
  rule_nationality TEXT NOT NULL,
  rule_category TEXT NOT NULL,
  rule_legal_basis TEXT NOT NULL,
  lifted_on TEXT NOT NULL,
  lift_reason TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE TABLE legal_hold_persons (
  hold_id INTEGER NOT NULL REFERENCES legal_holds(id),
  person_id INTEGER NOT NULL REFERENCES persons(id),
  PRIMARY KEY (hold_id, person_id)
);
CREATE INDEX legal_hold_persons_by_person ON legal_hold_persons(person_id);
CREATE TABLE legal_acts (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES persons(id),
  type TEXT NOT NULL,
  act_date TEXT NOT NULL,
  authority TEXT NOT NULL,
  reference TEXT NOT NULL,
  status_after TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL
);
CREATE INDEX legal_acts_by_person ON legal_acts(person_id);
CREATE TABLE interviews (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES persons(id),
  destination TEXT NOT NULL,
  interviewed_on TEXT NOT NULL,
  identity TEXT NOT NULL,
  consent TEXT NOT NULL,
  fit_to_travel INTEGER NOT NULL,
  note_sealed BLOB,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorder_party TEXT NOT NULL
);
CREATE INDEX interviews_by_person ON interviews(person_id, destination);
)sql";

// Version 4: exchanges, their blocs and rules, parties, claims and release costs
// (store/exchange_tables.h).
constexpr std::string_view kVersion4 = R"sql(
CREATE TABLE exchanges (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  mediator TEXT NOT NULL REFERENCES parties(code),
  max_size INTEGER,
  max_parties INTEGER,
  objective TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE TABLE exchange_blocs (
  exchange_id INTEGER NOT NULL REFERENCES exchanges(id),
  name TEXT NOT NULL,
  rule_kind TEXT NOT NULL,
  ratio TEXT NOT NULL,
  PRIMARY KEY (exchange_id, name)
);
CREATE TABLE exchange_parties (
  exchange_id INTEGER NOT NULL REFERENCES exchanges(id),
  party TEXT NOT NULL REFERENCES parties(code),
  bloc TEXT NOT NULL,
  added_at TEXT NOT NULL,
  PRIMARY KEY (exchange_id, party)
);
CREATE TABLE exchange_claims (
  id INTEGER PRIMARY KEY,
  exchange_id INTEGER NOT NULL REFERENCES exchanges(id),
  person_id INTEGER NOT NULL REFERENCES persons(id),
  claimant TEXT NOT NULL REFERENCES parties(code),
  destination TEXT NOT NULL REFERENCES parties(code),
  value TEXT NOT NULL,
  priority INTEGER NOT NULL,
  unconditional INTEGER NOT NULL,
  claimed_at TEXT NOT NULL,
  claimed_by TEXT NOT NULL
);
CREATE UNIQUE INDEX exchange_claims_by_key
  ON exchange_claims(exchange_id, person_id, claimant, destination);
CREATE TABLE exchange_costs (
  exchange_id INTEGER NOT NULL REFERENCES exchanges(id),
  person_id INTEGER NOT NULL REFERENCES persons(id),
  holder TEXT NOT NULL REFERENCES parties(code),
  cost TEXT NOT NULL,
  set_at TEXT NOT NULL,
  set_by TEXT NOT NULL,
  PRIMARY KEY (exchange_id, person_id, holder)
);
)sql";

// Version 5: parties' signing keys, proposal versions with their transfers or counts,
// responses, overrides, agreement signatures, the exchange's workflow state
// (store/agreement_tables.h).
constexpr std::string_view kVersion5 = R"sql(
CREATE TABLE party_keys (
  party TEXT NOT NULL REFERENCES parties(code),
  key_id TEXT NOT NULL,
  public_key BLOB NOT NULL,
  added_at TEXT NOT NULL,
  added_by TEXT NOT NULL,
  event_seq INTEGER NOT NULL,
  PRIMARY KEY (party, key_id)
);
CREATE TABLE proposal_versions (
  id INTEGER PRIMARY KEY,
  exchange_id INTEGER NOT NULL,
  parent_id INTEGER REFERENCES proposal_versions(id),
  kind TEXT NOT NULL,
  refers_to INTEGER REFERENCES proposal_versions(id),
  source TEXT NOT NULL,
  state TEXT NOT NULL,
  revision INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_party TEXT NOT NULL,
  event_seq INTEGER NOT NULL
);
CREATE INDEX proposal_versions_by_exchange ON proposal_versions(exchange_id);
CREATE INDEX proposal_versions_by_parent ON proposal_versions(parent_id);
CREATE TABLE proposal_transfers (
  version_id INTEGER NOT NULL REFERENCES proposal_versions(id),
  person_id INTEGER NOT NULL REFERENCES persons(id),
  from_party TEXT NOT NULL,
  to_party TEXT NOT NULL,
  beneficiary TEXT NOT NULL,
  unconditional INTEGER NOT NULL,
  PRIMARY KEY (version_id, person_id)
);
CREATE TABLE proposal_counts (
  version_id INTEGER NOT NULL REFERENCES proposal_versions(id),
  from_party TEXT NOT NULL,
  to_party TEXT NOT NULL,
  persons INTEGER NOT NULL,
  PRIMARY KEY (version_id, from_party, to_party)
);
CREATE TABLE proposal_responses (
  version_id INTEGER NOT NULL REFERENCES proposal_versions(id),
  party TEXT NOT NULL REFERENCES parties(code),
  response TEXT NOT NULL,
  reason TEXT NOT NULL,
  responded_at TEXT NOT NULL,
  responded_by TEXT NOT NULL,
  event_seq INTEGER NOT NULL,
  PRIMARY KEY (version_id, party)
);
CREATE TABLE proposal_overrides (
  version_id INTEGER PRIMARY KEY REFERENCES proposal_versions(id),
  justification TEXT NOT NULL,
  blocs TEXT NOT NULL,
  overridden_at TEXT NOT NULL,
  overridden_by TEXT NOT NULL,
  event_seq INTEGER NOT NULL
);
CREATE TABLE agreement_signatures (
  version_id INTEGER NOT NULL REFERENCES proposal_versions(id),
  party TEXT NOT NULL REFERENCES parties(code),
  key_id TEXT NOT NULL,
  signature BLOB NOT NULL,
  manifest_sha256 BLOB NOT NULL,
  added_at TEXT NOT NULL,
  added_by TEXT NOT NULL,
  event_seq INTEGER NOT NULL,
  PRIMARY KEY (version_id, party)
);
CREATE TABLE exchange_workflow (
  exchange_id INTEGER PRIMARY KEY,
  state TEXT NOT NULL,
  agreed_version INTEGER REFERENCES proposal_versions(id),
  reason TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  event_seq INTEGER NOT NULL
);
)sql";

// Version 6: execution: not-travelling outcomes, handovers, the parties' reported counts
// (store/execution_tables.h).
constexpr std::string_view kVersion6 = R"sql(
CREATE TABLE execution_not_travelling (
  exchange_id INTEGER NOT NULL,
  person_id INTEGER NOT NULL REFERENCES persons(id),
  reason TEXT NOT NULL,
  note_sealed BLOB,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorder_party TEXT NOT NULL,
  event_seq INTEGER NOT NULL,
  PRIMARY KEY (exchange_id, person_id)
);
CREATE TABLE execution_handovers (
  exchange_id INTEGER NOT NULL,
  person_id INTEGER NOT NULL REFERENCES persons(id),
  handed_over_at TEXT NOT NULL,
  place TEXT NOT NULL,
  to_party TEXT NOT NULL REFERENCES parties(code),
  witnesses TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorder_party TEXT NOT NULL,
  event_seq INTEGER NOT NULL,
  PRIMARY KEY (exchange_id, person_id)
);
CREATE TABLE execution_reported_counts (
  id INTEGER PRIMARY KEY,
  exchange_id INTEGER NOT NULL,
  party TEXT NOT NULL REFERENCES parties(code),
  from_party TEXT NOT NULL,
  to_party TEXT NOT NULL,
  persons_count INTEGER NOT NULL,
  persons TEXT,
  note TEXT NOT NULL,
  reported_at TEXT NOT NULL,
  reported_by TEXT NOT NULL,
  reporter_party TEXT NOT NULL,
  event_seq INTEGER NOT NULL
);
CREATE INDEX execution_reported_counts_by_exchange ON execution_reported_counts(exchange_id);
)sql";

// Version 7: API tokens for canje serve, as SHA-256 only (store/api_token_tables.h).
constexpr std::string_view kVersion7 = R"sql(
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  user_name TEXT NOT NULL REFERENCES users(name),
  token_sha256 BLOB NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT NOT NULL,
  revoked_by TEXT NOT NULL,
  event_seq INTEGER NOT NULL
);
CREATE INDEX api_tokens_by_user ON api_tokens(user_name);
)sql";

// Version 8: signing in: password hashes, sealed second factors, sessions as SHA-256 only
// (store/sign_in_tables.h).
constexpr std::string_view kVersion8 = R"sql(
CREATE TABLE user_credentials (
  user_name TEXT PRIMARY KEY REFERENCES users(name),
  password_hash TEXT NOT NULL,
  password_set_at TEXT NOT NULL,
  totp_secret_sealed BLOB,
  totp_enrolled_at TEXT NOT NULL,
  totp_last_step INTEGER NOT NULL,
  failed_sign_ins INTEGER NOT NULL,
  last_failure_at TEXT NOT NULL,
  locked_until TEXT NOT NULL
);
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  user_name TEXT NOT NULL REFERENCES users(name),
  token_sha256 BLOB NOT NULL UNIQUE,
  csrf_sha256 BLOB NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  ended_at TEXT NOT NULL,
  ended_by TEXT NOT NULL,
  end_reason TEXT NOT NULL,
  event_seq INTEGER NOT NULL
);
CREATE INDEX sessions_by_user ON sessions(user_name);
)sql";

// Version 9: the log's registered witnesses, cosignatures by witness, each exchange's witness
// policy (store/witness_tables.h).
constexpr std::string_view kVersion9 = R"sql(
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

// Version 10: sealed texts. The clear columns of these values stay empty from now on; the values
// of an older store are sealed when it is opened with its key (store/clear_texts.h,
// instance/sealed_texts.h).
constexpr std::string_view kVersion10 = R"sql(
ALTER TABLE interviews ADD COLUMN outcome_sealed BLOB;
ALTER TABLE execution_not_travelling ADD COLUMN reason_sealed BLOB;
ALTER TABLE legal_holds ADD COLUMN reference_sealed BLOB;
ALTER TABLE legal_holds ADD COLUMN lift_reason_sealed BLOB;
ALTER TABLE legal_acts ADD COLUMN texts_sealed BLOB;
ALTER TABLE proposal_responses ADD COLUMN reason_sealed BLOB;
ALTER TABLE proposal_overrides ADD COLUMN justification_sealed BLOB;
ALTER TABLE execution_handovers ADD COLUMN texts_sealed BLOB;
ALTER TABLE execution_reported_counts ADD COLUMN note_sealed BLOB;
ALTER TABLE exchange_workflow ADD COLUMN reason_sealed BLOB;
)sql";

// Version 11: each `canje link` run that changed the store keeps the model it trained
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

// Schema version 12: the HTTP API's Idempotency-Key (store/idempotency_tables.h). A row is
// written in the same transaction as the change its request made; the answer is added after,
// sealed under the instance's text key. IF NOT EXISTS, as for version 11.
constexpr std::string_view kVersion12 = R"sql(
CREATE TABLE IF NOT EXISTS idempotency_keys (
  user_name TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  request_sha256 BLOB NOT NULL,
  log_size INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  answer_sealed BLOB,
  PRIMARY KEY (user_name, idempotency_key)
);
)sql";

// Version 13: steps of a negotiation recorded after the fact (negotiation/occurred_at.h). Each
// keeps the time it really happened beside the time canje recorded it ('' when it was recorded as
// it happened): an exchange's start, a version's making and tabling, a party's answer. A
// version's tabling time was only in the log before; versions tabled earlier keep '' there.
constexpr std::string_view kVersion13 = R"sql(
ALTER TABLE exchanges ADD COLUMN occurred_at TEXT NOT NULL DEFAULT '';
ALTER TABLE proposal_versions ADD COLUMN occurred_at TEXT NOT NULL DEFAULT '';
ALTER TABLE proposal_versions ADD COLUMN tabled_at TEXT NOT NULL DEFAULT '';
ALTER TABLE proposal_versions ADD COLUMN tabled_occurred_at TEXT NOT NULL DEFAULT '';
ALTER TABLE proposal_responses ADD COLUMN occurred_at TEXT NOT NULL DEFAULT '';
)sql";

// Version 14: the vocabulary of name words (store/name_word_tables.h): each distinct word of a
// person's name or aliases, sealed under the text key, by the keyed hash that person_index holds
// for it.
constexpr std::string_view kVersion14 = R"sql(
CREATE TABLE IF NOT EXISTS name_words (
  hash BLOB PRIMARY KEY,
  sealed BLOB NOT NULL
);
)sql";

// Version 15: why a pair is in the review queue (store/link_tables.h, ReviewQueueRow::reason).
constexpr std::string_view kVersion15 = R"sql(
ALTER TABLE review_queue ADD COLUMN reason TEXT NOT NULL DEFAULT 'review_band';
)sql";

// Version 16: who takes part in an exchange without a side (store/exchange_participant_tables.h):
// its guarantors, who sign the agreement beside the parties, and the observer organisations
// attached to it, who read its execution.
constexpr std::string_view kVersion16 = R"sql(
CREATE TABLE IF NOT EXISTS exchange_participants (
  exchange_id INTEGER NOT NULL REFERENCES exchanges(id),
  role TEXT NOT NULL,
  party TEXT NOT NULL REFERENCES parties(code),
  added_at TEXT NOT NULL,
  added_by TEXT NOT NULL,
  PRIMARY KEY (exchange_id, role, party)
);
)sql";

// Version 17: stages of an executing exchange (store/stage_tables.h): each stage's plan (its
// place and the reason of its last postponement sealed under the text key) and which person is
// in which stage.
// IF NOT EXISTS, as for schema 14: a store taken back to an older schema version by hand (the
// sealed texts' test does) keeps these tables and is migrated again.
constexpr std::string_view kVersion17 = R"sql(
CREATE TABLE IF NOT EXISTS execution_stages (
  exchange_id INTEGER NOT NULL,
  number INTEGER NOT NULL,
  name TEXT NOT NULL,
  planned_on TEXT NOT NULL,
  state TEXT NOT NULL,
  postponements INTEGER NOT NULL,
  started_at TEXT NOT NULL,
  completed_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  event_seq INTEGER NOT NULL,
  texts_sealed BLOB,
  PRIMARY KEY (exchange_id, number)
);
CREATE TABLE IF NOT EXISTS execution_stage_persons (
  exchange_id INTEGER NOT NULL,
  person_id INTEGER NOT NULL REFERENCES persons(id),
  stage INTEGER NOT NULL,
  PRIMARY KEY (exchange_id, person_id)
);
)sql";

// Schema 18: a party's count of one stage of a staged exchange (0: of the whole exchange).
constexpr std::string_view kVersion18 = R"sql(
ALTER TABLE execution_reported_counts ADD COLUMN stage INTEGER NOT NULL DEFAULT 0;
)sql";

// Schema 19: how close each claimed or documented record left off its holder's roster came to
// that roster at the latest `canje link` (store/orphan_tables.h): the closest roster record's
// probability as decimal text (NULL: no roster record to compare, or the search skipped), never
// that record's id. IF NOT EXISTS, as for schema 17.
constexpr std::string_view kVersion19 = R"sql(
CREATE TABLE IF NOT EXISTS orphan_closeness (
  record_id INTEGER PRIMARY KEY REFERENCES list_records(id),
  probability TEXT,
  search_skipped INTEGER NOT NULL
);
)sql";

// Version 20: the look-up hashes indexed with their person (store.h, PersonsByIndexHash), so
// that the persons holding a hash are read from the index alone, in order: at 10,000,000
// persons a common name word's few hundred thousand holders were each looked up in the table,
// a random read apiece. The index on the hash alone becomes redundant.
constexpr std::string_view kVersion20 = R"sql(
CREATE INDEX IF NOT EXISTS person_index_by_hash_and_person ON person_index(hash, person_id);
DROP INDEX IF EXISTS person_index_by_hash;
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
       kVersion3},
      {4, "exchanges: blocs and rules, parties, caps, claims, release costs", kVersion4},
      {5, "agreement: signing keys, proposal versions, responses, overrides, signatures, "
          "exchange workflow", kVersion5},
      {6, "execution: not-travelling outcomes, handovers, parties' reported counts",
       kVersion6},
      {7, "API tokens (SHA-256 only) for canje serve", kVersion7},
      {8, "signing in: password hashes, sealed second factors, sessions (SHA-256 only)",
       kVersion8},
      {9, "witnesses: the log's registered witnesses, cosignatures by witness, each exchange's "
          "witness policy", kVersion9},
      {10, "sealed texts: interview outcomes and not-travelling reasons under the person's key, "
           "free texts (reasons, justifications, places, witnesses, references, notes) under "
           "the instance's text key; existing values are sealed when the store is opened with "
           "its key", kVersion10},
      {11, "linkage models: each changing `canje link` run's m and u, prior, settings and data "
           "fingerprint; its name counts sealed under the text key", kVersion11},
      {12, "idempotency keys: each key an API client sent with a change, the request's SHA-256, "
           "and the answer, sealed under the text key", kVersion12},
      {13, "after the fact: the time an exchange's start, a version's making and tabling and a "
           "party's answer really happened, beside the time they were recorded", kVersion13},
      {14, "name words: the words of persons' names and aliases sealed under the text key, "
           "by their keyed hash, for name searches answered from person_index; existing "
           "persons' words are indexed by `canje person index-names`", kVersion14},
      {15, "the review queue says why each pair is in it: the review band, a link the roster "
           "guard cut, or the closest roster record of a person on no roster", kVersion15},
      {16, "exchange participants: each exchange's guarantors, who sign its agreement, and the "
           "observer organisations attached to it, who read its execution", kVersion16},
      {17, "stages of an executing exchange: each stage's plan (place and postponement reason "
           "sealed under the text key), state, and which person of the agreed version is in it",
       kVersion17},
      {18, "a party's count of one stage: reported counts name the stage they count (0: the "
           "whole exchange)", kVersion18},
      {19, "how sure \"not on roster\" is: for each record the latest `canje link` left off its "
           "holder's roster, the probability of the closest roster record (not which one)",
       kVersion19},
      {20, "the look-up hashes indexed with their person, so a search reads the index alone",
       kVersion20},
  };
  return kMigrations;
}

int LatestSchemaVersion() { return AllMigrations().back().version; }

Result<int> ReadSchemaVersion(SqlConnection& connection) {
  CANJE_ASSIGN_OR_RETURN(
      auto tables,
      QueryOne<int64_t>(connection,
                        connection.dialect() == SqlConnection::Dialect::kSqlite
                            ? "SELECT count(*) FROM sqlite_master WHERE name='meta'"
                            : "SELECT count(*) FROM information_schema.tables "
                              "WHERE table_name='meta' AND table_schema=current_schema()",
                        NoBind(), [](const SqlStatement& row) { return row.Int(0); }));
  if (!tables || *tables == 0) return 0;
  CANJE_ASSIGN_OR_RETURN(
      auto version,
      QueryOne<std::string>(connection, "SELECT value FROM meta WHERE name='schema_version'",
                            NoBind(), [](const SqlStatement& row) { return row.Text(0); }));
  if (!version) return Status::Invalid("the database has no schema version: not a canje store");
  return std::stoi(*version);
}

namespace {

// The migrations this store lacks, and on PostgreSQL the statistics turned off, inside the write
// transaction ApplyMigrations begins and ends.
Status ApplyMissingMigrations(SqlConnection& connection) {
  CANJE_ASSIGN_OR_RETURN(int current, ReadSchemaVersion(connection));
  if (current > LatestSchemaVersion()) {
    return Status::Invalid("this store has schema version " + std::to_string(current) +
                           ", newer than this canje (" + std::to_string(LatestSchemaVersion()) +
                           "); upgrade canje before opening it");
  }
  for (const Migration& migration : AllMigrations()) {
    if (migration.version <= current) continue;
    Status status = connection.Execute(Translate(migration.sql, connection.dialect()));
    if (status.ok()) {
      status = Execute(connection,
                       "INSERT INTO meta(name, value) VALUES('schema_version', ?) "
                       "ON CONFLICT(name) DO UPDATE SET value=excluded.value",
                       Params(std::to_string(migration.version)));
    }
    if (!status.ok()) return status.WithContext("migration " + std::to_string(migration.version));
  }
  if (connection.dialect() == SqlConnection::Dialect::kPostgres) {
    Status status = connection.Execute(kNoStatisticsOnBytes);
    if (!status.ok()) return status.WithContext("turning off statistics on byte columns");
  }
  return Status::Ok();
}

}  // namespace

Status ApplyMigrations(SqlConnection& connection) {
  CANJE_RETURN_IF_ERROR(connection.BeginWrite());
  return connection.EndTransaction(ApplyMissingMigrations(connection));
}

}  // namespace canje::store
