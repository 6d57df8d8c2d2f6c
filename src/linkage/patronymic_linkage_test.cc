// The patronymic and the service number in linkage (link_settings.h, comparison_schema.h): each
// is its own comparison; a patronymic one record has and the other lacks is no evidence either
// way, two different ones are evidence against; a service number links or separates like a
// document, compared only with service numbers. Synthetic Ukrainian names only.
#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>

#include "linkage/comparison_schema.h"
#include "linkage/link_settings.h"
#include "linkage/linkage_engine.h"
#include "linkage/record_table.h"

namespace canje::linkage {
namespace {

constexpr char kPatronymicSettings[] = R"({
  "id": "id",
  "fields": [
    {"column": "given", "kind": "given_name"},
    {"column": "family", "kind": "family_name"},
    {"column": "patronymic", "kind": "patronymic"},
    {"column": "born", "kind": "date"},
    {"column": "passport", "kind": "identifier"},
    {"column": "service", "kind": "service_number"}
  ]
})";

constexpr char kPatronymicHeader[] = "id,given,family,patronymic,born,passport,service\n";

LinkSettings PatronymicSettings() {
  Result<LinkSettings> settings = ParseLinkSettings(kPatronymicSettings, "s.json");
  EXPECT_TRUE(settings.ok()) << settings.status().message();
  return *settings;
}

RecordTable PatronymicTable(const std::string& rows, const SideSettings& side) {
  std::istringstream in(kPatronymicHeader + rows);
  Result<RecordTable> table = LoadRecordTableFromStream(in, "list.csv", side, "s.json", 1);
  EXPECT_TRUE(table.ok()) << table.status().message();
  return std::move(table).value();
}

// The level of each comparison of records i and j, by comparison name.
std::map<std::string, std::string> PatronymicLevels(const ComparisonSchema& schema, const RecordTable& table,
                                          std::size_t i, std::size_t j) {
  ComparisonVector vector;
  schema.Compare(table, i, table, j, vector);
  std::map<std::string, std::string> levels;
  for (int c = 0; c < schema.size(); ++c) {
    const ComparisonSpec& spec = schema.comparisons()[static_cast<std::size_t>(c)];
    levels[spec.name] = std::string(
        ComparisonLevelName(LevelSetFor(spec.kind).at(vector[static_cast<std::size_t>(c)])));
  }
  return levels;
}

TEST(PatronymicComparisonTest, ThePatronymicAndTheServiceNumberAreTheirOwnComparisons) {
  const LinkSettings settings = PatronymicSettings();
  const RecordTable table = PatronymicTable(
      "a,Остап,Тестенко,Маркович,1991-02-17,,0-123456\n"
      "b,Остап,Тестенко,Маркович,1991-02-17,,0-123456\n"
      "c,Остап,Тестенко,Іванович,1991-02-17,,7-654321\n"
      "d,Остап,Тестенко,,1991-02-17,,\n"
      "e,Ostap,Testenko,Markovych,1991-02-17,0-123456,\n"
      "f,Остап,Тестенко,М.,1991-02-17,,0-123465\n",
      settings.left);
  Result<ComparisonSchema> schema = ComparisonSchema::FromSettings(settings);
  ASSERT_TRUE(schema.ok()) << schema.status().message();
  EXPECT_EQ(schema->comparisons()[2].name, "patronymic");
  EXPECT_EQ(schema->comparisons().back().name, "service_number");

  EXPECT_EQ(PatronymicLevels(*schema, table, 0, 1)["patronymic"], "exact");
  EXPECT_EQ(PatronymicLevels(*schema, table, 0, 1)["service_number"], "exact");
  EXPECT_EQ(PatronymicLevels(*schema, table, 0, 2)["patronymic"], "different");
  EXPECT_EQ(PatronymicLevels(*schema, table, 0, 2)["service_number"], "different");
  // One record with a patronymic, one without: missing, as for any field.
  EXPECT_EQ(PatronymicLevels(*schema, table, 0, 3)["patronymic"], "missing");
  EXPECT_EQ(PatronymicLevels(*schema, table, 0, 3)["service_number"], "missing");
  // Across scripts the patronymic is read as given names are.
  EXPECT_EQ(PatronymicLevels(*schema, table, 0, 4)["patronymic"], "jaro_winkler_high");
  EXPECT_EQ(PatronymicLevels(*schema, table, 0, 5)["patronymic"], "initial");
  EXPECT_EQ(PatronymicLevels(*schema, table, 0, 5)["service_number"], "transposed_digits");
  // A service number is never taken for a passport number that happens to be written alike.
  EXPECT_EQ(PatronymicLevels(*schema, table, 0, 4)["identifier"], "missing");
  EXPECT_EQ(PatronymicLevels(*schema, table, 0, 4)["service_number"], "missing");
}

