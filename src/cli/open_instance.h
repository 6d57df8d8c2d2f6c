// Opening the instance named by the global options (--db, --master-key, --as).
#pragma once

#include <memory>

#include "cli/command.h"
#include "instance/instance.h"

namespace canje::cli {

Result<std::unique_ptr<instance::Instance>> OpenInstance(const CommandContext& context);

}  // namespace canje::cli
