#include "scenario/cecot_scenario.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "scenario/error_model.h"
#include "scenario/identity_attributes.h"
#include "scenario/name_generator.h"
#include "scenario/name_tables.h"
#include "scenario/quota.h"
#include "scenario/random.h"

namespace canje::scenario {
namespace {

// Independent random streams (StreamSeed's `stream` argument).
enum Stream : uint64_t {
  kPersonStream = 1,
  kCategoryRankStream,
  kSickRankStream,
  kDocumentedRankStream,
  kClaimRankStream,
  kDisappearedRankStream,
  kNationalityRankStream,
  kManifestRankStream,
  kChargeRankStream,
  kListOrderStream = 100,  // + list number
  kListErrorStream = 200,  // + list number
};

constexpr Date kCecotReference{2025, 4, 15};  // the offer; ages are counted on this day

// --- Political prisoners' categories (shares of VEN's roster) ---

constexpr std::array<std::string_view, 7> kPrimaryCategories = {
    "opposition", "military",     "journalist", "human_rights_defender",
    "lawyer",     "intellectual", "other"};
const std::vector<int64_t> kPrimaryCategoryWeights = {33, 20, 10, 8, 6, 5, 18};
constexpr size_t kMilitary = 1;

// --- Foreign nationals (natural counts, 50 in all) ---

constexpr std::array<std::string_view, 10> kForeignNationalities = {
    "COL", "USA", "ESP", "ITA", "DEU", "FRA", "ARG", "PER", "CHL", "URY"};
const std::vector<int64_t> kForeignNationalityWeights = {13, 10, 6, 4, 3, 3, 3, 3, 3, 2};

// --- Deportees' charges: none, pending, convicted ---

const std::vector<int64_t> kDeporteeChargeWeights = {75, 20, 5};

// --- Facilities (invented names) ---

constexpr std::string_view kCecot = "CECOT, Tecoluca";
constexpr std::string_view kWomenFacility = "Anexo Femenino La Ceiba (Los Teques)";
constexpr std::string_view kMilitaryFacility =
    "Centro de Procesados Militares El Tamarindo (Miranda)";
constexpr std::string_view kMinorsFacility =
    "Entidad de Atención para Adolescentes Los Caobos (Caracas)";
constexpr std::string_view kIntelligenceFacility = "Sede de Inteligencia La Colina (Caracas)";
constexpr std::array<std::string_view, 5> kGeneralFacilities = {
    "Centro de Reclusión Los Samanes (Caracas)", "Internado Judicial Cerro Morado (Carabobo)",
    "Centro Penitenciario Piedra Alta (Aragua)", kIntelligenceFacility,
    "Centro de Detención Preventiva El Mirador del Lago (Zulia)"};
const std::vector<uint64_t> kGeneralFacilityWeights = {30, 25, 20, 15, 10};

// --- Charges ---

constexpr std::array<std::string_view, 5> kOppositionCharges = {
    "Terrorismo", "Conspiración", "Asociación para delinquir", "Traición a la patria",
    "Instigación al odio"};
constexpr std::array<std::string_view, 4> kMilitaryCharges = {
    "Traición a la patria", "Rebelión militar", "Instigación a la rebelión",
    "Sustracción de efectos militares"};
constexpr std::array<std::string_view, 3> kJournalistCharges = {"Instigación al odio", "Terrorismo",
                                                                "Difusión de información falsa"};
constexpr std::array<std::string_view, 3> kDefenderCharges = {
    "Asociación para delinquir", "Legitimación de capitales", "Terrorismo"};
constexpr std::array<std::string_view, 3> kLawyerCharges = {
    "Asociación para delinquir", "Obstrucción de la justicia", "Conspiración"};
constexpr std::array<std::string_view, 2> kIntellectualCharges = {"Instigación al odio",
                                                                  "Conspiración"};
constexpr std::array<std::string_view, 4> kOtherCharges = {"Terrorismo", "Instigación al odio",
                                                           "Resistencia a la autoridad",
                                                           "Obstaculización de vías públicas"};
constexpr std::array<std::string_view, 5> kForeignerCharges = {
    "Terrorismo", "Espionaje", "Conspiración", "Ingreso ilegal al territorio",
    "Asociación para delinquir"};
constexpr std::array<std::string_view, 4> kDeporteeConvictions = {
    "Robo agravado", "Tráfico de drogas", "Homicidio", "Secuestro"};
constexpr std::string_view kDeporteePendingCharge =
    "Agrupaciones ilícitas (presunta pertenencia a pandilla)";

std::span<const std::string_view> ChargesFor(size_t primary) {
  switch (primary) {
    case 0:
      return kOppositionCharges;
    case 1:
      return kMilitaryCharges;
    case 2:
      return kJournalistCharges;
    case 3:
      return kDefenderCharges;
    case 4:
      return kLawyerCharges;
    case 5:
      return kIntellectualCharges;
    default:
      return kOtherCharges;
  }
}

// Pending 70%, convicted 18%, none 12%: political prisoners are mostly held awaiting trial.
void DrawPoliticalChargeStatus(std::span<const std::string_view> pool, Random& random,
                               Record& record) {
  static const WeightedChoice kStatus({70, 18, 12});
  switch (kStatus.Pick(random)) {
    case 0:
      record.charge_status = "pending";
      break;
    case 1:
      record.charge_status = "convicted";
      break;
    default:
      record.charge_status = "none";
      break;
  }
  if (record.charge_status != "none") record.charges = DrawCharges(pool, 0.4, random);
  record.evidence_disclosed = !record.charges.empty() && random.Chance(0.15);
}

Date DrawPoliticalCustodySince(bool military, Random& random) {
  if (military) return DrawDateBetween({2018, 1, 1}, {2024, 12, 31}, random);
  static const WeightedChoice kWave({50, 20, 30});
  switch (kWave.Pick(random)) {
    case 0:
      return DrawDateBetween({2024, 7, 29}, {2024, 12, 31}, random);  // after the election
    case 1:
      return DrawDateBetween({2025, 1, 1}, {2025, 3, 31}, random);
    default:
      return DrawDateBetween({2014, 2, 1}, {2024, 7, 28}, random);
  }
}

std::string VenezuelanCedula(const Date& birth, Random& random) {
  return FormatCedula('V', DrawCedulaNumber(birth.year, random));
}

void RemoveCategory(Record& record, std::string_view category) {
  std::erase(record.categories, std::string(category));
}

// --- Error rates of each list (docs/scenarios.md, "Error model") ---

using E = ErrorOp;

const ErrorRates kSlvRosterRates = ErrorRates::Of({{E::kCutSecondSurname, 0.04},
                                                   {E::kCutSecondGivenName, 0.06},
                                                   {E::kInitialSecondGivenName, 0.02},
                                                   {E::kPhoneticSpelling, 0.03},
                                                   {E::kTypoSubstitution, 0.01},
                                                   {E::kTypoDeletion, 0.01},
                                                   {E::kTypoTransposition, 0.01},
                                                   {E::kDropAccents, 0.15},
                                                   {E::kSwapDayMonth, 0.01},
                                                   {E::kMissingDateOfBirth, 0.03},
                                                   {E::kMissingDocument, 0.40}});
const ErrorRates kVenRosterRates = ErrorRates::Of({{E::kCutSecondSurname, 0.02},
                                                   {E::kCutSecondGivenName, 0.04},
                                                   {E::kInitialSecondGivenName, 0.02},
                                                   {E::kPhoneticSpelling, 0.02},
                                                   {E::kTypoSubstitution, 0.01},
                                                   {E::kTypoDeletion, 0.01},
                                                   {E::kTypoTransposition, 0.01},
                                                   {E::kDropAccents, 0.05},
                                                   {E::kUpperCaseNames, 0.05},
                                                   {E::kSwapDayMonth, 0.01},
                                                   {E::kMissingDateOfBirth, 0.02},
                                                   {E::kMissingDocument, 0.05}});
const ErrorRates kManifestRates = ErrorRates::Of({{E::kCutSecondSurname, 0.30},
                                                  {E::kCutSecondGivenName, 0.25},
                                                  {E::kInitialSecondGivenName, 0.15},
                                                  {E::kPhoneticSpelling, 0.12},
                                                  {E::kTypoSubstitution, 0.03},
                                                  {E::kTypoDeletion, 0.03},
                                                  {E::kTypoTransposition, 0.03},
                                                  {E::kDropAccents, 0.90},
                                                  {E::kSwapGivenFamily, 0.04},
                                                  {E::kSwapDayMonth, 0.08},
                                                  {E::kMissingDateOfBirth, 0.05}});
const ErrorRates kDocumentationRates = ErrorRates::Of({{E::kCutSecondSurname, 0.15},
                                                       {E::kCutSecondGivenName, 0.25},
                                                       {E::kInitialSecondGivenName, 0.05},
                                                       {E::kPhoneticSpelling, 0.08},
                                                       {E::kTypoSubstitution, 0.02},
                                                       {E::kTypoDeletion, 0.02},
                                                       {E::kTypoTransposition, 0.02},
                                                       {E::kDropAccents, 0.25},
                                                       {E::kUpperCaseNames, 0.10},
                                                       {E::kSwapGivenFamily, 0.02},
                                                       {E::kSwapDayMonth, 0.03},
                                                       {E::kMissingDateOfBirth, 0.35},
                                                       {E::kMissingDocument, 0.40}});
const ErrorRates kSlvClaimRates = ErrorRates::Of({{E::kCutSecondSurname, 0.20},
                                                  {E::kCutSecondGivenName, 0.30},
                                                  {E::kInitialSecondGivenName, 0.08},
                                                  {E::kPhoneticSpelling, 0.08},
                                                  {E::kTypoSubstitution, 0.02},
                                                  {E::kTypoDeletion, 0.02},
                                                  {E::kTypoTransposition, 0.02},
                                                  {E::kDropAccents, 0.40},
                                                  {E::kUpperCaseNames, 0.10},
                                                  {E::kSwapGivenFamily, 0.03},
                                                  {E::kMissingDocument, 0.50}});
const ErrorRates kVenClaimRates = ErrorRates::Of({{E::kCutSecondSurname, 0.05},
                                                  {E::kCutSecondGivenName, 0.10},
                                                  {E::kInitialSecondGivenName, 0.03},
                                                  {E::kPhoneticSpelling, 0.05},
                                                  {E::kTypoSubstitution, 0.02},
                                                  {E::kTypoDeletion, 0.02},
                                                  {E::kTypoTransposition, 0.02},
                                                  {E::kDropAccents, 0.10},
                                                  {E::kUpperCaseNames, 0.20},
                                                  {E::kSwapDayMonth, 0.02},
                                                  {E::kMissingDateOfBirth, 0.10},
                                                  {E::kMissingDocument, 0.10}});

// --- Lists ---

using C = Column;

const std::vector<Column> kCecotRosterColumns = {
    C::kRecordId,     C::kGivenNames, C::kFamilyNames,  C::kSex,          C::kDateOfBirth,
    C::kNationality,  C::kDocument,   C::kDocumentType, C::kHolder,       C::kFacility,
    C::kCustodySince, C::kLegalBasis, C::kCharges,      C::kChargeStatus, C::kEvidenceDisclosed,
    C::kCategories,   C::kStatus};

std::vector<Column> SlvRosterColumns() {
  std::vector<Column> columns = kCecotRosterColumns;
  columns.insert(columns.begin() + 3, C::kAliases);
  return columns;
}

}  // namespace

Result<CecotLayout> CecotLayout::ForSize(int64_t size) {
  CANJE_ASSIGN_OR_RETURN(
      size, ResolveScenarioSize("cecot-2025", size, kCecotNaturalSize, kCecotMinimumSize,
                                "the size of Venezuela's roster"));
  const int64_t n = kCecotNaturalSize;
  CecotLayout layout;
  layout.deportees = Scale(252, size, n);
  layout.manifest = std::min(layout.deportees, Scale(238, size, n));
  layout.foreigners = Scale(50, size, n);
  layout.political = size - layout.foreigners;
  layout.documented_political = Scale(layout.political, 97, 100);
  layout.disappeared = Scale(40, size, n);
  layout.released = Scale(15, size, n);
  layout.dead = Scale(5, size, n);
  layout.duplicates = Scale(9, size, n);
  layout.released_on_roster = Scale(8, size, n);
  layout.claimed_disappeared = std::min(layout.disappeared, Scale(10, size, n));
  layout.minors = Scale(layout.political, 2, 100);
  layout.sick = Scale(layout.political, 7, 100);
  return layout;
}

CecotPopulation::CecotPopulation(const CecotLayout& layout, uint64_t seed)
    : layout_(layout),
      seed_(seed),
      category_rank_(layout.political, StreamSeed(seed, kCategoryRankStream, 0)),
      sick_rank_(layout.political, StreamSeed(seed, kSickRankStream, 0)),
      documented_rank_(layout.political, StreamSeed(seed, kDocumentedRankStream, 0)),
      claim_rank_(layout.documented_political, StreamSeed(seed, kClaimRankStream, 0)),
      disappeared_rank_(layout.disappeared, StreamSeed(seed, kDisappearedRankStream, 0)),
      nationality_rank_(layout.foreigners, StreamSeed(seed, kNationalityRankStream, 0)),
      manifest_rank_(layout.deportees, StreamSeed(seed, kManifestRankStream, 0)),
      charge_rank_(layout.deportees, StreamSeed(seed, kChargeRankStream, 0)),
      category_parts_(Apportion(layout.political, kPrimaryCategoryWeights)),
      nationality_parts_(Apportion(layout.foreigners, kForeignNationalityWeights)),
      deportee_charge_parts_(Apportion(layout.deportees, kDeporteeChargeWeights)) {}

CecotGroup CecotPopulation::GroupOf(int64_t person) const {
  if (person < first_political()) return CecotGroup::kDeportee;
  if (person < first_foreigner()) return CecotGroup::kPolitical;
  if (person < first_disappeared()) return CecotGroup::kForeigner;
  if (person < first_released()) return CecotGroup::kDisappeared;
  if (person < first_dead()) return CecotGroup::kReleased;
  return CecotGroup::kDead;
}

bool CecotPopulation::OnManifest(int64_t person) const {
  return GroupOf(person) == CecotGroup::kDeportee &&
         static_cast<int64_t>(manifest_rank_(person)) < layout_.manifest;
}

bool CecotPopulation::Documented(int64_t person) const {
  switch (GroupOf(person)) {
    case CecotGroup::kPolitical:
      return static_cast<int64_t>(documented_rank_(person - first_political())) <
             layout_.documented_political;
    case CecotGroup::kDisappeared:
    case CecotGroup::kReleased:
    case CecotGroup::kDead:
      return true;
    default:
      return false;
  }
}

// Among documented political prisoners (documented rank below documented_political), the
// first `duplicates` ranks are listed twice and the next `released_on_roster` ranks are
// reported released.
bool CecotPopulation::DocumentedTwice(int64_t person) const {
  return GroupOf(person) == CecotGroup::kPolitical &&
         static_cast<int64_t>(documented_rank_(person - first_political())) < layout_.duplicates;
}

bool CecotPopulation::ReportedReleased(int64_t person) const {
  if (GroupOf(person) != CecotGroup::kPolitical) return false;
  const auto rank = static_cast<int64_t>(documented_rank_(person - first_political()));
  return rank >= layout_.duplicates && rank < layout_.duplicates + layout_.released_on_roster;
}

bool CecotPopulation::Claimed(int64_t person) const {
  switch (GroupOf(person)) {
    case CecotGroup::kPolitical: {
      if (!Documented(person)) return false;
      const uint64_t documented = documented_rank_(person - first_political());
      return static_cast<int64_t>(claim_rank_(documented)) < layout_.claimed_political();
    }
    case CecotGroup::kDisappeared:
      return static_cast<int64_t>(disappeared_rank_(person - first_disappeared())) <
             layout_.claimed_disappeared;
    case CecotGroup::kForeigner:
      return true;
    default:
      return false;
  }
}

void CecotPopulation::FillDeportee(int64_t person, Random& random, Record& record) const {
  record.sex = 'M';
  record.date_of_birth = random.Chance(0.88) ? DrawBirthDate(kCecotReference, 20, 40, random)
                                             : DrawBirthDate(kCecotReference, 18, 55, random);
  NameStyleFor("VEN").Draw(record.sex, random, record);
  if (random.Chance(0.12)) record.aliases = {std::string(random.Pick(SpanishNicknames()))};
  record.nationalities = {"VEN"};
  record.document = VenezuelanCedula(*record.date_of_birth, random);
  record.document_type = "cedula";
  record.holder = "SLV";
  record.facility = kCecot;
  static const WeightedChoice kFlight({80, 12, 8});
  static constexpr Date kFlights[] = {{2025, 3, 16}, {2025, 3, 31}, {2025, 4, 13}};
  record.custody_since = kFlights[kFlight.Pick(random)];
  record.legal_basis = "Acuerdo de custodia con los Estados Unidos (personas expulsadas)";
  switch (PartOfRank(charge_rank_(person), deportee_charge_parts_)) {
    case 0:
      record.charge_status = "none";
      record.evidence_disclosed = false;
      break;
    case 1:
      record.charge_status = "pending";
      record.charges = {std::string(kDeporteePendingCharge)};
      record.evidence_disclosed = random.Chance(0.2);
      break;
    default:
      record.charge_status = "convicted";
      record.charges = {std::string(random.Pick<std::string_view>(kDeporteeConvictions))};
      record.evidence_disclosed = true;
      break;
  }
  record.categories = {"deportee"};
  if (random.Chance(0.03)) record.categories.push_back("sick_or_wounded");
  record.status = "held";
}

void CecotPopulation::FillPolitical(int64_t person, Random& random, Record& record) const {
  const CecotGroup group = GroupOf(person);
  size_t primary;
  bool minor = false;
  bool sick;
  if (group == CecotGroup::kPolitical) {
    const int64_t index = person - first_political();
    const auto rank = static_cast<int64_t>(category_rank_(index));
    primary = PartOfRank(rank, category_parts_);
    minor = rank >= layout_.political - layout_.minors;  // the top ranks, all in "other"
    sick = static_cast<int64_t>(sick_rank_(index)) < layout_.sick;
  } else {
    static const WeightedChoice kPrimary(
        std::vector<uint64_t>(kPrimaryCategoryWeights.begin(), kPrimaryCategoryWeights.end()));
    primary = kPrimary.Pick(random);
    sick = random.Chance(0.07);
  }
  const bool military = primary == kMilitary;
  record.sex = !military && random.Chance(0.2) ? 'F' : 'M';
  if (minor) {
    record.date_of_birth = DrawBirthDate(kCecotReference, 14, 17, random);
  } else {
    record.date_of_birth = random.Chance(0.7) ? DrawBirthDate(kCecotReference, 25, 55, random)
                                              : DrawBirthDate(kCecotReference, 18, 70, random);
  }
  NameStyleFor("VEN").Draw(record.sex, random, record);
  record.nationalities = {"VEN"};
  record.document = VenezuelanCedula(*record.date_of_birth, random);
  record.document_type = "cedula";
  record.holder = "VEN";
  static const WeightedChoice kGeneral(kGeneralFacilityWeights);
  record.facility = minor               ? kMinorsFacility
                    : military          ? kMilitaryFacility
                    : record.sex == 'F' ? kWomenFacility
                                        : kGeneralFacilities[kGeneral.Pick(random)];
  record.custody_since = minor ? DrawDateBetween({2024, 7, 29}, {2025, 3, 31}, random)
                               : DrawPoliticalCustodySince(military, random);
  record.legal_basis = military             ? "Jurisdicción penal militar"
                       : random.Chance(0.6) ? "Orden de aprehensión (tribunal con competencia "
                                              "en terrorismo)"
                                            : "Aprehensión en flagrancia";
  DrawPoliticalChargeStatus(ChargesFor(primary), random, record);
  record.categories = {"political_prisoner", std::string(kPrimaryCategories[primary])};
  if (minor) record.categories.push_back("minor");
  if (sick) {
    record.categories.push_back("sick_or_wounded");
    record.notes = "Requiere atención médica";
  }
  record.status = "held";
  switch (group) {
    case CecotGroup::kDisappeared:
      record.facility.clear();
      record.notes = "Detención no reconocida; paradero desconocido";
      break;
    case CecotGroup::kReleased:
      record.status = "released";
      record.notes = "Excarcelado con medidas cautelares (régimen de presentación)";
      break;
    case CecotGroup::kDead:
      record.status = "dead";
      record.notes = "Falleció bajo custodia";
      break;
    default:
      break;
  }
}

void CecotPopulation::FillForeigner(int64_t person, Random& random, Record& record) const {
  const int64_t index = person - first_foreigner();
  const std::string nationality(
      kForeignNationalities[PartOfRank(nationality_rank_(index), nationality_parts_)]);
  const double dual_rate = nationality == "ESP" || nationality == "ITA" ? 0.4
                           : nationality == "USA"                       ? 0.25
                           : nationality == "COL"                       ? 0.15
                                                                        : 0.0;
  const bool dual = random.Chance(dual_rate);
  record.sex = random.Chance(0.15) ? 'F' : 'M';
  record.date_of_birth = DrawBirthDate(kCecotReference, 22, 68, random);
  NameStyleFor(dual && random.Chance(0.5) ? "VEN" : nationality).Draw(record.sex, random, record);
  record.nationalities = {nationality};
  if (dual) record.nationalities.push_back("VEN");
  if (dual) {
    record.document = VenezuelanCedula(*record.date_of_birth, random);
    record.document_type = "cedula";
  } else if (nationality == "COL" && random.Chance(0.5)) {
    record.document = FormatCedula('E', random.Between(80'000'000, 84'999'999));
    record.document_type = "cedula";
  } else {
    record.document = DrawPassportNumber(nationality, random);
    record.document_type = "passport";
  }
  record.holder = "VEN";
  record.facility = random.Chance(0.6) ? kIntelligenceFacility : kGeneralFacilities[0];
  record.custody_since = DrawDateBetween({2024, 8, 1}, {2025, 3, 31}, random);
  record.legal_basis = "Orden de aprehensión (tribunal con competencia en terrorismo)";
  if (random.Chance(0.85)) {
    record.charge_status = "pending";
    record.charges = DrawCharges(kForeignerCharges, 0.4, random);
  } else {
    record.charge_status = "none";
  }
  record.evidence_disclosed = false;
  record.categories = {"foreign_national"};
  if (random.Chance(0.6)) record.categories.insert(record.categories.begin(), "political_prisoner");
  static const WeightedChoice kSecondary({76, 8, 8, 6, 2});
  static constexpr std::string_view kSecondaryCategories[] = {
      "", "journalist", "human_rights_defender", "military", "other"};
  if (const std::string_view secondary = kSecondaryCategories[kSecondary.Pick(random)];
      !secondary.empty()) {
    record.categories.emplace_back(secondary);
  }
  record.status = "held";
}

Record CecotPopulation::TruePerson(int64_t person) const {
  Random random(StreamSeed(seed_, kPersonStream, static_cast<uint64_t>(person)));
  Record record;
  switch (GroupOf(person)) {
    case CecotGroup::kDeportee:
      FillDeportee(person, random, record);
      break;
    case CecotGroup::kForeigner:
      FillForeigner(person, random, record);
      break;
    default:
      FillPolitical(person, random, record);
      break;
  }
  return record;
}

Status WriteCecot2025(uint64_t seed, int64_t size, const std::filesystem::path& out_dir,
                      ProgressCallback progress) {
  CANJE_ASSIGN_OR_RETURN(const CecotLayout layout, CecotLayout::ForSize(size));
  const CecotPopulation population(layout, seed);
  const int64_t D = layout.deportees;
  const int64_t P = layout.political;
  const int64_t F = layout.foreigners;
  const int64_t A = layout.disappeared;
  // Documentation candidates: political prisoners, then the disappeared, released and dead.
  const int64_t candidates = P + A + layout.released + layout.dead;
  const int64_t total_work = D + (P + F) + D + 2 * candidates + (P + A + F) + D;
  CANJE_ASSIGN_OR_RETURN(auto writer, ScenarioWriter::Create(out_dir, progress, total_work));

  writer->AddParty({"SLV", "El Salvador", PartyKind::kState});
  writer->AddParty({"VEN", "Venezuela", PartyKind::kState});
  writer->AddParty({"USA", "United States of America", PartyKind::kState});
  writer->AddParty({"DEU", "Germany", PartyKind::kState});
  writer->AddParty({"FRA", "France", PartyKind::kState});
  writer->AddParty({"COL", "Colombia", PartyKind::kState});
  writer->AddParty({"ESP", "Spain", PartyKind::kState});
  writer->AddParty({"ITA", "Italy", PartyKind::kState});
  writer->AddParty({"ARG", "Argentina", PartyKind::kState});
  writer->AddParty({"CHL", "Chile", PartyKind::kState});
  writer->AddParty({"PER", "Peru", PartyKind::kState});
  writer->AddParty({"URY", "Uruguay", PartyKind::kState});
  writer->AddParty(
      {"PUENTE", "Oficina Puente de Mediación Humanitaria (fictional)", PartyKind::kIntermediary});
  writer->AddParty({"CANDELA", "Red Candela de Registro de Presos Políticos (fictional)",
                    PartyKind::kOrganisation});

  uint64_t list_number = 0;
  auto order_seed = [&] { return StreamSeed(seed, kListOrderStream + list_number, 0); };
  auto error_seed = [&](int64_t person, int copy) {
    return StreamSeed(seed, kListErrorStream + list_number,
                      static_cast<uint64_t>(person) * 2 + static_cast<uint64_t>(copy));
  };

  // 1. SLV's CECOT roster: every deportee.
  {
    ListSpec spec{"slv_cecot_roster.csv",
                  ListKind::kCustodyRoster,
                  "Dirección General de Centros Penales, El Salvador: CECOT roster, April 2025",
                  "SLV",
                  "Venezuelan men held in CECOT after their removal from the United States",
                  SlvRosterColumns(),
                  "SLV-CECOT-"};
    const ErrorRates rates = RatesForColumns(kSlvRosterRates, spec.columns);
    CANJE_RETURN_IF_ERROR(writer->WriteList(spec, D, D, order_seed(), [&](int64_t p) {
      writer->WriteVariant(population.TruePerson(p), p, rates, error_seed(p, 0));
    }));
  }

  // 2. VEN's custody roster: political prisoners and foreign nationals. Venezuela does not
  // call anyone a political prisoner, so that category is absent from its roster.
  ++list_number;
  {
    ListSpec spec{"ven_custody_roster.csv",
                  ListKind::kCustodyRoster,
                  "Ministerio del Poder Popular para el Servicio Penitenciario, Venezuela: "
                  "roster of persons deprived of liberty, April 2025",
                  "VEN",
                  "Persons Venezuela acknowledges holding in the facilities concerned",
                  kCecotRosterColumns,
                  "VEN-PPL-"};
    const ErrorRates rates = RatesForColumns(kVenRosterRates, spec.columns);
    CANJE_RETURN_IF_ERROR(writer->WriteList(spec, P + F, P + F, order_seed(), [&](int64_t slot) {
      const int64_t p = population.first_political() + slot;
      Record record = population.TruePerson(p);
      RemoveCategory(record, "political_prisoner");
      writer->WriteVariant(std::move(record), p, rates, error_seed(p, 0));
    }));
  }

  // 3. The US removal manifest: most of the deportees, full name in roster form.
  ++list_number;
  {
    ListSpec spec{"usa_removal_manifest.csv",
                  ListKind::kTransferManifest,
                  "U.S. Immigration and Customs Enforcement: removal flight manifest to San "
                  "Salvador, March 2025",
                  "USA",
                  "Venezuelan nationals removed to El Salvador",
                  {C::kRecordId, C::kFullName, C::kDateOfBirth, C::kNationality},
                  "USA-RM-"};
    spec.holder = "SLV";
    const ErrorRates rates = RatesForColumns(kManifestRates, spec.columns);
    CANJE_RETURN_IF_ERROR(writer->WriteList(spec, D, D, order_seed(), [&](int64_t p) {
      if (population.OnManifest(p)) {
        writer->WriteVariant(population.TruePerson(p), p, rates, error_seed(p, 0));
      }
    }));
  }

  // 4. The NGO's documentation list: most political prisoners, a few twice, some reported
  // released; people absent from VEN's roster (disappeared, released, dead).
  ++list_number;
  {
    ListSpec spec{
        "candela_documentation.csv",
        ListKind::kDocumentationList,
        "Red Candela de Registro de Presos Políticos: list of political prisoners, "
        "April 2025",
        "CANDELA",
        "Political prisoners in Venezuela documented from families' and lawyers' "
        "reports",
        {C::kRecordId, C::kGivenNames, C::kFamilyNames, C::kSex, C::kDateOfBirth, C::kNationality,
         C::kDocument, C::kDocumentType, C::kHolder, C::kFacility, C::kCustodySince, C::kCharges,
         C::kChargeStatus, C::kCategories, C::kStatus, C::kNotes},
        "CANDELA-"};
    const ErrorRates rates = RatesForColumns(kDocumentationRates, spec.columns);
    CANJE_RETURN_IF_ERROR(writer->WriteList(
        spec, layout.documentation_records(), 2 * candidates, order_seed(), [&](int64_t slot) {
          const int64_t candidate = slot % candidates;
          const int copy = slot < candidates ? 0 : 1;
          const int64_t p = candidate < P ? population.first_political() + candidate
                                          : population.first_disappeared() + (candidate - P);
          if (population.Documented(p) && (copy == 0 || population.DocumentedTwice(p))) {
            Record record = population.TruePerson(p);
            if (population.ReportedReleased(p)) {
              record.status = "released";
              record.notes = "Excarcelado según sus familiares";
            }
            writer->WriteVariant(std::move(record), p, rates, error_seed(p, copy));
          }
        }));
  }

  // 5. SLV and USA's claim: as many political prisoners as there are deportees (some of them
  // people VEN does not acknowledge holding) and every foreign national.
  ++list_number;
  {
    ListSpec spec{"slv_usa_claim_list.csv",
                  ListKind::kClaimList,
                  "Government of El Salvador, with the United States: proposal to Venezuela, "
                  "April 2025",
                  "SLV",
                  "Political prisoners and foreign nationals whose release El Salvador and the "
                  "United States ask of Venezuela",
                  {C::kRecordId, C::kGivenNames, C::kFamilyNames, C::kNationality, C::kDocument,
                   C::kCategories, C::kNotes},
                  "SLV-CLAIM-"};
    spec.holder = "VEN";
    const ErrorRates rates = RatesForColumns(kSlvClaimRates, spec.columns);
    CANJE_RETURN_IF_ERROR(
        writer->WriteList(spec, layout.slv_claims(), P + A + F, order_seed(), [&](int64_t s) {
          const int64_t p = s < P       ? population.first_political() + s
                            : s < P + A ? population.first_disappeared() + (s - P)
                                        : population.first_foreigner() + (s - P - A);
          if (population.Claimed(p)) {
            Record record = population.TruePerson(p);
            if (population.GroupOf(p) == CecotGroup::kForeigner) {
              record.notes = "Nacional extranjero detenido en Venezuela";
            }
            writer->WriteVariant(std::move(record), p, rates, error_seed(p, 0));
          }
        }));
  }

  // 6. VEN's claim: its nationals in CECOT.
  ++list_number;
  {
    ListSpec spec{"ven_claim_list.csv",
                  ListKind::kClaimList,
                  "Ministerio del Poder Popular para Relaciones Exteriores, Venezuela: list of "
                  "nationals held in El Salvador, April 2025",
                  "VEN",
                  "Venezuelan nationals in CECOT whose return Venezuela demands",
                  {C::kRecordId, C::kGivenNames, C::kFamilyNames, C::kSex, C::kDateOfBirth,
                   C::kNationality, C::kDocument, C::kDocumentType, C::kNotes},
                  "VEN-CLAIM-"};
    spec.holder = "SLV";
    const ErrorRates rates = RatesForColumns(kVenClaimRates, spec.columns);
    CANJE_RETURN_IF_ERROR(writer->WriteList(spec, D, D, order_seed(), [&](int64_t p) {
      Record record = population.TruePerson(p);
      record.notes = "Connacional trasladado desde los Estados Unidos al CECOT";
      writer->WriteVariant(std::move(record), p, rates, error_seed(p, 0));
    }));
  }

  return writer->Finish("cecot-2025", seed, layout.roster_size());
}

}  // namespace canje::scenario
