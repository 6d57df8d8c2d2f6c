// The store keeps no personal assessment and no free text in the clear (docs/security.md, "What
// is encrypted, and with what"): an exchange is run through the ordinary commands — a rejection
// with its reason, a humanitarian override, interviews with a refusal and an unfitness, the
// not-travelling outcomes, a handover with its place and witness, a party's count with a note,
// a legal act, a hold lifted with a reason, an exchange collapsed with a reason — and then neither the SQLite file with its WAL and
// shared memory nor, on PostgreSQL, any table read with plain SQL holds one of those values,
// while every command allowed to show them still shows them. Then the store is taken back to
// schema 9 with those values in the clear, as canje wrote them before, and opened again: the
// values end up sealed, still readable, and the log still verifies. Erasing a person empties
// their sealed outcomes and reasons (sealed under their destroyed key). Backend-neutral: runs on
// SQLite and, in cli_test_postgres, on PostgreSQL.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_test_support.h"

namespace canje::cli::testing {
namespace {

using nlohmann::json;

// Distinctive synthetic values, and the fixed words of the assessments.
const std::string kRejection = "Rejects-Rq9 cynical (synthetic)";
const std::string kJustification = "Overrides-Jw3 seriously wounded (synthetic)";
const std::string kPlace = "Quay-Zk42, apron 3";
const std::string kWitness = "Witness-Wm5 (synthetic)";
const std::string kCountNote = "Communique-Nt8 (synthetic)";
const std::string kAuthority = "Authority-Au6 (synthetic)";
const std::string kActReference = "Ref-Rf2-0042";
const std::string kHoldReference = "Docket-Dk4-0017";
const std::string kLiftReason = "Vacated-Vc1 (synthetic)";
const std::string kCollapse = "Collapse-Cl3 flights cancelled (synthetic)";

// What must not be found in the clear: the values above, and the words of the interviews'
// outcomes and the not-travelling reasons (every one of them occurs in this store).
std::vector<std::string> Needles() {
  return {"Rejects-Rq9", "Overrides-Jw3", "Quay-Zk42",       "Witness-Wm5",
          "Communique-Nt8", "Authority-Au6", "Ref-Rf2",       "Docket-Dk4",
          "Vacated-Vc1",    "Collapse-Cl3",  "refuses",         "refused-consent",
          "unfit"};
}

class SealedTextsTest : public MultiUserTest {
 protected:
  void SetUp() override { LoadDemoWithRosters(10, 1); }

  // The whole exchange, through the commands users run.
  void RunTheExchange() {
    const std::vector<std::string>& p = roster_;
    CreateCecotExchange("sealed");
    Ok("med", {"exchange", "rule", "X1", "SLV+USA", "count", "--ratio", "1"});
    Ok("med", {"exchange", "rule", "X1", "VEN", "count", "--ratio", "1"});
    // V1 in numbers, rejected with a reason.
    Ok("med", {"proposal", "create", "X1", "--counts", "SLV>VEN=3,VEN>USA=3"});
    Ok("med", {"proposal", "table", "V1"});
    Ok("ven", {"proposal", "reject", "V1", "--party", "VEN", "--reason", kRejection});
    // V2: three go home for one, a broken rule set aside by a humanitarian override.
    canje_.WriteFile("v2.csv", "person,from,to\n" + p[0] + ",SLV,VEN\n" + p[1] + ",SLV,VEN\n" +
                                   p[2] + ",SLV,VEN\n" + us_[0] + ",VEN,USA\n");
    Ok("med", {"proposal", "create", "X1", "--transfers", "v2.csv"});
    Ok("med", {"proposal", "table", "V2"});
    for (auto [user, party] : {std::pair{"slv", "SLV"}, {"usa", "USA"}, {"ven", "VEN"}}) {
      Ok(user, {"proposal", "accept", "V2", "--party", party});
    }
    Ok("med", {"proposal", "override", "V2", "--justification", kJustification});
    Ok("med", {"proposal", "manifest", "V2", "--out", "manifest.json"});
    for (auto [user, party] : {std::pair{"slv", "SLV"}, {"usa", "USA"}, {"ven", "VEN"}}) {
      ASSERT_NO_FATAL_FAILURE(SignManifest(user, party));
      Ok(user, {"agreement", "sign-add", "V2", "--party", party, "--signature",
                std::string(user) + ".sig"});
    }
    Ok("med", {"exchange", "advance", "X1", "--to", "verifying"});
    // Interviews: one refuses, one is unfit.
    canje_.WriteFile("interviews.csv",
                     "person,destination,identity,consent,fit,on,note\n" + p[0] +
                         ",VEN,confirmed,consents,yes,2025-07-10,\n" + p[1] +
                         ",VEN,confirmed,refuses,yes,2025-07-10,\n" + p[2] +
                         ",VEN,confirmed,consents,no,2025-07-10,\n" + us_[0] +
                         ",USA,confirmed,consents,yes,2025-07-10,\n");
    Ok("ver", {"interview", "record", "--file", "interviews.csv"});
    Ok("med", {"exchange", "not-travelling", "X1", p[1], "--reason", "refused-consent"});
    Ok("med", {"exchange", "not-travelling", "X1", p[2], "--reason", "unfit"});
    Ok("med", {"exchange", "advance", "X1", "--to", "executing"});
    Ok("med", {"handover", "record", "X1", p[0], "--at", "2025-07-18T14:05:00Z", "--place", kPlace,
               "--to", "VEN", "--witness", kWitness});
    Ok("ven", {"exchange", "report", "X1", "--party", "VEN", "--direction", "SLV>VEN", "--count",
               "1", "--note", kCountNote});
    // A legal act, and a hold lifted.
    Ok("med", {"act", "add", p[5], "--type", "pardon", "--date", "2025-07-01", "--authority",
               kAuthority, "--reference", kActReference, "--status-after", "free"});
    Ok("med", {"hold", "add", "--issuer", "Supreme Court (synthetic)", "--reference",
               kHoldReference, "--from", "2025-07-01", "--person", p[6]});
    Ok("med", {"hold", "lift", "H1", "--on", "2025-07-15", "--reason", kLiftReason});
    // Another exchange collapses, with the mediator's reason.
    Ok("med", {"exchange", "create", "collapsing", "--mediator", "PUENTE"});
    Ok("med", {"exchange", "collapse", "X2", "--reason", kCollapse});
  }

