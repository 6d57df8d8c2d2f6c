#include "cli/admin_commands.h"

#include <nlohmann/json.hpp>

#include "cli/change_output.h"
#include "cli/list_output.h"
#include "cli/open_instance.h"
#include "instance/instance.h"
#include "instance/parties_and_users.h"
#include "wire/instance_json.h"

#ifndef CANJE_VERSION
#define CANJE_VERSION "0.0.0"
#endif

namespace canje::cli {
namespace {

// Finishes `user add` and `party add`: `add_record(instance, record)`, then `answer` (with
// --json) or the line `done` (PrintDone).
template <typename Record>
void FinishAdding(CommandContext& context, Status (*add_record)(instance::Instance&, const Record&),
                  const Record& record, const nlohmann::json& answer, const std::string& done) {
  FinishWithInstance(context, [&](instance::Instance& opened) -> Status {
    Status added = add_record(opened, record);
    if (added.ok()) PrintDone(context, answer, done);
    return added;
  });
}

}  // namespace

void AddInitCommand(CLI::App& app, CommandContext& context) {
  auto* init = app.add_subcommand(
      "init", "Create a new store, its master key file and its first admin user");
  auto options = std::make_shared<instance::InitOptions>();
  init->add_option("--admin", options->admin_name, "Name of the first admin user")
      ->capture_default_str();
  init->add_option("--party", options->party_code, "Party code of the admin (the operator)")
      ->capture_default_str();
  init->add_option("--party-name", options->party_name, "Name of that party")
      ->capture_default_str();
  init->add_option("--party-kind", options->party_kind,
                   "Kind of that party: state, intermediary or organisation")
      ->capture_default_str();
  init->add_option("--origin", options->origin,
                   "Origin line of the transparency log (default canje/<instance id>)");
  init->callback([&context, options] {
    options->database = context.DatabasePath();
    options->master_key_file = context.MasterKeyPath();
    Status checked = instance::CheckPartyCode(options->party_code, options->party_kind);
    if (!checked.ok()) return context.Finish(checked);
    Result<instance::InitResult> result = instance::Instance::Initialize(*options);
    if (!result.ok()) return context.Finish(result.status());
    if (context.global.json) {
      context.out << wire::InstanceCreatedJson(options->database, *result).dump(2) << '\n';
    } else {
      context.out << "Created store " << options->database << " (instance "
                  << result->instance_id << ", log origin " << result->origin << ")\n"
                  << "Master key: " << result->master_key_file
                  << " — keep it secret, back it up with `canje key backup`; without it the "
                     "store cannot be read\n"
                  << "Admin user: " << result->admin_name << " (party " << options->party_code
                  << ")\n";
    }
    context.Finish(Status::Ok());
  });
}

void AddUserCommands(CLI::App& app, CommandContext& context) {
  auto* user = app.add_subcommand("user", "Users and their roles");
  user->require_subcommand(1);
  auto* add = user->add_subcommand("add", "Add a user acting for a party with a role");
  auto options = std::make_shared<instance::NewUser>();
  add->add_option("NAME", options->name, "User name")->required();
  add->add_option("--party", options->party, "Party the user acts for")
      ->type_name(kPartyValue)->required();
  add->add_option("--role", options->role, "Role")
      ->required()
      ->check(CLI::IsMember({"admin", "mediator", "negotiator", "verifier", "observer"}));
  add->callback([&context, options] {
    FinishAdding(
        context, instance::AddUser, *options, wire::UserJson(*options),
        "Added user " + options->name + " (" + options->role + ", " + options->party + ")");
  });
  AddListCommand(
      *user, context, "list", "List users", instance::ReadUsers,
      [](const auto& row) { return wire::UserJson(row); }, {"NAME", "PARTY", "ROLE", "CREATED"},
      [](Table& table, const auto& row) {
        table.AddRow({row.name, row.party, row.role, row.created_at});
      });
}

void AddPartyCommands(CLI::App& app, CommandContext& context) {
  auto* party = app.add_subcommand("party", "Parties: states, intermediaries, organisations");
  party->require_subcommand(1);
  auto* add = party->add_subcommand("add", "Add a party");
  auto options = std::make_shared<instance::NewParty>();
  add->add_option("CODE", options->code,
                  "ISO 3166-1 alpha-3 code for a state (VEN), an upper-case slug otherwise (ICRC)")
      ->required();
  add->add_option("--name", options->name, "Name of the party")->required();
  add->add_option("--kind", options->kind, "state, intermediary or organisation")
      ->capture_default_str()
      ->check(CLI::IsMember({"state", "intermediary", "organisation"}));
  add->callback([&context, options] {
    FinishAdding(
        context, instance::AddParty, *options, wire::PartyJson(*options),
        "Added party " + options->code + " (" + options->name + ", " + options->kind + ")");
  });
  AddListCommand(
      *party, context, "list", "List parties", instance::ReadParties,
      [](const auto& row) { return wire::PartyJson(row); }, {"CODE", "NAME", "KIND"},
      [](Table& table, const auto& row) {
        table.AddRow({row.code, row.name, row.kind});
      });
}

void AddVersionCommand(CLI::App& app, CommandContext& context) {
  auto* version = app.add_subcommand("version", "Print the version of canje and its store schema");
  version->callback([&context] {
    if (context.global.json) {
      context.out << nlohmann::json{{"version", CANJE_VERSION},
                                    {"schema_version", instance::Instance::SchemaVersion()}}
                         .dump(2)
                  << '\n';
    } else {
      context.out << "canje " << CANJE_VERSION << " (store schema "
                  << instance::Instance::SchemaVersion() << ")\n";
    }
    context.Finish(Status::Ok());
  });
}

}  // namespace canje::cli
