// The store's sealed texts (schema 10; docs/security.md, "What is encrypted, and with what").
//
// What belongs to one person is sealed under that person's own data key (persons.data_key), so
// that erasing the person shreds it: an interview's outcome (identity, consent, fitness) and a
// not-travelling outcome's reason. Both are padded to a fixed length before sealing, so that the
// sealed bytes' length does not tell a refusal from a consent. Free texts that are no one
// person's are sealed under the instance's text key (a random data key wrapped by the master key
// in meta 'text_key', like the index key): a response's reason, an override's justification, a
// reported count's note, a handover's place and witnesses, a legal act's authority and
// reference, a hold's reference and lift reason, why an exchange collapsed. Every sealing names
// its row in the associated data ("person 17 interview 12 outcome": protect/sealing_contexts.h),
// so a blob moved to another row does not open.
//
// The store keeps plain rows and SQL and returns the sealed bytes (store/*_tables.h): the Seal*
// functions fill a row's sealed field from its clear fields before it is written, and the Open*
// functions fill the clear fields of rows read back. Rules that use these values (eligibility,
// readiness, the counts' reconciliation) read rows through the Open* functions.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/encoding.h"
#include "core/status.h"
#include "protect/vault.h"
#include "store/agreement_tables.h"
#include "store/execution_tables.h"
#include "store/holds_tables.h"
#include "store/stage_tables.h"
#include "store/store.h"

namespace canje::instance {

// Creates the text key and marks the store's texts as sealed (canje init).
Status CreateTextKey(store::WriteTransaction& transaction, protect::Vault& vault);

// Loads the text key into the vault. In a store that migration 10 brought to schema 10, first
// creates the text key and seals every value still kept in the clear (store/clear_texts.h), in
// one transaction, then rewrites the files so that the clear values leave them (a WAL checkpoint
// on SQLite, VACUUM FULL on PostgreSQL). Idempotent: a store marked sealed is not scanned.
// Returns the number of values sealed (0 once done).
Result<int64_t> SealClearTexts(store::Store& store, protect::Vault& vault);

// Persons' data keys, unwrapped once each.
class PersonKeys {
 public:
  PersonKeys(store::Store& store, protect::Vault& vault) : store_(store), vault_(vault) {}
  // The person's data key; nullopt once the person is erased (or unknown).
  Result<std::optional<Bytes>> Of(int64_t person_id);

 private:
  store::Store& store_;
  protect::Vault& vault_;
  std::map<int64_t, std::optional<Bytes>> keys_;
};

// ---- Sealing before a write (the row's id fields must be set) --------------------------------

Status SealInterviewOutcome(PersonKeys& keys, protect::Vault& vault, store::InterviewRow& row);
Status SealNotTravellingReason(PersonKeys& keys, protect::Vault& vault,
                               store::NotTravellingRow& row);
// The reference (and a lift reason, if any). `hold.id` must be the id AddHold will give
// (store::NextHoldId).
void SealHoldTexts(protect::Vault& vault, store::HoldRow& hold);
Bytes SealHoldLiftReason(protect::Vault& vault, int64_t hold_id, std::string_view reason);
// `act.id` must be the id AddLegalAct will give (store::NextLegalActId).
void SealLegalActTexts(protect::Vault& vault, store::LegalActRow& act);
void SealResponseReason(protect::Vault& vault, store::ResponseRow& response);
void SealOverrideJustification(protect::Vault& vault, store::OverrideRow& row);
void SealHandoverTexts(protect::Vault& vault, store::HandoverRow& row);
// `row.id` must be the id AddReportedCount will give (store::NextReportedCountId).
void SealReportedCountNote(protect::Vault& vault, store::ReportedCountRow& row);
void SealExchangeReason(protect::Vault& vault, store::ExchangeStateRow& row);
// A stage's place and the reason of its last postponement.
void SealStageTexts(protect::Vault& vault, store::StageRow& row);

// ---- Opening after a read ----------------------------------------------------------------------
// A row whose sealed field is empty keeps its clear fields: a row of an erased person (empty),
// or one not sealed yet. kNotPermitted when a sealed value does not open (a blob moved, a store
// damaged).

Status OpenInterviews(PersonKeys& keys, protect::Vault& vault,
                      std::vector<store::InterviewRow>& rows);
Status OpenNotTravelling(PersonKeys& keys, protect::Vault& vault,
                         std::vector<store::NotTravellingRow>& rows);
Status OpenHolds(protect::Vault& vault, std::vector<store::HoldRow>& holds);
Status OpenLegalActs(protect::Vault& vault, std::vector<store::LegalActRow>& acts);
Status OpenResponses(protect::Vault& vault, std::vector<store::ResponseRow>& responses);
Status OpenOverride(protect::Vault& vault, store::OverrideRow& row);
Status OpenHandovers(protect::Vault& vault, std::vector<store::HandoverRow>& rows);
Status OpenReportedCounts(protect::Vault& vault, std::vector<store::ReportedCountRow>& rows);
Status OpenExchangeReason(protect::Vault& vault, store::ExchangeStateRow& row);
Status OpenStages(protect::Vault& vault, std::vector<store::StageRow>& rows);

}  // namespace canje::instance
