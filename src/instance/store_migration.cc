#include "instance/store_migration.h"

#include <filesystem>

#include "core/database_location.h"

namespace canje::instance {

Result<store::CopyReport> MigrateStore(const std::string& from, const std::string& to) {
  if (from == to) {
    return Status::Usage("--from and --to name the same store; give a new location to --to");
  }
  CANJE_ASSIGN_OR_RETURN(auto source, store::Store::Open({from, false}));
  CANJE_ASSIGN_OR_RETURN(auto destination, store::Store::Open({to, true}));
  Result<store::CopyReport> report = store::CopyStore(*source, *destination);
  if (!report.ok()) {
    destination.reset();
    if (!IsPostgresUrl(to)) {  // the new file holds only the empty schema
      std::error_code ignored;
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(to + suffix, ignored);
    }
  }
  return report;
}

}  // namespace canje::instance
