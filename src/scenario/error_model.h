// The error model: how a list's record of a person differs from the person's true identity.
//
// Each operation is a small named function, tested on its own. ApplyErrors runs them in the
// fixed order of ErrorOp below, each with the probability the list's ErrorRates give it, and
// reports the set of operations that actually changed the record (an operation that finds
// nothing to change, such as dropping accents from "Pedro", is not reported). The rates each
// list uses are documented in docs/scenarios.md.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "scenario/random.h"
#include "scenario/record.h"

namespace canje::scenario {

// In the order ApplyErrors applies them.
enum class ErrorOp : uint8_t {
  kCutSecondSurname,        // "Pérez Rodríguez" -> "Pérez"
  kCutSecondGivenName,      // "José Luis" -> "José"
  kInitialSecondGivenName,  // "José Luis" -> "José L."
  kPhoneticSpelling,        // one Spanish phonetic respelling: b/v, y/i/ll, s/z/c, h, qu/k, g/j
  kTransliterationVariant,  // one alternative Latin transliteration: ks/x, ye/e, iy/y, -ov/-ow
  kTypoSubstitution,        // one letter replaced by a neighbour on the keyboard
  kTypoDeletion,            // one letter dropped
  kTypoTransposition,       // two adjacent letters swapped
  kDropAccents,             // "Núñez" -> "Nunez"
  kUpperCaseNames,          // "José Pérez" -> "JOSÉ PÉREZ"
  kSwapGivenFamily,         // given names written as family names and the reverse
  kSwapDayMonth,            // 1990-04-03 -> 1990-03-04 (only when both readings are dates)
  kMissingDateOfBirth,      // date of birth left out
  kMissingDocument,         // identity document left out
};
inline constexpr int kErrorOpCount = 14;

// "cut_second_surname", "phonetic_spelling", ... (the names used in truth.csv and the docs).
std::string_view ErrorOpName(ErrorOp op);

// A set of operations, as bits (1 << op).
using ErrorSet = uint32_t;
constexpr ErrorSet ErrorBit(ErrorOp op) { return ErrorSet{1} << static_cast<int>(op); }
constexpr bool Contains(ErrorSet set, ErrorOp op) { return (set & ErrorBit(op)) != 0; }
// The names of the operations in `set`, in ErrorOp order, joined by "|"; "" for none.
std::string ErrorSetText(ErrorSet set);

// The probability of each operation for one list.
struct ErrorRates {
  // ErrorRates::Of({{ErrorOp::kDropAccents, 0.9}, ...}); operations not named have rate 0.
  static ErrorRates Of(std::initializer_list<std::pair<ErrorOp, double>> rates) {
    ErrorRates out;
    for (const auto& [op, rate] : rates) out[op] = rate;
    return out;
  }

  std::array<double, kErrorOpCount> rate{};
  double& operator[](ErrorOp op) { return rate[static_cast<int>(op)]; }
  double operator[](ErrorOp op) const { return rate[static_cast<int>(op)]; }
};

// --- The operations. Each returns whether it changed anything (or nullopt when it could not
// apply to the given text, e.g. no phonetic rule matches). ---

bool CutSecondSurname(std::vector<std::string>& family_names);
bool CutSecondGivenName(std::vector<std::string>& given_names);
// "Luis" -> "L."; the second given name must have a letter. A particle name keeps its core
// initial: "del Valle" -> "V.".
bool ReduceSecondGivenNameToInitial(std::vector<std::string>& given_names);

// Applies one Spanish phonetic respelling at a random place where one applies. The rules
// (matched without regard to case or accents; the first letter's case is kept):
//   b->v, v->b; ll->y, y->ll (before a vowel); y->i (not before a vowel), i->y (after a, e or
//   o, not before a vowel); z->s, s->z (before a vowel), ce/ci->se/si, se/si->ce/ci; h dropped (not
//   in ch, sh, th, ph, kh); que/qui->ke/ki, ca/co/cu->ka/ko/ku; ge/gi->je/ji, je/ji->ge/gi; x->j.
// Changes at most two characters (edit distance <= 2).
std::optional<std::string> PhoneticSpelling(std::string_view name, Random& random);

// Applies one alternative Latin transliteration of a Russian or Belarusian name:
//   ks<->x, ye->e, yo->e, iy->y, yu->iu, ya->ia, kh->h, ts->tz, ay->ai, ey->ei, sh->sch,
//   zh->j, and a final -ov/-ev -> -ow/-ew (German usage). Changes at most two characters.
std::optional<std::string> TransliterationVariant(std::string_view name, Random& random);

// One-letter typos on a name of at least three letters; only letters are touched.
std::optional<std::string> TypoSubstitution(std::string_view name, Random& random);
std::optional<std::string> TypoDeletion(std::string_view name, Random& random);
std::optional<std::string> TypoTransposition(std::string_view name, Random& random);

// 1990-04-03 -> 1990-03-04. Only when the date has a day, day != month and day <= 12 (so that
// the swapped reading is still a date); otherwise false and the date is unchanged.
bool SwapDayMonth(Date& date);

// Applies the operations of `rates` to `record` (names, date of birth, document) and returns
// the set of those that changed it. Deterministic for a given Random state.
ErrorSet ApplyErrors(const ErrorRates& rates, Random& random, Record& record);

}  // namespace canje::scenario
