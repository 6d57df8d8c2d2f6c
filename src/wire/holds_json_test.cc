// Golden tests of holds, legal acts, interviews and eligibility (holds_json.h), with synthetic
// parties, persons and references.
#include "wire/holds_json.h"

#include <gtest/gtest.h>

#include "negotiation/hold_rule_fields.h"
#include "wire/golden.h"

namespace canje::wire {
namespace {

negotiation::HoldView ListedHold() {
  negotiation::HoldView view;
  view.hold.id = 3;
  view.hold.issuer = "Test Court";
  view.hold.reference = "TC-0001";
  view.hold.effective_from = "2030-01-01";
  view.hold.persons = {3, 5};
  view.hold.created_at = "2030-01-01T12:00:00Z";
  view.hold.created_by = "mediator.one";
  view.in_force = true;
  view.state = "in force";
  view.covered = {3, 5};
  view.covered_hidden = 1;
  return view;
}

negotiation::HoldView RuleHold() {
  negotiation::HoldView view = ListedHold();
  view.hold.id = 4;
  view.hold.persons.clear();
  view.hold.rule_holder = "AAA";
  view.hold.rule_category = "minor";
  view.hold.effective_until = "2030-06-30";
  view.hold.lifted_on = "2030-03-01";
  view.hold.lift_reason = "synthetic reason";
  view.in_force = false;
  view.state = "lifted";
  view.covered = {8};
  view.covered_hidden = 0;
  return view;
}

TEST(HoldsJsonTest, Holds) {
  nlohmann::json shapes = {
      {"listed_with_covered", HoldJson(ListedHold(), true)},
      {"rule_without_covered", HoldJson(RuleHold(), false)},
      {"list_item", HoldListItemJson(RuleHold())},
  };
  EXPECT_TRUE(MatchesGolden(shapes, "holds_hold"));
}

TEST(HoldsJsonTest, TheRuleHasOneKeyPerRuleField) {
  for (const negotiation::HoldRuleField& field : negotiation::HoldRuleFields()) {
    SCOPED_TRACE(std::string(field.name));
    negotiation::HoldView view = ListedHold();
    view.hold.persons.clear();
    view.hold.*field.member = "XYZ";
    nlohmann::json scope = HoldJson(view, false)["scope"];
    ASSERT_TRUE(scope.contains("rule")) << scope.dump();
    EXPECT_FALSE(scope.contains("persons"));
    EXPECT_EQ(scope["rule"].size(), negotiation::HoldRuleFields().size());
    for (const negotiation::HoldRuleField& other : negotiation::HoldRuleFields()) {
      EXPECT_EQ(scope["rule"][std::string(other.name)],
                other.name == field.name ? nlohmann::json("XYZ") : nlohmann::json(nullptr));
    }
  }
}

TEST(HoldsJsonTest, LegalAct) {
  store::LegalActRow act;
  act.id = 2;
  act.person_id = 3;
  act.type = "pardon";
  act.act_date = "2030-02-01";
  act.authority = "Test Ministry";
  act.reference = "TM-0002";
  act.status_after = "free";
  act.recorded_at = "2030-02-02T10:00:00Z";
  act.recorded_by = "mediator.one";
  EXPECT_TRUE(MatchesGolden(LegalActJson(act), "holds_legal_act"));
  EXPECT_TRUE(MatchesGolden(LegalActRecordedJson(2, 3), "holds_legal_act_recorded"));
}

TEST(HoldsJsonTest, Interviews) {
  negotiation::InterviewView view;
  view.id = 6;
  view.person_id = 3;
  view.destination = "BBB";
  view.interviewed_on = "2030-02-10";
  view.identity = "confirmed";
  view.consent = "consents";
  view.fit_to_travel = true;
  view.note = "synthetic note";
  view.current = true;
  view.recorded_by = "verifier.one";
  view.recorder_party = "MED";
  view.recorded_at = "2030-02-10T15:00:00Z";
  negotiation::InterviewView erased = view;
  erased.id = 7;
  erased.note.reset();
  erased.note_erased = true;
  erased.current = false;
  negotiation::RecordedInterview recorded;
  recorded.id = 6;
  recorded.changes_refusal = true;
  nlohmann::json shapes = {
      {"interview", InterviewJson(view)},
      {"note_erased", InterviewJson(erased)},
      {"recorded", InterviewRecordedJson(recorded, 3, "BBB")},
      {"recorded_batch",
       InterviewsRecordedJson({recorded, {7, false}},
                              {{negotiation::NewInterview{.person_id = 3, .destination = "BBB"},
                                "interviews.csv:2: "},
                               {negotiation::NewInterview{.person_id = 5, .destination = "CCC"},
                                "interviews.csv:3: "}})},
  };
  EXPECT_TRUE(MatchesGolden(shapes, "holds_interview"));
}

TEST(HoldsJsonTest, Eligibility) {
  negotiation::PersonEligibility entry;
  entry.person_id = 3;
  entry.selectable = false;
  entry.ready_for_handover = false;
  entry.reasons = {{"hold", true, "under hold H3"}, {"interview", false, "no interview yet"}};
  EXPECT_TRUE(MatchesGolden(EligibilityJson(entry), "holds_eligibility"));
}

}  // namespace
}  // namespace canje::wire
