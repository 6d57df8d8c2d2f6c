#include "scenario/name_generator.h"

#include <map>

namespace canje::scenario {
namespace {

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string ReplaceSuffix(std::string_view text, size_t cut, std::string_view replacement) {
  return std::string(text.substr(0, text.size() - cut)).append(replacement);
}

std::vector<uint64_t> RankWeights(size_t n) { return ZipfWeights(n, 3); }

}  // namespace

std::string FeminineSurname(std::string_view masculine, SurnameGender rule) {
  switch (rule) {
    case SurnameGender::kInvariant:
      break;
    case SurnameGender::kRussian:
      if (EndsWith(masculine, "sky") || EndsWith(masculine, "skiy")) {
        return ReplaceSuffix(masculine, EndsWith(masculine, "sky") ? 1 : 2, "aya");
      }
      if (EndsWith(masculine, "ov") || EndsWith(masculine, "ev") || EndsWith(masculine, "in") ||
          EndsWith(masculine, "yn")) {
        return std::string(masculine) + "a";
      }
      break;
    case SurnameGender::kBelarusian:
      if (EndsWith(masculine, "ou")) return ReplaceSuffix(masculine, 2, "ava");
      if (EndsWith(masculine, "ski")) return ReplaceSuffix(masculine, 1, "aya");
      break;
    case SurnameGender::kPolish:
      if (EndsWith(masculine, "ski") || EndsWith(masculine, "cki") || EndsWith(masculine, "dzki")) {
        return ReplaceSuffix(masculine, 1, "a");
      }
      break;
  }
  return std::string(masculine);
}

std::string RussianPatronymic(std::string_view father_given, char sex) {
  const bool female = sex == 'F';
  if (father_given == "Ilya") return female ? "Ilyinichna" : "Ilyich";
  std::string stem(father_given);
  if (father_given == "Pavel") stem = "Pavl";
  if (father_given == "Mikhail") stem = "Mikhayl";
  if (father_given == "Dmitry") stem = "Dmitri";
  if (!stem.empty() && stem.back() == 'y') {
    stem.pop_back();  // Sergey -> Serge + yevich
    return stem + (female ? "yevna" : "yevich");
  }
  if (stem.back() == 'i') return stem + (female ? "yevna" : "yevich");
  return stem + (female ? "ovna" : "ovich");
}

NameStyle::Tables::Tables(NameTable table)
    : names(table),
      male_given(RankWeights(table.male_given.size())),
      female_given(RankWeights(table.female_given.size())),
      male_second(RankWeights(table.male_second_given.size())),
      female_second(RankWeights(table.female_second_given.size())),
      family(ZipfWeights(table.family.size(), 5)) {}

NameStyle::NameStyle(NameTable table, double second_given_rate, double second_surname_rate,
                     SurnameGender surname_gender)
    : tables_(table),
      second_given_rate_(second_given_rate),
      second_surname_rate_(second_surname_rate),
      surname_gender_(surname_gender) {}

NameStyle& NameStyle::WithAlternateSurnames(NameTable table, double rate) {
  alternate_.emplace(table);
  alternate_rate_ = rate;
  return *this;
}

std::string NameStyle::DrawSurname(Random& random) const {
  const Tables& tables = alternate_ && random.Chance(alternate_rate_) ? *alternate_ : tables_;
  return std::string(tables.names.family[tables.family.Pick(random)]);
}

void NameStyle::Draw(char sex, Random& random, Record& record) const {
  const bool female = sex == 'F';
  const auto& given_table = female ? tables_.names.female_given : tables_.names.male_given;
  const auto& given_choice = female ? tables_.female_given : tables_.male_given;
  const auto& second_table =
      female ? tables_.names.female_second_given : tables_.names.male_second_given;
  const auto& second_choice = female ? tables_.female_second : tables_.male_second;

  record.given_names = {std::string(given_table[given_choice.Pick(random)])};
  if (random.Chance(second_given_rate_)) {
    // Draw a second given name different from the first (a few tries; give up otherwise).
    for (int attempt = 0; attempt < 4; ++attempt) {
      std::string second(second_table[second_choice.Pick(random)]);
      if (second != record.given_names[0]) {
        record.given_names.push_back(std::move(second));
        break;
      }
    }
  }

  std::string first = DrawSurname(random);
  record.family_names = {female ? FeminineSurname(first, surname_gender_) : first};
  if (random.Chance(second_surname_rate_)) {
    for (int attempt = 0; attempt < 4; ++attempt) {
      std::string second = DrawSurname(random);
      if (second != first) {
        record.family_names.push_back(std::move(second));
        break;
      }
    }
  }
}

const NameStyle& NameStyleFor(std::string_view nationality) {
  static const auto* const kStyles = [] {
    auto* styles = new std::map<std::string, NameStyle, std::less<>>();
    const NameStyle latin_american(VenezuelanNames(), 0.78, 0.93, SurnameGender::kInvariant);
    styles->emplace("VEN", latin_american);
    styles->emplace("COL", latin_american);
    styles->emplace("PER", latin_american);
    styles->emplace("CHL", latin_american);
    styles->emplace("ECU", latin_american);
    styles->emplace("ESP", NameStyle(SpanishNames(), 0.35, 0.95, SurnameGender::kInvariant));
    NameStyle rio_de_la_plata(VenezuelanNames(), 0.45, 0.12, SurnameGender::kInvariant);
    rio_de_la_plata.WithAlternateSurnames(ItalianNames(), 0.4);
    styles->emplace("ARG", rio_de_la_plata);
    styles->emplace("URY", rio_de_la_plata);
    styles->emplace("USA", NameStyle(AmericanNames(), 0.7, 0, SurnameGender::kInvariant));
    styles->emplace("DEU", NameStyle(GermanNames(), 0.3, 0, SurnameGender::kInvariant));
    styles->emplace("FRA", NameStyle(FrenchNames(), 0.3, 0, SurnameGender::kInvariant));
    styles->emplace("ITA", NameStyle(ItalianNames(), 0.2, 0, SurnameGender::kInvariant));
    styles->emplace("RUS", NameStyle(RussianNames(), 1.0, 0, SurnameGender::kRussian));
    styles->emplace("BLR", NameStyle(BelarusianNames(), 1.0, 0, SurnameGender::kBelarusian));
    styles->emplace("POL", NameStyle(PolishNames(), 0.3, 0, SurnameGender::kPolish));
    styles->emplace("SVN", NameStyle(SloveneNames(), 0.1, 0, SurnameGender::kInvariant));
    styles->emplace("NOR", NameStyle(NorwegianNames(), 0.4, 0, SurnameGender::kInvariant));
    return styles;
  }();
  auto it = kStyles->find(nationality);
  return it != kStyles->end() ? it->second : kStyles->at("USA");
}

}  // namespace canje::scenario
