// Properties every scenario's output must have: determinism, a complete truth file, unique
// record ids, canonical columns and values, a scenario.json that describes the files.
#include "scenario/scenario.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "scenario/csv_table_for_test.h"

namespace canje::scenario {
namespace {

using namespace testing_support;  // NOLINT: the test kit of csv_table_for_test.h

// How a list of scenario.json writes names and dates: "cyrillic|dmy" for a Cyrillic roster with
// day-first dates, "|" for the default (Latin names, ISO dates).
std::map<std::string, std::string> ListWritings(const std::filesystem::path& dir) {
  const auto manifest = nlohmann::json::parse(ReadFile(dir / "scenario.json"));
  std::map<std::string, std::string> writings;
  for (const auto& list : manifest["lists"]) {
    writings[list["file"]] = list.value("script", "") + "|" + list.value("date_order", "");
  }
  return writings;
}

std::vector<std::string> ListFiles(const std::filesystem::path& dir) {
  const auto manifest = nlohmann::json::parse(ReadFile(dir / "scenario.json"));
  std::vector<std::string> files;
  for (const auto& list : manifest["lists"]) files.push_back(list["file"]);
  return files;
}

TEST(ScenarioNames, ListsTheThreeScenarios) {
  EXPECT_EQ(ScenarioNames(),
            (std::vector<std::string>{"cecot-2025", "ankara-2024", "istanbul-style"}));
}

TEST(WriteScenario, RefusesUnknownNamesAndSizesOutOfRange) {
  TemporaryDirectory dir("usage");
  const Status unknown = WriteScenario({.name = "yemen"}, dir.path());
  EXPECT_EQ(unknown.code(), StatusCode::kUsage);
  EXPECT_NE(unknown.message().find("cecot-2025"), std::string::npos) << unknown.message();
  EXPECT_EQ(WriteScenario({.name = "cecot-2025", .size = -1}, dir.path()).code(),
            StatusCode::kUsage);
  EXPECT_EQ(WriteScenario({.name = "cecot-2025", .size = 5}, dir.path()).code(),
            StatusCode::kUsage);
  EXPECT_EQ(WriteScenario({.name = "ankara-2024", .size = 2}, dir.path()).code(),
            StatusCode::kUsage);
}

TEST(WriteScenario, ReportsAnOutputDirectoryItCannotCreate) {
  TemporaryDirectory dir("cannot_write");
  std::filesystem::create_directories(dir.path());
  std::ofstream(dir.path() / "a_file") << "x";
  const Status status = WriteScenario({.name = "ankara-2024"}, dir.path() / "a_file" / "out");
  EXPECT_EQ(status.code(), StatusCode::kCannotWrite);
}

// "cecot-2025" -> "cecot_2025" (test names allow no hyphen).
std::string TestNameOf(const testing::TestParamInfo<std::string>& test) {
  std::string name = test.param;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

class EveryScenario : public testing::TestWithParam<std::string> {};

INSTANTIATE_TEST_SUITE_P(Scenarios, EveryScenario, testing::ValuesIn(ScenarioNames()), TestNameOf);

TEST_P(EveryScenario, SameSeedGivesIdenticalFilesAndAnotherSeedDifferentLists) {
  TemporaryDirectory a("same_a"), b("same_b"), c("other_seed");
  ASSERT_TRUE(WriteScenario({.name = GetParam(), .seed = 7}, a.path()).ok());
  ASSERT_TRUE(WriteScenario({.name = GetParam(), .seed = 7}, b.path()).ok());
  ASSERT_TRUE(WriteScenario({.name = GetParam(), .seed = 8}, c.path()).ok());
  for (const std::string& file : ListFiles(a.path())) {
    SCOPED_TRACE(file);
    EXPECT_EQ(ReadFile(a.path() / file), ReadFile(b.path() / file));
    EXPECT_NE(ReadFile(a.path() / file), ReadFile(c.path() / file));
  }
  EXPECT_EQ(ReadFile(a.path() / "truth.csv"), ReadFile(b.path() / "truth.csv"));
  EXPECT_EQ(ReadFile(a.path() / "scenario.json"), ReadFile(b.path() / "scenario.json"));
}

// One scenario written once, checked by several tests.
class WrittenScenario : public testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    dir_ = std::make_unique<TemporaryDirectory>("written_" + GetParam());
    ASSERT_TRUE(
        WriteScenario({.name = GetParam(), .seed = 3}, dir_->path(),
                      [this](int64_t done, int64_t total) { progress_.emplace_back(done, total); })
            .ok());
    manifest_ = nlohmann::json::parse(ReadFile(dir_->path() / "scenario.json"));
  }
  const std::filesystem::path& dir() const { return dir_->path(); }

