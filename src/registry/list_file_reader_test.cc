#include "registry/list_file_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

#include "registry/registry_test_util.h"

namespace canje::registry {
namespace {

using namespace testing;  // NOLINT: the registry's test kit (registry_test_util.h)

TEST(ListFileReader, ReportsDuplicateRecordIdsWithBothLines) {
  Result<std::vector<ParsedRecord>> rows = ReadAll(
      "id,nombres\nA-1,Ana\nA-2,\"Luis\nAlberto\"\nA-1,Eva\n,Leo\n,Ivo\nA-2,Sol\n",
      ListFormat::kCsv);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 6u);
  EXPECT_THAT((*rows)[0].errors, IsEmpty());
  EXPECT_THAT((*rows)[1].errors, IsEmpty());
  ASSERT_EQ((*rows)[2].errors.size(), 1u);
  const FieldError& error = (*rows)[2].errors[0];
  EXPECT_EQ(error.line, 5);
  EXPECT_EQ(error.column, 1);
  EXPECT_EQ(error.column_name, "id");
  EXPECT_EQ(error.reason, DuplicateIdTracker::DuplicateReason("A-1", 5, 2));
  EXPECT_THAT((*rows)[3].errors, IsEmpty());  // empty ids are not duplicates
  EXPECT_THAT((*rows)[4].errors, IsEmpty());
  EXPECT_THAT(Reasons((*rows)[5]), HasSubstr("'A-2' on line 8 is already used on line 3"));
}

// Synthetic lists headed in Russian, Arabic and French read into the same records as Spanish ones.
TEST(ListFileReader, ListsHeadedInOtherLanguagesRead) {
  Result<std::vector<ParsedRecord>> russian = ReadAll(
      "№ п/п;Фамилия;Имя;Отчество;Дата рождения;Гражданство;Место содержания\n"
      "1;Тестовый;Игорь;Петрович;1990-04-25;RUS;СИЗО-0\n",
      ListFormat::kCsv);
  ASSERT_TRUE(russian.ok()) << russian.status().ToString();
  ASSERT_EQ(russian->size(), 1u);
  const PersonRecord& first = (*russian)[0].record;
  EXPECT_THAT((*russian)[0].errors, IsEmpty()) << Reasons((*russian)[0]);
  EXPECT_EQ(first.record_id, "1");
  EXPECT_THAT(first.name.family_names, ElementsAre("Тестовый"));
  EXPECT_THAT(first.name.given_names, ElementsAre("Игорь"));
  EXPECT_EQ(first.name.patronymic, "Петрович");
  EXPECT_EQ(first.date_of_birth->ToIso(), "1990-04-25");
  EXPECT_THAT(first.nationalities, ElementsAre("RUS"));
  EXPECT_EQ(first.facility, "СИЗО-0");

  Result<std::vector<ParsedRecord>> arabic =
      ReadAll(R"([{"م": "7", "الاسم": "سالم اختبار", "تاريخ الميلاد": "1985", "الجنسية": "SYR"}])",
              ListFormat::kJson);
  ASSERT_TRUE(arabic.ok()) << arabic.status().ToString();
  EXPECT_THAT((*arabic)[0].errors, IsEmpty()) << Reasons((*arabic)[0]);
  EXPECT_EQ((*arabic)[0].record.record_id, "7");
  EXPECT_EQ((*arabic)[0].record.date_of_birth->ToIso(), "1985");

  Result<std::vector<ParsedRecord>> french = ReadAll(
      "Nom,Prénom,Date de naissance,Nationalité,Lieu de naissance\n"
      "Essai,Aline Marie,1979-12-25,FRA,Lyon\n",
      ListFormat::kCsv);
  ASSERT_TRUE(french.ok()) << french.status().ToString();
  EXPECT_THAT((*french)[0].errors, IsEmpty()) << Reasons((*french)[0]);
  EXPECT_THAT((*french)[0].record.name.family_names, ElementsAre("Essai"));
  EXPECT_THAT((*french)[0].record.name.given_names, ElementsAre("Aline", "Marie"));
  EXPECT_EQ((*french)[0].record.place_of_birth, "Lyon");
}

TEST(ListFileReader, TheIdOfAnInvalidRowStillCounts) {
  Result<std::vector<ParsedRecord>> rows =
      ReadAll("id,nombres,sexo\n7,Ana,Q\n7,Eva,F\n", ListFormat::kCsv);
  ASSERT_TRUE(rows.ok());
  EXPECT_THAT(Reasons((*rows)[0]), HasSubstr("unknown sex"));
  EXPECT_THAT(Reasons((*rows)[1]), HasSubstr("already used on line 2"));
}

TEST(ListFileReader, DuplicateIdsInJsonNameTheirPath) {
  Result<std::vector<ParsedRecord>> rows = ReadAll(
      R"([{"registro": "9", "nombres": "Ana"}, {"registro": "9", "nombres": "Eva"}])",
      ListFormat::kJson);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ((*rows)[1].errors.size(), 1u);
  EXPECT_EQ((*rows)[1].errors[0].json_path, "$[1].registro");
}

TEST(ListFileReader, ErrorsFormatAsFileLineColumn) {
  Result<std::vector<ParsedRecord>> csv =
      ReadAll("nombres,fecha_nacimiento\nAna,1990-02-30\n", ListFormat::kCsv);
  ASSERT_TRUE(csv.ok());
  EXPECT_EQ((*csv)[0].errors.at(0).ToString("roster.csv"),
            "roster.csv:2:2: fecha_nacimiento: date '1990-02-30' does not exist: February 1990 "
            "has 28 days");
  Result<std::vector<ParsedRecord>> json =
      ReadAll("[\n{\"nombres\": \"Ana\"},\n{\"nombres\": {}}]", ListFormat::kJson);
  ASSERT_TRUE(json.ok());
  EXPECT_THAT((*json)[1].errors.at(0).ToString("roster.json"),
              HasSubstr("roster.json:3: $[1].nombres (record 2): is an object"));
}

TEST(ListFileReader, HeaderProblemsStopTheWholeFile) {
  Result<std::vector<ParsedRecord>> rows = ReadAll("nombres,edad\nAna,3\n", ListFormat::kCsv);
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().code(), StatusCode::kInvalid);
  EXPECT_THAT(rows.status().message(), HasSubstr("unknown column 'edad'"));
}

