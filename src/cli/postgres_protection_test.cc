// The PostgreSQL side of the log-tampering and data-protection tests that edit or read the
// SQLite file itself (log_test.cc, data_protection_test.cc): tampering through psql with the
// events, merkle_hashes and checkpoints tables is caught and the entry named; a log cut short
// with its checkpoints is caught by an earlier checkpoint; an erased person's keys and sealed
// data are gone from the database's files and from a pg_dump, even while another transaction's
// snapshot holds the old row versions when the erasure begins; a key rotation killed half-way
// resumes. Run on the test cluster only (CANJE_TEST_BACKEND=postgres, as cli_test_postgres).
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "cli/cli_test_support.h"

namespace canje::cli::testing {
namespace {

using nlohmann::json;

// The database name in a PostgreSQL URL.
std::string DatabaseName(const std::string& url) {
  std::string path = url.substr(0, url.find('?'));
  return path.substr(path.rfind('/') + 1);
}

// Runs SQL as the cluster's superuser and expects it to succeed; returns its output.
std::string Superuser(const std::string& sql) {
  RunResult result = RunPsql(TestPostgresUrl(), sql);
  EXPECT_EQ(result.exit_status, 0) << sql << ": " << result.err;
  return result.out;
}

std::string Trim(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

std::string FromHex(const std::string& hex) {
  std::string bytes;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  }
  return bytes;
}

class PostgresProtectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!TestsUsePostgres()) GTEST_SKIP() << "needs the PostgreSQL test cluster";
    canje_ = std::make_unique<CanjeRunner>();
  }
  void TearDown() override {
    for (const auto& copy : copies_) {
      RunPsql(TestPostgresUrl(), "DROP DATABASE IF EXISTS " + copy + " WITH (FORCE)");
    }
  }
  std::string Psql(const std::string& sql) const {
    RunResult result = RunPsql(canje_->database(), sql);
    EXPECT_EQ(result.exit_status, 0) << sql << ": " << result.err;
    return result.out;
  }
  // Copies the test's database to a new one named after the test and `name`, applies `sql` to
  // it through psql, and runs `canje log verify` on the copy.
  RunResult VerifyTampered(const std::string& name, const std::string& sql,
                           const std::vector<std::string>& extra = {}) {
    std::string copy = DatabaseName(canje_->database()) + "_" + name;
    copies_.push_back(copy);
    Superuser("CREATE DATABASE " + copy + " TEMPLATE " + DatabaseName(canje_->database()));
    std::string url = PostgresUrlForDatabase(TestPostgresUrl(), copy);
    RunResult changed = RunPsql(url, sql);
    EXPECT_EQ(changed.exit_status, 0) << name << ": " << changed.err;
    std::vector<std::string> args = {"--db", url, "log", "verify"};
    args.insert(args.end(), extra.begin(), extra.end());
    return canje_->Run(args);
  }
  // The secrets of person `id` (P7) as stored, by what they are ("person key", "record 12
  // sealed", ...): wrapped keys and sealed bytes of the person, of the list records linked to
  // them and of the events about them, as bytes and as hex. Returns psql's rows.
  std::string SecretsOf(const std::string& id, std::map<std::string, std::string>& secrets,
                        std::map<std::string, std::string>& secrets_hex) const {
    const std::string number = id.substr(1);
    std::string rows = Psql(
        "SELECT 'person key', encode(data_key, 'hex') FROM persons WHERE id = " + number +
        " UNION ALL SELECT 'person sealed', encode(sealed, 'hex') FROM persons WHERE id = " +
        number +
        " UNION ALL SELECT 'record ' || id || ' key', encode(data_key, 'hex') FROM list_records "
        "WHERE person_id = " +
        number +
        " UNION ALL SELECT 'record ' || id || ' sealed', encode(sealed, 'hex') FROM "
        "list_records WHERE person_id = " +
        number +
        " UNION ALL SELECT 'event ' || seq || ' key', encode(payload_key, 'hex') FROM events "
        "WHERE seq IN (SELECT seq FROM event_subjects WHERE subject = '" +
        id + "')");
    std::stringstream lines(rows);
    for (std::string line; std::getline(lines, line);) {
      size_t bar = line.find('|');
      if (bar == std::string::npos || line.size() - bar - 1 < 64) continue;
      secrets[line.substr(0, bar)] = FromHex(line.substr(bar + 1));
      secrets_hex[line.substr(0, bar)] = line.substr(bar + 1);
    }
    return rows;
  }
  // The database's own folder in the cluster's data directory, flushed (CHECKPOINT) so that the
  // table files hold what the server has written.
  std::filesystem::path DatabaseFolder() const {
    Superuser("CHECKPOINT");
    std::string data = Trim(Superuser("SHOW data_directory"));
    std::string oid = Trim(Superuser("SELECT oid FROM pg_database WHERE datname = '" +
                                     DatabaseName(canje_->database()) + "'"));
    return std::filesystem::path(data) / "base" / oid;
  }
  std::unique_ptr<CanjeRunner> canje_;
  std::vector<std::string> copies_;
};

