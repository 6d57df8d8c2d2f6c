// ankara-2024 as docs/scenarios.md describes it.
#include "scenario/ankara_scenario.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "scenario/csv_table_for_test.h"
#include "scenario/scenario.h"

namespace canje::scenario {
namespace {

using namespace testing_support;  // NOLINT: the test kit of csv_table_for_test.h

const std::vector<std::string> kEast = {"RUS", "BLR"};
const std::vector<std::string> kWest = {"USA", "DEU", "POL", "SVN", "NOR"};

std::string RosterFile(const std::string& code) {
  std::string lower = code;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower + "_custody_roster.csv";
}

struct AnkaraCounts {
  std::set<std::string> people, minors, east_held, west_held;
};

AnkaraCounts Count(const std::filesystem::path& dir) {
  const auto truth = ReadTruth(dir);
  AnkaraCounts counts;
  for (const bool east : {true, false}) {
    for (const std::string& holder : east ? kEast : kWest) {
      const CsvTable table = ReadCsv(dir / RosterFile(holder));
      for (size_t i = 0; i < table.rows.size(); ++i) {
        const std::string person =
            truth.person.at(RosterFile(holder)).at(table.Get(i, "record_id"));
        EXPECT_TRUE(counts.people.insert(person).second) << person << " on two rosters";
        EXPECT_EQ(table.Get(i, "holder"), holder);
        (east ? counts.east_held : counts.west_held).insert(person);
        if (table.Get(i, "categories").find("minor") != std::string::npos) {
          counts.minors.insert(person);
          EXPECT_EQ(holder, "SVN");
        }
      }
    }
  }
  return counts;
}

TEST(Ankara, TwentySixPeopleTwoOfThemMinorsOnOneRosterEach) {
  TemporaryDirectory dir("ankara");
  ASSERT_TRUE(WriteScenario({.name = "ankara-2024"}, dir.path()).ok());
  const AnkaraCounts counts = Count(dir.path());
  EXPECT_EQ(counts.people.size(), 26u);
  EXPECT_EQ(counts.minors.size(), 2u);
  EXPECT_EQ(counts.east_held.size(), 16u);
  EXPECT_EQ(counts.west_held.size(), 10u);
  const auto truth = ReadTruth(dir.path());
  std::set<std::string> all_in_truth;
  for (const auto& [file, records] : truth.person) {
    for (const auto& [record, person] : records) all_in_truth.insert(person);
  }
  EXPECT_EQ(all_in_truth, counts.people);
}

TEST(Ankara, EachBlocClaimsEveryoneTheOtherHolds) {
  TemporaryDirectory dir("ankara_claims");
  ASSERT_TRUE(WriteScenario({.name = "ankara-2024", .seed = 9}, dir.path()).ok());
  const AnkaraCounts counts = Count(dir.path());
  const auto truth = ReadTruth(dir.path());
  EXPECT_EQ(AsSet(PersonsOf(dir.path(), truth, "west_claim_list.csv")), counts.east_held);
  EXPECT_EQ(AsSet(PersonsOf(dir.path(), truth, "east_claim_list.csv")), counts.west_held);
}

TEST(Ankara, SevenStatesInTwoBlocsAndAnIntermediary) {
  TemporaryDirectory dir("ankara_parties");
  ASSERT_TRUE(WriteScenario({.name = "ankara-2024"}, dir.path()).ok());
  const auto manifest = nlohmann::json::parse(ReadFile(dir.path() / "scenario.json"));
  std::set<std::string> states;
  for (const auto& party : manifest["parties"]) {
    if (party["kind"] == "state") states.insert(party["code"]);
  }
  EXPECT_EQ(states, (std::set<std::string>{"USA", "DEU", "POL", "SVN", "NOR", "RUS", "BLR"}));
  int rosters = 0, claims = 0;
  for (const auto& list : manifest["lists"]) {
    rosters += list["kind"] == "custody_roster";
    claims += list["kind"] == "claim_list";
  }
  EXPECT_EQ(rosters, 7);
  EXPECT_EQ(claims, 2);
}

TEST(Ankara, ChildrenCarryTheirDetainedFathersSurname) {
  const AnkaraLayout layout = *AnkaraLayout::ForSize(0);
  const AnkaraPopulation population(layout, 1);
  std::set<std::string> svn_surnames;
  for (const auto& [first, last] : population.HeldBy("SVN")) {
    for (int64_t person = first; person < last; ++person) {
      if (!population.Minor(person)) {
        svn_surnames.insert(population.TruePerson(person).family_names[0]);
      }
    }
  }
  for (const auto& [first, last] : population.HeldBy("SVN")) {
    for (int64_t person = first; person < last; ++person) {
      if (!population.Minor(person)) continue;
      const Record child = population.TruePerson(person);
      std::string stem = child.family_names[0];
      if (child.sex == 'F') stem.pop_back();  // Pavlova -> Pavlov
      EXPECT_TRUE(svn_surnames.count(stem)) << stem;
      EXPECT_EQ(child.categories, std::vector<std::string>{"minor"});
    }
  }
}

TEST(Ankara, ScalesTheNumberOfPeople) {
  TemporaryDirectory dir("ankara_scaled");
  ASSERT_TRUE(WriteScenario({.name = "ankara-2024", .size = 260}, dir.path()).ok());
  const AnkaraCounts counts = Count(dir.path());
  EXPECT_EQ(counts.people.size(), 260u);
  EXPECT_EQ(counts.minors.size(), 20u);
  EXPECT_EQ(counts.east_held.size(), 160u);
}

}  // namespace
}  // namespace canje::scenario
