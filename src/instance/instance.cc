#include "instance/instance.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/database_location.h"
#include "core/digest.h"
#include "instance/event_types.h"
#include "instance/key_management.h"
#include "instance/sealed_events.h"
#include "instance/sealed_texts.h"
#include "instance/transparency_log.h"
#include "protect/sealing_contexts.h"
#include "store/migrations.h"
#include "store/name_word_tables.h"

namespace canje::instance {
namespace {

constexpr size_t kSaltSize = 32;

// Opens the wrapped index key: the check that the key file belongs to this store.
Status LoadIndexKey(store::Store& store, protect::Vault& vault) {
  CANJE_ASSIGN_OR_RETURN(auto wrapped, store.Meta("index_key"));
  if (!wrapped) return Status::Invalid("the store has no index key: it is damaged");
  CANJE_ASSIGN_OR_RETURN(Bytes index_key,
                         UnwrapStoreKey(vault, *wrapped, protect::kIndexKeyContext, "this store"));
  vault.SetIndexKey(std::move(index_key));
  return Status::Ok();
}

}  // namespace

Instance::Instance(std::unique_ptr<store::Store> store, std::unique_ptr<protect::Vault> vault,
                   store::Actor actor, Role role)
    : store_(std::move(store)), vault_(std::move(vault)), actor_(std::move(actor)), role_(role) {}

Result<InitResult> Instance::Initialize(const InitOptions& options) {
  // A SQLite store is a file (and its -wal/-shm companions); a PostgreSQL store lives in a
  // database that exists before canje, so Store::Open decides whether it is already taken.
  const bool is_file = !IsPostgresUrl(options.database);
  if (is_file && std::filesystem::exists(options.database)) {
    return Status::Conflict("a store already exists at " + options.database +
                            "; choose another path with --db, or remove it first");
  }
  protect::MasterKeyFile keys{protect::GenerateMasterKey(), std::nullopt};
  CANJE_RETURN_IF_ERROR(protect::WriteMasterKeyFile(options.master_key_file, keys, true));
  auto undo = [&] {
    std::filesystem::remove(options.master_key_file);
    if (!is_file) return;  // the rolled-back database keeps only the empty schema
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(options.database + suffix);
    }
  };
  Result<std::unique_ptr<store::Store>> opened = store::Store::Open({options.database, true});
  if (!opened.ok()) {
    std::filesystem::remove(options.master_key_file);
    return opened.status();
  }
  std::unique_ptr<store::Store> store = std::move(*opened);
  protect::Vault vault(keys);
  InitResult result;
  result.instance_id = HexEncode(RandomBytes(8));
  result.origin = options.origin.empty() ? "canje/" + result.instance_id : options.origin;
  result.admin_name = options.admin_name;
  result.master_key_file = options.master_key_file;
  store::Actor actor{options.admin_name, options.party_code, "admin"};
  Status status = store->Write(actor, [&](store::WriteTransaction& transaction) -> Status {
    Bytes index_key = RandomBytes(32);
    CANJE_RETURN_IF_ERROR(
        transaction.SetMeta("index_key", vault.WrapKey(index_key, protect::kIndexKeyContext)));
    CANJE_RETURN_IF_ERROR(CreateTextKey(transaction, vault));
    // Every import indexes its persons' name words (registry/name_words.h): none are missing.
    CANJE_RETURN_IF_ERROR(
        transaction.SetMeta(store::kNameWordsIndexedMeta, AsBytes(store::kNameWordsIndexVersion)));
    CANJE_RETURN_IF_ERROR(transaction.SetMeta("instance_id", AsBytes(result.instance_id)));
    CANJE_RETURN_IF_ERROR(transaction.SetMeta("origin", AsBytes(result.origin)));
    CANJE_RETURN_IF_ERROR(transaction.SetMeta("default_user", AsBytes(options.admin_name)));
    CANJE_RETURN_IF_ERROR(transaction.AddParty(
        {options.party_code, options.party_name, options.party_kind, ""}));
    CANJE_RETURN_IF_ERROR(transaction.AddUser({options.admin_name, options.party_code, "admin", ""}));
    CANJE_RETURN_IF_ERROR(CreateLogKey(transaction, vault, result.origin));
    Recorder recorder(transaction, vault);
    CANJE_RETURN_IF_ERROR(recorder
                              .Record(events::kInstanceCreated, {options.party_code},
                                      {{"instance_id", result.instance_id},
                                       {"origin", result.origin},
                                       {"admin", options.admin_name},
                                       {"party",
                                        {{"code", options.party_code},
                                         {"name", options.party_name},
                                         {"kind", options.party_kind}}}})
                              .status());
    return SignCheckpoint(transaction, vault);
  });
  if (!status.ok()) {
    store.reset();
    undo();
    return status;
  }
  return result;
}

