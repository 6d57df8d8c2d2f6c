#include "registry/enumerated_fields.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace canje::registry {
namespace {

using ::testing::HasSubstr;

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
  EXPECT_EQ(ParseReportedStatus("В плену").value(), ReportedStatus::kHeld);
  EXPECT_EQ(ParseReportedStatus("утримується").value(), ReportedStatus::kHeld);
  EXPECT_EQ(ParseReportedStatus("Освобождён").value(), ReportedStatus::kReleased);
  EXPECT_EQ(ParseReportedStatus("звільнений").value(), ReportedStatus::kReleased);
  EXPECT_EQ(ParseReportedStatus("مفرج عنه").value(), ReportedStatus::kReleased);
  EXPECT_EQ(ParseReportedStatus("Décédée").value(), ReportedStatus::kDead);
  EXPECT_EQ(ParseReportedStatus("загинув").value(), ReportedStatus::kDead);
  EXPECT_EQ(ParseReportedStatus("desconhecido").value(), ReportedStatus::kUnknown);
  EXPECT_EQ(ParseReportedStatus("НЕВІДОМО").value(), ReportedStatus::kUnknown);
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
  EXPECT_EQ(ParseReportedStatus("detenido").value(), ReportedStatus::kHeld);
  EXPECT_EQ(ParseReportedStatus("Detenida").value(), ReportedStatus::kHeld);
  EXPECT_EQ(ParseReportedStatus("excarcelado").value(), ReportedStatus::kReleased);
  EXPECT_EQ(ParseReportedStatus("liberada").value(), ReportedStatus::kReleased);
  EXPECT_EQ(ParseReportedStatus("fallecido").value(), ReportedStatus::kDead);
  EXPECT_EQ(ParseReportedStatus("muerto").value(), ReportedStatus::kDead);
  EXPECT_EQ(ParseReportedStatus("desconocido").value(), ReportedStatus::kUnknown);
  EXPECT_EQ(ParseReportedStatus("").value(), ReportedStatus::kUnspecified);
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
