// istanbul-style as docs/scenarios.md describes it.
#include "scenario/istanbul_scenario.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "scenario/csv_table_for_test.h"
#include "scenario/cyrillic_names.h"
#include "scenario/latin_text.h"
#include "scenario/scenario.h"
#include "scenario/scenario_suite_for_test.h"
#include "scenario/transliteration_standards.h"

namespace canje::scenario {
namespace {

using namespace testing_support;  // NOLINT: the test kit of csv_table_for_test.h

const std::vector<std::string> kIstanbulListFiles = {
    "ukr_custody_roster.csv", "rus_custody_roster.csv", "ukr_claim_list.csv", "rus_claim_list.csv",
    "icrc_documentation.csv"};
const std::vector<std::string> kIstanbulRosterFiles = {"ukr_custody_roster.csv",
                                                       "rus_custody_roster.csv"};
const std::vector<std::string> kIstanbulClaimFiles = {"ukr_claim_list.csv", "rus_claim_list.csv"};

// Every letter of `text` is Cyrillic, and there is at least one.
bool AllCyrillic(const std::string& text) {
  int letters = 0;
  for (char32_t c : DecodeUtf8(text)) {
    if (c == U' ' || c == U'-' || c == U'\'') continue;
    if (!IsCyrillicLetter(c)) return false;
    ++letters;
  }
  return letters > 0;
}

// Only ASCII letters, spaces, hyphens and apostrophes, and at least one letter.
bool AllLatin(const std::string& text) {
  return std::regex_match(text, std::regex("[A-Za-z][A-Za-z '\\-]*"));
}

// Two Cyrillic capitals, a space and six or seven digits: "АВ 123456".
bool CyrillicServiceNumber(const std::string& text) {
  const std::u32string letters = DecodeUtf8(text);
  if (letters.size() < 9 || letters.size() > 10 || letters[2] != U' ') return false;
  if (!IsCyrillicUpper(letters[0]) || !IsCyrillicUpper(letters[1])) return false;
  for (size_t i = 3; i < letters.size(); ++i) {
    if (letters[i] < U'0' || letters[i] > U'9') return false;
  }
  return true;
}

class IstanbulStyle : public ScenarioSuite<IstanbulStyle> {
 public:
  static ScenarioOptions Options() { return {.name = "istanbul-style", .seed = 5}; }

