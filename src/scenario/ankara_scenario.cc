#include "scenario/ankara_scenario.h"

#include <array>
#include <optional>
#include <string_view>

#include "scenario/error_model.h"
#include "scenario/identity_attributes.h"
#include "scenario/name_generator.h"
#include "scenario/quota.h"
#include "scenario/random.h"

namespace canje::scenario {
namespace {

enum Stream : uint64_t {
  kPersonStream = 1,
  kNationalityRankStream,
  kListOrderStream = 100,  // + list number
  kListErrorStream = 200,  // + list number
};

constexpr Date kReference{2024, 8, 1};

// Natural counts.
const std::vector<int64_t> kEastHolderWeights = {14, 2};          // RUS, BLR
const std::vector<int64_t> kWestHolderWeights = {3, 1, 1, 2, 1};  // USA, DEU, POL, SVN, NOR
constexpr std::array<std::string_view, 3> kEastHeldNationalities = {"RUS", "USA", "DEU"};
const std::vector<int64_t> kEastHeldNationalityWeights = {9, 4, 3};

// The states of the scenario: each one's name and its invented detention facility (Russia has
// several, kRussianFacilities).
struct AnkaraState {
  std::string_view code;
  std::string_view name;
  std::string_view facility;
};
constexpr std::array<AnkaraState, 7> kAnkaraStates = {{
    {"USA", "United States of America", "Federal Detention Center, Harbor City"},
    {"DEU", "Germany", "JVA Nordheide"},
    {"POL", "Poland", "Areszt Śledczy Lubnica"},
    {"SVN", "Slovenia", "Zavod za prestajanje kazni Lipnik"},
    {"NOR", "Norway", "Nordvik fengsel"},
    {"RUS", "Russian Federation", ""},
    {"BLR", "Belarus", "Correctional Colony No. 9, Zalessie"},
}};
constexpr std::array<std::string_view, 3> kRussianFacilities = {
    "Correctional Colony No. 12, Zarechensk", "Pre-trial Detention Centre No. 4, Moscow",
    "Correctional Colony No. 7, Verkhnegorsk"};

// The state of `code`, one of kAnkaraStates.
const AnkaraState& StateOf(std::string_view code) {
  for (const AnkaraState& state : kAnkaraStates) {
    if (state.code == code) return state;
  }
  return kAnkaraStates.back();
}

std::string_view FacilityOf(std::string_view holder, Random& random) {
  if (holder == "RUS") return random.Pick<std::string_view>(kRussianFacilities);
  return StateOf(holder).facility;
}

constexpr std::array<std::string_view, 6> kEastCharges = {
    "High treason", "Espionage", "Spreading false information about the armed forces",
    "Extremism",    "Smuggling", "Mercenarism"};
constexpr std::array<std::string_view, 6> kWestCharges = {"Espionage",
                                                          "Murder",
                                                          "Money laundering",
                                                          "Acting as an agent of a foreign power",
                                                          "Export control violations",
                                                          "Document forgery"};

bool HasSlavicName(const Record& record) {
  for (const std::string& nationality : record.nationalities) {
    if (nationality == "RUS" || nationality == "BLR") return true;
  }
  return false;
}

using E = ErrorOp;

const ErrorRates kEastRosterRates = ErrorRates::Of({{E::kCutSecondGivenName, 0.05},
                                                    {E::kTransliterationVariant, 0.30},
                                                    {E::kTypoSubstitution, 0.01},
                                                    {E::kTypoDeletion, 0.01},
                                                    {E::kTypoTransposition, 0.01},
                                                    {E::kSwapDayMonth, 0.01},
                                                    {E::kMissingDocument, 0.05}});
const ErrorRates kWestRosterRates = ErrorRates::Of({{E::kCutSecondGivenName, 0.50},
                                                    {E::kTransliterationVariant, 0.30},
                                                    {E::kTypoSubstitution, 0.01},
                                                    {E::kTypoDeletion, 0.01},
                                                    {E::kTypoTransposition, 0.01},
                                                    {E::kDropAccents, 0.10},
                                                    {E::kSwapDayMonth, 0.02},
                                                    {E::kMissingDocument, 0.10}});
const ErrorRates kWestClaimRates = ErrorRates::Of({{E::kCutSecondGivenName, 0.70},
                                                   {E::kTransliterationVariant, 0.40},
                                                   {E::kTypoSubstitution, 0.02},
                                                   {E::kTypoDeletion, 0.02},
                                                   {E::kTypoTransposition, 0.02},
                                                   {E::kDropAccents, 0.30},
                                                   {E::kUpperCaseNames, 0.10},
                                                   {E::kSwapDayMonth, 0.05},
                                                   {E::kMissingDateOfBirth, 0.30}});
const ErrorRates kEastClaimRates = ErrorRates::Of({{E::kCutSecondGivenName, 0.10},
                                                   {E::kTransliterationVariant, 0.20},
                                                   {E::kTypoSubstitution, 0.02},
                                                   {E::kTypoDeletion, 0.02},
                                                   {E::kTypoTransposition, 0.02},
                                                   {E::kMissingDateOfBirth, 0.20}});

// Transliteration variants only make sense for names transliterated from Cyrillic.
ErrorRates RatesForPerson(ErrorRates rates, const Record& record) {
  if (!HasSlavicName(record)) rates[ErrorOp::kTransliterationVariant] = 0;
  return rates;
}

using C = Column;

const std::vector<Column> kRosterColumns = {
    C::kRecordId,          C::kGivenNames,   C::kFamilyNames, C::kAliases,      C::kSex,
    C::kDateOfBirth,       C::kNationality,  C::kDocument,    C::kDocumentType, C::kHolder,
    C::kFacility,          C::kCustodySince, C::kLegalBasis,  C::kCharges,      C::kChargeStatus,
    C::kEvidenceDisclosed, C::kCategories,   C::kStatus,      C::kNotes};
// Both blocs' claim lists.
const std::vector<Column> kClaimColumns = {C::kRecordId,   C::kGivenNames,  C::kFamilyNames,
                                           C::kSex,        C::kDateOfBirth, C::kNationality,
                                           C::kCategories, C::kNotes};

std::string_view StateName(std::string_view code) { return StateOf(code).name; }

std::string LowerCode(std::string_view code) {
  std::string out(code);
  for (char& c : out) c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

Result<AnkaraLayout> AnkaraLayout::ForSize(int64_t size) {
  CANJE_ASSIGN_OR_RETURN(
      size, ResolveScenarioSize("ankara-2024", size, kAnkaraNaturalSize, kAnkaraMinimumSize,
                                "the number of people exchanged"));
  AnkaraLayout layout;
  layout.east_held = Scale(16, size, kAnkaraNaturalSize);
  layout.minors = Scale(2, size, kAnkaraNaturalSize);
  layout.west_adults = size - layout.east_held - layout.minors;
  layout.east_holder_counts = Apportion(layout.east_held, kEastHolderWeights);
  layout.west_holder_counts = Apportion(layout.west_adults, kWestHolderWeights);
  return layout;
}

AnkaraPopulation::AnkaraPopulation(const AnkaraLayout& layout, uint64_t seed)
    : layout_(layout),
      seed_(seed),
      nationality_rank_(layout.east_held, StreamSeed(seed, kNationalityRankStream, 0)),
      east_nationality_parts_(Apportion(layout.east_held, kEastHeldNationalityWeights)) {}

int64_t AnkaraPopulation::FirstHeldBy(std::string_view holder) const {
  int64_t first = 0;
  for (size_t i = 0; i < std::size(kAnkaraEastHolders); ++i) {
    if (kAnkaraEastHolders[i] == holder) return first;
    first += layout_.east_holder_counts[i];
  }
  for (size_t i = 0; i < std::size(kAnkaraWestHolders); ++i) {
    if (kAnkaraWestHolders[i] == holder) return first;
    first += layout_.west_holder_counts[i];
  }
  return first;
}

std::vector<std::pair<int64_t, int64_t>> AnkaraPopulation::HeldBy(std::string_view holder) const {
  int64_t count = 0;
  for (size_t i = 0; i < std::size(kAnkaraEastHolders); ++i) {
    if (kAnkaraEastHolders[i] == holder) count = layout_.east_holder_counts[i];
  }
  for (size_t i = 0; i < std::size(kAnkaraWestHolders); ++i) {
    if (kAnkaraWestHolders[i] == holder) count = layout_.west_holder_counts[i];
  }
  const int64_t first = FirstHeldBy(holder);
  std::vector<std::pair<int64_t, int64_t>> ranges = {{first, first + count}};
  if (holder == "SVN") {
    const int64_t minors_first = layout_.east_held + layout_.west_adults;
    ranges.emplace_back(minors_first, minors_first + layout_.minors);
  }
  return ranges;
}

std::string AnkaraPopulation::HolderOf(int64_t person) const {
  if (Minor(person)) return "SVN";
  int64_t first = 0;
  for (size_t i = 0; i < std::size(kAnkaraEastHolders); ++i) {
    first += layout_.east_holder_counts[i];
    if (person < first) return std::string(kAnkaraEastHolders[i]);
  }
  for (size_t i = 0; i < std::size(kAnkaraWestHolders); ++i) {
    first += layout_.west_holder_counts[i];
    if (person < first) return std::string(kAnkaraWestHolders[i]);
  }
  return "SVN";
}

int64_t AnkaraPopulation::SvnCouples() const { return layout_.west_holder_counts[3] / 2; }

int64_t AnkaraPopulation::SvnHusband(int64_t couple) const {
  return FirstHeldBy("SVN") + 2 * couple;
}

void AnkaraPopulation::FillEastHeld(int64_t person, Random& random, Record& record) const {
  const std::string nationality(
      kEastHeldNationalities[PartOfRank(nationality_rank_(person), east_nationality_parts_)]);
  // Some of the Germans are also Russian citizens, with Russian names.
  const bool dual = nationality == "DEU" && random.Chance(0.5);
  record.sex = random.Chance(0.2) ? 'F' : 'M';
  record.date_of_birth = DrawBirthDate(kReference, 25, 65, random);
  NameStyleFor(dual ? "RUS" : nationality).Draw(record.sex, random, record);
  record.nationalities = {nationality};
  if (dual) record.nationalities.insert(record.nationalities.begin(), "RUS");
  record.document = DrawPassportNumber(record.nationalities[0], random);
  record.document_type = "passport";
  record.holder = HolderOf(person);
  record.facility = FacilityOf(record.holder, random);
  record.custody_since = DrawDateBetween({2021, 1, 1}, {2024, 6, 30}, random);
  const bool convicted = random.Chance(0.8);
  record.charge_status = convicted ? "convicted" : "pending";
  record.legal_basis =
      convicted ? "Sentence of a court of general jurisdiction" : "Pre-trial detention order";
  record.charges = DrawCharges(kEastCharges, 0.35, random);
  record.evidence_disclosed = random.Chance(0.2);
  if (nationality == "RUS" || dual) {
    static const WeightedChoice kRole({40, 25, 20, 15});
    static constexpr std::string_view kRoles[] = {"opposition", "journalist",
                                                  "human_rights_defender", "other"};
    record.categories = {"political_prisoner", std::string(kRoles[kRole.Pick(random)])};
    if (dual) record.categories.push_back("foreign_national");
  } else {
    static const WeightedChoice kRole({25, 25, 50});
    static constexpr std::string_view kRoles[] = {"journalist", "military", "other"};
    record.categories = {"foreign_national", std::string(kRoles[kRole.Pick(random)])};
  }
  if (random.Chance(0.1)) {
    record.categories.push_back("sick_or_wounded");
    record.notes = "Chronic illness reported by family";
  }
  record.status = "held";
}

void AnkaraPopulation::FillWestAdult(int64_t person, Random& random, Record& record) const {
  record.holder = HolderOf(person);
  // SVN's adults are couples: the wife takes the husband's surname.
  const int64_t svn_offset = person - FirstHeldBy("SVN");
  const bool in_couple = record.holder == "SVN" && svn_offset / 2 < SvnCouples();
  record.sex = in_couple ? (svn_offset % 2 == 0 ? 'M' : 'F') : (random.Chance(0.15) ? 'F' : 'M');
  record.date_of_birth = DrawBirthDate(kReference, 30, 65, random);
  NameStyleFor("RUS").Draw(record.sex, random, record);
  std::optional<Record> husband;
  if (in_couple && record.sex == 'F') {
    husband = TruePerson(person - 1);
    record.family_names = {FeminineSurname(husband->family_names[0], SurnameGender::kRussian)};
  }
  // Most lived under a cover identity, which the holder's roster keeps as an alias.
  if (random.Chance(0.6)) {
    static constexpr std::string_view kCoverNationalities[] = {"ARG", "DEU", "SVN", "NOR", "ITA"};
    Record cover;
    NameStyleFor(random.Pick<std::string_view>(kCoverNationalities))
        .Draw(record.sex, random, cover);
    std::string alias;
    for (const auto& part : {cover.given_names, cover.family_names}) {
      for (const std::string& name : part) alias += (alias.empty() ? "" : " ") + name;
    }
    record.aliases = {alias};
  }
  record.nationalities = {"RUS"};
  record.document = DrawPassportNumber("RUS", random);
  record.document_type = "passport";
  record.facility = FacilityOf(record.holder, random);
  record.custody_since = DrawDateBetween({2019, 1, 1}, {2024, 3, 31}, random);
  if (husband) record.custody_since = husband->custody_since;  // arrested together
  const bool convicted = random.Chance(0.6);
  record.charge_status = convicted ? "convicted" : "pending";
  record.legal_basis = convicted ? "Criminal judgment" : "Pre-trial detention";
  record.charges = DrawCharges(kWestCharges, 0.35, random);
  record.evidence_disclosed = random.Chance(0.7);
  record.categories = {"other"};
  if (random.Chance(0.4)) record.categories = {"military"};
  record.status = "held";
}

void AnkaraPopulation::FillMinor(int64_t person, Random& random, Record& record) const {
  const int64_t index = person - (layout_.east_held + layout_.west_adults);
  record.sex = random.Chance(0.5) ? 'F' : 'M';
  record.date_of_birth = DrawBirthDate(kReference, 8, 13, random);
  NameStyleFor("RUS").Draw(record.sex, random, record);
  if (SvnCouples() > 0) {
    // The children of couple (index / 2): the father's surname and patronymic.
    const int64_t father = SvnHusband((index / 2) % SvnCouples());
    const Record parent = TruePerson(father);
    const std::string& surname = parent.family_names[0];
    record.given_names.resize(1);
    record.given_names.push_back(RussianPatronymic(parent.given_names[0], record.sex));
    record.family_names = {record.sex == 'F' ? FeminineSurname(surname, SurnameGender::kRussian)
                                             : surname};
    record.custody_since = parent.custody_since;
    record.notes = "Accompanies the parents held in the same facility";
  } else {
    record.custody_since = DrawDateBetween({2022, 12, 1}, {2022, 12, 31}, random);
  }
  record.nationalities = {"RUS"};
  record.holder = "SVN";
  record.facility = FacilityOf("SVN", random);
  record.legal_basis = "Placement with a detained parent";
  record.charge_status = "none";
  record.evidence_disclosed = false;
  record.categories = {"minor"};
  record.status = "held";
}

Record AnkaraPopulation::TruePerson(int64_t person) const {
  Random random(StreamSeed(seed_, kPersonStream, static_cast<uint64_t>(person)));
  Record record;
  if (EastHeld(person)) {
    FillEastHeld(person, random, record);
  } else if (Minor(person)) {
    FillMinor(person, random, record);
  } else {
    FillWestAdult(person, random, record);
  }
  return record;
}

Status WriteAnkara2024(uint64_t seed, int64_t size, const std::filesystem::path& out_dir,
                       ProgressCallback progress) {
  CANJE_ASSIGN_OR_RETURN(const AnkaraLayout layout, AnkaraLayout::ForSize(size));
  const AnkaraPopulation population(layout, seed);
  const int64_t total_work = 2 * layout.population();
  CANJE_ASSIGN_OR_RETURN(auto writer, ScenarioWriter::Create(out_dir, progress, total_work));

  for (std::string_view code : kAnkaraWestHolders) {
    writer->AddParty({std::string(code), std::string(StateName(code)), PartyKind::kState});
  }
  for (std::string_view code : kAnkaraEastHolders) {
    writer->AddParty({std::string(code), std::string(StateName(code)), PartyKind::kState});
  }
  writer->AddParty(
      {"PUENTE", "Oficina Puente de Mediación Humanitaria (fictional)", PartyKind::kIntermediary});

  uint64_t list_number = 0;
  auto write_people = [&](ListSpec spec, const ErrorRates& list_rates,
                          const std::vector<std::pair<int64_t, int64_t>>& ranges) -> Status {
    const int64_t count = RangesSize(ranges);
    const ErrorRates rates = RatesForColumns(list_rates, spec.columns);
    const uint64_t list = list_number++;
    return writer->WriteList(std::move(spec), count, count,
                             StreamSeed(seed, kListOrderStream + list, 0), [&](int64_t offset) {
                               const int64_t person = IndexAtOffset(ranges, offset);
                               Record record = population.TruePerson(person);
                               const ErrorRates person_rates = RatesForPerson(rates, record);
                               writer->WriteVariant(std::move(record), person, person_rates,
                                                    StreamSeed(seed, kListErrorStream + list,
                                                               static_cast<uint64_t>(person)));
                             });
  };

  // One custody roster per holding state, eastern bloc first.
  std::vector<std::string_view> holders(std::begin(kAnkaraEastHolders),
                                        std::end(kAnkaraEastHolders));
  holders.insert(holders.end(), std::begin(kAnkaraWestHolders), std::end(kAnkaraWestHolders));
  for (std::string_view holder : holders) {
    const bool east = holder == "RUS" || holder == "BLR";
    const std::string code(holder);
    ListSpec spec{LowerCode(holder) + "_custody_roster.csv",
                  ListKind::kCustodyRoster,
                  std::string(StateName(holder)) + ": custody roster for the exchange, July 2024",
                  code,
                  "People " + std::string(StateName(holder)) + " holds",
                  kRosterColumns,
                  code + "-"};
    CANJE_RETURN_IF_ERROR(
        write_people(spec, east ? kEastRosterRates : kWestRosterRates, population.HeldBy(holder)));
  }

  // The western bloc's claim: everyone the eastern bloc holds.
  {
    ListSpec spec{"west_claim_list.csv",
                  ListKind::kClaimList,
                  "United States, on behalf of DEU, POL, SVN and NOR: list of persons sought, "
                  "July 2024",
                  "USA",
                  "People the western bloc asks Russia and Belarus to release",
                  kClaimColumns,
                  "WEST-"};
    CANJE_RETURN_IF_ERROR(write_people(spec, kWestClaimRates, {{0, layout.east_held}}));
  }
  // The eastern bloc's claim: everyone the western bloc holds, children included.
  {
    ListSpec spec{"east_claim_list.csv",
                  ListKind::kClaimList,
                  "Russian Federation, on behalf of BLR: list of persons sought, July 2024",
                  "RUS",
                  "People Russia asks the western states to release",
                  kClaimColumns,
                  "EAST-"};
    CANJE_RETURN_IF_ERROR(
        write_people(spec, kEastClaimRates, {{layout.east_held, layout.population()}}));
  }

  return writer->Finish("ankara-2024", seed, layout.population());
}

}  // namespace canje::scenario
