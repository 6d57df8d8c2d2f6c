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

// Finishes with the failure of `parsed` (a command's argument, read before the instance is
// opened), or as above with `run(instance, *parsed)`.
template <typename Value, typename Run>
void FinishWithInstance(CommandContext& context, const Result<Value>& parsed, Run run) {
  if (!parsed.ok()) return context.Finish(parsed.status());
  FinishWithInstance(context, [&](instance::Instance& opened) { return run(opened, *parsed); });
}

}  // namespace canje::cli
