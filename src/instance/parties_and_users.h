// Parties and users: who takes part in the instance, and who acts for them.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "instance/instance.h"
#include "store/store.h"

namespace canje::instance {

struct NewParty {
  std::string code;  // ISO 3166-1 alpha-3 for a state; an upper-case slug (ICRC) otherwise
  std::string name;
  std::string kind = "state";  // state, intermediary, organisation
};

// Checks the code and kind (kUsage, saying what a valid code looks like), refuses a duplicate
// (kConflict), and records "party.added".
Status AddParty(Instance& instance, const NewParty& party);

struct NewUser {
  std::string name;   // letters, digits, '.', '-', '_'; 1-64 characters
  std::string party;  // an existing party code
  std::string role;   // admin, mediator, negotiator, verifier, observer
};

// Records "user.added". kNotFound for an unknown party, kConflict for a taken name.
Status AddUser(Instance& instance, const NewUser& user);

// The parties and the users, in the store's order (`canje party list`, `canje user list`):
// every role that may read the registry reads them.
Result<std::vector<store::PartyRow>> ReadParties(Instance& instance);
Result<std::vector<store::UserRow>> ReadUsers(Instance& instance);

// Validates a party code's form for a kind (used by the importer for holder codes too).
Status CheckPartyCode(std::string_view code, std::string_view kind);

}  // namespace canje::instance
