#include "store/postgres/postgres_connection.h"

#include <gtest/gtest.h>

#include <cstdlib>

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

// Against the test cluster when `make test` provides one (CANJE_TEST_POSTGRES_URL).
TEST(PostgresConnectionTest, BlobsTextAndIntegersRoundTripAndConstraintsConflict) {
  const char* url = std::getenv("CANJE_TEST_POSTGRES_URL");
  if (url == nullptr || *url == '\0') GTEST_SKIP() << "no CANJE_TEST_POSTGRES_URL";
  auto opened = PostgresConnection::Open({url});
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  PostgresConnection& db = **opened;
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
  const char* url = std::getenv("CANJE_TEST_POSTGRES_URL");
  if (url == nullptr || *url == '\0') GTEST_SKIP() << "no CANJE_TEST_POSTGRES_URL";
  struct Case {
    int second_connection_after;
    bool in_transaction;
    int connections;
  };
  for (const Case& test : {Case{100, false, 2}, Case{0, false, 1}, Case{100, true, 1}}) {
    PostgresOptions options{url};
    options.second_connection_after = test.second_connection_after;
    auto opened = PostgresConnection::Open(options);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    PostgresConnection& db = **opened;
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

// Batched writes (libpq pipeline mode): visible to the transaction's next read, committed
// together; a failing one fails the transaction as a whole, naming the statement, and leaves
// the connection usable.
TEST(PostgresConnectionTest, BatchedWritesAreSeenByLaterReadsAndFailTheTransactionAsAWhole) {
  const char* url = std::getenv("CANJE_TEST_POSTGRES_URL");
  if (url == nullptr || *url == '\0') GTEST_SKIP() << "no CANJE_TEST_POSTGRES_URL";
  auto opened = PostgresConnection::Open({url});
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  PostgresConnection& db = **opened;
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
  ASSERT_TRUE(db.BeginWrite().ok());
  for (int id : {700, 701, 5, 702}) {
    (*insert)->BindInt(1, id);
    (*insert)->BindNull(2);
    ASSERT_TRUE((*insert)->RunBatched().ok());
  }
  Status committed = db.Commit();
  EXPECT_EQ(committed.code(), StatusCode::kConflict) << committed.message();
  EXPECT_NE(committed.message().find("INSERT INTO batched"), std::string::npos)
      << committed.message();
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

}  // namespace
}  // namespace canje::store
