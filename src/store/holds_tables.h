// Legal holds, legal acts and consent interviews in the store (schema version 3).
//
// Plain rows and SQL only: the rules about them (which hold covers whom on which date, what an
// interview means for a transfer) live in src/negotiation/. Writes take a WriteTransaction, so
// they land with their event (store.h); reads take the Store.
//
// What is in the clear and what is sealed (schema 10; docs/security.md lists every column): a
// hold's issuer, dates and scope and a legal act's type, date and status after are in the clear,
// so that the holds in force and the acts of a person are found by SQL. An interview's outcome
// (identity, consent, fitness) and the interviewer's note are the person's own: `outcome_sealed`
// and `note_sealed` hold them sealed under the person's data key (persons.data_key), so erasing
// the person makes them unreadable; erasure also clears them (EraseInterviewNotes). A hold's
// reference and lift reason and a legal act's authority and reference are sealed under the
// instance's text key (instance/sealed_texts.h). The store takes and returns the sealed bytes:
// the clear columns of those values stay empty ('' and 0), and the row structs' clear fields are
// filled by instance/sealed_texts.h when the rows are opened. Rows of a store older than schema
// 10 hold their values in the clear columns until the instance seals them (store/clear_texts.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/encoding.h"
#include "core/status.h"
#include "store/store.h"

namespace canje::store {

// A legal hold. Its scope is either the listed persons or a rule: a person is covered by a rule
// when every non-empty rule field matches (see negotiation/hold_scope.h). Dates are YYYY-MM-DD;
// `effective_until` and `lifted_on` are empty when open.
struct HoldRow {
  int64_t id = 0;
  std::string issuer;     // "Supreme Court of the United States"
  std::string reference;  // "24A931"; sealed in reference_sealed
  std::string effective_from;
  std::string effective_until;   // last day in force (inclusive); empty: no end
  std::vector<int64_t> persons;  // listed scope, ascending ids; empty for a rule
  std::string rule_holder;       // party code of a custody row
  std::string rule_nationality;  // ISO alpha-3, one of the person's nationalities
  std::string rule_category;     // canonical category (registry/categories.h)
  std::string rule_legal_basis;  // text contained in the same custody row's legal basis
  std::string lifted_on;         // first day no longer in force; empty unless lifted
  std::string lift_reason;  // sealed in lift_reason_sealed
  std::string created_at;
  std::string created_by;
  Bytes reference_sealed;    // under the instance's text key
  Bytes lift_reason_sealed;  // likewise; empty unless lifted with a reason
};

// The id the next AddHold will take (its sealed reference is bound to it); in the same
// transaction.
Result<int64_t> NextHoldId(WriteTransaction& transaction);
// Inserts the hold and its listed persons; returns the new id (ids are 1, 2, ...).
Result<int64_t> AddHold(WriteTransaction& transaction, const HoldRow& hold);
// Marks hold `id` lifted from `lifted_on`. kNotFound for an unknown id.
Status LiftHold(WriteTransaction& transaction, int64_t id, std::string_view lifted_on,
                ByteView reason_sealed);
// Every hold with its listed persons, in id order.
Result<std::vector<HoldRow>> Holds(Store& store);
Result<std::optional<HoldRow>> FindHold(Store& store, int64_t id);

// A legal act concerning one person: pardon, commutation, charges_dropped,
// alternative_measures, expulsion_order.
struct LegalActRow {
  int64_t id = 0;
  int64_t person_id = 0;
  std::string type;
  std::string act_date;  // YYYY-MM-DD
  std::string authority;
  std::string reference;
  std::string status_after;  // the legal status after release ("free", "conditional release"...)
  std::string recorded_at;
  std::string recorded_by;
  Bytes texts_sealed;  // authority and reference, under the instance's text key
};

// The id the next AddLegalAct will take (its sealed texts are bound to it).
Result<int64_t> NextLegalActId(WriteTransaction& transaction);
Result<int64_t> AddLegalAct(WriteTransaction& transaction, const LegalActRow& act);
// The acts of `person_id` (0: of everyone), by person then date then id.
Result<std::vector<LegalActRow>> LegalActs(Store& store, int64_t person_id);

// One interview of a person about one destination. Interviews are never edited: a later one
// for the same person and destination supersedes the earlier (negotiation/consent.h).
struct InterviewRow {
  int64_t id = 0;
  int64_t person_id = 0;
  std::string destination;     // party code
  std::string interviewed_on;  // YYYY-MM-DD
  // The outcome, sealed in outcome_sealed; empty once the person is erased.
  std::string identity;        // confirmed, unconfirmed
  std::string consent;         // consents, refuses, undecided
  bool fit_to_travel = false;
  Bytes note_sealed;  // sealed under the person's data key; empty: no note, or erased
  std::string recorded_at;
  std::string recorded_by;
  std::string recorder_party;
  Bytes outcome_sealed;  // sealed under the person's data key; empty once erased
};

// The id the next AddInterview will take (sealed notes are bound to it). Call in the same
// transaction, which holds the write lock.
Result<int64_t> NextInterviewId(WriteTransaction& transaction);
// `interview.id` must come from NextInterviewId.
Status AddInterview(WriteTransaction& transaction, const InterviewRow& interview);

struct InterviewFilter {
  int64_t person_id = 0;    // 0: everyone
  std::string destination;  // empty: every destination
};
// Matching interviews in id order (oldest first).
Result<std::vector<InterviewRow>> Interviews(Store& store, const InterviewFilter& filter);
// Interviews of any of `person_ids` (all persons when empty), in id order.
Result<std::vector<InterviewRow>> InterviewsOfPersons(Store& store,
                                                      const std::vector<int64_t>& person_ids);

// Erasure: clears the sealed outcomes and notes of the person's interviews (and any outcome
// still in the clear); returns how many notes were cleared.
Result<int64_t> EraseInterviewNotes(WriteTransaction& transaction, int64_t person_id);

}  // namespace canje::store
