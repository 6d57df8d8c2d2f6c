#include "registry/record_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "registry/registry_test_util.h"

namespace canje::registry {
namespace {

using namespace testing;  // NOLINT: the registry's test kit (registry_test_util.h)

// The single row of a CSV text, which must open.
ParsedRecord OneCsvRow(const std::string& text,
                       ListFileReaderOptions options = testing::TestOptions()) {
  Result<std::vector<ParsedRecord>> rows = ReadAll(text, ListFormat::kCsv, std::move(options));
  EXPECT_TRUE(rows.ok()) << rows.status().ToString();
  EXPECT_EQ(rows.ok() ? rows->size() : 0u, 1u);
  return rows.ok() && rows->size() == 1 ? (*rows)[0] : ParsedRecord();
}

// The record of the single row of a CSV text, which must open and have no error.
PersonRecord ValidCsvRecord(const std::string& text) {
  const ParsedRecord parsed = OneCsvRow(text);
  EXPECT_THAT(parsed.errors, IsEmpty()) << Reasons(parsed);
  return parsed.record;
}

// The only error of a row, checked to be the only one.
FieldError OnlyError(const ParsedRecord& parsed) {
  EXPECT_EQ(parsed.errors.size(), 1u) << Reasons(parsed);
  return parsed.errors.empty() ? FieldError() : parsed.errors[0];
}

TEST(RecordParser, ReadsACompleteSpanishRow) {
  const PersonRecord r = ValidCsvRecord(
      "registro;nombres;apellidos;alias;sexo;fecha_nacimiento;nacionalidad;cédula;pasaporte;"
      "detenido_por;centro_reclusion;fecha_detencion;base_legal;cargos;estado_cargos;pruebas;"
      "categorias;estado;observaciones;lugar de nacimiento\n"
      "V-001; José Luis ;Pérez de la Cruz;El Flaco|Pepe;M;03/25/1985;ven|COL;V-12.345.678;"
      "X123;slv;CECOT;2025-03-16;Alien Enemies Act;terrorismo|asociación;pendiente;no;"
      "preso político|deportado;detenido;\"visto; en abril\"; Maracaibo, Zulia \n");
  EXPECT_EQ(r.record_id, "V-001");
  EXPECT_THAT(r.name.given_names, ElementsAre("José", "Luis"));
  EXPECT_THAT(r.name.family_names, ElementsAre("Pérez", "de la Cruz"));
  EXPECT_THAT(r.aliases, ElementsAre("El Flaco", "Pepe"));
  EXPECT_EQ(r.sex, Sex::kMale);
  EXPECT_EQ(r.date_of_birth, (PartialDate{1985, 3, 25, PartialDate::Precision::kDay}));
  EXPECT_THAT(r.nationalities, ElementsAre("VEN", "COL"));
  EXPECT_THAT(r.documents, ElementsAre(IdentityDocument{"cedula", "V-12.345.678", ""},
                                       IdentityDocument{"passport", "X123", ""}));
  EXPECT_EQ(r.holder, "SLV");
  EXPECT_EQ(r.facility, "CECOT");
  EXPECT_EQ(r.custody_since, (PartialDate{2025, 3, 16, PartialDate::Precision::kDay}));
  EXPECT_EQ(r.legal_basis, "Alien Enemies Act");
  EXPECT_THAT(r.charges, ElementsAre(Charge{"terrorismo", "pending"},
                                     Charge{"asociación", "pending"}));
  EXPECT_EQ(r.evidence_disclosed, std::optional<bool>(false));
  EXPECT_THAT(r.categories, ElementsAre("political_prisoner", "deportee"));
  EXPECT_EQ(r.status, ReportedStatus::kHeld);
  EXPECT_EQ(r.notes, "visto; en abril");
  EXPECT_EQ(r.place_of_birth, "Maracaibo, Zulia");
}

TEST(RecordParser, AFullNameIsSplitWhenTheNameColumnsAreEmpty) {
  const PersonRecord record = ValidCsvRecord("nombre_completo\n\"PÉREZ RODRÍGUEZ, JOSÉ LUIS\"\n");
  EXPECT_THAT(record.name.family_names, ElementsAre("PÉREZ", "RODRÍGUEZ"));
  EXPECT_THAT(record.name.given_names, ElementsAre("JOSÉ", "LUIS"));

  Result<std::vector<ParsedRecord>> rows = ReadAll(
      "nombres,apellidos,nombre_completo\nAna,Gómez,Ana Gómez Díaz\n,,Luis Pérez\n",
      ListFormat::kCsv);
  ASSERT_TRUE(rows.ok());
  EXPECT_THAT((*rows)[0].record.name.family_names, ElementsAre("Gómez"));  // separate columns win
  EXPECT_THAT((*rows)[1].record.name.given_names, ElementsAre("Luis"));
}

TEST(RecordParser, SplitNameColumnsEachHoldOneName) {
  const PersonRecord record = ValidCsvRecord(
      "primer_nombre,segundo_nombre,primer_apellido,segundo_apellido\n"
      "María,de los Ángeles,de la Cruz,Pérez\n");
  EXPECT_THAT(record.name.given_names, ElementsAre("María", "de", "los", "Ángeles"));
  EXPECT_THAT(record.name.family_names, ElementsAre("de la Cruz", "Pérez"));
}

TEST(RecordParser, InvalidUtf8IsReportedWithTheColumnName) {
  FieldError error = OnlyError(OneCsvRow("nombres,apellidos\nAna,P\xE9rez\n"));
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(error.column, 2);
  EXPECT_EQ(error.column_name, "apellidos");
  EXPECT_THAT(error.reason, HasSubstr("invalid UTF-8"));
}

TEST(RecordParser, MissingNameIsAnError) {
  FieldError error = OnlyError(OneCsvRow("id,nombres,apellidos,sexo\n7, , ,F\n"));
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(error.column, 2);
  EXPECT_THAT(error.reason, HasSubstr("missing name"));
}

TEST(RecordParser, ImpossibleAndAmbiguousDatesAreErrors) {
  Result<std::vector<ParsedRecord>> rows = ReadAll(
      "nombres,fecha_nacimiento,fecha_detencion\n"
      "Ana,1990-02-30,\n"
      "Luis,03/04/1990,\n"
      "Eva,2031-01-01,\n"
      "Leo,1990,1985-05\n"
      "Ivo,1990,2099-01-01\n",
      ListFormat::kCsv);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 5u);
  EXPECT_THAT(OnlyError((*rows)[0]).reason, HasSubstr("February 1990 has 28 days"));
  EXPECT_EQ(OnlyError((*rows)[0]).column_name, "fecha_nacimiento");
  EXPECT_THAT(OnlyError((*rows)[1]).reason, HasSubstr("ambiguous date '03/04/1990'"));
  EXPECT_THAT(OnlyError((*rows)[2]).reason, HasSubstr("in the future"));
  EXPECT_THAT(OnlyError((*rows)[3]).reason, HasSubstr("before the date of birth"));
  EXPECT_EQ(OnlyError((*rows)[3]).column, 3);
  EXPECT_THAT(OnlyError((*rows)[4]).reason, HasSubstr("custody date 2099-01-01 is in the future"));
}

TEST(RecordParser, TheDateOrderOptionResolvesAmbiguity) {
  ListFileReaderOptions options = testing::TestOptions();
  options.parser.date_order = DateOrder::kDayFirst;
  ParsedRecord parsed = OneCsvRow("nombres,fecha_nacimiento\nLuis,03/04/1990\n", options);
  ASSERT_THAT(parsed.errors, IsEmpty());
  EXPECT_EQ(parsed.record.date_of_birth->ToIso(), "1990-04-03");
}

TEST(RecordParser, UnknownCodedValuesAreErrors) {
  ParsedRecord parsed = OneCsvRow(
      "nombres,nacionalidad,categoria,estado,sexo,pruebas,estado_cargos\n"
      "Ana,VEN|XXY,periodista|astronauta,fugado,Q,quizás,tal vez\n");
  ASSERT_EQ(parsed.errors.size(), 6u) << Reasons(parsed);
  for (const FieldError& error : parsed.errors) {
    EXPECT_EQ(error.line, 2);
    if (error.column_name == "nacionalidad") {
      EXPECT_EQ(error.column, 2);
      EXPECT_THAT(error.reason, HasSubstr("unknown country code 'XXY'"));
    }
  }
  const std::string reasons = Reasons(parsed);
  EXPECT_THAT(reasons, HasSubstr("unknown category 'astronauta'"));
  EXPECT_THAT(reasons, HasSubstr("unknown status 'fugado'"));
  EXPECT_THAT(reasons, HasSubstr("unknown sex 'Q'"));
  EXPECT_THAT(reasons, HasSubstr("unknown yes/no value"));
  EXPECT_THAT(reasons, HasSubstr("unknown charge status"));
}

TEST(RecordParser, UnknownOrMalformedHolderCodesAreErrors) {
  Result<std::vector<ParsedRecord>> rows = ReadAll(
      "nombres,custodio\nAna,DEU\nLuis,icrc\nEva,El Salvador\n", ListFormat::kCsv);
  ASSERT_TRUE(rows.ok());
  EXPECT_THAT(OnlyError((*rows)[0]).reason, HasSubstr("unknown party code 'DEU'"));
  EXPECT_EQ(OnlyError((*rows)[0]).column_name, "custodio");
  EXPECT_THAT((*rows)[1].errors, IsEmpty());
  EXPECT_EQ((*rows)[1].record.holder, "ICRC");
  EXPECT_THAT(OnlyError((*rows)[2]).reason, HasSubstr("is not a party code"));
}

TEST(RecordParser, OverlongFieldsAreErrorsCountedInCharacters) {
  const std::string ok_name(200, 'n');
  std::string accented;
  for (int i = 0; i < 200; ++i) accented += "Ñ";  // 400 bytes, 200 characters
  Result<std::vector<ParsedRecord>> rows =
      ReadAll("nombres,notas\n" + ok_name + "," + std::string(2000, 'x') + "\n" + accented +
                  ",\n" + ok_name + "n,\nAna," + std::string(2001, 'x') + "\n",
              ListFormat::kCsv);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 4u);
  EXPECT_THAT((*rows)[0].errors, IsEmpty());
  EXPECT_THAT((*rows)[1].errors, IsEmpty());
  FieldError name_error = OnlyError((*rows)[2]);  // no "missing name" on top
  EXPECT_THAT(name_error.reason, HasSubstr("201 characters long; the limit for given_names is 200"));
  EXPECT_THAT(OnlyError((*rows)[3]).reason, HasSubstr("the limit for notes is 2000"));
}

