// Every route × every role, against the access table: the real `canje serve` on the cecot-2025
// demo store, one caller of each role inside exchange X1 and two outside it.
//
// What each caller should get is generated from the access table (instance/access.h) through
// the action every route declares (server/api_call.h, Endpoint): a role the table does not
// allow gets 403; an allowed caller gets an answer of the route (never 403). Who is outside a
// resource's need to know is this file's data (each sample request names them): they get 403 or
// 404, exactly as for what does not exist. Every refused change leaves the log as it was. A
// route without a sample request fails the test, so a new route cannot go unchecked.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "cli/cli_test_support.h"
#include "instance/access.h"
#include "server/handlers.h"
#include "server/serve_test_support.h"

namespace canje::server::testing {
namespace {

using instance::Role;
using nlohmann::json;

// One request that exercises a route: its target with real ids, its body ("{party}" in either
// stands for the caller's own party), its headers, and the callers outside the resource's need
// to know.
struct SampleRequest {
  std::string target;
  std::string body;
  std::set<std::string> outsiders;
  std::map<std::string, std::string> headers;
  // The answers an allowed insider may get besides 2xx: the state the earlier requests left
  // (409 once accepted, 422 to reject what is agreed, 404 for a session that is not there).
  std::set<int> also_fine = {409};
};

// The note of the refusal recorded in SetUp, and the words that would say there was a refusal.
constexpr std::string_view kInterviewNote = "prefers-to-stay-7f3a";
const std::vector<std::string>& WordsOfARefusal() {
  static const std::vector<std::string> words = {std::string(kInterviewNote), "refuse", "consent"};
  return words;
}

struct Caller {
  std::string user;
  std::string party;
  Role role;
};

class AccessMatrixTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RunResult demo = canje_.Run({"demo"});
    ASSERT_EQ(demo.exit_status, 0) << demo.err;
    // The demo's admin is "mediator" (party PUENTE). Inside X1: its mediator, its three
    // parties' negotiators, a verifier of the mediator's party and an observer of VEN; outside:
    // a negotiator and an observer of Argentina.
    callers_.push_back({"mediator", "PUENTE", Role::kAdmin});
    for (auto [user, party, role, as] : {std::tuple{"med", "PUENTE", "mediator", Role::kMediator},
                                         {"ver", "PUENTE", "verifier", Role::kVerifier},
                                         {"obs", "VEN", "observer", Role::kObserver},
                                         {"slv", "SLV", "negotiator", Role::kNegotiator},
                                         {"usa", "USA", "negotiator", Role::kNegotiator},
                                         {"ven", "VEN", "negotiator", Role::kNegotiator},
                                         {"arg", "ARG", "negotiator", Role::kNegotiator},
                                         {"argobs", "ARG", "observer", Role::kObserver}}) {
      canje_.RunOk({"user", "add", user, "--party", party, "--role", role});
      callers_.push_back({user, party, as});
    }
    for (const Caller& caller : callers_) {
      tokens_[caller.user] = CreateApiToken(canje_, caller.user);
    }
    const json roster = json::parse(canje_.RunOk({"persons", "--list", "L1", "--json"}));
    for (const json& person : roster) roster_.push_back(person["id"]);
    roster_person_ = roster_[10];
    unlisted_person_ = roster_[200];
    us_national_ = json::parse(
        canje_.RunOk({"persons", "--list", "L2", "--nationality", "USA", "--json"}))[0]["id"];
    canje_.RunOk({"--as", "med", "exchange", "create", "cecot-2025", "--mediator", "PUENTE"});
    for (auto [party, bloc] : {std::pair{"SLV", "SLV+USA"}, {"USA", "SLV+USA"}, {"VEN", "VEN"}}) {
      canje_.RunOk({"--as", "med", "exchange", "party", "add", "X1", party, "--bloc", bloc});
    }
    canje_.RunOk({"--as", "med", "exchange", "rule", "X1", "SLV+USA", "count", "--ratio", "1"});
    canje_.RunOk({"--as", "med", "exchange", "rule", "X1", "VEN", "count", "--ratio", "1"});
    canje_.WriteFile(
        "v1.csv", "person,from,to\n" + roster_person_ + ",SLV,VEN\n" + us_national_ + ",VEN,USA\n");
    canje_.RunOk({"--as", "slv", "proposal", "create", "X1", "--transfers", "v1.csv"});
    canje_.RunOk({"--as", "slv", "proposal", "table", "V1"});
    for (auto [user, party] : {std::pair{"slv", "SLV"}, {"usa", "USA"}, {"ven", "VEN"}}) {
      canje_.RunOk({"--as", user, "proposal", "accept", "V1", "--party", party});
    }
    // An observer organisation without users, attached and detached, and made a guarantor of X2
    // and withdrawn, by the samples of those routes.
    canje_.RunOk({"party", "add", "ICRC", "--name", "ICRC (synthetic)", "--kind", "organisation"});
    // X2, between SLV and VEN only, is there to be collapsed.
    canje_.RunOk({"--as", "med", "exchange", "create", "second-round", "--mediator", "PUENTE"});
    canje_.RunOk({"--as", "med", "exchange", "party", "add", "X2", "SLV", "--bloc", "SLV"});
    canje_.RunOk({"--as", "med", "exchange", "party", "add", "X2", "VEN", "--bloc", "VEN"});
    // V1 agreed, the person it sends to VEN refuses, in an interview whose note only a
    // verifier, a mediator or an admin may read.
    canje_.RunOk({"--as", "ver", "interview", "record", roster_person_, "--destination", "VEN",
                  "--identity", "confirmed", "--consent", "refuses", "--fit", "yes", "--note",
                  std::string(kInterviewNote)});
    server_ = std::make_unique<ServeProcess>(canje_);
    ASSERT_NE(server_->port(), 0) << server_->error();
  }

