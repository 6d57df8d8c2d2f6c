#include "cli/exchange_commands.h"

#include <cstdlib>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/list_output.h"
#include "cli/open_instance.h"
#include "cli/solution_tables.h"
#include "cli/table.h"
#include "core/json_array.h"
#include "instance/ids.h"
#include "negotiation/candidates.h"
#include "negotiation/claim_fields.h"
#include "negotiation/exchange.h"
#include "negotiation/exchange_solve.h"
#include "negotiation/occurred_at.h"
#include "wire/exchange_json.h"

namespace canje::cli {
namespace {

using nlohmann::json;
using Names = std::map<int64_t, std::string>;

struct ExchangeFlags {
  std::string exchange;  // X1
  std::string name;
  std::string mediator;
  std::string party;
  std::string bloc;
  std::string rule;
  double ratio = 1.0;
  std::string max_size;
  std::string max_parties;
  std::string objective;
  std::string person;
  std::string list;
  std::vector<std::string> where;  // claim: FIELD=VALUE conditions on the list's records
  std::string by;
  double value = 1.0;
  int64_t priority = 1;
  std::string destination;
  bool unconditional = false;
  bool replace = false;
  std::string at;
  double cost = 1.0;
  std::string date;
  bool explain = false;
  std::string require;
  double time_limit = 0;
};

using Flags = std::shared_ptr<ExchangeFlags>;

// The name of `person`, or "-" in a table where the viewer may not read it.
std::string NameOrDash(const Names& names, int64_t person) {
  auto found = names.find(person);
  return found == names.end() ? "-" : found->second;
}

std::string ReasonsText(const std::vector<negotiation::Reason>& reasons) {
  std::string text;
  for (const auto& reason : reasons) text += (text.empty() ? "" : "; ") + reason.text;
  return text;
}

std::string CapText(const std::optional<int64_t>& cap) {
  return cap ? std::to_string(*cap) : std::string("none");
}

// "none" or a number >= 0 for a cap flag.
Result<std::optional<int64_t>> ParseCap(const std::string& text, const std::string& flag) {
  if (text == "none") return std::optional<int64_t>();
  char* end = nullptr;
  long long value = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || value < 0) {
    return Status::Usage(flag + ": '" + text + "' is not a number >= 0 or none");
  }
  return std::optional<int64_t>(value);
}

std::vector<int64_t> ClaimedPersons(const negotiation::ExchangeDetails& details) {
  std::vector<int64_t> persons;
  for (const auto& claim : details.claims) persons.push_back(claim.person_id);
  return persons;
}

// ---- create, party add, rule, caps -----------------------------------------------------------

Status RunCreate(CommandContext& context, const ExchangeFlags& flags) {
  negotiation::NewExchange exchange{flags.name, flags.mediator, ""};
  if (!flags.at.empty()) {
    CANJE_ASSIGN_OR_RETURN(exchange.occurred_at, negotiation::ParseOccurredAt(flags.at));
  }
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::CreateExchange(*instance, exchange));
  if (context.global.json) {
    context.out << wire::ExchangeCreatedJson(id, exchange).dump(2) << "\n";
  } else {
    context.out << "Created exchange " << negotiation::ExchangeId(id) << " \"" << flags.name
                << "\" (mediator " << flags.mediator << ")";
    if (!exchange.occurred_at.empty()) {
      context.out << ", begun " << exchange.occurred_at << " (recorded after the fact)";
    }
    context.out << "\n";
  }
  return Status::Ok();
}

Status RunPartyAdd(CommandContext& context, const ExchangeFlags& flags) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(flags.exchange));
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_RETURN_IF_ERROR(negotiation::AddExchangeParty(*instance, id, flags.party, flags.bloc));
  if (context.global.json) {
    context.out << wire::ExchangePartyJson(id, flags.party, flags.bloc).dump(2) << "\n";
  } else {
    context.out << flags.party << " takes part in " << negotiation::ExchangeId(id) << " on side "
                << flags.bloc << "\n";
  }
  return Status::Ok();
}

