#include "registry/enumerated_fields.h"

#include "registry/text_fold.h"

namespace canje::registry {
namespace {

template <typename T>
struct Spelling {
  std::string_view folded;  // as FoldForMatching gives it
  T value;
};

template <typename T, size_t N>
std::optional<T> Find(const Spelling<T> (&table)[N], std::string_view folded) {
  for (const auto& spelling : table) {
    if (spelling.folded == folded) return spelling.value;
  }
  return std::nullopt;
}

std::string Unknown(std::string_view what, std::string_view text, std::string_view accepted) {
  return "unknown " + std::string(what) + " '" + std::string(TrimSpace(text)) + "'; write " +
         std::string(accepted);
}

// The spellings of each value, as FoldForMatchingAnyScript gives them: English and Spanish, then
// Russian, Ukrainian, Arabic, French and Portuguese (docs/formats.md, "Values in other
// languages"). A spelling means one value in every language it is used in: "h" is hombre and
// homme; Russian and Ukrainian share "ж".
constexpr Spelling<Sex> kSexes[] = {
    {"m", Sex::kMale},        {"male", Sex::kMale},       {"masculino", Sex::kMale},
    {"h", Sex::kMale},        {"hombre", Sex::kMale},     {"man", Sex::kMale},
    {"f", Sex::kFemale},      {"female", Sex::kFemale},   {"femenino", Sex::kFemale},
    {"mujer", Sex::kFemale},  {"woman", Sex::kFemale},    {"x", Sex::kOther},
    {"other", Sex::kOther},   {"otro", Sex::kOther},
    // Russian
    {"м", Sex::kMale},        {"муж", Sex::kMale},        {"мужской", Sex::kMale},
    {"мужчина", Sex::kMale},  {"ж", Sex::kFemale},        {"жен", Sex::kFemale},
    {"женский", Sex::kFemale}, {"женщина", Sex::kFemale}, {"другой", Sex::kOther},
    // Ukrainian
    {"ч", Sex::kMale},        {"чол", Sex::kMale},        {"чоловіча", Sex::kMale},
    {"чоловік", Sex::kMale},  {"жін", Sex::kFemale},      {"жіноча", Sex::kFemale},
    {"жінка", Sex::kFemale},  {"інша", Sex::kOther},
    // Arabic
    {"ذكر", Sex::kMale},      {"أنثى", Sex::kFemale},     {"انثى", Sex::kFemale},
    // French
    {"masculin", Sex::kMale}, {"homme", Sex::kMale},      {"feminin", Sex::kFemale},
    {"femme", Sex::kFemale},  {"autre", Sex::kOther},
    // Portuguese
    {"homem", Sex::kMale},    {"feminino", Sex::kFemale}, {"mulher", Sex::kFemale},
    {"outro", Sex::kOther},
};

constexpr Spelling<ReportedStatus> kStatuses[] = {
    {"held", ReportedStatus::kHeld},
    {"detained", ReportedStatus::kHeld},
    {"detenido", ReportedStatus::kHeld},
    {"detenida", ReportedStatus::kHeld},
    {"preso", ReportedStatus::kHeld},
    {"presa", ReportedStatus::kHeld},
    {"released", ReportedStatus::kReleased},
    {"liberado", ReportedStatus::kReleased},
    {"liberada", ReportedStatus::kReleased},
    {"excarcelado", ReportedStatus::kReleased},
    {"excarcelada", ReportedStatus::kReleased},
    {"dead", ReportedStatus::kDead},
    {"deceased", ReportedStatus::kDead},
    {"fallecido", ReportedStatus::kDead},
    {"fallecida", ReportedStatus::kDead},
    {"muerto", ReportedStatus::kDead},
    {"muerta", ReportedStatus::kDead},
    {"unknown", ReportedStatus::kUnknown},
    {"desconocido", ReportedStatus::kUnknown},
    {"desconocida", ReportedStatus::kUnknown},
    // Russian
    {"содержится", ReportedStatus::kHeld},
    {"задержан", ReportedStatus::kHeld},
    {"задержана", ReportedStatus::kHeld},
    {"в_плену", ReportedStatus::kHeld},
    {"освобожден", ReportedStatus::kReleased},
    {"освобождён", ReportedStatus::kReleased},
    {"освобождена", ReportedStatus::kReleased},
    {"умер", ReportedStatus::kDead},
    {"умерла", ReportedStatus::kDead},
    {"погиб", ReportedStatus::kDead},
    {"погибла", ReportedStatus::kDead},
    {"неизвестно", ReportedStatus::kUnknown},
    // Ukrainian
    {"утримується", ReportedStatus::kHeld},
    {"затриманий", ReportedStatus::kHeld},
    {"затримана", ReportedStatus::kHeld},
    {"у_полоні", ReportedStatus::kHeld},
    {"звільнений", ReportedStatus::kReleased},
    {"звільнена", ReportedStatus::kReleased},
    {"помер", ReportedStatus::kDead},
    {"померла", ReportedStatus::kDead},
    {"загинув", ReportedStatus::kDead},
    {"загинула", ReportedStatus::kDead},
    {"невідомо", ReportedStatus::kUnknown},
    // Arabic
    {"محتجز", ReportedStatus::kHeld},
    {"معتقل", ReportedStatus::kHeld},
    {"مفرج_عنه", ReportedStatus::kReleased},
    {"متوفى", ReportedStatus::kDead},
    {"غير_معروف", ReportedStatus::kUnknown},
    // French
    {"detenu", ReportedStatus::kHeld},
    {"detenue", ReportedStatus::kHeld},
    {"libere", ReportedStatus::kReleased},
    {"liberee", ReportedStatus::kReleased},
    {"decede", ReportedStatus::kDead},
    {"decedee", ReportedStatus::kDead},
    {"mort", ReportedStatus::kDead},
    {"morte", ReportedStatus::kDead},
    {"inconnu", ReportedStatus::kUnknown},
    // Portuguese
    {"detido", ReportedStatus::kHeld},
    {"detida", ReportedStatus::kHeld},
    {"libertado", ReportedStatus::kReleased},
    {"libertada", ReportedStatus::kReleased},
    {"solto", ReportedStatus::kReleased},
    {"falecido", ReportedStatus::kDead},
    {"falecida", ReportedStatus::kDead},
    {"morto", ReportedStatus::kDead},
    {"desconhecido", ReportedStatus::kUnknown},
};

constexpr Spelling<bool> kYesNo[] = {
    {"yes", true}, {"y", true},   {"si", true},    {"s", true},      {"true", true},
    {"1", true},   {"no", false}, {"n", false},    {"false", false}, {"0", false},
    {"да", true},  {"нет", false},                                   // Russian
    {"так", true}, {"ні", false},                                    // Ukrainian
    {"نعم", true}, {"لا", false},                                    // Arabic
    {"oui", true}, {"non", false},                                   // French
    {"sim", true}, {"nao", false},                                   // Portuguese
};

constexpr Spelling<std::string_view> kChargeStatuses[] = {
    {"none", "none"},           {"no_charges", "none"},       {"sin_cargos", "none"},
    {"ninguno", "none"},        {"pending", "pending"},       {"pendiente", "pending"},
    {"en_proceso", "pending"},  {"acusado", "pending"},       {"charged", "pending"},
    {"convicted", "convicted"}, {"condenado", "convicted"},   {"sentenciado", "convicted"},
    {"dropped", "dropped"},     {"sobreseido", "dropped"},    {"desestimado", "dropped"},
    {"retirado", "dropped"},
};

// As written in docs/formats.md; matched after FoldForMatchingAnyScript.
struct IhlSpelling {
  std::string_view written;
  IhlStatus value;
};
constexpr IhlSpelling kIhlStatuses[] = {
    {"prisoner_of_war", IhlStatus::kPrisonerOfWar},
    {"civilian_internee", IhlStatus::kCivilianInternee},
    {"detained_civilian", IhlStatus::kDetainedCivilian},
    {"other", IhlStatus::kOther},
    // Spanish, English
    {"prisionero de guerra", IhlStatus::kPrisonerOfWar},
    {"prisionera de guerra", IhlStatus::kPrisonerOfWar},
    {"POW", IhlStatus::kPrisonerOfWar},
    {"PW", IhlStatus::kPrisonerOfWar},
    {"internado civil", IhlStatus::kCivilianInternee},
    {"internada civil", IhlStatus::kCivilianInternee},
    {"internee", IhlStatus::kCivilianInternee},
    {"civil detenido", IhlStatus::kDetainedCivilian},
    {"civil detenida", IhlStatus::kDetainedCivilian},
    {"civilian detainee", IhlStatus::kDetainedCivilian},
    {"otro", IhlStatus::kOther},
    {"otra", IhlStatus::kOther},
    // Russian
    {"военнопленный", IhlStatus::kPrisonerOfWar},
    {"военнопленная", IhlStatus::kPrisonerOfWar},
    {"интернированное гражданское лицо", IhlStatus::kCivilianInternee},
    {"интернированный", IhlStatus::kCivilianInternee},
    {"задержанное гражданское лицо", IhlStatus::kDetainedCivilian},
    {"гражданское лицо", IhlStatus::kDetainedCivilian},
    {"другое", IhlStatus::kOther},
    // Ukrainian
    {"військовополонений", IhlStatus::kPrisonerOfWar},
    {"військовополонена", IhlStatus::kPrisonerOfWar},
    {"інтернована цивільна особа", IhlStatus::kCivilianInternee},
    {"інтернований", IhlStatus::kCivilianInternee},
    {"затримана цивільна особа", IhlStatus::kDetainedCivilian},
    {"цивільна особа", IhlStatus::kDetainedCivilian},
    {"інше", IhlStatus::kOther},
    // Arabic
    {"أسير حرب", IhlStatus::kPrisonerOfWar},
    {"اسير حرب", IhlStatus::kPrisonerOfWar},
    {"مدني معتقل", IhlStatus::kCivilianInternee},
    {"مدني محتجز", IhlStatus::kDetainedCivilian},
    {"أخرى", IhlStatus::kOther},
    // French
    {"prisonnier de guerre", IhlStatus::kPrisonerOfWar},
    {"prisonnière de guerre", IhlStatus::kPrisonerOfWar},
    {"interné civil", IhlStatus::kCivilianInternee},
    {"internée civile", IhlStatus::kCivilianInternee},
    {"civil détenu", IhlStatus::kDetainedCivilian},
    {"civile détenue", IhlStatus::kDetainedCivilian},
    {"autre", IhlStatus::kOther},
    // Portuguese
    {"prisioneiro de guerra", IhlStatus::kPrisonerOfWar},
    {"prisioneira de guerra", IhlStatus::kPrisonerOfWar},
    {"civil detido", IhlStatus::kDetainedCivilian},
    {"civil detida", IhlStatus::kDetainedCivilian},
    {"outro", IhlStatus::kOther},
    {"outra", IhlStatus::kOther},
};

}  // namespace

Result<IhlStatus> ParseIhlStatus(std::string_view text) {
  const std::string folded = FoldForMatchingAnyScript(text);
  if (folded.empty()) return IhlStatus::kUnspecified;
  // Folded once: a list of a million rows asks a million times.
  static const std::vector<std::pair<std::string, IhlStatus>>* table = [] {
    auto* folded_table = new std::vector<std::pair<std::string, IhlStatus>>;
    for (const IhlSpelling& spelling : kIhlStatuses) {
      folded_table->emplace_back(FoldForMatchingAnyScript(spelling.written), spelling.value);
    }
    return folded_table;
  }();
  for (const auto& [spelling, value] : *table) {
    if (spelling == folded) return value;
  }
  return Status::Invalid(Unknown(
      "status under humanitarian law", text,
      "prisoner_of_war (prisionero de guerra, военнопленный, військовополонений, أسير حرب, "
      "prisonnier de guerre, prisioneiro de guerra), civilian_internee, detained_civilian or "
      "other, or leave it empty (docs/formats.md lists every spelling)"));
}

std::string_view IhlStatusName(IhlStatus status) {
  switch (status) {
    case IhlStatus::kPrisonerOfWar:
      return "prisoner_of_war";
    case IhlStatus::kCivilianInternee:
      return "civilian_internee";
    case IhlStatus::kDetainedCivilian:
      return "detained_civilian";
    case IhlStatus::kOther:
      return "other";
    case IhlStatus::kUnspecified:
      break;
  }
  return "";
}

std::vector<std::string_view> IhlStatusSpellings(IhlStatus status) {
  std::vector<std::string_view> spellings;
  for (const IhlSpelling& spelling : kIhlStatuses) {
    if (spelling.value == status) spellings.push_back(spelling.written);
  }
  return spellings;
}

Result<Sex> ParseSex(std::string_view text) {
  const std::string folded = FoldForMatchingAnyScript(text);
  if (folded.empty()) return Sex::kUnknown;
  if (auto sex = Find(kSexes, folded)) return *sex;
  return Status::Invalid(Unknown("sex", text,
                                 "M (male, masculino, hombre), F (female, femenino, mujer) or X "
                                 "(other), or leave it empty (other languages: docs/formats.md, "
                                 "\"Values in other languages\")"));
}

std::string_view SexName(Sex sex) {
  switch (sex) {
    case Sex::kMale:
      return "male";
    case Sex::kFemale:
      return "female";
    case Sex::kOther:
      return "other";
    case Sex::kUnknown:
      break;
  }
  return "";
}

Result<ReportedStatus> ParseReportedStatus(std::string_view text) {
  const std::string folded = FoldForMatchingAnyScript(text);
  if (folded.empty()) return ReportedStatus::kUnspecified;
  if (auto status = Find(kStatuses, folded)) return *status;
  return Status::Invalid(Unknown("status", text,
                                 "held (detenido), released (liberado, excarcelado), dead "
                                 "(fallecido) or unknown (desconocido), or leave it empty (other "
                                 "languages: docs/formats.md, \"Values in other languages\")"));
}

std::string_view ReportedStatusName(ReportedStatus status) {
  switch (status) {
    case ReportedStatus::kHeld:
      return "held";
    case ReportedStatus::kReleased:
      return "released";
    case ReportedStatus::kDead:
      return "dead";
    case ReportedStatus::kUnknown:
      return "unknown";
    case ReportedStatus::kUnspecified:
      break;
  }
  return "";
}

Result<std::optional<bool>> ParseYesNo(std::string_view text) {
  const std::string folded = FoldForMatchingAnyScript(text);
  if (folded.empty()) return std::optional<bool>();
  if (auto value = Find(kYesNo, folded)) return std::optional<bool>(*value);
  return Status::Invalid(Unknown("yes/no value", text, "yes or no (sí, no, true, false, 1, 0; other languages: "
                                 "docs/formats.md, \"Values in other languages\")"));
}

std::string_view YesNoName(std::optional<bool> value) {
  if (!value) return "";
  return *value ? "yes" : "no";
}

Result<std::string> ParseChargeStatus(std::string_view text) {
  const std::string folded = FoldForMatching(text);
  if (folded.empty()) return std::string();
  if (auto status = Find(kChargeStatuses, folded)) return std::string(*status);
  return Status::Invalid(Unknown("charge status", text,
                                 "none (sin cargos), pending (pendiente), convicted (condenado) "
                                 "or dropped (sobreseído), or leave it empty"));
}

}  // namespace canje::registry
