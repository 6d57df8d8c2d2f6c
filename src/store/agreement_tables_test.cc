#include "store/agreement_tables.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/digest.h"
#include "store/testing/store_on_backend.h"

namespace canje::store {
namespace {

// The agreement tables on SQLite: optimistic concurrency by revision, one key per party and
// id, one signature per party and version, one workflow row per exchange.
class AgreementTablesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = testing::TemporaryStorePath("agreement-tables");
    auto opened = Store::Open({path_.string(), true});
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(*opened);
  }
  void TearDown() override {
    store_.reset();
    testing::RemoveStoreFiles(path_);
  }
  // Runs `change` with one event appended first; returns the change's status.
  Status Write(const std::function<Status(WriteTransaction&, int64_t seq)>& change) {
    return store_->Write(actor_, [&](WriteTransaction& transaction) -> Status {
      SealedPayload payload;
      payload.salt = RandomBytes(32);
      Sha256Hash hash = Sha256Salted(payload.salt, AsBytes("x"));
      payload.sha256.assign(hash.begin(), hash.end());
      payload.wrapped_key = Bytes(69, 1);
      payload.sealed = Bytes(40, 2);
      CANJE_ASSIGN_OR_RETURN(int64_t seq, transaction.AppendEvent({"test", {}}, payload));
      return change(transaction, seq);
    });
  }
  std::filesystem::path path_;
  std::unique_ptr<Store> store_;
  Actor actor_{"med", "PUENTE", "mediator"};
};

TEST_F(AgreementTablesTest, AStaleRevisionIsAConflictAndChangesNothing) {
  ASSERT_TRUE(Write([](WriteTransaction& transaction, int64_t seq) -> Status {
                ProposalVersionRow row;
                CANJE_ASSIGN_OR_RETURN(row.id, NextProposalVersionId(transaction));
                row.exchange_id = 1;
                row.kind = "counts";
                row.source = "counts";
                row.state = "draft";
                row.event_seq = seq;
                return AddProposalVersion(transaction, row, {}, {{"SLV", "VEN", 252}});
              }).ok());
  ASSERT_TRUE(Write([](WriteTransaction& transaction, int64_t seq) {
                return UpdateProposalState(transaction, 1, "tabled", 1, seq);
              }).ok());
  Status stale = Write([](WriteTransaction& transaction, int64_t seq) {
    return UpdateProposalState(transaction, 1, "rejected", 1, seq);
  });
  EXPECT_EQ(stale.code(), StatusCode::kConflict);
  EXPECT_NE(stale.message().find("now tabled, revision 2"), std::string::npos) << stale.message();
  auto row = FindProposalVersion(*store_, 1);
  ASSERT_TRUE(row.ok() && row->has_value());
  EXPECT_EQ((*row)->state, "tabled");
  EXPECT_EQ((*row)->revision, 2);
  EXPECT_EQ(store_->EventCount().value(), 2);  // the refused change's event was rolled back
  auto counts = CountsOf(*store_, 1);
  ASSERT_EQ(counts->size(), 1u);
  EXPECT_EQ((*counts)[0].persons, 252);
}

TEST_F(AgreementTablesTest, KeysAreUniquePerPartySignaturesAndStatesAreReplaced) {
  ASSERT_TRUE(Write([](WriteTransaction& transaction, int64_t seq) -> Status {
                CANJE_RETURN_IF_ERROR(transaction.AddParty({"VEN", "Venezuela", "state", ""}));
                return AddPartyKey(transaction, {"VEN", "ed25519:00", Bytes(32, 7), "", "", seq});
              }).ok());
  Status again = Write([](WriteTransaction& transaction, int64_t seq) {
    return AddPartyKey(transaction, {"VEN", "ed25519:00", Bytes(32, 7), "", "", seq});
  });
  EXPECT_EQ(again.code(), StatusCode::kConflict);
  EXPECT_EQ(PartyKeys(*store_, "")->size(), 1u);
  EXPECT_EQ(PartyKeys(*store_, "SLV")->size(), 0u);

  for (uint8_t fill : {1, 2}) {
    ASSERT_TRUE(
        Write([&](WriteTransaction& transaction, int64_t seq) -> Status {
          if (fill == 1) {
            ProposalVersionRow row{1, 1,  0,  "counts", 0,  "counts", "agreed-in-principle",
                                   1, "", "", "",       seq};
            CANJE_RETURN_IF_ERROR(AddProposalVersion(transaction, row, {}, {}));
          }
          CANJE_RETURN_IF_ERROR(PutSignature(
              transaction, {1, "VEN", "ed25519:00", Bytes(64, fill), Bytes(32, 0), "", "", seq}));
          // The store keeps the reason only sealed (here a stand-in for the sealed bytes).
          return PutExchangeState(transaction, {1, fill == 1 ? "agreed" : "collapsed", 1, "why",
                                                "", "", seq, Bytes(40, fill)});
        }).ok());
  }
  auto signatures = SignaturesOf(*store_, 1);
  ASSERT_EQ(signatures->size(), 1u);
  EXPECT_EQ((*signatures)[0].signature, Bytes(64, 2));
  auto state = FindExchangeState(*store_, 1);
  ASSERT_TRUE(state->has_value());
  EXPECT_EQ((*state)->state, "collapsed");
  EXPECT_EQ((*state)->agreed_version, 1);
  EXPECT_EQ((*state)->reason, "");  // its clear column stays empty
  EXPECT_EQ((*state)->reason_sealed, Bytes(40, 2));
  EXPECT_EQ(Write([](WriteTransaction& transaction, int64_t seq) {
              return PutExchangeState(transaction, {1, "collapsed", 1, "why", "", "", seq});
            }).code(),
            StatusCode::kInternal);  // a reason given in the clear only is refused
  EXPECT_FALSE(FindExchangeState(*store_, 2)->has_value());
}

}  // namespace
}  // namespace canje::store
