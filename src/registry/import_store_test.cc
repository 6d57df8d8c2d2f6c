// An import whose rows the store refuses part-way (a constraint violated in the middle of the
// rows a PostgreSQL store holds and writes together, store/sql_connection.h PrepareBulkInsert)
// fails as a whole and changes nothing, on a real store (instance/testing/test_instance.h;
// SQLite, or PostgreSQL with CANJE_TEST_BACKEND=postgres); the same file imports once the
// constraint is gone, and the log verifies.
#include <gtest/gtest.h>

#include "instance/testing/test_instance.h"
#include "instance/transparency_log.h"
#include "registry/importer.h"
#include "scenario/scenario.h"
#include "store/sql_query.h"

namespace canje::registry {
namespace {

int64_t Rows(instance::Instance& instance, const std::string& table) {
  Result<std::optional<int64_t>> count = store::QueryOne<int64_t>(
      instance.store().connection(), "SELECT count(*) FROM " + table, store::NoBind(),
      [](const store::SqlStatement& row) { return row.Int(0); });
  EXPECT_TRUE(count.ok()) << table;
  return count.ok() ? count->value_or(-1) : -1;
}

TEST(ImportStoreTest, ARowRefusedByTheStoreMidImportLeavesNothingAndTheFileImportsLater) {
  instance::testing::TestInstance store;
  ASSERT_TRUE(store.ok()) << store.error();
  store.AddParty("VEN", "Venezuela", "state");
  const std::filesystem::path lists = store.dir() / "cecot";
  Status written = scenario::WriteScenario({"cecot-2025", 5, 1200}, lists);
  ASSERT_TRUE(written.ok()) << written.ToString();
  instance::Instance& admin = store.admin();
  const int64_t log_size = store.LogSize();

  // One custody row per facility: the roster's second row of a facility is refused, long
  // after the first rows were written (or held).
  store::SqlConnection& connection = admin.store().connection();
  ASSERT_TRUE(
      connection.Execute("CREATE UNIQUE INDEX one_row_per_facility ON custody(facility)").ok());
  ImportOptions options;
  options.file = lists / "ven_custody_roster.csv";
  options.kind = "custody_roster";
  options.source = "generated roster";
  options.party = "VEN";
  Result<ImportReport> refused = ImportList(admin, options);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kConflict) << refused.status().ToString();
  EXPECT_NE(refused.status().message().find("database statement failed"), std::string::npos)
      << refused.status().message();
  if (store.on_postgres()) {
    EXPECT_NE(refused.status().message().find("('INSERT INTO custody(id, person_id"),
              std::string::npos)
        << refused.status().message();
  }
  EXPECT_EQ(store.LogSize(), log_size);
  EXPECT_TRUE(admin.store().Lists()->empty());
  for (const char* table : {"persons", "list_records", "custody", "person_index", "name_words"}) {
    EXPECT_EQ(Rows(admin, table), 0) << table;
  }

  ASSERT_TRUE(connection.Execute("DROP INDEX one_row_per_facility").ok());
  Result<ImportReport> imported = ImportList(admin, options);
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  EXPECT_GT(imported->imported, 1000);
  EXPECT_EQ(Rows(admin, "persons"), imported->imported);
  EXPECT_EQ(Rows(admin, "list_records"), imported->imported);
  EXPECT_EQ(Rows(admin, "custody"), imported->imported);
  EXPECT_GT(Rows(admin, "person_index"), 2 * imported->imported);
  EXPECT_GT(Rows(admin, "name_words"), 100);
  Result<instance::LogVerification> verified = instance::VerifyLog(admin, std::nullopt);
  ASSERT_TRUE(verified.ok()) << verified.status().ToString();
  EXPECT_EQ(verified->entries, log_size + 1);
}

}  // namespace
}  // namespace canje::registry
