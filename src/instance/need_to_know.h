// Need to know: which persons, lists and records the acting user may read, and who may read why
// a person is not available (docs/principles.md, principle 3). The second half of the access table
// (access.h says which roles may take which actions; this file says what they may then see).
// Every part of the core that shows persons asks here: the person directory, exchanges,
// eligibility, execution, reconciliation, holds and legal acts. Tested in need_to_know_test.cc.
//
// The rule, once:
//  - Admins, mediators and verifiers read every person.
//  - A negotiator or observer of party P reads a person when
//      (a) P holds them (a custody row with holder P), or
//      (b) they are on a list P submitted: a record on it made the person (it is the record the
//          person was created from, not merged into another), or a mediator, verifier or admin
//          confirmed in review that the record is the same person as the record the person was
//          made from. An automatic merge by `canje link` grants nothing: a guessed name and birth
//          date on a list of P must not make another party's detainee readable to P; or
//      (c) by agreement: they are in the agreed version of an exchange that P accepted, and that
//          version transfers them to P, or P claims them in that exchange (released on its
//          claim). From agreement on, in every view; the agreement stays the basis of the
//          reading after the exchange completes or collapses; or
//      (d) as an observer organisation (observers only, not negotiators): they are in the agreed
//          version of an exchange P is attached to as an observer (negotiation/
//          exchange_participants.h), for as long as P stays attached — the organisation must
//          recognise the people it watches cross. What else of the exchange it reads is
//          negotiation/exchange.h's ExchangeAccess::kObserved.
//    A person merged by reconciliation reads as their representative (the representative is
//    what is checked).
//  - Lists: everyone reads every list's metadata (`canje lists`); a list's records and the
//    persons behind them follow the person rule, and a negotiator or observer acts on (claims
//    from, filters by) only its own party's lists.
//  - Records (reconciliation's review): a record on a list of P; a record on another party's
//    list only when P reads its person by custody (a) or by agreement (c), never through a list
//    of its own (b) nor as an observer (d).
//  - Why a person is not available (refused consent, unfitness, an undecided answer, an
//    unconfirmed identity, no interview yet: every personal assessment) is read only by admins,
//    mediators and verifiers; the others read one neutral "not available (confidential)"
//    (negotiation/eligibility.h).
//
// What a caller may not see answers exactly like what does not exist (kNotFound, one message).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "instance/instance.h"
#include "store/store.h"

namespace canje::instance {

// Admins, mediators and verifiers: every person, without a need-to-know filter.
bool SeesEveryPerson(Role role);

// The names of the roles that see every person: only their "same" in review confirms a link
// (ground (b) above).
std::vector<std::string> RoleNamesSeeingEveryPerson();

// Admins, mediators and verifiers: why a person is not available (personal assessments,
// interview answers, notes). Everyone else reads "not available (confidential)".
bool ReadsPersonalAssessments(Role role);

// Narrows `filter` to the persons the acting user may read (rule above); no change for roles
// that see every person.
void RestrictToNeedToKnow(const Instance& instance, store::PersonFilter& filter);

// Whether the acting user may read person `person_id` (merged ids read as their
// representative). False for an unknown id.
Result<bool> SeesPerson(Instance& instance, int64_t person_id);
// SeesPerson for a person the caller has read already (`person`, as Store::FindPerson found
// it): the same answer, without reading the person again.
Result<bool> SeesFoundPerson(Instance& instance, const store::PersonView& person);

// The refusal for a person the reader may not see, worded as for one that does not exist
// (kNotFound: "no person P17 that you may see; ..."), so that the two cannot be told apart.
Status PersonNotSeen(int64_t person_id);

// Whether the acting user may act on list `list` as its own (claim from it, look at its records
// as a whole): every list for roles that see every person, else only its own party's lists.
bool OwnsOrSeesAllOf(const Instance& instance, const store::ListRow& list);

// Whether the acting user may read a record of list `list` linked to person `person_id`: the
// list is its party's, or it reads the person by custody or by agreement (rule above).
Result<bool> SeesRecord(Instance& instance, const store::ListRow& list, int64_t person_id);

}  // namespace canje::instance
