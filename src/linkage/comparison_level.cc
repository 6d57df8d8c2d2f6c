#include "linkage/comparison_level.h"

namespace canje::linkage {
namespace {

using L = ComparisonLevel;

constexpr std::array<std::string_view, kComparisonLevelCount> kLevelNames = {
    "exact",
    "token_subset",
    "first_surname",
    "initial",
    "jaro_winkler_high",
    "jaro_winkler_medium",
    "phonetic",
    "consonant_skeleton",
    "swapped",
    "day_month_swapped",
    "same_year_month",
    "year_off_by_one",
    "same_year",
    "one_digit_off",
    "transposed_digits",
    "different",
    "missing",
};

constexpr L kFamilyNameLevels[] = {L::kExact,           L::kTokenSubset, L::kFirstSurname,
                                   L::kJaroWinklerHigh, L::kPhonetic,    L::kConsonantSkeleton,
                                   L::kSwapped,         L::kDifferent,   L::kMissing};
constexpr L kGivenNameLevels[] = {
    L::kExact,    L::kTokenSubset,       L::kInitial, L::kJaroWinklerHigh, L::kJaroWinklerMedium,
    L::kPhonetic, L::kConsonantSkeleton, L::kSwapped, L::kDifferent,       L::kMissing};
constexpr L kDateLevels[] = {L::kExact,    L::kDayMonthSwapped, L::kSameYearMonth, L::kYearOffByOne,
                             L::kSameYear, L::kDifferent,       L::kMissing};
constexpr L kDocumentNumberLevels[] = {L::kExact, L::kOneDigitOff, L::kTransposedDigits,
                                       L::kDifferent, L::kMissing};
constexpr L kExactValueLevels[] = {L::kExact, L::kDifferent, L::kMissing};
constexpr L kPatronymicLevels[] = {L::kExact,           L::kTokenSubset,       L::kInitial,
                                   L::kJaroWinklerHigh, L::kJaroWinklerMedium, L::kPhonetic,
                                   L::kConsonantSkeleton, L::kDifferent,       L::kMissing};
constexpr L kTextLevels[] = {L::kExact, L::kJaroWinklerHigh, L::kJaroWinklerMedium, L::kDifferent,
                             L::kMissing};

}  // namespace

std::string_view ComparisonLevelName(ComparisonLevel level) {
  return kLevelNames[static_cast<std::size_t>(level)];
}

std::optional<ComparisonLevel> ComparisonLevelFromName(std::string_view name) {
  for (int i = 0; i < kComparisonLevelCount; ++i) {
    if (kLevelNames[static_cast<std::size_t>(i)] == name) return static_cast<ComparisonLevel>(i);
  }
  return std::nullopt;
}

std::string_view ComparisonKindName(ComparisonKind kind) {
  switch (kind) {
    case ComparisonKind::kFamilyName:
      return "family_name";
    case ComparisonKind::kGivenName:
      return "given_name";
    case ComparisonKind::kDate:
      return "date";
    case ComparisonKind::kDocumentNumber:
      return "identifier";
    case ComparisonKind::kExactValue:
      return "exact";
    case ComparisonKind::kText:
      return "text";
    case ComparisonKind::kPatronymic:
      return "patronymic";
  }
  return "exact";
}

LevelSet::LevelSet(ComparisonKind kind, std::span<const ComparisonLevel> levels)
    : kind_(kind), levels_(levels) {
  index_of_.fill(-1);
  for (std::size_t i = 0; i < levels.size(); ++i) {
    index_of_[static_cast<std::size_t>(levels[i])] = static_cast<int8_t>(i);
  }
}

const LevelSet& LevelSetFor(ComparisonKind kind) {
  static const std::array<LevelSet, kComparisonKindCount> sets = {
      LevelSet(ComparisonKind::kFamilyName, kFamilyNameLevels),
      LevelSet(ComparisonKind::kGivenName, kGivenNameLevels),
      LevelSet(ComparisonKind::kDate, kDateLevels),
      LevelSet(ComparisonKind::kDocumentNumber, kDocumentNumberLevels),
      LevelSet(ComparisonKind::kExactValue, kExactValueLevels),
      LevelSet(ComparisonKind::kText, kTextLevels),
      LevelSet(ComparisonKind::kPatronymic, kPatronymicLevels),
  };
  return sets[static_cast<std::size_t>(kind)];
}

ComparisonLevel BetterLevel(ComparisonKind kind, ComparisonLevel a, ComparisonLevel b) {
  const LevelSet& set = LevelSetFor(kind);
  const int index_a = set.IndexOf(a);
  const int index_b = set.IndexOf(b);
  if (index_a < 0) return b;
  if (index_b < 0) return a;
  return index_a <= index_b ? a : b;
}

}  // namespace canje::linkage
