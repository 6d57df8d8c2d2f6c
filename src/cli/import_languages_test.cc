// Lists headed in Russian, Ukrainian, Arabic, French or Portuguese, imported with the binary and
// over HTTP (POST /v1/lists) as a delegation would: what is refused says where and what to do,
// and the store does not change. Synthetic names only.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/cli_test_support.h"
#include "server/serve_test_support.h"

namespace canje::cli::testing {
namespace {

using nlohmann::json;

class ImportLanguagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    canje_.Init();
    ASSERT_EQ(canje_.Run({"party", "add", "UKR", "--name", "Ukraine"}).exit_status, 0);
  }
  RunResult Import(const std::string& file, const std::vector<std::string>& extra = {}) const {
    std::vector<std::string> args = {
        "import", file, "--kind", "custody_roster", "--source", "synthetic list", "--party", "UKR"};
    args.insert(args.end(), extra.begin(), extra.end());
    return canje_.Run(args);
  }
  // Runs `canje import FILE`, which must fail with exit status 65 and say each of `expected` on
  // stderr; returns what it said.
  RunResult ExpectImportRefused(const std::string& file,
                                const std::vector<std::string>& expected) const {
    RunResult refused = Import(file);
    EXPECT_EQ(refused.exit_status, 65) << refused.err;
    for (const std::string& part : expected) {
      EXPECT_NE(refused.err.find(part), std::string::npos) << part << "\n" << refused.err;
    }
    return refused;
  }
  json Summary() const { return json::parse(canje_.Run({"summary", "--json"}).out); }
  // `canje serve` on loopback, and an API token of the admin's (an event of its own).
  void StartServer() {
    RunResult token = canje_.Run({"user", "token", "create", "admin", "--json"});
    ASSERT_EQ(token.exit_status, 0) << token.err;
    token_ = json::parse(token.out)["token"].get<std::string>();
    server_ = std::make_unique<server::testing::ServeProcess>(canje_);
    ASSERT_NE(server_->port(), 0) << server_->error();
    client_ = std::make_unique<server::testing::HttpTestClient>(server_->port());
  }
  // Posts `body` as a CSV list of UKR's (StartServer first); `query` adds parameters.
  server::testing::HttpResult Post(const std::string& body, const std::string& query = "") {
    return client_->Send("POST",
                         "/v1/lists?kind=custody_roster&source=synthetic%20list&party=UKR&"
                         "file_name=roster.csv" +
                             query,
                         token_, body, {{"Content-Type", "text/csv"}});
  }
  // The store has no list, no person and no event more than `before` says.
  void ExpectUnchanged(const json& before) const {
    const json after = Summary();
    EXPECT_EQ(after["events"], before["events"]);
    EXPECT_EQ(after["persons"], before["persons"]);
    EXPECT_EQ(after["lists"].size(), before["lists"].size());
  }

  CanjeRunner canje_;
  std::string token_;
  std::unique_ptr<server::testing::ServeProcess> server_;
  std::unique_ptr<server::testing::HttpTestClient> client_;
};

TEST_F(ImportLanguagesTest, AnUnknownHeaderGetsTheNearestNamesWhereItStands) {
  canje_.WriteFile("bad.csv", "№ з/п,Прізвищє,Ім'я,Вік,Громадянство\n1,Тестенко,Остап,33,UKR\n");
  StartServer();
  const json before = Summary();
  // Each unknown column on a line of its own, with the file, line and column: the nearest name
  // in the header's script, and where every name is listed instead of the whole list.
  RunResult refused = ExpectImportRefused(
      "bad.csv", {"bad.csv: line 1, column 2: unknown column 'Прізвищє'; did you mean "
                  "'прізвище' (family_names)?",
                  "\nbad.csv: line 1, column 4: unknown column 'Вік'. Every name",
                  "docs/formats.md (\"Column names\")"});
  EXPECT_EQ(refused.err.find("given_names, first_given_name"), std::string::npos) << refused.err;
  ExpectUnchanged(before);

  // Over HTTP: the same reasons in the problem, 422, nothing written.
  server::testing::HttpResult posted =
      Post("№ з/п,Прізвищє,Ім'я,Вік,Громадянство\n1,Тестенко,Остап,33,UKR\n");
  EXPECT_EQ(posted.status, 422) << posted.body;
  const std::string detail = json::parse(posted.body)["detail"].get<std::string>();
  EXPECT_NE(detail.find("roster.csv: line 1, column 2: unknown column 'Прізвищє'; did you mean "
                        "'прізвище' (family_names)?"),
            std::string::npos)
      << detail;
  ExpectUnchanged(before);
}