Status RunRule(CommandContext& context, const ExchangeFlags& flags) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(flags.exchange));
  solver::Rule rule;
  CANJE_ASSIGN_OR_RETURN(rule.kind, negotiation::ParseRuleKind(flags.rule));
  rule.ratio = flags.ratio;
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_RETURN_IF_ERROR(negotiation::SetBlocRule(*instance, id, flags.bloc, rule));
  if (context.global.json) {
    context.out << wire::BlocRuleSetJson(id, flags.bloc, rule).dump(2) << "\n";
  } else {
    context.out << "Side " << flags.bloc << " of " << negotiation::ExchangeId(id) << ": rule "
                << RuleText(rule) << "\n";
  }
  return Status::Ok();
}

Status RunCaps(CommandContext& context, const ExchangeFlags& flags) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(flags.exchange));
  negotiation::ExchangeCapsChange change;
  if (!flags.max_size.empty()) {
    CANJE_ASSIGN_OR_RETURN(change.max_size, ParseCap(flags.max_size, "--max-size"));
  }
  if (!flags.max_parties.empty()) {
    CANJE_ASSIGN_OR_RETURN(change.max_parties, ParseCap(flags.max_parties, "--max-parties"));
  }
  if (!flags.objective.empty()) {
    CANJE_ASSIGN_OR_RETURN(change.objective, negotiation::ParseObjective(flags.objective));
  }
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(negotiation::ExchangeCaps caps,
                         negotiation::ChangeExchangeCaps(*instance, id, change));
  if (context.global.json) {
    context.out << wire::ExchangeCapsJson(id, caps).dump(2) << "\n";
  } else {
    context.out << negotiation::ExchangeId(id) << ": max size " << CapText(caps.max_size)
                << ", max parties " << CapText(caps.max_parties) << ", objective "
                << negotiation::ObjectiveName(caps.objective) << "\n";
  }
  return Status::Ok();
}

// ---- claim, cost ------------------------------------------------------------------------------

Status RunClaim(CommandContext& context, const ExchangeFlags& flags) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(flags.exchange));
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(std::vector<int64_t> persons,
                         negotiation::PersonsToClaim(*instance, flags.person, flags.list,
                                                     flags.where));
  std::string where;
  for (const std::string& text : flags.where) where += (where.empty() ? " where " : " and ") + text;
  std::vector<negotiation::NewClaim> claims;
  for (int64_t person : persons) {
    claims.push_back(
        {person, flags.by, flags.destination, flags.value, flags.priority, flags.unconditional});
  }
  CANJE_ASSIGN_OR_RETURN(negotiation::ClaimOutcome outcome,
                         negotiation::AddClaims(*instance, id, claims,
                                                flags.replace
                                                    ? negotiation::ClaimMode::kReplace
                                                    : negotiation::ClaimMode::kKeepStronger));
  std::string destination = flags.destination.empty() ? flags.by : flags.destination;
  if (context.global.json) {
    context.out << wire::ClaimsAddedJson(id, flags.by, destination, persons, outcome).dump(2)
                << "\n";
  } else {
    context.out << flags.by << " claims "
                << (persons.size() == 1
                        ? instance::PersonId(persons[0])
                        : std::to_string(persons.size()) + " persons of " + flags.list)
                << where << " in " << negotiation::ExchangeId(id) << " (to " << destination << ", value "
                << SolverNumber(flags.value) << ", priority " << flags.priority
                << (flags.unconditional ? ", unconditional" : "") << "): " << outcome.added
                << " new, " << outcome.kept << " kept at a stronger priority, " << outcome.replaced
                << " replaced\n";
    if (outcome.kept > 0) {
      context.out << "An earlier claim at a more urgent priority stays as it was; to lower it, "
                     "claim again with --replace\n";
    }
  }
  return Status::Ok();
}

