// Idempotency keys below the front door, on a real store (SQLite, or PostgreSQL with
// CANJE_TEST_BACKEND=postgres): a key commits and rolls back with its change, answers are kept
// only for the request that made the change, and keys are each user's own.
#include "instance/idempotent_requests.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "instance/parties_and_users.h"
#include "instance/testing/test_instance.h"

namespace canje::instance {
namespace {

using testing::TestInstance;

IdempotentRequest Request(const std::string& key, const std::string& body) {
  return {key, "POST", "/v1/parties", body};
}

EarlierRequest::Kind KindOf(Instance& instance, const IdempotentRequest& request) {
  Result<EarlierRequest> earlier = FindEarlierRequest(instance, request);
  EXPECT_TRUE(earlier.ok()) << earlier.status().ToString();
  return earlier.ok() ? earlier->kind : EarlierRequest::Kind::kNone;
}

class IdempotentRequestsTest : public ::testing::Test {
 protected:
  TestInstance store_;
};

TEST_F(IdempotentRequestsTest, AKeyCommitsWithItsChangeAndItsAnswerIsGivenBack) {
  ASSERT_TRUE(store_.ok()) << store_.error();
  Instance& admin = store_.admin();
  const IdempotentRequest request = Request("k-1", R"({"code": "VEN"})");
  EXPECT_EQ(KindOf(admin, request), EarlierRequest::Kind::kNone);

  ArmedKey armed = RecordKeyWithNextChange(admin, request);
  ASSERT_TRUE(AddParty(admin, {"VEN", "Venezuela", "state"}).ok());
  Disarm(admin);
  EXPECT_GT(*armed.log_size, 0);
  EXPECT_EQ(KindOf(admin, request), EarlierRequest::Kind::kUnanswered);

  ASSERT_TRUE(KeepAnswer(admin, request, armed,
                         {201,
                          "application/json",
                          "{\"id\":\"VEN\"}\n",
                          {{"Location", "/v1/parties/VEN"}, {"ETag", "\"1\""}}})
                  .ok());
  Result<EarlierRequest> earlier = FindEarlierRequest(admin, request);
  ASSERT_TRUE(earlier.ok()) << earlier.status().ToString();
  EXPECT_EQ(earlier->kind, EarlierRequest::Kind::kAnswered);
  EXPECT_EQ(earlier->answer.status, 201);
  EXPECT_EQ(earlier->answer.content_type, "application/json");
  EXPECT_EQ(earlier->answer.body, "{\"id\":\"VEN\"}\n");
  // What the change made is said again: where it is, and its version.
  EXPECT_EQ(earlier->answer.headers, (std::vector<std::pair<std::string, std::string>>{
                                         {"Location", "/v1/parties/VEN"}, {"ETag", "\"1\""}}));
  EXPECT_EQ(earlier->log_size, *armed.log_size);

  // The same key with another request is refused; keys are each user's own.
  EXPECT_EQ(FindEarlierRequest(admin, Request("k-1", R"({"code": "SLV"})")).status().code(),
            StatusCode::kConflict);
  store_.AddUser("med", "VEN", "mediator");
  Result<std::unique_ptr<Instance>> med = store_.Open("med");
  ASSERT_TRUE(med.ok()) << med.status().ToString();
  EXPECT_EQ(KindOf(**med, request), EarlierRequest::Kind::kNone);
}

TEST_F(IdempotentRequestsTest, ARefusedChangeLeavesNoKeyAndAnArmedKeyGoesWithTheNextChangeOnly) {
  ASSERT_TRUE(store_.ok()) << store_.error();
  Instance& admin = store_.admin();
  const IdempotentRequest request = Request("k-2", R"({"code": "x"})");
  ArmedKey armed = RecordKeyWithNextChange(admin, request);
  EXPECT_FALSE(AddParty(admin, {"not a code", "Nowhere", "state"}).ok());  // refused, rolled back
  Disarm(admin);
  EXPECT_EQ(*armed.log_size, 0);
  EXPECT_EQ(KindOf(admin, request), EarlierRequest::Kind::kNone);
  EXPECT_TRUE(KeepAnswer(admin, request, armed, {400, "application/problem+json", "{}"}).ok());
  EXPECT_EQ(KindOf(admin, request), EarlierRequest::Kind::kNone) << "a refusal was kept";

  // Disarmed: the next change records no key.
  ASSERT_TRUE(AddParty(admin, {"SLV", "El Salvador", "state"}).ok());
  EXPECT_EQ(KindOf(admin, request), EarlierRequest::Kind::kNone);
}

TEST_F(IdempotentRequestsTest, AnotherRequestsAnswerNeverReplacesTheFirst) {
  ASSERT_TRUE(store_.ok()) << store_.error();
  Instance& admin = store_.admin();
  const IdempotentRequest request = Request("k-3", R"({"code": "USA"})");
  ArmedKey first = RecordKeyWithNextChange(admin, request);
  ASSERT_TRUE(AddParty(admin, {"USA", "United States", "state"}).ok());
  Disarm(admin);
  // A second request with the key that reached its change at the same moment: its change is
  // refused (the key is taken), and its answer must not become the key's.
  ArmedKey second = RecordKeyWithNextChange(admin, request);
  Status refused = AddParty(admin, {"MEX", "Mexico", "state"});
  Disarm(admin);
  EXPECT_EQ(refused.code(), StatusCode::kConflict) << refused.ToString();
  EXPECT_EQ(*second.log_size, 0);
  ASSERT_TRUE(KeepAnswer(admin, request, second, {409, "application/problem+json", "{}"}).ok());
  EXPECT_EQ(KindOf(admin, request), EarlierRequest::Kind::kUnanswered);
  ASSERT_TRUE(KeepAnswer(admin, request, first, {201, "application/json", "{}"}).ok());
  Result<EarlierRequest> earlier = FindEarlierRequest(admin, request);
  ASSERT_TRUE(earlier.ok());
  EXPECT_EQ(earlier->answer.status, 201);
}

// Two requests with one key at the same moment, on two connections (two servers of one
// PostgreSQL store, or two threads of one): the second must not find the first's change before
// its answer is kept — it would be told the answer was lost — but wait and be given it.
TEST_F(IdempotentRequestsTest, ASecondRequestWithTheKeyWaitsForTheFirstOnesAnswer) {
  ASSERT_TRUE(store_.ok()) << store_.error();
  Instance& first = store_.admin();
  Result<std::unique_ptr<Instance>> second = store_.Open("admin");
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  const IdempotentRequest request = Request("k-4", R"({"code": "CUB"})");

  auto held = HoldKey(first, request);
  ASSERT_TRUE(held.ok()) << held.status().ToString();
  ArmedKey armed = RecordKeyWithNextChange(first, request);
  ASSERT_TRUE(AddParty(first, {"CUB", "Cuba", "state"}).ok());
  Disarm(first);

  std::atomic<bool> done{false};
  EarlierRequest::Kind seen = EarlierRequest::Kind::kNone;
  std::thread other([&] {
    auto waited = HoldKey(**second, request);
    EXPECT_TRUE(waited.ok()) << waited.status().ToString();
    seen = KindOf(**second, request);
    done = true;
  });
  // Give the other request every chance to look before the answer is kept (it must wait).
  for (int i = 0; i < 50 && !done; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_FALSE(done) << "the second request did not wait for the key";
  ASSERT_TRUE(KeepAnswer(first, request, armed, {201, "application/json", "{}"}).ok());
  held->reset();
  other.join();
  EXPECT_EQ(seen, EarlierRequest::Kind::kAnswered);
  EXPECT_FALSE(HoldKey(first, Request("", "{}")).ok()) << "an empty key was held";
}

TEST(KeptAnswerTest, ReadsAsWrittenAndAsKeptBeforeHeaders) {
  const KeptAnswer answer{
      201, "application/json", "{\"a\":\"1\n2\"}", {{"Location", "/v1/holds/H1"}}};
  Result<KeptAnswer> read = DecodeKeptAnswer(EncodeKeptAnswer(answer));
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->status, 201);
  EXPECT_EQ(read->body, answer.body);
  EXPECT_EQ(read->headers, answer.headers);
  Result<KeptAnswer> older = DecodeKeptAnswer("409\napplication/problem+json\n{}\n");
  ASSERT_TRUE(older.ok()) << older.status().ToString();
  EXPECT_EQ(older->status, 409);
  EXPECT_EQ(older->content_type, "application/problem+json");
  EXPECT_EQ(older->body, "{}\n");
  EXPECT_TRUE(older->headers.empty());
  for (const char* damaged :
       {"", "20\nx\n", "a2 201\nx\n", "a2 201\nx\n2\nLocation: /\n", "a2 201\nx\n1\nno colon\n"}) {
    EXPECT_EQ(DecodeKeptAnswer(damaged).status().code(), StatusCode::kInvalid) << damaged;
  }
}

TEST(IdempotencyKeyTest, AKeyIsOneTo255PrintableCharacters) {
  EXPECT_TRUE(CheckIdempotencyKey("550e8400-e29b-41d4-a716-446655440000").ok());
  EXPECT_TRUE(CheckIdempotencyKey(std::string(255, 'k')).ok());
  for (const std::string& bad : {std::string(), std::string(256, 'k'), std::string("a b"),
                                 std::string("tab\t"), std::string("\xC3\xA9")}) {
    EXPECT_EQ(CheckIdempotencyKey(bad).code(), StatusCode::kUsage) << bad;
  }
}

}  // namespace
}  // namespace canje::instance
