#include "cli/migrate_command.h"

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "core/database_location.h"
#include "core/encoding.h"
#include "instance/store_migration.h"
#include "wire/instance_json.h"

namespace canje::cli {
namespace {

struct MigrateOptions {
  std::string from;
  std::string to;
};

// The master key file that opens the source (and so the copy).
std::string SourceKey(const CommandContext& context, const MigrateOptions& options) {
  if (!context.global.master_key_file.empty()) return context.global.master_key_file;
  if (const char* env = std::getenv("CANJE_MASTER_KEY_FILE"); env != nullptr && *env != '\0') {
    return env;
  }
  return IsPostgresUrl(options.from) ? "FILE" : options.from + ".key";
}

Status RunMigrate(CommandContext& context, const MigrateOptions& options) {
  Result<store::CopyReport> report = instance::MigrateStore(options.from, options.to);
  if (!report.ok()) return report.status().WithContext("migrate");
  if (context.global.json) {
    context.out << wire::StoreCopyJson(*report).dump(2) << '\n';
  } else {
    context.out << "Copied the store into the new location:\n";
    for (const auto& table : report->tables) {
      context.out << "  " << table.name << ": " << table.rows << " rows\n";
    }
    context.out << "Same log on both sides: " << report->events << " entries, root "
                << Base64Encode(report->root)
                << "\nOpen the copy with the source's master key (--master-key "
                << SourceKey(context, options) << "), then run `canje log verify` on it.\n";
  }
  return Status::Ok();
}

}  // namespace

void AddMigrateCommand(CLI::App& app, CommandContext& context) {
  auto* migrate = app.add_subcommand(
      "migrate", "Copy a whole store to a new location: SQLite ⇄ PostgreSQL, log unchanged");
  auto options = std::make_shared<MigrateOptions>();
  migrate->add_option("--from", options->from, "The store to copy (path or postgresql:// URL)")
      ->required();
  migrate
      ->add_option("--to", options->to, "A new SQLite path, or an empty PostgreSQL database's URL")
      ->required();
  migrate->callback([&context, options] { context.Finish(RunMigrate(context, *options)); });
}

}  // namespace canje::cli
