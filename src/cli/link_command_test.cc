// canje link: the command-line contract (docs/formats.md), run on the real binary.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_test_support.h"

namespace canje::cli {
namespace {

using testing::CanjeRunner;
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

}  // namespace
}  // namespace canje::cli
