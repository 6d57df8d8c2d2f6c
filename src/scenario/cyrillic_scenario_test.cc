// The Cyrillic/Latin list pair: deterministic from its seed, each list in its own script, and
// the mistakes and namesakes the options ask for actually present.
#include "scenario/cyrillic_scenario.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "core/testing/text_cases.h"
#include "scenario/cyrillic_names.h"
#include "scenario/latin_text.h"

namespace canje::scenario {
namespace {

using table_testing::ExpectEachMapsTo;

bool HasCyrillic(std::string_view text) {
  for (char32_t c : DecodeUtf8(text)) {
    if (c >= 0x0400 && c <= 0x04FF) return true;
  }
  return false;
}

std::string Joined(const CyrillicListPair& lists) {
  std::string all;
  for (const auto& row : lists.roster) {
    all += row.record_id + row.person_key + row.family_name + row.given_names + row.date_of_birth +
           row.sex + row.errors + "\n";
  }
  for (const auto& row : lists.counterpart) {
    all += row.record_id + row.person_key + row.given_names + row.family_name + row.date_of_birth +
           row.sex + row.standard + row.errors + "\n";
  }
  return all;
}

TEST(CyrillicScenarioTest, TheSameSeedGivesTheSameListsAndAnotherSeedOthers) {
  CyrillicScenarioOptions options;
  options.roster_people = 300;
  const std::string first = Joined(GenerateCyrillicListPair(options));
  EXPECT_EQ(first, Joined(GenerateCyrillicListPair(options)));
  options.seed = 2;
  EXPECT_NE(first, Joined(GenerateCyrillicListPair(options)));
}

TEST(CyrillicScenarioTest, TheRosterIsCyrillicAndTheCounterpartLatin) {
  const CyrillicListPair lists = GenerateCyrillicListPair({});
  ASSERT_GE(lists.roster.size(), 1000u);
  const std::regex roster_date("[0-3][0-9]\\.[01][0-9]\\.(19|20)[0-9][0-9]");
  const std::regex iso_date("(19|20)[0-9][0-9]-[01][0-9]-[0-3][0-9]");
  for (const auto& row : lists.roster) {
    EXPECT_TRUE(HasCyrillic(row.family_name)) << row.record_id;
    EXPECT_TRUE(HasCyrillic(row.given_names)) << row.record_id;
    EXPECT_NE(row.given_names.find(' '), std::string::npos) << "no patronymic: " << row.record_id;
    EXPECT_TRUE(row.date_of_birth.empty() || std::regex_match(row.date_of_birth, roster_date))
        << row.record_id << " " << row.date_of_birth;
    EXPECT_EQ(row.date_of_birth.empty(), row.errors.find("missing_date") != std::string::npos);
  }
  std::set<std::string> standards;
  for (const auto& row : lists.counterpart) {
    EXPECT_FALSE(HasCyrillic(row.family_name)) << row.record_id << " " << row.family_name;
    EXPECT_FALSE(HasCyrillic(row.given_names)) << row.record_id << " " << row.given_names;
    EXPECT_TRUE(row.date_of_birth.empty() || std::regex_match(row.date_of_birth, iso_date))
        << row.record_id << " " << row.date_of_birth;
    standards.insert(row.standard);
  }
  EXPECT_EQ(standards, (std::set<std::string>{"bgn_pcgn_russian", "iso9", "gost779b",
                                              "ukrainian_2010", "russian_passport"}));
}

TEST(CyrillicScenarioTest, NamesakesDuplicatesAndMistakesAreThere) {
  const CyrillicListPair lists = GenerateCyrillicListPair({});
  // Namesakes: one full name on the roster for two different people.
  std::map<std::string, std::set<std::string>> keys_by_name;
  for (const auto& row : lists.roster) {
    keys_by_name[row.family_name + " " + row.given_names].insert(row.person_key);
  }
  int namesakes = 0;
  for (const auto& [name, keys] : keys_by_name) namesakes += keys.size() > 1;
  EXPECT_GE(namesakes, 10);

  std::map<std::string, int> counterpart_entries;
  std::set<std::string> roster_keys, counterpart_keys;
  for (const auto& row : lists.roster) roster_keys.insert(row.person_key);
  std::map<std::string, int> errors;
  for (const auto& row : lists.counterpart) {
    ++counterpart_entries[row.person_key];
    counterpart_keys.insert(row.person_key);
    std::stringstream parts(row.errors);
    for (std::string error; std::getline(parts, error, '|');) ++errors[error];
  }
  int listed_twice = 0;
  for (const auto& [key, count] : counterpart_entries) listed_twice += count > 1;
  EXPECT_GE(listed_twice, 10);
  int only_counterpart = 0, only_roster = 0;
  for (const auto& key : counterpart_keys) only_counterpart += roster_keys.count(key) == 0;
  for (const auto& key : roster_keys) only_roster += counterpart_keys.count(key) == 0;
  EXPECT_GE(only_counterpart, 50);
  EXPECT_GE(only_roster, 50);
  for (const char* error : {"typo_given", "typo_family", "swapped_columns", "missing_date",
                            "day_month_swapped", "upper_case", "patronymic_left_out"}) {
    EXPECT_GE(errors[error], 5) << error;
  }
}

TEST(CyrillicScenarioTest, FamilyNamesTakeTheirFemaleForm) {
  const table_testing::TextCases russian = {
      {"Иванов", "Иванова"},
      {"Соловьёв", "Соловьёва"},
      {"Ильин", "Ильина"},
      {"Вишневский", "Вишневская"},
  };
  ExpectEachMapsTo(
      [](std::string_view name) { return FeminineFamilyName(name, NameLanguage::kRussian); },
      russian);
  const table_testing::TextCases ukrainian = {
      {"Ковальський", "Ковальська"},
      {"Шевченко", "Шевченко"},
      {"Ткачук", "Ткачук"},
  };
  ExpectEachMapsTo(
      [](std::string_view name) { return FeminineFamilyName(name, NameLanguage::kUkrainian); },
      ukrainian);
}

TEST(CyrillicScenarioTest, WritesTheThreeFiles) {
  const std::filesystem::path folder =
      std::filesystem::temp_directory_path() / ("canje-cyrillic-" + std::to_string(getpid()));
  CyrillicScenarioOptions options;
  options.roster_people = 50;
  const CyrillicListPair lists = GenerateCyrillicListPair(options);
  ASSERT_TRUE(WriteCyrillicListPair(lists, folder).ok());
  auto lines = [&](const char* name) {
    std::ifstream in(folder / name);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
  };
  const auto roster = lines("roster.csv");
  const auto counterpart = lines("counterpart.csv");
  const auto truth = lines("truth.csv");
  ASSERT_FALSE(roster.empty());
  EXPECT_EQ(roster[0], "record_id,family_name,given_names,date_of_birth,sex");
  EXPECT_EQ(counterpart[0], "record_id,given_names,family_name,date_of_birth,sex");
  EXPECT_EQ(truth[0], "list,record_id,person_key,standard,errors");
  EXPECT_EQ(roster.size(), lists.roster.size() + 1);
  EXPECT_EQ(counterpart.size(), lists.counterpart.size() + 1);
  EXPECT_EQ(truth.size(), lists.roster.size() + lists.counterpart.size() + 1);
  std::filesystem::remove_all(folder);

  // A folder that cannot be created is reported with its path.
  const Status status = WriteCyrillicListPair(lists, "/proc/canje-cannot-be-here");
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("/proc/canje-cannot-be-here"), std::string::npos);
}

}  // namespace
}  // namespace canje::scenario
