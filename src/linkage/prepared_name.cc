#include "linkage/prepared_name.h"

#include <array>
#include <vector>

#include "linkage/code_points.h"
#include "linkage/consonant_skeleton.h"
#include "linkage/cyrillic_transliteration.h"
#include "linkage/transliteration_skeleton.h"

namespace canje::linkage {
namespace {

std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

}  // namespace

PreparedName PreparedName::FromComparisonForms(std::span<const std::string> units, Script script,
                                               PhoneticOptions phonetic_options) {
  return Build(units, {}, script, phonetic_options);
}

PreparedName PreparedName::Build(std::span<const std::string> units,
                                 std::span<const std::u32string> readings, Script script,
                                 PhoneticOptions phonetic_options) {
  PreparedName name;

  // Joined text and the units' positions in it; each kept unit's Latin reading.
  std::u32string text;
  std::array<std::u32string, kMaxUnits> unit_readings;
  for (std::size_t u = 0; u < units.size(); ++u) {
    const std::string_view unit = TrimSpaces(units[u]);
    if (unit.empty() || text.size() >= kMaxCodePoints) continue;
    if (!text.empty()) text.push_back(U' ');
    const std::size_t begin = text.size();
    AppendCodePoints(unit, text);
    if (text.size() > kMaxCodePoints) text.resize(kMaxCodePoints);
    const std::u32string_view reading =
        readings.empty() ? std::u32string_view(text).substr(begin) : readings[u];
    if (name.unit_count_ == kMaxUnits) {  // extend the last unit
      name.units_[kMaxUnits - 1].text.length =
          static_cast<uint16_t>(text.size() - name.units_[kMaxUnits - 1].text.begin);
      unit_readings[kMaxUnits - 1].push_back(U' ');
      unit_readings[kMaxUnits - 1] += reading;
      continue;
    }
    unit_readings[name.unit_count_] = reading;
    name.units_[name.unit_count_++].text = {static_cast<uint16_t>(begin),
                                            static_cast<uint16_t>(text.size() - begin)};
  }
  if (name.unit_count_ == 0) return name;
  name.script_ = script;

  std::u32string phonetic;
  std::u32string unit_key;
  const std::size_t phonetic_base = text.size();
  for (std::size_t i = 0; i < name.unit_count_; ++i) {
    const Span span = name.units_[i].text;
    unit_key.clear();
    AppendSpanishPhoneticKey(std::u32string_view(text).substr(span.begin, span.length), unit_key,
                             phonetic_options);
    if (!unit_key.empty() && !phonetic.empty()) phonetic.push_back(U' ');
    name.units_[i].phonetic = {static_cast<uint16_t>(phonetic_base + phonetic.size()),
                               static_cast<uint16_t>(unit_key.size())};
    phonetic += unit_key;
  }

  std::u32string skeleton;
  AppendConsonantSkeleton(text, skeleton);

  const std::size_t transliteration_base = text.size() + phonetic.size() + skeleton.size();
  std::u32string transliteration;
  for (std::size_t i = 0; i < name.unit_count_; ++i) {
    unit_key.clear();
    AppendTransliterationSkeleton(unit_readings[i], unit_key);
    if (!unit_key.empty() && !transliteration.empty()) transliteration.push_back(U' ');
    name.units_[i].transliteration = {
        static_cast<uint16_t>(transliteration_base + transliteration.size()),
        static_cast<uint16_t>(unit_key.size())};
    transliteration += unit_key;
  }

  name.buffer_.reserve(transliteration_base + transliteration.size());
  name.joined_ = {0, static_cast<uint16_t>(text.size())};
  name.joined_phonetic_ = {static_cast<uint16_t>(phonetic_base),
                           static_cast<uint16_t>(phonetic.size())};
  name.skeleton_ = {static_cast<uint16_t>(text.size() + phonetic.size()),
                    static_cast<uint16_t>(skeleton.size())};
  name.joined_transliteration_ = {static_cast<uint16_t>(transliteration_base),
                                  static_cast<uint16_t>(transliteration.size())};
  name.buffer_ += text;
  name.buffer_ += phonetic;
  name.buffer_ += skeleton;
  name.buffer_ += transliteration;
  return name;
}

PreparedName PreparedName::FromWritten(Normalizer& normalizer, std::span<const std::string> units,
                                       PhoneticOptions phonetic_options) {
  Script script = Script::kNone;
  std::vector<std::string> comparison_forms;
  std::vector<std::u32string> readings;
  comparison_forms.reserve(units.size());
  readings.reserve(units.size());
  for (const std::string& unit : units) {
    Script unit_script = Script::kNone;
    comparison_forms.push_back(normalizer.ComparisonForm(unit, &unit_script));
    if (script == Script::kNone) script = unit_script;
    const std::u32string written = ToCodePoints(unit);
    readings.push_back(HasCyrillicLetter(written) ? CyrillicToLatin(written)
                                                  : ToCodePoints(comparison_forms.back()));
  }
  return Build(comparison_forms, readings, script, phonetic_options);
}

}  // namespace canje::linkage
