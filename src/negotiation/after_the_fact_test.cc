// A negotiation recorded after the fact, on a real store (occurred_at.h, proposal_actions.h): the
// mediator records the offers, tablings and answers of a negotiation that began before canje
// with the times they happened; each is kept beside the time it was recorded, the log's events
// carry both, and a time out of bounds, a negotiator dating a step, or a mediator answering for a
// party without a date is refused with nothing written.
#include <gtest/gtest.h>

#include "core/clock.h"
#include "negotiation/exchange.h"
#include "negotiation/exchange_test_store.h"
#include "negotiation/occurred_at.h"
#include "negotiation/proposal_actions.h"

namespace canje::negotiation {
namespace {

TEST(OccurredAtTest, ADateOrADateTimeWithItsOffsetAndNothingElse) {
  EXPECT_EQ(*ParseOccurredAt("2025-03-14"), "2025-03-14");
  EXPECT_EQ(*ParseOccurredAt("2025-03-14T10:30:00Z"), "2025-03-14T10:30:00Z");
  EXPECT_EQ(*ParseOccurredAt("2025-03-14T12:30:00+02:00"), "2025-03-14T10:30:00Z");
  EXPECT_EQ(*ParseOccurredAt("2025-03-14T23:30-01:00"), "2025-03-15T00:30:00Z");
  EXPECT_EQ(*ParseOccurredAt("2025-03-14t10:30:00.250z"), "2025-03-14T10:30:00Z");
  for (const char* bad :
       {"", "14/03/2025", "2025-02-30", "2025-03-14T10:30:00", "2025-03-14T25:00Z",
        "2025-03-14 10:30Z", "2025-03-14T10:30:00+2", "yesterday"}) {
    Result<std::string> refused = ParseOccurredAt(bad);
    EXPECT_EQ(refused.status().code(), StatusCode::kUsage) << bad;
  }
  EXPECT_NE(ParseOccurredAt("2025-03-14T10:30:00").status().message().find("time zone"),
            std::string::npos);
  EXPECT_NE(ParseOccurredAt("14/03/2025").status().message().find("2025-03-14T10:30:00Z"),
            std::string::npos);
}

class AfterTheFactTest : public testing::ExchangeTestStore {
 protected:
  // The negotiation began on 10 January 2025, before anyone used canje.
  void SetUp() override { SetUpExchange("2025-01-10"); }

  // A counts offer made on `at` (empty: now) by `user`.
  Result<int64_t> Offer(const std::string& user, const std::string& at, int64_t parent = 0) {
    NewProposal proposal;
    proposal.exchange_id = exchange_;
    proposal.source = NewProposal::Source::kCounts;
    proposal.counts = {{"SLV", "VEN", 3}, {"VEN", "SLV", 3}};
    proposal.parent_id = parent;
    proposal.occurred_at = at;
    return CreateProposal(As(user), proposal);
  }

