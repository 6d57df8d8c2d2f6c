// Comparison levels: how closely two records agree on one field, as data.
//
// Each comparison function (name_comparison.h, date_comparison.h, document_comparison.h)
// returns one ComparisonLevel. Every field kind has a LevelSet: the levels that kind can return,
// in the order the comparison tries them (the first that applies wins), ending with kDifferent
// and kMissing. The Fellegi–Sunter model iterates a LevelSet to hold one m and one u
// probability per level, and uses IndexOf to turn a returned level into an array index.
//
// Level names are stable (they appear in explanations, settings and saved models): never rename
// one; add new levels at the end of the enum.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace canje::linkage {

enum class ComparisonLevel : uint8_t {
  kExact,              // "exact": equal after normalisation (names: same set of tokens)
  kTokenSubset,        // "token_subset": one name's tokens all in the other's ("Pérez" in
                       //   "Pérez Rodríguez", "José" in "José Luis")
  kFirstSurname,       // "first_surname": first family name equal, the rest differs
  kInitial,            // "initial": given names equal up to initials ("J." vs "José")
  kJaroWinklerHigh,    // "jaro_winkler_high": Jaro–Winkler >= high threshold (0.92)
  kJaroWinklerMedium,  // "jaro_winkler_medium": Jaro–Winkler >= medium threshold (0.88)
  kPhonetic,           // "phonetic": same Spanish phonetic key (phonetic.h)
  kConsonantSkeleton,  // "consonant_skeleton": same consonant skeleton (consonant_skeleton.h)
  kSwapped,            // "swapped": given and family names agree crosswise
  kDayMonthSwapped,    // "day_month_swapped": 1990-04-03 vs 1990-03-04
  kSameYearMonth,      // "same_year_month": year and month agree, day differs or is unknown
  kYearOffByOne,       // "year_off_by_one": years one apart, the rest agrees
  kSameYear,           // "same_year": years agree, and the dates are known only to the year
  kOneDigitOff,        // "one_digit_off": one character substituted, inserted or deleted
  kTransposedDigits,   // "transposed_digits": two adjacent characters swapped
  kDifferent,          // "different": none of the above
  kMissing,            // "missing": either side has no value; carries no evidence
};

inline constexpr int kComparisonLevelCount = static_cast<int>(ComparisonLevel::kMissing) + 1;

// The stable name of a level ("exact", "token_subset", ...).
std::string_view ComparisonLevelName(ComparisonLevel level);

// The level with that stable name, if any.
std::optional<ComparisonLevel> ComparisonLevelFromName(std::string_view name);

// What kind of field a comparison is for; each kind has one LevelSet.
enum class ComparisonKind : uint8_t {
  kFamilyName,      // "family_name"
  kGivenName,       // "given_name"
  kDate,            // "date"
  kDocumentNumber,  // "identifier"
  kExactValue,      // "exact": equal or not (sex, nationality, ...)
  kText,            // "text": free text such as an address (exact, Jaro–Winkler high/medium)
  kPatronymic,      // "patronymic": the given-name levels without "swapped"; "missing" when
                    //   either record has none, so one record with and one without is no
                    //   evidence either way, and two different ones are evidence against
};

inline constexpr int kComparisonKindCount = static_cast<int>(ComparisonKind::kPatronymic) + 1;

// "family_name", "given_name", "date", "identifier", "exact", "text", "patronymic" (the
// settings' field kinds).
std::string_view ComparisonKindName(ComparisonKind kind);

class LevelSet {
 public:
  LevelSet(ComparisonKind kind, std::span<const ComparisonLevel> levels);

  ComparisonKind kind() const { return kind_; }
  // In the order the comparison tries them; the last two are kDifferent and kMissing.
  std::span<const ComparisonLevel> levels() const { return levels_; }
  int size() const { return static_cast<int>(levels_.size()); }
  ComparisonLevel at(int index) const { return levels_[static_cast<std::size_t>(index)]; }
  // Position of `level` in levels(), or -1 if this kind never returns it.
  int IndexOf(ComparisonLevel level) const { return index_of_[static_cast<int>(level)]; }
  bool Contains(ComparisonLevel level) const { return IndexOf(level) >= 0; }

 private:
  ComparisonKind kind_;
  std::span<const ComparisonLevel> levels_;
  std::array<int8_t, kComparisonLevelCount> index_of_;
};

// The level set of a kind (static data; safe to use from any thread).
const LevelSet& LevelSetFor(ComparisonKind kind);

// Of two levels of the same kind, the one that comes first in its LevelSet (the closer
// agreement); used to keep the best of several comparisons (several documents, for example).
ComparisonLevel BetterLevel(ComparisonKind kind, ComparisonLevel a, ComparisonLevel b);

}  // namespace canje::linkage

namespace canje::linkage {

// The kExactValue comparison: kMissing if either side is empty, else kExact or kDifferent.
// Callers normalise first (e.g. upper-case ISO codes).
inline ComparisonLevel CompareExactValues(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return ComparisonLevel::kMissing;
  return a == b ? ComparisonLevel::kExact : ComparisonLevel::kDifferent;
}

}  // namespace canje::linkage
