#include "store/store.h"

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "ledger/event_envelope.h"
#include "store/migrations.h"
#include "store/postgres/postgres_connection.h"
#include "store/row_mapping.h"
#include "store/sql_hash_reader.h"
#include "store/sql_query.h"
#include "store/sqlite/sqlite_connection.h"

namespace canje::store {
namespace {

std::string JoinSubjects(const std::vector<std::string>& subjects) {
  return nlohmann::json(subjects).dump();
}

std::vector<std::string> SplitSubjects(const std::string& text) {
  return nlohmann::json::parse(text).get<std::vector<std::string>>();
}

// The foundation's tables (schema 1), described once (row_mapping.h).
const RowTable<PartyRow> kPartyTable{"parties",
                                     {
                                         Column("code", &PartyRow::code),
                                         Column("name", &PartyRow::name),
                                         Column("kind", &PartyRow::kind),
                                         Column("created_at", &PartyRow::created_at).InsertNow(),
                                     }};

const RowTable<UserRow> kUserTable{"users",
                                   {
                                       Column("name", &UserRow::name),
                                       Column("party", &UserRow::party),
                                       Column("role", &UserRow::role),
                                       Column("created_at", &UserRow::created_at).InsertNow(),
                                   }};

const RowTable<ListRow> kListTable{
    "lists",
    {
        Column("id", &ListRow::id),
        Column("kind", &ListRow::kind),
        Column("source", &ListRow::source),
        Column("party", &ListRow::party),
        Column("file_name", &ListRow::file_name),
        Column("file_sha256", &ListRow::file_sha256),
        Column("format", &ListRow::format),
        Column("columns", &ListRow::columns),
        WrittenAtBy("imported", &ListRow::imported_at, &ListRow::imported_by),
        Column("record_count", &ListRow::record_count),
        Column("rejected_count", &ListRow::rejected_count),
        Column("event_seq", &ListRow::event_seq),
    }};

// A person's erasure and merge are set by UPDATEs (ErasePerson, the linker), never inserted.
const RowTable<PersonRow> kPersonTable{
    "persons",
    {
        Column("id", &PersonRow::id),
        Column("created_at", &PersonRow::created_at).InsertNow(),
        Column("sex", &PersonRow::sex),
        Column("nationalities", &PersonRow::nationalities),
        Column("categories", &PersonRow::categories),
        Sealed("data_key", &PersonRow::data_key),
        Sealed("sealed", &PersonRow::sealed),
        Column("erased_at", &PersonRow::erased_at).NotInserted(),
        Column("erasure_reason", &PersonRow::erasure_reason).NotInserted(),
        Column("merged_into", &PersonRow::merged_into).NotInserted(),
    }};

// person_id second: ForEachPerson walks custody rows in person order beside the persons.
const RowTable<CustodyRow> kCustodyTable{
    "custody",
    {
        Column("id", &CustodyRow::id),
        Column("person_id", &CustodyRow::person_id),
        Column("holder", &CustodyRow::holder),
        Column("facility", &CustodyRow::facility),
        Column("since", &CustodyRow::since),
        Column("legal_basis", &CustodyRow::legal_basis),
        Column("charge_status", &CustodyRow::charge_status),
        Column("evidence_disclosed", &CustodyRow::evidence_disclosed),
        Column("status", &CustodyRow::status),
        IdOrNull("list_id", &CustodyRow::list_id),
        IdOrNull("record_id", &CustodyRow::record_id),
    }};

// Erased records keep their row without their data key, sealed record, salt and fingerprint.
const RowTable<RecordRow> kRecordTable{
    "list_records",
    {
        Column("id", &RecordRow::id),
        Column("list_id", &RecordRow::list_id),
        Column("line", &RecordRow::line),
        IdOrNull("person_id", &RecordRow::person_id),
        Column("reported_status", &RecordRow::reported_status),
        Column("holder", &RecordRow::holder),
        Sealed("data_key", &RecordRow::data_key),
        Sealed("sealed", &RecordRow::sealed),
        Sealed("salt", &RecordRow::salt),
        Column("record_hash", &RecordRow::record_hash),
        IdOrNull("own_person_id", &RecordRow::own_person_id),
        Sealed("fingerprint", &RecordRow::fingerprint),
    }};

constexpr std::string_view kEventColumns =
    "seq, time, actor, party, type, subjects, payload_sha256, salt, payload_key, payload";
EventRow ReadEvent(const SqlStatement& row) {
  return EventRow{
      row.Int(0),  row.Text(1), row.Text(2), row.Text(3), row.Text(4), SplitSubjects(row.Text(5)),
      row.Blob(6), row.Blob(7), row.Blob(8), row.Blob(9)};
}

}  // namespace

Store::Store(std::unique_ptr<SqlConnection> connection) : connection_(std::move(connection)) {}
Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::Open(const StoreLocation& location) {
  std::unique_ptr<SqlConnection> connection;
  std::string where = location.database;
  if (IsPostgresUrl(location.database)) {
    where = RedactedUrl(location.database);
    CANJE_ASSIGN_OR_RETURN(connection, PostgresConnection::Open({location.database}));
  } else {
    if (location.create && std::filesystem::exists(location.database)) {
      return Status::Conflict("a store already exists at " + location.database +
                              "; choose another path with --db, or remove it first");
    }
    CANJE_ASSIGN_OR_RETURN(connection,
                           SqliteConnection::Open({location.database, location.create}));
  }
  CANJE_ASSIGN_OR_RETURN(int version, ReadSchemaVersion(*connection));
  const bool on_postgres = connection->dialect() == SqlConnection::Dialect::kPostgres;
  if (version == 0 && !location.create && on_postgres) {
    return Status::NotFound("no canje store in the PostgreSQL database at " + where +
                            ": create one with `canje init --db URL`, or give another database "
                            "with --db or CANJE_DB");
  }
  if (version == 0 && !location.create) {
    return Status::Invalid(where +
                           " is not a canje store (no schema); create one with "
                           "`canje init`");
  }
  if (version != 0 && location.create) {
    // A database server's database exists before canje does: it is taken only while it holds
    // no instance (a schema left by an init that failed half-way is reused).
    Store probe(std::move(connection));
    CANJE_ASSIGN_OR_RETURN(auto instance_id, probe.Meta("instance_id"));
    if (instance_id) {
      return Status::Conflict("a store already exists at " + where +
                              "; choose another database with --db, or drop it first");
    }
    connection = std::move(probe.connection_);
  }
  if (version != LatestSchemaVersion()) CANJE_RETURN_IF_ERROR(ApplyMigrations(*connection));
  return std::unique_ptr<Store>(new Store(std::move(connection)));
}

namespace {

// Marks a store's transaction open for as long as it lives (Store::in_transaction_).
class TransactionOpen {
 public:
  explicit TransactionOpen(bool& open) : open_(open) { open_ = true; }
  ~TransactionOpen() { open_ = false; }
  TransactionOpen(const TransactionOpen&) = delete;
  TransactionOpen& operator=(const TransactionOpen&) = delete;

