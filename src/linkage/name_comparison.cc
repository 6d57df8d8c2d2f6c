#include "linkage/name_comparison.h"

#include "linkage/string_distance.h"

namespace canje::linkage {
namespace {

using L = ComparisonLevel;

// Every unit of the name with fewer units (or of `a` when equal) satisfies `match` with some unit
// of the other name.
template <typename Match>
bool SubsetMatches(const PreparedName& a, const PreparedName& b, Match match) {
  const bool a_smaller = a.size() <= b.size();
  const PreparedName& small = a_smaller ? a : b;
  const PreparedName& large = a_smaller ? b : a;
  for (std::size_t i = 0; i < small.size(); ++i) {
    bool found = false;
    for (std::size_t j = 0; j < large.size() && !found; ++j) found = match(small, i, large, j);
    if (!found) return false;
  }
  return true;
}

bool SameText(const PreparedName& a, std::size_t i, const PreparedName& b, std::size_t j) {
  return a.unit(i) == b.unit(j);
}

bool SamePhonetic(const PreparedName& a, std::size_t i, const PreparedName& b, std::size_t j) {
  return !a.phonetic(i).empty() && a.phonetic(i) == b.phonetic(j);
}

auto JaroWinklerAtLeast(double threshold) {
  return [threshold](const PreparedName& a, std::size_t i, const PreparedName& b, std::size_t j) {
    return JaroWinklerSimilarity(a.unit(i), b.unit(j)) >= threshold;
  };
}

// Same set of units: equal counts and each side's units all found in the other.
bool SameUnitSet(const PreparedName& a, const PreparedName& b) {
  return a.size() == b.size() && SubsetMatches(a, b, SameText) && SubsetMatches(b, a, SameText);
}

bool IsTokenSubset(const PreparedName& a, const PreparedName& b) {
  return a.size() != b.size() && SubsetMatches(a, b, SameText);
}

bool SkeletonsAgree(const PreparedName& a, const PreparedName& b) {
  return !a.skeleton().empty() && a.skeleton() == b.skeleton();
}

bool JoinedPhoneticAgrees(const PreparedName& a, const PreparedName& b) {
  return !a.joined_phonetic().empty() && a.joined_phonetic() == b.joined_phonetic();
}

// One unit is the other's initial: a single letter equal to the other's first letter.
bool EqualOrInitial(std::u32string_view x, std::u32string_view y) {
  if (x == y) return true;
  if (x.size() == 1) return y.front() == x.front();
  if (y.size() == 1) return x.front() == y.front();
  return false;
}

// The units of the name with fewer units match, in order, distinct units of the other, each
// equal or an initial. Greedy earliest matching finds an alignment whenever one exists.
bool MatchesWithInitials(const PreparedName& a, const PreparedName& b) {
  const bool a_smaller = a.size() <= b.size();
  const PreparedName& small = a_smaller ? a : b;
  const PreparedName& large = a_smaller ? b : a;
  std::size_t j = 0;
  for (std::size_t i = 0; i < small.size(); ++i) {
    while (j < large.size() && !EqualOrInitial(small.unit(i), large.unit(j))) ++j;
    if (j == large.size()) return false;
    ++j;
  }
  return true;
}

bool IsStrongNameLevel(ComparisonLevel level) {
  switch (level) {
    case L::kExact:
    case L::kTokenSubset:
    case L::kFirstSurname:
    case L::kInitial:
    case L::kJaroWinklerHigh:
    case L::kPhonetic:
      return true;
    default:
      return false;
  }
}

}  // namespace

ComparisonLevel CompareFamilyNames(const PreparedName& a, const PreparedName& b,
                                   const NameComparisonOptions& options) {
  if (a.empty() || b.empty()) return L::kMissing;
  if (SameUnitSet(a, b)) return L::kExact;
  if (IsTokenSubset(a, b)) return L::kTokenSubset;
  if (a.unit(0) == b.unit(0)) return L::kFirstSurname;

  const auto jaro_winkler_high = JaroWinklerAtLeast(options.jaro_winkler_high);
  if (JaroWinklerSimilarity(a.joined(), b.joined()) >= options.jaro_winkler_high ||
      jaro_winkler_high(a, 0, b, 0) || SubsetMatches(a, b, jaro_winkler_high)) {
    return L::kJaroWinklerHigh;
  }
  if (JoinedPhoneticAgrees(a, b) || SamePhonetic(a, 0, b, 0) ||
      SubsetMatches(a, b, SamePhonetic)) {
    return L::kPhonetic;
  }
  if (SkeletonsAgree(a, b)) return L::kConsonantSkeleton;
  return L::kDifferent;
}

ComparisonLevel CompareGivenNames(const PreparedName& a, const PreparedName& b,
                                  const NameComparisonOptions& options) {
  if (a.empty() || b.empty()) return L::kMissing;
  if (SameUnitSet(a, b)) return L::kExact;
  if (IsTokenSubset(a, b)) return L::kTokenSubset;
  if (MatchesWithInitials(a, b)) return L::kInitial;

  const double joined = JaroWinklerSimilarity(a.joined(), b.joined());
  if (joined >= options.jaro_winkler_high ||
      SubsetMatches(a, b, JaroWinklerAtLeast(options.jaro_winkler_high))) {
    return L::kJaroWinklerHigh;
  }
  if (joined >= options.jaro_winkler_medium ||
      SubsetMatches(a, b, JaroWinklerAtLeast(options.jaro_winkler_medium))) {
    return L::kJaroWinklerMedium;
  }
  if (JoinedPhoneticAgrees(a, b) || SubsetMatches(a, b, SamePhonetic)) return L::kPhonetic;
  if (SkeletonsAgree(a, b)) return L::kConsonantSkeleton;
  return L::kDifferent;
}

PersonNameLevels ComparePersonNames(const PreparedName& a_given, const PreparedName& a_family,
                                    const PreparedName& b_given, const PreparedName& b_family,
                                    const NameComparisonOptions& options) {
  PersonNameLevels levels{CompareGivenNames(a_given, b_given, options),
                          CompareFamilyNames(a_family, b_family, options)};
  if (levels.given != L::kDifferent || levels.family != L::kDifferent) return levels;

  // Family of a against given of b (as family names: token sets, first surname), and given of a
  // against family of b (as given names: initials).
  const ComparisonLevel crosswise_family = CompareFamilyNames(a_family, b_given, options);
  const ComparisonLevel crosswise_given = CompareGivenNames(a_given, b_family, options);
  if (IsStrongNameLevel(crosswise_family) && IsStrongNameLevel(crosswise_given)) {
    levels.given = L::kSwapped;
    levels.family = L::kSwapped;
  }
  return levels;
}

}  // namespace canje::linkage