  HttpTestClient& Client() {
    if (!client_) client_ = std::make_unique<HttpTestClient>(server_->port());
    return *client_;
  }
  int64_t LogSize() {
    HttpResult summary = Client().Send("GET", "/v1/summary", tokens_.at("mediator"));
    return json::parse(summary.body, nullptr, false).value("events", int64_t{-1});
  }

  // A sample request for every route ("METHOD /pattern", as Router::Describe writes it). The
  // routes run in the order they are added (routes.cc), and each route's callers in the order
  // of callers_, so a write by an allowed caller may change what a later one gets (also_fine).
  std::map<std::string, SampleRequest> Samples() const {
    const std::set<std::string> outside_x1 = {"arg", "argobs"};
    const std::string x1 = "/v1/exchanges/X1";
    const std::string hold = R"j({"issuer": "Juzgado Primero (synthetic)", "reference": "JP-1",
                                 "from": "2026-01-01", "persons": [")j" +
                             roster_person_ + R"("]})";
    return {
        {"GET /v1/whoami", {"/v1/whoami"}},
        {"GET /v1/summary", {"/v1/summary"}},
        {"GET /v1/lists", {"/v1/lists"}},
        {"GET /v1/persons", {"/v1/persons"}},
        // A person on SLV's roster whom the agreed V1 sends to VEN: SLV and VEN read the page
        // (and the mediator, the verifier, the admin), not the USA nor anyone outside X1.
        {"GET /v1/persons/{id}", {"/v1/persons/" + roster_person_, "", {"usa", "arg", "argobs"}}},
        {"GET /v1/log/events", {"/v1/log/events?from=0&limit=5"}},
        {"GET /v1/log/checkpoint", {"/v1/log/checkpoint"}},
        {"GET /v1/log/proof/inclusion", {"/v1/log/proof/inclusion?index=0&size=2"}},
        {"GET /v1/log/proof/consistency", {"/v1/log/proof/consistency?old=1&new=2"}},
        {"GET /v1/exchanges", {"/v1/exchanges"}},
        {"GET /v1/exchanges/{id}", {x1, "", outside_x1}},
        {"GET /v1/exchanges/{id}/proposals", {x1 + "/proposals", "", outside_x1}},
        {"GET /v1/proposals/{id}", {"/v1/proposals/V1", "", outside_x1}},
        {"POST /v1/proposals/{id}/accept",
         {"/v1/proposals/V1/accept", R"({"party": "{party}"})", outside_x1}},
        {"POST /v1/proposals/{id}/reject",
         {"/v1/proposals/V1/reject",
          R"({"party": "{party}", "reason": "not yet"})",
          outside_x1,
          {},
          {409, 422}}},
        // Exchanges: set-up changes on the agreed X1 (allowed, or refused for its state).
        {"POST /v1/exchanges", {"/v1/exchanges", R"({"name": "third", "mediator": "PUENTE"})"}},
        {"POST /v1/exchanges/{id}/parties",
         {x1 + "/parties", R"({"party": "USA", "bloc": "SLV+USA"})", outside_x1, {}, {409, 422}}},
        // Guarantors while X2 is negotiating, observers of the agreed X1: the first allowed
        // caller adds (removes), the next finds it done (422).
        {"POST /v1/exchanges/{id}/guarantors",
         {"/v1/exchanges/X2/guarantors", R"({"party": "ICRC"})", {}, {}, {409, 422}}},
        {"DELETE /v1/exchanges/{id}/guarantors/{party}",
         {"/v1/exchanges/X2/guarantors/ICRC", "", {}, {}, {409, 422}}},
        {"POST /v1/exchanges/{id}/observers",
         {x1 + "/observers", R"({"party": "ICRC"})", outside_x1, {}, {409, 422}}},
        {"DELETE /v1/exchanges/{id}/observers/{party}",
         {x1 + "/observers/ICRC", "", outside_x1, {}, {409, 422}}},
        {"POST /v1/exchanges/{id}/rules",
         {x1 + "/rules",
          R"({"bloc": "VEN", "rule": "count", "ratio": 1})",
          outside_x1,
          {},
          {409, 422}}},
        {"POST /v1/exchanges/{id}/caps",
         {x1 + "/caps", R"({"max_size": 40})", outside_x1, {}, {409, 422}}},
        // Claims and costs for one's own side ({side}: the caller's party in X1, else VEN — for
        // which a negotiator of another party is refused by the party rule, not by the table).
        {"POST /v1/exchanges/{id}/claims",
         {x1 + "/claims",
          R"({"by": "{side}", "person": ")" + us_national_ + R"("})",
          outside_x1,
          {},
          {403, 409, 422}}},
        {"POST /v1/exchanges/{id}/costs",
         {x1 + "/costs",
          R"({"by": "{side}", "person": ")" + roster_person_ + R"(", "cost": 2})",
          outside_x1,
          {},
          {403, 409, 422}}},
        {"GET /v1/exchanges/{id}/candidates", {x1 + "/candidates", "", outside_x1}},
        {"POST /v1/exchanges/{id}/solve",
         {x1 + "/solve", R"({"time_limit": 5})", outside_x1, {}, {409, 422}}},
        // Proposals: X1 is agreed, so new versions are refused for its state.
        {"POST /v1/exchanges/{id}/proposals",
         {x1 + "/proposals", R"({"counts": "SLV>VEN=1,VEN>SLV=1"})", outside_x1, {}, {409, 422}}},
        {"POST /v1/proposals/{id}/counter",
         {"/v1/proposals/V1/counter",
          R"({"counts": "SLV>VEN=1,VEN>SLV=1"})",
          outside_x1,
          {},
          {409, 422}}},
        {"POST /v1/proposals/{id}/table",
         {"/v1/proposals/V1/table", "{}", outside_x1, {}, {409, 422}}},
        // V1 holds a refused transfer, for which no override exists (403, not the table's).
        {"POST /v1/proposals/{id}/override",
         {"/v1/proposals/V1/override",
          R"({"justification": "seriously ill"})",
          outside_x1,
          {},
          {403, 409, 422}}},
        {"GET /v1/proposals/{id}/diff",
         {"/v1/proposals/V1/diff?against=V1", "", outside_x1, {}, {409, 422}}},
        {"GET /v1/proposals/{id}/manifest", {"/v1/proposals/V1/manifest", "", outside_x1}},
        // Agreement: a signature of a party without a key (404) or of no key of the party (403)
        // is refused by the signature rules, not by the table; keys are each party's own.
        {"POST /v1/proposals/{id}/signatures",
         {"/v1/proposals/V1/signatures",
          R"({"party": "{side}", "signature": ")" + std::string(86, 'A') + R"(=="})",
          outside_x1,
          {},
          {403, 404, 409, 422}}},
        {"GET /v1/proposals/{id}/agreement",
         {"/v1/proposals/V1/agreement", "", outside_x1, {}, {409, 422}}},
        {"POST /v1/parties/{party}/keys",
         {"/v1/parties/{party}/keys", R"({"pem": "not a key"})", {}, {}, {400, 422}}},
        {"GET /v1/parties/{party}/keys", {"/v1/parties/{party}/keys"}},
        {"GET /v1/holds", {"/v1/holds"}},
        {"POST /v1/holds", {"/v1/holds", hold}},
        {"GET /v1/holds/{id}", {"/v1/holds/H1"}},
        {"POST /v1/holds/{id}/lift", {"/v1/holds/H1/lift", R"({"reason": "order quashed"})"}},
        {"GET /v1/exchanges/{id}/readiness", {x1 + "/readiness", "", outside_x1}},
        {"GET /v1/exchanges/{id}/handovers", {x1 + "/handovers", "", outside_x1}},
        {"GET /v1/exchanges/{id}/reconciliation", {x1 + "/reconciliation", "", outside_x1}},
        // Stages of the agreed X1: each allowed caller plans one (with no persons, so each
        // succeeds), then its persons go to stage 1 once (422 after); X1 is not executing, so no
        // stage starts (422) nor completes (422); a postponement to the same day again is 400.
        {"GET /v1/exchanges/{id}/stages", {x1 + "/stages", "", outside_x1}},
        {"POST /v1/exchanges/{id}/stages",
         {x1 + "/stages",
          R"({"name": "Day 1", "date": "2025-05-23", "place": "Apron 3"})",
          outside_x1,
          {},
          {409, 422}}},
        {"GET /v1/exchanges/{id}/stages/{n}", {x1 + "/stages/1", "", outside_x1, {}, {404}}},
        {"POST /v1/exchanges/{id}/stages/{n}/persons",
         {x1 + "/stages/1/persons",
          R"({"persons": [")" + roster_person_ + R"("]})",
          outside_x1,
          {},
          {404, 409, 422}}},
        {"POST /v1/exchanges/{id}/stages/{n}/start",
         {x1 + "/stages/1/start", "{}", outside_x1, {}, {404, 409, 422}}},
        {"POST /v1/exchanges/{id}/stages/{n}/complete",
         {x1 + "/stages/1/complete", "{}", outside_x1, {}, {404, 409, 422}}},
        {"POST /v1/exchanges/{id}/stages/{n}/postpone",
         {x1 + "/stages/1/postpone",
          R"({"date": "2099-01-01", "reason": "runway closed"})",
          outside_x1,
          {},
          {400, 404, 409, 422}}},
        // Execution: X1 is agreed, not executing, so handovers and reports are refused for their
        // state (422) once the role and the need to know allow them.
        {"POST /v1/exchanges/{id}/handovers",
         {x1 + "/handovers", Handover(roster_person_), outside_x1, {}, {409, 422}}},
        {"POST /v1/exchanges/{id}/handovers/batch",
         {x1 + "/handovers/batch",
          R"({"handovers": [)" + Handover(roster_person_) + "]}",
          outside_x1,
          {},
          {409, 422}}},
        {"POST /v1/exchanges/{id}/not-travelling",
         {x1 + "/not-travelling",
          R"({"person": ")" + roster_person_ + R"(", "reason": "missing"})",
          outside_x1,
          {},
          {409, 422}}},
        {"POST /v1/exchanges/{id}/reports",
         {x1 + "/reports",
          R"({"party": "{party}", "direction": "SLV>VEN", "count": 1})",
          outside_x1,
          {},
          {409, 422}}},
        // The workflow: X1 cannot become verifying without signatures (422); X2 is collapsed.
        {"GET /v1/exchanges/{id}/workflow", {x1 + "/workflow", "", outside_x1}},
        {"POST /v1/exchanges/{id}/workflow/advance",
         {x1 + "/workflow/advance", R"({"to": "verifying"})", outside_x1, {}, {409, 422}}},
        {"POST /v1/exchanges/{id}/workflow/collapse",
         {"/v1/exchanges/X2/workflow/collapse",
          R"({"reason": "talks ended"})",
          {"usa", "arg", "argobs"}}},
        {"GET /v1/log/entries/{index}", {"/v1/log/entries/0"}},
        {"GET /v1/log/bundle", {"/v1/log/bundle?entries=0-2"}},
        {"GET /v1/link/status", {"/v1/link/status"}},
        // With a token there is no session of one's own: 404, whoever asks.
        {"GET /v1/session", {"/v1/session", "", {}, {}, {404}}},
        {"DELETE /v1/session", {"/v1/session", "", {}, {}, {404}}},
        {"GET /v1/sessions", {"/v1/sessions"}},
        {"DELETE /v1/sessions/{id}",
         {"/v1/sessions/S1", R"({"reason": "left the team"})", {}, {}, {404}}},
        {"GET /log/checkpoint", {"/log/checkpoint"}},
        {"GET /log/tile/{tile}", {"/log/tile/0/000.p/1"}},
        // Lists: each caller imports for its own party (the second of a party is refused as the
        // same file again: 409).
        {"POST /v1/lists",
         {"/v1/lists?kind=custody_roster&source=matrix&party={party}",
          "full_name,nationality,holder\nCandelario Ibarra Soto,VEN,{party}\n",
          {},
          {{"Content-Type", "text/csv"}}}},
        {"GET /v1/export/persons", {"/v1/export/persons?format=csv"}},
        // A roster person in no proposal: erased by the first caller allowed, then 409.
        {"POST /v1/persons/{id}/erase",
         {"/v1/persons/" + unlisted_person_ + "/erase", R"({"reason": "asked by the person"})"}},
        {"GET /v1/users", {"/v1/users"}},
        {"POST /v1/users",
         {"/v1/users", R"({"name": "newcomer", "party": "VEN", "role": "observer"})"}},
        {"POST /v1/users/{name}/totp", {"/v1/users/obs/totp", "{}"}},
        {"POST /v1/users/{name}/tokens", {"/v1/users/obs/tokens"}},
        {"GET /v1/tokens", {"/v1/tokens"}},
        // No such token: the callers' own tokens must go on working through the walk.
        {"DELETE /v1/tokens/{id}", {"/v1/tokens/999999", "", {}, {}, {404}}},
        {"GET /v1/parties", {"/v1/parties"}},
        // Verification: interviews of roster persons in no proposal, by the verifier alone.
        {"GET /v1/interviews", {"/v1/interviews"}},
        {"POST /v1/interviews", {"/v1/interviews", Interview(roster_[11])}},
        {"POST /v1/interviews/batch",
         {"/v1/interviews/batch", R"({"interviews": [)" + Interview(roster_[12]) + "]}"}},
        {"GET /v1/acts", {"/v1/acts"}},
        {"POST /v1/acts",
         {"/v1/acts", R"({"person": ")" + roster_[13] +
                          R"(", "type": "pardon", "date": "2025-06-01", "authority": "Presidency",
                              "status_after": "free"})"}},
        {"GET /v1/eligibility", {"/v1/eligibility?destination=VEN"}},
        {"POST /v1/link", {"/v1/link", "{}"}},
        {"GET /v1/review", {"/v1/review"}},
        // A pair of records that does not exist: 404 for whoever may decide (after the role).
        {"POST /v1/review/{pair}/decision",
         {"/v1/review/R1-R999999/decision",
          R"({"decision": "same", "reason": "x"})",
          {},
          {},
          {404}}},
        {"POST /v1/review/decisions",
         {"/v1/review/decisions",
          R"({"decisions": [{"left": "R1", "right": "R999999", "decision": "same",
                             "reason": "x"}]})",
          {},
          {},
          {404}}},
        {"POST /v1/parties",
         {"/v1/parties", R"j({"code": "NOR", "name": "Norway (synthetic)", "kind": "state"})j"}},
    };
  }

  // A handover's body: the person handed over to VEN.
  static std::string Handover(const std::string& person) {
    return R"({"person": ")" + person +
           R"(", "at": "2025-07-18T14:05:00Z", "place": "Comalapa airport", "to": "VEN",
              "witnesses": ["ICRC delegate"]})";
  }
  // An interview's body: the person consents to go to VEN.
  static std::string Interview(const std::string& person) {
    return R"({"person": ")" + person +
           R"(", "destination": "VEN", "identity": "confirmed", "consent": "consents",
              "fit": "yes"})";
  }

  CanjeRunner canje_;
  std::vector<Caller> callers_;
  std::map<std::string, std::string> tokens_;
  std::vector<std::string> roster_;  // SLV's CECOT roster, L1
  std::string roster_person_, unlisted_person_, us_national_;
  std::unique_ptr<ServeProcess> server_;
  std::unique_ptr<HttpTestClient> client_;
};

