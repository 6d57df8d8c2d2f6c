// The administrative commands, run as a user would: the real binary on a real SQLite file.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/cli_test_support.h"

namespace canje::cli::testing {
namespace {

TEST(InitCommandTest, CreatesStoreAndOwnerOnlyKeyAndRefusesToOverwrite) {
  CanjeRunner canje;
  RunResult first = canje.Run({"init", "--origin", "example.org/test-log"});
  ASSERT_EQ(first.exit_status, 0) << first.err;
  EXPECT_TRUE(std::filesystem::exists(canje.Path("canje.db")));
  auto permissions = std::filesystem::status(canje.Path("canje.db.key")).permissions();
  EXPECT_EQ(permissions & std::filesystem::perms::all, std::filesystem::perms::owner_read |
                                                            std::filesystem::perms::owner_write);
  RunResult again = canje.Run({"init"});
  EXPECT_EQ(again.exit_status, 75);
  EXPECT_NE(again.err.find("already exists"), std::string::npos);
}

TEST(PartyCommandTest, AddsPartiesAndRefusesBadCodesAndDuplicates) {
  CanjeRunner canje;
  canje.Init();
  EXPECT_EQ(canje.Run({"party", "add", "VEN", "--name", "Venezuela"}).exit_status, 0);
  EXPECT_EQ(canje.Run({"party", "add", "ICRC", "--name", "Committee", "--kind", "intermediary"})
                .exit_status,
            0);
  RunResult lower = canje.Run({"party", "add", "ven", "--name", "Venezuela"});
  EXPECT_EQ(lower.exit_status, 2);
  EXPECT_NE(lower.err.find("alpha-3"), std::string::npos);
  EXPECT_EQ(canje.Run({"party", "add", "VEN", "--name", "Again"}).exit_status, 75);
  RunResult list = canje.Run({"party", "list", "--json"});
  ASSERT_EQ(list.exit_status, 0) << list.err;
  auto parties = nlohmann::json::parse(list.out);
  ASSERT_EQ(parties.size(), 3u);  // with the operator created by init
  EXPECT_EQ(parties[2]["code"], "VEN");
  EXPECT_EQ(parties[2]["name"], "Venezuela");
}

TEST(UserCommandTest, RolesAreEnforcedForEveryActingUser) {
  CanjeRunner canje;
  canje.Init();
  ASSERT_EQ(canje.Run({"party", "add", "VEN", "--name", "Venezuela"}).exit_status, 0);
  ASSERT_EQ(canje.Run({"user", "add", "ana", "--party", "VEN", "--role", "negotiator"}).exit_status,
            0);
  RunResult refused = canje.Run({"--as", "ana", "party", "add", "SLV", "--name", "El Salvador"});
  EXPECT_EQ(refused.exit_status, 77);
  EXPECT_NE(refused.err.find("negotiator may not manage parties"), std::string::npos);
  RunResult env_refused = canje.Run({"user", "add", "bob", "--party", "VEN", "--role", "observer"},
                                    {"CANJE_USER=ana"});
  EXPECT_EQ(env_refused.exit_status, 77);
  EXPECT_EQ(canje.Run({"--as", "nobody", "party", "list"}).exit_status, 77);
  EXPECT_EQ(canje.Run({"user", "add", "bob", "--party", "XXX", "--role", "observer"}).exit_status,
            66);
  EXPECT_EQ(canje.Run({"user", "add", "bob", "--party", "VEN", "--role", "king"}).exit_status, 2);
  RunResult users = canje.Run({"user", "list", "--json"});
  auto list = nlohmann::json::parse(users.out);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[1]["name"], "ana");
  EXPECT_EQ(list[1]["role"], "negotiator");
}

TEST(StoreOpeningTest, MissingStoreWrongKeyAndMissingKeyAreRefusedCleanly) {
  CanjeRunner canje;
  EXPECT_EQ(canje.Run({"party", "list"}).exit_status, 66);
  canje.Init();
  CanjeRunner other;
  other.Init();
  RunResult wrong_key =
      canje.Run({"--master-key", other.Path("canje.db.key").string(), "party", "list"});
  EXPECT_EQ(wrong_key.exit_status, 77);
  EXPECT_NE(wrong_key.err.find("does not open this store"), std::string::npos);
  std::filesystem::rename(canje.Path("canje.db.key"), canje.Path("moved.key"));
  RunResult no_key = canje.Run({"party", "list"});
  EXPECT_EQ(no_key.exit_status, 77);
  EXPECT_NE(no_key.err.find("no master key"), std::string::npos);
}

TEST(UsageTest, BadFlagsExitWithTwoAndHelpWithZero) {
  CanjeRunner canje;
  EXPECT_EQ(canje.Run({"party", "add"}).exit_status, 2);
  EXPECT_EQ(canje.Run({"no-such-command"}).exit_status, 2);
  RunResult help = canje.Run({"--help"});
  EXPECT_EQ(help.exit_status, 0);
  EXPECT_NE(help.out.find("party"), std::string::npos);
}

}  // namespace
}  // namespace canje::cli::testing
