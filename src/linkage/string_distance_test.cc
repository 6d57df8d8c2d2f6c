#include "linkage/string_distance.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "linkage/code_points.h"
#include "linkage/linkage_test_util.h"

namespace canje::linkage {
namespace {

using testing::ReadCsvRows;

std::string StringsFile(const std::string& name) {
  return std::string(CANJE_TESTDATA_DIR) + "/strings/" + name;
}

// Half a unit in the last decimal place written in the file (0.0005 for "0.767").
double ToleranceFor(const std::string& expected) {
  const auto point = expected.find('.');
  if (point == std::string::npos) return 1e-9;
  const auto decimals = static_cast<int>(expected.size() - point - 1);
  return 0.5 * std::pow(10.0, -decimals) + 1e-12;
}

// Checks every row of a jellyfish test file and returns how many rows were checked.
int CheckSimilarityFile(const std::string& file,
                        const std::function<double(std::u32string_view, std::u32string_view)>& f) {
  const auto rows = ReadCsvRows(StringsFile(file));
  int checked = 0;
  for (const auto& row : rows) {
    if (row.size() != 3) {
      ADD_FAILURE() << file << ": row with " << row.size() << " fields";
      continue;
    }
    const std::u32string a = ToCodePoints(row[0]);
    const std::u32string b = ToCodePoints(row[1]);
    const double expected = std::stod(row[2]);
    EXPECT_NEAR(f(a, b), expected, ToleranceFor(row[2]))
        << file << ": '" << row[0] << "' vs '" << row[1] << "'";
    ++checked;
  }
  return checked;
}

int CheckDistanceFile(const std::string& file,
                      const std::function<int(std::u32string_view, std::u32string_view)>& f) {
  return CheckSimilarityFile(file, [&](std::u32string_view a, std::u32string_view b) {
    return static_cast<double>(f(a, b));
  });
}

TEST(StringDistanceTest, AgreesWithJellyfishJaro) {
  EXPECT_GE(CheckSimilarityFile("jaro_distance.csv", JaroSimilarity), 5);
}

TEST(StringDistanceTest, AgreesWithJellyfishJaroWinkler) {
  EXPECT_GE(CheckSimilarityFile("jaro_winkler.csv", JaroWinklerSimilarity), 17);
}

TEST(StringDistanceTest, AgreesWithJellyfishLevenshtein) {
  EXPECT_GE(CheckDistanceFile("levenshtein.csv", LevenshteinDistance), 6);
}

TEST(StringDistanceTest, AgreesWithJellyfishDamerauLevenshtein) {
  EXPECT_GE(CheckDistanceFile("damerau_levenshtein.csv", DamerauLevenshteinDistance), 9);
}

TEST(StringDistanceTest, DamerauIsTheUnrestrictedVariant) {
  // Optimal string alignment gives 3 here; the true Damerau–Levenshtein distance is 2
  // (transpose "ca" to "ac", then insert "b").
  EXPECT_EQ(DamerauLevenshteinDistance(U"ca", U"abc"), 2);
  EXPECT_EQ(LevenshteinDistance(U"ca", U"abc"), 3);
  EXPECT_EQ(DamerauLevenshteinDistance(U"Pérez", U"Péerz"), 1);
  EXPECT_EQ(DamerauLevenshteinDistance(U"Rodríguez", U"Rodírguez"), 1);
}

TEST(StringDistanceTest, CountsAccentedLettersAsOneCodePoint) {
  EXPECT_EQ(LevenshteinDistance(U"José", U"Jose"), 1);
  EXPECT_EQ(DamerauLevenshteinDistance(U"Шевченко", U"Шевчнеко"), 1);
  EXPECT_NEAR(JaroSimilarity(U"Núñez", U"Nuñez"), JaroSimilarity(U"abcde", U"axcde"), 1e-12);
}

TEST(StringDistanceTest, IsSymmetric) {
  const std::u32string words[] = {U"",          U"a",         U"martha",    U"marhta", U"dicksonx",
                                  U"Rodríguez", U"Rodrigues", U"abcabcabc", U"cbacba"};
  for (const auto& a : words) {
    for (const auto& b : words) {
      EXPECT_DOUBLE_EQ(JaroSimilarity(a, b), JaroSimilarity(b, a));
      EXPECT_EQ(LevenshteinDistance(a, b), LevenshteinDistance(b, a));
      EXPECT_EQ(DamerauLevenshteinDistance(a, b), DamerauLevenshteinDistance(b, a));
      EXPECT_LE(DamerauLevenshteinDistance(a, b), LevenshteinDistance(a, b));
    }
  }
}

TEST(StringDistanceTest, LongStringsUseTheSameDefinitions) {
  // Beyond kShortStringLength the functions switch buffers; results must not change.
  std::u32string a, b;
  for (int i = 0; i < 30; ++i) {
    a += U"ab";
    b += U"ab";
  }
  a += U"Cxyz";  // 64 code points
  b += U"xCyz";
  const double jaro_short = JaroSimilarity(a, b);
  const double winkler_short = JaroWinklerSimilarity(a, b);
  EXPECT_EQ(LevenshteinDistance(a, b), 2);
  EXPECT_EQ(DamerauLevenshteinDistance(a, b), 1);
  // Appending the same long tail keeps the edit distances.
  const std::u32string tail(100, U'q');
  EXPECT_EQ(LevenshteinDistance(a + tail, b + tail), 2);
  EXPECT_EQ(DamerauLevenshteinDistance(a + tail, b + tail), 1);
  EXPECT_GT(JaroSimilarity(a + tail, b + tail), 0.99);
  EXPECT_GT(jaro_short, 0.98);
  EXPECT_GE(winkler_short, jaro_short);
  EXPECT_EQ(LevenshteinDistance(std::u32string(200, U'x'), U""), 200);
}

// Textbook definitions, written for clarity, to cross-check the optimised ones.
double ReferenceJaro(std::u32string_view a, std::u32string_view b) {
  if (a.empty() || b.empty()) return 0.0;
  const int window = std::max(static_cast<int>(std::max(a.size(), b.size())) / 2 - 1, 0);
  std::vector<bool> a_matched(a.size()), b_matched(b.size());
  int common = 0;
  for (int i = 0; i < static_cast<int>(a.size()); ++i) {
    for (int j = std::max(0, i - window); j <= std::min(i + window, static_cast<int>(b.size()) - 1);
         ++j) {
      if (!b_matched[j] && a[i] == b[j]) {
        a_matched[i] = b_matched[j] = true;
        ++common;
        break;
      }
    }
  }
  if (common == 0) return 0.0;
  std::u32string a_common, b_common;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a_matched[i]) a_common += a[i];
  for (std::size_t j = 0; j < b.size(); ++j)
    if (b_matched[j]) b_common += b[j];
  int half_transpositions = 0;
  for (int k = 0; k < common; ++k) half_transpositions += a_common[k] != b_common[k];
  const double m = common;
  return (m / a.size() + m / b.size() + (m - half_transpositions / 2) / m) / 3.0;
}

int ReferenceLevenshtein(std::u32string_view a, std::u32string_view b) {
  std::vector<std::vector<int>> d(a.size() + 1, std::vector<int>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = static_cast<int>(i);
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min(
          {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    }
  }
  return d[a.size()][b.size()];
}

TEST(StringDistanceTest, OptimisedPathsAgreeWithTextbookDefinitions) {
  // Random strings over a small alphabet (many repeats, so many matches and transpositions),
  // mixing ASCII and other code points, on both sides of kShortStringLength.
  std::mt19937 random(20250601);
  const std::u32string alphabet = U"abcdeñé\u0416";
  auto random_string = [&](std::size_t max_length) {
    std::u32string s(random() % (max_length + 1), U'a');
    for (char32_t& c : s) c = alphabet[random() % alphabet.size()];
    return s;
  };
  for (int round = 0; round < 3000; ++round) {
    const std::size_t max_length = round % 10 == 0 ? 100 : 12;
    const std::u32string a = random_string(max_length);
    const std::u32string b = random_string(round % 7 == 0 ? 70 : max_length);
    ASSERT_NEAR(JaroSimilarity(a, b), ReferenceJaro(a, b), 1e-12)
        << ToUtf8(a) << " / " << ToUtf8(b);
    ASSERT_EQ(LevenshteinDistance(a, b), ReferenceLevenshtein(a, b))
        << ToUtf8(a) << " / " << ToUtf8(b);
    ASSERT_LE(DamerauLevenshteinDistance(a, b), LevenshteinDistance(a, b));
  }
}

}  // namespace
}  // namespace canje::linkage
