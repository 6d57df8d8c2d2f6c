#include "cli/change_output.h"

#include <ostream>

namespace canje::cli {

void PrintChange(CommandContext& context, const nlohmann::json& answer, bool changed,
                 const std::string& done, const std::string& why_nothing) {
  if (context.global.json) {
    context.out << answer.dump(2) << '\n';
  } else if (changed) {
    context.out << done << '\n';
  } else {
    context.out << "Nothing to do: " << why_nothing << '\n';
  }
}

}  // namespace canje::cli
