// The count afterwards (count_reconciliation.h) on hand-made facts, and the execution files'
// parsers (execution_files.h). The store-backed rules (readiness, refusals of handovers, the
// workflow's guards) are exercised end to end in src/cli/execution_commands_test.cc.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

#include "instance/ids.h"
#include "negotiation/count_reconciliation.h"
#include "negotiation/execution_files.h"

namespace canje::negotiation {
namespace {

using instance::Role;

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

store::ReportedCountRow Report(int64_t id, std::string party, std::string from, std::string to,
                               int64_t count, std::vector<int64_t> persons = {},
                               bool has_persons = false) {
  store::ReportedCountRow row;
  row.id = id;
  row.party = std::move(party);
  row.from_party = std::move(from);
  row.to_party = std::move(to);
  row.count = count;
  row.persons = std::move(persons);
  row.has_persons = has_persons;
  return row;
}

// Ten persons SLV>VEN (P1..P10), three VEN>USA (P11..P13).
ExecutionFacts Facts() {
  ExecutionFacts facts;
  for (int64_t p = 1; p <= 10; ++p) facts.agreed.push_back({p, "SLV", "VEN", "VEN", false});
  for (int64_t p = 11; p <= 13; ++p) facts.agreed.push_back({p, "VEN", "USA", "USA", false});
  for (int64_t p : {1, 2, 3, 4, 5, 6, 11, 12}) {
    store::HandoverRow handover;
    handover.person_id = p;
    handover.to_party = p <= 10 ? "VEN" : "USA";
    handover.handed_over_at = "2025-07-18T14:05:00Z";
    facts.handovers[p] = handover;
    facts.verified.insert(p);
  }
  facts.verified.insert(9);  // ready, never handed over
  facts.not_travelling = {{7, "refused-consent"}, {8, "unfit"}, {13, "deceased"}};
  facts.reports = {
      Report(1, "SLV", "SLV", "VEN", 6),
      Report(2, "VEN", "SLV", "VEN", 8),
      Report(3, "USA", "VEN", "USA", 3, {11, 12, 99}, true),
      Report(4, "VEN", "SLV", "VEN", 5),  // supersedes report 2
      Report(5, "VEN", "VEN", "USA", 1, {11}, true),
  };
  return facts;
}

const DirectionCounts& Direction(const CountReconciliation& result, const std::string& from) {
  auto found = std::find_if(result.directions.begin(), result.directions.end(),
                            [&](const DirectionCounts& d) { return d.from == from; });
  EXPECT_NE(found, result.directions.end());
  return *found;
}

std::vector<std::string> Kinds(const DirectionCounts& direction, const std::string& kind) {
  std::vector<std::string> texts;
  for (const auto& difference : direction.differences) {
    if (difference.kind == kind) texts.push_back(difference.text);
  }
  return texts;
}

TEST(CountReconciliationTest, EveryGapIsTheSumOfNamedDifferences) {
  const CountReconciliation result = ReconcileCounts(Facts(), Role::kMediator);
  ASSERT_EQ(result.directions.size(), 2u);
  for (const DirectionCounts& d : result.directions) {
    int64_t not_travelling = 0;
    for (const auto& [reason, n] : d.not_travelling) not_travelling += n;
    EXPECT_EQ(d.agreed, d.handed_over + not_travelling + d.no_outcome) << d.from << ">" << d.to;
    // Each agreed person not handed over is one named difference.
    EXPECT_EQ(
        static_cast<int64_t>(Kinds(d, "not_travelling").size() + Kinds(d, "no_outcome").size()),
        d.agreed - d.handed_over);
  }
  const DirectionCounts& to_ven = Direction(result, "SLV");
  EXPECT_EQ(to_ven.agreed, 10);
  EXPECT_EQ(to_ven.verified, 7);
  EXPECT_EQ(to_ven.handed_over, 6);
  EXPECT_EQ(to_ven.not_travelling.at("refused-consent"), 1);
  EXPECT_EQ(to_ven.not_travelling.at("unfit"), 1);
  EXPECT_EQ(to_ven.no_outcome, 2);
  EXPECT_EQ(Kinds(to_ven, "no_outcome"),
            (std::vector<std::string>{
                "P9 is missing: agreed, not handed over, and no outcome recorded",
                "P10 is missing: agreed, not handed over, and no outcome recorded"}));
  // SLV's 6 matches the record; VEN's latest (5) supersedes its 8 and leaves 1 unexplained.
  ASSERT_EQ(to_ven.reported.size(), 2u);
  EXPECT_EQ(to_ven.reported[0].party, "SLV");
  EXPECT_EQ(to_ven.reported[0].unexplained, 0);
  EXPECT_EQ(to_ven.reported[1].party, "VEN");
  EXPECT_EQ(to_ven.reported[1].count, 5);
  EXPECT_EQ(to_ven.reported[1].superseded, 1);
  EXPECT_EQ(to_ven.reported[1].unexplained, 1);
  ASSERT_EQ(Kinds(to_ven, "count_unexplained").size(), 1u);
  EXPECT_NE(Kinds(to_ven, "count_unexplained")[0].find(
                "VEN reports 5 for SLV>VEN; the record has 6 handed over; 1 not explained by VEN"),
            std::string::npos);
  EXPECT_EQ(to_ven.unexplained, 3);  // P9, P10 and VEN's one

  // USA lists P99 (extra) besides the two handed over; VEN lists only P11 (P12 not in report);
  // P13 did not travel (deceased).
  const DirectionCounts& to_usa = Direction(result, "VEN");
  EXPECT_EQ(to_usa.handed_over, 2);
  EXPECT_EQ(to_usa.not_travelling.at("deceased"), 1);
  EXPECT_EQ(Kinds(to_usa, "extra"),
            std::vector<std::string>{
                "USA reports P99 for VEN>USA, who is not on the agreed list for it"});
  EXPECT_EQ(Kinds(to_usa, "not_in_report"),
            std::vector<std::string>{"P12 was handed over to USA at 2025-07-18T14:05:00Z; VEN's "
                                     "report does not list them"});
  EXPECT_EQ(to_usa.unexplained, 0);
  EXPECT_EQ(result.unexplained, 3);
}

TEST(CountReconciliationTest, ARefusalAndUnfitnessAreConfidentialToNegotiatorsAndObservers) {
  for (Role viewer : {Role::kNegotiator, Role::kObserver}) {
    const CountReconciliation result = ReconcileCounts(Facts(), viewer);
    const DirectionCounts& to_ven = Direction(result, "SLV");
    EXPECT_EQ(to_ven.not_travelling.count("refused-consent"), 0u);
    EXPECT_EQ(to_ven.not_travelling.count("unfit"), 0u);
    EXPECT_EQ(to_ven.not_travelling.at("confidential"), 2);
    for (const DirectionCounts& d : result.directions) {
      for (const auto& difference : d.differences) {
        EXPECT_EQ(Lower(difference.text).find("refus"), std::string::npos) << difference.text;
        EXPECT_EQ(Lower(difference.reason).find("refus"), std::string::npos);
        EXPECT_EQ(Lower(difference.text).find("unfit"), std::string::npos) << difference.text;
      }
    }
    const std::vector<std::string> texts = Kinds(to_ven, "not_travelling");
    for (const char* text : {"P7 did not travel: not available (confidential)",
                             "P8 did not travel: not available (confidential)"}) {
      EXPECT_NE(std::find(texts.begin(), texts.end(), text), texts.end()) << text;
    }
  }
  const CountReconciliation for_verifier = ReconcileCounts(Facts(), Role::kVerifier);
  EXPECT_EQ(Direction(for_verifier, "SLV").not_travelling.at("refused-consent"), 1);
}

TEST(CountReconciliationTest, AReportedPersonNotHandedOverIsNamed) {
  ExecutionFacts facts = Facts();
  facts.reports = {Report(1, "VEN", "SLV", "VEN", 7, {1, 2, 3, 4, 5, 6, 8}, true)};
  const CountReconciliation result = ReconcileCounts(facts, Role::kMediator);
  const DirectionCounts& to_ven = Direction(result, "SLV");
  EXPECT_EQ(Kinds(to_ven, "not_handed_over"),
            std::vector<std::string>{"VEN reports P8 for SLV>VEN; the record has no handover (did "
                                     "not travel: unfit to travel)"});
  EXPECT_TRUE(Kinds(to_ven, "count_unexplained").empty());
}

// A party that counts day by day: its latest count of each stage, added up, is its count of the
// whole exchange, until it reports one of the whole exchange.
TEST(CountReconciliationTest, EachStagesLatestCountAddsUpUntilACountOfTheWhole) {
  ExecutionFacts facts = Facts();
  auto of_stage = [](store::ReportedCountRow row, int64_t stage) {
    row.stage = stage;
    return row;
  };
  facts.reports = {
      of_stage(Report(1, "VEN", "SLV", "VEN", 3, {1, 2, 3}, true), 1),
      of_stage(Report(2, "VEN", "SLV", "VEN", 1, {4}, true), 2),
      // Stage 2 counted again: this one replaces report 2. P6 is left out of every list.
      of_stage(Report(3, "VEN", "SLV", "VEN", 2, {4, 5}, true), 2),
  };
  {
    const DirectionCounts to_ven = Direction(ReconcileCounts(facts, Role::kMediator), "SLV");
    ASSERT_EQ(to_ven.reported.size(), 1u);
    const PartyCount& line = to_ven.reported[0];
    EXPECT_EQ(line.count, 5);
    EXPECT_EQ(line.stages, (std::vector<int64_t>{1, 2}));
    EXPECT_EQ(line.superseded, 1);
    EXPECT_EQ(line.report_id, 3);
    EXPECT_TRUE(line.has_persons);
    EXPECT_EQ(Kinds(to_ven, "not_in_report"),
              std::vector<std::string>{"P6 was handed over to VEN at 2025-07-18T14:05:00Z; VEN's "
                                       "report does not list them"});
  }
  // One stage counted without a list: the sum stands, and its gap cannot be named.
  facts.reports.push_back(of_stage(Report(4, "VEN", "SLV", "VEN", 2), 3));
  {
    const DirectionCounts to_ven = Direction(ReconcileCounts(facts, Role::kMediator), "SLV");
    EXPECT_EQ(to_ven.reported[0].count, 7);
    EXPECT_FALSE(to_ven.reported[0].has_persons);
    EXPECT_EQ(Kinds(to_ven, "count_unexplained").size(), 1u);
  }
  // A count of the whole exchange takes the stages' place.
  facts.reports.push_back(Report(5, "VEN", "SLV", "VEN", 6, {1, 2, 3, 4, 5, 6}, true));
  {
    const DirectionCounts to_ven = Direction(ReconcileCounts(facts, Role::kMediator), "SLV");
    EXPECT_EQ(to_ven.reported[0].count, 6);
    EXPECT_TRUE(to_ven.reported[0].stages.empty());
    EXPECT_EQ(to_ven.reported[0].superseded, 4);
    EXPECT_TRUE(Kinds(to_ven, "not_in_report").empty());
  }
}

TEST(ExecutionFilesTest, HandoversParseAndEveryBadRowIsNamed) {
  auto parsed = ParseHandoversCsv(
      "person,at,place,to,witnesses\n"
      "P17,2025-07-18T14:05:00Z,Maiquetia apron 3,VEN,A. Delegate | B. Officer\n",
      "handovers.csv");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  ASSERT_EQ(parsed->size(), 1u);
  EXPECT_EQ((*parsed)[0].person_id, 17);
  EXPECT_EQ((*parsed)[0].witnesses, (std::vector<std::string>{"A. Delegate", "B. Officer"}));
  EXPECT_EQ((*parsed)[0].where, "handovers.csv:2: ");

  auto bad = ParseHandoversCsv(
      "person,at,place,to,witnesses\n"
      "X17,2025-07-18T14:05:00Z,apron,VEN,A\n"
      "P18,2025-07-18T14:05:00Z,,VEN,A\n",
      "handovers.csv");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalid);
  EXPECT_NE(bad.status().message().find("handovers.csv:2:1: "), std::string::npos)
      << bad.status().message();
  EXPECT_NE(bad.status().message().find("handovers.csv:3:3: empty place"), std::string::npos)
      << bad.status().message();

