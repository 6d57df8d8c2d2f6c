#include "negotiation/holds.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "instance/event_types.h"
#include "instance/ids.h"
#include "instance/need_to_know.h"
#include "instance/parties_and_users.h"
#include "instance/sealed_texts.h"
#include "negotiation/eligibility.h"
#include "negotiation/hold_rule_fields.h"
#include "negotiation/hold_scope.h"

namespace canje::negotiation {
namespace {

// The rule part of a hold as a person filter (narrows the scan; HoldCovers decides).
store::PersonFilter FilterFor(const store::HoldRow& hold) {
  store::PersonFilter filter;
  if (hold.persons.empty()) {
    for (const HoldRuleField& field : HoldRuleFields()) {
      if (field.filter != nullptr) filter.*field.filter = hold.*field.member;
    }
  }
  if (hold.persons.size() == 1) filter.person_id = hold.persons.front();
  return filter;
}

// The persons `hold` covers; only those the acting user may read with `need_to_know`.
Result<std::vector<int64_t>> Covered(instance::Instance& instance, const store::HoldRow& hold,
                                     bool need_to_know) {
  std::vector<int64_t> covered;
  store::PersonFilter filter = FilterFor(hold);
  if (need_to_know) instance::RestrictToNeedToKnow(instance, filter);
  CANJE_RETURN_IF_ERROR(instance.store().ForEachPerson(filter, [&](const store::PersonView& person) {
    if (HoldCovers(hold, person)) covered.push_back(person.person.id);
    return Status::Ok();
  }));
  return covered;
}

std::string StateOn(const store::HoldRow& hold, const std::string& date) {
  if (!hold.lifted_on.empty() && date >= hold.lifted_on) return "lifted";
  if (date < hold.effective_from) return "not yet in force";
  if (!hold.effective_until.empty() && date > hold.effective_until) return "expired";
  return "in force";
}

Result<HoldView> ViewOf(instance::Instance& instance, store::HoldRow hold, const std::string& date,
                        bool with_persons) {
  HoldView view;
  view.in_force = HoldInForce(hold, date);
  view.state = StateOn(hold, date);
  // Listed ids are need-to-know too: their visibility is needed even without the covered list.
  const bool need_to_know = !instance::SeesEveryPerson(instance.role());
  if (with_persons || (need_to_know && !hold.persons.empty())) {
    CANJE_ASSIGN_OR_RETURN(auto all, Covered(instance, hold, false));
    if (need_to_know) {
      CANJE_ASSIGN_OR_RETURN(view.covered, Covered(instance, hold, true));
      view.covered_hidden = static_cast<int64_t>(all.size() - view.covered.size());
    } else {
      view.covered = std::move(all);
    }
  }
  if (need_to_know) {
    std::vector<int64_t> listed;
    for (int64_t id : hold.persons) {
      if (std::binary_search(view.covered.begin(), view.covered.end(), id)) listed.push_back(id);
    }
    hold.persons = std::move(listed);
  }
  view.hold = std::move(hold);
  return view;
}

std::string DayOrToday(const std::string& date) { return date.empty() ? TodayIso() : date; }

}  // namespace

Result<int64_t> ParseHoldId(std::string_view text) {
  return instance::ParseId(text, 'H', "legal hold");
}

Result<int64_t> AddHold(instance::Instance& instance, const NewHold& hold) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kManageHolds));
  store::HoldRow row;
  row.issuer = hold.issuer;
  row.reference = hold.reference;
  row.effective_from = hold.effective_from;
  row.effective_until = hold.effective_until;
  row.persons = hold.persons;
  std::sort(row.persons.begin(), row.persons.end());
  row.persons.erase(std::unique(row.persons.begin(), row.persons.end()), row.persons.end());
  bool has_rule = false;
  for (const auto& [name, value] : hold.rule) {
    if (!FindHoldRuleField(name)) {
      return Status::Usage("a legal hold's rule has no field '" + name +
                           "' (its options: " + HoldRuleFlags() + ")");
    }
    has_rule = has_rule || !value.empty();
  }
  if (row.persons.empty() && !has_rule) {
    return Status::Usage(
        "a legal hold without a scope would cover nobody: list the persons it names "
        "(--person P17 --person P18) or give its rule (" +
        HoldRuleFlags() + ")");
  }
  if (!row.persons.empty() && has_rule) {
    return Status::Usage("give either the listed persons (--person) or a rule (" + HoldRuleFlags() +
                         "), not both; record two holds if the order has both parts");
  }
  if (hold.issuer.empty()) {
    return Status::Usage("a legal hold needs its issuer: --issuer \"Supreme Court of ...\"");
  }
  if (hold.reference.empty()) {
    return Status::Usage(
        "a legal hold needs its reference (docket or decree number): "
        "--reference \"24A931\"");
  }
  if (hold.effective_from.empty()) {
    return Status::Usage("say from which day the hold is in force: --from YYYY-MM-DD");
  }
  CANJE_RETURN_IF_ERROR(CheckDay(hold.effective_from, "--from"));
  if (!hold.effective_until.empty()) {
    CANJE_RETURN_IF_ERROR(CheckDay(hold.effective_until, "--until"));
    if (hold.effective_until < hold.effective_from) {
      return Status::Usage("--until " + hold.effective_until + " is before --from " +
                           hold.effective_from + "; the hold would never be in force");
    }
  }
  for (int64_t id : row.persons) {
    CANJE_ASSIGN_OR_RETURN(auto person, instance.store().FindPerson(id));
    if (!person) return Status::NotFound("no person " + instance::PersonId(id));
  }
  for (const HoldRuleField& field : HoldRuleFields()) {
    auto given = hold.rule.find(std::string(field.name));
    if (given == hold.rule.end() || given->second.empty()) continue;
    CANJE_ASSIGN_OR_RETURN(row.*field.member,
                           field.canonical(instance.store(), given->second, HoldRuleFlag(field)));
  }
  int64_t id = 0;
  CANJE_RETURN_IF_ERROR(instance.Change([&](instance::Recorder& recorder) -> Status {
    CANJE_ASSIGN_OR_RETURN(row.id, store::NextHoldId(recorder.transaction()));
    instance::SealHoldTexts(recorder.vault(), row);
    CANJE_ASSIGN_OR_RETURN(id, store::AddHold(recorder.transaction(), row));
    nlohmann::json persons = nlohmann::json::array();
    for (int64_t person : row.persons) persons.push_back(instance::PersonId(person));
    nlohmann::json rule = nlohmann::json::object();  // every field, "" when not given
    for (const HoldRuleField& field : HoldRuleFields()) {
      rule[std::string(field.name)] = row.*field.member;
    }
    return recorder
        .Record(events::kHoldAdded, {HoldId(id)},
                {{"hold", HoldId(id)},
                 {"issuer", row.issuer},
                 {"reference", row.reference},
                 {"from", row.effective_from},
                 {"until", row.effective_until},
                 {"persons", persons},
                 {"rule", rule}})
        .status();
  }));
  return id;
}

