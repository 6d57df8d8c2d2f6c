// The command line given input that is careless or hostile: bytes that are not UTF-8, look-ups
// that normalise to nothing, spreadsheet formulas in another party's list, and a store other
// accounts could read. Each test is the regression test of a fault a probe found (an abort, a
// segmentation fault, a formula run by a spreadsheet, a readable store); each bad input gets its
// documented exit status, a message, and changes nothing.
#include <sys/stat.h>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/cli_test_support.h"
#include "core/utf8.h"

namespace canje::cli::testing {
namespace {

using nlohmann::json;

class UntrustedInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    canje_.Init();
    ASSERT_EQ(canje_.Run({"party", "add", "VEN", "--name", "Venezuela"}).exit_status, 0);
  }
  int64_t LogSize() const {
    return json::parse(canje_.Run({"summary", "--json"}).out)["events"].get<int64_t>();
  }
  RunResult Import(const std::string& file, const std::vector<std::string>& extra = {}) const {
    std::vector<std::string> args = {"import", file,     "--kind", "claim_list",
                                     "--source", "test", "--party", "VEN"};
    args.insert(args.end(), extra.begin(), extra.end());
    return canje_.Run(args);
  }
  CanjeRunner canje_;
};

TEST_F(UntrustedInputTest, ALookUpOfNothingIsAUsageError) {
  // (Over HTTP, `document=%00` — a NUL byte — is one more: src/server/api_test.cc.)
  for (std::vector<std::string> args : {std::vector<std::string>{"--document", "-"},
                                        {"--document", "."},
                                        {"--document", "\t"},
                                        {"--exact-name", "."}}) {
    args.insert(args.begin(), "persons");
    RunResult result = canje_.Run(args);
    EXPECT_EQ(result.exit_status, 2) << args[1] << " " << args[2] << ": " << result.err;
    EXPECT_NE(result.err.find("to look up"), std::string::npos) << result.err;
  }
}

TEST_F(UntrustedInputTest, ArgumentsThatAreNotUtf8AreRefusedBeforeAnythingRuns) {
  const int64_t before = LogSize();
  canje_.WriteFile("l\xff.csv", "given_names,family_names\nAna,Díaz\n");
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"party", "add", "SLV", "--name", "El Salvador\xff"},
           {"user", "add", "a\xc0\xaf", "--party", "VEN", "--role", "observer"},
           {"hold", "add", "--issuer", "Court\xff", "--reference", "1", "--person", "P1"},
           {"import", "l\xff.csv", "--kind", "claim_list", "--source", "s", "--party", "VEN"},
           {"import", "l.csv", "--kind", "claim_list", "--source", "s\xe2\x82", "--party", "VEN"},
           {"exchange", "create", "swap\xff"},
           {"person", "erase", "P1", "--reason", "x\xff"}}) {
    RunResult result = canje_.Run(args);
    EXPECT_EQ(result.exit_status, 2) << args[0] << ": " << result.err;
    EXPECT_NE(result.err.find("not UTF-8"), std::string::npos) << result.err;
    EXPECT_TRUE(IsValidUtf8(result.err)) << result.err;
  }
  EXPECT_EQ(LogSize(), before);
}

// nlohmann's message about a malformed list quotes the bytes it last read, which may end inside
// a character: printing it as JSON aborted (exit 134), with --skip-invalid after the import had
// committed.
TEST_F(UntrustedInputTest, AMalformedJsonListIsReportedNotFatal) {
  const std::vector<std::string> bad_lists = {
      "[{\"a\":\"\xc3(\"}]",                    // a cut two-byte character
      "[{\"given_names\":\"Jos\xe2\x82\"}]",  // a cut three-byte character
      "[{\"given_names\":\"Ana\"},{\"x\":\"\xff\"}]",
  };
  for (size_t i = 0; i < bad_lists.size(); ++i) {
    std::string file = "bad" + std::to_string(i) + ".json";
    canje_.WriteFile(file, bad_lists[i]);
    const int64_t before = LogSize();
    RunResult strict = canje_.Run({"--json", "import", file, "--kind", "claim_list", "--source",
                                   "s", "--party", "VEN"});
    EXPECT_EQ(strict.exit_status, 65) << file << ": " << strict.err;
    EXPECT_TRUE(IsValidUtf8(strict.err) && IsValidUtf8(strict.out)) << strict.err;
    EXPECT_EQ(LogSize(), before);
    RunResult skipping = canje_.Run({"--json", "import", file, "--kind", "claim_list",
                                     "--source", "s" + std::to_string(i), "--party", "VEN",
                                     "--skip-invalid"});
    EXPECT_TRUE(skipping.exit_status == 0 || skipping.exit_status == 65)
        << file << ": " << skipping.exit_status << " " << skipping.err;
    if (skipping.exit_status == 0) {
      EXPECT_FALSE(json::parse(skipping.out, nullptr, false).is_discarded()) << skipping.out;
    } else {
      EXPECT_EQ(LogSize(), before) << "a refused import wrote nothing";
    }
    std::string rejects = file + ".rejected.csv";
    if (std::filesystem::exists(canje_.Path(rejects))) {
      EXPECT_TRUE(IsValidUtf8(canje_.ReadFile(rejects))) << "the rejects file is UTF-8";
    }
  }
  // A CSV row with a byte that is not UTF-8: the rejects file shows it as \xNN.
  canje_.WriteFile("rows.csv", "given_names,family_names\nAna,Díaz\nLu\xffis,Pérez\n");
  RunResult skipped = Import("rows.csv", {"--skip-invalid"});
  ASSERT_EQ(skipped.exit_status, 0) << skipped.err;
  std::string rejects = canje_.ReadFile("rows.csv.rejected.csv");
  EXPECT_TRUE(IsValidUtf8(rejects)) << rejects;
  EXPECT_NE(rejects.find("Lu\\xffis"), std::string::npos) << rejects;
}

