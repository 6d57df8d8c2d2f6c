// A scored candidate pair, and whether a link rule holds it back (link_rules.h).
#pragma once

#include <cstdint>
#include <string_view>

namespace canje::linkage {

// Why a pair scored at or above the threshold is not linked on its score alone.
enum class LinkHold : uint8_t {
  kNone,
  // Both records have a date of birth and the dates conflict (date_comparison.h DatesConflict),
  // and they share no document number: two people, however alike their names.
  kDateConflict,
  // One record has no date of birth, nothing but names and the like ties it to the other, and
  // its name matches as well records whose dates of birth conflict with the other's: nothing
  // tells which of these namesakes, if any, it is.
  kAmbiguousWithoutDate,
  // The two records come from one list, one of them has no date of birth, and they share no
  // document: only their names say that the list named one person twice.
  kUndatedSameList,
};

// "date_conflict", "ambiguous_without_date", "undated_same_list"; "" for kNone.
std::string_view LinkHoldName(LinkHold hold);

struct ScoredPair {
  uint32_t left = 0;  // record index (linkage_engine.h); in de-duplication left < right
  uint32_t right = 0;
  double probability = 0;
  LinkHold hold = LinkHold::kNone;  // set only on pairs at or above the threshold
};

}  // namespace canje::linkage