Status RunCost(CommandContext& context, const ExchangeFlags& flags) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(flags.exchange));
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(std::vector<int64_t> persons,
                         negotiation::PersonOrListPersons(*instance, flags.person, flags.list));
  std::vector<negotiation::NewCost> costs;
  for (int64_t person : persons) costs.push_back({person, flags.by, flags.cost});
  CANJE_RETURN_IF_ERROR(negotiation::SetReleaseCosts(*instance, id, costs));
  if (context.global.json) {
    context.out << wire::CostsSetJson(id, flags.by, flags.cost, persons).dump(2) << "\n";
  } else {
    context.out << flags.by << " gives up " << SolverNumber(flags.cost) << " by releasing "
                << (persons.size() == 1 ? instance::PersonId(persons[0])
                                        : "each of " + std::to_string(persons.size()) + " persons")
                << " in " << negotiation::ExchangeId(id) << "\n";
  }
  return Status::Ok();
}

// ---- show, list -------------------------------------------------------------------------------

Status RunShow(CommandContext& context, const ExchangeFlags& flags) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(flags.exchange));
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(negotiation::ExchangeDetails details,
                         negotiation::LoadExchange(*instance, id));
  CANJE_ASSIGN_OR_RETURN(Names names,
                         negotiation::VisibleNames(*instance, ClaimedPersons(details)));
  if (context.global.json) {
    context.out << wire::ExchangeDetailsJson(details, names).dump(2) << "\n";
    return Status::Ok();
  }
  const store::ExchangeRow& row = details.exchange;
  context.out << negotiation::ExchangeId(row.id) << " \"" << row.name << "\"   mediator "
              << row.mediator << "   created " << row.created_at << " by " << row.created_by
              << (row.occurred_at.empty() ? ""
                                          : ", begun " + row.occurred_at +
                                                " (recorded after the fact)")
              << "\nobjective " << row.objective << "   max size " << CapText(row.max_size)
              << "   max parties " << CapText(row.max_parties) << "\n\nSides:\n";
  Table sides({"SIDE", "RULE", "PARTIES"});
  for (const auto& bloc : details.blocs) {
    std::string parties;
    for (const auto& party : bloc.parties) parties += (parties.empty() ? "" : ", ") + party;
    sides.AddRow({bloc.name, RuleText(bloc.rule), parties});
  }
  sides.Print(context.out);
  for (const auto& [title, parties] :
       {std::pair{"Guarantors (sign the agreement beside the parties)", &details.guarantors},
        std::pair{"Observers (read its execution)", &details.observers}}) {
    std::string list;
    for (const auto& party : *parties) list += (list.empty() ? "" : ", ") + party;
    context.out << "\n" << title << ": " << (list.empty() ? "none" : list) << "\n";
  }
  context.out << "\nClaims (" << details.claims.size() << "):\n";
  Table claims({"CLAIM", "PERSON", "NAME", "BY", "TO", "VALUE", "PRIORITY", "UNCONDITIONAL"});
  for (const auto& claim : details.claims) {
    claims.AddRow({std::to_string(claim.id), instance::PersonId(claim.person_id),
                   NameOrDash(names, claim.person_id), claim.claimant, claim.destination,
                   SolverNumber(claim.value), std::to_string(claim.priority),
                   claim.unconditional ? "yes" : ""});
  }
  claims.Print(context.out);
  if (!details.costs.empty()) {
    context.out << "\nRelease costs (" << details.costs.size() << "; 1 when not set):\n";
    Table costs({"PERSON", "HOLDER", "COST"});
    for (const auto& cost : details.costs) {
      costs.AddRow({instance::PersonId(cost.person_id), cost.holder, SolverNumber(cost.cost)});
    }
    costs.Print(context.out);
  }
  return Status::Ok();
}

// ---- candidates, solve ------------------------------------------------------------------------

