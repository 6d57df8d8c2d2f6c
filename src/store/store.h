// The Store: every durable fact of a canje instance, behind one interface.
//
// Reads are methods of Store. Changes are only possible inside Store::Write, whose transaction
// object offers the mutations and the event log: a change commits only if it appended at least
// one event, and it lands in the same database transaction as the change (docs/principles.md,
// principle 1). Nothing here encrypts or decrypts: callers pass sealed bytes (protect/vault.h).
//
// The SQL lives in store/*.cc and speaks to a backend through SqlConnection; SQLite is the
// embedded default. A Store is used by one thread at a time.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/encoding.h"
#include "core/status.h"
#include "ledger/merkle_tree.h"
#include "store/sql_connection.h"

namespace canje::store {

// Who is acting: recorded on every event.
struct Actor {
  std::string user;
  std::string party;
  std::string role;
};

struct PartyRow {
  std::string code;
  std::string name;
  std::string kind;  // state, intermediary, organisation
  std::string created_at;
};

struct UserRow {
  std::string name;
  std::string party;
  std::string role;
  std::string created_at;
};

// An event as the caller proposes it; the store adds sequence number, time and actor.
struct EventDraft {
  std::string type;                   // "party.added", "list.imported", ...
  std::vector<std::string> subjects;  // ids the event is about: "P17", "L3", "VEN"
  // Ids the event is about that neither its row nor its leaf may show (a sealed personal
  // assessment, instance/sealed_events.h): kept only in the subject index, so that erasing a
  // person reaches the event.
  std::vector<std::string> private_subjects;
};

// An event payload as the store keeps it: sealed under its own data key, with the salted hash
// that the log commits to.
struct SealedPayload {
  Bytes sha256;       // SHA-256(salt || payload text)
  Bytes salt;         // 32 random bytes
  Bytes wrapped_key;  // the payload's data key, wrapped by the master key
  Bytes sealed;       // the payload text, sealed under that data key
};

struct EventRow {
  int64_t seq = 0;  // 0-based position in the log
  std::string time;
  std::string actor;
  std::string party;
  std::string type;
  std::vector<std::string> subjects;
  Bytes payload_sha256;  // SHA-256(salt || payload)
  Bytes salt;            // empty once erased
  Bytes payload_key;     // wrapped; empty once erased
  Bytes payload;         // sealed; empty once erased
};

struct ListRow {
  int64_t id = 0;
  std::string kind;
  std::string source;
  std::string party;
  std::string file_name;
  std::string file_sha256;
  std::string format;   // csv or json
  std::string columns;  // CSV: the header names as a JSON array (raw rows hold values only)
  std::string imported_at;
  std::string imported_by;
  int64_t record_count = 0;
  int64_t rejected_count = 0;
  int64_t event_seq = 0;
};

struct PersonRow {
  int64_t id = 0;
  std::string created_at;
  std::string sex;
  std::string nationalities;  // '|'-joined ISO alpha-3 codes
  std::string categories;     // '|'-joined canonical category names
  Bytes data_key;             // wrapped; empty once erased
  Bytes sealed;               // sealed personal fields; empty once erased
  std::string erased_at;      // empty unless erased
  std::string erasure_reason;
  int64_t merged_into = 0;  // reconciliation: the person this one was found to be (0: none)
};

struct CustodyRow {
  int64_t id = 0;
  int64_t person_id = 0;
  std::string holder;
  std::string facility;
  std::string since;
  std::string legal_basis;
  std::string charge_status;  // none, pending, convicted, dropped, unknown
  std::optional<bool> evidence_disclosed;
  std::string status;  // held, released, dead, unknown, unspecified
  int64_t list_id = 0;
  int64_t record_id = 0;
};

struct RecordRow {
  int64_t id = 0;
  int64_t list_id = 0;
  int64_t line = 0;
  int64_t person_id = 0;  // 0 when not linked
  std::string reported_status;
  std::string holder;
  Bytes data_key;     // wrapped; empty once erased
  Bytes sealed;       // the record as it came (sealed); empty once erased
  Bytes salt;         // for record_hash; empty once erased
  Bytes record_hash;  // SHA-256(salt || canonical record)
  // The person created for this record at import; person_id is the person it is linked to
  // (its own, or the representative of its cluster after `canje link`). 0 for records imported
  // before schema version 2, which take no part in reconciliation.
  int64_t own_person_id = 0;
  Bytes fingerprint;  // keyed hash of the parsed record (review decisions); empty once erased
};

// Filters of Store::ForEachPerson. Empty fields do not filter. Persons merged into another by
// reconciliation (PersonRow::merged_into) are visited only with include_merged: otherwise their
// representative stands for them.
struct PersonFilter {
  std::string holder;
  std::string category;
  std::string nationality;
  std::string status;
  int64_t list_id = 0;
  int64_t person_id = 0;  // just this person
  std::vector<int64_t> person_ids;  // just these persons (none: no such filter)
  int64_t limit = 0;      // at most this many (0: all)
  // Need to know (instance/need_to_know.h): when set, only the persons this party may read.
  std::string visible_to_party;
  // With visible_to_party: whether a list the party submitted counts (ground (b)). Off, only
  // custody and agreement count: the grounds on which it reads other parties' records.
  bool visible_through_own_lists = true;
  // With visible_through_own_lists: the roles whose "same" in review confirms a record's link
  // (instance/need_to_know.h decides which; none: only a record that made the person counts).
  std::vector<std::string> confirming_roles;
  // With visible_to_party: also the persons of the agreed version of every exchange this party
  // is attached to as an observer organisation (ground (d); instance/need_to_know.h decides for
  // whom).
  bool visible_as_observer = false;
  bool include_merged = false;  // also persons merged into another (reconciliation reads them)
};

// One person with their custody rows, as ForEachPerson yields them.
struct PersonView {
  PersonRow person;
  std::vector<CustodyRow> custody;
};

// A signed checkpoint of the log (C2SP signed note) at a tree size.
struct CheckpointRow {
  int64_t size = 0;
  Bytes root;
  std::string note;  // exactly as signed
  std::string signed_at;
};

struct CosignatureRow {
  int64_t size = 0;
  std::string key_name;
  std::string line;  // one signature line with its newline
  std::string added_at;
};

struct ListCounts {
  int64_t persons = 0;
  int64_t erased = 0;
};

class WriteTransaction;
class CachedHashReader;

struct StoreLocation {
  std::string database;  // a file path (SQLite)
  bool create = false;   // canje init only
};

class Store {
 public:
  // Opens an existing store (kNotFound when absent), applying any pending migration; refuses a
  // store newer than this binary. With `create`, makes a new empty one (kConflict if it exists).
  static Result<std::unique_ptr<Store>> Open(const StoreLocation& location);
  ~Store();

