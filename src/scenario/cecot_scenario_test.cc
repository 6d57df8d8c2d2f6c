// cecot-2025 as docs/scenarios.md describes it: the lists, their sizes and how they overlap.
#include "scenario/cecot_scenario.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <regex>

#include "scenario/csv_table_for_test.h"
#include "scenario/latin_text.h"
#include "scenario/scenario.h"
#include "scenario/scenario_suite_for_test.h"

namespace canje::scenario {
namespace {

using namespace testing_support;  // NOLINT: the test kit of csv_table_for_test.h

constexpr char kSlvRoster[] = "slv_cecot_roster.csv";
constexpr char kVenRoster[] = "ven_custody_roster.csv";
constexpr char kManifest[] = "usa_removal_manifest.csv";
constexpr char kDocumentation[] = "candela_documentation.csv";
constexpr char kSlvClaim[] = "slv_usa_claim_list.csv";
constexpr char kVenClaim[] = "ven_claim_list.csv";

// Surnames in a family-names field, keeping particles with their surname:
// "Pérez de la Cruz" -> 2, "De Sousa" -> 1.
int CountSurnames(const std::string& family_names) {
  static const std::set<std::string> kParticles = {"de", "del", "la", "las", "los", "da", "dos"};
  std::stringstream words(LowerCase(family_names));
  std::string word;
  int count = 0;
  while (words >> word) count += !kParticles.count(word);
  return count;
}

int CountWhere(const CsvTable& table, const std::function<bool(size_t)>& predicate) {
  int count = 0;
  for (size_t i = 0; i < table.rows.size(); ++i) count += predicate(i);
  return count;
}

class CecotNatural : public ScenarioSuite<CecotNatural> {
 public:
  static ScenarioOptions Options() { return {.name = "cecot-2025", .seed = 2025}; }

