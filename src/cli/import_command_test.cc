// canje import, lists, persons and export, run as a user would on a real store.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/cli_test_support.h"

namespace canje::cli::testing {
namespace {

using nlohmann::json;

class ImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    canje_.Init();
    for (auto [code, name] : {std::pair{"VEN", "Venezuela"}, {"SLV", "El Salvador"}}) {
      ASSERT_EQ(canje_.Run({"party", "add", code, "--name", name}).exit_status, 0);
    }
  }
  json Summary() const { return json::parse(canje_.Run({"summary", "--json"}).out); }
  RunResult Import(const std::string& file, const std::string& kind = "custody_roster",
                   const std::vector<std::string>& extra = {}) const {
    std::vector<std::string> args = {"import", file, "--kind", kind, "--source", "test list",
                                     "--party", "VEN"};
    args.insert(args.end(), extra.begin(), extra.end());
    return canje_.Run(args);
  }
  // Asserts that `content` is refused with exit 65, that the message names `location` and
  // `reason`, and that the store did not change.
  void ExpectRefused(const std::string& content, const std::string& location,
                     const std::string& reason) {
    canje_.WriteFile("bad.csv", content);
    json before = Summary();
    RunResult result = Import("bad.csv");
    EXPECT_EQ(result.exit_status, 65) << result.err;
    EXPECT_NE(result.err.find(location), std::string::npos) << result.err;
    EXPECT_NE(result.err.find(reason), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("nothing was imported"), std::string::npos) << result.err;
    json after = Summary();
    EXPECT_EQ(after["events"], before["events"]);
    EXPECT_EQ(after["persons"], before["persons"]);
    EXPECT_EQ(after["lists"].size(), before["lists"].size());
  }
  CanjeRunner canje_;
};

constexpr char kGoodHeader[] = "id,nombres,apellidos,fecha_nacimiento,nacionalidad,custodio\n";

TEST_F(ImportTest, EveryBadRowClassIsReportedWithLineColumnAndReasonAndNothingLands) {
  std::string good_row = "A1,Ana,Díaz,1980-01-01,VEN,VEN\n";
  ExpectRefused(std::string(kGoodHeader) + good_row + "A2,Lu\xff" "is,Pérez,1980,VEN,VEN\n",
                "bad.csv:3:2", "UTF-8");
  ExpectRefused(std::string(kGoodHeader) + good_row + "A2,,,1980,VEN,VEN\n", "bad.csv:3",
                "name");
  ExpectRefused(std::string(kGoodHeader) + good_row + "A2,Luis,Pérez,1990-02-30,VEN,VEN\n",
                "bad.csv:3:4", "1990-02-30");
  ExpectRefused(std::string(kGoodHeader) + good_row + "A2,Luis,Pérez,03/04/1990,VEN,VEN\n",
                "bad.csv:3:4", "ambiguous");
  ExpectRefused(std::string(kGoodHeader) + good_row + "A2,Luis,Pérez,1990,XYZ,VEN\n",
                "bad.csv:3:5", "XYZ");
  ExpectRefused(std::string(kGoodHeader) + good_row + "A2,Luis,Pérez,1990,VEN,QQQ\n",
                "bad.csv:3:6", "QQQ");
  ExpectRefused(std::string(kGoodHeader) + good_row + "A2," + std::string(300, 'x') +
                    ",Pérez,1990,VEN,VEN\n",
                "bad.csv:3:2", "long");
  ExpectRefused(std::string(kGoodHeader) + good_row + "A1,Luis,Pérez,1990,VEN,VEN\n",
                "bad.csv:3", "already used on line 2");
  ExpectRefused(std::string(kGoodHeader) + good_row + "A2,Luis,Pérez,1990,VEN\n", "bad.csv:3",
                "field");
}

TEST_F(ImportTest, AllProblemsOfAFileAreReportedAtOnce) {
  canje_.WriteFile("bad.csv", std::string(kGoodHeader) + "A1,Luis,Pérez,1990-02-30,VEN,VEN\n" +
                                  "A2,Ana,Díaz,1990,XYZ,VEN\n");
  RunResult result = Import("bad.csv", "custody_roster", {"--json"});
  EXPECT_EQ(result.exit_status, 65);
  json report = json::parse(result.out);
  EXPECT_EQ(report["rejected"], 2);
  ASSERT_EQ(report["errors"].size(), 2u);
  EXPECT_EQ(report["errors"][0]["line"], 2);
  EXPECT_EQ(report["errors"][0]["column"], 4);
  EXPECT_EQ(report["errors"][1]["line"], 3);
  EXPECT_EQ(report["errors"][1]["column_name"], "nacionalidad");
}