TEST(RecordParser, WrongColumnCountIsAnError) {
  Result<std::vector<ParsedRecord>> rows =
      ReadAll("nombres,apellidos,sexo\nAna,Gómez\nLuis,Pérez,M,extra\nEva,Díaz,F\n",
              ListFormat::kCsv);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 3u);
  FieldError fewer = OnlyError((*rows)[0]);
  EXPECT_EQ(fewer.line, 2);
  EXPECT_EQ(fewer.column, 3);
  EXPECT_THAT(fewer.reason, HasSubstr("the row has 2 fields but the header has 3"));
  EXPECT_THAT(OnlyError((*rows)[1]).reason, HasSubstr("4 fields"));
  EXPECT_THAT((*rows)[2].errors, IsEmpty());
}

TEST(RecordParser, SemicolonsSeparateListItemsOnlyInCommaFiles) {
  ParsedRecord comma = OneCsvRow("nombres,nacionalidad,alias\nAna,VEN;COL,a;b\n");
  EXPECT_THAT(comma.record.nationalities, ElementsAre("VEN", "COL"));
  EXPECT_THAT(comma.record.aliases, ElementsAre("a", "b"));
  ParsedRecord semicolon = OneCsvRow("nombres;alias\nAna;\"a;b|c\"\n");
  ASSERT_THAT(semicolon.errors, IsEmpty()) << Reasons(semicolon);
  EXPECT_THAT(semicolon.record.aliases, ElementsAre("a;b", "c"));
  ParsedRecord bar_wins = OneCsvRow("nombres,cargos\nAna,robo; hurto|\n");
  EXPECT_THAT(bar_wins.record.charges, ElementsAre(Charge{"robo; hurto", ""}));
}

