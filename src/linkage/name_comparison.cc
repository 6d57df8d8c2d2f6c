#include "linkage/name_comparison.h"

#include <algorithm>
#include <cstdint>

#include "linkage/string_distance.h"

namespace canje::linkage {
namespace {

using L = ComparisonLevel;

// Jaro–Winkler similarities of one pair of names, computed at most once per unit pair and
// once for the joined names; the levels below ask for the same values several times.
class PairSimilarities {
 public:
  // `lowest_threshold`: no caller compares a similarity with anything lower.
  PairSimilarities(const PreparedName& a, const PreparedName& b, double lowest_threshold)
      : a_(a), b_(b), lowest_threshold_(lowest_threshold) {}

  double Joined() {
    if (joined_ < 0) joined_ = Bounded(a_.joined(), b_.joined());
    return joined_;
  }

  double Units(std::size_t i, std::size_t j) {
    const uint64_t bit = uint64_t{1} << (i * PreparedName::kMaxUnits + j);
    if (!(computed_ & bit)) {
      units_[i][j] = Bounded(a_.unit(i), b_.unit(j));
      computed_ |= bit;
    }
    return units_[i][j];
  }

 private:
  // Jaro–Winkler, or a cheap upper bound when the lengths alone rule out every threshold. The
  // bound: at most min(|x|,|y|) code points match, and the Winkler boost adds at most 0.4 of
  // the rest.
  double Bounded(std::u32string_view x, std::u32string_view y) {
    const double shorter = static_cast<double>(std::min(x.size(), y.size()));
    const double jaro_bound =
        (shorter / static_cast<double>(x.size()) + shorter / static_cast<double>(y.size()) + 1.0) /
        3.0;
    const double bound = jaro_bound + 0.4 * (1.0 - jaro_bound);
    if (bound < lowest_threshold_) return bound;
    return JaroWinklerSimilarity(x, y);
  }