Result<std::unique_ptr<Instance>> Instance::Open(const OpenOptions& options) {
  CANJE_ASSIGN_OR_RETURN(auto store, store::Store::Open({options.database, false}));
  CANJE_ASSIGN_OR_RETURN(protect::MasterKeyFile keys,
                         protect::ReadMasterKeyFile(options.master_key_file));
  auto vault = std::make_unique<protect::Vault>(std::move(keys));
  CANJE_RETURN_IF_ERROR(LoadIndexKey(*store, *vault));
  // Loads the text key; in a store older than schema 10, creates it and seals the texts still
  // kept in the clear (sealed_texts.h).
  CANJE_RETURN_IF_ERROR(SealClearTexts(*store, *vault).status());
  std::string user_name = options.user;
  if (user_name.empty()) {
    CANJE_ASSIGN_OR_RETURN(user_name, store->MetaText("default_user"));
  }
  CANJE_ASSIGN_OR_RETURN(auto user, store->FindUser(user_name));
  if (!user) {
    return Status::NotPermitted("no user named '" + user_name +
                                "' in this store; see `canje user list`, or act as another "
                                "user with --as NAME or CANJE_USER");
  }
  CANJE_ASSIGN_OR_RETURN(Role role, ParseRole(user->role));
  store::Actor actor{user->name, user->party, user->role};
  return std::unique_ptr<Instance>(
      new Instance(std::move(store), std::move(vault), std::move(actor), role));
}

void Instance::UseKeys(protect::MasterKeyFile keys) {
  Bytes index_key = vault_->IndexKey();
  Bytes text_key = vault_->TextKey();
  vault_ = std::make_unique<protect::Vault>(std::move(keys));
  vault_->SetIndexKey(std::move(index_key));
  vault_->SetTextKey(std::move(text_key));
}

Status Instance::CheckStoreAnswers() { return store_->EventCount().status(); }

int Instance::SchemaVersion() { return store::LatestSchemaVersion(); }

Status Instance::Authorize(Action action) const {
  return instance::Authorize(role_, action);
}

Status Instance::Change(const std::function<Status(Recorder&)>& change) {
  return store_->Write(actor_, [&](store::WriteTransaction& transaction) -> Status {
    Recorder recorder(transaction, *vault_);
    CANJE_RETURN_IF_ERROR(change(recorder));
    if (transaction.events_appended() == 0) return Status::Ok();  // Store::Write refuses it
    if (with_next_change_) {
      auto step = std::move(with_next_change_);
      with_next_change_ = nullptr;
      CANJE_RETURN_IF_ERROR(step(transaction));
    }
    return SignCheckpoint(transaction, *vault_);
  });
}

void Instance::WithNextChange(std::function<Status(store::WriteTransaction&)> step) {
  with_next_change_ = std::move(step);
}

Result<int64_t> Recorder::Record(std::string_view type, std::vector<std::string> subjects,
                                 const nlohmann::json& payload) {
  store::EventDraft draft{std::string(type), std::move(subjects), {}};
  std::string text;
  if (IsPersonalAssessmentType(draft.type)) {
    // Sealed (sealed_events.h): the row and the leaf say only that an assessment was recorded.
    text = SealedAssessmentPayload(draft.type, draft.subjects, payload).dump();
    draft.type = std::string(kSealedAssessmentType);
    draft.private_subjects = std::move(draft.subjects);
    draft.subjects.clear();
  } else {
    text = payload.dump();
  }
  store::SealedPayload sealed;
  sealed.salt = RandomBytes(kSaltSize);
  Sha256Hash hash = Sha256Salted(sealed.salt, AsBytes(text));
  sealed.sha256.assign(hash.begin(), hash.end());
  Bytes key = vault_.NewDataKey();
  sealed.wrapped_key = vault_.WrapKey(key, protect::kEventPayloadContext);
  sealed.sealed = vault_.Seal(key, AsBytes(text), protect::kEventPayloadContext);
  return transaction_.AppendEvent(draft, sealed);
}

}  // namespace canje::instance
