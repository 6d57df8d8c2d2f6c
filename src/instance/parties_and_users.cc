#include "instance/parties_and_users.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "instance/event_types.h"

namespace canje::instance {
namespace {

bool IsUpperSlug(std::string_view code) {
  return !code.empty() && code.size() <= 16 && std::isupper(static_cast<unsigned char>(code[0])) &&
         std::all_of(code.begin(), code.end(), [](char c) {
           return std::isupper(static_cast<unsigned char>(c)) ||
                  std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '_';
         });
}

bool IsUserName(std::string_view name) {
  return !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';
  });
}

}  // namespace

Status CheckPartyCode(std::string_view code, std::string_view kind) {
  if (kind != "state" && kind != "intermediary" && kind != "organisation") {
    return Status::Usage("unknown party kind '" + std::string(kind) +
                         "'; use state, intermediary or organisation");
  }
  if (kind == "state") {
    bool alpha3 = code.size() == 3 && std::all_of(code.begin(), code.end(), [](char c) {
                    return std::isupper(static_cast<unsigned char>(c));
                  });
    if (!alpha3) {
      return Status::Usage("'" + std::string(code) +
                           "' is not an ISO 3166-1 alpha-3 code; a state's code is three "
                           "upper-case letters such as VEN or SLV");
    }
    return Status::Ok();
  }
  if (!IsUpperSlug(code)) {
    return Status::Usage("'" + std::string(code) +
                         "' is not a valid party code; use upper-case letters, digits, '-' or "
                         "'_', at most 16 characters, such as ICRC");
  }
  return Status::Ok();
}

Status AddParty(Instance& instance, const NewParty& party) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kManageParties));
  CANJE_RETURN_IF_ERROR(CheckPartyCode(party.code, party.kind));
  if (party.name.empty()) return Status::Usage("a party needs a name: --name \"...\"");
  CANJE_ASSIGN_OR_RETURN(auto existing, instance.store().FindParty(party.code));
  if (existing) {
    return Status::Conflict("party " + party.code + " already exists (" + existing->name + ")");
  }
  return instance.Change([&](Recorder& recorder) -> Status {
    CANJE_RETURN_IF_ERROR(recorder.transaction().AddParty({party.code, party.name, party.kind, ""}));
    return recorder
        .Record(events::kPartyAdded, {party.code},
                {{"code", party.code}, {"name", party.name}, {"kind", party.kind}})
        .status();
  });
}

Result<std::vector<store::PartyRow>> ReadParties(Instance& instance) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kReadRegistry));
  return instance.store().Parties();
}

Result<std::vector<store::UserRow>> ReadUsers(Instance& instance) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kReadRegistry));
  return instance.store().Users();
}

Status AddUser(Instance& instance, const NewUser& user) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kManageUsers));
  if (!IsUserName(user.name)) {
    return Status::Usage("'" + user.name +
                         "' is not a valid user name; use letters, digits, '.', '-' or '_'");
  }
  CANJE_RETURN_IF_ERROR(ParseRole(user.role).status());
  CANJE_ASSIGN_OR_RETURN(auto party, instance.store().FindParty(user.party));
  if (!party) {
    return Status::NotFound("no party " + user.party + "; add it first with `canje party add " +
                            user.party + " --name ...`");
  }
  CANJE_ASSIGN_OR_RETURN(auto existing, instance.store().FindUser(user.name));
  if (existing) return Status::Conflict("user " + user.name + " already exists");
  return instance.Change([&](Recorder& recorder) -> Status {
    CANJE_RETURN_IF_ERROR(recorder.transaction().AddUser({user.name, user.party, user.role, ""}));
    return recorder
        .Record(events::kUserAdded, {user.party},
                {{"name", user.name}, {"party", user.party}, {"role", user.role}})
        .status();
  });
}

}  // namespace canje::instance