// The candidates (or a deal's selected candidates: `only`) as a table.
void PrintCandidates(const negotiation::ExchangeCandidates& candidates, const Names& names,
                     const std::vector<std::string>* only, std::ostream& out) {
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < candidates.instance.candidates.size(); ++i) {
    index[candidates.instance.candidates[i].id] = i;
  }
  std::vector<size_t> rows;
  if (only) {
    for (const std::string& id : *only) rows.push_back(index.at(id));
  } else {
    for (size_t i = 0; i < candidates.instance.candidates.size(); ++i) rows.push_back(i);
  }
  Table table({"CANDIDATE", "PERSON", "NAME", "FROM", "TO", "CLAIMED BY", "VALUE", "COST",
               "PRIORITY", "UNCONDITIONAL", "BEFORE HANDOVER"});
  for (size_t i : rows) {
    const solver::Candidate& c = candidates.instance.candidates[i];
    const negotiation::CandidateEntry& entry = candidates.candidates[i];
    table.AddRow({c.id, c.person, NameOrDash(names, entry.person_id), c.from, c.to, c.beneficiary,
                  SolverNumber(c.value), SolverNumber(c.cost), std::to_string(c.priority),
                  c.unconditional ? "yes" : "", ReasonsText(entry.handover_notes)});
  }
  table.Print(out);
}

Status RunCandidates(CommandContext& context, const ExchangeFlags& flags) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(flags.exchange));
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(negotiation::ExchangeCandidates candidates,
                         negotiation::BuildCandidates(*instance, id, flags.date));
  CANJE_ASSIGN_OR_RETURN(Names names,
                         negotiation::VisibleNames(*instance, ClaimedPersons(candidates.details)));
  if (context.global.json) {
    context.out << wire::ExchangeCandidatesJson(id, candidates, names).dump(2) << "\n";
    return Status::Ok();
  }
  context.out << "Exchange " << negotiation::ExchangeId(id) << " \""
              << candidates.details.exchange.name << "\", holds in force on " << candidates.date
              << "\n\nCandidates (" << candidates.candidates.size() << "):\n";
  PrintCandidates(candidates, names, nullptr, context.out);
  context.out << "\nClaims excluded (" << candidates.excluded.size() << "):\n";
  Table excluded({"CLAIM", "PERSON", "NAME", "CLAIMED BY", "TO", "REASON"});
  for (const auto& exclusion : candidates.excluded) {
    for (const auto& reason : exclusion.reasons) {
      excluded.AddRow({std::to_string(exclusion.claim_id), instance::PersonId(exclusion.person_id),
                       NameOrDash(names, exclusion.person_id), exclusion.claimant,
                       exclusion.destination, reason.kind + ": " + reason.text});
    }
  }
  excluded.Print(context.out);
  return Status::Ok();
}

Status RunSolve(CommandContext& context, const ExchangeFlags& flags) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(flags.exchange));
  negotiation::SolveExchangeOptions options;
  options.date = flags.date;
  options.explain = flags.explain;
  if (flags.time_limit < 0) return Status::Usage("--time-limit must be a number of seconds > 0");
  options.time_limit_seconds = flags.time_limit;
  if (!flags.require.empty()) {
    CANJE_ASSIGN_OR_RETURN(options.require_person, instance::ParseId(flags.require, 'P', "person"));
  }
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(negotiation::ExchangeDeal deal,
                         negotiation::SolveExchange(*instance, id, options));
  const solver::Solution& solution = deal.solution;
  if (context.global.json) {
    context.out << wire::ExchangeDealJson(id, deal).dump(2) << "\n";
    return Status::Ok();
  }
  context.out << "Exchange " << negotiation::ExchangeId(id) << " \""
              << deal.candidates.details.exchange.name << "\", holds in force on "
              << deal.candidates.date << "\n";
  PrintSolveStatus(solution, context.out);
  context.out << "\n";
  if (solution.status == solver::SolveStatus::kInfeasible) {
    PrintConflict(solution, context.out);
  } else if (solution.objective) {
    context.out << "Deal (" << solution.deal.selected.size() << " persons):\n";
    PrintCandidates(deal.candidates, deal.names, &solution.deal.selected, context.out);
    context.out << "\nPer side:\n";
    PrintBlocTable(solution.deal.blocs, context.out);
  }
  context.out << "\nNot chosen (" << deal.not_chosen.size() << "):\n";
  Table not_chosen({"PERSON", "NAME", "REASON"});
  for (const auto& person : deal.not_chosen) {
    for (const auto& reason : person.reasons) {
      not_chosen.AddRow({instance::PersonId(person.person_id),
                         NameOrDash(deal.names, person.person_id),
                         reason.kind + ": " + reason.text});
    }
  }
  not_chosen.Print(context.out);
  if (solution.require) {
    PrintRequireAnswer(*solution.require, solution.require->person, context.out);
    if (solution.require->deal) {
      PrintCandidates(deal.candidates, deal.names, &solution.require->deal->selected, context.out);
      PrintBlocTable(solution.require->deal->blocs, context.out);
    }
  }
  return Status::Ok();
}

