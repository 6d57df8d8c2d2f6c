#include "cli/command.h"

#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>

#include "store/postgres/postgres_connection.h"

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
  std::string database = DatabasePath();
  if (!store::IsPostgresUrl(database)) return database + ".key";
  // A database server has no folder to put the key beside: the key lives in the user's
  // configuration folder, named after the server and database (never the password).
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
  std::string name = store::RedactedUrl(database);
  name = name.substr(name.find("://") + 3);
  if (size_t at = name.rfind('@'); at != std::string::npos) name = name.substr(at + 1);
  if (size_t query = name.find('?'); query != std::string::npos) name = name.substr(0, query);
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') c = '_';
  }
  return (folder / (name + ".key")).string();
}

bool CommandContext::ShowProgress() const { return !global.quiet && isatty(STDERR_FILENO); }

}  // namespace canje::cli
