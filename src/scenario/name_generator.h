// Drawing a person's true name as their own civil registry would write it.
//
// A NameStyle says, for one nationality, which tables to draw from and how names are built:
// how often a second given name (or a patronymic) is present, how often a second surname
// (Hispanic double surnames), and whether surnames take a feminine form (Ivanov/Ivanova,
// Kowalski/Kowalska). Given names and surnames are drawn by rank with Zipf-like weights, so
// a few surnames are very common and most are rare, which is what makes blocking hard.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "scenario/name_tables.h"
#include "scenario/random.h"
#include "scenario/record.h"

namespace canje::scenario {

enum class SurnameGender { kInvariant, kRussian, kBelarusian, kPolish };

// The feminine form of a surname under `rule`: Ivanov -> Ivanova, Malinovsky -> Malinovskaya,
// Ivanou -> Ivanava, Kowalski -> Kowalska. Surnames with no feminine form come back unchanged.
std::string FeminineSurname(std::string_view masculine, SurnameGender rule);

// The Russian patronymic a child of a father named `father_given` bears, in its Latin
// transliteration: Aleksandr -> Aleksandrovich / Aleksandrovna, Sergey -> Sergeyevich /
// Sergeyevna, Dmitry -> Dmitriyevich, Ilya -> Ilyich / Ilyinichna, Pavel -> Pavlovich.
std::string RussianPatronymic(std::string_view father_given, char sex);

class NameStyle {
 public:
  NameStyle(NameTable table, double second_given_rate, double second_surname_rate,
            SurnameGender surname_gender);
  // Argentine and Uruguayan names mix in Italian surnames at `rate`.
  NameStyle& WithAlternateSurnames(NameTable table, double rate);

  // Sets record.given_names and record.family_names for a person of `sex` ('M' or 'F').
  void Draw(char sex, Random& random, Record& record) const;

  // Exposed for tests: the probability that a drawn name has two family names.
  double second_surname_rate() const { return second_surname_rate_; }

 private:
  struct Tables {
    NameTable names;
    WeightedChoice male_given, female_given, male_second, female_second, family;
    explicit Tables(NameTable table);
  };
  std::string DrawSurname(Random& random) const;

  Tables tables_;
  std::optional<Tables> alternate_;
  double alternate_rate_ = 0;
  double second_given_rate_;
  double second_surname_rate_;
  SurnameGender surname_gender_;
};

// The style for a nationality (ISO 3166-1 alpha-3). Hispanic America uses Venezuelan-style
// names; an unknown code falls back to American-style names. The returned reference lives for
// the whole program.
const NameStyle& NameStyleFor(std::string_view nationality);

}  // namespace canje::scenario
