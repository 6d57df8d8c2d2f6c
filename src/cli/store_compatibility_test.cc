// A store written by an earlier canje opens with this one and reads back every value it was
// given: tests/stores/<folder>/ holds such stores (synthetic data, with their master keys), made
// as tests/stores/README.md says. Opening one applies the migrations written since and must
// leave the log verifiable; the sealed person records, in the encoding of their day
// (registry/person_codec.h), must decode to what the list said. SQLite only (the stores are
// SQLite files; `canje migrate` carries one to PostgreSQL, tested elsewhere).
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/cli_test_support.h"

namespace canje::cli::testing {
namespace {

using nlohmann::json;

class StoreCompatibilityTest : public ::testing::Test {
 protected:
  // Unpacks tests/stores/<folder> into this test's folder as old.db and old.db.key.
  void Unpack(const std::string& folder) {
    const std::filesystem::path source =
        std::filesystem::path(CANJE_SOURCE_DIR) / "tests" / "stores" / folder;
    RunResult unpacked = RunProgram(
        {"sh", "-c", "gzip -dc \"$0\" > old.db", (source / "canje.db.gz").string()}, canje_.dir(),
        {});
    ASSERT_EQ(unpacked.exit_status, 0) << unpacked.err;
    std::error_code copied;
    std::filesystem::copy_file(source / "canje.db.key", canje_.Path("old.db.key"), copied);
    ASSERT_FALSE(copied) << (source / "canje.db.key").string() << ": " << copied.message();
    // As canje made them: readable by their owner alone (canje refuses to open them otherwise).
    for (const char* name : {"old.db", "old.db.key"}) {
      std::filesystem::permissions(
          canje_.Path(name),
          std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    }
  }

  RunResult Old(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--db", "old.db", "--master-key", "old.db.key"});
    return canje_.Run(args);
  }

  json OldJson(const std::vector<std::string>& args) const {
    RunResult result = Old(args);
    EXPECT_EQ(result.exit_status, 0) << result.err;
    return result.exit_status == 0 ? json::parse(result.out) : json::object();
  }

  CanjeRunner canje_;
};

TEST_F(StoreCompatibilityTest, AStoreOfSchema10WithVersion1PersonRecordsReadsBackWhole) {
  Unpack("schema-10");
  if (HasFatalFailure()) return;

  // The log written then verifies now, after whatever migrations the open applied.
  const json verified = OldJson({"log", "verify", "--json"});
  EXPECT_EQ(verified.value("ok", false), true) << verified.dump();
  EXPECT_EQ(verified.value("entries", 0), 3) << verified.dump();

  const json persons = OldJson({"persons", "--json"});
  ASSERT_EQ(persons.size(), 3u) << persons.dump();

  // Every field of the version-1 encoding, as the synthetic roster gave it.
  const json first = OldJson({"person", "show", "P1", "--json"});
  EXPECT_EQ(first["given_names"], json({"Néstor", "Iván"}));
  EXPECT_EQ(first["family_names"], json({"Quintero", "de la Peña"}));
  EXPECT_EQ(first["aliases"], json({"El Flaco", "Nesti"}));
  EXPECT_EQ(first["sex"], "male");
  EXPECT_EQ(first["date_of_birth"], "1988-03-14");
  EXPECT_EQ(first["nationalities"], json({"VEN", "COL"}));
  ASSERT_EQ(first["documents"].size(), 1u);
  EXPECT_EQ(first["documents"][0]["number"], "V-12.345.678");
  EXPECT_EQ(first["documents"][0]["type"], "cedula");
  ASSERT_EQ(first["custody"].size(), 1u);
  EXPECT_EQ(first["custody"][0]["holder"], "SLV");
  EXPECT_EQ(first["custody"][0]["facility"], "Centro Uno");
  EXPECT_EQ(first["custody"][0]["since"], "2025-03");
  EXPECT_EQ(first["custody"][0]["legal_basis"], "Decreto 0/2025");
  EXPECT_EQ(first["custody"][0]["evidence_disclosed"], false);
  ASSERT_EQ(first["charges"].size(), 1u);
  EXPECT_EQ(first["charges"][0]["description"], "Asociación ilícita");
  EXPECT_EQ(first["charges"][0]["status"], "pending");
  EXPECT_EQ(first["categories"], json({"political_prisoner"}));
  EXPECT_EQ(first["notes"], "Sin visitas desde abril");

  // A year alone stays a year; a person with almost nothing keeps almost nothing.
  const json second = OldJson({"person", "show", "P2", "--json"});
  EXPECT_EQ(second["family_names"], json({"Ñáñez", "Oyarzún"}));
  EXPECT_EQ(second["date_of_birth"], "1990");
  EXPECT_EQ(second["categories"], json({"journalist"}));
  const json third = OldJson({"person", "show", "P3", "--json"});
  EXPECT_EQ(third["sex"], "other");
  EXPECT_TRUE(third["date_of_birth"].is_null()) << third.dump();
  EXPECT_TRUE(third["documents"].empty()) << third.dump();

  // The old store takes new writes, and its log still verifies after them.
  RunResult added = Old({"party", "add", "VEN", "--name", "Venezuela (synthetic)", "--kind",
                         "state"});
  EXPECT_EQ(added.exit_status, 0) << added.err;
  const json after = OldJson({"log", "verify", "--json"});
  EXPECT_EQ(after.value("ok", false), true) << after.dump();
  EXPECT_EQ(after.value("entries", 0), 4) << after.dump();
}

TEST_F(StoreCompatibilityTest, AStoreOfSchema12WithVersion2RecordsAndASavedModelStillExplains) {
  Unpack("schema-12");
  if (HasFatalFailure()) return;
  const json verified = OldJson({"log", "verify", "--json"});
  EXPECT_EQ(verified.value("ok", false), true) << verified.dump();

  // Version 2 records: the patronymic was a given name then, and stays one; the fields added
  // since are empty.
  const json first = OldJson({"person", "show", "P1", "--json"});
  EXPECT_EQ(first["given_names"], json({"Остап", "Маркович"}));
  EXPECT_EQ(first["patronymic"], "");
  EXPECT_EQ(first["family_names"], json({"Тестенко"}));
  EXPECT_EQ(first["place_of_birth"], "Синтетичне");
  EXPECT_EQ(first["notes"], "synthetic note one");
  EXPECT_EQ(first["ihl_status"], "");
  EXPECT_EQ(first["service_number"], "");
  EXPECT_TRUE(first["date_of_capture"].is_null()) << first.dump();

  // The model its link run saved compared neither patronymics nor service numbers: it still
  // explains the merge it made, with the probability it computed then (0.9657), the two new
  // comparisons weighing nothing.
  const json model = OldJson({"link", "model", "--json"});
  EXPECT_EQ(model.value("run", 0), 1) << model.dump();
  RunResult explained = Old({"--json", "link", "explain", "R1", "R3"});
  ASSERT_EQ(explained.exit_status, 0) << explained.err;
  const json answer = json::parse(explained.out);
  EXPECT_EQ(answer["model"]["run"], 1) << answer.dump();
  const json& why = answer["explanation"];
  EXPECT_NEAR(why["probability"].get<double>(), 0.9657, 0.00005) << why.dump();
  bool saw_patronymic = false;
  for (const json& term : why["comparisons"]) {
    if (term["comparison"] == "patronymic" || term["comparison"] == "service_number") {
      saw_patronymic = saw_patronymic || term["comparison"] == "patronymic";
      EXPECT_EQ(term["weight"].get<double>(), 0.0) << term.dump();
    }
  }
  EXPECT_TRUE(saw_patronymic) << why.dump();
  RunResult review = Old({"review", "list"});
  EXPECT_EQ(review.exit_status, 0) << review.err;

  // A new run links the old records with today's comparisons.
  RunResult linked = Old({"link"});
  EXPECT_EQ(linked.exit_status, 0) << linked.err;
}

}  // namespace
}  // namespace canje::cli::testing
