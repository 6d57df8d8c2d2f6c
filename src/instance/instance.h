// An open canje instance: the store, the vault holding its keys, and the user acting.
//
// Every front door (command line, server) opens an Instance, checks the action with
// Authorize, and makes changes through Change, whose Recorder seals each event's payload and
// appends it in the same transaction as the change.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/status.h"
#include "instance/access.h"
#include "protect/vault.h"
#include "store/store.h"

namespace canje::instance {

struct InitOptions {
  std::string database;
  std::string master_key_file;
  std::string admin_name = "admin";
  std::string party_code = "OPERATOR";
  std::string party_name = "Instance operator";
  std::string party_kind = "intermediary";
  std::string origin;  // the log's origin line; default "canje/<instance id>"
};

struct OpenOptions {
  std::string database;
  std::string master_key_file;
  std::string user;  // empty: the admin created by init
};

struct InitResult {
  std::string instance_id;
  std::string origin;
  std::string admin_name;
  std::string master_key_file;
};

class Recorder;

class Instance {
 public:
  // Creates the store, the master key file (refusing to replace either) and the first admin.
  static Result<InitResult> Initialize(const InitOptions& options);
  // kNotFound without a store; kNotPermitted without the right master key or an unknown user.
  static Result<std::unique_ptr<Instance>> Open(const OpenOptions& options);

  const store::Actor& actor() const { return actor_; }
  Role role() const { return role_; }
  store::Store& store() { return *store_; }
  protect::Vault& vault() { return *vault_; }

  // kNotPermitted unless the acting user's role may take `action`.
  Status Authorize(Action action) const;

  // Runs `change` in one write transaction (see store::Store::Write), and, when it appended
  // events, signs a checkpoint of the log in the same transaction.
  Status Change(const std::function<Status(Recorder&)>& change);
  // Runs `step` inside the next Change that appends events, after its change and in its
  // transaction, then forgets it: a write that must commit or roll back with whatever change
  // comes next (an idempotency key, instance/idempotent_requests.h). A failing step rolls the
  // change back. Replaces a step set before and not yet run.
  void WithNextChange(std::function<Status(store::WriteTransaction&)> step);

  // Replaces the vault's master keys (key rotation); the index and text keys are kept.
  void UseKeys(protect::MasterKeyFile keys);

  // Ok when the store answers a read (a readiness check); the answer says nothing of its data.
  Status CheckStoreAnswers();

  // The store schema version this canje creates and opens (`canje version`).
  static int SchemaVersion();

 private:
  Instance(std::unique_ptr<store::Store> store, std::unique_ptr<protect::Vault> vault,
           store::Actor actor, Role role);
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<protect::Vault> vault_;
  store::Actor actor_;
  Role role_;
  std::function<Status(store::WriteTransaction&)> with_next_change_;
};

// A change in progress: the store's transaction plus event recording.
class Recorder {
 public:
  Recorder(store::WriteTransaction& transaction, protect::Vault& vault)
      : transaction_(transaction), vault_(vault) {}
  store::WriteTransaction& transaction() { return transaction_; }
  protect::Vault& vault() { return vault_; }

  // Appends an event of `type` (instance/event_types.h) whose payload (a JSON object, which may
  // hold personal data) is stored sealed, with the salted SHA-256 the log commits to. Returns the
  // sequence number. An event of a personal assessment (sealed_events.h) is logged as
  // "assessment.sealed" without subjects, its real type and subjects sealed in its payload.
  Result<int64_t> Record(std::string_view type, std::vector<std::string> subjects,
                         const nlohmann::json& payload);

 private:
  store::WriteTransaction& transaction_;
  protect::Vault& vault_;
};

}  // namespace canje::instance
