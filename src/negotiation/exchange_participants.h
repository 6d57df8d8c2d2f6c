// Who takes part in an exchange without a side (docs/exchanges.md, "Guarantors and observers"):
//  - a guarantor (Türkiye, the UAE, Qatar, the Vatican as a mediating state) signs the agreement
//    beside the parties: the exchange's guarantors are in every version's manifest, and the
//    agreement is complete only when every party and every guarantor signed it
//    (negotiation/agreement.h);
//  - an observer organisation (the ICRC, a UN body) reads the exchange's execution without
//    negotiating: its users with the role observer read what ExchangeAccess::kObserved says
//    (negotiation/exchange.h), and the persons of the agreed version by name
//    (instance/need_to_know.h, ground (d)).
//
// Rules: admins and mediators (Action::kManageExchanges) add and remove them; the party must
// exist and not be a party to the exchange (in a side); an observer is not the exchange's
// mediator (whose users read it whole already), a guarantor may be. Guarantors are declared and
// withdrawn only while the exchange is negotiating — every party accepts and signs a version
// whose manifest names them, so they cannot change under an agreement — checked in the change's
// own transaction. Observers are attached and detached in any state: detaching one ends its
// reading at once. Each change is an event ("exchange.guarantor_added", "..._removed",
// "exchange.observer_added", "..._removed"; subjects the exchange and the party).
//
// Refusals, with nothing written: kNotPermitted for another role; kNotFound for an exchange the
// user may not see or an unknown party; kInvalid for a party in a side, the mediator as an
// observer, a party already in the role (add) or not in it (remove), and a guarantor change
// once the exchange is past negotiating; kConflict when `expect_revision` (not 0: HTTP's
// If-Match) is no longer the exchange's revision.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/status.h"
#include "instance/instance.h"

namespace canje::negotiation {

enum class ParticipantRole { kGuarantor, kObserver };

// "guarantor" or "observer" (the word of the command line and of the store).
std::string_view ParticipantRoleName(ParticipantRole role);

Status AddExchangeParticipant(instance::Instance& instance, int64_t exchange_id,
                              ParticipantRole role, std::string_view party,
                              int64_t expect_revision = 0);

Status RemoveExchangeParticipant(instance::Instance& instance, int64_t exchange_id,
                                 ParticipantRole role, std::string_view party,
                                 int64_t expect_revision = 0);

}  // namespace canje::negotiation
