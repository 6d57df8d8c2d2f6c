#include "store/postgres/postgres_connection.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <string_view>

#include "store/postgres/copy_text.h"

namespace canje::store {
namespace {

TEST(NumberPlaceholdersTest, NumbersMarksOutsideLiteralsIdentifiersAndComments) {
  int count = 0;
  EXPECT_EQ(NumberPlaceholders("SELECT a FROM t WHERE b = ? AND c = '?' AND \"d?\" = ? -- ?\n"
                               "AND e = 'it''s ?' AND f = ?",
                               count),
            "SELECT a FROM t WHERE b = $1 AND c = '?' AND \"d?\" = $2 -- ?\n"
            "AND e = 'it''s ?' AND f = $3");
  EXPECT_EQ(count, 3);
  EXPECT_EQ(NumberPlaceholders("SELECT 1", count), "SELECT 1");
  EXPECT_EQ(count, 0);
}

TEST(PostgresConnectionTest, AnUnreachableServerIsUnavailable) {
  // Port 1 on loopback: nothing listens there.
  auto opened =
      PostgresConnection::Open({"postgresql://canje:pw@127.0.0.1:1/none?connect_timeout=2"});
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.status().code(), StatusCode::kUnavailable);
  EXPECT_NE(opened.status().message().find("unavailable"), std::string::npos);
  EXPECT_EQ(opened.status().message().find("pw@"), std::string::npos);  // password not shown
}

constexpr std::string_view kNoCluster = "no CANJE_TEST_POSTGRES_URL";

// A connection to the test cluster that `make test` provides (CANJE_TEST_POSTGRES_URL), with
// `options` besides the URL; null when there is none (the case then skips itself) or when it
// cannot be opened (which fails the case).
std::unique_ptr<PostgresConnection> OpenTestCluster(PostgresOptions options = {}) {
  const char* url = std::getenv("CANJE_TEST_POSTGRES_URL");
  if (url == nullptr || *url == '\0') return nullptr;
  options.url = url;
  Result<std::unique_ptr<PostgresConnection>> opened = PostgresConnection::Open(options);
  EXPECT_TRUE(opened.ok()) << opened.status().message();
  return opened.ok() ? std::move(*opened) : nullptr;
}

// Against the test cluster when `make test` provides one (CANJE_TEST_POSTGRES_URL).
TEST(PostgresConnectionTest, BlobsTextAndIntegersRoundTripAndConstraintsConflict) {
  std::unique_ptr<PostgresConnection> connection = OpenTestCluster();
  if (!connection) GTEST_SKIP() << kNoCluster;
  PostgresConnection& db = *connection;
  ASSERT_TRUE(db.Execute("CREATE TEMP TABLE round_trip (id BIGINT PRIMARY KEY, "
                         "data BYTEA, label TEXT)")
                  .ok());
  Bytes every_byte;
  for (int i = 0; i < 256; ++i) every_byte.push_back(static_cast<uint8_t>(i));
  auto insert = db.Prepare("INSERT INTO round_trip(id, data, label) VALUES(?, ?, ?)");
  ASSERT_TRUE(insert.ok());
  (*insert)->BindInt(1, -9007199254740993);
  (*insert)->BindBlob(2, every_byte);
  (*insert)->BindText(3, "Ñandú 'quoted' \\ ?");
  ASSERT_TRUE((*insert)->Run().ok());
  auto select = db.Prepare("SELECT id, data, label, count(*) OVER () FROM round_trip WHERE id = ?");
  ASSERT_TRUE(select.ok());
  (*select)->BindInt(1, -9007199254740993);
  auto row = (*select)->Step();
  ASSERT_TRUE(row.ok() && *row) << row.status().message();
  EXPECT_EQ((*select)->Int(0), -9007199254740993);
  EXPECT_EQ((*select)->Blob(1), every_byte);
  EXPECT_EQ((*select)->Text(2), "Ñandú 'quoted' \\ ?");
  EXPECT_EQ((*select)->Int(3), 1);
  (*select)->Reset();
  (*insert)->BindInt(1, -9007199254740993);
  (*insert)->BindNull(2);
  (*insert)->BindText(3, "again");
  Status duplicate = (*insert)->Run();
  EXPECT_EQ(duplicate.code(), StatusCode::kConflict) << duplicate.message();
}

// Two long reads stepped in turn (as Store::ForEachPerson reads persons and their custody rows)
// both yield every row in order: outside a transaction the second runs on a second connection
// once the first has buffered `second_connection_after` rows; inside one, on the same.
TEST(PostgresConnectionTest, InterleavedLongReadsYieldEveryRowOnEitherPath) {
  if (OpenTestCluster() == nullptr) GTEST_SKIP() << kNoCluster;
  struct Case {
    int second_connection_after;
    bool in_transaction;
    int connections;
  };
  for (const Case& test : {Case{100, false, 2}, Case{0, false, 1}, Case{100, true, 1}}) {
    PostgresOptions options;
    options.second_connection_after = test.second_connection_after;
    std::unique_ptr<PostgresConnection> connection = OpenTestCluster(options);
    ASSERT_NE(connection, nullptr);
    PostgresConnection& db = *connection;
    if (test.in_transaction) {
      ASSERT_TRUE(db.BeginRead().ok());
    }
    auto first = db.Prepare("SELECT g FROM generate_series(1, ?) g ORDER BY g");
    auto second = db.Prepare("SELECT -g FROM generate_series(1, ?) g ORDER BY g");
    ASSERT_TRUE(first.ok() && second.ok());
    (*first)->BindInt(1, 5000);
    (*second)->BindInt(1, 5000);
    for (int64_t i = 1; i <= 5000; ++i) {
      auto a = (*first)->Step();
      auto b = (*second)->Step();
      ASSERT_TRUE(a.ok() && *a && b.ok() && *b) << i;
      ASSERT_EQ((*first)->Int(0), i);
      ASSERT_EQ((*second)->Int(0), -i);
      if (i == 2500) {  // a command in between still works
        ASSERT_TRUE(db.Execute("SELECT 1").ok());
      }
    }
    EXPECT_FALSE(*(*first)->Step());
    EXPECT_FALSE(*(*second)->Step());
    EXPECT_EQ(db.connections_open(), test.connections)
        << test.second_connection_after << (test.in_transaction ? " in a transaction" : "");
    if (test.in_transaction) {
      ASSERT_TRUE(db.Commit().ok());
    }
  }
}

int64_t CountRows(PostgresConnection& db, const std::string& table) {
  auto count = db.Prepare("SELECT count(*) FROM " + table);
  EXPECT_TRUE(count.ok());
  Result<bool> row = (*count)->Step();
  EXPECT_TRUE(row.ok() && *row) << row.status().message();
  return (*count)->Int(0);
}

// Queues `insert` once for each of `ids` (its other `parameters` NULL) as held rows of one
// transaction, whose commit must then fail as a conflict naming `named`; returns the commit's
// message.
std::string CommitExpectingAConflict(PostgresConnection& db, SqlStatement& insert, int parameters,
                                std::initializer_list<int> ids, const std::string& named) {
  EXPECT_TRUE(db.BeginWrite().ok());
  for (int id : ids) {
    insert.BindInt(1, id);
    for (int parameter = 2; parameter <= parameters; ++parameter) insert.BindNull(parameter);
    EXPECT_TRUE(insert.RunBatched().ok()) << id;
  }
  Status committed = db.Commit();
  EXPECT_EQ(committed.code(), StatusCode::kConflict) << committed.message();
  EXPECT_NE(committed.message().find(named), std::string::npos) << committed.message();
  return committed.message();
}

// Batched writes (libpq pipeline mode): visible to the transaction's next read, committed
// together; a failing one fails the transaction as a whole, naming the statement, and leaves
// the connection usable.
TEST(PostgresConnectionTest, BatchedWritesAreSeenByLaterReadsAndFailTheTransactionAsAWhole) {
  std::unique_ptr<PostgresConnection> connection = OpenTestCluster();
  if (!connection) GTEST_SKIP() << kNoCluster;
  PostgresConnection& db = *connection;
  ASSERT_TRUE(db.Execute("CREATE TEMP TABLE batched (id BIGINT PRIMARY KEY, data BYTEA)").ok());
  auto insert = db.Prepare("INSERT INTO batched(id, data) VALUES(?, ?)");
  ASSERT_TRUE(insert.ok());

  // 600 writes: more than two full batches and a partial one.
  ASSERT_TRUE(db.BeginWrite().ok());
  for (int i = 1; i <= 600; ++i) {
    (*insert)->BindInt(1, i);
    (*insert)->BindBlob(2, Bytes(3, static_cast<uint8_t>(i)));
    ASSERT_TRUE((*insert)->RunBatched().ok()) << i;
  }
  EXPECT_EQ(CountRows(db, "batched"), 600);
  for (int i = 601; i <= 610; ++i) {
    (*insert)->BindInt(1, i);
    (*insert)->BindNull(2);
    ASSERT_TRUE((*insert)->RunBatched().ok());
  }
  ASSERT_TRUE(db.Commit().ok());
  EXPECT_EQ(CountRows(db, "batched"), 610);

  // A duplicate key queued among good writes: the commit fails with the constraint's conflict,
  // the statement named, and nothing of the transaction stays.
  CommitExpectingAConflict(db, **insert, 2, {700, 701, 5, 702}, "INSERT INTO batched");
  EXPECT_EQ(CountRows(db, "batched"), 610);

  // The same failure met by a read inside the transaction: the read fails; rollback is clean.
  ASSERT_TRUE(db.BeginWrite().ok());
  (*insert)->BindInt(1, 6);
  (*insert)->BindNull(2);
  ASSERT_TRUE((*insert)->RunBatched().ok());
  auto count = db.Prepare("SELECT count(*) FROM batched");
  ASSERT_TRUE(count.ok());
  EXPECT_EQ((*count)->Step().status().code(), StatusCode::kConflict);
  ASSERT_TRUE(db.Rollback().ok());
  EXPECT_EQ(CountRows(db, "batched"), 610);

  // Outside a transaction a batched write runs at once.
  (*insert)->BindInt(1, 800);
  (*insert)->BindNull(2);
  ASSERT_TRUE((*insert)->RunBatched().ok());
  EXPECT_EQ(CountRows(db, "batched"), 611);
}

TEST(CopyTextTest, EscapesWhatCopyTextReadsSpeciallyAndWritesBytesAsHex) {
  std::string line;
  AppendCopyText(line, "a\tb\nc\rd\\e \\N Ñ");
  EXPECT_EQ(line, "a\\tb\\nc\\rd\\\\e \\\\N Ñ");
  line.clear();
  AppendCopyBytes(line, Bytes{0x00, 0x0a, 0x5c, 0xff});
  EXPECT_EQ(line, "\\\\x000a5cff");
  line.clear();
  AppendCopyBytes(line, Bytes{});
  EXPECT_EQ(line, "\\\\x");
}

// Bulk inserts: held rows are seen by the transaction's next read and written at commit, in
// the order the bulk inserts were prepared (a row may refer to a row of an earlier one); held
// rows of a rolled back transaction are dropped; skip_existing leaves rows there already;
// outside a transaction a row is written at once.
TEST(PostgresConnectionTest, BulkInsertsHoldRowsUntilTheNextStatementAndKeepTheirOrder) {
  std::unique_ptr<PostgresConnection> connection = OpenTestCluster();
  if (!connection) GTEST_SKIP() << kNoCluster;
  PostgresConnection& db = *connection;
  ASSERT_TRUE(db.Execute("CREATE TEMP TABLE parent (id BIGINT PRIMARY KEY, label TEXT, "
                         "data BYTEA); CREATE TEMP TABLE child (id BIGINT PRIMARY KEY, "
                         "parent_id BIGINT NOT NULL REFERENCES parent(id)); "
                         "CREATE TEMP TABLE word (hash BYTEA PRIMARY KEY, sealed BYTEA)")
                  .ok());
  auto parent = db.PrepareBulkInsert({"parent", {"id", "label", "data"}});
  auto child = db.PrepareBulkInsert({"child", {"id", "parent_id"}});
  auto word = db.PrepareBulkInsert({"word", {"hash", "sealed"}, true});
  ASSERT_TRUE(parent.ok() && child.ok() && word.ok());

  ASSERT_TRUE(db.BeginWrite().ok());
  for (int i = 1; i <= 3000; ++i) {
    (*parent)->BindInt(1, i);
    if (i % 2) (*parent)->BindText(2, "line\none\ttab \\N " + std::to_string(i));
    (*parent)->BindBlob(3, Bytes(2000, static_cast<uint8_t>(i)));  // past the held bytes' limit
    ASSERT_TRUE((*parent)->RunBatched().ok()) << i;
    (*child)->BindInt(1, i);
    (*child)->BindInt(2, i);
    ASSERT_TRUE((*child)->RunBatched().ok()) << i;
    (*word)->BindBlob(1, Bytes(1, static_cast<uint8_t>(i % 100)));
    (*word)->BindBlob(2, Bytes(1, static_cast<uint8_t>(i)));
    ASSERT_TRUE((*word)->RunBatched().ok()) << i;
  }
  EXPECT_EQ(CountRows(db, "child"), 3000);
  ASSERT_TRUE(db.Commit().ok());
  EXPECT_EQ(CountRows(db, "parent"), 3000);
  EXPECT_EQ(CountRows(db, "word"), 100);
  auto read = db.Prepare("SELECT label, data FROM parent WHERE id = ?");
  ASSERT_TRUE(read.ok());
  (*read)->BindInt(1, 7);
  ASSERT_TRUE(*(*read)->Step());
  EXPECT_EQ((*read)->Text(0), "line\none\ttab \\N 7");
  EXPECT_EQ((*read)->Blob(1), Bytes(2000, 7));
  (*read)->Reset();
  (*read)->BindInt(1, 8);
  ASSERT_TRUE(*(*read)->Step());
  EXPECT_TRUE((*read)->IsNull(0));
  (*read)->Reset();

  // Rolled back: the held rows are dropped, not written.
  ASSERT_TRUE(db.BeginWrite().ok());
  (*parent)->BindInt(1, 5000);
  (*parent)->BindNull(2);
  (*parent)->BindNull(3);
  ASSERT_TRUE((*parent)->RunBatched().ok());
  ASSERT_TRUE(db.Rollback().ok());
  EXPECT_EQ(CountRows(db, "parent"), 3000);

  // A held row refused at commit: the commit fails naming the INSERT, nothing stays.
  std::string committed =
      CommitExpectingAConflict(db, **parent, 3, {6000, 6001, 12, 6002},
                               "('INSERT INTO parent(id, label, data) VALUES(?, ?, ?)')");
  EXPECT_EQ(committed.find("CONTEXT"), std::string::npos) << committed;
  EXPECT_EQ(CountRows(db, "parent"), 3000);

  // Outside a transaction: written at once, a refusal reported at once.
  (*parent)->BindInt(1, 7000);
  ASSERT_TRUE((*parent)->RunBatched().ok());
  EXPECT_EQ(CountRows(db, "parent"), 3001);
  (*parent)->BindInt(1, 7000);
  EXPECT_EQ((*parent)->Run().code(), StatusCode::kConflict);
}

}  // namespace
}  // namespace canje::store
