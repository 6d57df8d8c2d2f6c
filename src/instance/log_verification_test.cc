// VerifyLog's per-entry checks run on worker threads in batches (log_entry_checks.h): a tampered
// entry is reported at its own index wherever it falls in a batch, and when several entries are
// tampered with, the first in log order is the one reported, whatever the threads and batches.
// Real stores (SQLite, or PostgreSQL with CANJE_TEST_BACKEND=postgres), tampered with by SQL.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "instance/event_types.h"
#include "instance/testing/test_instance.h"
#include "instance/transparency_log.h"

namespace canje::instance {
namespace {

class LogVerificationTest : public ::testing::Test {
 protected:
  static constexpr int64_t kEvents = 120;  // recorded here, after the store's own first events

  void SetUp() override {
    ASSERT_TRUE(store_.ok()) << store_.error();
    // Three changes (three checkpoints), every event with a payload of its own.
    for (int change = 0; change < 3; ++change) {
      Status changed = store_.admin().Change([&](Recorder& recorder) -> Status {
        for (int64_t i = 0; i < kEvents / 3; ++i) {
          CANJE_RETURN_IF_ERROR(recorder
                                    .Record(events::kPartyAdded, {"P" + std::to_string(i)},
                                            {{"change", change}, {"i", i}, {"name", "Parte Ñ"}})
                                    .status());
        }
        return Status::Ok();
      });
      ASSERT_TRUE(changed.ok()) << changed.ToString();
    }
    size_ = store_.LogSize();
    ASSERT_GT(size_, kEvents);
  }

  void Tamper(const std::string& sql) {
    Status done = store_.admin().store().connection().Execute(sql);
    ASSERT_TRUE(done.ok()) << done.ToString();
  }

  // The payload, key and salt of entry `from` copied onto entry `to`: opens, but does not match.
  static std::string SwapPayload(int64_t to, int64_t from) {
    const std::string row = "(SELECT %s FROM events WHERE seq = " + std::to_string(from) + ")";
    auto column = [&](const std::string& name) {
      std::string text = row;
      text.replace(text.find("%s"), 2, name);
      return name + " = " + text;
    };
    return "UPDATE events SET " + column("payload") + ", " + column("payload_key") + ", " +
           column("salt") + " WHERE seq = " + std::to_string(to);
  }
  // Entry `seq` given the next entry's sealed payload, under its own data key: it does not open.
  static std::string BreakPayload(int64_t seq) {
    return "UPDATE events SET payload = (SELECT payload FROM events WHERE seq = " +
           std::to_string(seq + 1) + ") WHERE seq = " + std::to_string(seq);
  }

  // The message of VerifyLog with `options`; "ok" when it verifies.
  std::string Verify(const EntryCheckOptions& options) {
    Result<LogVerification> verified = VerifyLog(store_.admin(), std::nullopt, options);
    if (verified.ok()) {
      EXPECT_EQ(verified->entries, size_);
      return "ok";
    }
    EXPECT_EQ(verified.status().code(), StatusCode::kInvalid) << verified.status().ToString();
    return verified.status().message();
  }

  // Threads and batch sizes that split the log differently, the sequential run first.
  static std::vector<EntryCheckOptions> Splits() {
    return {{-1, 1000}, {1, 1}, {2, 16}, {2, 7}, {4, 5}, {3, 1000}};
  }

  testing::TestInstance store_;
  int64_t size_ = 0;
};

TEST_F(LogVerificationTest, AnUntouchedLogVerifiesTheSameWhateverTheSplit) {
  Result<LogVerification> sequential = VerifyLog(store_.admin(), std::nullopt, {-1, 1000});
  ASSERT_TRUE(sequential.ok()) << sequential.status().ToString();
  EXPECT_EQ(sequential->entries, size_);
  EXPECT_EQ(sequential->checkpoints, 4);  // the store's first change and the three above
  for (const EntryCheckOptions& options : Splits()) {
    Result<LogVerification> verified = VerifyLog(store_.admin(), std::nullopt, options);
    ASSERT_TRUE(verified.ok()) << verified.status().ToString();
    EXPECT_EQ(verified->entries, sequential->entries);
    EXPECT_EQ(verified->erased_payloads, sequential->erased_payloads);
    EXPECT_EQ(verified->root, sequential->root);
  }
}

TEST_F(LogVerificationTest, AnEntryInTheMiddleOfABatchIsReportedAtItsIndex) {
  // With batches of 16, entry 37 is the sixth of the third batch.
  Tamper(SwapPayload(37, 36));
  for (const EntryCheckOptions& options : Splits()) {
    EXPECT_EQ(Verify(options),
              "entry 37 (party.added): its payload does not match the hash the log committed to")
        << options.threads << " threads, batches of " << options.batch;
  }
}

TEST_F(LogVerificationTest, TheFirstFailureInLogOrderIsReportedWhenSeveralBatchesFail) {
  // Failures in several batches, of several kinds; the earliest is a payload that does not open.
  Tamper(BreakPayload(90));
  Tamper(SwapPayload(70, 71));
  Tamper(BreakPayload(41));
  Tamper("DELETE FROM event_subjects WHERE seq = 100; DELETE FROM events WHERE seq = 100");
  for (const EntryCheckOptions& options : Splits()) {
    const std::string message = Verify(options);
    EXPECT_EQ(message.rfind("entry 41 (party.added): its payload does not open: ", 0), 0)
        << message << " (" << options.threads << " threads, batches of " << options.batch << ")";
  }
  // Mended one by one, the next in log order is reported.
  Tamper("UPDATE events SET payload = (SELECT payload FROM events WHERE seq = 42), "
         "payload_key = (SELECT payload_key FROM events WHERE seq = 42), "
         "salt = (SELECT salt FROM events WHERE seq = 42), "
         "payload_sha256 = (SELECT payload_sha256 FROM events WHERE seq = 42) WHERE seq = 41");
  for (const EntryCheckOptions& options : Splits()) {
    EXPECT_EQ(Verify(options),
              "entry 70 (party.added): its payload does not match the hash the log committed to")
        << options.threads << " threads, batches of " << options.batch;
  }
}

TEST_F(LogVerificationTest, AMissingEntryIsReportedAtItsIndexInAnyBatch) {
  Tamper("DELETE FROM event_subjects WHERE seq = 50; DELETE FROM events WHERE seq = 50");
  for (const EntryCheckOptions& options : Splits()) {
    EXPECT_EQ(Verify(options),
              "entry 50: missing (the next stored event is 51); events were deleted or reordered")
        << options.threads << " threads, batches of " << options.batch;
  }
}

}  // namespace
}  // namespace canje::instance