  const PreparedName& a_;
  const PreparedName& b_;
  double lowest_threshold_;
  double joined_ = -1.0;
  uint64_t computed_ = 0;
  double units_[PreparedName::kMaxUnits][PreparedName::kMaxUnits];
};

// The name with fewer units has every unit satisfy `match(i, j)` with some unit of the other
// (i indexes a, j indexes b); with equal numbers of units, both names must.
template <typename Match>
bool SubsetMatches(const PreparedName& a, const PreparedName& b, Match match) {
  // Whether each of `units` units satisfies `found_in(unit, other)` with some of `others` units.
  auto each_found = [](std::size_t units, std::size_t others, auto found_in) {
    for (std::size_t unit = 0; unit < units; ++unit) {
      bool found = false;
      for (std::size_t other = 0; other < others && !found; ++other) found = found_in(unit, other);
      if (!found) return false;
    }
    return true;
  };
  auto a_in_b = [&] { return each_found(a.size(), b.size(), match); };
  auto b_in_a = [&] {
    return each_found(b.size(), a.size(),
                      [&](std::size_t j, std::size_t i) { return match(i, j); });
  };
  if (a.size() < b.size()) return a_in_b();
  if (b.size() < a.size()) return b_in_a();
  return a_in_b() && b_in_a();
}

// Same set of units: equal counts and each side's units all found in the other.
bool SameUnitSet(const PreparedName& a, const PreparedName& b) {
  return a.size() == b.size() &&
         SubsetMatches(a, b, [&](std::size_t i, std::size_t j) { return a.unit(i) == b.unit(j); });
}

bool IsTokenSubset(const PreparedName& a, const PreparedName& b) {
  return a.size() != b.size() &&
         SubsetMatches(a, b, [&](std::size_t i, std::size_t j) { return a.unit(i) == b.unit(j); });
}

bool SamePhonetic(const PreparedName& a, std::size_t i, const PreparedName& b, std::size_t j) {
  return !a.phonetic(i).empty() && a.phonetic(i) == b.phonetic(j);
}

bool PhoneticSubset(const PreparedName& a, const PreparedName& b) {
  return SubsetMatches(a, b,
                       [&](std::size_t i, std::size_t j) { return SamePhonetic(a, i, b, j); });
}

bool JaroWinklerSubset(const PreparedName& a, const PreparedName& b, PairSimilarities& similarities,
                       double threshold) {
  return SubsetMatches(
      a, b, [&](std::size_t i, std::size_t j) { return similarities.Units(i, j) >= threshold; });
}

bool SkeletonsAgree(const PreparedName& a, const PreparedName& b) {
  return !a.skeleton().empty() && a.skeleton() == b.skeleton();
}

bool JoinedPhoneticAgrees(const PreparedName& a, const PreparedName& b) {
  return !a.joined_phonetic().empty() && a.joined_phonetic() == b.joined_phonetic();
}

// The transliteration skeletons (transliteration_skeleton.h) take part only when one of the two
// names is written in Cyrillic: between Latin names they would add nothing the phonetic key does
// not, and would merge Spanish names that differ (Gil and Jil, Sánchez and Sanches).
bool CyrillicInvolved(const PreparedName& a, const PreparedName& b) {
  return a.script() == Script::kCyrillic || b.script() == Script::kCyrillic;
}

bool SameTransliteration(const PreparedName& a, std::size_t i, const PreparedName& b,
                         std::size_t j) {
  return !a.transliteration(i).empty() && a.transliteration(i) == b.transliteration(j);
}

// The joined skeletons are equal, or every unit of the shorter name has the skeleton of a unit
// of the other ("Юлия Петровна" against "Iuliia").
bool TransliterationsAgree(const PreparedName& a, const PreparedName& b) {
  if (!CyrillicInvolved(a, b)) return false;
  if (!a.joined_transliteration().empty() &&
      a.joined_transliteration() == b.joined_transliteration()) {
    return true;
  }
  return SubsetMatches(
      a, b, [&](std::size_t i, std::size_t j) { return SameTransliteration(a, i, b, j); });
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

// For the swap check: some unit of x equals, is an initial of, or sounds like some unit of y
// (with a Cyrillic name, or has its transliteration skeleton).
bool CrossAgrees(const PreparedName& x, const PreparedName& y) {
  const bool cyrillic = CyrillicInvolved(x, y);
  for (std::size_t i = 0; i < x.size(); ++i) {
    for (std::size_t j = 0; j < y.size(); ++j) {
      if (EqualOrInitial(x.unit(i), y.unit(j)) || SamePhonetic(x, i, y, j)) return true;
      if (cyrillic && SameTransliteration(x, i, y, j)) return true;
    }
  }
  return false;
}

}  // namespace

ComparisonLevel CompareFamilyNames(const PreparedName& a, const PreparedName& b,
                                   const NameComparisonOptions& options) {
  if (a.empty() || b.empty()) return L::kMissing;
  if (SameUnitSet(a, b)) return L::kExact;
  if (IsTokenSubset(a, b)) return L::kTokenSubset;
  if (a.unit(0) == b.unit(0)) return L::kFirstSurname;

  PairSimilarities similarities(a, b, options.jaro_winkler_high);
  const double high = options.jaro_winkler_high;
  if (similarities.Joined() >= high || similarities.Units(0, 0) >= high ||
      JaroWinklerSubset(a, b, similarities, high)) {
    return L::kJaroWinklerHigh;
  }
  if (JoinedPhoneticAgrees(a, b) || SamePhonetic(a, 0, b, 0) || PhoneticSubset(a, b) ||
      TransliterationsAgree(a, b)) {
    return L::kPhonetic;
  }
  if (SkeletonsAgree(a, b)) return L::kConsonantSkeleton;
  return L::kDifferent;
}

ComparisonLevel ComparePatronymics(const PreparedName& a, const PreparedName& b,
                                   const NameComparisonOptions& options) {
  // The given names' levels are the patronymic's (CompareGivenNames never says "swapped").
  return CompareGivenNames(a, b, options);
}

ComparisonLevel CompareGivenNames(const PreparedName& a, const PreparedName& b,
                                  const NameComparisonOptions& options) {
  if (a.empty() || b.empty()) return L::kMissing;
  if (SameUnitSet(a, b)) return L::kExact;
  if (IsTokenSubset(a, b)) return L::kTokenSubset;
  if (MatchesWithInitials(a, b)) return L::kInitial;

  PairSimilarities similarities(a, b,
                                std::min(options.jaro_winkler_high, options.jaro_winkler_medium));
  if (similarities.Joined() >= options.jaro_winkler_high ||
      JaroWinklerSubset(a, b, similarities, options.jaro_winkler_high)) {
    return L::kJaroWinklerHigh;
  }
  if (similarities.Joined() >= options.jaro_winkler_medium ||
      JaroWinklerSubset(a, b, similarities, options.jaro_winkler_medium)) {
    return L::kJaroWinklerMedium;
  }
  if (JoinedPhoneticAgrees(a, b) || PhoneticSubset(a, b) || TransliterationsAgree(a, b)) {
    return L::kPhonetic;
  }
  if (SkeletonsAgree(a, b)) return L::kConsonantSkeleton;
  return L::kDifferent;
}

PersonNameLevels ComparePersonNames(const PreparedName& a_given, const PreparedName& a_family,
                                    const PreparedName& b_given, const PreparedName& b_family,
                                    const NameComparisonOptions& options) {
  PersonNameLevels levels{CompareGivenNames(a_given, b_given, options),
                          CompareFamilyNames(a_family, b_family, options)};
  if (levels.given == L::kDifferent && levels.family == L::kDifferent &&
      CrossAgrees(a_family, b_given) && CrossAgrees(a_given, b_family)) {
    levels.given = L::kSwapped;
    levels.family = L::kSwapped;
  }
  return levels;
}

}  // namespace canje::linkage
