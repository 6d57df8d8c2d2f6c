// Comparison levels for names: family names, given names, and the two swapped.
//
// Inputs are PreparedName values (prepared_name.h), built once per record; these functions only
// read them and never allocate, so they can run for every candidate pair. Each returns one
// ComparisonLevel from the kind's LevelSet (comparison_level.h), trying levels in this order and
// returning the first that applies.
//
// "Units" are the entries of a name field (a family name unit keeps its particles: "de la cruz").
// Three ways two names can match at a fuzzy level, used below:
//   joined:  the whole names, units joined by spaces, meet the test;
//   subset:  every unit of the name with fewer units meets the test with some unit of the other
//            (with equal numbers of units: every unit of each name with some unit of the other);
//   first:   the first units meet the test.
//
// Family names (double surnames compared as token sets):
//   missing             either name is empty.
//   exact               the same set of units ("Pérez Rodríguez" = "Rodríguez Pérez").
//   token_subset        different numbers of units and every unit of the shorter name is in the
//                       longer ("Pérez" vs "Pérez Rodríguez").
//   first_surname       the first units are equal ("Pérez Rodríguez" vs "Pérez Gómez").
//   jaro_winkler_high   Jaro–Winkler >= high (0.92) joined, subset or first ("Peres Rodrigues"
//                       vs "Pérez Rodríguez"; "Rodrigez" vs "Pérez Rodríguez").
//   phonetic            equal Spanish phonetic keys joined, subset or first ("Basquez" vs
//                       "Vásquez"); or, when either name is written in Cyrillic, equal
//                       transliteration skeletons (transliteration_skeleton.h) joined or subset
//                       ("Щербаков" vs "Ŝerbakov", "Shherbakov").
//   consonant_skeleton  equal consonant skeletons of the joined names (Arabic script against
//                       Latin spellings: محمد vs "Mohammed").
//   different           otherwise.
//   A shared second surname alone ("García López" vs "Gómez López") is "different": it says
//   little about the person.
//
// Given names:
//   missing, exact, token_subset as above ("José" vs "José Luis" is token_subset).
//   initial             the units of the name with fewer units match, in order, distinct units
//                       of the other, each equal or an initial of it ("J." vs "José", "José L."
//                       vs "José Luis", "J. L." vs "José Luis").
//   jaro_winkler_high   Jaro–Winkler >= high (0.92), joined or subset.
//   jaro_winkler_medium Jaro–Winkler >= medium (0.88), joined or subset.
//   phonetic            equal phonetic keys, joined or subset; with a Cyrillic name, also equal
//                       transliteration skeletons, joined or subset ("Юлия Петровна" vs
//                       "Iuliia", "Ûliâ").
//   consonant_skeleton  equal consonant skeletons of the joined names.
//   different           otherwise.
//   A shared first given name alone ("María José" vs "María Luisa") is not a level of its own;
//   it gets what the joined names earn.
//
// Swapped (ComparePersonNames): when the direct comparisons find both fields "different", and
// crosswise, both ways, some unit of one record's family name equals, is an initial of, or has
// the phonetic key (with a Cyrillic name: or the transliteration skeleton) of some unit of the
// other record's given names, both fields get "swapped" —
// a roster that wrote "PEREZ JOSE" into the wrong columns. (Typos that change the phonetic key
// are not looked for crosswise: that would double the cost of every disagreeing pair.)
//
// Cost: Jaro–Winkler values are computed at most once per unit pair and skipped when the
// lengths alone rule them out; all other tests are comparisons of short precomputed strings.
#pragma once

#include "linkage/comparison_level.h"
#include "linkage/prepared_name.h"

namespace canje::linkage {

struct NameComparisonOptions {
  double jaro_winkler_high = 0.92;
  double jaro_winkler_medium = 0.88;  // given names only
};

// One of LevelSetFor(ComparisonKind::kFamilyName), except kSwapped.
ComparisonLevel CompareFamilyNames(const PreparedName& a, const PreparedName& b,
                                   const NameComparisonOptions& options = {});

// One of LevelSetFor(ComparisonKind::kGivenName), except kSwapped.
ComparisonLevel CompareGivenNames(const PreparedName& a, const PreparedName& b,
                                  const NameComparisonOptions& options = {});

// One of LevelSetFor(ComparisonKind::kPatronymic): compared as given names are ("Петрович" vs
// "Petrovych" phonetic, "П." vs "Петрович" initial), "missing" when either is empty.
ComparisonLevel ComparePatronymics(const PreparedName& a, const PreparedName& b,
                                   const NameComparisonOptions& options = {});

struct PersonNameLevels {
  ComparisonLevel given = ComparisonLevel::kMissing;
  ComparisonLevel family = ComparisonLevel::kMissing;
  friend bool operator==(const PersonNameLevels&, const PersonNameLevels&) = default;
};

// Given and family levels of two people, with the swap check described above.
PersonNameLevels ComparePersonNames(const PreparedName& a_given, const PreparedName& a_family,
                                    const PreparedName& b_given, const PreparedName& b_family,
                                    const NameComparisonOptions& options = {});

}  // namespace canje::linkage