  // The payload of the last event, checked to be of `type` and dated `at` after the fact.
  void ExpectLastEventDated(const std::string& type, const std::string& at) {
    nlohmann::json payload;
    store::EventRow event = LastEvent(&payload);
    EXPECT_EQ(event.type, type);
    EXPECT_EQ(event.actor, "med");
    EXPECT_EQ(payload["occurred_at"], at) << payload.dump();
    EXPECT_EQ(payload["recorded_after_the_fact"], true) << payload.dump();
    // The entry's own time is when it was recorded: today, not the day it happened.
    EXPECT_EQ(event.time.substr(0, 10), TodayIso());
  }
};

TEST_F(AfterTheFactTest, TheMediatorRecordsEarlierStepsWithTheirTimesBesideTheRecordedOnes) {
  auto exchange = FindVisibleExchange(As("med"), exchange_);
  ASSERT_TRUE(exchange.ok());
  EXPECT_EQ(ExchangeStart(*exchange), "2025-01-10");
  EXPECT_EQ(exchange->created_at.substr(0, 10), TodayIso());

  auto first = Offer("med", "2025-02-01T09:00:00Z");
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ExpectLastEventDated("proposal.created", "2025-02-01T09:00:00Z");
  ASSERT_TRUE(TableProposal(As("med"), *first, "", 0, "2025-02-02").ok());
  ExpectLastEventDated("proposal.tabled", "2025-02-02");
  auto rejected =
      RejectProposal(As("med"), *first, "VEN", "too few (synthetic)", "", 0, "2025-02-05");
  ASSERT_TRUE(rejected.ok()) << rejected.status().ToString();
  ExpectLastEventDated("proposal.rejected", "2025-02-05");

  auto second = Offer("med", "2025-02-10T07:00:00Z", *first);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  ASSERT_TRUE(TableProposal(As("med"), *second, "", 0, "2025-02-11").ok());
  ASSERT_TRUE(AcceptProposal(As("med"), *second, "SLV", "", 0, "2025-02-12").ok());
  auto agreed = AcceptProposal(As("med"), *second, "VEN", "", 0, "2025-02-13T17:45:00Z");
  ASSERT_TRUE(agreed.ok()) << agreed.status().ToString();
  EXPECT_EQ(agreed->state, "agreed-in-principle");
  ExpectLastEventDated("proposal.agreed_in_principle", "2025-02-13T17:45:00Z");

  auto view = LoadProposal(As("ven"), *second);
  ASSERT_TRUE(view.ok()) << view.status().ToString();
  EXPECT_EQ(view->version.occurred_at, "2025-02-10T07:00:00Z");
  EXPECT_EQ(view->version.created_at.substr(0, 10), TodayIso());
  EXPECT_EQ(view->version.created_by, "med");
  EXPECT_EQ(view->version.tabled_occurred_at, "2025-02-11");
  EXPECT_EQ(view->version.tabled_at.substr(0, 10), TodayIso());
  ASSERT_EQ(view->responses.size(), 2u);
  for (const auto& response : view->responses) {
    EXPECT_EQ(response.response, "accepted");
    EXPECT_EQ(response.responded_by, "med") << "recorded as entered by the mediator";
    EXPECT_EQ(response.responded_at.substr(0, 10), TodayIso());
  }
  EXPECT_EQ(view->responses[0].occurred_at, "2025-02-12");
  EXPECT_EQ(view->responses[1].occurred_at, "2025-02-13T17:45:00Z");

  // From now on the negotiation is recorded as it happens: a live step has no date of its own.
  auto live = Offer("ven", "");
  ASSERT_TRUE(live.ok()) << live.status().ToString();
  auto live_view = LoadProposal(As("ven"), *live);
  ASSERT_TRUE(live_view.ok());
  EXPECT_EQ(live_view->version.occurred_at, "");
  nlohmann::json payload;
  LastEvent(&payload);
  EXPECT_FALSE(payload.contains("occurred_at")) << payload.dump();
  EXPECT_FALSE(payload.contains("recorded_after_the_fact")) << payload.dump();
}

TEST_F(AfterTheFactTest, ATimeOutOfBoundsIsRefusedNamingTheBoundAndNothingIsWritten) {
  const int64_t before = LogSize();
  auto too_early = Offer("med", "2025-01-09");
  ASSERT_EQ(too_early.status().code(), StatusCode::kUsage);
  EXPECT_NE(too_early.status().message().find("earlier than the start of X1 (2025-01-10)"),
            std::string::npos)
      << too_early.status().message();
  const std::string tomorrow = Rfc3339FromUnix(NowUnixSeconds() + 2 * 86400).substr(0, 10);
  auto future = Offer("med", tomorrow);
  ASSERT_EQ(future.status().code(), StatusCode::kUsage);
  EXPECT_NE(future.status().message().find("later than now"), std::string::npos)
      << future.status().message();
  EXPECT_EQ(LogSize(), before);

  // Each step follows the one before it: a tabling not before the making, an answer not
  // before the tabling.
  auto offer = Offer("med", "2025-02-01");
  ASSERT_TRUE(offer.ok()) << offer.status().ToString();
  auto early_tabling = TableProposal(As("med"), *offer, "", 0, "2025-01-31T23:59:59Z");
  ASSERT_EQ(early_tabling.status().code(), StatusCode::kUsage);
  EXPECT_NE(early_tabling.status().message().find("the making of V1"), std::string::npos)
      << early_tabling.status().message();
  ASSERT_TRUE(TableProposal(As("med"), *offer, "", 0, "2025-02-03").ok());
  const int64_t tabled = LogSize();
  auto early_answer = AcceptProposal(As("med"), *offer, "SLV", "", 0, "2025-02-02");
  ASSERT_EQ(early_answer.status().code(), StatusCode::kUsage);
  EXPECT_NE(early_answer.status().message().find("the tabling of V1 (2025-02-03)"),
            std::string::npos)
      << early_answer.status().message();
  EXPECT_EQ(LogSize(), tabled);
}

TEST_F(AfterTheFactTest, OnlyAMediatorOrAdminDatesAStepAndAnswersOnlyWithADate) {
  store_.AddParty("COL", "Colombia", "state");
  auto offer = Offer("med", "2025-02-01");
  ASSERT_TRUE(offer.ok()) << offer.status().ToString();
  ASSERT_TRUE(TableProposal(As("med"), *offer, "", 0, "2025-02-02").ok());
  const int64_t before = LogSize();
  // A negotiator's answer is dated by the moment it is given, even for its own party.
  EXPECT_EQ(AcceptProposal(As("ven"), *offer, "VEN", "", 0, "2025-02-03").status().code(),
            StatusCode::kNotPermitted);
  EXPECT_EQ(Offer("ven", "2025-02-03").status().code(), StatusCode::kNotPermitted);
  // Without a date, the mediator still does not answer for a state.
  EXPECT_EQ(AcceptProposal(As("med"), *offer, "VEN", "").status().code(),
            StatusCode::kNotPermitted);
  // With one, only for a party to the exchange, and only a time in the one form canje keeps.
  EXPECT_EQ(AcceptProposal(As("med"), *offer, "COL", "", 0, "2025-02-03").status().code(),
            StatusCode::kInvalid);
  EXPECT_EQ(
      AcceptProposal(As("med"), *offer, "VEN", "", 0, "2025-02-03T10:00:00+01:00").status().code(),
      StatusCode::kUsage);
  EXPECT_EQ(LogSize(), before);
  // An admin may date a step too; a negotiator still answers for its own party, now.
  EXPECT_TRUE(AcceptProposal(As("admin"), *offer, "SLV", "", 0, "2025-02-03").ok());
  EXPECT_TRUE(AcceptProposal(As("ven"), *offer, "VEN", "").ok());
}

}  // namespace
}  // namespace canje::negotiation
