#include "registry/columns.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "core/testing/text_cases.h"
#include "registry/text_fold.h"

namespace canje::registry {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

ColumnMatch Match(std::string_view name) {
  std::optional<ColumnMatch> match = MatchColumnName(name);
  EXPECT_TRUE(match.has_value()) << name;
  return match.value_or(ColumnMatch{Column::kNotes, "?"});
}

TEST(MatchColumnName, AcceptsSpanishAndEnglishSynonymsHoweverWritten) {
  EXPECT_EQ(Match(" Fecha de Nacimiento ").column, Column::kDateOfBirth);
  EXPECT_EQ(Match("FECHA_NACIMIENTO").column, Column::kDateOfBirth);
  EXPECT_EQ(Match("fecha-nacimiento").column, Column::kDateOfBirth);
  EXPECT_EQ(Match("DOB").column, Column::kDateOfBirth);
  EXPECT_EQ(Match("Nombres").column, Column::kGivenNames);
  EXPECT_EQ(Match("nombre").column, Column::kGivenNames);
  EXPECT_EQ(Match("first name").column, Column::kGivenNames);
  EXPECT_EQ(Match("Apellidos").column, Column::kFamilyNames);
  EXPECT_EQ(Match("surname").column, Column::kFamilyNames);
  EXPECT_EQ(Match("Primer Apellido").column, Column::kFirstFamilyName);
  EXPECT_EQ(Match("segundo_apellido").column, Column::kSecondFamilyName);
  EXPECT_EQ(Match("Nombre y Apellido").column, Column::kFullName);
  EXPECT_EQ(Match("nombre_completo").column, Column::kFullName);
  EXPECT_EQ(Match("name").column, Column::kFullName);
  EXPECT_EQ(Match("Registro").column, Column::kRecordId);
  EXPECT_EQ(Match("ID").column, Column::kRecordId);
  EXPECT_EQ(Match("nacionalidad").column, Column::kNationality);
  EXPECT_EQ(Match("Sexo").column, Column::kSex);
  EXPECT_EQ(Match("detenido por").column, Column::kHolder);
  EXPECT_EQ(Match("Centro de Reclusión").column, Column::kFacility);
  EXPECT_EQ(Match("centro_reclusion").column, Column::kFacility);
  EXPECT_EQ(Match("Cárcel").column, Column::kFacility);
  EXPECT_EQ(Match("prison").column, Column::kFacility);
  EXPECT_EQ(Match("fecha_detencion").column, Column::kCustodySince);
  EXPECT_EQ(Match("base legal").column, Column::kLegalBasis);
  EXPECT_EQ(Match("cargos").column, Column::kCharges);
  EXPECT_EQ(Match("estado_cargos").column, Column::kChargeStatus);
  EXPECT_EQ(Match("pruebas").column, Column::kEvidenceDisclosed);
  EXPECT_EQ(Match("categoria").column, Column::kCategories);
  EXPECT_EQ(Match("Categorías").column, Column::kCategories);
  EXPECT_EQ(Match("estado").column, Column::kStatus);
  EXPECT_EQ(Match("observaciones").column, Column::kNotes);
  EXPECT_EQ(Match("Patronímico").column, Column::kPatronymic);
  EXPECT_EQ(Match("grado").column, Column::kRank);
  EXPECT_EQ(Match("Unidad militar").column, Column::kUnit);
  EXPECT_EQ(Match("service number").column, Column::kServiceNumber);
  EXPECT_EQ(Match("Fecha de captura").column, Column::kDateOfCapture);
  EXPECT_EQ(Match("estatus DIH").column, Column::kIhlStatus);
  EXPECT_FALSE(MatchColumnName("edad").has_value());
}

// The canonical name of the column a header means, or "(unknown)".
std::string ColumnOf(const std::string& header) {
  std::optional<ColumnMatch> match = MatchColumnName(header);
  return match ? std::string(CanonicalColumnName(match->column)) : "(unknown)";
}

// ColumnOf, and after a space the document type the header names, if it names one:
// "document cedula".
std::string ColumnAndDocumentTypeOf(const std::string& header) {
  std::optional<ColumnMatch> match = MatchColumnName(header);
  if (!match || match->document_type.empty()) return ColumnOf(header);
  return ColumnOf(header) + " " + std::string(match->document_type);
}

TEST(MatchColumnName, AcceptsTheHeadersOfRussianAndUkrainianLists) {
  const table_testing::TextCases cases = {
      {"Фамилия", "family_names"},
      {"ФАМИЛИЯ", "family_names"},
      {"Имя", "first_given_name"},
      {"Отчество", "patronymic"},
      {"Воинское звание", "rank"},
      {"Воинская часть", "unit"},
      {"Личный номер", "service_number"},
      {"Статус военнопленного", "ihl_status"},
      {"Дата взятия в плен", "date_of_capture"},
      {"Место пленения", "place_of_capture"},
      {"ФИО", "full_name"},
      {"Ф.И.О.", "full_name"},
      {"Фамилия Имя Отчество", "full_name"},
      {"№ п/п", "record_id"},
      {"Дата рождения", "date_of_birth"},
      {"Год рождения", "date_of_birth"},
      {"Место рождения", "place_of_birth"},
      {"Гражданство", "nationality"},
      {"Пол", "sex"},
      {"Номер паспорта", "document"},
      {"Место содержания", "facility"},
      {"Дата пленения", "custody_since"},
      {"Примечание", "notes"},
      {"Прізвище", "family_names"},
      {"Ім'я", "first_given_name"},
      {"ІМ’Я", "first_given_name"},  // typographic apostrophe
      {"Імʼя", "first_given_name"},  // U+02BC, the Ukrainian apostrophe
      {"По батькові", "patronymic"},
      {"Військове звання", "rank"},
      {"Військова частина", "unit"},
      {"Особистий номер", "service_number"},
      {"Статус військовополоненого", "ihl_status"},
      {"Дата взяття в полон", "date_of_capture"},
      {"Місце полону", "place_of_capture"},
      {"ПІБ", "full_name"},
      {"Прізвище, ім'я, по батькові", "full_name"},
      {"№ з/п", "record_id"},
      {"Дата народження", "date_of_birth"},
      {"Місце народження", "place_of_birth"},
      {"Громадянство", "nationality"},
      {"Стать", "sex"},
      {"Дата затримання", "custody_since"},
      {"Примітки", "notes"},
      // NFC first: "й" written as "и" + U+0306 COMBINING BREVE is still "й".
      {"Порядковии\xCC\x86 номер", "record_id"},
      {"Имя ", "first_given_name"},
      {"Имена", "(unknown)"},
  };
  table_testing::ExpectEachMapsTo(ColumnOf, cases);
}

TEST(MatchColumnName, AcceptsTheHeadersOfArabicFrenchAndPortugueseLists) {
  const table_testing::TextCases cases = {
      {"الاسم", "full_name"},
      {"الإسم", "full_name"},
      // NFC first: "إ" written as "ا" + U+0655 ARABIC HAMZA BELOW is still "إ".
      {"\xD8\xA7\xD9\x84\xD8\xA7\xD9\x95\xD8\xB3\xD9\x85", "full_name"},
      {"الاسم الأول", "first_given_name"},
      {"اسم الأب", "patronymic"},
      {"الرتبة", "rank"},
      {"الرقم العسكري", "service_number"},
      {"تاريخ الأسر", "date_of_capture"},
      {"Statut DIH", "ihl_status"},
      {"Numéro matricule", "service_number"},
      {"Lieu de capture", "place_of_capture"},
      {"Nome do pai", "patronymic"},
      {"Posto", "rank"},
      {"Data de captura", "date_of_capture"},
      {"اسم العائلة", "family_names"},
      {"تاريخ الميلاد", "date_of_birth"},
      {"مكان الولادة", "place_of_birth"},
      {"الجنسية", "nationality"},
      {"الجنس", "sex"},
      {"رقم جواز السفر", "document"},
      {"مكان الاحتجاز", "facility"},
      {"تاريخ الاعتقال", "custody_since"},
      {"ملاحظات", "notes"},
      {"Nom", "family_names"},
      {"Prénom", "given_names"},
      {"PRENOMS", "given_names"},
      {"Nom et prénoms", "full_name"},
      {"Date de naissance", "date_of_birth"},
      {"Né(e) le", "date_of_birth"},
      {"Lieu de naissance", "place_of_birth"},
      {"Nationalité", "nationality"},
      {"Sexe", "sex"},
      {"Numéro de passeport", "document"},
      {"Lieu de détention", "facility"},
      {"Date d’arrestation", "custody_since"},
      {"Observations", "notes"},
      {"Nome", "given_names"},
      {"Sobrenome", "family_names"},
      {"Apelidos", "family_names"},
      {"Nome completo", "full_name"},
      {"Data de nascimento", "date_of_birth"},
      {"Naturalidade", "place_of_birth"},
      {"Nacionalidade", "nationality"},
      {"Bilhete de identidade", "document"},
      {"Estabelecimento prisional", "facility"},
      {"Data da detenção", "custody_since"},
      {"Observações", "notes"},
      // Decomposed accents (as some systems write them) fold like precomposed ones.
      {"Pre\xCC\x81nom", "given_names"},
  };
  table_testing::ExpectEachMapsTo(ColumnOf, cases);
}

TEST(MatchColumnName, DocumentColumnsNamedAfterADocumentKindSayTheKind) {
  const table_testing::TextCases cases = {
      {"Cédula", "document cedula"},
      {"CEDULA", "document cedula"},
      {"pasaporte", "document passport"},
      {"passport number", "document passport"},
      {"documento", "document"},
      {"id_number", "document"},
      {"tipo de documento", "document_type"},
      {"Паспорт", "document passport"},
      {"Посвідчення особи", "document national_id"},
      {"رقم الهوية", "document national_id"},
      {"Passeport", "document passport"},
      {"Passaporte", "document passport"},
      {"Номер документа", "document"},
  };
  table_testing::ExpectEachMapsTo(ColumnAndDocumentTypeOf, cases);
}

TEST(ColumnSynonyms, EveryDocumentedNameMatchesItsColumnAndNoOther) {
  std::set<std::string> seen;
  for (Column column : AllColumns()) {
    const std::vector<std::string_view> names = ColumnSynonyms(column);
    ASSERT_FALSE(names.empty());
    EXPECT_EQ(names.front(), CanonicalColumnName(column));
    for (std::string_view name : names) {
      EXPECT_EQ(Match(name).column, column) << name;
      EXPECT_TRUE(seen.insert(FoldForMatchingAnyScript(name)).second) << "listed twice: " << name;
    }
  }
}

// docs/formats.md is where people look the names up: it must show every one of them.
TEST(ColumnSynonyms, DocsFormatsListsEveryName) {
  std::ifstream in(std::string(CANJE_SOURCE_DIR) + "/docs/formats.md");
  ASSERT_TRUE(in.good());
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
  for (Column column : AllColumns()) {
    for (std::string_view name : ColumnSynonyms(column)) {
      EXPECT_NE(doc.find("`" + std::string(name) + "`"), std::string::npos)
          << "docs/formats.md does not list `" << name << "` (" << CanonicalColumnName(column)
          << ")";
    }
  }
}

TEST(HeaderMap, MapsARussianHeaderWithTheNameInThreeColumns) {
  Result<HeaderMap> map = HeaderMap::FromHeader(
      {"№ п/п", "Фамилия", "Имя", "Отчество", "Дата рождения", "Гражданство"});
  ASSERT_TRUE(map.ok()) << map.status().ToString();
  EXPECT_EQ(map->IndexOf(Column::kRecordId), 0u);
  EXPECT_EQ(map->IndexOf(Column::kFamilyNames), 1u);
  EXPECT_EQ(map->IndexOf(Column::kFirstGivenName), 2u);
  EXPECT_EQ(map->IndexOf(Column::kPatronymic), 3u);
  EXPECT_FALSE(map->IndexOf(Column::kSecondGivenName).has_value());
  EXPECT_EQ(map->entry(1).name, "Фамилия");
  EXPECT_TRUE(HeaderMap::FromHeader({"Прізвище", "Ім'я", "По батькові"}).ok());
  EXPECT_TRUE(HeaderMap::FromHeader({"الاسم الأول", "اسم الأب", "اسم العائلة"}).ok());
  EXPECT_TRUE(HeaderMap::FromHeader({"Nom", "Prénom", "Date de naissance"}).ok());
  // One column in two languages is still one column given twice.
  Result<HeaderMap> twice = HeaderMap::FromHeader({"Фамилия", "Прізвище"});
  ASSERT_FALSE(twice.ok());
  EXPECT_THAT(twice.status().message(), HasSubstr("'Прізвище' means the same column as 'Фамилия'"));
}

TEST(HeaderMap, MapsAHeaderRow) {
  Result<HeaderMap> map =
      HeaderMap::FromHeader({" Registro", "Nombres", "Apellidos", "Cédula", "Pasaporte"});
  ASSERT_TRUE(map.ok()) << map.status().ToString();
  EXPECT_EQ(map->size(), 5u);
  EXPECT_EQ(map->entry(0).name, "Registro");
  EXPECT_EQ(map->IndexOf(Column::kFamilyNames), 2u);
  EXPECT_EQ(map->IndexOf(Column::kDocument), 3u);
  EXPECT_EQ(map->entry(4).match.document_type, "passport");
  EXPECT_FALSE(map->IndexOf(Column::kNotes).has_value());
}

TEST(HeaderMap, AnUnknownColumnSuggestsTheNearestNamesNotTheWholeList) {
  Result<HeaderMap> map = HeaderMap::FromHeader({"nombres", "apellidos", "fecha_nacimento"}, 1);
  ASSERT_FALSE(map.ok());
  EXPECT_EQ(map.status().code(), StatusCode::kInvalid);
  const std::string& message = map.status().message();
  EXPECT_THAT(message, HasSubstr("line 1, column 3: unknown column 'fecha_nacimento'; did you "
                                 "mean 'fecha_nacimiento' (date_of_birth)?"));
  EXPECT_THAT(message,
              HasSubstr("Every name canje reads is listed in docs/formats.md (\"Column names\")"));
  EXPECT_THAT(message, Not(HasSubstr("given_names, first_given_name")));
  Result<HeaderMap> far = HeaderMap::FromHeader({"nombres", "zzzzzzzz"});
  EXPECT_THAT(far.status().message(), Not(HasSubstr("did you mean")));
  EXPECT_THAT(far.status().message(), HasSubstr("docs/formats.md"));
}

// The unknown header, as written, and the suggestion that must follow it.
std::string SuggestionFor(const std::string& header) {
  const std::string reason = UnknownColumnReason(header);
  const size_t start = reason.find("; did you mean ");
  if (start == std::string::npos) return "(none)";
  const size_t end = reason.find("?", start);
  return reason.substr(start + 15, end - start - 15);
}

TEST(UnknownColumnReason, SuggestsInTheHeadersOwnScript) {
  const table_testing::TextCases cases = {
      {"Прізвищє", "'прізвище' (family_names)"},
      // As near to the nickname (прозвище) as to the family name: both are said.
      {"Призвище", "'прізвище' (family_names) or 'прозвище' (aliases)"},
      {"Фамиля", "'фамилия' (family_names)"},
      // A Latin "a" in a Cyrillic word, as keyboards switched mid-word write it.
      {"Фaмилия", "'фамилия' (family_names)"},
      {"Дата рожденья", "'дата рождения' (date_of_birth)"},
      {"Дата народженя", "'дата народження' (date_of_birth)"},
      {"Гражданстово", "'гражданство' (nationality)"},
      {"تاريخ الملاد", "'تاريخ الميلاد' (date_of_birth)"},
      {"الجنسيه", "'الجنسية' (nationality)"},
      {"Date de naisance", "'date de naissance' (date_of_birth)"},
      {"Data de nacimento", "'data de nascimento' (date_of_birth)"},
      {"nombr", "'nombre' (given_names)"},
      {"Возраст", "(none)"},
  };
  table_testing::ExpectEachMapsTo(SuggestionFor, cases);
}

TEST(HeaderMap, RepeatedColumnsAreErrors) {
  Result<HeaderMap> map = HeaderMap::FromHeader({"nombres", "given_names", "apellidos"});
  ASSERT_FALSE(map.ok());
  EXPECT_THAT(map.status().message(), HasSubstr("column 2"));
  EXPECT_THAT(map.status().message(), HasSubstr("'given_names' means the same column as "
                                                "'nombres'"));
  EXPECT_FALSE(HeaderMap::FromHeader({"cedula", "CI", "nombres"}).ok());
  EXPECT_FALSE(HeaderMap::FromHeader({"apellidos", "primer_apellido", "nombres"}).ok());
  EXPECT_FALSE(HeaderMap::FromHeader({"nombres", "primer_nombre", "apellidos"}).ok());
}

TEST(HeaderMap, AHeaderWithoutANameColumnIsAnError) {
  Result<HeaderMap> map = HeaderMap::FromHeader({"id", "cedula", "sexo"});
  ASSERT_FALSE(map.ok());
  EXPECT_THAT(map.status().message(), HasSubstr("no name column"));
  EXPECT_TRUE(HeaderMap::FromHeader({"nombre_completo"}).ok());
  EXPECT_TRUE(HeaderMap::FromHeader({"primer_apellido"}).ok());
}

TEST(HeaderMap, AnEmptyHeaderNameIsReported) {
  Result<HeaderMap> map = HeaderMap::FromHeader({"nombres", " "});
  ASSERT_FALSE(map.ok());
  EXPECT_THAT(map.status().message(), HasSubstr("column 2: a column without a name"));
  EXPECT_THAT(map.status().message(), HasSubstr("docs/formats.md"));
}

}  // namespace
}  // namespace canje::registry