class PostgresLogTest : public PostgresProtectionTest {
 protected:
  void SetUp() override {
    PostgresProtectionTest::SetUp();
    if (IsSkipped()) return;
    ASSERT_EQ(canje_->Run({"demo"}).exit_status, 0);
    auto verified = json::parse(canje_->Run({"log", "verify", "--json"}).out);
    size_ = verified["entries"];
    ASSERT_GE(size_, 16);
  }
  int64_t size_ = 0;
};

TEST_F(PostgresLogTest, EveryKindOfTamperingIsCaughtAndTheEntryNamed) {
  std::string size = std::to_string(size_);
  std::vector<LogTampering> cases = {
      // event_subjects refers to events(seq), so the rows swap contents rather than numbers.
      {"reordered",
       "UPDATE events e SET time = o.time, actor = o.actor, party = o.party, type = o.type, "
       "subjects = o.subjects, payload_sha256 = o.payload_sha256, salt = o.salt, "
       "payload_key = o.payload_key, payload = o.payload FROM events o "
       "WHERE (e.seq = 3 AND o.seq = 4) OR (e.seq = 4 AND o.seq = 3)",
       "entry 3"},
      {"inserted",
       "INSERT INTO events (seq, time, actor, party, type, subjects, payload_sha256, salt, "
       "payload_key, payload) SELECT " +
           size +
           ", time, actor, party, type, subjects, payload_sha256, salt, payload_key, payload "
           "FROM events WHERE seq = " +
           std::to_string(size_ - 1),
       "entry " + size},
      {"payload_altered",
       "UPDATE events SET payload = decode(repeat('00', length(payload)), 'hex') WHERE seq = 9",
       "entry 9"},
      // lists.event_seq refers to events: the database's superuser turns such checks off.
      {"cut_short",
       "SET session_replication_role = replica; DELETE FROM event_subjects WHERE seq >= 15; "
       "DELETE FROM events WHERE seq >= 15",
       "cut short"},
      // A stored tree hash: the message names the entry whose append stored it.
      {"stored_hash_changed",
       "UPDATE merkle_hashes SET hash = decode(repeat('00', 32), 'hex') WHERE idx = 10",
       "(hash 10) does not match"},
      {"checkpoint_root_changed",
       "UPDATE checkpoints SET root = decode(repeat('00', 32), 'hex') WHERE size = 12",
       "checkpoint at size 12: the stored size or root differs from the signed note"},
      {"checkpoint_note_changed",
       "UPDATE checkpoints SET note = replace(note, E'\\n12\\n', E'\\n13\\n') WHERE size = 12",
       "checkpoint at size 12"},
  };
  ExpectTamperingsCaught(std::move(cases), [&](const std::string& name, const std::string& sql) {
    return VerifyTampered(name, sql);
  });
  // The copies themselves are faithful: an untouched one verifies.
  EXPECT_EQ(VerifyTampered("untouched", "SELECT 1").exit_status, 0);
}