  std::unique_ptr<TemporaryDirectory> dir_;
  std::vector<std::pair<int64_t, int64_t>> progress_;
  nlohmann::json manifest_;
};

INSTANTIATE_TEST_SUITE_P(Scenarios, WrittenScenario, testing::ValuesIn(ScenarioNames()),
                         TestNameOf);

TEST_P(WrittenScenario, ScenarioJsonDescribesPartiesAndEveryList) {
  EXPECT_EQ(manifest_["name"], GetParam());
  EXPECT_EQ(manifest_["seed"], 3);
  std::set<std::string> party_codes;
  int intermediaries = 0;
  for (const auto& party : manifest_["parties"]) {
    const std::string code = party["code"], kind = party["kind"];
    EXPECT_TRUE(party_codes.insert(code).second) << "duplicate party " << code;
    EXPECT_TRUE(std::regex_match(code, std::regex("[A-Z][A-Z0-9_-]*"))) << code;
    if (kind == "state") {
      EXPECT_EQ(code.size(), 3u) << code;
    }
    EXPECT_TRUE(kind == "state" || kind == "intermediary" || kind == "organisation") << kind;
    intermediaries += kind == "intermediary";
  }
  EXPECT_EQ(intermediaries, 1);
  const std::set<std::string> kinds = {"custody_roster", "claim_list", "documentation_list",
                                       "transfer_manifest"};
  ASSERT_FALSE(manifest_["lists"].empty());
  for (const auto& list : manifest_["lists"]) {
    const std::string file = list["file"];
    SCOPED_TRACE(file);
    EXPECT_TRUE(kinds.count(list["kind"])) << list["kind"];
    EXPECT_TRUE(party_codes.count(list["party"])) << list["party"];
    EXPECT_FALSE(std::string(list["source"]).empty());
    EXPECT_FALSE(std::string(list["description"]).empty());
    ASSERT_TRUE(std::filesystem::exists(dir() / file));
    EXPECT_EQ(static_cast<size_t>(list["records"]), ReadCsv(dir() / file).rows.size());
  }
}

TEST_P(WrittenScenario, TruthCoversEveryRecordOnceAndRecordIdsAreUnique) {
  const CsvTable truth = ReadCsv(dir() / "truth.csv");
  EXPECT_EQ(truth.header, (std::vector<std::string>{"file", "record_id", "person_key", "errors"}));
  std::set<std::pair<std::string, std::string>> in_truth;
  for (size_t i = 0; i < truth.rows.size(); ++i) {
    EXPECT_TRUE(in_truth.emplace(truth.Get(i, "file"), truth.Get(i, "record_id")).second)
        << "twice in truth.csv: " << truth.Get(i, "record_id");
    const std::string& key = truth.Get(i, "person_key");
    EXPECT_TRUE(key.size() == 9 && key[0] == 'P' &&
                key.find_first_not_of("0123456789", 1) == std::string::npos)
        << key;
  }
  std::set<std::pair<std::string, std::string>> in_lists;
  for (const std::string& file : ListFiles(dir())) {
    const CsvTable table = ReadCsv(dir() / file);
    for (size_t i = 0; i < table.rows.size(); ++i) {
      EXPECT_TRUE(in_lists.emplace(file, table.Get(i, "record_id")).second)
          << file << ": duplicate record_id " << table.Get(i, "record_id");
    }
  }
  EXPECT_EQ(in_truth, in_lists);
}

TEST_P(WrittenScenario, ColumnsAndValuesAreCanonical) {
  const std::set<std::string> columns = {"record_id",
                                         "given_names",
                                         "family_names",
                                         "full_name",
                                         "aliases",
                                         "sex",
                                         "date_of_birth",
                                         "nationality",
                                         "document",
                                         "document_type",
                                         "holder",
                                         "facility",
                                         "custody_since",
                                         "legal_basis",
                                         "charges",
                                         "charge_status",
                                         "evidence_disclosed",
                                         "categories",
                                         "status",
                                         "notes",
                                         "patronymic",
                                         "ihl_status",
                                         "rank",
                                         "unit",
                                         "service_number",
                                         "date_of_capture",
                                         "place_of_capture"};
  const std::set<std::string> categories = {
      "political_prisoner", "journalist",   "lawyer",
      "opposition",         "intellectual", "human_rights_defender",
      "foreign_national",   "deportee",     "minor",
      "sick_or_wounded",    "military",     "other"};
  const std::regex date("[0-9]{4}(-[0-9]{2}-[0-9]{2})?");
  const std::regex day_first_date("[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}");
  const std::regex nationality("[A-Z]{3}(\\|[A-Z]{3})*");
  auto check = [](const CsvTable& table, size_t row, const std::string& column,
                  const std::function<bool(const std::string&)>& valid) {
    if (!table.Has(column)) return;
    const std::string& value = table.Get(row, column);
    EXPECT_TRUE(value.empty() || valid(value)) << column << " = '" << value << "'";
  };
  const std::map<std::string, std::string> writings = ListWritings(dir());
  for (const std::string& file : ListFiles(dir())) {
    SCOPED_TRACE(file);
    const CsvTable table = ReadCsv(dir() / file);
    // A Cyrillic list writes sex in Cyrillic letters (М or Ч for men, Ж for women) and a held
    // status in its language, and a list with day-first dates writes them dd.mm.yyyy.
    const bool cyrillic = writings.at(file).starts_with("cyrillic|");
    const bool day_first = writings.at(file).ends_with("|dmy");
    const std::regex& dates = day_first ? day_first_date : date;
    for (const std::string& name : table.header) EXPECT_TRUE(columns.count(name)) << name;
    EXPECT_TRUE(table.Has("full_name") || (table.Has("given_names") && table.Has("family_names")));
    for (size_t i = 0; i < table.rows.size(); ++i) {
      ASSERT_EQ(table.rows[i].size(), table.header.size()) << "row " << i;
      check(table, i, "sex", [&](const auto& v) {
        return cyrillic ? v == "М" || v == "Ч" || v == "Ж" : v == "M" || v == "F";
      });
      check(table, i, "date_of_birth", [&](const auto& v) { return std::regex_match(v, dates); });
      check(table, i, "custody_since", [&](const auto& v) { return std::regex_match(v, dates); });
      check(table, i, "date_of_capture", [&](const auto& v) { return std::regex_match(v, dates); });
      check(table, i, "ihl_status", [](const auto& v) {
        return v == "prisoner_of_war" || v == "civilian_internee" || v == "detained_civilian" ||
               v == "other";
      });
      check(table, i, "nationality",
            [&](const auto& v) { return std::regex_match(v, nationality); });
      // A Cyrillic roster says "held" in its holder's language.
      check(table, i, "status", [&](const auto& v) {
        return v == "held" || v == "released" || v == "dead" || v == "unknown" ||
               (cyrillic && (v == "в плену" || v == "утримується"));
      });
      check(table, i, "charge_status", [](const auto& v) {
        return v == "none" || v == "pending" || v == "convicted" || v == "dropped";
      });
      check(table, i, "evidence_disclosed", [](const auto& v) { return v == "yes" || v == "no"; });
      check(table, i, "categories", [&](const auto& v) {
        for (const std::string& part : FieldItems(v)) {
          if (!categories.count(part)) return false;
        }
        return true;
      });
      check(table, i, "full_name", [](const auto& v) { return v.find(", ") != std::string::npos; });
      if (table.Has("full_name") || table.Has("family_names")) {
        const std::string name =
            table.Has("full_name") ? table.Get(i, "full_name") : table.Get(i, "family_names");
        EXPECT_FALSE(name.empty()) << "row " << i;
      }
    }
  }
}

// Records the error model left untouched say the same thing about the same person, whatever
// list they are in: the lists disagree only where the truth file says they do. Lists written
// another way (a Cyrillic roster, day-first dates) are compared with lists written alike.
TEST_P(WrittenScenario, ErrorFreeRecordsOfAPersonAgreeAcrossLists) {
  const auto truth = ReadTruth(dir());
  const std::vector<std::string> fields = {"given_names", "family_names", "date_of_birth",
                                           "document", "sex"};
  // person -> writing and field -> value
  std::map<std::string, std::map<std::string, std::string>> seen;
  const std::map<std::string, std::string> writings = ListWritings(dir());
  int compared = 0;
  for (const std::string& file : ListFiles(dir())) {
    const CsvTable table = ReadCsv(dir() / file);
    for (size_t i = 0; i < table.rows.size(); ++i) {
      const std::string& id = table.Get(i, "record_id");
      if (!truth.errors.at(file).at(id).empty()) continue;
      auto& known = seen[truth.person.at(file).at(id)];
      for (const std::string& field : fields) {
        if (!table.Has(field)) continue;
        auto [it, inserted] = known.emplace(writings.at(file) + " " + field, table.Get(i, field));
        if (!inserted) {
          ++compared;
          EXPECT_EQ(it->second, table.Get(i, field)) << file << " " << id << " " << field;
        }
      }
    }
  }
  EXPECT_GT(compared, 0);
}

TEST_P(WrittenScenario, ProgressRisesToTheTotal) {
  ASSERT_GE(progress_.size(), 2u);
  EXPECT_EQ(progress_.front().first, 0);
  for (size_t i = 1; i < progress_.size(); ++i) {
    EXPECT_GE(progress_[i].first, progress_[i - 1].first);
    EXPECT_EQ(progress_[i].second, progress_.front().second);
  }
  EXPECT_EQ(progress_.back().first, progress_.back().second);
}

}  // namespace
}  // namespace canje::scenario
