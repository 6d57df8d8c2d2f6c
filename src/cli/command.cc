#include "cli/command.h"

#include <unistd.h>

#include <cstdlib>

#include "instance/key_management.h"

namespace canje::cli {

std::string CommandContext::DatabasePath() const {
  if (!global.database.empty()) return global.database;
  if (const char* env = std::getenv("CANJE_DB"); env != nullptr && *env != '\0') return env;
  return "canje.db";
}

std::string CommandContext::MasterKeyPath() const {
  if (!global.master_key_file.empty()) return global.master_key_file;
  if (const char* env = std::getenv("CANJE_MASTER_KEY_FILE"); env != nullptr && *env != '\0') {
    return env;
  }
  return instance::DefaultMasterKeyFile(DatabasePath());
}

bool CommandContext::ShowProgress() const { return !global.quiet && isatty(STDERR_FILENO); }

}  // namespace canje::cli
