#include "wire/instance_json.h"

#include "core/encoding.h"
#include "instance/ids.h"

namespace canje::wire {

using nlohmann::json;

json InstanceCreatedJson(const std::string& database, const instance::InitResult& init) {
  return {{"database", database},
          {"master_key_file", init.master_key_file},
          {"instance_id", init.instance_id},
          {"origin", init.origin},
          {"admin", init.admin_name}};
}

json PartyJson(const instance::NewParty& party) {
  return {{"code", party.code}, {"name", party.name}, {"kind", party.kind}};
}

json PartyJson(const store::PartyRow& party) {
  return PartyJson(instance::NewParty{party.code, party.name, party.kind});
}

json UserJson(const instance::NewUser& user) {
  return {{"name", user.name}, {"party", user.party}, {"role", user.role}};
}

json UserJson(const store::UserRow& user) {
  json out = UserJson(instance::NewUser{user.name, user.party, user.role});
  out["created_at"] = user.created_at;
  return out;
}

json ErasureJson(const registry::ErasureReport& report) {
  return {{"person", instance::PersonId(report.person_id)},
          {"records", report.records},
          {"events", report.events},
          {"event", report.event_seq}};
}

json KeyRotationJson(const instance::RotationReport& report) {
  return {{"old_key_id", report.old_key_id},
          {"new_key_id", report.new_key_id},
          {"rewrapped", report.rewrapped},
          {"resumed", report.resumed}};
}

json StoreCopyJson(const store::CopyReport& report) {
  json tables = json::object();
  for (const auto& table : report.tables) tables[table.name] = table.rows;
  return {{"tables", tables},
          {"log", {{"size", report.events}, {"root", Base64Encode(report.root)}}}};
}

}  // namespace canje::wire
