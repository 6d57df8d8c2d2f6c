// The comparisons of a linkage run: which field of the left record meets which field of the
// right record, with which comparison kind (comparison_level.h).
//
// Built from the settings (link_settings.h explains how fields pair up). A person name gives two
// comparisons, "given_name" and "family_name", computed together so that swapped names are
// recognised (name_comparison.h). Each date, exact and text field pair gives one comparison named
// after the left column; all identifier fields give one comparison "identifier" over the two
// records' sets of document numbers. A patronymic field gives the comparison "patronymic"
// (right after the names), a service_number field the comparison "service_number" (last, of
// the identifier kind: a match links, a mismatch separates, one side without is no evidence).
//
// Compare() fills one level index per comparison (the position of the level in the kind's
// LevelSet) and allocates nothing, so it can run for every candidate pair on any thread.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "linkage/comparison_level.h"
#include "linkage/link_settings.h"
#include "linkage/record_table.h"

namespace canje::linkage {

inline constexpr int kMaxComparisons = 16;

// Level indices of one pair, one per comparison.
using ComparisonVector = std::array<uint8_t, kMaxComparisons>;

enum class ComparisonSource : uint8_t {
  kGivenName,
  kFamilyName,
  kDate,
  kIdentifiers,
  kExact,
  kText,
  kPatronymic,
  kServiceNumber,
};

struct ComparisonSpec {
  std::string name;  // "given_name", "family_name", "identifier", or the left column's name
  ComparisonKind kind;
  ComparisonSource source;
  int field = 0;  // index among the table's fields of that source (dates, exact, text)
};

class ComparisonSchema {
 public:
  // kInvalid when the settings give more than kMaxComparisons comparisons or none.
  static Result<ComparisonSchema> FromSettings(const LinkSettings& settings);

  const std::vector<ComparisonSpec>& comparisons() const { return comparisons_; }
  int size() const { return static_cast<int>(comparisons_.size()); }
  // Index of the given-name / family-name comparison, or -1.
  int given_index() const { return given_index_; }
  int family_index() const { return family_index_; }

  // Levels of record `i` of `a` against record `j` of `b` into `out` (entries past size() are 0).
  void Compare(const RecordTable& a, std::size_t i, const RecordTable& b, std::size_t j,
               ComparisonVector& out) const;

  // The value a record holds for comparison `c`, as compared (comparison form), for
  // explanations; empty when missing.
  std::string ValueOf(const RecordTable& table, std::size_t record, int c) const;

 private:
  std::vector<ComparisonSpec> comparisons_;
  int given_index_ = -1;
  int family_index_ = -1;
};

// The text comparison: missing, exact, jaro_winkler_high (>= 0.92), jaro_winkler_medium
// (>= 0.88), different.
ComparisonLevel CompareTexts(std::u32string_view a, std::u32string_view b);

}  // namespace canje::linkage
