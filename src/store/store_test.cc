#include "store/store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>

#include "core/digest.h"
#include "store/postgres/postgres_test_database.h"
#include "store/sql_hash_reader.h"

namespace canje::store {
namespace {

enum class Backend { kSqlite, kPostgres };

// Every test runs on both backends: SQLite in a temporary file, PostgreSQL in its own database
// on the test cluster (skipped when CANJE_TEST_POSTGRES_URL is unset).
class StoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::kPostgres) {
      database_ = std::make_unique<testing::TestDatabase>();
      if (testing::TestPostgresUrl().empty()) GTEST_SKIP() << "no CANJE_TEST_POSTGRES_URL";
      ASSERT_TRUE(database_->ok()) << database_->error();
      location_ = database_->url();
    } else {
      std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
      for (char& c : name) {
        if (c == '/') c = '-';
      }
      path_ = std::filesystem::temp_directory_path() /
              ("canje-store-test-" + std::to_string(getpid()) + "-" + name + ".db");
      std::filesystem::remove(path_);
      location_ = path_.string();
    }
    Result<std::unique_ptr<Store>> opened = Store::Open({location_, true});
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(*opened);
  }
  void TearDown() override {
    store_.reset();
    database_.reset();
    if (!path_.empty()) {
      for (const char* suffix : {"", "-wal", "-shm"}) {
        std::filesystem::remove(path_.string() + suffix);
      }
    }
  }
  static SealedPayload Payload(int n) {
    SealedPayload payload;
    payload.salt = RandomBytes(32);
    Sha256Hash hash = Sha256Salted(payload.salt, AsBytes(std::to_string(n)));
    payload.sha256.assign(hash.begin(), hash.end());
    payload.wrapped_key = Bytes(69, 1);
    payload.sealed = Bytes(40, 2);
    return payload;
  }
  std::unique_ptr<testing::TestDatabase> database_;
  std::filesystem::path path_;
  std::string location_;  // the file path or the database URL
  std::unique_ptr<Store> store_;
  Actor actor_{"admin", "OPERATOR", "admin"};
};

TEST_P(StoreTest, AChangeWithoutAnEventOrWithAnErrorLeavesNothing) {
  Status no_event = store_->Write(actor_, [](WriteTransaction& transaction) {
    return transaction.AddParty({"VEN", "Venezuela", "state", ""});
  });
  EXPECT_EQ(no_event.code(), StatusCode::kInternal);
  Status failed = store_->Write(actor_, [](WriteTransaction& transaction) -> Status {
    CANJE_RETURN_IF_ERROR(transaction.AddParty({"VEN", "Venezuela", "state", ""}));
    CANJE_RETURN_IF_ERROR(transaction.AppendEvent({"party.added", {"VEN"}}, Payload(0)).status());
    return Status::Conflict("changed my mind");
  });
  EXPECT_EQ(failed.code(), StatusCode::kConflict);
  EXPECT_TRUE(store_->Parties()->empty());
  EXPECT_EQ(*store_->EventCount(), 0);
  Status done = store_->Write(actor_, [](WriteTransaction& transaction) -> Status {
    CANJE_RETURN_IF_ERROR(transaction.AddParty({"VEN", "Venezuela", "state", ""}));
    return transaction.AppendEvent({"party.added", {"VEN"}}, Payload(0)).status();
  });
  ASSERT_TRUE(done.ok()) << done.ToString();
  EXPECT_EQ(store_->Parties()->size(), 1u);
  EXPECT_EQ(*store_->EventCount(), 1);
}

// Appends and proofs read O(log n) of the stored hashes, counted at the database.
TEST_P(StoreTest, AppendsAndProofsReadLogarithmicallyManyStoredHashes) {
  constexpr int kEvents = 5000;
  ASSERT_TRUE(store_
                  ->Write(actor_,
                          [](WriteTransaction& transaction) -> Status {
                            for (int i = 0; i < kEvents; ++i) {
                              CANJE_RETURN_IF_ERROR(
                                  transaction.AppendEvent({"test", {}}, Payload(i)).status());
                            }
                            return Status::Ok();
                          })
                  .ok());
  SqlHashReader reader(store_->connection());
  int64_t bound = 2 * static_cast<int64_t>(std::ceil(std::log2(kEvents))) + 1;
  for (int64_t size : {int64_t{1}, int64_t{2}, int64_t{1023}, int64_t{1024}, int64_t{4097},
                       int64_t{kEvents}}) {
    for (int64_t index : {int64_t{0}, size / 2, size - 1}) {
      int64_t before = reader.hashes_read();
      ASSERT_TRUE(ledger::ProveInclusion(index, size, reader).ok());
      EXPECT_LE(reader.hashes_read() - before, bound) << index << " in " << size;
    }
    int64_t before = reader.hashes_read();
    ASSERT_TRUE(ledger::ProveConsistency(std::max<int64_t>(size / 3, 1), size, reader).ok());
    EXPECT_LE(reader.hashes_read() - before, bound) << size;
    before = reader.hashes_read();
    ASSERT_TRUE(ledger::TreeHash(size, reader).ok());
    EXPECT_LE(reader.hashes_read() - before, bound / 2 + 1) << size;
  }
  // An append reads at most log2(n) hashes as well.
  int64_t before = reader.hashes_read();
  ASSERT_TRUE(ledger::HashesToStoreOnAppend(kEvents, ledger::HashLeaf(AsBytes("x")), reader).ok());
  EXPECT_LE(reader.hashes_read() - before, bound / 2 + 1);
  EXPECT_EQ(*store_->TreeRoot(kEvents), *ledger::TreeHash(kEvents, reader));
}

TEST_P(StoreTest, ANewerStoreIsRefused) {
  ASSERT_TRUE(store_->connection().Execute("UPDATE meta SET value = '999' WHERE name = "
                                           "'schema_version'").ok());
  store_.reset();
  Result<std::unique_ptr<Store>> reopened = Store::Open({location_, false});
  EXPECT_EQ(reopened.status().code(), StatusCode::kInvalid);
  EXPECT_NE(reopened.status().message().find("upgrade canje"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const ::testing::TestParamInfo<Backend>& param) {
                           return param.param == Backend::kSqlite ? "Sqlite" : "Postgres";
                         });

}  // namespace
}  // namespace canje::store
