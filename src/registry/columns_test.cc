#include "registry/columns.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

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
  EXPECT_FALSE(MatchColumnName("edad").has_value());
}

TEST(MatchColumnName, DocumentColumnsNamedAfterADocumentKindSayTheKind) {
  EXPECT_EQ(Match("Cédula"), (ColumnMatch{Column::kDocument, "cedula"}));
  EXPECT_EQ(Match("CEDULA"), (ColumnMatch{Column::kDocument, "cedula"}));
  EXPECT_EQ(Match("pasaporte"), (ColumnMatch{Column::kDocument, "passport"}));
  EXPECT_EQ(Match("passport number"), (ColumnMatch{Column::kDocument, "passport"}));
  EXPECT_EQ(Match("documento"), (ColumnMatch{Column::kDocument, ""}));
  EXPECT_EQ(Match("id_number"), (ColumnMatch{Column::kDocument, ""}));
  EXPECT_EQ(Match("tipo de documento").column, Column::kDocumentType);
}

TEST(ColumnSynonyms, EveryDocumentedNameMatchesItsColumnAndNoOther) {
  std::set<std::string> seen;
  for (Column column : AllColumns()) {
    const std::vector<std::string_view> names = ColumnSynonyms(column);
    ASSERT_FALSE(names.empty());
    EXPECT_EQ(names.front(), CanonicalColumnName(column));
    for (std::string_view name : names) {
      EXPECT_EQ(Match(name).column, column) << name;
      EXPECT_TRUE(seen.insert(FoldForMatching(name)).second) << "listed twice: " << name;
    }
  }
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

TEST(HeaderMap, AnUnknownColumnSuggestsTheClosestNameAndListsTheAcceptedOnes) {
  Result<HeaderMap> map = HeaderMap::FromHeader({"nombres", "apellidos", "fecha_nacimento"}, 1);
  ASSERT_FALSE(map.ok());
  EXPECT_EQ(map.status().code(), StatusCode::kInvalid);
  EXPECT_THAT(map.status().message(), HasSubstr("line 1, column 3"));
  EXPECT_THAT(map.status().message(), HasSubstr("unknown column 'fecha_nacimento'"));
  EXPECT_THAT(map.status().message(), HasSubstr("did you mean 'fecha_nacimiento'?"));
  EXPECT_THAT(map.status().message(), HasSubstr("given_names, first_given_name"));
  Result<HeaderMap> far = HeaderMap::FromHeader({"nombres", "zzzzzzzz"});
  EXPECT_THAT(far.status().message(), Not(HasSubstr("did you mean")));
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
}

}  // namespace
}  // namespace canje::registry