// A Ukrainian roster with dotted dates: 03.04.1990 may be 3 April or March 4.
constexpr char kUkrainianRoster[] =
    "№ з/п;Прізвище;Ім'я;По батькові;Дата народження;Громадянство;Місце утримання;"
    "Дата затримання\n"
    "1;Тестенко;Остап;Іванович;03.04.1990;UKR;Установа 0;05.06.2023\n"
    "2;Пробна;Ганна;Петрівна;25.12.1985;UKR;Установа 0;01.02.2024\n";

TEST_F(ImportLanguagesTest, DottedDatesAreRefusedNamingTheOptionAndImportWithIt) {
  canje_.WriteFile("roster-ua.csv", kUkrainianRoster);
  StartServer();
  const json before = Summary();
  ExpectImportRefused("roster-ua.csv",
                      {"roster-ua.csv:2:5: Дата народження: ambiguous date '03.04.1990': it may "
                       "be 3 April or March 4, 1990",
                       "day first (3 April) with `canje import --date-order dmy`",
                       "roster-ua.csv:3:8: Дата затримання: ambiguous date '01.02.2024'"});
  ExpectUnchanged(before);

  // Over HTTP the same reasons name the query parameter too; nothing is written.
  server::testing::HttpResult posted = Post(kUkrainianRoster);
  EXPECT_EQ(posted.status, 422) << posted.body;
  const json problem = json::parse(posted.body);
  ASSERT_EQ(problem["errors"].size(), 3u) << posted.body;
  EXPECT_EQ(problem["errors"][0]["column_name"], "Дата народження");
  EXPECT_NE(problem["errors"][0]["reason"].get<std::string>().find("`date_order=dmy` over HTTP"),
            std::string::npos)
      << posted.body;
  ExpectUnchanged(before);

  // With the option the message named, the file imports, every date read day first.
  RunResult imported = Import("roster-ua.csv", {"--date-order", "dmy"});
  ASSERT_EQ(imported.exit_status, 0) << imported.err;
  EXPECT_NE(imported.out.find("Imported L1: 2 of 2 rows"), std::string::npos) << imported.out;
  const json persons = json::parse(canje_.Run({"persons", "--list", "L1", "--json"}).out);
  ASSERT_EQ(persons.size(), 2u);
  EXPECT_EQ(persons[0]["date_of_birth"], "1990-04-03");
  EXPECT_EQ(persons[0]["custody"][0]["since"], "2023-06-05");
  EXPECT_EQ(persons[0]["family_names"], json({"Тестенко"}));
  EXPECT_EQ(persons[0]["given_names"], json({"Остап"}));
  EXPECT_EQ(persons[0]["patronymic"], "Іванович");
  EXPECT_EQ(persons[1]["date_of_birth"], "1985-12-25");
  EXPECT_EQ(persons[1]["custody"][0]["since"], "2024-02-01");
  // And over HTTP with the query parameter.
  server::testing::HttpResult landed = Post(kUkrainianRoster, "&date_order=dmy&again=true");
  EXPECT_EQ(landed.status, 201) << landed.body;
}