  // Runs `change` in one write transaction as `actor`. Commits only if `change` returned ok and
  // appended at least one event; otherwise rolls everything back. Returns `change`'s status.
  Status Write(const Actor& actor, const std::function<Status(WriteTransaction&)>& change);
  // A data migration that changes how values are kept, not what they are (schema 10's sealing
  // of clear texts, which needs the master key and so cannot be SQL: store/clear_texts.h). Runs
  // in one write transaction like Write, but appends no event: like a schema migration, it is
  // not a fact of the negotiation.
  Status MigrateData(const std::function<Status(WriteTransaction&)>& change);
  // Runs `read` in one read transaction: its reads see one snapshot, and take the database's
  // locks once (SQLite: the write-ahead log's read lock) rather than once per statement. Inside
  // a transaction this store has open already (Write, MigrateData, or another Read), runs `read`
  // in that one: it neither begins a second transaction nor ends the open one (a transaction
  // begun on connection() directly is not known to it: do not call Read inside one). Returns
  // `read`'s status, else the error of beginning or ending the transaction.
  Status Read(const std::function<Status()>& read);

  Result<std::optional<Bytes>> Meta(std::string_view name);
  // The meta value `name` as text; "" when it is absent. A store that cannot be read (a database
  // gone away mid-command) is an error, never an empty value a caller would take for absent.
  Result<std::string> MetaText(std::string_view name);
  Result<std::vector<PartyRow>> Parties();
  Result<std::optional<PartyRow>> FindParty(std::string_view code);
  Result<std::vector<UserRow>> Users();
  Result<std::optional<UserRow>> FindUser(std::string_view name);
  Result<std::vector<ListRow>> Lists();
  Result<std::optional<ListRow>> FindList(int64_t id);
  Result<std::optional<ListRow>> FindListByFile(std::string_view sha256, std::string_view source);
  Result<std::optional<PersonView>> FindPerson(int64_t id);
  // Calls `visit` for every person matching `filter`, in id order; stops early on an error.
  Status ForEachPerson(const PersonFilter& filter,
                       const std::function<Status(const PersonView&)>& visit);
  Result<std::vector<RecordRow>> RecordsOfPerson(int64_t person_id);
  // Whether record `record_id`'s link to its person was confirmed in review: the latest
  // decision on a pair of it and the record its person was made from says "the same", taken by
  // a user of one of `confirming_roles` (instance/need_to_know.h, ground (b)).
  Result<bool> IsLinkConfirmed(int64_t record_id, const std::vector<std::string>& confirming_roles);
  Status ForEachRecord(int64_t list_id, const std::function<Status(const RecordRow&)>& visit);
  Result<std::vector<int64_t>> PersonsByIndexHash(ByteView hash);
  // The log's size: the next sequence number (max(seq) + 1, read from the primary key in
  // O(log n); sequence numbers are dense, which `canje log verify` checks).
  Result<int64_t> EventCount();
  Result<std::vector<EventRow>> Events(int64_t from, int64_t limit);
  Status ForEachEvent(const std::function<Status(const EventRow&)>& visit);

