#include "instance/need_to_know.h"

#include "instance/ids.h"

namespace canje::instance {

bool SeesEveryPerson(Role role) {
  return role == Role::kAdmin || role == Role::kMediator || role == Role::kVerifier;
}

bool ReadsPersonalAssessments(Role role) { return SeesEveryPerson(role); }

std::vector<std::string> RoleNamesSeeingEveryPerson() {
  std::vector<std::string> names;
  for (Role role : AllRoles()) {
    if (SeesEveryPerson(role)) names.emplace_back(RoleName(role));
  }
  return names;
}

void RestrictToNeedToKnow(const Instance& instance, store::PersonFilter& filter) {
  if (SeesEveryPerson(instance.role())) return;
  filter.visible_to_party = instance.actor().party;
  filter.confirming_roles = RoleNamesSeeingEveryPerson();
  filter.visible_as_observer = instance.role() == Role::kObserver;
}

namespace {

// SeesFoundPerson, with or without ground (b), a list of the party's own.
Result<bool> SeesFoundPersonThrough(Instance& instance, const store::PersonView& view,
                                    bool through_own_lists) {
  int64_t person_id = view.person.id;
  if (view.person.merged_into != 0) person_id = view.person.merged_into;
  if (SeesEveryPerson(instance.role())) return true;
  store::PersonFilter filter;
  filter.person_id = person_id;
  RestrictToNeedToKnow(instance, filter);
  filter.visible_through_own_lists = through_own_lists;
  // Another party's records are read by custody or agreement only, never as an observer (d).
  if (!through_own_lists) filter.visible_as_observer = false;
  bool visible = false;
  CANJE_RETURN_IF_ERROR(instance.store().ForEachPerson(filter, [&](const store::PersonView&) {
    visible = true;
    return Status::Ok();
  }));
  return visible;
}

// SeesPerson, with or without ground (b).
Result<bool> SeesPersonThrough(Instance& instance, int64_t person_id, bool through_own_lists) {
  CANJE_ASSIGN_OR_RETURN(auto view, instance.store().FindPerson(person_id));
  if (!view) return false;
  return SeesFoundPersonThrough(instance, *view, through_own_lists);
}

}  // namespace

Result<bool> SeesPerson(Instance& instance, int64_t person_id) {
  return SeesPersonThrough(instance, person_id, /*through_own_lists=*/true);
}

Result<bool> SeesFoundPerson(Instance& instance, const store::PersonView& person) {
  return SeesFoundPersonThrough(instance, person, /*through_own_lists=*/true);
}

Status PersonNotSeen(int64_t person_id) {
  return Status::NotFound("no person " + PersonId(person_id) +
                          " that you may see; search with `canje persons`");
}

bool OwnsOrSeesAllOf(const Instance& instance, const store::ListRow& list) {
  return SeesEveryPerson(instance.role()) || list.party == instance.actor().party;
}

Result<bool> SeesRecord(Instance& instance, const store::ListRow& list, int64_t person_id) {
  if (OwnsOrSeesAllOf(instance, list)) return true;
  if (person_id == 0) return false;
  return SeesPersonThrough(instance, person_id, /*through_own_lists=*/false);
}

}  // namespace canje::instance