TEST_F(ImportTest, SpanishHeadersSemicolonsBomAndQuotedNewlinesImport) {
  canje_.WriteFile("roster.csv",
                   "\xEF\xBB\xBFNombres;Apellidos;Fecha de Nacimiento;Cédula;Centro_Reclusion;"
                   "Cargos;Estado_Cargos;Categoria;Estado;Notas\n"
                   "José Luis;Pérez de la Cruz;1984-03-02;V-12.345.678;Rodeo I;Instigación;"
                   "pending;periodista|preso_politico;detenido;\"dos\nlíneas\"\n"
                   "María;González;1990;V-20.111.222;El Helicoide;;none;abogado;detenido;\n");
  RunResult result = Import("roster.csv");
  ASSERT_EQ(result.exit_status, 0) << result.err;
  EXPECT_NE(result.out.find("Imported L1: 2 of 2 rows"), std::string::npos) << result.out;
  json persons = json::parse(canje_.Run({"persons", "perez", "--json"}).out);
  ASSERT_EQ(persons.size(), 1u);
  EXPECT_EQ(persons[0]["id"], "P1");
  EXPECT_EQ(persons[0]["family_names"], json({"Pérez", "de la Cruz"}));
  EXPECT_EQ(persons[0]["given_names"], json({"José", "Luis"}));
  EXPECT_EQ(persons[0]["notes"], "dos\nlíneas");
  EXPECT_EQ(persons[0]["custody"][0]["holder"], "VEN");
  EXPECT_EQ(persons[0]["custody"][0]["facility"], "Rodeo I");
  EXPECT_EQ(persons[0]["categories"], json({"journalist", "political_prisoner"}));
  // Exact look-ups go through keyed hashes: the number written another way, the name without
  // accents or case.
  json by_document =
      json::parse(canje_.Run({"persons", "--document", "12345678", "--json"}).out);
  ASSERT_EQ(by_document.size(), 1u);
  EXPECT_EQ(by_document[0]["id"], "P1");
  json by_name = json::parse(
      canje_.Run({"persons", "--exact-name", "maria gonzalez", "--json"}).out);
  ASSERT_EQ(by_name.size(), 1u);
  EXPECT_EQ(by_name[0]["id"], "P2");
  EXPECT_EQ(json::parse(canje_.Run({"persons", "--exact-name", "maria", "--json"}).out).size(),
            0u);
  json by_category = json::parse(canje_.Run({"persons", "--category", "abogado", "--json"}).out);
  ASSERT_EQ(by_category.size(), 1u);
  EXPECT_EQ(by_category[0]["name"], "María González");
  json summary = Summary();
  EXPECT_EQ(summary["holders"][0]["by_charges"]["none"], 1);
}

TEST_F(ImportTest, JsonListsImportAndBadJsonNamesThePath) {
  canje_.WriteFile("claims.json",
                   R"([{"nombre_completo": "PÉREZ RODRÍGUEZ, JOSÉ LUIS", "nacionalidad": "VEN"},
                       {"given_names": "Ana", "family_names": "Díaz", "aliases": ["La Flaca"]}])");
  RunResult result = Import("claims.json", "claim_list");
  ASSERT_EQ(result.exit_status, 0) << result.err;
  json lists = json::parse(canje_.Run({"lists", "--json"}).out);
  ASSERT_EQ(lists.size(), 1u);
  EXPECT_EQ(lists[0]["records"], 2);
  EXPECT_EQ(lists[0]["format"], "json");
  canje_.WriteFile("bad.json", R"([{"nombres": "Ana", "apellidos": {"a": 1}}])");
  RunResult bad = Import("bad.json", "claim_list");
  EXPECT_EQ(bad.exit_status, 65);
  EXPECT_NE(bad.err.find("$[0].apellidos"), std::string::npos) << bad.err;
}

