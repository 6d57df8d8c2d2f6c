#include "cli/sign_in_commands.h"

#include <nlohmann/json.hpp>

#include "authentication/sign_in.h"
#include "cli/change_output.h"
#include "cli/open_instance.h"
#include "cli/secret_input.h"
#include "cli/table.h"
#include "core/clock.h"
#include "wire/account_json.h"

namespace canje::cli {
namespace {

using nlohmann::json;

Status RunSetPassword(CommandContext& context, const std::string& user, const std::string& file) {
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(std::string password,
                         ReadSecret(file, "CANJE_PASSWORD", "password", "--password-file", true));
  CANJE_RETURN_IF_ERROR(authentication::SetPassword(*instance, user, password));
  if (context.global.json) {
    context.out << json{{"user", user}, {"password_set", true}}.dump(2) << '\n';
  } else {
    context.out << "Set the password of " << user << " (only its scrypt hash is kept)\n";
  }
  return Status::Ok();
}

Status RunEnrolTotp(CommandContext& context, const std::string& user) {
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(authentication::TotpEnrolment enrolment,
                         authentication::EnrolTotp(*instance, user));
  if (context.global.json) {
    context.out << wire::TotpEnrolmentJson(enrolment).dump(2) << '\n';
    return Status::Ok();
  }
  // The URI alone on the first line, so that scripts can take it with `head -1`.
  context.out << enrolment.uri << '\n'
              << "Second factor for " << enrolment.user
              << ": give this URI to the user's authenticator app (or type the secret "
              << enrolment.secret_base32
              << " by hand: TOTP, SHA-1, 6 digits, 30 s). It is shown only now; an earlier "
                 "enrolment stops working.\n";
  return Status::Ok();
}

Status RunUnlock(CommandContext& context, const std::string& user, const std::string& reason) {
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(bool changed, authentication::Unlock(*instance, user, reason));
  PrintChange(context, json{{"user", user}, {"changed", changed}}, changed,
              "Unlocked " + user + " and cleared its failed sign-ins",
              user + " is not locked and has no failures");
  return Status::Ok();
}

Status RunListSessions(CommandContext& context, const std::string& user, bool open_only) {
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(auto sessions,
                         authentication::ListSessions(*instance, user, open_only));
  const std::string now = NowRfc3339();
  if (context.global.json) {
    context.out << wire::SessionListJson(sessions, now).dump(2) << '\n';
    return Status::Ok();
  }
  Table table({"ID", "USER", "STATE", "STARTED", "ENDS AT THE LATEST", "ENDED", "WHY"});
  for (const auto& session : sessions) {
    table.AddRow({std::to_string(session.id), session.user,
                  std::string(authentication::SessionStateAt(session, now)),
                  session.created_at, session.expires_at, session.ended_at, session.end_reason});
  }
  table.Print(context.out);
  return Status::Ok();
}

Status RunEndSession(CommandContext& context, int64_t id, const std::string& reason) {
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(bool ended, authentication::EndSessionByAdmin(*instance, id, reason));
  PrintChange(context, json{{"id", id}, {"ended", true}, {"changed", ended}}, ended,
              "Ended session " + std::to_string(id),
              "session " + std::to_string(id) + " had already ended");
  return Status::Ok();
}

}  // namespace

void AddSignInCommands(CLI::App& app, CommandContext& context) {
  CLI::App* user = app.get_subcommand("user");

  auto* password = user->add_subcommand("password", "Passwords for signing in to canje serve");
  password->require_subcommand(1);
  auto* set = password->add_subcommand(
      "set", "Set a user's password (asked twice on the terminal; kept as an scrypt hash)");
  auto set_user = std::make_shared<std::string>();
  auto password_file = std::make_shared<std::string>();
  set->add_option("NAME", *set_user, "The user")->required();
  set->add_option("--password-file", *password_file,
                  "Read the password from this file's first line (else CANJE_PASSWORD, else "
                  "asked)");
  set->callback([&context, set_user, password_file] {
    context.Finish(RunSetPassword(context, *set_user, *password_file));
  });

  auto* totp = user->add_subcommand("totp", "Second factors (TOTP authenticator apps)");
  totp->require_subcommand(1);
  auto* enrol = totp->add_subcommand(
      "enrol", "Give a user a new TOTP secret; prints the otpauth:// URI for their app, once");
  auto enrol_user = std::make_shared<std::string>();
  enrol->add_option("NAME", *enrol_user, "The user")->required();
  enrol->callback([&context, enrol_user] { context.Finish(RunEnrolTotp(context, *enrol_user)); });

  auto* unlock = user->add_subcommand(
      "unlock", "Clear a user's failed sign-ins and lock (after too many failures)");
  auto unlock_user = std::make_shared<std::string>();
  auto unlock_reason = std::make_shared<std::string>();
  unlock->add_option("NAME", *unlock_user, "The user")->required();
  unlock->add_option("--reason", *unlock_reason, "Why (recorded in the log)")->required();
  unlock->callback([&context, unlock_user, unlock_reason] {
    context.Finish(RunUnlock(context, *unlock_user, *unlock_reason));
  });

  auto* session = user->add_subcommand("session", "Sessions of people signed in (admin)");
  session->require_subcommand(1);
  auto* list = session->add_subcommand("list", "List sessions, newest first");
  auto list_user = std::make_shared<std::string>();
  auto open_only = std::make_shared<bool>(false);
  list->add_option("NAME", *list_user, "Only this user's sessions");
  list->add_flag("--open", *open_only, "Only sessions still open");
  list->callback([&context, list_user, open_only] {
    context.Finish(RunListSessions(context, *list_user, *open_only));
  });
  auto* end = session->add_subcommand("end", "End a session now (the person must sign in again)");
  auto end_id = std::make_shared<int64_t>(0);
  auto end_reason = std::make_shared<std::string>();
  end->add_option("ID", *end_id, "The session's id (see `canje user session list`)")->required();
  end->add_option("--reason", *end_reason, "Why (recorded in the log)")->required();
  end->callback([&context, end_id, end_reason] {
    context.Finish(RunEndSession(context, *end_id, *end_reason));
  });
}

}  // namespace canje::cli
