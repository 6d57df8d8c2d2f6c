// Data protection, checked from the outside: the store's files never hold personal data in the
// clear, erasure makes a person unreadable everywhere, and key backup, restore and rotation
// (also when killed half-way) keep the store readable with the right key only.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <unordered_map>

#include "cli/cli_test_support.h"
#include "core/csv_writer.h"

namespace canje::cli::testing {
namespace {

using nlohmann::json;

constexpr size_t kWindow = 6;  // shorter values could occur by chance in ciphertext

uint64_t WindowKey(const char* bytes) {
  uint64_t key = 0;
  std::memcpy(&key, bytes, kWindow);
  return key;
}

// The values of personal columns of a generated list file, split into words of >= kWindow
// bytes, minus any word that also occurs in a column kept in the clear (facility, ...).
void CollectSecrets(const std::filesystem::path& csv, std::set<std::string>& secrets,
                    std::set<std::string>& clear_words) {
  std::ifstream in(csv);
  std::string header_line;
  std::getline(in, header_line);
  std::vector<std::string> header;
  std::stringstream header_stream(header_line);
  for (std::string name; std::getline(header_stream, name, ',');) header.push_back(name);
  const std::set<std::string> personal = {"given_names", "family_names", "full_name", "aliases",
                                          "document",    "date_of_birth", "notes"};
  std::string line;
  while (std::getline(in, line)) {
    // Generated files quote only fields with commas; split on commas outside quotes.
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (char c : line) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.emplace_back();
      } else {
        fields.back().push_back(c);
      }
    }
    for (size_t i = 0; i < fields.size() && i < header.size(); ++i) {
      bool is_personal = personal.count(header[i]) > 0;
      std::string word;
      for (char c : fields[i] + " ") {
        if (c == ' ' || c == '|' || c == ',') {
          if (word.size() >= kWindow) (is_personal ? secrets : clear_words).insert(word);
          word.clear();
        } else {
          word.push_back(c);
        }
      }
      if (header[i] == "document" || header[i] == "date_of_birth") {
        if (fields[i].size() >= kWindow) secrets.insert(fields[i]);
      }
    }
  }
}

// Every secret found in the bytes of `file`.
std::vector<std::string> FindSecrets(const std::filesystem::path& file,
                                     const std::set<std::string>& secrets) {
  std::unordered_multimap<uint64_t, const std::string*> by_prefix;
  for (const std::string& secret : secrets) by_prefix.emplace(WindowKey(secret.data()), &secret);
  std::ifstream in(file, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::string> found;
  for (size_t at = 0; at + kWindow <= bytes.size(); ++at) {
    auto [first, last] = by_prefix.equal_range(WindowKey(bytes.data() + at));
    for (auto it = first; it != last; ++it) {
      if (bytes.compare(at, it->second->size(), *it->second) == 0) found.push_back(*it->second);
    }
  }
  return found;
}

class DataProtectionTest : public ::testing::Test {
 protected:
  void LoadDemoAndLargeRoster() {
    RunResult demo = canje_.Run({"demo"});
    ASSERT_EQ(demo.exit_status, 0) << demo.err;
    RunResult generated = canje_.Run({"scenario", "generate", "cecot-2025", "--size", "20000",
                                      "--seed", "9", "--out", "large"});
    ASSERT_EQ(generated.exit_status, 0) << generated.err;
    RunResult imported =
        canje_.Run({"import", "large/ven_custody_roster.csv", "--kind", "custody_roster",
                    "--source", "large roster", "--party", "VEN"});
    ASSERT_EQ(imported.exit_status, 0) << imported.err;
  }
  std::set<std::string> Secrets() {
    std::set<std::string> secrets, clear_words;
    for (const auto& dir : {canje_.Path("cecot-2025"), canje_.Path("large")}) {
      for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() == ".csv" && entry.path().filename() != "truth.csv") {
          CollectSecrets(entry.path(), secrets, clear_words);
        }
      }
    }
    // Party names and list sources are kept in the clear by design.
    json manifest = json::parse(canje_.ReadFile("cecot-2025/scenario.json"));
    std::string clear_text;
    for (const auto& party : manifest["parties"]) clear_text += party["name"].get<std::string>() + " ";
    for (const auto& list : manifest["lists"]) clear_text += list["source"].get<std::string>() + " ";
    std::string word;
    for (char c : clear_text) {
      if (c == ' ' || c == ',' || c == ':') {
        clear_words.insert(word);
        word.clear();
      } else {
        word.push_back(c);
      }
    }
    for (const auto& clear : clear_words) secrets.erase(clear);
    return secrets;
  }
  void ExpectNoSecretInStoreFiles(const std::set<std::string>& secrets, const std::string& when) {
    int files = 0;
    for (const char* suffix : {"", "-wal", "-journal", "-shm"}) {
      std::filesystem::path file = canje_.Path(std::string("canje.db") + suffix);
      if (!std::filesystem::exists(file)) continue;
      ++files;
      std::vector<std::string> found = FindSecrets(file, secrets);
      std::string all;
      for (const auto& secret : found) all += " '" + secret + "'";
      EXPECT_TRUE(found.empty()) << when << ": " << file.filename() << " holds" << all;
    }
    EXPECT_GE(files, 1);
  }
  CanjeRunner canje_;
};