  // The transparency log's tree over the events (reads stored hashes only).
  Result<ledger::Hash> TreeRoot(int64_t size);
  Result<std::vector<ledger::Hash>> ProveInclusion(int64_t index, int64_t size);
  Result<std::vector<ledger::Hash>> ProveConsistency(int64_t old_size, int64_t new_size);
  // Every stored hash in index order, for verification.
  Status ForEachStoredHash(const std::function<Status(int64_t index, ByteView hash)>& visit);
  Result<std::optional<CheckpointRow>> LatestCheckpoint();
  Result<std::optional<CheckpointRow>> CheckpointAt(int64_t size);
  Result<std::vector<CheckpointRow>> Checkpoints();
  Result<std::vector<CosignatureRow>> Cosignatures(int64_t size);

  SqlConnection& connection() { return *connection_; }

 private:
  // Ends the write transaction begun for `transaction`: commits when `status` is ok, else rolls
  // back and returns `status`.
  Status Finish(WriteTransaction& transaction, const Status& status);
  explicit Store(std::unique_ptr<SqlConnection> connection);
  std::unique_ptr<SqlConnection> connection_;
  // Whether Write, MigrateData or Read has a transaction open on connection_ (Read joins it).
  bool in_transaction_ = false;
  friend class WriteTransaction;
};

// The only way to change a store. Obtained from Store::Write; valid during the callback only.
class WriteTransaction {
 public:
  ~WriteTransaction();
  const Actor& actor() const { return actor_; }
  const std::string& now() const { return now_; }
  // The store, for reads inside the transaction.
  Store& store() { return store_; }