// `text` with "{party}" replaced by `party`, and "{side}" by `party` when it is one of X1's
// parties (SLV, USA, VEN), else by VEN.
std::string WithParty(std::string text, const std::string& party) {
  const bool in_x1 = party == "SLV" || party == "USA" || party == "VEN";
  for (const auto& [word, value] :
       {std::pair<std::string, std::string>{"{party}", party}, {"{side}", in_x1 ? party : "VEN"}}) {
    for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at)) {
      text.replace(at, word.size(), value);
    }
  }
  return text;
}

bool RoleAllowed(const Endpoint& endpoint, Role role) {
  if (!endpoint.action) return true;
  for (Role allowed : instance::RolesAllowed(*endpoint.action)) {
    if (allowed == role) return true;
  }
  return false;
}

TEST_F(AccessMatrixTest, EveryRouteAnswersEveryRoleAsTheAccessTableSays) {
  Result<Routes> routes = AllRoutes();
  ASSERT_TRUE(routes.ok()) << routes.status().ToString();
  const std::map<std::string, SampleRequest> samples = Samples();
  std::ostringstream wrong;  // every disagreement, so that one run shows them all
  int requests = 0;
  routes->ForEach([&](const std::string& route, const Endpoint& endpoint) {
    auto sample = samples.find(route);
    if (sample == samples.end()) {
      wrong << route << ": no sample request in this test; add one\n";
      return;
    }
    const std::string method = route.substr(0, route.find(' '));
    for (const Caller& caller : callers_) {
      const bool allowed = RoleAllowed(endpoint, caller.role);
      const bool outside = sample->second.outsiders.count(caller.user) > 0;
      const int64_t size_before = method == "GET" ? 0 : LogSize();
      const std::string target = WithParty(sample->second.target, caller.party);
      const std::string body = WithParty(sample->second.body, caller.party);
      HttpResult answer =
          Client().Send(method, target, tokens_.at(caller.user), body, sample->second.headers);
      ++requests;
      const int status = answer.status;
      std::string expected;
      bool fine = false;
      if (!allowed) {
        expected = "403 (the table does not allow the role " +
                   std::string(instance::RoleName(caller.role)) + ")";
        fine = status == 403;
      } else if (outside) {
        expected = "403 or 404 (outside the need to know)";
        fine = status == 403 || status == 404;
      } else {
        expected = "2xx or one of the sample's other answers";
        fine = (status >= 200 && status < 300) || sample->second.also_fine.count(status) > 0;
        // A 403 allowed by the sample is another rule's (a party's, a signature's), never the
        // table's refusal of the role.
        if (status == 403 && endpoint.action &&
            answer.body.find(" may not " + std::string(instance::ActionName(*endpoint.action))) !=
                std::string::npos) {
          fine = false;
        }
      }
      if (!fine) {
        wrong << route << " as " << caller.user << " (" << instance::RoleName(caller.role)
              << "): " << status << ", expected " << expected << ": " << answer.body.substr(0, 200)
              << "\n";
      }
      // A negotiator or an observer reads `confidential` where a refusal is, and never a note.
      if (caller.role == Role::kNegotiator || caller.role == Role::kObserver) {
        for (const std::string& word : WordsOfARefusal()) {
          if (answer.body.find(word) != std::string::npos) {
            wrong << route << " as " << caller.user << ": the answer says \"" << word << "\"\n";
          }
        }
      }
      if (method != "GET" && (status == 403 || status == 404) && LogSize() != size_before) {
        wrong << route << " as " << caller.user << ": refused with " << status
              << " but the log grew\n";
      }
    }
  });
  EXPECT_GT(requests, 100);
  EXPECT_EQ(wrong.str(), "");
}

}  // namespace
}  // namespace canje::server::testing