TEST_F(DataProtectionTest, NoPersonalDataInTheStoreFilesBeforeOrAfterEraseVacuumAndRotation) {
  LoadDemoAndLargeRoster();
  std::set<std::string> secrets = Secrets();
  ASSERT_GT(secrets.size(), 20000u);  // names, documents and dates of birth
  // The check can fail: the same bytes written in the clear are found.
  canje_.WriteFile("canje.db-journal", "x" + *secrets.begin() + "x");
  EXPECT_EQ(FindSecrets(canje_.Path("canje.db-journal"), secrets).size(), 1u);
  std::filesystem::remove(canje_.Path("canje.db-journal"));

  ExpectNoSecretInStoreFiles(secrets, "after import");
  ASSERT_EQ(canje_.Run({"person", "erase", "P5", "--reason", "test"}).exit_status, 0);
  ExpectNoSecretInStoreFiles(secrets, "after erasure");
  RunResult vacuum = RunProgram({"sqlite3", "canje.db", "VACUUM"}, canje_.dir(), {});
  ASSERT_EQ(vacuum.exit_status, 0) << vacuum.err;
  ExpectNoSecretInStoreFiles(secrets, "after VACUUM");
  ASSERT_EQ(canje_.Run({"key", "rotate"}).exit_status, 0);
  ExpectNoSecretInStoreFiles(secrets, "after rotation");
}

TEST_F(DataProtectionTest, AnErasedPersonIsUnreadableEverywhereAndTheRestIsIntact) {
  ASSERT_EQ(canje_.Run({"demo"}).exit_status, 0);
  json before = json::parse(canje_.Run({"persons", "--json"}).out);
  json target = before[6];
  std::string id = target["id"];
  std::string name = target["name"];
  ASSERT_EQ(canje_.Run({"user", "add", "neg", "--party", "SLV", "--role", "negotiator"})
                .exit_status,
            0);
  EXPECT_EQ(canje_.Run({"--as", "neg", "person", "erase", id, "--reason", "r"}).exit_status, 77);
  EXPECT_EQ(canje_.Run({"person", "erase", id}).exit_status, 2);
  EXPECT_EQ(canje_.Run({"person", "erase", "P999999", "--reason", "r"}).exit_status, 66);
  int64_t events_before = json::parse(canje_.Run({"summary", "--json"}).out)["events"];

  RunResult erased = canje_.Run({"person", "erase", id, "--reason", "asked by the family"});
  ASSERT_EQ(erased.exit_status, 0) << erased.err;
  EXPECT_EQ(canje_.Run({"person", "erase", id, "--reason", "again"}).exit_status, 75);

  ExpectOnlyErased(before, json::parse(canje_.Run({"persons", "--json"}).out), 6);
  if (HasFatalFailure()) return;
  RunResult show = canje_.Run({"person", "show", id});
  EXPECT_EQ(show.exit_status, 0);
  EXPECT_EQ(show.out.find(name), std::string::npos);
  EXPECT_NE(show.out.find("erased"), std::string::npos);
  std::string family = target["family_names"][0];
  EXPECT_EQ(canje_.Run({"persons", family, "--json"}).out.find(id + "\""), std::string::npos);
  EXPECT_EQ(canje_.Run({"export", "persons"}).out.find(name), std::string::npos);
  json summary = json::parse(canje_.Run({"summary", "--json"}).out);
  EXPECT_EQ(summary["events"], events_before + 1);
  EXPECT_EQ(summary["erased"], 1);
  RunResult event = RunProgram(
      {"sqlite3", "canje.db", "SELECT type, subjects FROM events ORDER BY seq DESC LIMIT 1"},
      canje_.dir(), {});
  EXPECT_EQ(event.out, "person.erased|[\"" + id + "\"]\n");
}

