#include "instance/key_management.h"

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/atomic_file.h"
#include "core/database_location.h"
#include "instance/event_types.h"
#include "instance/sealed_texts.h"
#include "protect/sealing_contexts.h"

namespace canje::instance {

Result<Bytes> UnwrapStoreKey(protect::Vault& vault, ByteView wrapped, std::string_view context,
                             std::string_view what) {
  Result<Bytes> key = vault.UnwrapKey(wrapped, context);
  if (!key.ok()) {
    return Status::NotPermitted("the master key does not open " + std::string(what) + ": " +
                                key.status().message());
  }
  return key;
}

std::string DefaultMasterKeyFile(const std::string& database) {
  if (!IsPostgresUrl(database)) return database + ".key";
  std::filesystem::path folder;
  if (const char* config = std::getenv("XDG_CONFIG_HOME"); config != nullptr && *config != '\0') {
    folder = config;
  } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    folder = std::filesystem::path(home) / ".config";
  }
  folder /= "canje";
  std::error_code ignored;
  if (std::filesystem::create_directories(folder, ignored)) {
    std::filesystem::permissions(folder, std::filesystem::perms::owner_all, ignored);
  }
  std::string name = RedactedUrl(database);
  name = name.substr(name.find("://") + 3);
  if (size_t at = name.rfind('@'); at != std::string::npos) name = name.substr(at + 1);
  if (size_t query = name.find('?'); query != std::string::npos) name = name.substr(0, query);
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') c = '_';
  }
  return (folder / (name + ".key")).string();
}

Status BackupMasterKey(Instance& instance,
                       const std::function<Result<std::string>()>& passphrase,
                       const std::filesystem::path& out, protect::ScryptCost cost) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kManageKeys));
  if (std::filesystem::exists(out)) {
    return Status::Conflict(out.string() + " already exists; choose another --out");
  }
  CANJE_ASSIGN_OR_RETURN(std::string given, passphrase());
  CANJE_ASSIGN_OR_RETURN(std::string sealed,
                         protect::SealKeyBackup(instance.vault().keys(), given, cost));
  return WriteFileAtomically(out, sealed, {.mode = 0600, .replace = false});
}

Status RestoreMasterKey(const OpenOptions& options, const std::filesystem::path& backup,
                        const std::string& passphrase) {
  if (std::filesystem::exists(options.master_key_file)) {
    return Status::Conflict("a master key file already exists at " + options.master_key_file +
                            "; restore to another path with --master-key, or move it away");
  }
  std::ifstream in(backup);
  if (!in) return Status::NotFound("cannot read key backup " + backup.string());
  std::stringstream text;
  text << in.rdbuf();
  CANJE_ASSIGN_OR_RETURN(protect::MasterKeyFile keys, protect::OpenKeyBackup(text.str(), passphrase));
  CANJE_RETURN_IF_ERROR(protect::WriteMasterKeyFile(options.master_key_file, keys, true));
  Result<std::unique_ptr<Instance>> opened = Instance::Open(options);
  Status status = opened.ok() ? (*opened)->Authorize(Action::kManageKeys) : opened.status();
  if (!status.ok()) {
    std::filesystem::remove(options.master_key_file);
    return status.WithContext("restored key not kept");
  }
  return Status::Ok();
}

Result<RotationReport> RotateMasterKey(Instance& instance, const std::filesystem::path& key_file) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kManageKeys));
  protect::MasterKeyFile keys = instance.vault().keys();
  RotationReport report;
  if (keys.previous) {
    report.resumed = true;
  } else {
    keys.previous = keys.current;
    keys.current = protect::GenerateMasterKey();
    CANJE_RETURN_IF_ERROR(protect::WriteMasterKeyFile(key_file, keys, false));
  }
  report.old_key_id = keys.previous->id;
  report.new_key_id = keys.current.id;
  instance.UseKeys(keys);
  protect::Vault& vault = instance.vault();
  // Contexts under which each table's keys were wrapped (see the Vault's callers).
  auto context_for = [](const store::WriteTransaction::WrappedKeyRow& row) -> std::string {
    if (row.table == "persons") return protect::PersonKeyContext(row.id);
    if (row.table == "list_records") return protect::RecordKeyContext(row.id);
    if (row.table == "events") return std::string(protect::kEventPayloadContext);
    if (row.name == "log_signer") return std::string(protect::kLogSigningKeyContext);
    if (row.name == "text_key") return std::string(protect::kTextKeyContext);
    return std::string(protect::kIndexKeyContext);
  };
  CANJE_RETURN_IF_ERROR(instance.Change([&](Recorder& recorder) -> Status {
    store::WriteTransaction& transaction = recorder.transaction();
    CANJE_RETURN_IF_ERROR(transaction.ForEachWrappedKey([&](const auto& row) -> Status {
      if (vault.IsWrappedByCurrentKey(row.wrapped)) return Status::Ok();
      std::string context = context_for(row);
      CANJE_ASSIGN_OR_RETURN(Bytes key, vault.UnwrapKey(row.wrapped, context));
      ++report.rewrapped;
      return transaction.ReplaceWrappedKey(row, vault.WrapKey(key, context));
    }));
    return recorder
        .Record(events::kKeyRotated, {},
                {{"old_key_id", report.old_key_id},
                 {"new_key_id", report.new_key_id},
                 {"rewrapped", report.rewrapped},
                 {"resumed", report.resumed}})
        .status();
  }));
  CANJE_RETURN_IF_ERROR(instance.store().connection().Checkpoint());
  keys.previous.reset();
  CANJE_RETURN_IF_ERROR(protect::WriteMasterKeyFile(key_file, keys, false));
  return report;
}

}  // namespace canje::instance