  // Every needle found in the clear: in the SQLite files' bytes, or on PostgreSQL in any row of
  // any table as plain SQL reads it (byte columns read as hex).
  std::vector<std::string> FoundInTheClear() const {
    std::vector<std::string> found;
    if (canje_.on_postgres()) {
      std::string tables = RunPsql(canje_.database(),
                                   "SELECT tablename FROM pg_tables WHERE schemaname = "
                                   "current_schema() ORDER BY tablename")
                               .out;
      std::string pattern;
      for (const std::string& needle : Needles()) pattern += (pattern.empty() ? "" : "|") + needle;
      std::string sql;
      std::stringstream lines(tables);
      for (std::string table; std::getline(lines, table);) {
        if (table.empty()) continue;
        sql += std::string(sql.empty() ? "" : " UNION ALL ") + "SELECT '" + table +
               "' || ': ' || t::text FROM " + table + " t WHERE t::text ~ '" + pattern + "'";
      }
      RunResult rows = RunPsql(canje_.database(), sql);
      EXPECT_EQ(rows.exit_status, 0) << rows.err;
      std::stringstream found_lines(rows.out);
      for (std::string line; std::getline(found_lines, line);) {
        if (!line.empty()) found.push_back(line);
      }
      return found;
    }
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::filesystem::path file = canje_.Path(std::string("canje.db") + suffix);
      if (!std::filesystem::exists(file)) continue;
      std::ifstream in(file, std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      for (const std::string& needle : Needles()) {
        if (Contains(bytes, needle)) found.push_back(file.filename().string() + ": " + needle);
      }
    }
    return found;
  }

