// Comparison levels for identity document numbers (cédula, passport, ...).
//
// Normalise each record's numbers once with NormalizeDocumentNumber; compare the normalised
// strings per pair with CompareDocumentNumbers (no allocation).
//
// Normalisation, so that "V-12.345.678", "v 12345678", "C.I. 012345678" and "12345678" agree:
//   0. A number holding a Cyrillic letter is first transliterated (cyrillic_transliteration.h,
//      the ICAO passport table): its series letters are kept, so "АВ 123456" and "AV 123456"
//      agree and "КР 123456" does not agree with either.
//   1. Letters are upper-cased; every character that is not an ASCII letter or digit (dots,
//      spaces, dashes, slashes, "#", "º", any non-ASCII) is removed.
//   2. A leading run of letters is removed when it is made only of the known prefixes V, E, CI,
//      CC, DNI, N, NO, NRO, NUM (Venezuelan "V-"/"E-" cédulas, "C.I.", "Nº", ...) and only
//      digits follow it, in a number written in Latin letters only (a Cyrillic "В 123" is
//      series V, not the Venezuelan prefix). Other letters are part of the number (passport
//      "AB1234567" stays).
//   3. Leading zeros of an all-digit number are removed ("0" stays "0").
// Note that step 2 makes "V-12345678" and "E-12345678" equal: the nationality letter is
// dropped because lists write it inconsistently.
//
// Levels, first that applies:
//   missing            either normalised number is empty.
//   exact              equal.
//   one_digit_off      one character substituted, inserted or deleted.
//   transposed_digits  same length, two adjacent characters swapped ("12345678" vs "12354678").
//   different          otherwise.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "linkage/comparison_level.h"

namespace canje::linkage {

// The normalised form of a document number as written; empty if nothing remains.
std::string NormalizeDocumentNumber(std::string_view written);

// One of LevelSetFor(ComparisonKind::kDocumentNumber); both arguments already normalised.
ComparisonLevel CompareDocumentNumbers(std::string_view a, std::string_view b);

// The best level over all pairs of two records' normalised numbers (a person may hold several
// documents); kMissing if either list has no non-empty number.
ComparisonLevel CompareDocumentNumberSets(std::span<const std::string> a,
                                          std::span<const std::string> b);

}  // namespace canje::linkage