 protected:
  static CsvTable Read(const std::string& file) { return ReadCsv(dir() / file); }
};

TEST_F(IstanbulStyle, SameSeedGivesTheSameBytes) {
  TemporaryDirectory again("istanbul_again"), other("istanbul_other");
  ASSERT_TRUE(WriteScenario({.name = "istanbul-style", .seed = 5}, again.path()).ok());
  ASSERT_TRUE(WriteScenario({.name = "istanbul-style", .seed = 6}, other.path()).ok());
  for (const std::string& file : kIstanbulListFiles) {
    SCOPED_TRACE(file);
    const std::string bytes = ReadFile(dir() / file);
    EXPECT_FALSE(bytes.empty());
    EXPECT_EQ(bytes, ReadFile(again.path() / file));
    EXPECT_NE(bytes, ReadFile(other.path() / file));
  }
  for (const char* file : {"truth.csv", "scenario.json"}) {
    EXPECT_EQ(ReadFile(dir() / file), ReadFile(again.path() / file)) << file;
  }
}

TEST_F(IstanbulStyle, SixtyEachWayTwelveCiviliansSixSickOrWoundedOnEachRoster) {
  for (const std::string& file : kIstanbulRosterFiles) {
    SCOPED_TRACE(file);
    const CsvTable roster = Read(file);
    EXPECT_EQ(roster.rows.size(), 60u);
    int civilians = 0, sick = 0;
    for (size_t i = 0; i < roster.rows.size(); ++i) {
      const std::string& status = roster.Get(i, "ihl_status");
      EXPECT_TRUE(status == "prisoner_of_war" || status == "civilian_internee" ||
                  status == "detained_civilian")
          << status;
      civilians += status != "prisoner_of_war";
      sick += HasItem(roster.Get(i, "categories"), "sick_or_wounded");
      // Held, in the holder's language: only a held person can be transferred.
      EXPECT_EQ(roster.Get(i, "status"),
                file == "rus_custody_roster.csv" ? "в плену" : "утримується");
    }
    EXPECT_EQ(civilians, file == "rus_custody_roster.csv" ? 12 : 0);
    EXPECT_EQ(sick, 6);
  }
  EXPECT_EQ(Read("ukr_claim_list.csv").rows.size(), 63u);
  EXPECT_EQ(Read("rus_claim_list.csv").rows.size(), 63u);
  EXPECT_EQ(Read("icrc_documentation.csv").rows.size(), 72u);
}

TEST_F(IstanbulStyle, EveryRosterPersonIsInTheTruthAndClaimedByTheirOwnSide) {
  const auto truth = ReadTruth(dir());
  const std::set<std::string> russians = AsSet(PersonsOf(dir(), truth, "ukr_custody_roster.csv"));
  const std::set<std::string> ukrainians = AsSet(PersonsOf(dir(), truth, "rus_custody_roster.csv"));
  EXPECT_EQ(russians.size(), 60u);
  EXPECT_EQ(ukrainians.size(), 60u);
  for (const std::string& person : russians) EXPECT_FALSE(ukrainians.count(person)) << person;

  for (const auto& [claim, held] :
       {std::pair{"rus_claim_list.csv", russians}, std::pair{"ukr_claim_list.csv", ukrainians}}) {
    SCOPED_TRACE(claim);
    const std::set<std::string> claimed = AsSet(PersonsOf(dir(), truth, claim));
    std::set<std::string> on_no_roster;
    for (const std::string& person : claimed) {
      if (!russians.count(person) && !ukrainians.count(person)) on_no_roster.insert(person);
    }
    for (const std::string& person : held) EXPECT_TRUE(claimed.count(person)) << person;
    EXPECT_EQ(on_no_roster.size(), 3u);
  }
  // The ICRC documents people of both rosters, and no one else.
  int icrc_russians = 0, icrc_ukrainians = 0;
  for (const std::string& person : PersonsOf(dir(), truth, "icrc_documentation.csv")) {
    icrc_russians += russians.count(person);
    icrc_ukrainians += ukrainians.count(person);
  }
  EXPECT_EQ(icrc_russians, 36);
  EXPECT_EQ(icrc_ukrainians, 36);
}

TEST_F(IstanbulStyle, RostersAreInCyrillicWithDayFirstDatesAndNamesakes) {
  const auto truth = ReadTruth(dir());
  const std::regex day_first("[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}");
  for (const std::string& file : kIstanbulRosterFiles) {
    SCOPED_TRACE(file);
    const bool ukr = file == "ukr_custody_roster.csv";
    const CsvTable roster = Read(file);
    std::map<std::string, std::set<std::string>> people_by_name;
    for (size_t i = 0; i < roster.rows.size(); ++i) {
      const std::string& family = roster.Get(i, "family_names");
      const std::string& given = roster.Get(i, "given_names");
      const std::string& patronymic = roster.Get(i, "patronymic");
      EXPECT_TRUE(AllCyrillic(family)) << family;
      EXPECT_TRUE(AllCyrillic(given)) << given;
      EXPECT_TRUE(AllCyrillic(patronymic)) << patronymic;
      EXPECT_EQ(given.find(' '), std::string::npos) << "one given name: " << given;
      people_by_name[family + " " + given + " " + patronymic].insert(
          truth.person.at(file).at(roster.Get(i, "record_id")));
      const std::string& sex = roster.Get(i, "sex");
      EXPECT_TRUE(sex == (ukr ? "Ч" : "М") || sex == "Ж") << sex;
      EXPECT_EQ(roster.Get(i, "holder"), ukr ? "UKR" : "RUS");
      EXPECT_TRUE(std::regex_match(roster.Get(i, "date_of_capture"), day_first));
      const std::string& birth = roster.Get(i, "date_of_birth");
      EXPECT_TRUE(birth.empty() || std::regex_match(birth, day_first)) << birth;
      EXPECT_TRUE(AllCyrillic(roster.Get(i, "place_of_capture").substr(std::string("с. ").size())));
      if (roster.Get(i, "ihl_status") == "prisoner_of_war") {
        EXPECT_TRUE(AllCyrillic(roster.Get(i, "rank"))) << roster.Get(i, "rank");
        EXPECT_EQ(roster.Get(i, "unit").rfind("в/ч ", 0), 0u) << roster.Get(i, "unit");
        EXPECT_TRUE(CyrillicServiceNumber(roster.Get(i, "service_number")))
            << roster.Get(i, "service_number");
      } else {
        EXPECT_EQ(roster.Get(i, "rank"), "");
        EXPECT_EQ(roster.Get(i, "service_number"), "");
      }
    }
    int shared_names = 0;
    for (const auto& [name, people] : people_by_name) shared_names += people.size() > 1;
    EXPECT_GE(shared_names, 1) << "namesakes: one full name, two people";
  }
  const auto manifest = nlohmann::json::parse(ReadFile(dir() / "scenario.json"));
  for (const auto& list : manifest["lists"]) {
    const bool roster = list["kind"] == "custody_roster";
    EXPECT_EQ(list.value("date_order", ""), roster ? "dmy" : "") << list["file"];
    EXPECT_EQ(list.value("script", ""), roster ? "cyrillic" : "") << list["file"];
  }
}

TEST_F(IstanbulStyle, ClaimListsAreInLatinWithLatinServiceNumbers) {
  const auto truth = ReadTruth(dir());
  // Each person's Cyrillic service number, from the rosters.
  std::map<std::string, std::string> roster_number;
  for (const std::string& file : kIstanbulRosterFiles) {
    const CsvTable roster = Read(file);
    for (size_t i = 0; i < roster.rows.size(); ++i) {
      roster_number[truth.person.at(file).at(roster.Get(i, "record_id"))] =
          roster.Get(i, "service_number");
    }
  }
  const std::regex latin_number("[A-Z]{2} [0-9]{6,7}");
  const std::regex iso_date("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  for (const std::string& file : kIstanbulClaimFiles) {
    SCOPED_TRACE(file);
    const CsvTable claim = Read(file);
    int prisoners_of_war = 0, with_number = 0, missing_dates = 0;
    for (size_t i = 0; i < claim.rows.size(); ++i) {
      EXPECT_TRUE(AllLatin(claim.Get(i, "given_names"))) << claim.Get(i, "given_names");
      EXPECT_TRUE(AllLatin(claim.Get(i, "family_names"))) << claim.Get(i, "family_names");
      EXPECT_TRUE(claim.Get(i, "sex") == "M" || claim.Get(i, "sex") == "F");
      EXPECT_EQ(claim.Get(i, "nationality"), file == "ukr_claim_list.csv" ? "UKR" : "RUS");
      const std::string& birth = claim.Get(i, "date_of_birth");
      missing_dates += birth.empty();
      EXPECT_TRUE(birth.empty() || std::regex_match(birth, iso_date)) << birth;
      const std::string& number = claim.Get(i, "service_number");
      if (claim.Get(i, "ihl_status") != "prisoner_of_war") {
        EXPECT_EQ(number, "");
        continue;
      }
      ++prisoners_of_war;
      if (number.empty()) continue;
      ++with_number;
      EXPECT_TRUE(std::regex_match(number, latin_number)) << number;
      // The Latin reading of the roster's number, for those the other side holds.
      const std::string person = truth.person.at(file).at(claim.Get(i, "record_id"));
      if (roster_number.count(person)) {
        EXPECT_EQ(number, Transliterate(roster_number.at(person),
                                        TransliterationStandard::kRussianPassport, false));
      }
    }
    EXPECT_GE(prisoners_of_war, 50);
    EXPECT_GT(with_number, prisoners_of_war * 7 / 10) << "most prisoners of war have one";
    EXPECT_LT(with_number, prisoners_of_war) << "some are missing";
    EXPECT_GT(missing_dates, 0);
  }
  // The ICRC writes Latin names too, with its own record ids.
  const CsvTable icrc = Read("icrc_documentation.csv");
  for (size_t i = 0; i < icrc.rows.size(); ++i) {
    EXPECT_TRUE(AllLatin(icrc.Get(i, "family_names"))) << icrc.Get(i, "family_names");
    EXPECT_EQ(icrc.Get(i, "record_id").rfind("ICRC-", 0), 0u);
  }
}

TEST_F(IstanbulStyle, FourPartiesOfTheirKinds) {
  const auto manifest = nlohmann::json::parse(ReadFile(dir() / "scenario.json"));
  std::map<std::string, std::string> kinds;
  for (const auto& party : manifest["parties"]) kinds[party["code"]] = party["kind"];
  EXPECT_EQ(
      kinds,
      (std::map<std::string, std::string>{
          {"RUS", "state"}, {"UKR", "state"}, {"TUR", "intermediary"}, {"ICRC", "organisation"}}));
  std::vector<std::string> files;
  for (const auto& list : manifest["lists"]) files.push_back(list["file"]);
  EXPECT_EQ(files, kIstanbulListFiles);
}

TEST(IstanbulStyleScaled, ScalesEveryCount) {
  TemporaryDirectory dir("istanbul_scaled");
  ASSERT_TRUE(WriteScenario({.name = "istanbul-style", .size = 120}, dir.path()).ok());
  const CsvTable rus = ReadCsv(dir.path() / "rus_custody_roster.csv");
  EXPECT_EQ(rus.rows.size(), 120u);
  int civilians = 0;
  for (size_t i = 0; i < rus.rows.size(); ++i) {
    civilians += rus.Get(i, "ihl_status") != "prisoner_of_war";
  }
  EXPECT_EQ(civilians, 24);
  EXPECT_EQ(ReadCsv(dir.path() / "ukr_claim_list.csv").rows.size(), 126u);
  EXPECT_EQ(WriteScenario({.name = "istanbul-style", .size = 9}, dir.path()).code(),
            StatusCode::kUsage);
}

}  // namespace
}  // namespace canje::scenario
