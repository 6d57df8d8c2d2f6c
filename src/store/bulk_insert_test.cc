// The bulk inserts of an import (SqlConnection::PrepareBulkInsert: persons, list records,
// custody rows, look-up hashes, name words) on SQLite (a row at a time) and on PostgreSQL (rows
// held and written by COPY, or by multi-row INSERTs for the name words): the same rows,
// byte for byte, on both, and through a copy between them (store_copy.h); rows seen by the
// transaction's later reads while still held; a constraint violation in the middle of held rows
// fails the whole change and leaves nothing. PostgreSQL cases are skipped when
// CANJE_TEST_POSTGRES_URL is unset.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/digest.h"
#include "store/postgres/postgres_test_database.h"
#include "store/sql_query.h"
#include "store/store.h"
#include "store/store_copy.h"
#include "store/testing/store_on_backend.h"

namespace canje::store {
namespace {

const Actor kBulkActor{"admin", "OPERATOR", "admin"};

// Texts COPY's text format must escape, and others it must leave alone.
const std::vector<std::string> kAwkwardTexts = {
    "tab\there",         "back\\slash \\N and \\.", "two\nlines\r\n", "Ünïcödé Ђорђе 中文",
    "",                  "\\.",                       "comma, \"quoted\"",  "\\x41 not bytes",
    "trailing space "};

// Deterministic bytes: `size` bytes from `seed` (every value 0..255 appears, 0 and '\n' too).
Bytes Pattern(int seed, size_t size) {
  Bytes bytes(size);
  for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<uint8_t>((seed * 31 + i * 7) & 0xff);
  return bytes;
}

Bytes HashOf(const std::string& text) {
  Sha256Hash hash = Sha256(AsBytes(text));
  return Bytes(hash.begin(), hash.end());
}

Bytes WordHash(int word) { return HashOf("word " + std::to_string(word)); }
Bytes IndexHash(int person) { return HashOf("index " + std::to_string(person)); }

SealedPayload FixedPayload(int n) {
  SealedPayload payload;
  payload.salt = Pattern(n, 32);
  payload.sha256 = Pattern(n + 1, 32);
  payload.wrapped_key = Pattern(n + 2, 69);
  payload.sealed = Pattern(n + 3, 80);
  return payload;
}

// One import's worth of rows, the same on every store: `persons` persons, each with a list
// record, a custody row, two look-up hashes and a name word (300 words in all, so most are
// already there or held twice); sealed values large enough that PostgreSQL writes its held
// rows several times within the change. Reads in the middle of the change must see the rows
// added before them.
Status Populate(Store& store, int persons) {
  return store.Write(kBulkActor, [&](WriteTransaction& t) -> Status {
    CANJE_RETURN_IF_ERROR(t.AddParty({"VEN", "Venezuela", "state", ""}));
    CANJE_ASSIGN_OR_RETURN(int64_t seq, t.AppendEvent({"list.imported", {"L1"}}, FixedPayload(0)));
    ListRow list;
    list.kind = "custody_roster";
    list.source = "bulk test";
    list.party = "VEN";
    list.file_name = "roster.csv";
    list.file_sha256 = "00";
    list.format = "csv";
    list.columns = "[]";
    list.record_count = persons;
    list.event_seq = seq;
    CANJE_ASSIGN_OR_RETURN(int64_t list_id, t.AddList(list));
    for (int i = 0; i < persons; ++i) {
      const std::string& text = kAwkwardTexts[i % kAwkwardTexts.size()];
      CANJE_ASSIGN_OR_RETURN(int64_t person_id, t.AllocatePersonId());
      PersonRow person;
      person.id = person_id;
      person.sex = i % 2 ? "F" : "M";
      person.nationalities = text;
      person.categories = "civilian|journalist";
      if (i % 7 != 0) person.data_key = Pattern(i, 60);  // empty: NULL
      person.sealed = Pattern(i + 1, 1500 + i % 40);
      CANJE_RETURN_IF_ERROR(t.AddPerson(person));
      CANJE_RETURN_IF_ERROR(t.AddIndexEntry(IndexHash(i), person_id));
      CANJE_RETURN_IF_ERROR(t.AddIndexEntry(WordHash(i % 300), person_id));
      CANJE_RETURN_IF_ERROR(t.AddNameWord(WordHash(i % 300), Pattern(i % 300, 48)));
      CANJE_ASSIGN_OR_RETURN(int64_t record_id, t.AllocateRecordId());
      RecordRow record;
      record.id = record_id;
      record.list_id = list_id;
      record.line = i + 2;
      record.person_id = i % 5 == 0 ? 0 : person_id;  // 0: NULL
      record.own_person_id = person_id;
      record.reported_status = "held";
      record.holder = text;
      record.data_key = Pattern(i + 2, 60);
      record.sealed = Pattern(i + 3, 700);
      record.salt = Pattern(i + 4, 32);
      record.record_hash = Pattern(i + 5, 32);
      record.fingerprint = Pattern(i + 6, 32);
      CANJE_RETURN_IF_ERROR(t.AddRecord(record));
      CustodyRow custody;
      custody.person_id = person_id;
      custody.holder = "VEN";
      custody.facility = text;
      custody.since = i % 4 ? "2025-03-01" : "";
      custody.legal_basis = text + " basis";
      custody.charge_status = "unknown";
      if (i % 3 != 0) custody.evidence_disclosed = i % 3 == 1;
      custody.status = "held";
      custody.list_id = list_id;
      custody.record_id = record_id;
      CANJE_RETURN_IF_ERROR(t.AddCustody(custody).status());
      if (i == persons / 2) {  // held rows, read back within the change
        CANJE_ASSIGN_OR_RETURN(std::optional<PersonView> found, t.store().FindPerson(person_id));
        if (!found || found->person.sealed != person.sealed || found->custody.size() != 1 ||
            found->custody[0].facility != text) {
          return Status::Internal("a person added in this change reads back otherwise");
        }
        CANJE_ASSIGN_OR_RETURN(std::vector<int64_t> indexed,
                               t.store().PersonsByIndexHash(IndexHash(i)));
        if (indexed != std::vector<int64_t>{person_id}) {
          return Status::Internal("a look-up hash added in this change is not found");
        }
      }
    }
    return Status::Ok();
  });
}

// A later change: name words there already are left as they are (their sealed bytes too).
Status AddWordsAgain(Store& store) {
  return store.Write(kBulkActor, [&](WriteTransaction& t) -> Status {
    for (int word = 290; word < 310; ++word) {
      CANJE_RETURN_IF_ERROR(t.AddNameWord(WordHash(word), Pattern(word + 1000, 48)));
    }
    return t.AppendEvent({"test", {}}, FixedPayload(1)).status();
  });
}

// Every row of the five tables, one line each, in key order: 'i' integer, 't' text, 'b' bytes,
// '~' a time (left out unless `with_times`: two stores written apart differ there).
Result<std::string> Dump(Store& store, bool with_times) {
  struct Table {
    const char* sql;
    const char* kinds;
  };
  const Table kTables[] = {
      {"SELECT id, created_at, sex, nationalities, categories, data_key, sealed, erased_at, "
       "erasure_reason, merged_into FROM persons ORDER BY id",
       "i~tttbbtti"},
      {"SELECT id, list_id, line, person_id, reported_status, holder, data_key, sealed, salt, "
       "record_hash, own_person_id, fingerprint FROM list_records ORDER BY id",
       "iiiittbbbbib"},
      {"SELECT id, person_id, holder, facility, since, legal_basis, charge_status, "
       "evidence_disclosed, status, list_id, record_id FROM custody ORDER BY id",
       "iitttttitii"},
      {"SELECT hash, person_id FROM person_index ORDER BY person_id, hash", "bi"},
      {"SELECT hash, sealed FROM name_words ORDER BY hash", "bb"},
  };
  std::string dump;
  for (const Table& table : kTables) {
    dump += std::string(table.sql) + "\n";
    const std::string kinds = table.kinds;
    CANJE_RETURN_IF_ERROR(Query(store.connection(), table.sql, NoBind(),
                                [&](const SqlStatement& row) -> Status {
                                  for (size_t c = 0; c < kinds.size(); ++c) {
                                    const int column = static_cast<int>(c);
                                    dump += c == 0 ? "" : " | ";
                                    if (kinds[c] == '~' && !with_times) {
                                      dump += "(time)";
                                    } else if (row.IsNull(column)) {
                                      dump += "NULL";
                                    } else if (kinds[c] == 'i') {
                                      dump += std::to_string(row.Int(column));
                                    } else if (kinds[c] == 'b') {
                                      dump += "x'" + HexEncode(row.Blob(column)) + "'";
                                    } else {
                                      dump += "'" + row.Text(column) + "'";
                                    }
                                  }
                                  dump += "\n";
                                  return Status::Ok();
                                }));
  }
  return dump;
}

TEST(BulkInsertTest, BothBackendsStoreTheSameBytesAndACopyBetweenThemAgrees) {
  testing::TestDatabase database;
  if (testing::TestPostgresUrl().empty()) GTEST_SKIP() << "no CANJE_TEST_POSTGRES_URL";
  ASSERT_TRUE(database.ok()) << database.error();
  const std::filesystem::path sqlite_path = testing::TemporaryStorePath("sqlite");
  const std::filesystem::path copy_path = testing::TemporaryStorePath("copy");
  {
    auto sqlite = Store::Open({sqlite_path.string(), true});
    auto postgres = Store::Open({database.url(), true});
    ASSERT_TRUE(sqlite.ok() && postgres.ok());
    constexpr int kPersons = 2500;
    for (Store* store : {sqlite->get(), postgres->get()}) {
      Status populated = Populate(*store, kPersons);
      ASSERT_TRUE(populated.ok()) << populated.ToString();
      Status again = AddWordsAgain(*store);
      ASSERT_TRUE(again.ok()) << again.ToString();
    }
    Result<std::string> from_sqlite = Dump(**sqlite, false);
    Result<std::string> from_postgres = Dump(**postgres, false);
    ASSERT_TRUE(from_sqlite.ok() && from_postgres.ok());
    EXPECT_NE(from_sqlite->find("'back\\slash \\N and \\.'"), std::string::npos);
    EXPECT_NE(from_sqlite->find("'two\nlines\r\n'"), std::string::npos);
    EXPECT_EQ(*from_postgres, *from_sqlite);  // one assertion: a diff shows where

    // PostgreSQL's rows copied to a new SQLite store are PostgreSQL's rows, times included.
    auto copy = Store::Open({copy_path.string(), true});
    ASSERT_TRUE(copy.ok());
    Result<CopyReport> copied = CopyStore(**postgres, **copy);
    ASSERT_TRUE(copied.ok()) << copied.status().ToString();
    Result<std::string> timed_postgres = Dump(**postgres, true);
    Result<std::string> timed_copy = Dump(**copy, true);
    ASSERT_TRUE(timed_postgres.ok() && timed_copy.ok());
    EXPECT_EQ(*timed_copy, *timed_postgres);
  }
  testing::RemoveStoreFiles(sqlite_path);
  testing::RemoveStoreFiles(copy_path);
}

using testing::Backend;

// Each case on both backends (testing/store_on_backend.h).
class BulkFailureTest : public testing::StoreOnBackendTest {};

// A person added twice in the middle of a change's held rows: the change fails as a conflict
// naming the INSERT (as a one-row INSERT's failure did), and nothing of it is left: not the
// persons before the duplicate, nor their custody rows, look-up hashes, name words or event.
TEST_P(BulkFailureTest, AConstraintViolationAmongHeldRowsFailsTheWholeChange) {
  Status failed = store_->Write(kBulkActor, [&](WriteTransaction& t) -> Status {
    CANJE_RETURN_IF_ERROR(t.AddParty({"VEN", "Venezuela", "state", ""}));
    for (int i = 0; i < 600; ++i) {
      PersonRow person;
      person.id = i == 400 ? 300 : i + 1;
      person.sex = "M";
      person.sealed = Pattern(i, 200);
      CANJE_RETURN_IF_ERROR(t.AddPerson(person));
      CANJE_RETURN_IF_ERROR(t.AddIndexEntry(Pattern(i, 32), i + 1));
      CANJE_RETURN_IF_ERROR(t.AddNameWord(WordHash(i), Pattern(i, 48)));
    }
    return t.AppendEvent({"test", {}}, FixedPayload(0)).status();
  });
  EXPECT_EQ(failed.code(), StatusCode::kConflict) << failed.ToString();
  EXPECT_EQ(failed.message().rfind("database statement failed", 0), 0u) << failed.message();
  if (GetParam() == Backend::kPostgres) {
    EXPECT_NE(failed.message().find("('INSERT INTO persons(id, created_at"), std::string::npos)
        << failed.message();
    EXPECT_NE(failed.message().find("(id)=(300)"), std::string::npos) << failed.message();
    EXPECT_EQ(failed.message().find("COPY"), std::string::npos) << failed.message();
  }
  EXPECT_EQ(*store_->EventCount(), 0);
  EXPECT_TRUE(store_->Parties()->empty());
  for (const char* table : {"persons", "person_index", "name_words"}) {
    Result<std::optional<int64_t>> count =
        QueryOne<int64_t>(store_->connection(), std::string("SELECT count(*) FROM ") + table,
                          NoBind(), [](const SqlStatement& row) { return row.Int(0); });
    ASSERT_TRUE(count.ok());
    EXPECT_EQ(count->value_or(-1), 0) << table;
  }
  // The connection is sound afterwards: the same change without the duplicate commits.
  Status done = store_->Write(kBulkActor, [&](WriteTransaction& t) -> Status {
    CANJE_RETURN_IF_ERROR(t.AddParty({"VEN", "Venezuela", "state", ""}));
    for (int i = 0; i < 600; ++i) {
      PersonRow person;
      person.id = i + 1;
      person.sex = "M";
      CANJE_RETURN_IF_ERROR(t.AddPerson(person));
    }
    return t.AppendEvent({"test", {}}, FixedPayload(0)).status();
  });
  ASSERT_TRUE(done.ok()) << done.ToString();
  Result<std::optional<PersonView>> last = store_->FindPerson(600);
  ASSERT_TRUE(last.ok());
  EXPECT_TRUE(last->has_value());
}

INSTANTIATE_TEST_SUITE_P(Backends, BulkFailureTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

}  // namespace
}  // namespace canje::store