  // Appends an event to the log in this transaction: the event row, and the Merkle hashes that
  // its leaf (ledger/event_envelope.h) completes. Returns its sequence number.
  Result<int64_t> AppendEvent(const EventDraft& event, const SealedPayload& payload);
  int64_t events_appended() const { return events_appended_; }
  // The log's size and root as this transaction leaves them.
  Result<int64_t> TreeSize();
  Result<ledger::Hash> TreeRoot();
  // Stores a signed checkpoint; kConflict if one exists at that size already (two different
  // trees of the same size are never signed).
  Status AddCheckpoint(int64_t size, const ledger::Hash& root, std::string_view note);
  // Stores (or replaces) a witness's cosignature line for the checkpoint at `size`.
  Status AddCosignature(int64_t size, std::string_view key_name, std::string_view line);

  Status SetMeta(std::string_view name, ByteView value);
  Status AddParty(const PartyRow& party);
  Status AddUser(const UserRow& user);
  Result<int64_t> AddList(const ListRow& list);  // returns the new list id
  Status SetListCounts(int64_t list_id, int64_t record_count, int64_t rejected_count,
                       int64_t event_seq);
  // Ids for new persons and records, allocated before the row is written so that sealed data
  // can be bound to its row. Safe because the transaction holds the write lock.
  Result<int64_t> AllocatePersonId();
  Result<int64_t> AllocateRecordId();
  // The row's id must come from the matching Allocate call.
  Status AddPerson(const PersonRow& person);
  Status AddRecord(const RecordRow& record);
  Status LinkRecord(int64_t record_id, int64_t person_id);
  Result<int64_t> AddCustody(const CustodyRow& custody);
  Status AddIndexEntry(ByteView hash, int64_t person_id);
  // Adds a word of the vocabulary of name words (store/name_word_tables.h) under its keyed
  // hash; a hash already there is left as it is.
  Status AddNameWord(ByteView hash, ByteView sealed);

  // Erasure: destroys the person's wrapped key and sealed fields, those of every list record
  // linked to them, their look-up hashes, and the payloads and salts of every event whose
  // subjects include `subject` (their salted hashes stay, so the log still verifies), and every
  // answer kept for the API's retries (store/idempotency_tables.h). Returns
  // the number of records and events whose secrets were destroyed.
  struct ErasureCounts {
    int64_t records = 0;
    int64_t events = 0;
  };
  Result<ErasureCounts> ErasePerson(int64_t person_id, std::string_view subject,
                                    std::string_view reason);

  // Key rotation: every wrapped key in the store, and the setter that replaces one.
  struct WrappedKeyRow {
    std::string table;  // persons, list_records, events, meta
    int64_t id = 0;     // row id (events: seq; meta: 0)
    std::string name;   // meta: the entry's name (index_key, log_signer, text_key)
    Bytes wrapped;
  };
  Status ForEachWrappedKey(const std::function<Status(const WrappedKeyRow&)>& visit);
  Status ReplaceWrappedKey(const WrappedKeyRow& row, ByteView rewrapped);

 private:
  friend class Store;
  WriteTransaction(Store& store, const Actor& actor, std::string now);
  Result<SqlStatement*> Cached(int slot, std::string_view sql);
  // The bulk insert (SqlConnection::PrepareBulkInsert) of an import's table: persons, list
  // records, custody rows, look-up hashes, name words.
  Result<SqlStatement*> Bulk(int slot);
  Result<int64_t> NextId(std::string_view table, int64_t& next);

  Store& store_;
  Actor actor_;
  std::string now_;
  int64_t events_appended_ = 0;
  int64_t next_seq_ = -1;
  int64_t next_person_id_ = -1;
  int64_t next_record_id_ = -1;
  int64_t next_custody_id_ = -1;
  std::vector<std::unique_ptr<SqlStatement>> statements_;
  // The log's hashes this transaction stored or read: appends read the database only once.
  std::unique_ptr<CachedHashReader> hashes_;
};

}  // namespace canje::store
