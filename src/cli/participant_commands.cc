#include "cli/participant_commands.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/open_instance.h"
#include "negotiation/exchange.h"
#include "negotiation/exchange_participants.h"
#include "wire/exchange_json.h"

namespace canje::cli {
namespace {

struct ParticipantFlags {
  std::string exchange;  // X1
  std::string party;
};

Status Run(CommandContext& context, const ParticipantFlags& flags,
           negotiation::ParticipantRole role, bool adding) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(flags.exchange));
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_RETURN_IF_ERROR(
      adding ? negotiation::AddExchangeParticipant(*instance, id, role, flags.party)
             : negotiation::RemoveExchangeParticipant(*instance, id, role, flags.party));
  const std::string_view name = negotiation::ParticipantRoleName(role);
  if (context.global.json) {
    context.out << wire::ExchangeParticipantJson(id, name, flags.party, adding).dump(2) << "\n";
    return Status::Ok();
  }
  const std::string exchange = negotiation::ExchangeId(id);
  if (role == negotiation::ParticipantRole::kGuarantor) {
    context.out << (adding ? flags.party + " guarantees " + exchange +
                                 ": it signs the agreement beside the parties"
                           : flags.party + " no longer guarantees " + exchange)
                << "\n";
  } else {
    context.out << (adding ? flags.party + " observes " + exchange +
                                 ": its observers read the exchange's execution"
                           : flags.party + " no longer observes " + exchange +
                                 ": its observers no longer read it")
                << "\n";
  }
  return Status::Ok();
}

void AddRoleCommand(CLI::App* exchange, CommandContext& context, negotiation::ParticipantRole role,
                    const std::string& description, const std::string& add_text,
                    const std::string& remove_text) {
  auto* command =
      exchange->add_subcommand(std::string(negotiation::ParticipantRoleName(role)), description);
  command->require_subcommand(1);
  for (bool adding : {true, false}) {
    auto flags = std::make_shared<ParticipantFlags>();
    auto* sub = command->add_subcommand(adding ? "add" : "remove", adding ? add_text : remove_text);
    sub->add_option("ID", flags->exchange, "The exchange (X1)")->required();
    sub->add_option("PARTY", flags->party, "The party's code")->type_name(kPartyValue)->required();
    sub->callback(
        [&context, flags, role, adding] { context.Finish(Run(context, *flags, role, adding)); });
  }
}

}  // namespace

void AddParticipantCommands(CLI::App& app, CommandContext& context) {
  CLI::App* exchange = app.get_subcommand("exchange");
  AddRoleCommand(exchange, context, negotiation::ParticipantRole::kGuarantor,
                 "Guarantors: parties without a side who sign the agreement (admin, mediator)",
                 "Declare a guarantor, while the exchange is negotiating",
                 "Withdraw a guarantor, while the exchange is negotiating");
  AddRoleCommand(exchange, context, negotiation::ParticipantRole::kObserver,
                 "Observer organisations: their observers read the exchange's execution (admin, "
                 "mediator)",
                 "Attach an observer organisation", "Detach an observer organisation");
}

}  // namespace canje::cli
