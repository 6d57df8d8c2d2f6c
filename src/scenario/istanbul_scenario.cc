#include "scenario/istanbul_scenario.h"

#include <array>
#include <string_view>

#include "scenario/error_model.h"
#include "scenario/identity_attributes.h"
#include "scenario/quota.h"
#include "scenario/random.h"
#include "scenario/transliteration_standards.h"

namespace canje::scenario {
namespace {

enum IstanbulStream : uint64_t {
  kIstanbulNameStream = 1,
  kIstanbulAttributeStream,
  kIstanbulCivilianStream,
  kIstanbulSickStream,
  kIstanbulNamesakeStream,
  kIstanbulDocumentedStream,
  kIstanbulServiceNumberKnownStream,
  kIstanbulListOrderStream = 100,  // + list number
  kIstanbulListErrorStream = 200,  // + list number
};

// The first day of the exchange.
constexpr Date kIstanbulReference{2025, 5, 23};
constexpr Date kFullScaleWar{2022, 2, 24};

// A term in Russian and in Ukrainian: the roster writes it in its holder's language.
struct RussianUkrainian {
  std::string_view russian;
  std::string_view ukrainian;
};

// Ranks from private to major, with the share of each among prisoners of war.
constexpr std::array<RussianUkrainian, 10> kRanks = {{{"рядовой", "солдат"},
                                                      {"ефрейтор", "старший солдат"},
                                                      {"младший сержант", "молодший сержант"},
                                                      {"сержант", "сержант"},
                                                      {"старший сержант", "старший сержант"},
                                                      {"прапорщик", "прапорщик"},
                                                      {"лейтенант", "лейтенант"},
                                                      {"старший лейтенант", "старший лейтенант"},
                                                      {"капитан", "капітан"},
                                                      {"майор", "майор"}}};
const WeightedChoice kRankChoice({50, 10, 8, 10, 6, 4, 5, 4, 2, 1});

// Village names common in both countries, none of them a particular place.
constexpr std::array<RussianUkrainian, 10> kPlaces = {{{"Степное", "Степове"},
                                                       {"Луговое", "Лугове"},
                                                       {"Каменка", "Кам'янка"},
                                                       {"Новосёловка", "Новоселівка"},
                                                       {"Берёзовка", "Березівка"},
                                                       {"Ольховка", "Вільхівка"},
                                                       {"Сосновка", "Соснівка"},
                                                       {"Широкое", "Широке"},
                                                       {"Дубровка", "Дібрівка"},
                                                       {"Зелёный Гай", "Зелений Гай"}}};

// Series letters of military ids: letters whose Latin reading (ICAO) is one letter or two.
constexpr std::array<std::string_view, 14> kSeriesLetters = {"А", "Б", "В", "Д", "Е", "К", "Л",
                                                             "М", "Н", "О", "П", "Р", "С", "Т"};

std::string RandomDigits(Random& random, int count) {
  std::string digits;
  for (int i = 0; i < count; ++i) digits.push_back(static_cast<char>('0' + random.Below(10)));
  return digits;
}

// "АВ 1234567" for a Russian (seven digits), "АВ 123456" for a Ukrainian (six).
std::string DrawServiceNumber(bool russian, Random& random) {
  std::string number(random.Pick<std::string_view>(kSeriesLetters));
  number += random.Pick<std::string_view>(kSeriesLetters);
  return number + " " + RandomDigits(random, russian ? 7 : 6);
}

// Russian units "в/ч 12345", Ukrainian units "в/ч А1234".
std::string DrawUnit(bool russian, Random& random) {
  if (russian) return "в/ч " + std::to_string(random.Between(10000, 99999));
  return "в/ч А" + RandomDigits(random, 4);
}

std::string_view InLanguage(const RussianUkrainian& term, bool ukrainian) {
  return ukrainian ? term.ukrainian : term.russian;
}

std::string_view IstanbulStateName(std::string_view code) {
  return code == "RUS" ? "Russian Federation" : "Ukraine";
}

using E = ErrorOp;

// The rosters are typed from the holder's records: few mistakes, none in the Cyrillic names.
const ErrorRates kIstanbulRosterRates =
    ErrorRates::Of({{E::kSwapDayMonth, 0.01}, {E::kMissingDateOfBirth, 0.02}});
// The claim lists are compiled from families' and units' reports, in passport spelling.
const ErrorRates kIstanbulClaimRates = ErrorRates::Of({{E::kCutSecondGivenName, 0.60},
                                                       {E::kTransliterationVariant, 0.15},
                                                       {E::kTypoSubstitution, 0.02},
                                                       {E::kTypoDeletion, 0.02},
                                                       {E::kTypoTransposition, 0.02},
                                                       {E::kUpperCaseNames, 0.20},
                                                       {E::kSwapGivenFamily, 0.04},
                                                       {E::kSwapDayMonth, 0.02},
                                                       {E::kMissingDateOfBirth, 0.10}});
// The ICRC registers people it visits, from their documents and their own words.
const ErrorRates kIstanbulIcrcRates = ErrorRates::Of({{E::kCutSecondGivenName, 0.20},
                                                      {E::kTypoSubstitution, 0.01},
                                                      {E::kTypoDeletion, 0.01},
                                                      {E::kTypoTransposition, 0.01},
                                                      {E::kSwapDayMonth, 0.01},
                                                      {E::kMissingDateOfBirth, 0.05}});

// Share of the prisoners of war on a claim list whose service number the claiming side gives.
constexpr double kServiceNumberKnown = 0.85;

using C = Column;

const std::vector<Column> kIstanbulRosterColumns = {
    C::kRecordId,      C::kFamilyNames,    C::kGivenNames, C::kPatronymic, C::kSex,
    C::kDateOfBirth,   C::kIhlStatus,      C::kRank,       C::kUnit,       C::kServiceNumber,
    C::kDateOfCapture, C::kPlaceOfCapture, C::kCategories, C::kHolder,     C::kStatus,
    C::kNotes};
const std::vector<Column> kIstanbulClaimColumns = {
    C::kRecordId,    C::kGivenNames, C::kFamilyNames,   C::kSex,           C::kDateOfBirth,
    C::kNationality, C::kIhlStatus,  C::kServiceNumber, C::kDateOfCapture, C::kCategories};
const std::vector<Column> kIstanbulIcrcColumns = {
    C::kRecordId,    C::kGivenNames, C::kFamilyNames, C::kSex,           C::kDateOfBirth,
    C::kNationality, C::kIhlStatus,  C::kHolder,      C::kDateOfCapture, C::kCategories};

}  // namespace

Result<IstanbulLayout> IstanbulLayout::ForSize(int64_t size) {
  CANJE_ASSIGN_OR_RETURN(
      size, ResolveScenarioSize("istanbul-style", size, kIstanbulNaturalSize, kIstanbulMinimumSize,
                                "the number of people exchanged each way"));
  IstanbulLayout layout;
  layout.exchanged = size;
  layout.civilians = Scale(12, size, kIstanbulNaturalSize);
  layout.sick_or_wounded = Scale(6, size, kIstanbulNaturalSize);
  layout.namesakes = Scale(2, size, kIstanbulNaturalSize);
  layout.claimed_only = Scale(3, size, kIstanbulNaturalSize);
  layout.icrc_documented = Scale(36, size, kIstanbulNaturalSize);
  return layout;
}

IstanbulPopulation::IstanbulPopulation(const IstanbulLayout& layout, uint64_t seed)
    : layout_(layout), seed_(seed) {}

IstanbulGroup IstanbulPopulation::GroupOf(int64_t person) const {
  const int64_t e = layout_.exchanged;
  if (person < e) return IstanbulGroup::kRussianHeld;
  if (person < 2 * e) return IstanbulGroup::kUkrainianHeld;
  if (person < 2 * e + layout_.claimed_only) return IstanbulGroup::kRussianClaimedOnly;
  return IstanbulGroup::kUkrainianClaimedOnly;
}

bool IstanbulPopulation::Russian(int64_t person) const {
  const IstanbulGroup group = GroupOf(person);
  return group == IstanbulGroup::kRussianHeld || group == IstanbulGroup::kRussianClaimedOnly;
}

int64_t IstanbulPopulation::Offset(int64_t person) const {
  switch (GroupOf(person)) {
    case IstanbulGroup::kRussianHeld:
      return person;
    case IstanbulGroup::kUkrainianHeld:
      return person - layout_.exchanged;
    case IstanbulGroup::kRussianClaimedOnly:
      return person - 2 * layout_.exchanged;
    case IstanbulGroup::kUkrainianClaimedOnly:
      return person - 2 * layout_.exchanged - layout_.claimed_only;
  }
  return 0;
}

int64_t IstanbulPopulation::RankIn(uint64_t stream, int64_t person) const {
  const IstanbulGroup group = GroupOf(person);
  const bool held = group == IstanbulGroup::kRussianHeld || group == IstanbulGroup::kUkrainianHeld;
  const RandomPermutation order(
      static_cast<uint64_t>(held ? layout_.exchanged : layout_.claimed_only),
      StreamSeed(seed_, stream, static_cast<uint64_t>(group)));
  return static_cast<int64_t>(order(static_cast<uint64_t>(Offset(person))));
}

// Civilians are among the Ukrainians only: 20% of those held, and of those claimed only.
bool IstanbulPopulation::Civilian(int64_t person) const {
  const IstanbulGroup group = GroupOf(person);
  if (group == IstanbulGroup::kUkrainianHeld) {
    return RankIn(kIstanbulCivilianStream, person) < layout_.civilians;
  }
  if (group == IstanbulGroup::kUkrainianClaimedOnly) {
    return RankIn(kIstanbulCivilianStream, person) <
           Scale(layout_.claimed_only, layout_.civilians, layout_.exchanged);
  }
  return false;
}

bool IstanbulPopulation::SickOrWounded(int64_t person) const {
  return OnRoster(person) && RankIn(kIstanbulSickStream, person) < layout_.sick_or_wounded;
}

bool IstanbulPopulation::Namesake(int64_t person) const {
  return OnRoster(person) && RankIn(kIstanbulNamesakeStream, person) < layout_.namesakes;
}

bool IstanbulPopulation::DocumentedByIcrc(int64_t person) const {
  return OnRoster(person) && RankIn(kIstanbulDocumentedStream, person) < layout_.icrc_documented;
}

IstanbulPopulation::Name IstanbulPopulation::DrawName(int64_t person, bool civilian) const {
  Random random(StreamSeed(seed_, kIstanbulNameStream, static_cast<uint64_t>(person)));
  const NameLanguage language = Russian(person) ? NameLanguage::kRussian : NameLanguage::kUkrainian;
  Name name;
  name.sex = random.Chance(civilian ? 0.4 : 0.04) ? 'F' : 'M';
  const bool female = name.sex == 'F';
  name.given = std::string(random.Pick(CyrillicGivenNames(language, female)));
  const GenderedName& patronymic = random.Pick(CyrillicPatronymics(language));
  name.patronymic = std::string(female ? patronymic.female : patronymic.male);
  const std::string_view family = random.Pick(CyrillicFamilyNames(language));
  name.family = female ? FeminineFamilyName(family, language) : std::string(family);
  return name;
}

IstanbulPopulation::Name IstanbulPopulation::NameOf(int64_t person) const {
  if (!Namesake(person)) return DrawName(person, Civilian(person));
  // The next person of the same roster (cyclically); a chain of namesakes ends, since not
  // every person of a roster is one.
  const int64_t first = person - Offset(person);
  return NameOf(first + (Offset(person) + 1) % layout_.exchanged);
}

Record IstanbulPopulation::TruePerson(int64_t person) const {
  Random random(StreamSeed(seed_, kIstanbulAttributeStream, static_cast<uint64_t>(person)));
  const bool civilian = Civilian(person);
  const Name name = NameOf(person);
  const bool russian = Russian(person);
  // The roster that holds (or would hold) the person is in its holder's language: UKR writes
  // Ukrainian, RUS Russian.
  const bool holder_ukrainian = russian;

  Record record;
  record.family_names = {name.family};
  record.given_names = {name.given};
  record.patronymic = name.patronymic;
  record.sex = name.sex;
  record.nationalities = {russian ? "RUS" : "UKR"};
  record.holder = russian ? "UKR" : "RUS";
  // Everyone on a roster is held today: only a held person can be transferred.
  record.status = holder_ukrainian ? "утримується" : "в плену";
  record.date_of_birth = DrawBirthDate(kIstanbulReference, 21, civilian ? 72 : 55, random);
  record.date_of_capture = DrawDateBetween(kFullScaleWar, {2025, 4, 30}, random);
  record.place_of_capture =
      "с. " + std::string(InLanguage(random.Pick<RussianUkrainian>(kPlaces), holder_ukrainian));
  if (civilian) {
    record.ihl_status = random.Chance(2.0 / 3.0) ? "detained_civilian" : "civilian_internee";
  } else {
    record.ihl_status = "prisoner_of_war";
    record.rank = std::string(InLanguage(kRanks[kRankChoice.Pick(random)], holder_ukrainian));
    record.unit = DrawUnit(russian, random);
    record.service_number = DrawServiceNumber(russian, random);
    record.categories = {"military"};
  }
  if (SickOrWounded(person)) {
    record.categories.push_back("sick_or_wounded");
    static constexpr RussianUkrainian kConditions[] = {
        {"тяжёлое ранение", "тяжке поранення"}, {"тяжёлое заболевание", "тяжке захворювання"}};
    record.notes =
        std::string(InLanguage(random.Pick<RussianUkrainian>(kConditions), holder_ukrainian));
  }
  return record;
}

Record IstanbulPopulation::LatinPerson(int64_t person) const {
  Record cyrillic = TruePerson(person);
  const bool ukrainian = !Russian(person);
  const TransliterationStandard standard = ukrainian ? TransliterationStandard::kUkrainian2010
                                                     : TransliterationStandard::kRussianPassport;
  Record latin = cyrillic;
  latin.given_names = {Transliterate(cyrillic.given_names[0], standard, ukrainian),
                       Transliterate(cyrillic.patronymic, standard, ukrainian)};
  latin.family_names = {Transliterate(cyrillic.family_names[0], standard, ukrainian)};
  latin.patronymic.clear();
  // Series letters are read as the ICAO table reads them, whatever the person's language.
  latin.service_number =
      Transliterate(cyrillic.service_number, TransliterationStandard::kRussianPassport, false);
  latin.rank.clear();
  latin.unit.clear();
  latin.place_of_capture.clear();
  latin.notes.clear();
  return latin;
}

Status WriteIstanbulStyle(uint64_t seed, int64_t size, const std::filesystem::path& out_dir,
                          ProgressCallback progress) {
  CANJE_ASSIGN_OR_RETURN(const IstanbulLayout layout, IstanbulLayout::ForSize(size));
  const IstanbulPopulation population(layout, seed);
  const int64_t e = layout.exchanged, c = layout.claimed_only;
  const int64_t total_work = 2 * e + 2 * (e + c) + 2 * e;
  CANJE_ASSIGN_OR_RETURN(auto writer, ScenarioWriter::Create(out_dir, progress, total_work));

  writer->AddParty({"UKR", "Ukraine", PartyKind::kState});
  writer->AddParty({"RUS", "Russian Federation", PartyKind::kState});
  writer->AddParty(
      {"TUR", "Republic of Türkiye (mediator and guarantor)", PartyKind::kIntermediary});
  writer->AddParty(
      {"ICRC", "International Committee of the Red Cross (observer)", PartyKind::kOrganisation});

  uint64_t list_number = 0;
  // Writes one record per person of `ranges` that `include` accepts; `latin` chooses the
  // person's Latin or Cyrillic writing.
  auto write_people = [&](ListSpec spec, const ErrorRates& list_rates,
                          const std::vector<std::pair<int64_t, int64_t>>& ranges, bool latin,
                          const std::function<bool(int64_t)>& include) -> Status {
    const int64_t count = RangesSize(ranges);
    const ErrorRates rates = RatesForColumns(list_rates, spec.columns);
    const uint64_t list = list_number++;
    const bool claim = spec.kind == ListKind::kClaimList;
    return writer->WriteList(
        std::move(spec), count, count, StreamSeed(seed, kIstanbulListOrderStream + list, 0),
        [&](int64_t offset) {
          const int64_t person = IndexAtOffset(ranges, offset);
          if (!include(person)) return;
          Record record = latin ? population.LatinPerson(person) : population.TruePerson(person);
          if (claim) {
            Random known(StreamSeed(seed, kIstanbulServiceNumberKnownStream + list,
                                    static_cast<uint64_t>(person)));
            if (!known.Chance(kServiceNumberKnown)) record.service_number.clear();
          }
          writer->WriteVariant(
              std::move(record), person, rates,
              StreamSeed(seed, kIstanbulListErrorStream + list, static_cast<uint64_t>(person)));
        });
  };
  const auto everyone = [](int64_t) { return true; };

  // The custody rosters, in Cyrillic, dates day first.
  for (const bool ukr : {true, false}) {
    const std::string holder = ukr ? "UKR" : "RUS";
    ListSpec spec{ukr ? "ukr_custody_roster.csv" : "rus_custody_roster.csv",
                  ListKind::kCustodyRoster,
                  std::string(IstanbulStateName(holder)) +
                      ": roster of persons held for the exchange, May 2025",
                  holder,
                  ukr ? "The Russian prisoners of war Ukraine holds"
                      : "The Ukrainian prisoners of war and civilians Russia holds",
                  kIstanbulRosterColumns,
                  holder + "-"};
    spec.style = {.day_first_dates = true, .male = ukr ? "Ч" : "М", .female = "Ж"};
    spec.script = "cyrillic";
    CANJE_RETURN_IF_ERROR(write_people(spec, kIstanbulRosterRates, {{ukr ? 0 : e, ukr ? e : 2 * e}},
                                       false, everyone));
  }

  // Each side's claim: its own people held by the other side, and some the other side does
  // not list.
  for (const bool ukr : {true, false}) {
    const std::string party = ukr ? "UKR" : "RUS";
    const std::string other = ukr ? "RUS" : "UKR";
    ListSpec spec{ukr ? "ukr_claim_list.csv" : "rus_claim_list.csv",
                  ListKind::kClaimList,
                  std::string(IstanbulStateName(party)) +
                      ": list of its nationals sought in the exchange, May 2025",
                  party,
                  "The " + std::string(ukr ? "Ukrainians" : "Russians") + " " + party + " asks " +
                      other + " to release",
                  kIstanbulClaimColumns,
                  party + "-CLAIM-",
                  other};
    const int64_t held_first = ukr ? e : 0;
    const int64_t only_first = ukr ? 2 * e + c : 2 * e;
    CANJE_RETURN_IF_ERROR(write_people(spec, kIstanbulClaimRates,
                                       {{held_first, held_first + e}, {only_first, only_first + c}},
                                       true, everyone));
  }

  // The ICRC's documentation of the people it visited on both sides.
  {
    ListSpec spec{"icrc_documentation.csv",
                  ListKind::kDocumentationList,
                  "ICRC Central Tracing Agency: persons registered during visits, May 2025",
                  "ICRC",
                  "A sample of the prisoners of war and civilians both sides hold",
                  kIstanbulIcrcColumns,
                  "ICRC-PW-"};
    CANJE_RETURN_IF_ERROR(
        write_people(spec, kIstanbulIcrcRates, {{0, 2 * e}}, true,
                     [&](int64_t person) { return population.DocumentedByIcrc(person); }));
  }

  return writer->Finish("istanbul-style", seed, e);
}

}  // namespace canje::scenario