TEST_F(ImportTest, DryRunSkipInvalidAndTheSameFileTwice) {
  canje_.WriteFile("mixed.csv", std::string(kGoodHeader) + "A1,Ana,Díaz,1980-01-01,VEN,VEN\n" +
                                    "A2,Luis,Pérez,1990-02-30,VEN,VEN\n");
  RunResult dry = Import("mixed.csv", "custody_roster", {"--dry-run", "--skip-invalid"});
  EXPECT_EQ(dry.exit_status, 0) << dry.err;
  EXPECT_EQ(Summary()["lists"].size(), 0u);
  RunResult skipped = Import("mixed.csv", "custody_roster", {"--skip-invalid"});
  ASSERT_EQ(skipped.exit_status, 0) << skipped.err;
  EXPECT_NE(skipped.out.find("1 of 2 rows"), std::string::npos) << skipped.out;
  std::string rejects = canje_.ReadFile("mixed.csv.rejected.csv");
  EXPECT_NE(rejects.find("3,4,fecha_nacimiento"), std::string::npos) << rejects;
  EXPECT_NE(rejects.find("A2,Luis,Pérez,1990-02-30"), std::string::npos) << rejects;
  EXPECT_EQ(Summary()["persons"], 1);
  RunResult twice = Import("mixed.csv", "custody_roster", {"--skip-invalid"});
  EXPECT_EQ(twice.exit_status, 75);
  EXPECT_NE(twice.err.find("already imported"), std::string::npos);
  EXPECT_EQ(Import("mixed.csv", "custody_roster", {"--skip-invalid", "--again"}).exit_status, 0);
  EXPECT_EQ(Summary()["persons"], 2);
}

TEST_F(ImportTest, RolesAndPartiesAreEnforced) {
  canje_.WriteFile("list.csv", std::string(kGoodHeader) + "A1,Ana,Díaz,1980,VEN,VEN\n");
  ASSERT_EQ(canje_.Run({"user", "add", "obs", "--party", "VEN", "--role", "observer"}).exit_status,
            0);
  ASSERT_EQ(canje_.Run({"user", "add", "neg", "--party", "SLV", "--role", "negotiator"})
                .exit_status,
            0);
  RunResult observer = canje_.Run({"--as", "obs", "import", "list.csv", "--kind", "claim_list",
                                   "--source", "s", "--party", "VEN"});
  EXPECT_EQ(observer.exit_status, 77);
  RunResult other_party = canje_.Run({"--as", "neg", "import", "list.csv", "--kind", "claim_list",
                                      "--source", "s", "--party", "VEN"});
  EXPECT_EQ(other_party.exit_status, 77);
  EXPECT_NE(other_party.err.find("only for SLV"), std::string::npos);
  EXPECT_EQ(canje_.Run({"--as", "neg", "import", "list.csv", "--kind", "claim_list", "--source",
                        "s"})
                .exit_status,
            0);
  EXPECT_EQ(Summary()["lists"].size(), 1u);
  // Need to know: SLV's negotiator sees the person on SLV's own claim list (P1), not the one on
  // VEN's roster (P2; every record is its own person until `canje link`).
  ASSERT_EQ(Import("list.csv", "custody_roster", {"--again"}).exit_status, 0);
  EXPECT_EQ(json::parse(canje_.Run({"persons", "--json"}).out).size(), 2u);
  json seen = json::parse(canje_.Run({"--as", "neg", "persons", "--json"}).out);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0]["id"], "P1");
  EXPECT_EQ(canje_.Run({"--as", "neg", "person", "show", "P2"}).exit_status, 66);
  EXPECT_EQ(canje_.Run({"--as", "obs", "person", "show", "P2"}).exit_status, 0);
  EXPECT_EQ(canje_.Run({"--as", "obs", "export", "persons"}).exit_status, 77);
}

TEST_F(ImportTest, ExportedPersonsImportBackIdentically) {
  canje_.WriteFile(
      "roster.csv",
      "record_id,given_names,family_names,aliases,sex,date_of_birth,nationality,document,"
      "document_type,facility,custody_since,charges,charge_status,evidence_disclosed,categories,"
      "status,notes\n"
      "R1,José Luis,Pérez de la Cruz,Cheo|El Flaco,M,1984-03,VEN|COL,V-12.345.678,cedula,"
      "\"Rodeo I, Guatire\",2024-08-02,Instigación|Terrorismo,pending,no,journalist,held,"
      "\"dijo \"\"no\"\"\"\n"
      "R2,María,González Rodríguez,,F,1990,VEN,,,El Helicoide,,,none,yes,lawyer|minor,held,\n");
  ASSERT_EQ(Import("roster.csv").exit_status, 0);
  for (std::string format : {"csv", "json"}) {
    std::string file = "export." + format;
    RunResult exported = canje_.Run({"export", "persons", "--format", format, "--out", file});
    ASSERT_EQ(exported.exit_status, 0) << exported.err;
    CanjeRunner second;
    second.Init();
    ASSERT_EQ(second.Run({"party", "add", "VEN", "--name", "Venezuela"}).exit_status, 0);
    std::filesystem::copy_file(canje_.Path(file), second.Path(file));
    RunResult imported = second.Run({"import", file, "--kind", "custody_roster", "--source",
                                     "round trip", "--party", "VEN"});
    ASSERT_EQ(imported.exit_status, 0) << imported.err;
    RunResult again = second.Run({"export", "persons", "--format", format});
    EXPECT_EQ(again.out, canje_.ReadFile(file)) << format;
    json first_persons = json::parse(canje_.Run({"persons", "--json"}).out);
    json second_persons = json::parse(second.Run({"persons", "--json"}).out);
    ASSERT_EQ(first_persons.size(), 2u);
    for (size_t i = 0; i < 2; ++i) {
      for (const char* field : {"given_names", "family_names", "aliases", "date_of_birth",
                                "documents", "charges", "categories", "notes", "sex"}) {
        EXPECT_EQ(first_persons[i][field], second_persons[i][field]) << format << " " << field;
      }
    }
  }
}