 private:
  bool& open_;
};

}  // namespace

Status Store::Finish(WriteTransaction& transaction, const Status& status) {
  transaction.statements_.clear();
  return connection_->EndTransaction(status);
}

Status Store::Read(const std::function<Status()>& read) {
  if (in_transaction_) return read();
  CANJE_RETURN_IF_ERROR(connection_->BeginRead());
  Status status = [&] {
    TransactionOpen open(in_transaction_);
    return read();
  }();
  return connection_->EndTransaction(status);
}

Status Store::MigrateData(const std::function<Status(WriteTransaction&)>& change) {
  CANJE_RETURN_IF_ERROR(connection_->BeginWrite());
  TransactionOpen open(in_transaction_);
  WriteTransaction transaction(*this, Actor{"canje", "", "migration"}, NowRfc3339());
  Status status = change(transaction);
  if (status.ok() && transaction.events_appended() != 0) {
    status = Status::Internal("a data migration appended an event; nothing was written");
  }
  return Finish(transaction, status);
}

Status Store::Write(const Actor& actor, const std::function<Status(WriteTransaction&)>& change) {
  CANJE_RETURN_IF_ERROR(connection_->BeginWrite());
  TransactionOpen open(in_transaction_);
  WriteTransaction transaction(*this, actor, NowRfc3339());
  Status status = change(transaction);
  if (status.ok() && transaction.events_appended() == 0) {
    status = Status::Internal("a change was attempted without an event; nothing was written");
  }
  return Finish(transaction, status);
}

Result<std::string> Store::MetaText(std::string_view name) {
  CANJE_ASSIGN_OR_RETURN(std::optional<Bytes> value, Meta(name));
  if (!value) return std::string();
  return std::string(AsText(*value));
}

Result<std::optional<Bytes>> Store::Meta(std::string_view name) {
  return QueryOne<Bytes>(
      *connection_, "SELECT value FROM meta WHERE name = ?",
      Params(name),
      [](const SqlStatement& row) { return row.Blob(0); });
}

Result<std::vector<PartyRow>> Store::Parties() {
  return SelectRows(*connection_, kPartyTable, "ORDER BY code", NoBind());
}

Result<std::optional<PartyRow>> Store::FindParty(std::string_view code) {
  return SelectRow(*connection_, kPartyTable, "WHERE code = ?", Params(code));
}

Result<std::vector<UserRow>> Store::Users() {
  return SelectRows(*connection_, kUserTable, "ORDER BY name", NoBind());
}

Result<std::optional<UserRow>> Store::FindUser(std::string_view name) {
  return SelectRow(*connection_, kUserTable, "WHERE name = ?", Params(name));
}

Result<std::vector<ListRow>> Store::Lists() {
  return SelectRows(*connection_, kListTable, "ORDER BY id", NoBind());
}

Result<std::optional<ListRow>> Store::FindList(int64_t id) {
  return SelectRow(*connection_, kListTable, "WHERE id = ?", Params(id));
}

Result<std::optional<ListRow>> Store::FindListByFile(std::string_view sha256,
                                                     std::string_view source) {
  return SelectRow(*connection_, kListTable, "WHERE file_sha256 = ? AND source = ?",
                   Params(sha256, source));
}

Result<std::optional<PersonView>> Store::FindPerson(int64_t id) {
  std::optional<PersonView> found;
  PersonFilter filter;
  CANJE_RETURN_IF_ERROR(Query(
      *connection_, "SELECT " + kPersonTable.Columns("p") + " FROM persons p WHERE p.id = ?",
      Params(id),
      [&](const SqlStatement& row) {
        found = PersonView{kPersonTable.Read(row), {}};
        return Status::Ok();
      }));
  if (!found) return found;
  CANJE_ASSIGN_OR_RETURN(found->custody, SelectRows(*connection_, kCustodyTable,
                                                     "WHERE person_id = ? ORDER BY id", Params(id)));
  return found;
}

namespace {

// A confirmed link of record `r` to the person it is linked to (r.person_id): the latest review
// decision on a pair of r and the record that person was made from (its own record) says "the
// same", and was taken by a user of one of `roles` roles (bound after the placeholders before
// it). A correlated subquery, but evaluated only for records merged into another record's person.
std::string ConfirmedLinkOfRecord(size_t roles) {
  std::string placeholders;
  for (size_t i = 0; i < roles; ++i) placeholders += i == 0 ? "?" : ", ?";
  return "SELECT 1 FROM list_records x JOIN review_decisions d"
         " ON (d.left_fingerprint = r.fingerprint AND d.right_fingerprint = x.fingerprint)"
         " OR (d.right_fingerprint = r.fingerprint AND d.left_fingerprint = x.fingerprint)"
         " JOIN users u ON u.name = d.decided_by"
         " WHERE x.own_person_id = r.person_id AND d.same = 1 AND u.role IN (" +
         placeholders +
         ") AND NOT EXISTS (SELECT 1 FROM review_decisions n WHERE n.id > d.id"
         " AND ((n.left_fingerprint = d.left_fingerprint"
         " AND n.right_fingerprint = d.right_fingerprint)"
         " OR (n.left_fingerprint = d.right_fingerprint"
         " AND n.right_fingerprint = d.left_fingerprint)))";
}

}  // namespace

Status Store::ForEachPerson(const PersonFilter& filter,
                            const std::function<Status(const PersonView&)>& visit) {
  // Persons and their custody rows are read in two merged streams ordered by person id, so
  // memory stays bounded whatever the size of the store.
  std::string conditions = filter.include_merged ? " WHERE 1=1" : " WHERE p.merged_into IS NULL";
  std::vector<std::string> texts;
  if (!filter.category.empty()) {
    conditions += " AND ('|' || p.categories || '|') LIKE ?";
    texts.push_back("%|" + filter.category + "|%");
  }
  if (!filter.nationality.empty()) {
    conditions += " AND ('|' || p.nationalities || '|') LIKE ?";
    texts.push_back("%|" + filter.nationality + "|%");
  }
  std::string custody_conditions;
  if (!filter.holder.empty()) {
    custody_conditions += " AND c.holder = ?";
    texts.push_back(filter.holder);
  }
  if (!filter.status.empty()) {
    custody_conditions += " AND c.status = ?";
    texts.push_back(filter.status);
  }
  // Filters on other tables are IN (subquery), evaluated once, rather than correlated EXISTS,
  // which SQLite may plan through the wrong index (quadratic on a large roster).
  if (!custody_conditions.empty()) {
    conditions +=
        " AND p.id IN (SELECT c.person_id FROM custody c WHERE 1=1" + custody_conditions + ")";
  }
  if (filter.list_id != 0) {
    conditions += " AND p.id IN (SELECT r.person_id FROM list_records r WHERE r.list_id = " +
                  std::to_string(filter.list_id) + ")";
  }
  if (filter.person_id != 0) conditions += " AND p.id = " + std::to_string(filter.person_id);
  // Only some persons: their custody rows alone are read, not the table's from the start.
  std::string custody_of;
  if (filter.person_id != 0) custody_of = "WHERE person_id = " + std::to_string(filter.person_id);
  if (!filter.person_ids.empty()) {
    std::string ids;
    for (int64_t id : filter.person_ids) ids += (ids.empty() ? "" : ",") + std::to_string(id);
    conditions += " AND p.id IN (" + ids + ")";
    custody_of += (custody_of.empty() ? "WHERE" : " AND") + (" person_id IN (" + ids + ")");
  }
  if (!filter.visible_to_party.empty()) {
    // The need-to-know rule of instance/need_to_know.h: held by the party; on a list it
    // submitted, through a record that made the person or whose link a mediator confirmed (not
    // through an automatic merge); or, by agreement, in an exchange's agreed version that it
    // accepted, transferred to it or claimed by it (a claim on a person merged since counts for
    // the representative); or, for an observer organisation, in the agreed version of an
    // exchange it is attached to.
    conditions += " AND (p.id IN (SELECT c.person_id FROM custody c WHERE c.holder = ?)";
    texts.push_back(filter.visible_to_party);
    if (filter.visible_through_own_lists) {
      conditions +=
          " OR p.id IN (SELECT r.person_id FROM list_records r JOIN lists l ON l.id = r.list_id"
          " WHERE l.party = ? AND (r.own_person_id = r.person_id";
      texts.push_back(filter.visible_to_party);
      if (!filter.confirming_roles.empty()) {
        conditions +=
            " OR EXISTS (" + ConfirmedLinkOfRecord(filter.confirming_roles.size()) + ")";
        texts.insert(texts.end(), filter.confirming_roles.begin(), filter.confirming_roles.end());
      }
      conditions += "))";
    }
    conditions +=
        " OR p.id IN (SELECT t.person_id FROM exchange_workflow w"
        " JOIN proposal_transfers t ON t.version_id = w.agreed_version"
        " JOIN proposal_responses a ON a.version_id = w.agreed_version"
        " AND a.party = ? AND a.response = 'accepted'"
        " WHERE t.to_party = ? OR t.person_id IN (SELECT COALESCE(m.merged_into, m.id)"
        " FROM exchange_claims k JOIN persons m ON m.id = k.person_id"
        " WHERE k.exchange_id = w.exchange_id AND k.claimant = ?))";
    for (int i = 0; i < 3; ++i) texts.push_back(filter.visible_to_party);
    if (filter.visible_as_observer) {
      // Ground (d): the agreed version of an exchange the party observes.
      conditions +=
          " OR p.id IN (SELECT t.person_id FROM exchange_workflow w"
          " JOIN proposal_transfers t ON t.version_id = w.agreed_version"
          " JOIN exchange_participants o ON o.exchange_id = w.exchange_id"
          " AND o.role = 'observer' AND o.party = ?)";
      texts.push_back(filter.visible_to_party);
    }
    conditions += ")";
  }
  auto bind = [&](SqlStatement& s) {
    for (size_t i = 0; i < texts.size(); ++i) s.BindText(static_cast<int>(i) + 1, texts[i]);
  };
  CANJE_ASSIGN_OR_RETURN(auto custody_rows,
                         connection_->Prepare(kCustodyTable.Select(custody_of +
                                                                   " ORDER BY person_id, id")));
  CANJE_ASSIGN_OR_RETURN(bool custody_pending, custody_rows->Step());
  return Query(*connection_,
               "SELECT " + kPersonTable.Columns("p") + " FROM persons p" + conditions +
                   " ORDER BY p.id" +
                   (filter.limit > 0 ? " LIMIT " + std::to_string(filter.limit) : ""),
               bind, [&](const SqlStatement& row) -> Status {
                 PersonView view{kPersonTable.Read(row), {}};
                 while (custody_pending && custody_rows->Int(1) <= view.person.id) {
                   if (custody_rows->Int(1) == view.person.id) {
                     view.custody.push_back(kCustodyTable.Read(*custody_rows));
                   }
                   CANJE_ASSIGN_OR_RETURN(custody_pending, custody_rows->Step());
                 }
                 return visit(view);
               });
}

Result<bool> Store::IsLinkConfirmed(int64_t record_id,
                                    const std::vector<std::string>& confirming_roles) {
  if (confirming_roles.empty()) return false;
  bool confirmed = false;
  CANJE_RETURN_IF_ERROR(Query(
      *connection_,
      "SELECT 1 FROM list_records r WHERE r.id = ? AND EXISTS (" +
          ConfirmedLinkOfRecord(confirming_roles.size()) + ")",
      [&](SqlStatement& s) {
        s.BindInt(1, record_id);
        for (size_t i = 0; i < confirming_roles.size(); ++i) {
          s.BindText(static_cast<int>(i) + 2, confirming_roles[i]);
        }
      },
      [&](const SqlStatement&) {
        confirmed = true;
        return Status::Ok();
      }));
  return confirmed;
}

Result<std::vector<RecordRow>> Store::RecordsOfPerson(int64_t person_id) {
  return SelectRows(*connection_, kRecordTable, "WHERE person_id = ? ORDER BY id",
                    Params(person_id));
}

Status Store::ForEachRecord(int64_t list_id, const std::function<Status(const RecordRow&)>& visit) {
  return Query(
      *connection_,
      kRecordTable.Select("WHERE list_id = ? ORDER BY id"), Params(list_id),
      [&](const SqlStatement& row) { return visit(kRecordTable.Read(row)); });
}

Result<std::vector<int64_t>> Store::PersonsByIndexHash(ByteView hash) {
  return QueryAll<int64_t>(
      *connection_, "SELECT DISTINCT person_id FROM person_index WHERE hash = ? ORDER BY person_id",
      Params(hash),
      [](const SqlStatement& row) { return row.Int(0); });
}

Result<int64_t> Store::EventCount() {
  CANJE_ASSIGN_OR_RETURN(
      auto count, QueryOne<int64_t>(*connection_, "SELECT coalesce(max(seq), -1) + 1 FROM events",
                                    NoBind(), [](const SqlStatement& row) { return row.Int(0); }));
  return count.value_or(0);
}

Result<std::vector<EventRow>> Store::Events(int64_t from, int64_t limit) {
  return QueryAll<EventRow>(
      *connection_,
      "SELECT " + std::string(kEventColumns) + " FROM events WHERE seq >= ? ORDER BY seq LIMIT ?",
      Params(from, limit),
      ReadEvent);
}

// ---------------------------------------------------------------------------------------------
// WriteTransaction

WriteTransaction::WriteTransaction(Store& store, const Actor& actor, std::string now)
    : store_(store),
      actor_(actor),
      now_(std::move(now)),
      hashes_(std::make_unique<CachedHashReader>(*store.connection_)) {}
WriteTransaction::~WriteTransaction() = default;

Result<SqlStatement*> WriteTransaction::Cached(int slot, std::string_view sql) {
  if (statements_.size() <= static_cast<size_t>(slot)) statements_.resize(slot + 1);
  if (!statements_[slot]) {
    CANJE_ASSIGN_OR_RETURN(statements_[slot], store_.connection_->Prepare(sql));
  } else {
    statements_[slot]->Reset();
  }
  return statements_[slot].get();
}

namespace {
// Statement cache slots of WriteTransaction.
enum Slot {
  kAppendEvent,
  kAddSubject,
  kAddPerson,
  kAddRecord,
  kAddCustody,
  kAddIndex,
  kAddNameWord,
  kLinkRecord,
  kReplaceKeyPersons,
  kReplaceKeyRecords,
  kReplaceKeyEvents,
  kReplaceKeyMeta,
  kAddMerkleHash,
};
}  // namespace

Result<int64_t> WriteTransaction::AppendEvent(const EventDraft& event,
                                              const SealedPayload& payload) {
  if (next_seq_ < 0) {
    CANJE_ASSIGN_OR_RETURN(next_seq_, store_.EventCount());
  }
  CANJE_ASSIGN_OR_RETURN(SqlStatement * insert,
                         Cached(kAppendEvent,
                                "INSERT INTO events(seq, time, actor, party, type, subjects, "
                                "payload_sha256, salt, payload_key, payload) "
                                "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  int64_t seq = next_seq_;
  insert->BindInt(1, seq);
  insert->BindText(2, now_);
  insert->BindText(3, actor_.user);
  insert->BindText(4, actor_.party);
  insert->BindText(5, event.type);
  insert->BindText(6, JoinSubjects(event.subjects));
  insert->BindBlob(7, payload.sha256);
  insert->BindBlob(8, payload.salt);
  insert->BindBlob(9, payload.wrapped_key);
  insert->BindBlob(10, payload.sealed);
  CANJE_RETURN_IF_ERROR(insert->RunBatched());
  CANJE_ASSIGN_OR_RETURN(std::string leaf,
                         ledger::EnvelopeLeaf({seq, now_, actor_.user, actor_.party, event.type,
                                               event.subjects, payload.sha256}));
  CANJE_ASSIGN_OR_RETURN(
      auto hashes, ledger::HashesToStoreOnAppend(seq, ledger::HashLeaf(AsBytes(leaf)), *hashes_));
  for (const ledger::StoredHash& stored : hashes) {
    CANJE_ASSIGN_OR_RETURN(
        SqlStatement * add_hash,
        Cached(kAddMerkleHash, "INSERT INTO merkle_hashes(idx, hash) VALUES(?, ?)"));
    add_hash->BindInt(1, stored.index);
    add_hash->BindBlob(2, stored.hash);
    CANJE_RETURN_IF_ERROR(add_hash->RunBatched());
    hashes_->Remember(stored.index, stored.hash);
  }
  std::vector<std::string> indexed = event.subjects;
  indexed.insert(indexed.end(), event.private_subjects.begin(), event.private_subjects.end());
  for (const std::string& subject : indexed) {
    CANJE_ASSIGN_OR_RETURN(SqlStatement * add,
                           Cached(kAddSubject,
                                  "INSERT INTO event_subjects(subject, seq) VALUES(?, ?) "
                                  "ON CONFLICT DO NOTHING"));
    add->BindText(1, subject);
    add->BindInt(2, seq);
    CANJE_RETURN_IF_ERROR(add->RunBatched());
  }
  ++next_seq_;
  ++events_appended_;
  return seq;
}

Status WriteTransaction::SetMeta(std::string_view name, ByteView value) {
  CANJE_ASSIGN_OR_RETURN(
      auto statement,
      store_.connection_->Prepare("INSERT INTO meta(name, value) VALUES(?, ?) "
                                  "ON CONFLICT(name) DO UPDATE SET value = excluded.value"));
  statement->BindText(1, name);
  statement->BindBlob(2, value);
  return statement->Run();
}

Status WriteTransaction::AddParty(const PartyRow& party) {
  return InsertRow(*this, kPartyTable, party);
}

Status WriteTransaction::AddUser(const UserRow& user) { return InsertRow(*this, kUserTable, user); }

Result<int64_t> WriteTransaction::AddList(const ListRow& list) {
  return InsertWithNextId(*this, kListTable, list);
}

Status WriteTransaction::SetListCounts(int64_t list_id, int64_t record_count,
                                       int64_t rejected_count, int64_t event_seq) {
  CANJE_ASSIGN_OR_RETURN(
      auto statement,
      store_.connection_->Prepare("UPDATE lists SET record_count = ?, rejected_count = ?, "
                                  "event_seq = ? WHERE id = ?"));
  statement->BindInt(1, record_count);
  statement->BindInt(2, rejected_count);
  statement->BindInt(3, event_seq);
  statement->BindInt(4, list_id);
  return statement->Run();
}

Result<int64_t> WriteTransaction::NextId(std::string_view table, int64_t& next) {
  if (next < 0) {
    CANJE_ASSIGN_OR_RETURN(
        auto max_id,
        QueryOne<int64_t>(*store_.connection_,
                          "SELECT coalesce(max(id), 0) FROM " + std::string(table), NoBind(),
                          [](const SqlStatement& row) { return row.Int(0); }));
    next = max_id.value_or(0) + 1;
  }
  return next++;
}

Result<int64_t> WriteTransaction::AllocatePersonId() { return NextId("persons", next_person_id_); }
Result<int64_t> WriteTransaction::AllocateRecordId() {
  return NextId("list_records", next_record_id_);
}

namespace {
const BulkInsert kIndexInsert{"person_index", {"hash", "person_id"}};
const BulkInsert kNameWordInsert{"name_words", {"hash", "sealed"}, /*skip_existing=*/true};
}  // namespace

Result<SqlStatement*> WriteTransaction::Bulk(int slot) {
  // Prepared together on first use, a table before those whose rows refer to it: the order in
  // which a backend that holds the rows writes them (sql_connection.h).
  const std::pair<int, const BulkInsert*> kInOrder[] = {{kAddPerson, &kPersonTable.Bulk()},
                                                        {kAddRecord, &kRecordTable.Bulk()},
                                                        {kAddCustody, &kCustodyTable.Bulk()},
                                                        {kAddIndex, &kIndexInsert},
                                                        {kAddNameWord, &kNameWordInsert}};
  if (statements_.size() <= static_cast<size_t>(slot) || !statements_[slot]) {
    for (const auto& [each, insert] : kInOrder) {
      if (statements_.size() <= static_cast<size_t>(each)) statements_.resize(each + 1);
      if (statements_[each]) continue;
      CANJE_ASSIGN_OR_RETURN(statements_[each], store_.connection_->PrepareBulkInsert(*insert));
    }
  } else {
    statements_[slot]->Reset();
  }
  return statements_[slot].get();
}

Status WriteTransaction::AddPerson(const PersonRow& person) {
  CANJE_ASSIGN_OR_RETURN(SqlStatement * insert, Bulk(kAddPerson));
  kPersonTable.Bind(*insert, person, *this);
  return insert->RunBatched();
}

Status WriteTransaction::AddRecord(const RecordRow& record) {
  CANJE_ASSIGN_OR_RETURN(SqlStatement * insert, Bulk(kAddRecord));
  kRecordTable.Bind(*insert, record, *this);
  return insert->RunBatched();
}

Status WriteTransaction::LinkRecord(int64_t record_id, int64_t person_id) {
  CANJE_ASSIGN_OR_RETURN(SqlStatement * update,
                         Cached(kLinkRecord, "UPDATE list_records SET person_id = ? WHERE id = ?"));
  update->BindInt(1, person_id);
  update->BindInt(2, record_id);
  return update->RunBatched();
}

Result<int64_t> WriteTransaction::AddCustody(const CustodyRow& custody) {
  CANJE_ASSIGN_OR_RETURN(SqlStatement * insert, Bulk(kAddCustody));
  CustodyRow inserted = custody;
  CANJE_ASSIGN_OR_RETURN(inserted.id, NextId("custody", next_custody_id_));
  kCustodyTable.Bind(*insert, inserted, *this);
  CANJE_RETURN_IF_ERROR(insert->RunBatched());
  return inserted.id;
}

Status WriteTransaction::AddIndexEntry(ByteView hash, int64_t person_id) {
  CANJE_ASSIGN_OR_RETURN(SqlStatement * insert, Bulk(kAddIndex));
  insert->BindBlob(1, hash);
  insert->BindInt(2, person_id);
  return insert->RunBatched();
}

Status WriteTransaction::AddNameWord(ByteView hash, ByteView sealed) {
  CANJE_ASSIGN_OR_RETURN(SqlStatement * insert, Bulk(kAddNameWord));
  insert->BindBlob(1, hash);
  insert->BindBlob(2, sealed);
  return insert->RunBatched();
}

}  // namespace canje::store

namespace canje::store {

Result<WriteTransaction::ErasureCounts> WriteTransaction::ErasePerson(int64_t person_id,
                                                                      std::string_view subject,
                                                                      std::string_view reason) {
  SqlConnection& db = *store_.connection_;
  ErasureCounts counts;
  CANJE_ASSIGN_OR_RETURN(auto erase_person,
                         db.Prepare("UPDATE persons SET data_key = NULL, sealed = NULL, "
                                    "erased_at = ?, erasure_reason = ? WHERE id = ?"));
  erase_person->BindText(1, now_);
  erase_person->BindText(2, reason);
  erase_person->BindInt(3, person_id);
  CANJE_RETURN_IF_ERROR(erase_person->Run());
  CANJE_ASSIGN_OR_RETURN(
      auto count_records,
      QueryOne<int64_t>(
          db,
          "SELECT count(*) FROM list_records WHERE (person_id = ? OR own_person_id = ?) "
          "AND data_key IS NOT NULL",
          Params(person_id, person_id),
          [](const SqlStatement& row) { return row.Int(0); }));
  counts.records = count_records.value_or(0);
  CANJE_ASSIGN_OR_RETURN(auto erase_records,
                         db.Prepare("UPDATE list_records SET data_key = NULL, sealed = NULL, "
                                    "salt = NULL, fingerprint = NULL "
                                    "WHERE person_id = ? OR own_person_id = ?"));
  erase_records->BindInt(1, person_id);
  erase_records->BindInt(2, person_id);
  CANJE_RETURN_IF_ERROR(erase_records->Run());
  // The words of the person's names that no other person's index rows hold leave the
  // vocabulary with them (store/name_word_tables.h).
  CANJE_RETURN_IF_ERROR(Execute(db,
                                "DELETE FROM name_words WHERE hash IN "
                                "(SELECT hash FROM person_index WHERE person_id = ?) AND NOT EXISTS "
                                "(SELECT 1 FROM person_index other WHERE other.hash = "
                                "name_words.hash AND other.person_id <> ?)",
                                Params(person_id, person_id)));
  CANJE_ASSIGN_OR_RETURN(auto erase_index,
                         db.Prepare("DELETE FROM person_index WHERE person_id = ?"));
  erase_index->BindInt(1, person_id);
  CANJE_RETURN_IF_ERROR(erase_index->Run());
  CANJE_ASSIGN_OR_RETURN(auto count_events,
                         QueryOne<int64_t>(
                             db,
                             "SELECT count(*) FROM events WHERE payload IS NOT NULL AND seq IN "
                             "(SELECT seq FROM event_subjects WHERE subject = ?)",
                             Params(subject),
                             [](const SqlStatement& row) { return row.Int(0); }));
  counts.events = count_events.value_or(0);
  CANJE_ASSIGN_OR_RETURN(auto erase_events,
                         db.Prepare("UPDATE events SET payload = NULL, payload_key = NULL, "
                                    "salt = NULL WHERE seq IN "
                                    "(SELECT seq FROM event_subjects WHERE subject = ?)"));
  erase_events->BindText(1, subject);
  CANJE_RETURN_IF_ERROR(erase_events->Run());
  // Answers kept for the API's retries may name the person: forget them all (a retry then
  // learns only that its change was made; instance/idempotent_requests.h).
  CANJE_RETURN_IF_ERROR(Execute(db, "UPDATE idempotency_keys SET answer_sealed = NULL", NoBind()));
  return counts;
}

Status WriteTransaction::ForEachWrappedKey(
    const std::function<Status(const WrappedKeyRow&)>& visit) {
  SqlConnection& db = *store_.connection_;
  struct Source {
    const char* table;
    const char* sql;
  };
  const Source sources[] = {
      {"persons", "SELECT id, data_key FROM persons WHERE data_key IS NOT NULL ORDER BY id"},
      {"list_records",
       "SELECT id, data_key FROM list_records WHERE data_key IS NOT NULL ORDER BY id"},
      {"events", "SELECT seq, payload_key FROM events WHERE payload_key IS NOT NULL ORDER BY seq"},
      {"meta",
       "SELECT 0, value, name FROM meta WHERE name IN ('index_key', 'log_signer', 'text_key') "
       "ORDER BY name"},
  };
  for (const Source& source : sources) {
    CANJE_RETURN_IF_ERROR(Query(db, source.sql, NoBind(), [&](const SqlStatement& row) {
      return visit({source.table, row.Int(0),
                    std::string(source.table) == "meta" ? row.Text(2) : "", row.Blob(1)});
    }));
  }
  return Status::Ok();
}

Status WriteTransaction::ReplaceWrappedKey(const WrappedKeyRow& row, ByteView rewrapped) {
  struct Target {
    const char* table;
    int slot;
    const char* sql;
  };
  static constexpr Target kTargets[] = {
      {"persons", kReplaceKeyPersons, "UPDATE persons SET data_key = ? WHERE id = ?"},
      {"list_records", kReplaceKeyRecords, "UPDATE list_records SET data_key = ? WHERE id = ?"},
      {"events", kReplaceKeyEvents, "UPDATE events SET payload_key = ? WHERE seq = ?"},
      {"meta", kReplaceKeyMeta, "UPDATE meta SET value = ? WHERE 0 = ? AND name = ?"},
  };
  const Target* target = nullptr;
  for (const Target& candidate : kTargets) {
    if (row.table == candidate.table) target = &candidate;
  }
  if (target == nullptr) return Status::Internal("no wrapped keys in table " + row.table);
  CANJE_ASSIGN_OR_RETURN(SqlStatement * update, Cached(target->slot, target->sql));
  update->BindBlob(1, rewrapped);
  update->BindInt(2, row.id);
  if (row.table == "meta") update->BindText(3, row.name);
  return update->Run();
}

}  // namespace canje::store

namespace canje::store {
namespace {

constexpr std::string_view kCheckpointColumns = "size, root, note, signed_at";
CheckpointRow ReadCheckpoint(const SqlStatement& row) {
  return {row.Int(0), row.Blob(1), row.Text(2), row.Text(3)};
}

}  // namespace

Status Store::ForEachEvent(const std::function<Status(const EventRow&)>& visit) {
  return Query(*connection_, "SELECT " + std::string(kEventColumns) + " FROM events ORDER BY seq",
               NoBind(), [&](const SqlStatement& row) { return visit(ReadEvent(row)); });
}

Result<ledger::Hash> Store::TreeRoot(int64_t size) {
  SqlHashReader reader(*connection_);
  return ledger::TreeHash(size, reader);
}

Result<std::vector<ledger::Hash>> Store::ProveInclusion(int64_t index, int64_t size) {
  SqlHashReader reader(*connection_);
  return ledger::ProveInclusion(index, size, reader);
}

Result<std::vector<ledger::Hash>> Store::ProveConsistency(int64_t old_size, int64_t new_size) {
  SqlHashReader reader(*connection_);
  return ledger::ProveConsistency(old_size, new_size, reader);
}

Status Store::ForEachStoredHash(const std::function<Status(int64_t, ByteView)>& visit) {
  return Query(*connection_, "SELECT idx, hash FROM merkle_hashes ORDER BY idx", NoBind(),
               [&](const SqlStatement& row) {
                 Bytes hash = row.Blob(1);
                 return visit(row.Int(0), hash);
               });
}

Result<std::optional<CheckpointRow>> Store::LatestCheckpoint() {
  return QueryOne<CheckpointRow>(
      *connection_,
      "SELECT " + std::string(kCheckpointColumns) + " FROM checkpoints ORDER BY size DESC LIMIT 1",
      NoBind(), ReadCheckpoint);
}

Result<std::optional<CheckpointRow>> Store::CheckpointAt(int64_t size) {
  return QueryOne<CheckpointRow>(
      *connection_,
      "SELECT " + std::string(kCheckpointColumns) + " FROM checkpoints WHERE size = ?",
      Params(size), ReadCheckpoint);
}

Result<std::vector<CheckpointRow>> Store::Checkpoints() {
  return QueryAll<CheckpointRow>(
      *connection_, "SELECT " + std::string(kCheckpointColumns) + " FROM checkpoints ORDER BY size",
      NoBind(), ReadCheckpoint);
}

Result<std::vector<CosignatureRow>> Store::Cosignatures(int64_t size) {
  return QueryAll<CosignatureRow>(
      *connection_,
      "SELECT size, key_name, line, added_at FROM cosignatures WHERE size = ? ORDER BY key_name",
      Params(size),
      [](const SqlStatement& row) {
        return CosignatureRow{row.Int(0), row.Text(1), row.Text(2), row.Text(3)};
      });
}

Result<int64_t> WriteTransaction::TreeSize() {
  if (next_seq_ < 0) {
    CANJE_ASSIGN_OR_RETURN(next_seq_, store_.EventCount());
  }
  return next_seq_;
}

Result<ledger::Hash> WriteTransaction::TreeRoot() {
  CANJE_ASSIGN_OR_RETURN(int64_t size, TreeSize());
  return ledger::TreeHash(size, *hashes_);
}

Status WriteTransaction::AddCheckpoint(int64_t size, const ledger::Hash& root,
                                       std::string_view note) {
  CANJE_ASSIGN_OR_RETURN(auto existing, store_.CheckpointAt(size));
  if (existing) {
    return Status::Conflict("a checkpoint at size " + std::to_string(size) +
                            " is already signed; the log never signs two trees of one size");
  }
  CANJE_ASSIGN_OR_RETURN(auto insert, store_.connection_->Prepare(
                                          "INSERT INTO checkpoints(size, root, note, signed_at) "
                                          "VALUES(?, ?, ?, ?)"));
  insert->BindInt(1, size);
  insert->BindBlob(2, root);
  insert->BindText(3, note);
  insert->BindText(4, now_);
  return insert->Run();
}

Status WriteTransaction::AddCosignature(int64_t size, std::string_view key_name,
                                        std::string_view line) {
  CANJE_ASSIGN_OR_RETURN(
      auto upsert,
      store_.connection_->Prepare("INSERT INTO cosignatures(size, key_name, line, added_at) "
                                  "VALUES(?, ?, ?, ?) ON CONFLICT(size, key_name) DO UPDATE SET "
                                  "line = excluded.line, added_at = excluded.added_at"));
  upsert->BindInt(1, size);
  upsert->BindText(2, key_name);
  upsert->BindText(3, line);
  upsert->BindText(4, now_);
  return upsert->Run();
}

}  // namespace canje::store