TEST_F(PostgresLogTest, ALogCutShortWithItsCheckpointsIsCaughtByAnEarlierCheckpoint) {
  canje_->WriteFile("kept.checkpoint", canje_->Run({"log", "checkpoint"}).out);
  std::string cut =
      "SET session_replication_role = replica; DELETE FROM cosignatures WHERE size > 15; "
      "DELETE FROM event_subjects WHERE seq >= 15; DELETE FROM events WHERE seq >= 15; "
      "DELETE FROM checkpoints WHERE size > 15; DELETE FROM merkle_hashes WHERE idx >= " +
      std::to_string(2 * 15 - 4 /* popcount(15) */);
  EXPECT_EQ(VerifyTampered("cut_quietly", cut).exit_status, 0);  // consistent on its own
  std::string url = PostgresUrlForDatabase(TestPostgresUrl(), copies_.back());
  RunResult result = canje_->Run({"--db", url, "log", "verify", "--checkpoint", "kept.checkpoint"});
  EXPECT_EQ(result.exit_status, 65);
  EXPECT_NE(result.err.find("cut short"), std::string::npos) << result.err;
}

// Every occurrence of any of `needles` in the files under `folder`: "file: needle".
std::vector<std::string> FindBytes(const std::filesystem::path& folder,
                                   const std::map<std::string, std::string>& needles) {
  std::vector<std::string> found;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const auto& [name, needle] : needles) {
      if (bytes.find(needle) != std::string::npos) {
        found.push_back(entry.path().filename().string() + ": " + name);
      }
    }
  }
  return found;
}

TEST_F(PostgresProtectionTest, AnErasedPersonIsGoneFromTheTableFilesAndDumpAndTheRestIsIntact) {
  ASSERT_EQ(canje_->Run({"demo"}).exit_status, 0);
  json before = json::parse(canje_->Run({"persons", "--json"}).out);
  json target = before[6];
  std::string id = target["id"];
  std::string name = target["name"];
  std::map<std::string, std::string> secrets, secrets_hex;
  std::string rows = SecretsOf(id, secrets, secrets_hex);
  ASSERT_GE(secrets.size(), 3u) << rows;  // the person's key and sealed fields, a record
  // Planner statistics sample column values into pg_statistic, which an erasure cannot
  // rewrite: gathered now (as autovacuum would), they hold no byte column (keys, sealed data).
  Psql("ANALYZE");
  EXPECT_EQ(Psql("SELECT count(*) FROM pg_stats s JOIN information_schema.columns c "
                 "ON c.table_schema = s.schemaname AND c.table_name = s.tablename "
                 "AND c.column_name = s.attname "
                 "WHERE s.schemaname = current_schema() AND c.data_type = 'bytea'"),
            "0\n");
  EXPECT_NE(Psql("SELECT count(*) FROM pg_stats WHERE tablename = 'persons'"), "0\n");
  // The check can fail: before the erasure the files hold them.
  EXPECT_EQ(FindBytes(DatabaseFolder(), secrets).size() >= secrets.size(), true);
  int64_t events_before = json::parse(canje_->Run({"summary", "--json"}).out)["events"];

  RunResult erased = canje_->Run({"person", "erase", id, "--reason", "asked by the family"});
  ASSERT_EQ(erased.exit_status, 0) << erased.err;
  EXPECT_EQ(canje_->Run({"person", "erase", id, "--reason", "again"}).exit_status, 75);

  std::vector<std::string> left = FindBytes(DatabaseFolder(), secrets);
  std::string all;
  for (const auto& where : left) all += "\n  " + where;
  EXPECT_TRUE(left.empty()) << "erased secrets still in the database's files:" << all;
  RunResult dump = RunProgram({"pg_dump", "-d", canje_->database()}, canje_->dir(), {});
  ASSERT_EQ(dump.exit_status, 0) << dump.err;
  EXPECT_NE(dump.out.find("COPY public.persons"), std::string::npos);
  for (const auto& [what, hex] : secrets_hex) {
    EXPECT_EQ(dump.out.find(hex), std::string::npos) << what << " in pg_dump";
  }
  EXPECT_EQ(dump.out.find(name), std::string::npos);

  ExpectOnlyErased(before, json::parse(canje_->Run({"persons", "--json"}).out), 6);
  if (HasFatalFailure()) return;
  RunResult show = canje_->Run({"person", "show", id});
  EXPECT_EQ(show.exit_status, 0);
  EXPECT_EQ(show.out.find(name), std::string::npos);
  EXPECT_EQ(canje_->Run({"export", "persons"}).out.find(name), std::string::npos);
  json summary = json::parse(canje_->Run({"summary", "--json"}).out);
  EXPECT_EQ(summary["events"], events_before + 1);
  EXPECT_EQ(summary["erased"], 1);
  EXPECT_EQ(Psql("SELECT type, subjects FROM events ORDER BY seq DESC LIMIT 1"),
            "person.erased|[\"" + id + "\"]\n");
  EXPECT_EQ(canje_->Run({"log", "verify"}).exit_status, 0);
}

