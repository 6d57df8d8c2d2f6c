#include "cli/witness_policy_commands.h"

#include <nlohmann/json.hpp>

#include "cli/open_instance.h"
#include "negotiation/exchange.h"
#include "negotiation/witness_policy.h"
#include "wire/witness_json.h"

namespace canje::cli {

void AddWitnessPolicyCommands(CLI::App& app, CommandContext& context) {
  CLI::App* exchange = app.get_subcommand("exchange");
  auto* policy = exchange->add_subcommand(
      "witness-policy",
      "Mediator: how many of which witnesses must cosign the log for the exchange's agreement "
      "and completion to be final");
  struct Options {
    std::string exchange;
    int64_t threshold = 0;
    std::vector<std::string> witnesses;
  };
  auto options = std::make_shared<Options>();
  policy->add_option("ID", options->exchange, "The exchange (X1)")->required();
  policy->add_option("--threshold", options->threshold, "How many of them (e.g. 2)")->required();
  policy
      ->add_option("--witnesses", options->witnesses,
                   "Their names, comma-separated (canje witness list)")
      ->delimiter(',')
      ->required();
  policy->callback([&context, options] {
    context.Finish([&]() -> Status {
      CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(options->exchange));
      CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
      CANJE_ASSIGN_OR_RETURN(
          store::WitnessPolicyRow row,
          negotiation::SetWitnessPolicy(*instance, id, options->threshold, options->witnesses));
      if (context.global.json) {
        context.out << wire::WitnessPolicyJson(row).dump(2) << '\n';
      } else {
        context.out << negotiation::ExchangeId(id) << " is final once " << row.threshold << " of "
                    << row.witnesses.size() << " witnesses (";
        for (size_t i = 0; i < row.witnesses.size(); ++i) {
          context.out << (i == 0 ? "" : ", ") << row.witnesses[i];
        }
        context.out << ") cosigned the log past the event\n";
      }
      return Status::Ok();
    }());
  });
}

}  // namespace canje::cli
