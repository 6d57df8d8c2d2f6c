// A name field of one record, prepared once so that comparing two records is cheap.
//
// The engine builds one PreparedName per record and name field (given names, family names)
// before comparing any pair; name_comparison.h then only reads these. Everything a comparison
// needs is precomputed: each unit's comparison form as code points, its Spanish phonetic key and
// transliteration skeleton (transliteration_skeleton.h), the joined forms and the consonant
// skeleton. A PreparedName owns one contiguous code point
// buffer (a single allocation, or none for very short names), so a million records stay
// compact and comparisons touch little memory.
//
// Units: a name field is a list of units as split by the registry's name parser (for family
// names a unit keeps its particles: {"Pérez", "de la Cruz"}). A unit's comparison form may
// contain spaces ("de la cruz"); it is still one unit for token-set comparisons. Units whose
// comparison form is empty (punctuation only) are dropped. At most kMaxUnits units are kept
// separately; any further units are appended to the last one. A name longer than
// kMaxCodePoints code points is cut there (no real name comes near).
//
// Invariants: unit(i) is non-empty for i < size(); phonetic(i) is empty only for a unit of
// silent letters ("h"); joined() is the units joined
// by one space; joined_phonetic() is the phonetic units joined by one space; skeleton() is the
// consonant skeleton of joined(). transliteration(i) is the transliteration skeleton of the unit:
// of its canonical Latin reading (cyrillic_transliteration.h) when the unit was written with
// Cyrillic letters, else of its comparison form; joined_transliteration() is those joined by one
// space. A default-constructed PreparedName is empty (missing).
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "linkage/normalize.h"
#include "linkage/phonetic.h"

namespace canje::linkage {

class PreparedName {
 public:
  static constexpr std::size_t kMaxUnits = 8;
  static constexpr std::size_t kMaxCodePoints = 4096;

  PreparedName() = default;

  // From units already in comparison form (normalize.h), e.g. {"perez", "de la cruz"}.
  // `script` records where the name came from (for explanations and for the comparisons that
  // apply only to Cyrillic names, name_comparison.h); the keys are computed from the units alone.
  static PreparedName FromComparisonForms(std::span<const std::string> units,
                                          Script script = Script::kLatin,
                                          PhoneticOptions phonetic_options = {});

  // From units as written ({"Pérez", "de la Cruz"}, {"Шевченко"}), normalised with `normalizer`.
  // The script is the one of the first unit that has letters.
  static PreparedName FromWritten(Normalizer& normalizer, std::span<const std::string> units,
                                  PhoneticOptions phonetic_options = {});

  bool empty() const { return unit_count_ == 0; }
  std::size_t size() const { return unit_count_; }
  std::u32string_view unit(std::size_t i) const { return View(units_[i].text); }
  std::u32string_view phonetic(std::size_t i) const { return View(units_[i].phonetic); }
  std::u32string_view joined() const { return View(joined_); }
  std::u32string_view joined_phonetic() const { return View(joined_phonetic_); }
  std::u32string_view skeleton() const { return View(skeleton_); }
  std::u32string_view transliteration(std::size_t i) const {
    return View(units_[i].transliteration);
  }
  std::u32string_view joined_transliteration() const { return View(joined_transliteration_); }
  Script script() const { return script_; }

 private:
  struct Span {
    uint16_t begin = 0;
    uint16_t length = 0;
  };
  struct Unit {
    Span text;
    Span phonetic;
    Span transliteration;
  };

  // `readings`: per unit, the Latin text its transliteration skeleton is computed from (the
  // canonical reading of a Cyrillic unit); empty means the comparison forms themselves.
  static PreparedName Build(std::span<const std::string> units,
                            std::span<const std::u32string> readings, Script script,
                            PhoneticOptions phonetic_options);

  std::u32string_view View(Span span) const {
    return std::u32string_view(buffer_).substr(span.begin, span.length);
  }

  // Layout of buffer_: joined text, then joined phonetic key, then skeleton, then the joined
  // transliteration skeleton.
  std::u32string buffer_;
  std::array<Unit, kMaxUnits> units_{};
  Span joined_;
  Span joined_phonetic_;
  Span skeleton_;
  Span joined_transliteration_;
  uint8_t unit_count_ = 0;
  Script script_ = Script::kNone;
};

}  // namespace canje::linkage
