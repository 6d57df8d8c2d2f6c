// `canje exchange guarantor|observer add|remove` on the cecot-2025 demo store: a guarantor is
// shown, named in the manifest, must sign before verification starts and cannot change once
// the exchange is agreed; an attached observer organisation reads the execution, one not
// attached reads it as an exchange that does not exist; every bad input is refused with its exit
// status and message, and writes nothing. Backend-neutral: runs on SQLite and, in
// cli_test_postgres, on PostgreSQL.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <tuple>

#include "cli/cli_test_support.h"

namespace canje::cli::testing {
namespace {

using nlohmann::json;

// `text` with every `from` written as `to`.
std::string Replaced(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

class ParticipantCommandsTest : public MultiUserTest {
 protected:
  void SetUp() override {
    LoadDemoWithDelegations({{"col", "COL", "negotiator"}});
    if (HasFatalFailure()) return;
    // A guarantor and two organisations, which the demo store does not have, and their users.
    for (auto [code, kind] :
         {std::pair{"TUR", "state"}, {"ICRC", "organisation"}, {"UNOB", "organisation"}}) {
      canje_.RunOk(
          {"party", "add", code, "--name", std::string(code) + " (synthetic)", "--kind", kind});
    }
    for (auto [user, party, role] : {std::tuple{"tur", "TUR", "negotiator"},
                                     {"icrc", "ICRC", "observer"},
                                     {"unob", "UNOB", "observer"}}) {
      canje_.RunOk({"user", "add", user, "--party", party, "--role", role});
    }
    Ok("med", {"exchange", "create", "cecot-2025", "--mediator", "PUENTE"});
    for (auto [party, bloc] : {std::pair{"SLV", "SLV+USA"}, {"USA", "SLV+USA"}, {"VEN", "VEN"}}) {
      Ok("med", {"exchange", "party", "add", "X1", party, "--bloc", bloc});
    }
  }

  // V1 sends a person of El Salvador's roster to VEN and a US national held by VEN to the USA;
  // every party accepts it.
  void Agree() {
    const std::string slv_person = PersonIds({"--list", "L1"}).at(10);
    const std::string us_national = PersonIds({"--list", "L2", "--nationality", "USA"}).at(0);
    canje_.WriteFile("v1.csv",
                     "person,from,to\n" + slv_person + ",SLV,VEN\n" + us_national + ",VEN,USA\n");
    Ok("slv", {"proposal", "create", "X1", "--transfers", "v1.csv"});
    Ok("slv", {"proposal", "table", "V1"});
    for (auto [user, party] : {std::pair{"slv", "SLV"}, {"usa", "USA"}, {"ven", "VEN"}}) {
      Ok(user, {"proposal", "accept", "V1", "--party", party});
    }
    Ok("med", {"proposal", "manifest", "V1", "--out", "manifest.json"});
  }
};

TEST_F(ParticipantCommandsTest, AGuarantorIsShownSignsBeforeVerifyingAndIsFixedOnceAgreed) {
  Ok("med", {"exchange", "guarantor", "add", "X1", "TUR"});
  const std::string shown = Ok("med", {"exchange", "show", "X1"});
  EXPECT_NE(shown.find("Guarantors (sign the agreement beside the parties): TUR"),
            std::string::npos)
      << shown;
  EXPECT_NE(shown.find("Observers (read its execution): none"), std::string::npos) << shown;
  const json details = json::parse(Ok("ven", {"exchange", "show", "X1", "--json"}));
  EXPECT_EQ(details["guarantors"], json::array({"TUR"}));
  EXPECT_EQ(details["observers"], json::array());

  // Bad input: clear message, documented exit status, nothing written.
  Refused("med", {"exchange", "guarantor", "add", "X1", "NOPE"}, 66, "no party NOPE");
  Refused("med", {"exchange", "guarantor", "add", "X1", "TUR"}, 65,
          "TUR is already a guarantor of X1");
  Refused("med", {"exchange", "guarantor", "add", "X1", "VEN"}, 65,
          "VEN is a party to X1 (side VEN)");
  Refused("ven", {"exchange", "guarantor", "add", "X1", "COL"}, 77, "a negotiator may not");
  Refused("med", {"exchange", "guarantor", "add", "X9", "COL"}, 66, "no exchange X9");
  Refused("med", {"exchange", "guarantor", "remove", "X1", "COL"}, 65,
          "COL is not a guarantor of X1");
  Refused("med", {"exchange", "party", "add", "X1", "TUR", "--bloc", "VEN"}, 65,
          "TUR is a guarantor of X1");

  Agree();
  const std::string manifest = canje_.RunOk({"proposal", "manifest", "V1"});
  EXPECT_NE(manifest.find(R"("guarantors":["TUR"])"), std::string::npos) << manifest;
  for (auto [user, party] : {std::pair{"slv", "SLV"}, {"usa", "USA"}, {"ven", "VEN"}}) {
    SignManifest(user, party);
    Ok(user, {"agreement", "sign-add", "V1", "--party", party, "--signature",
              std::string(user) + ".sig"});
  }
  RunResult verify = As("med", {"agreement", "verify", "V1"});
  EXPECT_EQ(verify.exit_status, 65) << verify.err;
  EXPECT_NE(verify.out.find("TUR (guarantor)"), std::string::npos) << verify.out;
  EXPECT_NE(verify.err.find("every party and guarantor: TUR (guarantor)"), std::string::npos)
      << verify.err;
  Refused("med", {"exchange", "advance", "X1", "--to", "verifying"}, 65,
          "V1 lacks valid signatures of TUR (guarantor): TUR (guarantor) has not signed V1");
  Refused("med", {"exchange", "guarantor", "add", "X1", "COL"}, 65,
          "exchange X1 is agreed; COL cannot become a guarantor of it");
  Refused("med", {"exchange", "guarantor", "remove", "X1", "TUR"}, 65,
          "exchange X1 is agreed; TUR cannot stop guaranteeing it");

  // TUR's negotiator signs for it; a signature by a key TUR did not enrol was refused first.
  SignManifest("tur", "TUR");
  SignManifest("col", "COL");
  Refused("tur", {"agreement", "sign-add", "V1", "--party", "TUR", "--signature", "col.sig"}, 77,
          "TUR");
  Ok("tur", {"agreement", "sign-add", "V1", "--party", "TUR", "--signature", "tur.sig"});
  const json checked = json::parse(Ok("med", {"agreement", "verify", "V1", "--json"}));
  EXPECT_EQ(checked["complete"], true);
  EXPECT_EQ(checked["parties"].back()["party"], "TUR");
  EXPECT_EQ(checked["parties"].back()["role"], "guarantor");
  Ok("med", {"exchange", "advance", "X1", "--to", "verifying"});
}

TEST_F(ParticipantCommandsTest, AnObserverOrganisationReadsTheExecutionOnlyWhileAttached) {
  Refused("med", {"exchange", "observer", "add", "X1", "PUENTE"}, 65, "PUENTE mediates X1");
  Refused("med", {"exchange", "observer", "add", "X1", "SLV"}, 65, "SLV is a party to X1");
  Refused("med", {"exchange", "observer", "remove", "X1", "ICRC"}, 65,
          "ICRC is not an observer of X1");
  const json added =
      json::parse(Ok("med", {"exchange", "observer", "add", "X1", "ICRC", "--json"}));
  EXPECT_EQ(
      added,
      (json{{"exchange", "X1"}, {"role", "observer"}, {"party", "ICRC"}, {"change", "added"}}));
  Refused("med", {"exchange", "observer", "add", "X1", "ICRC"}, 65,
          "ICRC is already an observer of X1");
  Agree();

  const json readiness = json::parse(Ok("icrc", {"exchange", "readiness", "X1", "--json"}));
  EXPECT_EQ(readiness["persons"].size(), 2u) << readiness.dump();
  Ok("icrc", {"exchange", "state", "X1"});
  Ok("icrc", {"proposal", "show", "V1"});
  // Not the negotiation.
  EXPECT_EQ(As("icrc", {"exchange", "show", "X1"}).exit_status, 77);
  // It finds the exchanges it observes; an organisation not attached finds none.
  const json listed = json::parse(Ok("icrc", {"exchange", "list", "--json"}));
  ASSERT_EQ(listed.size(), 1u) << listed.dump();
  EXPECT_EQ(listed[0]["id"], "X1");
  EXPECT_EQ(json::parse(Ok("unob", {"exchange", "list", "--json"})), json::array());

  // An observer of an organisation not attached: as for an exchange that does not exist.
  for (const char* command : {"readiness", "reconcile", "state"}) {
    RunResult seen = As("unob", {"exchange", command, "X1"});
    RunResult unknown = As("unob", {"exchange", command, "X99"});
    EXPECT_EQ(seen.exit_status, 66) << command << ": " << seen.err;
    EXPECT_EQ(seen.exit_status, unknown.exit_status) << command;
    EXPECT_EQ(seen.err, Replaced(unknown.err, "X99", "X1")) << command;
  }

  Ok("med", {"exchange", "observer", "remove", "X1", "ICRC"});
  RunResult detached = As("icrc", {"exchange", "readiness", "X1"});
  EXPECT_EQ(detached.exit_status, 66) << detached.err;
  EXPECT_EQ(detached.err, Replaced(As("icrc", {"exchange", "readiness", "X99"}).err, "X99", "X1"));
  EXPECT_EQ(json::parse(Ok("icrc", {"exchange", "list", "--json"})), json::array());
}

}  // namespace
}  // namespace canje::cli::testing
