#include "registry/scenario_loader.h"

#include <nlohmann/json.hpp>

#include <fstream>

#include "instance/parties_and_users.h"
#include "registry/importer.h"

namespace canje::registry {

Status LoadScenario(instance::Instance& instance, const std::filesystem::path& directory,
                    const std::function<void(const LoadedList&)>& on_list) {
  std::filesystem::path manifest_path = directory / "scenario.json";
  std::ifstream in(manifest_path);
  if (!in) return Status::NotFound("no scenario at " + manifest_path.string());
  nlohmann::json manifest = nlohmann::json::parse(in, nullptr, false);
  if (manifest.is_discarded() || !manifest.is_object()) {
    return Status::Invalid(manifest_path.string() + ": not a JSON object");
  }
  auto text = [&](const nlohmann::json& object, const char* key, const std::string& path)
      -> Result<std::string> {
    if (!object.contains(key) || !object[key].is_string()) {
      return Status::Invalid(manifest_path.string() + ": " + path + "." + key +
                             " must be a string");
    }
    return object[key].get<std::string>();
  };
  const nlohmann::json& parties = manifest["parties"];
  for (size_t i = 0; i < parties.size(); ++i) {
    std::string path = "$.parties[" + std::to_string(i) + "]";
    instance::NewParty party;
    CANJE_ASSIGN_OR_RETURN(party.code, text(parties[i], "code", path));
    CANJE_ASSIGN_OR_RETURN(party.name, text(parties[i], "name", path));
    CANJE_ASSIGN_OR_RETURN(party.kind, text(parties[i], "kind", path));
    CANJE_ASSIGN_OR_RETURN(auto existing, instance.store().FindParty(party.code));
    if (!existing) CANJE_RETURN_IF_ERROR(instance::AddParty(instance, party));
  }
  const nlohmann::json& lists = manifest["lists"];
  for (size_t i = 0; i < lists.size(); ++i) {
    std::string path = "$.lists[" + std::to_string(i) + "]";
    ImportOptions options;
    CANJE_ASSIGN_OR_RETURN(std::string file, text(lists[i], "file", path));
    options.file = directory / file;
    CANJE_ASSIGN_OR_RETURN(options.kind, text(lists[i], "kind", path));
    CANJE_ASSIGN_OR_RETURN(options.source, text(lists[i], "source", path));
    CANJE_ASSIGN_OR_RETURN(options.party, text(lists[i], "party", path));
    if (lists[i].contains("holder") && lists[i]["holder"].is_string()) {
      options.default_holder = lists[i]["holder"].get<std::string>();
    }
    CANJE_ASSIGN_OR_RETURN(ImportReport report, ImportList(instance, options));
    if (on_list) on_list({file, report.list_id, report.imported});
  }
  return Status::Ok();
}

}  // namespace canje::registry
