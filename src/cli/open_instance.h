// Opening the instance named by the global options (--db, --master-key, --as).
#pragma once

#include <memory>

#include "cli/command.h"
#include "instance/instance.h"

namespace canje::cli {

Result<std::unique_ptr<instance::Instance>> OpenInstance(const CommandContext& context);

// Opens the instance (OpenInstance) and finishes the command with the status of
// `run(instance)`, or with the failure to open it (then `run` is not called).
template <typename Run>
void FinishWithInstance(CommandContext& context, Run run) {
  Result<std::unique_ptr<instance::Instance>> opened = OpenInstance(context);
  context.Finish(opened.ok() ? run(**opened) : opened.status());
}

}  // namespace canje::cli
