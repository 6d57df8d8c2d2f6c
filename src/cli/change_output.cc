#include "cli/change_output.h"

#include <ostream>

namespace canje::cli {

void PrintDone(CommandContext& context, const nlohmann::json& answer, const std::string& done) {
  context.out << (context.global.json ? answer.dump(2) : done) << '\n';
}

void PrintChange(CommandContext& context, const nlohmann::json& answer, bool changed,
                 const std::string& done, const std::string& why_nothing) {
  PrintDone(context, answer, changed ? done : "Nothing to do: " + why_nothing);
}

}  // namespace canje::cli
