#include "cli/token_commands.h"

#include <nlohmann/json.hpp>
#include <optional>

#include "cli/change_output.h"
#include "cli/open_instance.h"
#include "cli/table.h"
#include "core/clock.h"
#include "wire/account_json.h"
#include "authentication/api_tokens.h"

namespace canje::cli {
namespace {

using nlohmann::json;

struct TokenCreateOptions {
  std::string user;
  std::optional<int64_t> expires_days;
};

Status RunTokenCreate(CommandContext& context, const TokenCreateOptions& options) {
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(authentication::CreatedToken created,
                         authentication::CreateApiToken(*instance, options.user, options.expires_days));
  if (context.global.json) {
    context.out << wire::CreatedTokenJson(created).dump(2) << '\n';
    return Status::Ok();
  }
  // The token alone on the first line, so that scripts can take it with `head -1`.
  context.out << created.token << '\n'
              << "API token " << created.id << " for " << created.user
              << (created.expires_at.empty() ? ", does not expire"
                                             : ", expires " + created.expires_at)
              << ". It is shown only now: canje keeps only its SHA-256.\n";
  return Status::Ok();
}

Status RunTokenList(CommandContext& context, const std::string& user) {
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(auto tokens, authentication::ListApiTokens(*instance, user));
  std::string now = NowRfc3339();
  if (context.global.json) {
    context.out << wire::ApiTokenListJson(tokens, now).dump(2) << '\n';
    return Status::Ok();
  }
  Table table({"ID", "USER", "STATE", "CREATED", "BY", "EXPIRES", "REVOKED"});
  for (const auto& token : tokens) {
    table.AddRow({std::to_string(token.id), token.user,
                  std::string(authentication::TokenStateName(authentication::StateAt(token, now))),
                  token.created_at, token.created_by,
                  token.expires_at.empty() ? "never" : token.expires_at, token.revoked_at});
  }
  table.Print(context.out);
  return Status::Ok();
}

Status RunRevoke(CommandContext& context, int64_t id) {
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(bool revoked, authentication::RevokeApiToken(*instance, id));
  PrintChange(context, wire::TokenRevokedJson(id, revoked), revoked,
              "Revoked API token " + std::to_string(id),
              "API token " + std::to_string(id) + " was already revoked");
  return Status::Ok();
}

}  // namespace

void AddTokenCommands(CLI::App& app, CommandContext& context) {
  CLI::App* user = app.get_subcommand("user");
  auto* token = user->add_subcommand("token", "API tokens for canje serve (admin)");
  token->require_subcommand(1);

  auto* create = token->add_subcommand(
      "create", "Create a token acting as NAME; printed once (only its SHA-256 is kept)");
  auto create_options = std::make_shared<TokenCreateOptions>();
  create->add_option("NAME", create_options->user, "The user the token acts as")
      ->type_name(kUserValue)->required();
  create->add_option("--expires-days", create_options->expires_days,
                     "Expire after this many days (1-3650; default: never)");
  create->callback(
      [&context, create_options] { context.Finish(RunTokenCreate(context, *create_options)); });

  auto* list = token->add_subcommand("list", "Tokens (never their text): state, expiry");
  auto list_user = std::make_shared<std::string>();
  list->add_option("NAME", *list_user, "Only this user's tokens")
      ->type_name(kUserValue);
  list->callback([&context, list_user] { context.Finish(RunTokenList(context, *list_user)); });

  auto* revoke = token->add_subcommand("revoke", "Revoke a token: it stops working at once");
  auto revoke_id = std::make_shared<int64_t>(0);
  revoke->add_option("ID", *revoke_id, "The token's id (canje user token list)")->required();
  revoke->callback([&context, revoke_id] { context.Finish(RunRevoke(context, *revoke_id)); });
}

}  // namespace canje::cli
