// Signing keys and detached signatures from the command line, checked against OpenSSL's own
// command line: a signature made by `canje sign` verifies with `openssl pkeyutl` alone, and
// one made by OpenSSL verifies with canje.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/cli_test_support.h"

namespace canje::cli::testing {
namespace {

RunResult Openssl(const CanjeRunner& canje, const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"openssl"};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunProgram(argv, canje.dir(), {});
}

// Makes NAME.pem (private) and NAME.pub.pem (public) with OpenSSL.
void MakeKey(const CanjeRunner& canje, const std::string& name) {
  ASSERT_TRUE(MakeEd25519KeyPair(canje.dir(), name));
}

int64_t LogSize(const CanjeRunner& canje) {
  RunResult summary = canje.Run({"summary", "--json"});
  EXPECT_EQ(summary.exit_status, 0) << summary.err;
  return nlohmann::json::parse(summary.out)["events"].get<int64_t>();
}

TEST(SigningTest, CanjeSignsOfflineAndOpensslAloneVerifies) {
  CanjeRunner canje;  // no store: `canje sign` needs none
  MakeKey(canje, "ven");
  canje.WriteFile("manifest.json", R"({"exchange":"X1","version":3})");
  RunResult signed_ = canje.Run({"sign", "--key", "ven.pem", "--manifest", "manifest.json"});
  ASSERT_EQ(signed_.exit_status, 0) << signed_.err;
  EXPECT_FALSE(std::filesystem::exists(canje.Path("canje.db")));
  EXPECT_EQ(canje.ReadFile("manifest.json.sig").size(), 64u);
  RunResult verified =
      Openssl(canje, {"pkeyutl", "-verify", "-pubin", "-inkey", "ven.pub.pem", "-rawin", "-in",
                      "manifest.json", "-sigfile", "manifest.json.sig"});
  EXPECT_EQ(verified.exit_status, 0) << verified.out << verified.err;
  EXPECT_NE(verified.out.find("Signature Verified Successfully"), std::string::npos);

  // One byte more in the manifest and OpenSSL refuses it.
  canje.WriteFile("manifest.json", R"({"exchange":"X1","version":3} )");
  EXPECT_NE(Openssl(canje, {"pkeyutl", "-verify", "-pubin", "-inkey", "ven.pub.pem", "-rawin",
                            "-in", "manifest.json", "-sigfile", "manifest.json.sig"})
                .exit_status,
            0);
}

TEST(SigningTest, OpensslSignsAndCanjeVerifiesOnlyWithTheRightKey) {
  CanjeRunner canje;
  MakeKey(canje, "slv");
  MakeKey(canje, "other");
  canje.WriteFile("manifest.json", R"({"exchange":"X1","version":4})");
  ASSERT_EQ(Openssl(canje, {"pkeyutl", "-sign", "-inkey", "slv.pem", "-rawin", "-in",
                            "manifest.json", "-out", "slv.sig"})
                .exit_status,
            0);
  RunResult good = canje.Run({"verify-signature", "--key", "slv.pub.pem", "--manifest",
                              "manifest.json", "--signature", "slv.sig"});
  EXPECT_EQ(good.exit_status, 0) << good.err;
  EXPECT_NE(good.out.find("Valid"), std::string::npos);
  RunResult wrong_key = canje.Run({"verify-signature", "--key", "other.pub.pem", "--manifest",
                                   "manifest.json", "--signature", "slv.sig"});
  EXPECT_EQ(wrong_key.exit_status, 65);
  EXPECT_NE(wrong_key.err.find("not a signature of manifest.json"), std::string::npos);
  RunResult private_as_public = canje.Run({"verify-signature", "--key", "slv.pem", "--manifest",
                                           "manifest.json", "--signature", "slv.sig"});
  EXPECT_EQ(private_as_public.exit_status, 65);
  EXPECT_NE(private_as_public.err.find("-pubout"), std::string::npos);
}

TEST(SigningTest, PartiesEnrolKeysOnlyForThemselvesAndEachEnrolmentIsLogged) {
  CanjeRunner canje;
  canje.Init();
  MakeKey(canje, "ven");
  MakeKey(canje, "slv");
  ASSERT_EQ(canje.Run({"party", "add", "VEN", "--name", "Venezuela"}).exit_status, 0);
  ASSERT_EQ(canje.Run({"party", "add", "SLV", "--name", "El Salvador"}).exit_status, 0);
  ASSERT_EQ(canje.Run({"user", "add", "ana", "--party", "VEN", "--role", "negotiator"}).exit_status,
            0);
  const int64_t before = LogSize(canje);
  RunResult added =
      canje.Run({"--as", "ana", "party", "key", "add", "VEN", "--pem", "ven.pub.pem"});
  ASSERT_EQ(added.exit_status, 0) << added.err;
  EXPECT_EQ(LogSize(canje), before + 1);

  // Refusals change nothing: another party's key, a private key, the same key twice.
  const int64_t after = LogSize(canje);
  RunResult for_other =
      canje.Run({"--as", "ana", "party", "key", "add", "SLV", "--pem", "slv.pub.pem"});
  EXPECT_EQ(for_other.exit_status, 77);
  EXPECT_NE(for_other.err.find("only for VEN"), std::string::npos);
  RunResult private_key = canje.Run({"party", "key", "add", "SLV", "--pem", "slv.pem"});
  EXPECT_EQ(private_key.exit_status, 65);
  EXPECT_NE(private_key.err.find("slv.pem"), std::string::npos);
  EXPECT_EQ(canje.Run({"party", "key", "add", "VEN", "--pem", "ven.pub.pem"}).exit_status, 75);
  EXPECT_EQ(canje.Run({"party", "key", "add", "XXX", "--pem", "ven.pub.pem"}).exit_status, 66);
  EXPECT_EQ(LogSize(canje), after);

  RunResult list = canje.Run({"party", "key", "list", "--json"});
  ASSERT_EQ(list.exit_status, 0) << list.err;
  auto keys = nlohmann::json::parse(list.out);
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_EQ(keys[0]["party"], "VEN");
  EXPECT_EQ(keys[0]["added_by"], "ana");
  EXPECT_EQ(keys[0]["key_id"].get<std::string>().rfind("ed25519:", 0), 0u);
}

}  // namespace
}  // namespace canje::cli::testing