  // Every value is still shown to whoever may read it.
  void ExpectEveryValueReadable() const {
    const std::vector<std::string>& p = roster_;
    json v1 = json::parse(Ok("med", {"proposal", "show", "V1", "--json"}));
    EXPECT_TRUE(Contains(v1["responses"].dump(), kRejection)) << v1["responses"].dump();
    json v2 = json::parse(Ok("slv", {"proposal", "show", "V2", "--json"}));
    EXPECT_EQ(v2["override"]["justification"], kJustification);
    // The verifier reads the outcomes of the interviews, and why each person does not travel.
    json interviews = json::parse(Ok("ver", {"interview", "list", "--person", p[1], "--json"}));
    ASSERT_FALSE(interviews.empty());
    EXPECT_EQ(interviews[0]["consent"], "refuses");
    EXPECT_EQ(interviews[0]["identity"], "confirmed");
    json unfit = json::parse(Ok("ver", {"interview", "list", "--person", p[2], "--json"}));
    ASSERT_FALSE(unfit.empty());
    EXPECT_EQ(unfit[0]["fit_to_travel"], false);
    std::map<std::string, json> readiness;
    const json report = json::parse(Ok("ver", {"exchange", "readiness", "X1", "--json"}));
    for (const json& entry : report["persons"]) {
      readiness[entry["person"].get<std::string>()] = entry;
    }
    EXPECT_EQ(readiness[p[1]]["reason"], "refused-consent") << report.dump();
    EXPECT_EQ(readiness[p[2]]["reason"], "unfit");
    EXPECT_EQ(readiness[p[0]]["status"], "handed over");
    EXPECT_TRUE(Contains(readiness[p[0]]["handover"].dump(), kPlace)) << readiness[p[0]].dump();
    EXPECT_TRUE(Contains(readiness[p[0]]["handover"].dump(), kWitness)) << readiness[p[0]].dump();
    // A negotiator still reads only that it is confidential.
    json for_negotiator = json::parse(Ok("ven", {"exchange", "readiness", "X1", "--json"}));
    EXPECT_FALSE(Contains(for_negotiator.dump(), "refused-consent")) << for_negotiator.dump();
    std::string reconciled = Ok("med", {"exchange", "reconcile", "X1", "--json"});
    EXPECT_TRUE(Contains(reconciled, kCountNote)) << reconciled;
    json acts = json::parse(Ok("med", {"act", "list", p[5], "--json"}));
    ASSERT_EQ(acts.size(), 1u) << acts.dump();
    EXPECT_EQ(acts[0]["authority"], kAuthority);
    EXPECT_EQ(acts[0]["reference"], kActReference);
    json hold = json::parse(Ok("med", {"hold", "show", "H1", "--json"}));
    EXPECT_EQ(hold["reference"], kHoldReference);
    EXPECT_EQ(hold["lift_reason"], kLiftReason);
    json collapsed = json::parse(Ok("med", {"exchange", "state", "X2", "--json"}));
    EXPECT_EQ(collapsed["reason"], kCollapse);
  }

  // Takes the store back to what schema 9 wrote: the values in their clear columns, no sealed
  // columns, no text key.
  void BackToSchema9() const {
    const std::vector<std::string>& p = roster_;
    auto number = [](const std::string& id) { return id.substr(1); };
    auto quoted = [](const std::string& text) { return "'" + text + "'"; };
    std::string sql =
        "UPDATE interviews SET identity = 'confirmed', consent = CASE person_id WHEN " +
        number(p[1]) + " THEN 'refuses' ELSE 'consents' END, fit_to_travel = CASE person_id WHEN " +
        number(p[2]) + " THEN 0 ELSE 1 END;"
        "UPDATE execution_not_travelling SET reason = CASE person_id WHEN " +
        number(p[1]) + " THEN 'refused-consent' ELSE 'unfit' END;" +
        "UPDATE proposal_responses SET reason = " + quoted(kRejection) +
        " WHERE response = 'rejected';" + "UPDATE proposal_overrides SET justification = " +
        quoted(kJustification) + ";" + "UPDATE execution_handovers SET place = " + quoted(kPlace) +
        ", witnesses = " + quoted(kWitness) + ";" +
        "UPDATE execution_reported_counts SET note = " + quoted(kCountNote) + ";" +
        "UPDATE legal_acts SET authority = " + quoted(kAuthority) +
        ", reference = " + quoted(kActReference) + ";" +
        "UPDATE legal_holds SET reference = " + quoted(kHoldReference) +
        ", lift_reason = " + quoted(kLiftReason) + ";" +
        "UPDATE exchange_workflow SET reason = " + quoted(kCollapse) + " WHERE exchange_id = 2;";
    for (const char* column :
         {"interviews DROP COLUMN outcome_sealed", "execution_not_travelling DROP COLUMN reason_sealed",
          "legal_holds DROP COLUMN reference_sealed", "legal_holds DROP COLUMN lift_reason_sealed",
          "legal_acts DROP COLUMN texts_sealed", "proposal_responses DROP COLUMN reason_sealed",
          "proposal_overrides DROP COLUMN justification_sealed",
          "execution_handovers DROP COLUMN texts_sealed",
          "execution_reported_counts DROP COLUMN note_sealed",
          "exchange_workflow DROP COLUMN reason_sealed",
          // schema 13 (steps recorded after the fact)
          "exchanges DROP COLUMN occurred_at", "proposal_versions DROP COLUMN occurred_at",
          "proposal_versions DROP COLUMN tabled_at",
          "proposal_versions DROP COLUMN tabled_occurred_at",
          "proposal_responses DROP COLUMN occurred_at",
          // schema 15 (why a pair is queued)
          "review_queue DROP COLUMN reason",
          // schema 18 (a party's count of one stage)
          "execution_reported_counts DROP COLUMN stage"}) {
      sql += std::string("ALTER TABLE ") + column + ";";
    }
    sql += "DELETE FROM meta WHERE name IN ('text_key', 'texts_sealed');";
    RunResult done;
    if (canje_.on_postgres()) {
      sql += "UPDATE meta SET value = convert_to('9', 'UTF8') WHERE name = 'schema_version';";
      done = RunPsql(canje_.database(), sql);
    } else {
      // The file is rewritten whole (VACUUM), so that only the live rows hold the values.
      sql += "UPDATE meta SET value = '9' WHERE name = 'schema_version'; VACUUM;";
      done = RunProgram({"sqlite3", canje_.database(), sql}, canje_.dir(), {});
    }
    ASSERT_EQ(done.exit_status, 0) << done.err;
  }