TEST(RecordParser, ChargeStatusAppliesToEveryChargeOrOnePerCharge) {
  Result<std::vector<ParsedRecord>> rows = ReadAll(
      "nombres,cargos,estado_cargos\n"
      "Ana,robo|hurto,condenado\n"
      "Luis,robo|hurto,condenado|sobreseído\n"
      "Eva,,sin cargos\n"
      "Leo,robo|hurto,condenado|pendiente|sobreseído\n",
      ListFormat::kCsv);
  ASSERT_TRUE(rows.ok());
  EXPECT_THAT((*rows)[0].record.charges,
              ElementsAre(Charge{"robo", "convicted"}, Charge{"hurto", "convicted"}));
  EXPECT_THAT((*rows)[1].record.charges,
              ElementsAre(Charge{"robo", "convicted"}, Charge{"hurto", "dropped"}));
  EXPECT_THAT((*rows)[2].record.charges, ElementsAre(Charge{"", "none"}));
  EXPECT_THAT(OnlyError((*rows)[3]).reason, HasSubstr("3 charge statuses for 2 charges"));
}

TEST(RecordParser, DocumentTypesAndCountriesComeFromTheHeaderOrTheirColumns) {
  Result<std::vector<ParsedRecord>> rows = ReadAll(
      "nombres,documento,tipo_documento,pais_emisor\n"
      "Ana,V-1|P-2,cédula|pasaporte,VEN|COL\n"
      "Luis,E-3,dni,esp\n"
      "Eva,A|B,cedula|x|y,\n"
      "Leo,9,,Narnia\n",
      ListFormat::kCsv);
  ASSERT_TRUE(rows.ok());
  ASSERT_THAT((*rows)[0].errors, IsEmpty()) << Reasons((*rows)[0]);
  EXPECT_THAT((*rows)[0].record.documents, ElementsAre(IdentityDocument{"cedula", "V-1", "VEN"},
                                                       IdentityDocument{"passport", "P-2", "COL"}));
  EXPECT_THAT((*rows)[1].record.documents, ElementsAre(IdentityDocument{"dni", "E-3", "ESP"}));
  EXPECT_THAT(OnlyError((*rows)[2]).reason, HasSubstr("3 items for 2 documents"));
  EXPECT_THAT(OnlyError((*rows)[3]).reason, HasSubstr("unknown country code 'Narnia'"));
}

