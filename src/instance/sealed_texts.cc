#include "instance/sealed_texts.h"

#include <nlohmann/json.hpp>

#include "core/digest.h"
#include "instance/key_management.h"
#include "protect/sealing_contexts.h"
#include "store/clear_texts.h"

namespace canje::instance {
namespace {

constexpr std::string_view kTextKeyName = "text_key";
constexpr std::string_view kSealedMark = "texts_sealed";

std::string N(int64_t id) { return std::to_string(id); }

// ---- Encodings ----------------------------------------------------------------------------------

// An interview's outcome in three bytes whatever its values: identity, consent, fitness.
constexpr std::string_view kIdentities[] = {"confirmed", "unconfirmed"};
constexpr std::string_view kConsents[] = {"consents", "refuses", "undecided"};

template <size_t n>
Result<uint8_t> CodeOf(const std::string_view (&names)[n], std::string_view value,
                       std::string_view what) {
  for (size_t i = 0; i < n; ++i) {
    if (names[i] == value) return static_cast<uint8_t>(i);
  }
  return Status::Invalid("an interview's " + std::string(what) + " '" + std::string(value) +
                         "' cannot be sealed");
}

Result<Bytes> EncodeOutcome(std::string_view identity, std::string_view consent, bool fit) {
  CANJE_ASSIGN_OR_RETURN(uint8_t i, CodeOf(kIdentities, identity, "identity"));
  CANJE_ASSIGN_OR_RETURN(uint8_t c, CodeOf(kConsents, consent, "consent"));
  return Bytes{i, c, static_cast<uint8_t>(fit ? 1 : 0)};
}

// A not-travelling reason code, padded with zero bytes to one length for every code.
constexpr size_t kReasonLength = 32;
Bytes PadReason(std::string_view reason) {
  Bytes padded(reason.begin(), reason.end());
  if (padded.size() < kReasonLength) padded.resize(kReasonLength, 0);
  return padded;
}
std::string UnpadReason(const Bytes& padded) {
  std::string reason(padded.begin(), padded.end());
  reason.erase(reason.find_last_not_of('\0') + 1);
  return reason;
}

Bytes SealTextWith(protect::Vault& vault, std::string_view context, std::string_view text) {
  if (text.empty()) return {};
  return vault.Seal(vault.TextKey(), AsBytes(text), context);
}

// Opens a text sealed under the instance text key into `text`; an empty `sealed` (nothing was
// written) leaves `text` as it is.
Status OpenTextInto(protect::Vault& vault, ByteView sealed, std::string_view context,
                    std::string& text) {
  if (sealed.empty()) return Status::Ok();
  Result<Bytes> plain = vault.Open(vault.TextKey(), sealed, context);
  if (!plain.ok()) {
    return Status::NotPermitted("the sealed " + std::string(context) +
                                " does not open: " + plain.status().message());
  }
  text.assign(plain->begin(), plain->end());
  return Status::Ok();
}

std::string PairText(std::string_view first_name, std::string_view first,
                     std::string_view second_name, const nlohmann::json& second) {
  return nlohmann::json{{first_name, first}, {second_name, second}}.dump();
}

// Opens two texts sealed together as one JSON object (PairText); an empty `sealed` opens as an
// empty object.
Result<nlohmann::json> OpenPair(protect::Vault& vault, ByteView sealed,
                                const std::string& context) {
  if (sealed.empty()) return nlohmann::json::object();
  std::string text;
  CANJE_RETURN_IF_ERROR(OpenTextInto(vault, sealed, context, text));
  nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
  if (!parsed.is_object()) return Status::Invalid("the sealed " + context + " is damaged");
  return parsed;
}

// Opens the two texts each row keeps sealed together in `texts_sealed` (PairText, under the
// context `context(row)`) into its members `first` and `second`; a row with nothing sealed is
// left as it is.
template <typename Row, typename Context, typename Second>
Status OpenPairsInto(protect::Vault& vault, std::vector<Row>& rows, Context context,
                     const std::string& first_name, std::string Row::*first,
                     const std::string& second_name, Second Row::*second) {
  for (Row& row : rows) {
    if (row.texts_sealed.empty()) continue;
    CANJE_ASSIGN_OR_RETURN(nlohmann::json pair, OpenPair(vault, row.texts_sealed, context(row)));
    row.*first = pair.value(first_name, std::string());
    row.*second = pair.value(second_name, Second());
  }
  return Status::Ok();
}

// The sealed form of one value still kept in the clear (migration 10's data step).
Result<Bytes> SealClearValue(PersonKeys& keys, protect::Vault& vault,
                             const store::ClearTextRow& row) {
  using Kind = store::ClearTextKind;
  const std::vector<std::string>& v = row.values;
  switch (row.kind) {
    case Kind::kInterviewOutcome: {
      CANJE_ASSIGN_OR_RETURN(auto key, keys.Of(row.person_id));
      if (!key) return Bytes();  // the person is erased: the outcome is dropped
      CANJE_ASSIGN_OR_RETURN(Bytes plain, EncodeOutcome(v[0], v[1], v[2] != "0"));
      return vault.Seal(*key, plain, protect::InterviewOutcomeContext(row.person_id, row.id));
    }
    case Kind::kNotTravellingReason: {
      CANJE_ASSIGN_OR_RETURN(auto key, keys.Of(row.person_id));
      if (!key) return Bytes();
      return vault.Seal(*key, PadReason(v[0]),
                        protect::NotTravellingReasonContext(row.person_id, row.id));
    }
    case Kind::kHoldReference:
      return SealTextWith(vault, protect::HoldReferenceContext(row.id), v[0]);
    case Kind::kHoldLiftReason:
      return SealTextWith(vault, protect::HoldLiftReasonContext(row.id), v[0]);
    case Kind::kLegalActTexts:
      return SealTextWith(vault, protect::LegalActTextsContext(row.id),
                          PairText("authority", v[0], "reference", v[1]));
    case Kind::kResponseReason:
      return SealTextWith(vault, protect::ResponseReasonContext(row.id, row.party), v[0]);
    case Kind::kOverrideJustification:
      return SealTextWith(vault, protect::OverrideJustificationContext(row.id), v[0]);
    case Kind::kHandoverTexts:
      return SealTextWith(vault, protect::HandoverTextsContext(row.person_id, row.id),
                          PairText("place", v[0], "witnesses", store::SplitBarJoined(v[1])));
    case Kind::kReportedCountNote:
      return SealTextWith(vault, protect::ReportedCountNoteContext(row.id), v[0]);
    case Kind::kExchangeReason:
      return SealTextWith(vault, protect::ExchangeStateReasonContext(row.id), v[0]);
  }
  return Status::Internal("an unknown kind of clear text");
}

Status LoadTextKey(protect::Vault& vault, const Bytes& wrapped) {
  CANJE_ASSIGN_OR_RETURN(
      Bytes key, UnwrapStoreKey(vault, wrapped, protect::kTextKeyContext, "this store's text key"));
  vault.SetTextKey(std::move(key));
  return Status::Ok();
}

}  // namespace

Status CreateTextKey(store::WriteTransaction& transaction, protect::Vault& vault) {
  Bytes text_key = RandomBytes(32);
  CANJE_RETURN_IF_ERROR(
      transaction.SetMeta(kTextKeyName, vault.WrapKey(text_key, protect::kTextKeyContext)));
  CANJE_RETURN_IF_ERROR(transaction.SetMeta(kSealedMark, AsBytes(std::string_view("10"))));
  vault.SetTextKey(std::move(text_key));
  return Status::Ok();
}

Result<int64_t> SealClearTexts(store::Store& store, protect::Vault& vault) {
  CANJE_ASSIGN_OR_RETURN(auto wrapped, store.Meta(kTextKeyName));
  CANJE_ASSIGN_OR_RETURN(auto mark, store.Meta(kSealedMark));
  if (wrapped && mark) {
    CANJE_RETURN_IF_ERROR(LoadTextKey(vault, *wrapped));
    return 0;
  }
  int64_t sealed = 0;
  CANJE_RETURN_IF_ERROR(store.MigrateData([&](store::WriteTransaction& transaction) -> Status {
    // Another process may have done it since the look above: look again under the write lock.
    CANJE_ASSIGN_OR_RETURN(auto wrapped_now, store.Meta(kTextKeyName));
    if (wrapped_now) {
      CANJE_RETURN_IF_ERROR(LoadTextKey(vault, *wrapped_now));
      CANJE_RETURN_IF_ERROR(
          transaction.SetMeta(kSealedMark, AsBytes(std::string_view("10"))));
    } else {
      CANJE_RETURN_IF_ERROR(CreateTextKey(transaction, vault));
    }
    CANJE_ASSIGN_OR_RETURN(auto rows, store::ClearTexts(store));
    PersonKeys keys(store, vault);
    for (const store::ClearTextRow& row : rows) {
      CANJE_ASSIGN_OR_RETURN(Bytes bytes, SealClearValue(keys, vault, row));
      CANJE_RETURN_IF_ERROR(store::ReplaceClearText(transaction, row, bytes));
      ++sealed;
    }
    return Status::Ok();
  }));
  // The clear values are overwritten; rewrite the files so that no old page or row version
  // keeps them (SQLite: secure_delete and a WAL checkpoint; PostgreSQL: VACUUM FULL).
  if (sealed > 0) CANJE_RETURN_IF_ERROR(store.connection().Checkpoint());
  return sealed;
}

Result<std::optional<Bytes>> PersonKeys::Of(int64_t person_id) {
  auto found = keys_.find(person_id);
  if (found != keys_.end()) return found->second;
  CANJE_ASSIGN_OR_RETURN(auto person, store_.FindPerson(person_id));
  std::optional<Bytes> key;
  if (person && !person->person.data_key.empty()) {
    CANJE_ASSIGN_OR_RETURN(
        key, vault_.UnwrapKey(person->person.data_key, protect::PersonKeyContext(person_id)));
  }
  keys_[person_id] = key;
  return key;
}

// ---- Sealing --------------------------------------------------------------------------------

Status SealInterviewOutcome(PersonKeys& keys, protect::Vault& vault, store::InterviewRow& row) {
  CANJE_ASSIGN_OR_RETURN(auto key, keys.Of(row.person_id));
  if (!key) return Status::Invalid("P" + N(row.person_id) + " has no data key to seal under");
  CANJE_ASSIGN_OR_RETURN(Bytes plain, EncodeOutcome(row.identity, row.consent, row.fit_to_travel));
  row.outcome_sealed =
      vault.Seal(*key, plain, protect::InterviewOutcomeContext(row.person_id, row.id));
  return Status::Ok();
}

Status SealNotTravellingReason(PersonKeys& keys, protect::Vault& vault,
                               store::NotTravellingRow& row) {
  CANJE_ASSIGN_OR_RETURN(auto key, keys.Of(row.person_id));
  if (!key) return Status::Invalid("P" + N(row.person_id) + " has no data key to seal under");
  row.reason_sealed =
      vault.Seal(*key, PadReason(row.reason),
                 protect::NotTravellingReasonContext(row.person_id, row.exchange_id));
  return Status::Ok();
}

void SealHoldTexts(protect::Vault& vault, store::HoldRow& hold) {
  hold.reference_sealed =
      SealTextWith(vault, protect::HoldReferenceContext(hold.id), hold.reference);
  hold.lift_reason_sealed =
      SealTextWith(vault, protect::HoldLiftReasonContext(hold.id), hold.lift_reason);
}

Bytes SealHoldLiftReason(protect::Vault& vault, int64_t hold_id, std::string_view reason) {
  return SealTextWith(vault, protect::HoldLiftReasonContext(hold_id), reason);
}

void SealLegalActTexts(protect::Vault& vault, store::LegalActRow& act) {
  act.texts_sealed =
      act.authority.empty() && act.reference.empty()
          ? Bytes()
          : SealTextWith(vault, protect::LegalActTextsContext(act.id),
                         PairText("authority", act.authority, "reference", act.reference));
}

void SealResponseReason(protect::Vault& vault, store::ResponseRow& response) {
  response.reason_sealed = SealTextWith(
      vault, protect::ResponseReasonContext(response.version_id, response.party), response.reason);
}

void SealOverrideJustification(protect::Vault& vault, store::OverrideRow& row) {
  row.justification_sealed =
      SealTextWith(vault, protect::OverrideJustificationContext(row.version_id), row.justification);
}

void SealHandoverTexts(protect::Vault& vault, store::HandoverRow& row) {
  row.texts_sealed =
      row.place.empty() && row.witnesses.empty()
          ? Bytes()
          : SealTextWith(vault, protect::HandoverTextsContext(row.person_id, row.exchange_id),
                         PairText("place", row.place, "witnesses", row.witnesses));
}

void SealReportedCountNote(protect::Vault& vault, store::ReportedCountRow& row) {
  row.note_sealed = SealTextWith(vault, protect::ReportedCountNoteContext(row.id), row.note);
}

void SealExchangeReason(protect::Vault& vault, store::ExchangeStateRow& row) {
  row.reason_sealed =
      SealTextWith(vault, protect::ExchangeStateReasonContext(row.exchange_id), row.reason);
}

void SealStageTexts(protect::Vault& vault, store::StageRow& row) {
  row.texts_sealed =
      row.place.empty() && row.postponed_reason.empty()
          ? Bytes()
          : SealTextWith(vault, protect::StageTextsContext(row.exchange_id, row.number),
                         PairText("place", row.place, "postponed_reason", row.postponed_reason));
}

// ---- Opening --------------------------------------------------------------------------------

Status OpenInterviews(PersonKeys& keys, protect::Vault& vault,
                      std::vector<store::InterviewRow>& rows) {
  for (store::InterviewRow& row : rows) {
    if (row.outcome_sealed.empty()) continue;
    CANJE_ASSIGN_OR_RETURN(auto key, keys.Of(row.person_id));
    if (!key) continue;  // erased
    std::string context = protect::InterviewOutcomeContext(row.person_id, row.id);
    Result<Bytes> plain = vault.Open(*key, row.outcome_sealed, context);
    if (!plain.ok() || plain->size() != 3 || (*plain)[0] >= std::size(kIdentities) ||
        (*plain)[1] >= std::size(kConsents)) {
      return Status::NotPermitted("the sealed " + context + " does not open");
    }
    row.identity = std::string(kIdentities[(*plain)[0]]);
    row.consent = std::string(kConsents[(*plain)[1]]);
    row.fit_to_travel = (*plain)[2] != 0;
  }
  return Status::Ok();
}

Status OpenNotTravelling(PersonKeys& keys, protect::Vault& vault,
                         std::vector<store::NotTravellingRow>& rows) {
  for (store::NotTravellingRow& row : rows) {
    if (row.reason_sealed.empty()) continue;
    CANJE_ASSIGN_OR_RETURN(auto key, keys.Of(row.person_id));
    if (!key) continue;  // erased
    std::string context = protect::NotTravellingReasonContext(row.person_id, row.exchange_id);
    Result<Bytes> plain = vault.Open(*key, row.reason_sealed, context);
    if (!plain.ok()) return Status::NotPermitted("the sealed " + context + " does not open");
    row.reason = UnpadReason(*plain);
  }
  return Status::Ok();
}

Status OpenHolds(protect::Vault& vault, std::vector<store::HoldRow>& holds) {
  for (store::HoldRow& hold : holds) {
    CANJE_RETURN_IF_ERROR(OpenTextInto(vault, hold.reference_sealed,
                                       protect::HoldReferenceContext(hold.id), hold.reference));
    CANJE_RETURN_IF_ERROR(OpenTextInto(vault, hold.lift_reason_sealed,
                                       protect::HoldLiftReasonContext(hold.id), hold.lift_reason));
  }
  return Status::Ok();
}

Status OpenLegalActs(protect::Vault& vault, std::vector<store::LegalActRow>& acts) {
  return OpenPairsInto(
      vault, acts,
      [](const store::LegalActRow& act) { return protect::LegalActTextsContext(act.id); },
      "authority", &store::LegalActRow::authority, "reference", &store::LegalActRow::reference);
}

Status OpenResponses(protect::Vault& vault, std::vector<store::ResponseRow>& responses) {
  for (store::ResponseRow& response : responses) {
    CANJE_RETURN_IF_ERROR(OpenTextInto(
        vault, response.reason_sealed,
        protect::ResponseReasonContext(response.version_id, response.party), response.reason));
  }
  return Status::Ok();
}

Status OpenOverride(protect::Vault& vault, store::OverrideRow& row) {
  return OpenTextInto(vault, row.justification_sealed,
                      protect::OverrideJustificationContext(row.version_id), row.justification);
}

Status OpenHandovers(protect::Vault& vault, std::vector<store::HandoverRow>& rows) {
  return OpenPairsInto(
      vault, rows,
      [](const store::HandoverRow& row) {
        return protect::HandoverTextsContext(row.person_id, row.exchange_id);
      },
      "place", &store::HandoverRow::place, "witnesses", &store::HandoverRow::witnesses);
}

Status OpenReportedCounts(protect::Vault& vault, std::vector<store::ReportedCountRow>& rows) {
  for (store::ReportedCountRow& row : rows) {
    CANJE_RETURN_IF_ERROR(
        OpenTextInto(vault, row.note_sealed, protect::ReportedCountNoteContext(row.id), row.note));
  }
  return Status::Ok();
}

Status OpenExchangeReason(protect::Vault& vault, store::ExchangeStateRow& row) {
  return OpenTextInto(vault, row.reason_sealed,
                      protect::ExchangeStateReasonContext(row.exchange_id), row.reason);
}

Status OpenStages(protect::Vault& vault, std::vector<store::StageRow>& rows) {
  return OpenPairsInto(
      vault, rows,
      [](const store::StageRow& row) {
        return protect::StageTextsContext(row.exchange_id, row.number);
      },
      "place", &store::StageRow::place, "postponed_reason", &store::StageRow::postponed_reason);
}

}  // namespace canje::instance
