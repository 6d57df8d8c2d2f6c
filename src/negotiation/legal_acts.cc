#include "negotiation/legal_acts.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "instance/event_types.h"
#include "instance/ids.h"
#include "instance/need_to_know.h"
#include "instance/sealed_texts.h"
#include "negotiation/eligibility.h"
#include "negotiation/hold_scope.h"
#include "negotiation/unerased_person.h"

namespace canje::negotiation {
namespace {

constexpr std::string_view kTypes[] = {"pardon", "commutation", "charges_dropped",
                                       "alternative_measures", "expulsion_order"};

// "Charges dropped", "charges-dropped" -> "charges_dropped".
std::string NormalizeType(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' || c == '-') {
      out += '_';
    } else {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

}  // namespace

std::span<const std::string_view> LegalActTypes() { return kTypes; }

std::string LegalActId(int64_t id) { return "A" + std::to_string(id); }

Result<int64_t> RecordLegalAct(instance::Instance& instance, const NewLegalAct& act,
                               std::string* fault) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kRecordLegalAct));
  auto at = [fault](std::string_view member, Status status) {
    if (fault != nullptr && !status.ok()) *fault = member;
    return status;
  };
  std::string type = NormalizeType(act.type);
  if (std::find(std::begin(kTypes), std::end(kTypes), type) == std::end(kTypes)) {
    return at("type", Status::Usage("unknown legal act type '" + act.type +
                                    "'; use pardon, commutation, charges_dropped, "
                                    "alternative_measures or expulsion_order"));
  }
  if (act.date.empty()) {
    return at("date", Status::Usage("say on which day the act was taken: --date YYYY-MM-DD"));
  }
  CANJE_RETURN_IF_ERROR(at("date", CheckDay(act.date, "--date")));
  if (act.authority.empty()) {
    return at("authority", Status::Usage("say which authority took the act: --authority \"...\""));
  }
  if (act.status_after.empty()) {
    return at("status_after", Status::Usage("say the person's legal status after release: "
                                            "--status-after \"free\" (or \"conditional "
                                            "release\", \"expelled\", ...)"));
  }
  std::string subject = instance::PersonId(act.person_id);
  Result<store::PersonView> person = FindUnerasedPerson(instance.store(), act.person_id);
  if (!person.ok()) return at("person", person.status());
  store::LegalActRow row;
  row.person_id = act.person_id;
  row.type = type;
  row.act_date = act.date;
  row.authority = act.authority;
  row.reference = act.reference;
  row.status_after = act.status_after;
  int64_t id = 0;
  CANJE_RETURN_IF_ERROR(instance.Change([&](instance::Recorder& recorder) -> Status {
    CANJE_ASSIGN_OR_RETURN(row.id, store::NextLegalActId(recorder.transaction()));
    instance::SealLegalActTexts(recorder.vault(), row);
    CANJE_ASSIGN_OR_RETURN(id, store::AddLegalAct(recorder.transaction(), row));
    return recorder
        .Record(events::kLegalActRecorded, {subject, LegalActId(id)},
                {{"act", LegalActId(id)},
                 {"person", subject},
                 {"type", row.type},
                 {"date", row.act_date},
                 {"authority", row.authority},
                 {"reference", row.reference},
                 {"status_after", row.status_after}})
        .status();
  }));
  return id;
}

Result<std::vector<store::LegalActRow>> ListLegalActs(instance::Instance& instance,
                                                      int64_t person_id) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kReadRegistry));
  if (person_id != 0) {
    CANJE_ASSIGN_OR_RETURN(auto person, instance.store().FindPerson(person_id));
    if (!person) return Status::NotFound("no person " + instance::PersonId(person_id));
  }
  CANJE_ASSIGN_OR_RETURN(auto acts, store::LegalActs(instance.store(), person_id));
  CANJE_RETURN_IF_ERROR(instance::OpenLegalActs(instance.vault(), acts));
  if (instance::SeesEveryPerson(instance.role())) return acts;
  std::unordered_set<int64_t> visible;
  store::PersonFilter filter;
  filter.person_id = person_id;
  instance::RestrictToNeedToKnow(instance, filter);
  CANJE_RETURN_IF_ERROR(instance.store().ForEachPerson(filter, [&](const store::PersonView& p) {
    visible.insert(p.person.id);
    return Status::Ok();
  }));
  if (person_id != 0 && visible.empty()) {
    // What the caller may not see is not found (docs/principles.md, the status table).
    return Status::NotFound("no person " + instance::PersonId(person_id));
  }
  std::erase_if(acts,
                [&](const store::LegalActRow& act) { return !visible.contains(act.person_id); });
  return acts;
}

}  // namespace canje::negotiation
