#include "scenario/error_model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "scenario/identity_attributes.h"
#include "scenario/latin_text.h"
#include "scenario/name_generator.h"

namespace canje::scenario {
namespace {

// Damerau-Levenshtein distance (insertions, deletions, substitutions and transpositions of
// adjacent characters, unrestricted) on code points. It is a metric, so the distances of
// successive operations add up to a bound on the whole.
int EditDistance(std::string_view a_text, std::string_view b_text) {
  const std::u32string a = DecodeUtf8(a_text), b = DecodeUtf8(b_text);
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  const int infinity = n + m;
  std::map<char32_t, int> last_row_of;
  std::vector<std::vector<int>> d(n + 2, std::vector<int>(m + 2));
  d[0][0] = infinity;
  for (int i = 0; i <= n; ++i) {
    d[i + 1][0] = infinity;
    d[i + 1][1] = i;
  }
  for (int j = 0; j <= m; ++j) {
    d[0][j + 1] = infinity;
    d[1][j + 1] = j;
  }
  for (int i = 1; i <= n; ++i) {
    int last_match_column = 0;
    for (int j = 1; j <= m; ++j) {
      const int k = last_row_of.count(b[j - 1]) ? last_row_of[b[j - 1]] : 0;
      const int l = last_match_column;
      int cost = 1;
      if (a[i - 1] == b[j - 1]) {
        cost = 0;
        last_match_column = j;
      }
      d[i + 1][j + 1] = std::min({d[i][j] + cost, d[i + 1][j] + 1, d[i][j + 1] + 1,
                                  d[k][l] + (i - k - 1) + 1 + (j - l - 1)});
    }
    last_row_of[a[i - 1]] = i;
  }
  return d[n + 1][m + 1];
}

// Every distinct result of `op` on `name` over many seeds.
template <typename Op>
std::set<std::string> Outcomes(Op op, std::string_view name) {
  std::set<std::string> outcomes;
  for (uint64_t seed = 0; seed < 300; ++seed) {
    Random random(seed);
    if (auto result = op(name, random)) outcomes.insert(*result);
  }
  return outcomes;
}

TEST(CutSecondSurname, KeepsTheFirstSurnameOnly) {
  std::vector<std::string> family = {"Pérez", "de la Cruz"};
  EXPECT_TRUE(CutSecondSurname(family));
  EXPECT_EQ(family, std::vector<std::string>{"Pérez"});
  EXPECT_FALSE(CutSecondSurname(family));
}

TEST(CutSecondGivenName, KeepsTheFirstGivenNameOnly) {
  std::vector<std::string> given = {"José", "Luis"};
  EXPECT_TRUE(CutSecondGivenName(given));
  EXPECT_EQ(given, std::vector<std::string>{"José"});
  EXPECT_FALSE(CutSecondGivenName(given));
}

TEST(ReduceSecondGivenNameToInitial, WritesTheInitialOfTheNameNotOfItsParticle) {
  std::vector<std::string> given = {"José", "Ángel"};
  EXPECT_TRUE(ReduceSecondGivenNameToInitial(given));
  EXPECT_EQ(given, (std::vector<std::string>{"José", "Á."}));
  std::vector<std::string> with_particle = {"María", "del Valle"};
  EXPECT_TRUE(ReduceSecondGivenNameToInitial(with_particle));
  EXPECT_EQ(with_particle, (std::vector<std::string>{"María", "V."}));
  std::vector<std::string> single = {"Pedro"};
  EXPECT_FALSE(ReduceSecondGivenNameToInitial(single));
}

TEST(PhoneticSpelling, AppliesOneSpanishRespellingWherePossible) {
  EXPECT_EQ(Outcomes(PhoneticSpelling, "Bello"), (std::set<std::string>{"Vello", "Beyo"}));
  EXPECT_EQ(Outcomes(PhoneticSpelling, "Hernán"), (std::set<std::string>{"Ernán"}));
  EXPECT_EQ(Outcomes(PhoneticSpelling, "Yorman"), (std::set<std::string>{"Llorman"}));
  EXPECT_EQ(Outcomes(PhoneticSpelling, "Quintero"), (std::set<std::string>{"Kintero"}));
  EXPECT_EQ(Outcomes(PhoneticSpelling, "Jiménez"), (std::set<std::string>{"Giménez", "Jiménes"}));
  EXPECT_EQ(Outcomes(PhoneticSpelling, "Deivis"), (std::set<std::string>{"Deyvis", "Deibis"}));
  EXPECT_TRUE(Outcomes(PhoneticSpelling, "Tom").empty());
}

TEST(TransliterationVariant, AppliesOneAlternativeTransliteration) {
  EXPECT_EQ(Outcomes(TransliterationVariant, "Aleksandr"), (std::set<std::string>{"Alexandr"}));
  EXPECT_EQ(Outcomes(TransliterationVariant, "Yevgeny"), (std::set<std::string>{"Evgeny"}));
  EXPECT_EQ(Outcomes(TransliterationVariant, "Petrov"), (std::set<std::string>{"Petrow"}));
  EXPECT_EQ(Outcomes(TransliterationVariant, "Khodov"), (std::set<std::string>{"Hodov", "Khodow"}));
}

TEST(Typos, ChangeExactlyOneLetter) {
  for (const std::string& outcome : Outcomes(TypoSubstitution, "Rodríguez")) {
    const std::u32string a = DecodeUtf8("Rodríguez"), b = DecodeUtf8(outcome);
    ASSERT_EQ(a.size(), b.size());
    int differences = 0;
    for (size_t i = 0; i < a.size(); ++i) differences += a[i] != b[i];
    EXPECT_EQ(differences, 1) << outcome;
  }
  for (const std::string& outcome : Outcomes(TypoDeletion, "Rodríguez")) {
    EXPECT_EQ(DecodeUtf8(outcome).size(), 8u) << outcome;
    EXPECT_EQ(EditDistance(LowerCase(outcome), "rodríguez"), 1) << outcome;
  }
  const std::set<std::string> transpositions = Outcomes(TypoTransposition, "Pérez");
  EXPECT_EQ(transpositions, (std::set<std::string>{"Préez", "Péerz", "Pérze"}));
  EXPECT_FALSE(TypoDeletion("Li", *std::make_unique<Random>(1)).has_value());
}

TEST(SwapDayMonth, SwapsOnlyWhenBothReadingsAreDates) {
  Date date{1990, 4, 3};
  EXPECT_TRUE(SwapDayMonth(date));
  EXPECT_EQ(date, (Date{1990, 3, 4}));
  Date late{1990, 4, 13};
  EXPECT_FALSE(SwapDayMonth(late));
  Date same{1990, 4, 4};
  EXPECT_FALSE(SwapDayMonth(same));
  Date year_only{1990, 0, 0};
  EXPECT_FALSE(SwapDayMonth(year_only));
}

TEST(ErrorSetText, NamesTheOperationsInOrder) {
  EXPECT_EQ(ErrorSetText(0), "");
  EXPECT_EQ(ErrorSetText(ErrorBit(ErrorOp::kMissingDocument) | ErrorBit(ErrorOp::kDropAccents)),
            "drop_accents|missing_document");
}

Record SamplePerson(Random& random) {
  Record record;
  record.sex = random.Chance(0.2) ? 'F' : 'M';
  NameStyleFor("VEN").Draw(record.sex, random, record);
  record.date_of_birth = DrawBirthDate({2025, 4, 15}, 18, 70, random);
  record.document = FormatCedula('V', DrawCedulaNumber(record.date_of_birth->year, random));
  record.document_type = "cedula";
  return record;
}

TEST(ApplyErrors, WithNoRatesChangesNothing) {
  Random people(1), errors(2);
  for (int i = 0; i < 100; ++i) {
    const Record original = SamplePerson(people);
    Record variant = original;
    EXPECT_EQ(ApplyErrors(ErrorRates{}, errors, variant), 0u);
    EXPECT_EQ(variant, original);
  }
}

TEST(ApplyErrors, WithOneCertainOperationAppliesExactlyIt) {
  ErrorRates rates;
  rates[ErrorOp::kDropAccents] = 1;
  Record record;
  record.given_names = {"José", "Ángel"};
  record.family_names = {"Núñez"};
  Random random(3);
  EXPECT_EQ(ApplyErrors(rates, random, record), ErrorBit(ErrorOp::kDropAccents));
  EXPECT_EQ(record.given_names, (std::vector<std::string>{"Jose", "Angel"}));
  EXPECT_EQ(record.family_names, std::vector<std::string>{"Nunez"});
}

// The documented model, checked on many records: a variant differs from its original by
// exactly the reported operations. The deterministic operations are replayed on the original;
// the random ones (phonetic respelling: <= 2 edits, typo: 1 edit) must account for the rest.
TEST(ApplyErrors, VariantsDifferFromTheirOriginalsByTheReportedOperations) {
  ErrorRates rates;
  for (double& rate : rates.rate) rate = 0.25;
  rates[ErrorOp::kTransliterationVariant] = 0;  // no Cyrillic names here
  Random people(4), errors(5);
  int changed = 0;
  for (int i = 0; i < 4000; ++i) {
    const Record original = SamplePerson(people);
    Record variant = original;
    const ErrorSet applied = ApplyErrors(rates, errors, variant);
    SCOPED_TRACE(ErrorSetText(applied));
    if (applied == 0) {
      EXPECT_EQ(variant, original);
      continue;
    }
    ++changed;
    EXPECT_NE(variant, original);

    Record expected = original;
    if (Contains(applied, ErrorOp::kCutSecondSurname)) CutSecondSurname(expected.family_names);
    if (Contains(applied, ErrorOp::kCutSecondGivenName)) CutSecondGivenName(expected.given_names);
    if (Contains(applied, ErrorOp::kInitialSecondGivenName)) {
      ReduceSecondGivenNameToInitial(expected.given_names);
    }
    if (Contains(applied, ErrorOp::kSwapGivenFamily)) {
      std::swap(expected.given_names, expected.family_names);
    }
    int budget = 0;
    if (Contains(applied, ErrorOp::kPhoneticSpelling)) budget += 2;
    for (ErrorOp typo :
         {ErrorOp::kTypoSubstitution, ErrorOp::kTypoDeletion, ErrorOp::kTypoTransposition}) {
      if (Contains(applied, typo)) budget += 1;
    }
    auto folded = [](const Record& record) {
      std::string text;
      for (const auto& part : {record.given_names, record.family_names}) {
        for (const std::string& name : part) text += LowerCase(DropAccents(name)) + " ";
        text += "|";
      }
      return text;
    };
    ASSERT_EQ(variant.given_names.size(), expected.given_names.size());
    ASSERT_EQ(variant.family_names.size(), expected.family_names.size());
    const int distance = EditDistance(folded(variant), folded(expected));
    EXPECT_LE(distance, budget) << folded(variant) << " vs " << folded(expected);

    std::string names;
    for (const auto& part : {variant.given_names, variant.family_names}) {
      for (const std::string& name : part) names += name;
    }
    if (Contains(applied, ErrorOp::kDropAccents)) {
      EXPECT_EQ(names, DropAccents(names));
    }
    EXPECT_EQ(Contains(applied, ErrorOp::kUpperCaseNames), names == UpperCase(names));

    if (Contains(applied, ErrorOp::kMissingDateOfBirth)) {
      EXPECT_FALSE(variant.date_of_birth.has_value());
    } else if (Contains(applied, ErrorOp::kSwapDayMonth)) {
      Date swapped = *original.date_of_birth;
      SwapDayMonth(swapped);
      EXPECT_EQ(variant.date_of_birth, swapped);
    } else {
      EXPECT_EQ(variant.date_of_birth, original.date_of_birth);
    }
    EXPECT_EQ(variant.document.empty(), Contains(applied, ErrorOp::kMissingDocument));
  }
  EXPECT_GT(changed, 3000);
}

}  // namespace
}  // namespace canje::scenario