// Kills a real import process part-way: the store holds all of the file or none of it.
// A field added after the first sealed encoding (the place of birth) travels the whole way:
// read from a Spanish header, sealed (never in the store file in the clear), shown on the
// person's page and in JSON, and exported to its own column.
TEST_F(ImportTest, APlaceOfBirthIsReadSealedShownAndExported) {
  canje_.WriteFile("born.csv",
                   "id,nombres,apellidos,lugar de nacimiento,custodio\n"
                   "B1,Ana,Díaz,Villa Sintética del Norte,VEN\n");
  RunResult imported = Import("born.csv");
  ASSERT_EQ(imported.exit_status, 0) << imported.err;
  const std::string place = "Villa Sintética del Norte";
  RunResult shown = canje_.Run({"person", "show", "P1"});
  EXPECT_NE(shown.out.find("  place of birth: " + place + "\n"), std::string::npos) << shown.out;
  EXPECT_EQ(json::parse(canje_.Run({"person", "show", "P1", "--json"}).out)["place_of_birth"],
            place);
  RunResult exported = canje_.Run({"export", "persons", "--format", "csv"});
  EXPECT_NE(exported.out.find(",notes,place_of_birth,"), std::string::npos) << exported.out;
  EXPECT_NE(exported.out.find("," + place + ","), std::string::npos) << exported.out;
  for (const char* suffix : {"", "-wal", "-journal"}) {
    const std::string file = std::string("canje.db") + suffix;
    if (!std::filesystem::exists(canje_.Path(file))) continue;
    EXPECT_EQ(canje_.ReadFile(file).find("Sintética del Norte"), std::string::npos) << file;
  }
}

TEST_F(ImportTest, AKilledImportLeavesAllOrNothing) {
  RunResult generated = canje_.Run(
      {"scenario", "generate", "cecot-2025", "--size", "60000", "--out", "big", "--quiet"});
  ASSERT_EQ(generated.exit_status, 0) << generated.err;
  std::string file = (canje_.dir() / "big" / "ven_custody_roster.csv").string();
  // Killed once as soon as the import starts writing, once when its transaction has spilled
  // megabytes of pages into the write-ahead log.
  for (uintmax_t wal_bytes : {uintmax_t{1}, uintmax_t{8} << 20}) {
    std::string db = (canje_.dir() / ("killed" + std::to_string(wal_bytes) + ".db")).string();
    ASSERT_EQ(canje_.Run({"--db", db, "init"}).exit_status, 0);
    ASSERT_EQ(canje_.Run({"--db", db, "party", "add", "VEN", "--name", "V"}).exit_status, 0);
    std::filesystem::path wal = db + "-wal";
    int waited = 0;  // milliseconds: it is killed after a minute at the latest
    ASSERT_NO_FATAL_FAILURE(KillWhenReady(
        {CANJE_BINARY, "--db", db, "--quiet", "import", file, "--kind", "custody_roster",
         "--source", "s", "--party", "VEN"},
        {},
        [&] {
          std::error_code error;
          if (std::filesystem::file_size(wal, error) >= wal_bytes && !error) return true;
          return (waited += 2) >= 60000;
        },
        std::chrono::milliseconds(2), "the import"));
    json summary = json::parse(canje_.Run({"--db", db, "summary", "--json"}).out);
    int64_t persons = summary["persons"];
    if (summary["lists"].empty()) {
      EXPECT_EQ(persons, 0) << "killed at " << wal_bytes << " bytes of WAL";
    } else {
      EXPECT_EQ(summary["lists"][0]["records"], persons);
      EXPECT_EQ(persons, 60000);
    }
    // The store still works: the same import succeeds afterwards.
    RunResult retry = canje_.Run({"--db", db, "import", file, "--kind", "custody_roster",
                                  "--source", "s2", "--party", "VEN"});
    EXPECT_EQ(retry.exit_status, 0) << retry.err;
  }
}

}  // namespace
}  // namespace canje::cli::testing
