// The JSON forms of the instance itself: its creation, parties and users
// (instance/parties_and_users.h), a person's erasure (registry/erasure.h), a master key's
// rotation (instance/key_management.h) and a store copied to another backend (store/store_copy.h),
// for `canje init|party|user|erase|key rotate|migrate --json`.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "instance/instance.h"
#include "instance/key_management.h"
#include "instance/parties_and_users.h"
#include "registry/erasure.h"
#include "store/store_copy.h"

namespace canje::wire {

// `canje init`: {"database", "master_key_file", "instance_id", "origin", "admin"}
nlohmann::json InstanceCreatedJson(const std::string& database, const instance::InitResult& init);

// {"code", "name", "kind"} (a party added or listed)
nlohmann::json PartyJson(const instance::NewParty& party);
nlohmann::json PartyJson(const store::PartyRow& party);
// {"name", "party", "role"} for a user added; a listed user adds "created_at".
nlohmann::json UserJson(const instance::NewUser& user);
nlohmann::json UserJson(const store::UserRow& user);

// `canje erase`: {"person", "records", "events", "event"}
nlohmann::json ErasureJson(const registry::ErasureReport& report);
// `canje key rotate`: {"old_key_id", "new_key_id", "rewrapped", "resumed"}
nlohmann::json KeyRotationJson(const instance::RotationReport& report);
// `canje migrate`: {"tables": {"name": rows...}, "log": {"size", "root" (base64)}}
nlohmann::json StoreCopyJson(const store::CopyReport& report);

}  // namespace canje::wire
