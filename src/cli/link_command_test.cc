// canje link: the command-line contract (docs/formats.md), run on the real binary.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_test_support.h"

namespace canje::cli {
namespace {

using testing::CanjeRunner;
using testing::MultiUserTest;
using testing::RunResult;

constexpr char kSettings[] = R"({
  "id": "record_id",
  "fields": [
    {"column": "given_names", "kind": "given_name"},
    {"column": "family_names", "kind": "family_name"},
    {"column": "date_of_birth", "kind": "date"}
  ]
})";

constexpr char kRoster[] =
    "record_id,given_names,family_names,date_of_birth\n"
    "A1,José Luis,Pérez Rodríguez,1990-04-03\n"
    "A2,María,Gómez Díaz,1985-11-20\n"
    "A3,Carlos,Vargas Rojas,1972-01-15\n"
    "A4,Jose L.,Perez Rodriguez,1990-04-03\n"
    "A5,Ana,Suárez Mendoza,2001-06-30\n"
    "A6,Maria,Gomez Diaz,1985-11-20\n";

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(LinkCommandTest, OneFileListsEachPairOnceWithTheEarlierRecordLeft) {
  CanjeRunner canje;
  canje.WriteFile("s.json", kSettings);
  canje.WriteFile("roster.csv", kRoster);
  const RunResult result =
      canje.Run({"link", "--settings", "s.json", "roster.csv", "--out", "pairs.csv", "--clusters",
                 "clusters.csv", "--threshold", "0.5"});
  ASSERT_EQ(result.exit_status, 0) << result.err;
  const std::vector<std::string> pairs = Lines(canje.ReadFile("pairs.csv"));
  ASSERT_GE(pairs.size(), 3U);
  EXPECT_EQ(pairs[0], "left_id,right_id,probability");
  EXPECT_EQ(pairs[1].substr(0, 6), "A1,A4,");
  EXPECT_EQ(pairs[2].substr(0, 6), "A2,A6,");
  for (std::size_t i = 1; i < pairs.size(); ++i) {
    const double probability = std::stod(pairs[i].substr(pairs[i].rfind(',') + 1));
    EXPECT_GE(probability, 0.5);
    EXPECT_LE(probability, 1.0);
  }
  const std::vector<std::string> clusters = Lines(canje.ReadFile("clusters.csv"));
  ASSERT_EQ(clusters.size(), 7U);
  EXPECT_EQ(clusters[0], "record_id,cluster_id");
  EXPECT_EQ(clusters[1].substr(0, 3), "A1,");
  EXPECT_EQ(clusters[1].substr(3), clusters[4].substr(3));  // A1 and A4 together
  EXPECT_NE(clusters[1].substr(3), clusters[2].substr(3));
}

TEST(LinkCommandTest, TwoFilesPutFileRecordsLeftAndExplainAPair) {
  CanjeRunner canje;
  canje.WriteFile("s.json", R"({"threshold": 0.5,
    "left": {"id": "record_id", "fields": [
      {"column": "given_names", "kind": "given_name"},
      {"column": "family_names", "kind": "family_name"},
      {"column": "date_of_birth", "kind": "date"}]},
    "right": {"id": "id", "fields": [
      {"column": "full_name", "kind": "full_name"},
      {"column": "born", "kind": "date", "format": "DD/MM/YYYY"}]}})");
  canje.WriteFile("roster.csv", kRoster);
  canje.WriteFile("manifest.csv",
                  "id,full_name,born\n"
                  "M1,\"VARGAS ROJAS, CARLOS\",15/01/1972\n"
                  "M2,\"PEREZ RODRIGUEZ, JOSE LUIS\",03/04/1990\n");
  const RunResult result =
      canje.Run({"--json", "link", "--settings", "s.json", "roster.csv", "manifest.csv", "--out",
                 "pairs.csv", "--explain", "A1", "M2"});
  ASSERT_EQ(result.exit_status, 0) << result.err;
  const std::vector<std::string> pairs = Lines(canje.ReadFile("pairs.csv"));
  ASSERT_GE(pairs.size(), 3U);
  for (std::size_t i = 1; i < pairs.size(); ++i) EXPECT_EQ(pairs[i][0], 'A') << pairs[i];
  EXPECT_NE(canje.ReadFile("pairs.csv").find("A1,M2,"), std::string::npos);
  EXPECT_NE(result.out.find("\"explanation\""), std::string::npos);
  EXPECT_NE(result.out.find("\"log2_odds\""), std::string::npos);
  EXPECT_NE(result.out.find("\"family_name\""), std::string::npos);
}

TEST(LinkCommandTest, BadInputExits65WithPlaceAndLeavesNoOutput) {
  CanjeRunner canje;
  canje.WriteFile("s.json", kSettings);
  canje.WriteFile("bad_kind.json", R"({"id": "record_id", "fields": [
    {"column": "given_names", "kind": "nmae"}]})");
  canje.WriteFile("roster.csv", kRoster);
  canje.WriteFile("empty.csv", "");
  canje.WriteFile("short.csv", std::string(kRoster) + "A7,Luis\n");
  canje.WriteFile("latin1.csv",
                  "record_id,given_names,family_names,date_of_birth\n"
                  "B1,Jos\xe9,P\xe9rez,1990-01-01\n");
  struct Case {
    std::string settings, file, where;
  };
  for (const Case& c : {Case{"bad_kind.json", "roster.csv", "bad_kind.json:2:39:"},
                        Case{"s.json", "empty.csv", "empty.csv:1:1:"},
                        Case{"s.json", "short.csv", "short.csv:8:3:"},
                        Case{"s.json", "latin1.csv", "latin1.csv:2:2:"}}) {
    const RunResult result = canje.Run({"link", "--settings", c.settings, c.file, "--out",
                                        "pairs.csv", "--clusters", "clusters.csv"});
    EXPECT_EQ(result.exit_status, 65) << c.file << ": " << result.err;
    EXPECT_NE(result.err.find(c.where), std::string::npos) << result.err;
    EXPECT_FALSE(std::filesystem::exists(canje.Path("pairs.csv"))) << c.file;
    EXPECT_FALSE(std::filesystem::exists(canje.Path("clusters.csv"))) << c.file;
    for (const auto& entry : std::filesystem::directory_iterator(canje.dir())) {
      EXPECT_EQ(entry.path().string().find(".tmp-"), std::string::npos) << entry.path();
    }
  }
}

