#include "registry/enumerated_fields.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "core/testing/text_cases.h"

namespace canje::registry {
namespace {

using ::testing::HasSubstr;

// The name (ReportedStatusName) of the status that `text` reads as.
std::string ReportedStatusRead(const std::string& text) {
  return std::string(ReportedStatusName(ParseReportedStatus(text).value()));
}

TEST(ParseSex, ReadsCommonSpellings) {
  for (const char* text : {"M", "male", "Masculino", "H", "hombre"}) {
    EXPECT_EQ(ParseSex(text).value(), Sex::kMale) << text;
  }
  for (const char* text : {"f", "Female", "FEMENINO", "mujer"}) {
    EXPECT_EQ(ParseSex(text).value(), Sex::kFemale) << text;
  }
  for (const char* text : {"X", "other", "otro"}) EXPECT_EQ(ParseSex(text).value(), Sex::kOther);
  EXPECT_EQ(ParseSex("  ").value(), Sex::kUnknown);
  EXPECT_THAT(ParseSex("Q").status().message(), HasSubstr("unknown sex 'Q'; write M"));
}

// Lists in Russian, Ukrainian, Arabic, French and Portuguese, in any case.
TEST(ParseSex, ReadsTheOtherLanguagesOfListFiles) {
  for (const char* text : {"М", "муж", "Мужской", "Ч", "чоловіча", "ذكر", "Masculin", "homme",
                           "Homem"}) {
    EXPECT_EQ(ParseSex(text).value(), Sex::kMale) << text;
  }
  for (const char* text : {"Ж", "жен.", "ЖІНОЧА", "жінка", "أنثى", "Féminin", "femme",
                           "mulher", "Feminino"}) {
    EXPECT_EQ(ParseSex(text).value(), Sex::kFemale) << text;
  }
  EXPECT_EQ(ParseSex("autre").value(), Sex::kOther);
  EXPECT_THAT(ParseSex("ъ").status().message(), HasSubstr("Values in other languages"));
}

TEST(ParseReportedStatus, ReadsTheOtherLanguagesOfListFiles) {
  const table_testing::TextCases cases = {
      {"В плену", "held"},        {"утримується", "held"},     {"Освобождён", "released"},
      {"звільнений", "released"}, {"مفرج عنه", "released"},    {"Décédée", "dead"},
      {"загинув", "dead"},        {"desconhecido", "unknown"}, {"НЕВІДОМО", "unknown"},
  };
  table_testing::ExpectEachMapsTo(ReportedStatusRead, cases);
}

TEST(ParseYesNo, ReadsTheOtherLanguagesOfListFiles) {
  for (const char* text : {"Да", "так", "نعم", "Oui", "SIM"}) {
    EXPECT_EQ(ParseYesNo(text).value(), std::optional<bool>(true)) << text;
  }
  for (const char* text : {"НЕТ", "ні", "لا", "non", "Não"}) {
    EXPECT_EQ(ParseYesNo(text).value(), std::optional<bool>(false)) << text;
  }
}

TEST(ParseReportedStatus, ReadsSpanishAndEnglish) {
  const table_testing::TextCases cases = {
      {"detenido", "held"},        {"Detenida", "held"},
      {"excarcelado", "released"}, {"liberada", "released"},
      {"fallecido", "dead"},       {"muerto", "dead"},
      {"desconocido", "unknown"},  {"", ""},
  };
  table_testing::ExpectEachMapsTo(ReportedStatusRead, cases);
  EXPECT_THAT(ParseReportedStatus("fugado").status().message(),
              HasSubstr("unknown status 'fugado'"));
}

TEST(ParseYesNo, ReadsTheUsualForms) {
  for (const char* text : {"yes", "Sí", "si", "TRUE", "1", "S"}) {
    EXPECT_EQ(ParseYesNo(text).value(), std::optional<bool>(true)) << text;
  }
  for (const char* text : {"no", "No", "false", "0", "N"}) {
    EXPECT_EQ(ParseYesNo(text).value(), std::optional<bool>(false)) << text;
  }
  EXPECT_EQ(ParseYesNo("").value(), std::nullopt);
  EXPECT_THAT(ParseYesNo("quizás").status().message(), HasSubstr("yes or no"));
}

TEST(ParseChargeStatus, ReadsCanonicalNames) {
  EXPECT_EQ(ParseChargeStatus("sin cargos").value(), "none");
  EXPECT_EQ(ParseChargeStatus("Pendiente").value(), "pending");
  EXPECT_EQ(ParseChargeStatus("condenado").value(), "convicted");
  EXPECT_EQ(ParseChargeStatus("sobreseído").value(), "dropped");
  EXPECT_EQ(ParseChargeStatus("").value(), "");
  EXPECT_FALSE(ParseChargeStatus("maybe").ok());
}

TEST(EnumeratedFields, EveryCanonicalNameReadsBack) {
  for (Sex sex : {Sex::kUnknown, Sex::kMale, Sex::kFemale, Sex::kOther}) {
    EXPECT_EQ(ParseSex(SexName(sex)).value(), sex);
  }
  for (ReportedStatus status : {ReportedStatus::kUnspecified, ReportedStatus::kHeld,
                                ReportedStatus::kReleased, ReportedStatus::kDead,
                                ReportedStatus::kUnknown}) {
    EXPECT_EQ(ParseReportedStatus(ReportedStatusName(status)).value(), status);
  }
  for (std::optional<bool> value : {std::optional<bool>(), std::optional<bool>(true),
                                    std::optional<bool>(false)}) {
    EXPECT_EQ(ParseYesNo(YesNoName(value)).value(), value);
  }
  for (const char* status : {"none", "pending", "convicted", "dropped"}) {
    EXPECT_EQ(ParseChargeStatus(status).value(), status);
  }
}

}  // namespace
}  // namespace canje::registry