TEST(RecordParser, JsonRecordsAreCheckedKeyByKey) {
  Result<std::vector<ParsedRecord>> rows = ReadAll(
      R"([{"nombres": "Ana", "apellidos": ["Gómez", "de la Cruz"], "nacionalidad": ["VEN"]},)"
      "\n"
      R"( {"nombres": "Luis", "edad": 40, "given_names": "L"},)"
      "\n"
      R"( {"sexo": "F"}, {"nombres": "Eva", "fecha_nacimiento": "1990-02-30"}])",
      ListFormat::kJson);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 4u);
  ASSERT_THAT((*rows)[0].errors, IsEmpty()) << Reasons((*rows)[0]);
  EXPECT_THAT((*rows)[0].record.name.family_names, ElementsAre("Gómez", "de la Cruz"));
  ASSERT_EQ((*rows)[1].errors.size(), 2u) << Reasons((*rows)[1]);
  EXPECT_EQ((*rows)[1].errors[0].json_path, "$[1].edad");
  EXPECT_THAT((*rows)[1].errors[0].reason, HasSubstr("unknown column 'edad'"));
  EXPECT_THAT((*rows)[1].errors[1].reason, HasSubstr("means the same column"));
  EXPECT_EQ(OnlyError((*rows)[2]).json_path, "$[2]");
  EXPECT_THAT(OnlyError((*rows)[2]).reason, HasSubstr("missing name"));
  EXPECT_EQ(OnlyError((*rows)[3]).json_path, "$[3].fecha_nacimiento");
  EXPECT_EQ(OnlyError((*rows)[3]).line, 3);
}

TEST(SplitListField, BarsWinAndATrailingBarEndsTheList) {
  EXPECT_THAT(SplitListField("a;b", "|;"), ElementsAre("a", "b"));
  EXPECT_THAT(SplitListField("a;b|c", "|;"), ElementsAre("a;b", "c"));
  EXPECT_THAT(SplitListField("a;b|", "|;"), ElementsAre("a;b"));
  EXPECT_THAT(SplitListField("cedula||", "|"), ElementsAre("cedula", ""));
  EXPECT_THAT(SplitListField("|", "|"), ElementsAre(""));
  EXPECT_THAT(SplitListField(" ", "|"), IsEmpty());
}

TEST(MaxLength, FollowsTheDocumentedLimits) {
  const std::pair<Column, size_t> kLimits[] = {
      {Column::kGivenNames, 200},   {Column::kFullName, 200},      {Column::kNotes, 2000},
      {Column::kCharges, 2000},     {Column::kRecordId, 100},      {Column::kFacility, 300},
      {Column::kPlaceOfBirth, 300}, {Column::kPatronymic, 200},    {Column::kRank, 100},
      {Column::kUnit, 300},         {Column::kServiceNumber, 100}, {Column::kPlaceOfCapture, 300},
      {Column::kIhlStatus, 100}};
  for (const auto& [column, limit] : kLimits) {
    EXPECT_EQ(MaxLength(column), limit) << CanonicalColumnName(column);
  }
}

