#include "negotiation/unerased_person.h"

#include <string>

#include "instance/ids.h"

namespace canje::negotiation {

Result<store::PersonView> FindUnerasedPerson(store::Store& store, int64_t person_id) {
  const std::string subject = instance::PersonId(person_id);
  CANJE_ASSIGN_OR_RETURN(auto person, store.FindPerson(person_id));
  if (!person) return Status::NotFound("no person " + subject);
  if (!person->person.erased_at.empty()) {
    return Status::Conflict(subject + " was erased on " + person->person.erased_at +
                            "; nothing more is recorded about them");
  }
  return *std::move(person);
}

}  // namespace canje::negotiation