TEST_F(ImportLanguagesTest, ACountryNamedInItsOwnLanguageIsAnsweredWithItsCode) {
  canje_.WriteFile("roster.csv",
                   "№ з/п;Прізвище;Ім'я;Дата народження;Громадянство\n"
                   "1;Тестенко;Остап;1990-04-03;Україна\n"
                   "2;Пробна;Ганна;1985-12-25;Украйина\n"
                   "3;Перевірна;Олена;1979;UKR|الإمارات\n");
  const json before = Summary();
  ExpectImportRefused(
      "roster.csv",
      {"roster.csv:2:5: Громадянство: 'Україна' is a country name; write its ISO 3166-1 alpha-3 "
       "code, UKR",
       "roster.csv:3:5: Громадянство: unknown country 'Украйина'; did you mean UKR (Украина)? "
       "Countries are written as ISO 3166-1 alpha-3 codes",
       "roster.csv:4:5: Громадянство: 'الإمارات' is a country name; write its ISO 3166-1 alpha-3 "
       "code, ARE"});
  ExpectUnchanged(before);
}

TEST_F(ImportLanguagesTest, AListDeclaresTheOrderOfItsFullNames) {
  constexpr char kRoster[] =
      "№ п/п;ФИО;Дата рождения\n"
      "1;Гуменюк Михайло Петрович;1990-04-03\n"
      "2;Тестенко Пробенко Остап Іванович;1985\n"
      "3;Пробная, Анна Сергеевна;1979\n";
  canje_.WriteFile("fio.csv", kRoster);
  StartServer();
  const json before = Summary();
  // A value that is not an order is refused before anything is read.
  RunResult bad = Import("fio.csv", {"--name-order", "fio"});
  EXPECT_EQ(bad.exit_status, 2) << bad.err;
  server::testing::HttpResult bad_api = Post(kRoster, "&name_order=fio");
  EXPECT_EQ(bad_api.status, 400) << bad_api.body;
  EXPECT_EQ(json::parse(bad_api.body)["parameter"], "name_order") << bad_api.body;
  ExpectUnchanged(before);

  RunResult imported = Import("fio.csv", {"--name-order", "family-given-patronymic"});
  ASSERT_EQ(imported.exit_status, 0) << imported.err;
  const json persons = json::parse(canje_.Run({"persons", "--list", "L1", "--json"}).out);
  ASSERT_EQ(persons.size(), 3u);
  EXPECT_EQ(persons[0]["family_names"], json({"Гуменюк"}));
  EXPECT_EQ(persons[0]["given_names"], json({"Михайло"}));
  EXPECT_EQ(persons[0]["patronymic"], "Петрович");
  EXPECT_EQ(persons[0]["name"], "Михайло Петрович Гуменюк");
  EXPECT_EQ(persons[1]["family_names"], json({"Тестенко", "Пробенко"}));
  EXPECT_EQ(persons[1]["given_names"], json({"Остап"}));
  EXPECT_EQ(persons[1]["patronymic"], "Іванович");
  EXPECT_EQ(persons[2]["family_names"], json({"Пробная"}));
  EXPECT_EQ(persons[2]["given_names"], json({"Анна"}));
  EXPECT_EQ(persons[2]["patronymic"], "Сергеевна");

  // Over HTTP, the query parameter: the same persons.
  server::testing::HttpResult landed =
      Post(kRoster, "&name_order=family-given-patronymic&again=true");
  ASSERT_EQ(landed.status, 201) << landed.body;
  const json again = json::parse(canje_.Run({"persons", "--list", "L2", "--json"}).out);
  ASSERT_EQ(again.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(again[i]["family_names"], persons[i]["family_names"]);
    EXPECT_EQ(again[i]["given_names"], persons[i]["given_names"]);
    EXPECT_EQ(again[i]["patronymic"], persons[i]["patronymic"]);
  }
}