// Another transaction's open snapshot (an autovacuum ANALYZE, a reader on another server) keeps
// the erased row versions alive, and VACUUM FULL would copy them into the rewritten table: the
// erasure rewrites again until that snapshot is gone, and then nothing is left.
TEST_F(PostgresProtectionTest, AnErasureOutlastsAnOpenSnapshotAndLeavesNothing) {
  ASSERT_EQ(canje_->Run({"demo"}).exit_status, 0);
  const std::string id = json::parse(canje_->Run({"persons", "--json"}).out)[4]["id"];
  std::map<std::string, std::string> secrets, secrets_hex;
  std::string rows = SecretsOf(id, secrets, secrets_hex);
  ASSERT_GE(secrets.size(), 3u) << rows;
  // A snapshot taken before the erasure, held for 4 s, touching no canje table (so no lock
  // stands in VACUUM's way): only its xmin holds the old row versions.
  std::thread reader([this] {
    RunPsql(canje_->database(),
            "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT 1; SELECT pg_sleep(4); COMMIT;");
  });
  while (Psql("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
              "AND backend_xmin IS NOT NULL AND pid <> pg_backend_pid() "
              "AND query LIKE '%pg_sleep%'") == "0\n") {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  RunResult erased = canje_->Run({"person", "erase", id, "--reason", "asked by the family"});
  reader.join();
  ASSERT_EQ(erased.exit_status, 0) << erased.err;
  std::vector<std::string> left = FindBytes(DatabaseFolder(), secrets);
  std::string all;
  for (const auto& where : left) all += "\n  " + where;
  EXPECT_TRUE(left.empty()) << "erased secrets still in the database's files:" << all;
}

TEST_F(PostgresProtectionTest, ARotationKilledHalfWayResumesAndLosesNothing) {
  canje_->Init();
  ASSERT_EQ(canje_->Run({"party", "add", "VEN", "--name", "V"}).exit_status, 0);
  ASSERT_EQ(canje_->Run({"scenario", "generate", "cecot-2025", "--size", "10000", "--out", "g"})
                .exit_status,
            0);
  ASSERT_EQ(canje_
                ->Run({"import", "g/ven_custody_roster.csv", "--kind", "custody_roster", "--source",
                       "s", "--party", "VEN"})
                .exit_status,
            0);
  std::string before = canje_->Run({"export", "persons"}).out;
  std::string old_key = canje_->ReadFile("canje.db.key");

  ASSERT_NO_FATAL_FAILURE(KillKeyRotationHalfWay(*canje_));

  EXPECT_EQ(canje_->Run({"export", "persons"}).out, before);  // readable mid-rotation
  RunResult resumed = canje_->Run({"key", "rotate", "--json"});
  ASSERT_EQ(resumed.exit_status, 0) << resumed.err;
  json report = json::parse(resumed.out);
  EXPECT_EQ(report["resumed"], true);
  EXPECT_GE(report["rewrapped"], 20000);  // a person key and a record key per row
  EXPECT_EQ(canje_->ReadFile("canje.db.key").find("previous"), std::string::npos);
  EXPECT_EQ(canje_->Run({"export", "persons"}).out, before);
  canje_->WriteFile("old.key", old_key);
  std::filesystem::permissions(canje_->Path("old.key"), std::filesystem::perms::owner_read);
  EXPECT_EQ(canje_->Run({"--master-key", "old.key", "party", "list"}).exit_status, 77);
}

}  // namespace
}  // namespace canje::cli::testing