TEST(RecordParser, ReadsThePrisonerOfWarColumnsOfAUkrainianRoster) {
  const PersonRecord record = ValidCsvRecord(
      "прізвище;ім'я;по батькові;дата народження;статус військовополоненого;військове звання;"
      "військова частина;особистий номер;дата взяття в полон;місце полону\n"
      "Тестенко;Остап;  Маркович ;1991-02-17;військовополонений;солдат;в/ч 0000 (synthetic);"
      "0-123456;2024-07;Синтетичне\n");
  EXPECT_THAT(record.name.given_names, ElementsAre("Остап"));
  EXPECT_EQ(record.name.patronymic, "Маркович");
  EXPECT_EQ(record.name.Display(), "Остап Маркович Тестенко");
  EXPECT_EQ(record.ihl_status, IhlStatus::kPrisonerOfWar);
  EXPECT_EQ(record.rank, "солдат");
  EXPECT_EQ(record.unit, "в/ч 0000 (synthetic)");
  EXPECT_EQ(record.service_number, "0-123456");
  ASSERT_TRUE(record.date_of_capture.has_value());
  EXPECT_EQ(record.date_of_capture->ToIso(), "2024-07");
  EXPECT_EQ(record.place_of_capture, "Синтетичне");
}

TEST(RecordParser, AFullNameInPatronymicOrderFillsThePatronymicUnlessItsColumnDoes) {
  ListFileReaderOptions options = testing::TestOptions();
  options.parser.name_order = NameOrder::kFamilyGivenPatronymic;
  ParsedRecord from_name = OneCsvRow("піб\nГуменюк Михайло Петрович\n", options);
  EXPECT_THAT(from_name.record.name.given_names, ElementsAre("Михайло"));
  EXPECT_EQ(from_name.record.name.patronymic, "Петрович");
  ParsedRecord column_wins =
      OneCsvRow("піб,по батькові\nГуменюк Михайло Петрович,Петрович-Тест\n", options);
  EXPECT_EQ(column_wins.record.name.patronymic, "Петрович-Тест");
  EXPECT_THAT(column_wins.record.name.family_names, ElementsAre("Гуменюк"));
}

TEST(RecordParser, AStatusUnderHumanitarianLawIsReadInEveryLanguageOrRefused) {
  const std::pair<std::string, IhlStatus> cases[] = {
      {"prisoner_of_war", IhlStatus::kPrisonerOfWar},
      {"Prisionero de Guerra", IhlStatus::kPrisonerOfWar},
      {"POW", IhlStatus::kPrisonerOfWar},
      {"ВОЕННОПЛЕННЫЙ", IhlStatus::kPrisonerOfWar},
      {"військовополонена", IhlStatus::kPrisonerOfWar},
      {"أسير حرب", IhlStatus::kPrisonerOfWar},
      {"prisonnière de guerre", IhlStatus::kPrisonerOfWar},
      {"prisioneiro-de-guerra", IhlStatus::kPrisonerOfWar},
      {"civilian internee", IhlStatus::kCivilianInternee},
      {"інтернована цивільна особа", IhlStatus::kCivilianInternee},
      {"civil détenu", IhlStatus::kDetainedCivilian},
      {"гражданское лицо", IhlStatus::kDetainedCivilian},
      {"outro", IhlStatus::kOther},
      {"", IhlStatus::kUnspecified},
  };
  for (const auto& [text, status] : cases) {
    ParsedRecord parsed = OneCsvRow("nombres,ihl_status\nAna," + text + "\n");
    EXPECT_THAT(parsed.errors, IsEmpty()) << text << ": " << Reasons(parsed);
    EXPECT_EQ(parsed.record.ihl_status, status) << text;
  }
  ParsedRecord unknown = OneCsvRow("nombres,ihl_status\nAna,prisionero\n");
  const FieldError error = OnlyError(unknown);
  EXPECT_EQ(error.column_name, "ihl_status");
  EXPECT_THAT(error.reason, HasSubstr("unknown status under humanitarian law 'prisionero'"));
  EXPECT_THAT(error.reason, HasSubstr("prisoner_of_war"));
}

TEST(RecordParser, ADateOfCaptureIsNeitherInTheFutureNorBeforeBirth) {
  ParsedRecord before_birth =
      OneCsvRow("nombres,fecha_nacimiento,fecha_de_captura\nAna,1990-04-03,1980\n");
  EXPECT_THAT(OnlyError(before_birth).reason,
              HasSubstr("date of capture 1980 is before the date of birth 1990-04-03"));
  ParsedRecord future = OneCsvRow("nombres,capture_date\nAna,2999-01-01\n");
  EXPECT_EQ(OnlyError(future).column_name, "capture_date");
}

TEST(RecordParser, AnOverlongPlaceOfBirthNamesItsColumnAndLimit) {
  ParsedRecord parsed = OneCsvRow("nombres,birthplace\nAna," + std::string(301, 'x') + "\n");
  EXPECT_THAT(OnlyError(parsed).reason, HasSubstr("the limit for place_of_birth is 300"));
}

}  // namespace
}  // namespace canje::registry