namespace {

// Hold `id` with its sealed texts opened (instance/sealed_texts.h).
Result<std::optional<store::HoldRow>> FindOpenedHold(instance::Instance& instance, int64_t id) {
  CANJE_ASSIGN_OR_RETURN(auto hold, store::FindHold(instance.store(), id));
  if (!hold) return hold;
  std::vector<store::HoldRow> one{std::move(*hold)};
  CANJE_RETURN_IF_ERROR(instance::OpenHolds(instance.vault(), one));
  return std::optional<store::HoldRow>(std::move(one.front()));
}

}  // namespace

Status LiftHold(instance::Instance& instance, int64_t id, const std::string& lifted_on,
                const std::string& reason) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kManageHolds));
  if (reason.empty()) {
    return Status::Usage(
        "say why the hold is lifted: --reason \"order vacated on ...\"; the "
        "reason is logged");
  }
  std::string day = DayOrToday(lifted_on);
  CANJE_RETURN_IF_ERROR(CheckDay(day, "--on"));
  CANJE_ASSIGN_OR_RETURN(auto hold, FindOpenedHold(instance, id));
  if (!hold) return Status::NotFound("no legal hold " + HoldId(id) + "; see `canje hold list`");
  if (!hold->lifted_on.empty()) {
    return Status::Conflict("legal hold " + HoldId(id) + " was already lifted from " +
                            hold->lifted_on + " (" + hold->lift_reason + ")");
  }
  return instance.Change([&](instance::Recorder& recorder) -> Status {
    CANJE_RETURN_IF_ERROR(store::LiftHold(recorder.transaction(), id, day,
                                          instance::SealHoldLiftReason(recorder.vault(), id, reason)));
    return recorder
        .Record(events::kHoldLifted, {HoldId(id)},
                {{"hold", HoldId(id)}, {"lifted_on", day}, {"reason", reason}})
        .status();
  });
}

Result<std::vector<HoldView>> ListHolds(instance::Instance& instance, const std::string& date,
                                        bool with_persons, int64_t person_id) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kReadRegistry));
  std::string day = DayOrToday(date);
  CANJE_RETURN_IF_ERROR(CheckDay(day, "--on"));
  if (person_id != 0) {
    // What the reader may not see answers as what does not exist (docs/principles.md):
    // SeesPerson is false for an unknown id too.
    CANJE_ASSIGN_OR_RETURN(bool visible, instance::SeesPerson(instance, person_id));
    if (!visible) return instance::PersonNotSeen(person_id);
  }
  CANJE_ASSIGN_OR_RETURN(auto holds, store::Holds(instance.store()));
  CANJE_RETURN_IF_ERROR(instance::OpenHolds(instance.vault(), holds));
  std::vector<HoldView> views;
  for (store::HoldRow& hold : holds) {
    CANJE_ASSIGN_OR_RETURN(
        auto view, ViewOf(instance, std::move(hold), day, with_persons || person_id != 0));
    if (person_id != 0 &&
        !std::binary_search(view.covered.begin(), view.covered.end(), person_id)) {
      continue;
    }
    views.push_back(std::move(view));
  }
  return views;
}

Result<HoldView> ShowHold(instance::Instance& instance, int64_t id, const std::string& date) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kReadRegistry));
  std::string day = DayOrToday(date);
  CANJE_RETURN_IF_ERROR(CheckDay(day, "--on"));
  CANJE_ASSIGN_OR_RETURN(auto hold, FindOpenedHold(instance, id));
  if (!hold) return Status::NotFound("no legal hold " + HoldId(id) + "; see `canje hold list`");
  return ViewOf(instance, std::move(*hold), day, true);
}

}  // namespace canje::negotiation
