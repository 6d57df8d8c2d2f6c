#include "scenario/cyrillic_scenario.h"

#include <cstdio>
#include <fstream>
#include <system_error>

#include "scenario/cyrillic_names.h"
#include "scenario/error_model.h"
#include "scenario/latin_text.h"
#include "scenario/random.h"
#include "scenario/record.h"
#include "scenario/transliteration_standards.h"

namespace canje::scenario {
namespace {

// Random streams of this scenario (StreamSeed's second argument).
enum CyrillicStream : uint64_t { kPeopleStream = 1, kRosterStream = 2, kCounterpartStream = 3 };

struct CyrillicPerson {
  std::string key;
  NameLanguage language = NameLanguage::kRussian;
  bool female = false;
  std::string given;
  std::string patronymic;
  std::string family;
  Date birth;
};

template <typename T>
const T& PickOne(Random& random, std::span<const T> items) {
  return items[random.Below(items.size())];
}

CyrillicPerson NewPerson(Random& random, int64_t index, double ukrainian) {
  CyrillicPerson person;
  char key[24];
  std::snprintf(key, sizeof key, "P%06lld", static_cast<long long>(index + 1));
  person.key = key;
  person.language = random.Chance(ukrainian) ? NameLanguage::kUkrainian : NameLanguage::kRussian;
  person.female = random.Chance(0.3);
  person.given = std::string(PickOne(random, CyrillicGivenNames(person.language, person.female)));
  const GenderedName& patronymic = PickOne(random, CyrillicPatronymics(person.language));
  person.patronymic = std::string(person.female ? patronymic.female : patronymic.male);
  const std::string_view family = PickOne(random, CyrillicFamilyNames(person.language));
  person.family = person.female ? FeminineFamilyName(family, person.language) : std::string(family);
  person.birth.year = static_cast<int>(random.Between(1960, 2004));
  person.birth.month = static_cast<int>(random.Between(1, 12));
  person.birth.day = static_cast<int>(random.Between(1, DaysInMonth(person.birth.year,
                                                                    person.birth.month)));
  return person;
}

std::string RosterDate(const Date& date) {
  char text[16];
  std::snprintf(text, sizeof text, "%02d.%02d.%04d", date.day, date.month, date.year);
  return text;
}

// Two adjacent letters of a Cyrillic word swapped (not the first letter, so the word keeps its
// initial): "Шевченко" -> "Шевчнеко".
std::string CyrillicTransposition(std::string_view word, Random& random) {
  std::u32string letters = DecodeUtf8(word);
  if (letters.size() < 4) return std::string(word);
  const std::size_t at = 1 + random.Below(letters.size() - 2);
  std::swap(letters[at], letters[at + 1]);
  return EncodeUtf8(letters);
}

void AddError(std::string& errors, std::string_view error) {
  if (!errors.empty()) errors.push_back('|');
  errors += error;
}

// One-letter typo of a Latin name, as a list typed by hand has it.
std::string LatinTypo(const std::string& name, Random& random) {
  std::optional<std::string> typo;
  switch (random.Below(3)) {
    case 0: typo = TypoSubstitution(name, random); break;
    case 1: typo = TypoDeletion(name, random); break;
    default: typo = TypoTransposition(name, random); break;
  }
  return typo.value_or(name);
}

TransliterationStandard PickStandard(Random& random, NameLanguage language) {
  using S = TransliterationStandard;
  static constexpr S kRussian[] = {S::kBgnPcgnRussian, S::kBgnPcgnRussian, S::kIso9,
                                   S::kGost779B, S::kRussianPassport};
  static constexpr S kUkrainian[] = {S::kUkrainian2010, S::kUkrainian2010, S::kIso9,
                                     S::kGost779B, S::kRussianPassport};
  if (language == NameLanguage::kRussian) return kRussian[random.Below(std::size(kRussian))];
  return kUkrainian[random.Below(std::size(kUkrainian))];
}

LatinListRow CounterpartEntry(const CyrillicPerson& person, TransliterationStandard standard,
                              const CyrillicScenarioOptions& options, Random& random) {
  LatinListRow row;
  row.person_key = person.key;
  row.sex = person.female ? "F" : "M";
  row.standard = std::string(TransliterationStandardName(standard));
  const bool ukrainian = person.language == NameLanguage::kUkrainian;
  row.given_names = Transliterate(person.given, standard, ukrainian);
  if (random.Chance(options.patronymic_written)) {
    row.given_names += " " + Transliterate(person.patronymic, standard, ukrainian);
  } else {
    AddError(row.errors, "patronymic_left_out");
  }
  row.family_name = Transliterate(person.family, standard, ukrainian);
  if (random.Chance(options.typo)) {
    row.given_names = LatinTypo(row.given_names, random);
    AddError(row.errors, "typo_given");
  }
  if (random.Chance(options.typo)) {
    row.family_name = LatinTypo(row.family_name, random);
    AddError(row.errors, "typo_family");
  }
  if (random.Chance(options.upper_case)) {
    row.given_names = UpperCase(row.given_names);
    row.family_name = UpperCase(row.family_name);
    AddError(row.errors, "upper_case");
  }
  if (random.Chance(options.swapped_columns)) {
    std::swap(row.given_names, row.family_name);
    AddError(row.errors, "swapped_columns");
  }
  Date birth = person.birth;
  if (random.Chance(options.day_month_swapped) && SwapDayMonth(birth)) {
    AddError(row.errors, "day_month_swapped");
  }
  if (random.Chance(options.counterpart_missing_date)) {
    AddError(row.errors, "missing_date");
  } else {
    row.date_of_birth = birth.ToIso();
  }
  return row;
}

CyrillicRosterRow RosterEntry(const CyrillicPerson& person, const CyrillicScenarioOptions& options,
                              Random& random) {
  CyrillicRosterRow row;
  row.person_key = person.key;
  row.family_name = person.family;
  row.given_names = person.given + " " + person.patronymic;
  row.sex = person.female ? "F" : "M";
  if (random.Chance(options.roster_missing_date)) {
    AddError(row.errors, "missing_date");
  } else {
    row.date_of_birth = RosterDate(person.birth);
  }
  return row;
}

template <typename Row>
void Shuffle(std::vector<Row>& rows, Random& random) {
  for (std::size_t i = rows.size(); i > 1; --i) std::swap(rows[i - 1], rows[random.Below(i)]);
}

std::string CsvField(std::string_view value) {
  if (value.find_first_of(",\"\n") == std::string_view::npos) return std::string(value);
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  return quoted + "\"";
}

Status WriteLines(const std::filesystem::path& path, const std::vector<std::string>& lines) {
  std::ofstream out(path, std::ios::binary);
  for (const std::string& line : lines) out << line << '\n';
  out.close();
  if (!out) return Status::CannotWrite("cannot write " + path.string());
  return Status::Ok();
}

}  // namespace

CyrillicListPair GenerateCyrillicListPair(const CyrillicScenarioOptions& options) {
  const int64_t held = options.roster_people;
  const int64_t others = static_cast<int64_t>(static_cast<double>(held) * options.counterpart_only);
  std::vector<CyrillicPerson> people;
  people.reserve(static_cast<std::size_t>(held + others));
  for (int64_t i = 0; i < held + others; ++i) {
    Random random(StreamSeed(options.seed, kPeopleStream, static_cast<uint64_t>(i)));
    CyrillicPerson person = NewPerson(random, i, options.ukrainian);
    if (i > 0 && i < held && random.Chance(options.namesakes)) {
      const CyrillicPerson& other = people[random.Below(static_cast<uint64_t>(i))];
      person.language = other.language;
      person.female = other.female;
      person.given = other.given;
      person.patronymic = other.patronymic;
      person.family = other.family;
    }
    people.push_back(std::move(person));
  }

  CyrillicListPair lists;
  Random roster_random(StreamSeed(options.seed, kRosterStream, 0));
  for (int64_t i = 0; i < held; ++i) {
    const CyrillicPerson& person = people[static_cast<std::size_t>(i)];
    lists.roster.push_back(RosterEntry(person, options, roster_random));
    if (roster_random.Chance(options.roster_duplicates)) {
      CyrillicRosterRow again = RosterEntry(person, options, roster_random);
      again.family_name = CyrillicTransposition(again.family_name, roster_random);
      AddError(again.errors, "typo_family");
      lists.roster.push_back(std::move(again));
    }
  }
  Random counterpart_random(StreamSeed(options.seed, kCounterpartStream, 0));
  for (int64_t i = 0; i < held + others; ++i) {
    if (i < held && !counterpart_random.Chance(options.on_counterpart)) continue;
    const CyrillicPerson& person = people[static_cast<std::size_t>(i)];
    const TransliterationStandard standard = PickStandard(counterpart_random, person.language);
    lists.counterpart.push_back(CounterpartEntry(person, standard, options, counterpart_random));
    if (counterpart_random.Chance(options.counterpart_duplicates)) {
      TransliterationStandard second = PickStandard(counterpart_random, person.language);
      if (second == standard) second = TransliterationStandard::kIso9;
      if (second == standard) second = TransliterationStandard::kGost779B;
      lists.counterpart.push_back(CounterpartEntry(person, second, options, counterpart_random));
    }
  }
  Shuffle(lists.roster, roster_random);
  Shuffle(lists.counterpart, counterpart_random);
  for (std::size_t i = 0; i < lists.roster.size(); ++i) {
    char id[24];
    std::snprintf(id, sizeof id, "R%05zu", i + 1);
    lists.roster[i].record_id = id;
  }
  for (std::size_t i = 0; i < lists.counterpart.size(); ++i) {
    char id[24];
    std::snprintf(id, sizeof id, "L%05zu", i + 1);
    lists.counterpart[i].record_id = id;
  }
  return lists;
}

Status WriteCyrillicListPair(const CyrillicListPair& lists, const std::filesystem::path& folder) {
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) {
    return Status::CannotWrite("cannot create " + folder.string() + ": " + error.message());
  }
  std::vector<std::string> roster = {"record_id,family_name,given_names,date_of_birth,sex"};
  std::vector<std::string> counterpart = {"record_id,given_names,family_name,date_of_birth,sex"};
  std::vector<std::string> truth = {"list,record_id,person_key,standard,errors"};
  for (const CyrillicRosterRow& row : lists.roster) {
    roster.push_back(row.record_id + "," + CsvField(row.family_name) + "," +
                     CsvField(row.given_names) + "," + row.date_of_birth + "," + row.sex);
    truth.push_back("roster," + row.record_id + "," + row.person_key + ",," + row.errors);
  }
  for (const LatinListRow& row : lists.counterpart) {
    counterpart.push_back(row.record_id + "," + CsvField(row.given_names) + "," +
                          CsvField(row.family_name) + "," + row.date_of_birth + "," + row.sex);
    truth.push_back("counterpart," + row.record_id + "," + row.person_key + "," + row.standard +
                    "," + row.errors);
  }
  CANJE_RETURN_IF_ERROR(WriteLines(folder / "roster.csv", roster));
  CANJE_RETURN_IF_ERROR(WriteLines(folder / "counterpart.csv", counterpart));
  return WriteLines(folder / "truth.csv", truth);
}

}  // namespace canje::scenario