  auto unknown = ParseHandoversCsv("person,when\nP1,x\n", "h.csv");
  EXPECT_NE(unknown.status().message().find("h.csv:1:2: unknown column 'when'"), std::string::npos);
}

TEST(ExecutionFilesTest, OutcomesInterviewsAndPersonLists) {
  auto outcomes = ParseNotTravellingCsv("person,reason,note\nP3,Unfit,\n4,other,flight\n", "o.csv");
  ASSERT_TRUE(outcomes.ok()) << outcomes.status().ToString();
  ASSERT_EQ(outcomes->size(), 2u);
  EXPECT_EQ((*outcomes)[0].reason, "unfit");
  EXPECT_EQ((*outcomes)[1].note, "flight");

  auto interviews =
      ParseInterviewsCsv("person,destination,identity,consent,fit\nP5,VEN,,x,y\n", "i.csv");
  ASSERT_FALSE(interviews.ok());
  EXPECT_NE(interviews.status().message().find("i.csv:2:3: empty identity"), std::string::npos)
      << interviews.status().message();
  auto missing = ParseInterviewsCsv("person,destination,identity,consent\n", "i.csv");
  EXPECT_NE(missing.status().message().find("missing column 'fit'"), std::string::npos);

  auto persons = ParsePersonList("# VEN's list\nP1\n\n2\nthree\n", "ven.txt");
  ASSERT_FALSE(persons.ok());
  EXPECT_NE(persons.status().message().find("ven.txt:5: "), std::string::npos);
  auto good = ParsePersonList("P1\n2\n", "ven.txt");
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, (std::vector<int64_t>{1, 2}));
}

}  // namespace
}  // namespace canje::negotiation
