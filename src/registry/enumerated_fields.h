// Small coded fields of list files: sex, reported status, yes/no, charge status. Each parser
// reads the value as people write it (case, accents and spacing ignored, Spanish or English),
// returns the "unspecified" value for an empty field, and otherwise fails with a reason that
// lists what is accepted. Each *Name function gives the canonical text written on export, which
// its parser reads back.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "registry/person.h"

namespace canje::registry {

// M, male, masculino, H, hombre → kMale; F, female, femenino, mujer → kFemale; X, other, otro →
// kOther; empty → kUnknown. ("M" is male, as in ISO/IEC 5218 usage on passports; Spanish lists
// that write H/M for hombre/mujer must be converted first.)
Result<Sex> ParseSex(std::string_view text);
std::string_view SexName(Sex sex);  // "male", "female", "other", "" (unknown)

// held/detenido, released/liberado/excarcelado, dead/fallecido/muerto, unknown/desconocido
// (feminine forms too); empty → kUnspecified.
Result<ReportedStatus> ParseReportedStatus(std::string_view text);
std::string_view ReportedStatusName(ReportedStatus status);  // "held", ..., "" (unspecified)

// yes/no, sí/si/no, true/false, 1/0, y/n, s/n; empty → nullopt.
Result<std::optional<bool>> ParseYesNo(std::string_view text);
std::string_view YesNoName(std::optional<bool> value);  // "yes", "no", ""

// The status under international humanitarian law, as lists write it in Spanish, English,
// Russian, Ukrainian, Arabic, French or Portuguese (docs/formats.md lists every spelling):
// prisoner_of_war (prisionero de guerra, POW, военнопленный, військовополонений, أسير حرب,
// prisonnier de guerre, prisioneiro de guerra), civilian_internee (interné civil, ...),
// detained_civilian (civil detenido, ...), other (otro, другой, ...); empty → kUnspecified.
// Case, accents, spaces and hyphens are ignored in every script.
Result<IhlStatus> ParseIhlStatus(std::string_view text);
// "prisoner_of_war", "civilian_internee", "detained_civilian", "other", "" (unspecified).
std::string_view IhlStatusName(IhlStatus status);
// Every accepted spelling of `status` (its canonical name first), for the documentation's test.
std::vector<std::string_view> IhlStatusSpellings(IhlStatus status);

// The status of a charge: none (sin cargos, ninguno), pending (pendiente, en proceso, acusado),
// convicted (condenado, sentenciado), dropped (sobreseído, desestimado, retirado).
// Empty → "". Returns the canonical name.
Result<std::string> ParseChargeStatus(std::string_view text);

}  // namespace canje::registry