TEST(ListFileReader, GivesAccessToTheRawRowAndProgress) {
  const std::string text = "nombres;sexo\nAna;Q\n";
  std::istringstream in(text);
  Result<std::unique_ptr<ListFileReader>> reader =
      ListFileReader::Open(in, ListFormat::kCsv, testing::TestOptions());
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ((*reader)->csv_delimiter(), ';');
  EXPECT_THAT((*reader)->csv_header(), ElementsAre("nombres", "sexo"));
  ParsedRecord parsed;
  ASSERT_TRUE((*reader)->Next(&parsed).value());
  EXPECT_THAT((*reader)->row().values, ElementsAre("Ana", "Q"));
  EXPECT_EQ((*reader)->bytes_read(), text.size());
  EXPECT_FALSE((*reader)->Next(&parsed).value());
}

TEST(ListFormat, ParsesNamesAndGuessesFromPaths) {
  EXPECT_EQ(ParseListFormat("CSV").value(), ListFormat::kCsv);
  EXPECT_EQ(ParseListFormat("json").value(), ListFormat::kJson);
  EXPECT_EQ(ParseListFormat("xml").status().code(), StatusCode::kUsage);
  EXPECT_EQ(ListFormatForPath("/tmp/lista.JSON"), ListFormat::kJson);
  EXPECT_EQ(ListFormatForPath("lista.csv"), ListFormat::kCsv);
  EXPECT_EQ(ListFormatForPath("lista"), ListFormat::kCsv);
}

// The example of docs/formats.md imports as the documentation says.
TEST(ListFileReader, TheDocumentedExampleImports) {
  std::ifstream doc(std::string(CANJE_SOURCE_DIR) + "/docs/formats.md");
  ASSERT_TRUE(doc.good());
  std::string line, example;
  bool in_section = false, in_block = false;
  while (std::getline(doc, line)) {
    if (line == "### Example") in_section = true;
    if (!in_section) continue;
    if (line == "```csv") {
      in_block = true;
    } else if (in_block && line == "```") {
      break;
    } else if (in_block) {
      example += line + "\n";
    }
  }
  Result<std::vector<ParsedRecord>> rows = ReadAll(example, ListFormat::kCsv);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 2u);
  for (const ParsedRecord& row : *rows) EXPECT_THAT(row.errors, IsEmpty()) << Reasons(row);
  EXPECT_EQ((*rows)[0].record.name.Display(), "JOSÉ LUIS PÉREZ DE LA CRUZ");
  EXPECT_THAT((*rows)[0].record.charges, ElementsAre(Charge{"", "none"}));
  EXPECT_THAT((*rows)[1].record.name.given_names, ElementsAre("María", "de", "los", "Ángeles"));
  EXPECT_THAT((*rows)[1].record.categories, ElementsAre("journalist", "political_prisoner"));
}

// A streambuf that produces a synthetic roster without holding it in memory.
class SyntheticRoster : public std::streambuf {
 public:
  explicit SyntheticRoster(int rows) : rows_(rows) {
    line_ = "record_id,given_names,family_names,sex,date_of_birth,nationality,document,"
            "document_type,holder,facility,custody_since,charges,charge_status,categories,"
            "status\n";
    setg(line_.data(), line_.data(), line_.data() + line_.size());
  }

 protected:
  int_type underflow() override {
    if (next_ >= rows_) return traits_type::eof();
    const int i = next_++;
    line_ = "R-" + std::to_string(i) + ",José Luis,Pérez de la Cruz,M," +
            std::to_string(1950 + i % 50) + "-0" + std::to_string(1 + i % 9) + "-1" +
            std::to_string(i % 10) + ",VEN,V-" + std::to_string(10000000 + i) +
            ",cedula,SLV,CECOT,2025-03-16,,none,deportee,held\n";
    setg(line_.data(), line_.data(), line_.data() + line_.size());
    return traits_type::to_int_type(line_[0]);
  }

 private:
  int rows_;
  int next_ = 0;
  std::string line_;
};

// Not a timed assertion: run with --gtest_also_run_disabled_tests to see the rate.
TEST(ListFileReaderBenchmark, DISABLED_OneMillionRows) {
  SyntheticRoster roster(1'000'000);
  std::istream in(&roster);
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  Result<std::unique_ptr<ListFileReader>> reader =
      ListFileReader::Open(in, ListFormat::kCsv, testing::TestOptions());
  ASSERT_TRUE(reader.ok());
  ParsedRecord parsed;
  int64_t valid = 0;
  while ((*reader)->Next(&parsed).value()) valid += parsed.errors.empty();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu_seconds = double(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  EXPECT_EQ(valid, 1'000'000);
  std::cout << "parsed and validated 1,000,000 rows (" << (*reader)->bytes_read() / 1e6
            << " MB) in " << seconds << " s (" << cpu_seconds
            << " s of CPU, including generating the rows)\n";
}

}  // namespace
}  // namespace canje::registry