// A synthetic Ukrainian roster of prisoners of war and civilians, in the headers such a roster
// uses: the binary and POST /v1/lists read the same persons, with their patronymic apart and
// their status under humanitarian law, rank, unit, service number and capture; `person show`
// (text and JSON) and GET /v1/persons/{id} show them; a search finds a patronymic; a status
// that is not one is refused where it stands, and nothing changes.
TEST_F(ImportLanguagesTest, APrisonerOfWarRosterInUkrainianKeepsItsFields) {
  constexpr char kRoster[] =
      "№ з/п;Прізвище;Ім'я;По батькові;Дата народження;Статус військовополоненого;"
      "Військове звання;Військова частина;Особистий номер;Дата взяття в полон;Місце полону;"
      "Категорія\n"
      "1;Тестенко;Остап;Маркович;1991-02-17;військовополонений;солдат;в/ч 0000 (синтетична);"
      "0-123456;2024-07-15;Синтетичне;enfermo o herido\n"
      "2;Вигаданко;Зеновій;Іларіонович;1987-11-05;інтернована цивільна особа;;;;2024;;\n"
      "3;Пробенко;Ганна;;1979;;;;;;;\n";
  constexpr char kBadRoster[] =
      "Прізвище;Ім'я;Статус військовополоненого\n"
      "Тестенко;Остап;полонений\n";
  canje_.WriteFile("pow.csv", kRoster);
  canje_.WriteFile("bad-pow.csv", kBadRoster);
  StartServer();

  // A status that is not one: the file, line, column and accepted values; nothing changes.
  const json before = Summary();
  RunResult bad = Import("bad-pow.csv");
  EXPECT_EQ(bad.exit_status, 65) << bad.err;
  EXPECT_NE(bad.err.find("bad-pow.csv:2:3: Статус військовополоненого: unknown status under "
                         "humanitarian law 'полонений'"),
            std::string::npos)
      << bad.err;
  EXPECT_NE(bad.err.find("prisoner_of_war"), std::string::npos) << bad.err;
  server::testing::HttpResult bad_api = Post(kBadRoster);
  EXPECT_EQ(bad_api.status, 422) << bad_api.body;
  EXPECT_NE(bad_api.body.find("полонений"), std::string::npos) << bad_api.body;
  ExpectUnchanged(before);

  RunResult imported = Import("pow.csv");
  ASSERT_EQ(imported.exit_status, 0) << imported.err;
  const json persons = json::parse(canje_.Run({"persons", "--list", "L1", "--json"}).out);
  ASSERT_EQ(persons.size(), 3u);
  const json& first = persons[0];
  EXPECT_EQ(first["given_names"], json({"Остап"}));
  EXPECT_EQ(first["patronymic"], "Маркович");
  EXPECT_EQ(first["family_names"], json({"Тестенко"}));
  EXPECT_EQ(first["ihl_status"], "prisoner_of_war");
  EXPECT_EQ(first["rank"], "солдат");
  EXPECT_EQ(first["unit"], "в/ч 0000 (синтетична)");
  EXPECT_EQ(first["service_number"], "0-123456");
  EXPECT_EQ(first["date_of_capture"], "2024-07-15");
  EXPECT_EQ(first["place_of_capture"], "Синтетичне");
  EXPECT_EQ(first["categories"], json({"sick_or_wounded"}));
  EXPECT_EQ(persons[1]["ihl_status"], "civilian_internee");
  EXPECT_EQ(persons[1]["date_of_capture"], "2024");
  EXPECT_EQ(persons[2]["ihl_status"], "");
  EXPECT_EQ(persons[2]["patronymic"], "");
  EXPECT_TRUE(persons[2]["date_of_capture"].is_null());

  // The text view shows them with the person.
  const std::string id = first["id"].get<std::string>();
  RunResult shown = canje_.Run({"person", "show", id});
  ASSERT_EQ(shown.exit_status, 0) << shown.err;
  for (const char* line : {"patronymic:    Маркович", "IHL status:    prisoner_of_war",
                           "rank:          солдат", "service number: 0-123456",
                           "captured:      2024-07-15", "place of capture: Синтетичне"}) {
    EXPECT_NE(shown.out.find(line), std::string::npos) << line << "\n" << shown.out;
  }
  // A search finds the person by the patronymic, a name word like the others.
  const json found = json::parse(canje_.Run({"persons", "Маркович", "--json"}).out);
  ASSERT_EQ(found.size(), 1u) << found.dump();
  EXPECT_EQ(found[0]["id"], id);

  // Over HTTP: the same roster, the same persons; GET /v1/persons/{id} shows the fields.
  server::testing::HttpResult landed = Post(kRoster, "&again=true");
  ASSERT_EQ(landed.status, 201) << landed.body;
  const json again = json::parse(canje_.Run({"persons", "--list", "L2", "--json"}).out);
  ASSERT_EQ(again.size(), 3u);
  for (const char* field : {"given_names", "patronymic", "ihl_status", "rank", "unit",
                            "service_number", "date_of_capture", "place_of_capture"}) {
    for (size_t i = 0; i < 3; ++i) EXPECT_EQ(again[i][field], persons[i][field]) << field;
  }
  server::testing::HttpResult page =
      client_->Send("GET", "/v1/persons/" + again[0]["id"].get<std::string>(), token_, "", {});
  ASSERT_EQ(page.status, 200) << page.body;
  const json api_person = json::parse(page.body);
  EXPECT_EQ(api_person["patronymic"], "Маркович");
  EXPECT_EQ(api_person["ihl_status"], "prisoner_of_war");
  EXPECT_EQ(api_person["service_number"], "0-123456");
  EXPECT_EQ(api_person["date_of_capture"], "2024-07-15");

  // Claims by field: the sick or wounded prisoners of war of L1 at priority 1, from the binary;
  // the prisoners of war or internees of L2 over HTTP; a condition that cannot be read is
  // refused at /where and claims nothing.
  ASSERT_EQ(canje_.Run({"party", "add", "ICRC", "--name", "ICRC (synthetic)", "--kind",
                        "organisation"}).exit_status, 0);
  ASSERT_EQ(canje_.Run({"exchange", "create", "pow-test", "--mediator", "ICRC"}).exit_status, 0);
  ASSERT_EQ(canje_.Run({"exchange", "party", "add", "X1", "UKR", "--bloc", "UKR"}).exit_status, 0);
  RunResult claimed = canje_.Run({"exchange", "claim", "X1", "--list", "L1", "--by", "UKR",
                                  "--where", "ihl_status=prisoner_of_war", "--where",
                                  "categories=sick_or_wounded", "--json"});
  ASSERT_EQ(claimed.exit_status, 0) << claimed.err;
  EXPECT_EQ(json::parse(claimed.out)["persons"], json({id})) << claimed.out;
  server::testing::HttpResult refused = client_->Send(
      "POST", "/v1/exchanges/X1/claims", token_,
      R"({"by": "UKR", "list": "L2", "where": ["ihl_status=prisonero"]})",
      {{"Content-Type", "application/json"}});
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(json::parse(refused.body)["pointer"], "/where") << refused.body;
  server::testing::HttpResult by_api = client_->Send(
      "POST", "/v1/exchanges/X1/claims", token_,
      R"({"by": "UKR", "list": "L2", "priority": 2,
          "where": ["статус військовополоненого=prisoner_of_war|civilian_internee"]})",
      {{"Content-Type", "application/json"}});
  ASSERT_EQ(by_api.status, 200) << by_api.body;
  EXPECT_EQ(json::parse(by_api.body)["persons"],
            json({again[0]["id"], again[1]["id"]}))
      << by_api.body;
}

}  // namespace
}  // namespace canje::cli::testing