 protected:
  static std::vector<std::string> Persons(const std::string& file) {
    return PersonsOf(dir(), truth(), file);
  }
  static std::string ErrorsOf(const std::string& file, const std::string& record_id) {
    return truth().errors.at(file).at(record_id);
  }
};

TEST_F(CecotNatural, ListsHaveTheDocumentedSizes) {
  EXPECT_EQ(ReadCsv(dir() / kSlvRoster).rows.size(), 252u);
  EXPECT_EQ(ReadCsv(dir() / kVenRoster).rows.size(), 850u);
  EXPECT_EQ(ReadCsv(dir() / kManifest).rows.size(), 238u);
  EXPECT_EQ(ReadCsv(dir() / kDocumentation).rows.size(), 845u);
  EXPECT_EQ(ReadCsv(dir() / kSlvClaim).rows.size(), 302u);
  EXPECT_EQ(ReadCsv(dir() / kVenClaim).rows.size(), 252u);
}

TEST_F(CecotNatural, TheManifestAndVenezuelasClaimAreAboutTheMenInCecot) {
  const std::set<std::string> cecot = AsSet(Persons(kSlvRoster));
  const std::vector<std::string> manifest = Persons(kManifest);
  EXPECT_EQ(AsSet(manifest).size(), manifest.size());
  for (const std::string& person : manifest) EXPECT_TRUE(cecot.count(person)) << person;
  EXPECT_EQ(AsSet(Persons(kVenClaim)), cecot);
  // The manifest has only a full-name column, in roster form and upper case.
  const CsvTable table = ReadCsv(dir() / kManifest);
  EXPECT_EQ(table.header,
            (std::vector<std::string>{"record_id", "full_name", "date_of_birth", "nationality"}));
  for (size_t i = 0; i < table.rows.size(); ++i) {
    const std::string& name = table.Get(i, "full_name");
    EXPECT_EQ(name, UpperCase(name));
    EXPECT_EQ(table.Get(i, "nationality"), "VEN");
  }
}

TEST_F(CecotNatural, TheCecotRosterHoldsYoungVenezuelanMenMostlyWithoutCharges) {
  const CsvTable table = ReadCsv(dir() / kSlvRoster);
  const std::regex cedula("V-[0-9]{1,2}\\.[0-9]{3}\\.[0-9]{3}");
  int no_charges = 0, no_evidence = 0, aged_20_to_40 = 0, with_birth_date = 0;
  for (size_t i = 0; i < table.rows.size(); ++i) {
    EXPECT_EQ(table.Get(i, "sex"), "M");
    EXPECT_EQ(table.Get(i, "facility"), "CECOT, Tecoluca");
    EXPECT_EQ(table.Get(i, "holder"), "SLV");
    EXPECT_TRUE(HasItem(table.Get(i, "categories"), "deportee"));
    no_charges += table.Get(i, "charge_status") == "none";
    no_evidence += table.Get(i, "evidence_disclosed") == "no";
    if (!table.Get(i, "document").empty()) {
      EXPECT_TRUE(std::regex_match(table.Get(i, "document"), cedula)) << table.Get(i, "document");
    }
    const std::string& birth = table.Get(i, "date_of_birth");
    if (!birth.empty()) {
      ++with_birth_date;
      const int age = 2025 - std::stoi(birth.substr(0, 4));
      aged_20_to_40 += age >= 20 && age <= 41;
    }
  }
  EXPECT_EQ(no_charges, 189);  // 75% of 252, exactly
  EXPECT_GT(no_evidence, 252 * 0.8);
  EXPECT_GT(aged_20_to_40, with_birth_date * 0.8);
}

TEST_F(CecotNatural, VenezuelasRosterHasPoliticalPrisonersOfEveryKindAndFiftyForeigners) {
  const CsvTable table = ReadCsv(dir() / kVenRoster);
  std::map<std::string, int> categories;
  std::set<std::string> foreign_nationalities;
  int foreigners = 0;
  for (size_t i = 0; i < table.rows.size(); ++i) {
    for (const std::string& part : FieldItems(table.Get(i, "categories"))) ++categories[part];
    if (HasItem(table.Get(i, "categories"), "foreign_national")) {
      ++foreigners;
      foreign_nationalities.insert(table.Get(i, "nationality").substr(0, 3));
    }
    EXPECT_EQ(table.Get(i, "holder"), "VEN");
  }
  EXPECT_EQ(foreigners, 50);
  for (const char* code : {"USA", "DEU", "FRA", "COL", "ESP", "ITA"}) {
    EXPECT_TRUE(foreign_nationalities.count(code)) << code;
  }
  for (const char* category : {"journalist", "lawyer", "opposition", "intellectual",
                               "human_rights_defender", "military", "sick_or_wounded"}) {
    EXPECT_GT(categories[category], 0) << category;
  }
  EXPECT_EQ(categories["minor"], 16);  // 2% of 800
  // Venezuela calls no one a political prisoner.
  EXPECT_EQ(categories["political_prisoner"], 0);
  std::set<std::string> facilities;
  for (size_t i = 0; i < table.rows.size(); ++i) facilities.insert(table.Get(i, "facility"));
  EXPECT_GE(facilities.size(), 5u);
  EXPECT_LE(facilities.size(), 10u);
}

TEST_F(CecotNatural, ForeignNationalsBearNamesOfTheirNationality) {
  const CsvTable table = ReadCsv(dir() / kVenRoster);
  int non_hispanic_single_surname = 0, non_hispanic = 0;
  for (size_t i = 0; i < table.rows.size(); ++i) {
    const std::string& nationality = table.Get(i, "nationality");
    if (nationality == "USA" || nationality == "DEU" || nationality == "FRA" ||
        nationality == "ITA") {
      ++non_hispanic;
      non_hispanic_single_surname += CountSurnames(table.Get(i, "family_names")) == 1;
    }
  }
  ASSERT_GT(non_hispanic, 5);
  EXPECT_GE(non_hispanic_single_surname, non_hispanic - 1);
}

TEST_F(CecotNatural, TheDocumentationListOverlapsTheRosterWithGapsDuplicatesAndOutcomes) {
  const std::vector<std::string> documented = Persons(kDocumentation);
  const std::set<std::string> roster = AsSet(Persons(kVenRoster));
  std::map<std::string, int> times;
  for (const std::string& person : documented) ++times[person];
  int twice = 0, absent = 0;
  for (const auto& [person, count] : times) {
    twice += count == 2;
    EXPECT_LE(count, 2);
    absent += !roster.count(person);
  }
  EXPECT_EQ(times.size(), 836u);
  EXPECT_EQ(twice, 9);
  EXPECT_EQ(absent, 60);  // 40 disappeared, 15 released, 5 dead
  const CsvTable table = ReadCsv(dir() / kDocumentation);
  EXPECT_EQ(CountWhere(table, [&](size_t i) { return table.Get(i, "status") == "dead"; }), 5);
  EXPECT_EQ(CountWhere(table, [&](size_t i) { return table.Get(i, "status") == "released"; }),
            15 + 8);
  EXPECT_EQ(
      CountWhere(table,
                 [&](size_t i) {
                   return table.Get(i, "status") == "held" &&
                          !roster.count(
                              truth().person.at(kDocumentation).at(table.Get(i, "record_id")));
                 }),
      40);
}

TEST_F(CecotNatural, SalvadorsClaimAsksForAsManyPrisonersAsItHoldsPlusTheForeigners) {
  const std::vector<std::string> claimed = Persons(kSlvClaim);
  EXPECT_EQ(AsSet(claimed).size(), claimed.size());
  const std::set<std::string> roster = AsSet(Persons(kVenRoster));
  const std::set<std::string> cecot = AsSet(Persons(kSlvRoster));
  const CsvTable table = ReadCsv(dir() / kSlvClaim);
  int foreigners = 0, not_on_roster = 0;
  for (size_t i = 0; i < table.rows.size(); ++i) {
    const std::string& person = claimed[i];
    EXPECT_FALSE(cecot.count(person));
    not_on_roster += !roster.count(person);
    foreigners += HasItem(table.Get(i, "categories"), "foreign_national");
  }
  EXPECT_EQ(foreigners, 50);
  EXPECT_EQ(not_on_roster, 10);
  EXPECT_EQ(static_cast<int>(claimed.size()) - foreigners, 252);
}

TEST_F(CecotNatural, NamesHaveTwoSurnamesInTheExpectedShareAndTheManifestCutsThem) {
  const CsvTable roster = ReadCsv(dir() / kVenRoster);
  int venezuelans = 0, two = 0;
  for (size_t i = 0; i < roster.rows.size(); ++i) {
    const std::string errors = ErrorsOf(kVenRoster, roster.Get(i, "record_id"));
    if (roster.Get(i, "nationality") != "VEN" || errors.find("cut_second_surname") != errors.npos ||
        errors.find("swap_given_family") != errors.npos) {
      continue;
    }
    ++venezuelans;
    two += CountSurnames(roster.Get(i, "family_names")) == 2;
  }
  const double roster_share = two / double(venezuelans);
  EXPECT_NEAR(roster_share, 0.93, 0.03);

  const CsvTable manifest = ReadCsv(dir() / kManifest);
  int manifest_two = 0;
  for (size_t i = 0; i < manifest.rows.size(); ++i) {
    const std::string& name = manifest.Get(i, "full_name");
    manifest_two += CountSurnames(name.substr(0, name.find(", "))) == 2;
  }
  EXPECT_LT(manifest_two / double(manifest.rows.size()), roster_share - 0.15);
}

TEST_F(CecotNatural, TheManifestSpellsMostNamesDifferently) {
  const CsvTable manifest = ReadCsv(dir() / kManifest);
  int with_errors = 0;
  for (size_t i = 0; i < manifest.rows.size(); ++i) {
    with_errors += !ErrorsOf(kManifest, manifest.Get(i, "record_id")).empty();
  }
  EXPECT_GT(with_errors, 238 * 0.6);
}

TEST(CecotScaled, EveryListScalesWithSizeAndKeepsTheSurnameSkew) {
  TemporaryDirectory dir("cecot_scaled");
  ASSERT_TRUE(WriteScenario({.name = "cecot-2025", .seed = 5, .size = 10000}, dir.path()).ok());
  const CecotLayout layout = *CecotLayout::ForSize(10000);
  EXPECT_EQ(layout.roster_size(), 10000);
  const CsvTable roster = ReadCsv(dir.path() / kVenRoster);
  EXPECT_EQ(roster.rows.size(), 10000u);
  EXPECT_EQ(ReadCsv(dir.path() / kSlvRoster).rows.size(), static_cast<size_t>(layout.deportees));
  EXPECT_EQ(ReadCsv(dir.path() / kManifest).rows.size(), static_cast<size_t>(layout.manifest));
  EXPECT_EQ(ReadCsv(dir.path() / kDocumentation).rows.size(),
            static_cast<size_t>(layout.documentation_records()));
  EXPECT_EQ(ReadCsv(dir.path() / kSlvClaim).rows.size(), static_cast<size_t>(layout.slv_claims()));
  // Proportions stay those of the natural scenario (252/850, 845/850).
  EXPECT_NEAR(layout.deportees / 10000.0, 252.0 / 850, 0.001);
  EXPECT_NEAR(layout.documentation_records() / 10000.0, 845.0 / 850, 0.002);

  std::map<std::string, int> first_surnames;
  for (size_t i = 0; i < roster.rows.size(); ++i) {
    std::stringstream words(LowerCase(DropAccents(roster.Get(i, "family_names"))));
    std::string first;
    words >> first;
    ++first_surnames[first];
  }
  int largest = 0;
  for (const auto& [surname, count] : first_surnames) largest = std::max(largest, count);
  EXPECT_EQ(first_surnames["gonzalez"], largest);
  EXPECT_GT(largest / 10000.0, 0.03);
  EXPECT_LT(largest / 10000.0, 0.06);
  EXPECT_GE(first_surnames.size(), 300u);
}

}  // namespace
}  // namespace canje::scenario