  // One number read with plain SQL, on either backend.
  std::string Sql(const std::string& sql) const {
    RunResult result = canje_.on_postgres()
                           ? RunPsql(canje_.database(), sql)
                           : RunProgram({"sqlite3", canje_.database(), sql}, canje_.dir(), {});
    EXPECT_EQ(result.exit_status, 0) << result.err;
    return result.out;
  }
};

TEST_F(SealedTextsTest, AssessmentsAndFreeTextsAreSealedYetShownToWhoMayReadThem) {
  RunTheExchange();
  if (HasFatalFailure()) return;
  std::vector<std::string> found = FoundInTheClear();
  EXPECT_TRUE(found.empty()) << ::testing::PrintToString(found);
  ExpectEveryValueReadable();
}

TEST_F(SealedTextsTest, AStoreOfSchema9IsSealedWhenOpenedAndStaysReadable) {
  RunTheExchange();
  if (HasFatalFailure()) return;
  BackToSchema9();
  if (HasFatalFailure()) return;
  // The check can fail: the values are now in the clear.
  EXPECT_FALSE(FoundInTheClear().empty());
  const int64_t size = LogSize();  // opens the store: migration 10 and the sealing run here
  std::vector<std::string> found = FoundInTheClear();
  EXPECT_TRUE(found.empty()) << ::testing::PrintToString(found);
  ExpectEveryValueReadable();
  EXPECT_EQ(LogSize(), size);  // sealing is not an event; opening again changes nothing
  Ok("med", {"log", "verify"});
  EXPECT_TRUE(FoundInTheClear().empty());
}

TEST_F(SealedTextsTest, ErasingAPersonShredsTheirOutcomesAndReasons) {
  RunTheExchange();
  if (HasFatalFailure()) return;
  const std::string refused = roster_[1];
  const std::string number = refused.substr(1);
  // Erasure waits for the exchange to be over.
  Ok("med", {"handover", "record", "X1", us_[0], "--at", "2025-07-18T15:00:00Z", "--place",
             "Airport (synthetic)", "--to", "USA", "--witness", "Officer C (synthetic)"});
  Ok("med", {"exchange", "advance", "X1", "--to", "completed"});
  EXPECT_EQ(Sql("SELECT count(*) FROM interviews WHERE person_id = " + number +
                " AND outcome_sealed IS NOT NULL"),
            "1\n");
  Ok("med", {"person", "erase", refused, "--reason", "asked by the family (synthetic)"});
  EXPECT_EQ(Sql("SELECT count(*) FROM interviews WHERE person_id = " + number +
                " AND (outcome_sealed IS NOT NULL OR note_sealed IS NOT NULL OR consent <> '')"),
            "0\n");
  EXPECT_EQ(Sql("SELECT count(*) FROM execution_not_travelling WHERE person_id = " + number +
                " AND (reason_sealed IS NOT NULL OR note_sealed IS NOT NULL OR reason <> '')"),
            "0\n");
  // The rest reads as before; the erased person's interview and outcome say nothing.
  json interviews = json::parse(Ok("ver", {"interview", "list", "--person", refused, "--json"}));
  ASSERT_EQ(interviews.size(), 1u);
  EXPECT_EQ(interviews[0]["consent"], "");
  const json report = json::parse(Ok("med", {"exchange", "readiness", "X1", "--json"}));
  for (const json& entry : report["persons"]) {
    if (entry["person"] == roster_[2]) {
      EXPECT_EQ(entry["reason"], "unfit");
    }
    if (entry["person"] == refused) {
      EXPECT_NE(entry.value("reason", ""), "refused-consent");
    }
  }
  json unfit = json::parse(Ok("ver", {"interview", "list", "--person", roster_[2], "--json"}));
  ASSERT_EQ(unfit.size(), 1u);
  EXPECT_EQ(unfit[0]["fit_to_travel"], false);
  Ok("med", {"log", "verify"});
}

}  // namespace
}  // namespace canje::cli::testing
