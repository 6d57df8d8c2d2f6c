#include "linkage/document_comparison.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/testing/text_cases.h"

namespace canje::linkage {
namespace {

using table_testing::ExpectEachMapsTo;

using L = ComparisonLevel;

L Compare(std::string_view a, std::string_view b) {
  const L forward = CompareDocumentNumbers(NormalizeDocumentNumber(a), NormalizeDocumentNumber(b));
  EXPECT_EQ(forward,
            CompareDocumentNumbers(NormalizeDocumentNumber(b), NormalizeDocumentNumber(a)));
  return forward;
}

TEST(DocumentComparisonTest, NormalisationRemovesPrefixesAndSeparators) {
  // "ab1234567": a passport keeps letters
  // "X-1234": unknown prefix kept
  const table_testing::TextCases cases = {
      {"V-12.345.678", "12345678"},
      {"v 12 345 678", "12345678"},
      {"E-8.123.456", "8123456"},
      {"C.I. V-012.345.678", "12345678"},
      {"CI: 00012345678", "12345678"},
      {"Nº 4567", "4567"},
      {"DNI 30-111-222", "30111222"},
      {"ab1234567", "AB1234567"},
      {"X-1234", "X1234"},
      {"000", "0"},
      {"V-", "V"},
      {" - . ", ""},
  };
  ExpectEachMapsTo(NormalizeDocumentNumber, cases);
}

// Series letters of documents written in Cyrillic (military ids, Ukrainian and Russian
// passports) are kept, transliterated: the Latin writing of the same series agrees, another
// series does not.
TEST(DocumentComparisonTest, CyrillicSeriesLettersAreTransliteratedNotDropped) {
  EXPECT_EQ(NormalizeDocumentNumber("АВ 123456"), "AV123456");
  EXPECT_EQ(NormalizeDocumentNumber("ав-123456"), NormalizeDocumentNumber("AV 123456"));
  EXPECT_NE(NormalizeDocumentNumber("КР 123456"), NormalizeDocumentNumber("АВ 123456"));
  EXPECT_EQ(CompareDocumentNumbers(NormalizeDocumentNumber("КР 123456"),
                                   NormalizeDocumentNumber("АВ 123456")),
            ComparisonLevel::kDifferent);
  EXPECT_EQ(NormalizeDocumentNumber("ЖХ 0012345"), "ZHKH0012345");
  // A Cyrillic В is a series letter, not the Venezuelan prefix "V-".
  EXPECT_EQ(NormalizeDocumentNumber("В 123"), "V123");
  EXPECT_EQ(NormalizeDocumentNumber("№ 045"), "45");
}

TEST(DocumentComparisonTest, Levels) {
  EXPECT_EQ(Compare("V-12.345.678", "12345678"), L::kExact);
  EXPECT_EQ(Compare("V-12.345.678", "V-12.345.679"), L::kOneDigitOff);
  EXPECT_EQ(Compare("V-12.345.678", "V-1.234.567"), L::kOneDigitOff);  // digit dropped
  EXPECT_EQ(Compare("V-12.345.678", "V-12.354.678"), L::kTransposedDigits);
  EXPECT_EQ(Compare("12345678", "21345678"), L::kTransposedDigits);
  EXPECT_EQ(Compare("12345678", "12345687"), L::kTransposedDigits);
  EXPECT_EQ(Compare("12345678", "12345699"), L::kDifferent);
  EXPECT_EQ(Compare("12345678", "87654321"), L::kDifferent);
  EXPECT_EQ(Compare("12345678", "13245687"), L::kDifferent);  // two transpositions
  EXPECT_EQ(Compare("", "12345678"), L::kMissing);
  EXPECT_EQ(Compare("n/a", "12345678"), L::kDifferent);  // "NA" is a value, not a prefix
}

TEST(DocumentComparisonTest, SetsKeepTheBestPair) {
  const std::vector<std::string> a = {"12345678", "AB1234567"};
  const std::vector<std::string> b = {"99999999", "AB1234568"};
  EXPECT_EQ(CompareDocumentNumberSets(a, b), L::kOneDigitOff);
  EXPECT_EQ(CompareDocumentNumberSets(a, std::vector<std::string>{}), L::kMissing);
  EXPECT_EQ(CompareDocumentNumberSets(a, std::vector<std::string>{"12345678"}), L::kExact);
  EXPECT_EQ(CompareDocumentNumberSets(a, std::vector<std::string>{"55"}), L::kDifferent);
}

}  // namespace
}  // namespace canje::linkage