void AddPersonOrList(CLI::App* command, const Flags& flags) {
  command->add_option("PERSON", flags->person, "A person id (P17)");
  command->add_option("--list", flags->list,
                      "Instead of PERSON: every person linked to this list's records (L3)");
}

// Subcommand `name` of `parent` that acts on one exchange: the exchange's id (X1) is its first
// argument, into `flags`, and `run` runs with the flags when the subcommand is given.
CLI::App* ExchangeSubcommand(CLI::App* parent, CommandContext& context, const std::string& name,
                             const std::string& help, const std::shared_ptr<ExchangeFlags>& flags,
                             Status (*run)(CommandContext&, const ExchangeFlags&)) {
  CLI::App* command = parent->add_subcommand(name, help);
  command->add_option("ID", flags->exchange, "The exchange (X1)")->required();
  command->callback([&context, flags, run] { context.Finish(run(context, *flags)); });
  return command;
}

}  // namespace

void AddExchangeCommands(CLI::App& app, CommandContext& context) {
  auto* exchange = app.add_subcommand(
      "exchange", "Exchanges: sides and rules, claims, costs, candidates and the best deal");
  exchange->require_subcommand(1);

  {
    auto flags = std::make_shared<ExchangeFlags>();
    auto* create = exchange->add_subcommand("create", "Create an exchange (mediator, admin)");
    create->add_option("NAME", flags->name, "Its name, such as cecot-2025")->required();
    create->add_option("--mediator", flags->mediator, "The mediating party's code")
        ->type_name(kPartyValue)->required();
    create->add_option("--at", flags->at,
                       "A negotiation that began before canje: when it began, a date "
                       "(2025-03-14) or a date-time with its offset; no step of it is dated "
                       "earlier");
    create->callback([&context, flags] { context.Finish(RunCreate(context, *flags)); });
  }
  {
    auto* party = exchange->add_subcommand("party", "Parties to an exchange");
    party->require_subcommand(1);
    auto flags = std::make_shared<ExchangeFlags>();
    auto* add = ExchangeSubcommand(
        party, context, "add", "Add a party to a side, or move it to another", flags, RunPartyAdd);
    add->add_option("PARTY", flags->party, "The party's code")
        ->type_name(kPartyValue)->required();
    add->add_option("--bloc", flags->bloc, "The side it takes, such as SLV+USA")->required();
  }
  {
    auto flags = std::make_shared<ExchangeFlags>();
    auto* rule =
        ExchangeSubcommand(exchange, context, "rule", "Set a side's balance rule", flags, RunRule);
    rule->add_option("SIDE", flags->bloc, "The side")->required();
    rule->add_option("RULE", flags->rule,
                     "none; count: received >= ratio x given; value: value received >= ratio x "
                     "cost given")
        ->required();
    rule->add_option("--ratio", flags->ratio, "The ratio (default 1)");
  }
  {
    auto flags = std::make_shared<ExchangeFlags>();
    auto* caps = ExchangeSubcommand(
        exchange, context, "caps", "Set the size and party caps and the objective", flags, RunCaps);
    caps->add_option("--max-size", flags->max_size, "At most this many persons, or none");
    caps->add_option("--max-parties", flags->max_parties, "At most this many parties, or none");
    caps->add_option("--objective", flags->objective, "people (default) or value");
  }
  {
    auto flags = std::make_shared<ExchangeFlags>();
    auto* claim = ExchangeSubcommand(exchange, context, "claim",
                                     "A party claims a person (or a list's persons) for release",
                                     flags, RunClaim);
    AddPersonOrList(claim, flags);
    claim->add_option("--where", flags->where,
                      "With --list: only the records that meet FIELD=VALUE (repeat for more; "
                      "VALUE may list alternatives with |): ihl_status, categories, rank, unit, "
                      "sex, nationality or status, e.g. --where ihl_status=prisoner_of_war "
                      "--where categories=sick_or_wounded")
        ->type_name("FIELD=VALUE");
    claim->add_option("--by", flags->by, "The claiming party")
        ->type_name(kPartyValue)->required();
    claim->add_option("--value", flags->value, "What the release is worth to it (default 1)");
    claim->add_option("--priority", flags->priority, "Tier, 1 most urgent (default 1)");
    claim->add_option("--destination", flags->destination,
                      "Where the person goes (default: the claiming party)");
    claim->add_flag("--unconditional", flags->unconditional,
                    "Humanitarian release (sick, wounded, minor): counts for neither side");
    claim->add_flag("--replace", flags->replace,
                    "Replace earlier claims of the same persons even at a more urgent priority "
                    "(without it the more urgent priority stays)");
  }
  {
    auto flags = std::make_shared<ExchangeFlags>();
    auto* cost = ExchangeSubcommand(exchange, context, "cost",
                                    "What a holder gives up by releasing a person (default 1)",
                                    flags, RunCost);
    AddPersonOrList(cost, flags);
    cost->add_option("--by", flags->by, "The holding party")
        ->type_name(kPartyValue)->required();
    cost->add_option("--cost", flags->cost, "The cost, a number >= 0")->required();
  }
  {
    auto flags = std::make_shared<ExchangeFlags>();
    ExchangeSubcommand(exchange, context, "show", "An exchange: sides, rules, caps, claims", flags,
                       RunShow);
  }
  AddListCommand(
      *exchange, context, "list", "The exchanges you may see", negotiation::ListExchanges,
      [](const auto& row) { return wire::ExchangeRowJson(row); },
      {"ID", "NAME", "MEDIATOR", "OBJECTIVE", "CREATED"},
      [](Table& table, const auto& row) {
        table.AddRow({negotiation::ExchangeId(row.id), row.name, row.mediator, row.objective,
                      row.created_at});
      });
  {
    auto flags = std::make_shared<ExchangeFlags>();
    auto* candidates = ExchangeSubcommand(
        exchange, context, "candidates",
        "The solver's candidates from the store, and each claim left out and why", flags,
        RunCandidates);
    candidates->add_option("--date", flags->date, "Holds in force on this day (default today)");
  }
  {
    auto flags = std::make_shared<ExchangeFlags>();
    auto* solve = ExchangeSubcommand(
        exchange, context, "solve",
        "The best deal the sides' rules allow, and why each claimed person is out", flags,
        RunSolve);
    solve->add_flag("--explain", flags->explain,
                    "Re-solve with each person left out forced in and say what breaks");
    solve->add_option("--require", flags->require,
                      "What would it take to include this person (P17)");
    solve->add_option("--time-limit", flags->time_limit, "Stop after this many seconds");
    solve->add_option("--date", flags->date, "Holds in force on this day (default today)");
  }
}

}  // namespace canje::cli
