// Every name of the Cyrillic/Latin scenario's tables (src/scenario/cyrillic_names.h) under every
// standard the scenario writes (src/scenario/transliteration_standards.h, tables of its own)
// compares with its Cyrillic original as a name that agrees, and the transliteration skeleton
// tells the tables' different names apart.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "linkage/code_points.h"
#include "linkage/cyrillic_transliteration.h"
#include "linkage/linkage_test_util.h"
#include "linkage/name_comparison.h"
#include "linkage/transliteration_skeleton.h"
#include "scenario/cyrillic_names.h"
#include "scenario/latin_text.h"
#include "scenario/transliteration_standards.h"

namespace canje::linkage {
namespace {

using scenario::NameLanguage;
using scenario::TransliterationStandard;

struct TableName {
  std::string cyrillic;
  bool ukrainian = false;
  bool family = false;
};

std::vector<TableName> AllTableNames() {
  std::vector<TableName> names;
  for (NameLanguage language : {NameLanguage::kRussian, NameLanguage::kUkrainian}) {
    const bool ukrainian = language == NameLanguage::kUkrainian;
    for (bool female : {false, true}) {
      for (std::string_view name : scenario::CyrillicGivenNames(language, female)) {
        names.push_back({std::string(name), ukrainian, false});
      }
    }
    for (const auto& name : scenario::CyrillicPatronymics(language)) {
      names.push_back({std::string(name.male), ukrainian, false});
      names.push_back({std::string(name.female), ukrainian, false});
    }
    for (std::string_view male : scenario::CyrillicFamilyNames(language)) {
      names.push_back({std::string(male), ukrainian, true});
      const std::string female = scenario::FeminineFamilyName(male, language);
      if (female != male) names.push_back({female, ukrainian, true});
    }
  }
  return names;
}

PreparedName Prepare(const std::string& written) {
  const std::vector<std::string> units = {written};
  return PreparedName::FromWritten(testing::TestNormalizer(), units);
}

TEST(CyrillicStandardsTest, EverySpellingOfEveryTableNameAgreesWithItsCyrillic) {
  int compared = 0;
  std::map<ComparisonLevel, int> levels;
  for (const TableName& name : AllTableNames()) {
    const PreparedName cyrillic = Prepare(name.cyrillic);
    ASSERT_EQ(cyrillic.script(), Script::kCyrillic) << name.cyrillic;
    for (int s = 0; s < scenario::kTransliterationStandardCount; ++s) {
      const auto standard = static_cast<TransliterationStandard>(s);
      for (bool upper : {false, true}) {
        std::string latin = scenario::Transliterate(name.cyrillic, standard, name.ukrainian);
        if (upper) latin = scenario::UpperCase(latin);
        const PreparedName spelled = Prepare(latin);
        const ComparisonLevel level = name.family ? CompareFamilyNames(cyrillic, spelled)
                                                  : CompareGivenNames(cyrillic, spelled);
        EXPECT_NE(level, ComparisonLevel::kDifferent)
            << name.cyrillic << " vs " << latin << " ("
            << scenario::TransliterationStandardName(standard) << ")";
        EXPECT_EQ(cyrillic.joined_transliteration(), spelled.joined_transliteration())
            << name.cyrillic << " vs " << latin << " ("
            << scenario::TransliterationStandardName(standard) << ")";
        ++levels[level];
        ++compared;
      }
    }
  }
  EXPECT_GE(compared, 2000);
}

TEST(CyrillicStandardsTest, DifferentTableNamesHaveDifferentSkeletons) {
  // The Russian and Ukrainian forms of one name may meet (Виктор and Віктор, Любовь and Любов:
  // и and і, е and є, ь and й before a vowel reduce to the same letters), so only names of one
  // language are held apart. Анна and Яна meet because ISO 9 writes я at the start of a word as
  // â, which loses its glide once accents are removed. Any other collision is a rule too coarse.
  std::map<std::pair<bool, std::u32string>, std::set<std::string>> by_skeleton;
  for (const TableName& name : AllTableNames()) {
    std::u32string skeleton;
    AppendTransliterationSkeleton(CyrillicToLatin(ToCodePoints(name.cyrillic)), skeleton);
    by_skeleton[{name.ukrainian, skeleton}].insert(name.cyrillic);
  }
  std::vector<std::string> unexpected;
  for (const auto& [key, names] : by_skeleton) {
    if (names.size() < 2 || names == std::set<std::string>{"Анна", "Яна"}) continue;
    std::string line;
    for (const std::string& name : names) line += name + " ";
    unexpected.push_back(line);
  }
  EXPECT_TRUE(unexpected.empty()) << ::testing::PrintToString(unexpected);
  EXPECT_GE(by_skeleton.size(), 500u);
}

TEST(CyrillicStandardsTest, SkeletonsCountOnlyWhenANameIsWrittenInCyrillic) {
  // "Xu" and "Hu" share the skeleton "hu": GOST 7.79 B writes Ху as Xu, so a Cyrillic Ху meets
  // both, while the two Latin names stay different (the rule is for Cyrillic names only).
  EXPECT_EQ(CompareFamilyNames(Prepare("Xu"), Prepare("Hu")), ComparisonLevel::kDifferent);
  EXPECT_EQ(CompareFamilyNames(Prepare("Ху"), Prepare("Xu")), ComparisonLevel::kPhonetic);
  EXPECT_EQ(CompareFamilyNames(Prepare("Ху"), Prepare("Hu")), ComparisonLevel::kPhonetic);
  EXPECT_EQ(CompareFamilyNames(Prepare("Щербаков"), Prepare("Ŝerbakov")),
            ComparisonLevel::kPhonetic);
  EXPECT_EQ(CompareFamilyNames(Prepare("Щербаков"), Prepare("Shcherbakova")),
            ComparisonLevel::kJaroWinklerHigh);
  EXPECT_EQ(CompareFamilyNames(Prepare("Щербаков"), Prepare("Sokolov")),
            ComparisonLevel::kDifferent);
}

TEST(CyrillicStandardsTest, GivenNameAndPatronymicMeetTheGivenNameAlone) {
  const std::vector<std::string> roster = {"Юлия", "Петровна"};
  const PreparedName cyrillic = PreparedName::FromWritten(testing::TestNormalizer(), roster);
  // Jaro–Winkler finds these close before the skeletons are looked at ("yuliya" and "ulia");
  // the skeletons catch what it misses (every table name, above).
  EXPECT_NE(CompareGivenNames(cyrillic, Prepare("Ûliâ")), ComparisonLevel::kDifferent);
  EXPECT_NE(CompareGivenNames(cyrillic, Prepare("IULIIA")), ComparisonLevel::kDifferent);
  const std::vector<std::string> both = {"Iuliia", "Petrovna"};
  EXPECT_EQ(CompareGivenNames(cyrillic, PreparedName::FromWritten(testing::TestNormalizer(), both)),
            ComparisonLevel::kJaroWinklerMedium);
  EXPECT_EQ(CompareGivenNames(cyrillic, Prepare("Yuriy")), ComparisonLevel::kDifferent);
}

TEST(CyrillicStandardsTest, NamesInEachOthersColumnAreSwapped) {
  const PersonNameLevels levels = ComparePersonNames(
      Prepare("Юлия"), Prepare("Щербакова"), Prepare("Ŝerbakova"), Prepare("Ûliâ"));
  EXPECT_EQ(levels.given, ComparisonLevel::kSwapped);
  EXPECT_EQ(levels.family, ComparisonLevel::kSwapped);
}

}  // namespace
}  // namespace canje::linkage