TEST_F(DataProtectionTest, KeyBackupRestoresAndAWrongPassphraseIsRefused) {
  canje_.Init();
  std::vector<std::string> env = {"CANJE_PASSPHRASE=a passphrase long enough"};
  ASSERT_EQ(canje_.Run({"key", "backup", "--out", "key.backup"}, env).exit_status, 0);
  EXPECT_EQ(canje_.Run({"key", "backup", "--out", "key.backup"}, env).exit_status, 75);
  std::filesystem::rename(canje_.Path("canje.db.key"), canje_.Path("lost.key"));
  EXPECT_EQ(canje_.Run({"party", "list"}).exit_status, 77);
  RunResult wrong = canje_.Run({"key", "restore", "--from", "key.backup"},
                               {"CANJE_PASSPHRASE=not the passphrase at all"});
  EXPECT_EQ(wrong.exit_status, 77);
  EXPECT_FALSE(std::filesystem::exists(canje_.Path("canje.db.key")));
  RunResult restored = canje_.Run({"key", "restore", "--from", "key.backup"}, env);
  ASSERT_EQ(restored.exit_status, 0) << restored.err;
  EXPECT_EQ(canje_.ReadFile("canje.db.key"), canje_.ReadFile("lost.key"));
  EXPECT_EQ(canje_.Run({"party", "list"}).exit_status, 0);
}

TEST_F(DataProtectionTest, ARotationKilledHalfWayResumesAndLosesNothing) {
  canje_.Init();
  ASSERT_EQ(canje_.Run({"party", "add", "VEN", "--name", "V"}).exit_status, 0);
  ASSERT_EQ(canje_.Run({"scenario", "generate", "cecot-2025", "--size", "30000", "--out", "g"})
                .exit_status,
            0);
  ASSERT_EQ(canje_.Run({"import", "g/ven_custody_roster.csv", "--kind", "custody_roster",
                        "--source", "s", "--party", "VEN"})
                .exit_status,
            0);
  std::string before = canje_.Run({"export", "persons"}).out;
  std::string old_key = canje_.ReadFile("canje.db.key");

  ASSERT_NO_FATAL_FAILURE(KillKeyRotationHalfWay(canje_));

  EXPECT_EQ(canje_.Run({"export", "persons"}).out, before);  // readable mid-rotation
  RunResult resumed = canje_.Run({"key", "rotate", "--json"});
  ASSERT_EQ(resumed.exit_status, 0) << resumed.err;
  json report = json::parse(resumed.out);
  EXPECT_EQ(report["resumed"], true);
  EXPECT_GE(report["rewrapped"], 60000);  // a person key and a record key per row
  EXPECT_EQ(canje_.ReadFile("canje.db.key").find("previous"), std::string::npos);
  EXPECT_EQ(canje_.Run({"export", "persons"}).out, before);
  // The old key alone no longer opens the store.
  canje_.WriteFile("old.key", old_key);
  std::filesystem::permissions(canje_.Path("old.key"), std::filesystem::perms::owner_read);
  EXPECT_EQ(canje_.Run({"--master-key", "old.key", "party", "list"}).exit_status, 77);
}

}  // namespace
}  // namespace canje::cli::testing