// A list can carry what a spreadsheet would run as a formula; every CSV canje writes neutralises
// it (OWASP's guidance: a leading apostrophe), and canje's import gives the values back.
TEST_F(UntrustedInputTest, ExportedCsvNeverCarriesAFormulaAndStillRoundTrips) {
  // (`|` separates the items of list columns such as given_names, so the first formula is a
  // note.) A field that another tool already guarded with an apostrophe imports without it.
  canje_.WriteFile("formulas.csv",
                   "given_names,family_names,notes\n"
                   "@SUM(A1:A9),Díaz,\"=cmd|' /C calc'!A0\"\n"
                   "+1+1,-2+3,'=already guarded\n");
  ASSERT_EQ(Import("formulas.csv").exit_status, 0);
  RunResult exported = canje_.Run({"export", "persons", "--format", "csv", "--out", "out.csv"});
  ASSERT_EQ(exported.exit_status, 0) << exported.err;
  std::string csv = canje_.ReadFile("out.csv");
  // No field of the export starts with a character a spreadsheet would evaluate.
  std::string field;
  bool quoted = false, at_start = true;
  for (char c : csv) {
    if (at_start) {
      char first = c == '"' ? '\0' : c;
      EXPECT_TRUE(first != '=' && first != '+' && first != '-' && first != '@')
          << "a field starts with '" << c << "':\n" << csv;
      at_start = false;
    }
    if (c == '"') quoted = !quoted;
    if (!quoted && (c == ',' || c == '\n')) at_start = true;
  }
  EXPECT_NE(csv.find(",'=cmd|' /C calc'!A0"), std::string::npos) << csv;
  EXPECT_NE(csv.find("'@SUM(A1:A9)"), std::string::npos) << csv;
  // The round trip gives back the exact values.
  CanjeRunner second;
  second.Init();
  ASSERT_EQ(second.Run({"party", "add", "VEN", "--name", "Venezuela"}).exit_status, 0);
  second.WriteFile("out.csv", csv);
  ASSERT_EQ(second
                .Run({"import", "out.csv", "--kind", "claim_list", "--source", "back", "--party",
                      "VEN"})
                .exit_status,
            0);
  json first = json::parse(canje_.Run({"persons", "--json"}).out);
  json back = json::parse(second.Run({"persons", "--json"}).out);
  ASSERT_EQ(first.size(), 2u);
  ASSERT_EQ(back.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    for (const char* key : {"given_names", "family_names", "notes"}) {
      EXPECT_EQ(first[i][key], back[i][key]) << key;
    }
  }
  EXPECT_EQ(first[0]["notes"], "=cmd|' /C calc'!A0");
  EXPECT_EQ(first[0]["given_names"][0], "@SUM(A1:A9)");
  EXPECT_EQ(first[1]["family_names"][0], "-2+3");
  EXPECT_EQ(first[1]["notes"], "=already guarded");
}

TEST_F(UntrustedInputTest, TheStoreIsReadableByItsOwnerAlone) {
  if (canje_.on_postgres()) GTEST_SKIP() << "file modes are SQLite's";
  struct stat info {};
  ASSERT_EQ(stat(canje_.Path("canje.db").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  for (const char* companion : {"canje.db-wal", "canje.db-shm"}) {
    if (stat(canje_.Path(companion).c_str(), &info) == 0) {
      EXPECT_EQ(info.st_mode & 077, 0u) << companion;
    }
  }
  chmod(canje_.Path("canje.db").c_str(), 0644);
  RunResult refused = canje_.Run({"summary"});
  EXPECT_EQ(refused.exit_status, 77) << refused.err;
  EXPECT_NE(refused.err.find("chmod 600"), std::string::npos) << refused.err;
  chmod(canje_.Path("canje.db").c_str(), 0600);
  EXPECT_EQ(canje_.Run({"summary"}).exit_status, 0);
}

}  // namespace
}  // namespace canje::cli::testing