// `canje link model`: the model the demo's `canje link` run saved, as text and JSON, for whoever
// may read explanations; and explanations that name the model they used.
class LinkModelCommandTest : public MultiUserTest {};

TEST_F(LinkModelCommandTest, PrintsTheSavedModelAsTextAndJsonToWhoMayReadExplanations) {
  LoadDemoWithDelegations({{"obs", "SLV", "observer"}});
  const std::string text = Ok("med", {"link", "model"});
  EXPECT_NE(text.find("Link run 1 of 1 (event "), std::string::npos) << text;
  EXPECT_NE(text.find("threshold 0.700, review band 0.200 to 0.950"), std::string::npos) << text;
  EXPECT_NE(text.find("COMPARISON"), std::string::npos) << text;
  EXPECT_NE(text.find("WEIGHT (BITS)"), std::string::npos) << text;
  EXPECT_NE(text.find("family_name"), std::string::npos) << text;
  EXPECT_NE(text.find("data SHA-256 "), std::string::npos) << text;

  const nlohmann::json model = nlohmann::json::parse(Ok("med", {"--json", "link", "model"}));
  EXPECT_EQ(model["run"], 1);
  EXPECT_EQ(model["runs"], 1);
  EXPECT_GT(model["event"].get<int64_t>(), 0);
  EXPECT_EQ(model["data_sha256"].get<std::string>().size(), 64U);
  EXPECT_EQ(model["settings"]["threshold"], 0.7);
  EXPECT_EQ(model["settings"]["review_band"], nlohmann::json({0.2, 0.95}));
  EXPECT_EQ(model["settings"]["fields"].size(), 9U);  // with the patronymic and service number
  EXPECT_GT(model["records_compared"].get<int64_t>(), 2000);
  EXPECT_EQ(model["names_counted"], model["records_compared"]);
  const double prior = model["prior"];
  EXPECT_GT(prior, 0);
  EXPECT_LT(prior, 1);
  EXPECT_NEAR(model["prior_log2_odds"].get<double>(), std::log2(prior / (1 - prior)), 1e-9);
  std::set<std::string> comparisons;
  for (const nlohmann::json& comparison : model["comparisons"]) {
    comparisons.insert(comparison["comparison"].get<std::string>());
    ASSERT_GE(comparison["levels"].size(), 2U);
    for (const nlohmann::json& level : comparison["levels"]) {
      const double m = level["m"], u = level["u"], weight = level["weight"];
      EXPECT_GT(m, 0);
      EXPECT_GT(u, 0);
      if (level["level"] == "missing") {
        EXPECT_EQ(weight, 0);
      } else {
        EXPECT_NEAR(weight, std::log2(m / u), 1e-9) << comparison["comparison"] << level["level"];
      }
    }
  }
  EXPECT_TRUE(comparisons.count("given_name") && comparisons.count("family_name"))
      << model["comparisons"];
  // The same as `--run 1`; a negotiator reads it as it reads explanations.
  EXPECT_EQ(nlohmann::json::parse(Ok("slv", {"--json", "link", "model", "--run", "1"})), model);
  // Nothing of a person: no name of the roster's first row is in the text.
  const nlohmann::json person = nlohmann::json::parse(Ok("med", {"--json", "person", "show", "P1"}));
  for (const char* field : {"given_names", "family_names"}) {
    for (const auto& word : person[field]) {
      EXPECT_FALSE(testing::Contains(text, word.get<std::string>())) << word;
    }
  }

  // An explanation says which model it used.
  const nlohmann::json explained =
      nlohmann::json::parse(Ok("med", {"--json", "link", "explain", "R1", "R2", "--run", "1"}));
  EXPECT_EQ(explained["model"]["run"], 1);
  EXPECT_EQ(explained["model"]["event"], model["event"]);
  EXPECT_EQ(explained["explanation"]["prior"], model["prior"]);
  EXPECT_NE(Ok("med", {"link", "explain", "R1", "R2"}).find("model: saved by link run 1 ("),
            std::string::npos);
}

TEST_F(LinkModelCommandTest, RefusesUnknownRunsRolesThatMayNotReadItAndStoresWithoutARun) {
  LoadDemoWithDelegations({{"obs", "SLV", "observer"}});
  Refused("med", {"link", "model", "--run", "2"}, 66, "no link run 2 saved a model; the runs are 1");
  Refused("med", {"link", "explain", "R1", "R2", "--run", "7"}, 66, "no link run 7");
  Refused("obs", {"link", "model"}, 77, "");
  Refused("med", {"link", "model", "--run", "0"}, 2, "--run takes a link run's number, from 1");

  CanjeRunner fresh;
  fresh.Init();
  const RunResult none = fresh.Run({"link", "model"});
  EXPECT_EQ(none.exit_status, 66) << none.err;
  EXPECT_NE(none.err.find("no `canje link` run has saved a model yet"), std::string::npos)
      << none.err;
}

}  // namespace
}  // namespace canje::cli
