#include "cli/open_instance.h"

#include <cstdlib>

namespace canje::cli {

Result<std::unique_ptr<instance::Instance>> OpenInstance(const CommandContext& context) {
  instance::OpenOptions options;
  options.database = context.DatabasePath();
  options.master_key_file = context.MasterKeyPath();
  options.user = context.global.user;
  if (options.user.empty()) {
    if (const char* env = std::getenv("CANJE_USER"); env != nullptr) options.user = env;
  }
  return instance::Instance::Open(options);
}

}  // namespace canje::cli