TEST(PatronymicComparisonTest, SettingsRefuseASecondPatronymicOrOneWithoutAName) {
  Result<LinkSettings> twice = ParseLinkSettings(R"({"id": "id", "fields": [
    {"column": "given", "kind": "given_name"},
    {"column": "p1", "kind": "patronymic"}, {"column": "p2", "kind": "patronymic"}]})",
                                                 "s.json");
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.status().message().find("at most one patronymic"), std::string::npos);
  Result<LinkSettings> alone = ParseLinkSettings(
      R"({"id": "id", "fields": [{"column": "p", "kind": "patronymic"}]})", "s.json");
  ASSERT_FALSE(alone.ok());
  EXPECT_NE(alone.status().message().find("needs the name fields"), std::string::npos);
}

// Sixty synthetic Ukrainian men, a third of them written twice (the copy without passport and
// with its patronymic only half the time), then the namesakes the test is about: x1 and x2 the
// same man, x3 a namesake born the same day with another patronymic, x4 the same name and day
// without a patronymic.
std::string PatronymicTrainingList() {
  const char* given[] = {"Остап", "Зеновій", "Іларіон", "Богдан", "Тарас",
                         "Мирон", "Орест",   "Северин", "Ярема",  "Любомир"};
  const char* family[] = {"Тестенко", "Вигаданко", "Пробенко", "Зразко",  "Макетенко", "Шаблюк",
                          "Взірчук",  "Пробчук",   "Тестюк",   "Вигадюк", "Зразчук",   "Макетюк"};
  const char* patronymic[] = {"Маркович", "Іванович", "Петрович", "Андрійович", "Степанович",
                              "Юрійович", "Романович"};
  std::ostringstream csv;
  for (int p = 0; p < 60; ++p) {
    char born[16];
    std::snprintf(born, sizeof born, "%04d-%02d-%02d", 1960 + (p * 13) % 40, 1 + (p * 5) % 12,
                  1 + p % 28);
    const std::string name = std::string(given[p % 10]) + "," + family[p % 12] + "," +
                             patronymic[(p * 3) % 7];
    csv << "p" << p << "," << name << "," << born << ",AB" << 100000 + p * 7919 << ",\n";
    if (p % 3 == 0) {
      const std::string copy = p % 2 ? std::string(given[p % 10]) + "," + family[p % 12] + ","
                                     : name;
      csv << "p" << p << "-copy," << copy << "," << born << ",,\n";
    }
  }
  csv << "x1,Остап,Тестенко,Маркович,1991-02-17,,\n"
         "x2,Остап,Тестенко,Маркович,1991-02-17,,\n"
         "x3,Остап,Тестенко,Іванович,1991-02-17,,\n"
         "x4,Остап,Тестенко,,1991-02-17,,\n";
  return csv.str();
}

const ComparisonTerm& PatronymicTerm(const PairExplanation& why, const std::string& comparison) {
  for (const ComparisonTerm& term : why.terms) {
    if (term.comparison == comparison) return term;
  }
  ADD_FAILURE() << "no term " << comparison;
  return why.terms.front();
}

TEST(PatronymicLinkageTest, NamesakesWithDifferentPatronymicsScoreLowerAndAnAbsentOneIsNeutral) {
  const LinkSettings settings = PatronymicSettings();
  LinkOptions options;
  options.threads = 1;
  Result<LinkageEngine> engine =
      LinkageEngine::Create(settings, PatronymicTable(PatronymicTrainingList(), settings.left), std::nullopt, options);
  ASSERT_TRUE(engine.ok()) << engine.status().message();
  engine->Train();
  const uint32_t x1 = *engine->FindRecord("x1", false);
  const uint32_t x2 = *engine->FindRecord("x2", false);
  const uint32_t x3 = *engine->FindRecord("x3", false);
  const uint32_t x4 = *engine->FindRecord("x4", false);

  const PairExplanation same = engine->Explain(x1, x2);
  const PairExplanation other = engine->Explain(x1, x3);
  const PairExplanation absent = engine->Explain(x1, x4);
  EXPECT_EQ(PatronymicTerm(same, "patronymic").level, "exact");
  EXPECT_GT(PatronymicTerm(same, "patronymic").weight, 0);
  EXPECT_EQ(PatronymicTerm(other, "patronymic").level, "different");
  EXPECT_LT(PatronymicTerm(other, "patronymic").weight, 0);
  EXPECT_EQ(PatronymicTerm(absent, "patronymic").level, "missing");
  EXPECT_EQ(PatronymicTerm(absent, "patronymic").weight, 0);

  // Everything else agrees alike in the three pairs: only the patronymic tells them apart.
  EXPECT_GT(engine->Log2Odds(x1, x2), engine->Log2Odds(x1, x4));
  EXPECT_GT(engine->Log2Odds(x1, x4), engine->Log2Odds(x1, x3));
  EXPECT_NEAR(engine->Log2Odds(x1, x4),
              engine->Log2Odds(x1, x2) - PatronymicTerm(same, "patronymic").weight, 1e-9);
}

}  // namespace
}  // namespace canje::linkage
