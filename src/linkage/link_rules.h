// Link rules: what a score cannot outweigh.
//
// A Fellegi–Sunter score adds up evidence field by field as if the fields were independent. Names
// are not: two people of the same given name, family name and patronymic are common where names
// come from short lists, and then the names' weight overstates the evidence. So agreeing names can
// outweigh a date of birth that disagrees, and a name alone can link a record that has no date to
// any namesake. Three rules keep a pair scored at or above the threshold from being linked on its
// score alone (LinkHold, scored_pair.h):
//   date_conflict           the two records conflict: both have a date of birth, the dates
//                           disagree beyond the mistakes lists make (DatesConflict in
//                           date_comparison.h: not a typo, two digits swapped, day and month
//                           swapped, a day or a year off, or a part unknown), they share no
//                           document number, and the rest of the evidence beside the names does
//                           not make up for the dates — the weights of every comparison but the
//                           given names, family names and patronymic, the date's own included, add
//                           up to less than zero. Only the names make them one person; the dates
//                           say two. (When address, postcode and a nearly equal document agree, as
//                           in FEBRL's lists, the pair links and its date is taken for a clerk's
//                           error.)
//   ambiguous_without_date  one record has no date of birth, so nothing of its own tells namesakes
//                           apart. Its pairs at or above the threshold with dated records that
//                           conflict with one another are exclusive alternatives: it is at most one
//                           of them. Each such pair's probability is weighed against its
//                           alternatives — odds / (1 + odds + the odds of every pair with a record
//                           that conflicts with this one) — and held when that falls below the
//                           threshold. Two namesakes matched equally well both fall to about one
//                           half; a clearly better match (a patronymic or a document that agrees)
//                           keeps its link and only the weaker is held.
//   undated_same_list       the two records come from one list (RecordTable::lists, known when
//                           several lists are reconciled together, as the store's are), one of
//                           them has no date of birth, and they share no document number. A list
//                           seldom names one person twice, and names are shared: two entries of
//                           one list with the same name and nothing else in common are as likely
//                           two namesakes as one person written twice, and the name is all the
//                           score has. (On the Cyrillic and Latin lists of docs/benchmarks.md such
//                           pairs were wrong about one time in three.) A dated pair of one list,
//                           and any pair of two lists, is not concerned; nor a single file
//                           de-duplicated on its own, whose records carry no list.
// The date of birth is the first date field of the settings (as in blocking.h); settings without
// a date field have no rules.
//
// A held pair keeps its probability (the model's); the clustering does not join it, and never
// joins two records that conflict through other records either (linkage_engine.h); `canje link`
// over the store queues it for review with the rule as its reason
// (reconciliation/queue_reason.h).
#pragma once

#include <cstdint>
#include <functional>
#include <span>

#include "linkage/record_table.h"
#include "linkage/scored_pair.h"

namespace canje::linkage {

class LinkRules {
 public:
  // The weight, in bits, of the evidence beside the names for two records (the prior left out).
  using WeightBesideNames = std::function<double(uint32_t, uint32_t)>;

  // Record indices as in blocking.h: left 0..n_left-1, then right (nullptr in de-duplication).
  // The tables must outlive the rules.
  LinkRules(const RecordTable* left, const RecordTable* right, WeightBesideNames beside_names);

  // Record i has no date of birth (false when the settings compare no date).
  bool LacksDate(uint32_t i) const;
  // The two records hold the same normalised document number or service number.
  bool ShareDocument(uint32_t i, uint32_t j) const;
  // The two records conflict: their dates of birth conflict, they share no document number and
  // the evidence beside the names weighs less than zero (see above).
  bool Conflict(uint32_t i, uint32_t j) const;
  // Both records come from one list (false when either table does not say which).
  bool SameList(uint32_t i, uint32_t j) const;

  // Sets `hold` on every pair at or above `threshold` (kNone on the others). `pairs` are the
  // scored candidate pairs, each at most once; the second rule reads all of them.
  void Hold(std::span<ScoredPair> pairs, double threshold) const;

 private:
  const RecordTable& TableOf(uint32_t index, std::size_t* local) const;

  const RecordTable* left_ = nullptr;
  const RecordTable* right_ = nullptr;
  WeightBesideNames beside_names_;
};

}  // namespace canje::linkage
