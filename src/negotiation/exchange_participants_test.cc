// Guarantors and observer organisations on a real store (exchange_participants.h): the agreement
// is incomplete until every guarantor signed it, a guarantor's bad signature is refused and the
// move to verifying names the guarantor who has not signed; an observer of an attached
// organisation reads the execution with every personal reason confidential, one of another
// organisation reads it exactly as an exchange that does not exist, and detaching the
// organisation ends its reading. On SQLite, and on PostgreSQL as
// negotiation_participants_test_postgres.
#include "negotiation/exchange_participants.h"

#include <gtest/gtest.h>

#include <string>
#include <tuple>

#include "core/encoding.h"
#include "instance/ids.h"
#include "instance/need_to_know.h"
#include "ledger/ed25519.h"
#include "negotiation/agreement.h"
#include "negotiation/eligibility.h"
#include "negotiation/exchange.h"
#include "negotiation/exchange_test_store.h"
#include "negotiation/execution.h"
#include "negotiation/interviews.h"
#include "negotiation/proposal_actions.h"
#include "negotiation/signature.h"
#include "negotiation/signature_keys.h"
#include "negotiation/workflow_actions.h"

namespace canje::negotiation {
namespace {

using instance::PersonId;

class ParticipantsTest : public testing::ExchangeTestStore {
 protected:
  void SetUp() override {
    SetUpExchange();
    // A guarantor, an organisation that will observe X1 and one that will not, and their users.
    for (const auto& [code, name, kind] :
         {std::tuple{"TUR", "Türkiye (synthetic guarantor)", "state"},
          {"ICRC", "ICRC (synthetic observer)", "organisation"},
          {"UNOB", "A UN body (synthetic, not attached)", "organisation"}}) {
      store_.AddParty(code, name, kind);
    }
    for (const auto& [user, party, role] : {std::tuple{"tur", "TUR", "negotiator"},
                                            {"icrc", "ICRC", "observer"},
                                            {"icrcver", "ICRC", "verifier"},
                                            {"unob", "UNOB", "observer"},
                                            {"ver", "PUENTE", "verifier"}}) {
      store_.AddUser(user, party, role);
    }
    for (const char* party : {"SLV", "VEN", "TUR"}) {
      seeds_[party] = ledger::GenerateEd25519Seed();
      auto key = ledger::Ed25519PublicKeyOf(seeds_[party]);
      ASSERT_TRUE(key.ok());
      ASSERT_TRUE(EnrolPartyKey(As("med"), party, PublicKeyPem(*key)).ok()) << party;
    }
  }

  Status Add(ParticipantRole role, const std::string& party, const std::string& user = "med") {
    return AddExchangeParticipant(As(user), exchange_, role, party);
  }
  Status Remove(ParticipantRole role, const std::string& party, const std::string& user = "med") {
    return RemoveExchangeParticipant(As(user), exchange_, role, party);
  }

  // A draft V1 left as it is, then V2 sending the first two persons of the roster to VEN,
  // tabled and accepted by SLV and VEN: agreed.
  void Agree() {
    NewProposal draft;
    draft.exchange_id = exchange_;
    draft.transfers = {{roster_[2], "SLV", "VEN", "VEN", false}};
    Result<int64_t> first = CreateProposal(As("med"), draft);
    ASSERT_TRUE(first.ok()) << first.status().ToString();
    draft_ = *first;
    NewProposal proposal;
    proposal.exchange_id = exchange_;
    proposal.transfers = {{roster_[0], "SLV", "VEN", "VEN", false},
                          {roster_[1], "SLV", "VEN", "VEN", false}};
    Result<int64_t> version = CreateProposal(As("med"), proposal);
    ASSERT_TRUE(version.ok()) << version.status().ToString();
    agreed_ = *version;
    ASSERT_TRUE(TableProposal(As("med"), agreed_, "").ok());
    ASSERT_TRUE(AcceptProposal(As("slv"), agreed_, "SLV", "").ok());
    auto agreed = AcceptProposal(As("ven"), agreed_, "VEN", "");
    ASSERT_TRUE(agreed.ok()) << agreed.status().ToString();
    ASSERT_EQ(agreed->state, "agreed");
  }

  // `party`'s signature of the agreed version's manifest, made with `seed`.
  Bytes Signature(const ledger::Ed25519Seed& seed) {
    Result<std::string> manifest = ProposalManifest(As("med"), agreed_);
    EXPECT_TRUE(manifest.ok()) << manifest.status().ToString();
    auto signature = ledger::Ed25519Sign(seed, AsBytes(*manifest));
    EXPECT_TRUE(signature.ok());
    return Bytes(signature->begin(), signature->end());
  }
  Result<SignatureAdded> Sign(const std::string& user, const std::string& party) {
    return AddAgreementSignature(As(user), agreed_, party, Signature(seeds_.at(party)));
  }

  Result<store::ExchangeStateRow> Advance(ExchangeState to) {
    return ChangeExchangeState(As("med"), exchange_, to, "");
  }

  std::map<std::string, ledger::Ed25519Seed> seeds_;
  int64_t draft_ = 0;
  int64_t agreed_ = 0;
};

TEST_F(ParticipantsTest, TheAgreementIsIncompleteUntilTheGuarantorSigns) {
  ASSERT_TRUE(Add(ParticipantRole::kGuarantor, "TUR").ok());
  Agree();
  // The guarantor is in the manifest every signer signs.
  Result<std::string> manifest = ProposalManifest(As("med"), agreed_);
  ASSERT_TRUE(manifest.ok());
  EXPECT_NE(manifest->find(R"("guarantors":["TUR"])"), std::string::npos) << *manifest;
  ASSERT_TRUE(Sign("slv", "SLV").ok());
  ASSERT_TRUE(Sign("ven", "VEN").ok());

  Result<AgreementCheck> check = VerifyAgreement(As("med"), agreed_);
  ASSERT_TRUE(check.ok()) << check.status().ToString();
  EXPECT_FALSE(check->complete);
  ASSERT_EQ(check->parties.size(), 3u);
  EXPECT_EQ(check->parties[2].party, "TUR");
  EXPECT_EQ(check->parties[2].role, "guarantor");
  EXPECT_EQ(check->parties[2].status, "missing");
  EXPECT_EQ(check->parties[2].detail, "TUR (guarantor) has not signed V2");

  // The move to verifying is refused naming the guarantor, and writes nothing.
  const int64_t before = LogSize();
  auto refused = Advance(ExchangeState::kVerifying);
  ASSERT_EQ(refused.status().code(), StatusCode::kInvalid);
  EXPECT_NE(refused.status().message().find(
                "lacks valid signatures of TUR (guarantor): TUR (guarantor) has not signed V2"),
            std::string::npos)
      << refused.status().message();
  EXPECT_EQ(LogSize(), before);

  // A user of TUR signs for it; then the agreement is complete and verification starts.
  auto signed_by_tur = Sign("tur", "TUR");
  ASSERT_TRUE(signed_by_tur.ok()) << signed_by_tur.status().ToString();
  check = VerifyAgreement(As("med"), agreed_);
  ASSERT_TRUE(check.ok());
  EXPECT_TRUE(check->complete);
  EXPECT_EQ(check->parties[2].status, "valid");
  auto moved = Advance(ExchangeState::kVerifying);
  ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  EXPECT_EQ(moved->state, "verifying");
}

TEST_F(ParticipantsTest, AGuarantorsBadSignatureIsRefusedAndNothingIsWritten) {
  ASSERT_TRUE(Add(ParticipantRole::kGuarantor, "TUR").ok());
  Agree();
  const int64_t before = LogSize();
  // By a key TUR did not enrol.
  const ledger::Ed25519Seed stranger = ledger::GenerateEd25519Seed();
  auto foreign = AddAgreementSignature(As("tur"), agreed_, "TUR", Signature(stranger));
  EXPECT_EQ(foreign.status().code(), StatusCode::kNotPermitted) << foreign.status().ToString();
  EXPECT_NE(foreign.status().message().find("TUR"), std::string::npos);
  // By TUR's key, over other bytes than the manifest.
  auto other_bytes = ledger::Ed25519Sign(seeds_.at("TUR"), AsBytes(std::string("{}")));
  ASSERT_TRUE(other_bytes.ok());
  auto wrong = AddAgreementSignature(As("tur"), agreed_, "TUR",
                                     Bytes(other_bytes->begin(), other_bytes->end()));
  EXPECT_EQ(wrong.status().code(), StatusCode::kNotPermitted) << wrong.status().ToString();
  // A party that neither accepted the version nor guarantees the exchange does not sign it.
  auto outsider = AddAgreementSignature(As("med"), agreed_, "ICRC", Signature(stranger));
  EXPECT_EQ(outsider.status().code(), StatusCode::kInvalid);
  EXPECT_NE(outsider.status().message().find("ICRC did not accept V2 and does not guarantee X1"),
            std::string::npos)
      << outsider.status().message();
  // SLV's negotiator may not sign for TUR.
  EXPECT_EQ(Sign("slv", "TUR").status().code(), StatusCode::kNotPermitted);
  EXPECT_EQ(LogSize(), before);
  Result<AgreementCheck> check = VerifyAgreement(As("med"), agreed_);
  ASSERT_TRUE(check.ok());
  EXPECT_EQ(check->parties[2].status, "missing");
}

TEST_F(ParticipantsTest, GuarantorsChangeOnlyWhileNegotiatingAndOnlyForPartiesWithoutASide) {
  const int64_t start = LogSize();
  EXPECT_EQ(Add(ParticipantRole::kGuarantor, "TUR", "slv").code(), StatusCode::kNotPermitted);
  EXPECT_EQ(Add(ParticipantRole::kGuarantor, "NOPE").code(), StatusCode::kNotFound);
  Status in_a_side = Add(ParticipantRole::kGuarantor, "VEN");
  EXPECT_EQ(in_a_side.code(), StatusCode::kInvalid);
  EXPECT_NE(in_a_side.message().find("VEN is a party to X1 (side VEN)"), std::string::npos)
      << in_a_side.message();
  EXPECT_EQ(Remove(ParticipantRole::kGuarantor, "TUR").code(), StatusCode::kInvalid);
  EXPECT_EQ(LogSize(), start);

  // The mediator's own party may guarantee; it is in the exchange's details and its event.
  ASSERT_TRUE(Add(ParticipantRole::kGuarantor, "PUENTE").ok());
  ASSERT_TRUE(Add(ParticipantRole::kGuarantor, "TUR").ok());
  nlohmann::json payload;
  store::EventRow event = LastEvent(&payload);
  EXPECT_EQ(event.type, "exchange.guarantor_added");
  EXPECT_EQ(payload, (nlohmann::json{{"exchange", "X1"}, {"party", "TUR"}}));
  Status twice = Add(ParticipantRole::kGuarantor, "TUR");
  EXPECT_EQ(twice.code(), StatusCode::kInvalid);
  EXPECT_EQ(twice.message(), "TUR is already a guarantor of X1");
  // A guarantor is not moved into a side.
  EXPECT_EQ(AddExchangeParty(As("med"), exchange_, "TUR", "VEN").code(), StatusCode::kInvalid);
  auto details = LoadExchange(As("med"), exchange_);
  ASSERT_TRUE(details.ok());
  EXPECT_EQ(details->guarantors, (std::vector<std::string>{"PUENTE", "TUR"}));
  ASSERT_TRUE(Remove(ParticipantRole::kGuarantor, "PUENTE").ok());
  EXPECT_EQ(LastEvent(&payload).type, "exchange.guarantor_removed");

  // Once agreed, the guarantors are those the parties signed over.
  Agree();
  const int64_t agreed = LogSize();
  Status late = Add(ParticipantRole::kGuarantor, "PUENTE");
  EXPECT_EQ(late.code(), StatusCode::kInvalid);
  EXPECT_NE(late.message().find("exchange X1 is agreed; PUENTE cannot become a guarantor"),
            std::string::npos)
      << late.message();
  EXPECT_EQ(Remove(ParticipantRole::kGuarantor, "TUR").code(), StatusCode::kInvalid);
  EXPECT_EQ(LogSize(), agreed);
  details = LoadExchange(As("med"), exchange_);
  EXPECT_EQ(details->guarantors, std::vector<std::string>{"TUR"});
}

// The agreed exchange under way: TUR guarantees and signed, verifying, the first person refused
// to go to VEN and is recorded as not travelling, the second consents and is ready.
class ObservedExchangeTest : public ParticipantsTest {
 protected:
  void SetUp() override {
    ParticipantsTest::SetUp();
    ASSERT_TRUE(Add(ParticipantRole::kGuarantor, "TUR").ok());
    ASSERT_TRUE(Add(ParticipantRole::kObserver, "ICRC").ok());
    Agree();
    for (auto [user, party] : {std::pair{"slv", "SLV"}, {"ven", "VEN"}, {"tur", "TUR"}}) {
      ASSERT_TRUE(Sign(user, party).ok()) << party;
    }
    for (auto [person, consent] : {std::pair{roster_[0], "refuses"}, {roster_[1], "consents"}}) {
      NewInterview interview{person, "VEN", "", "confirmed", consent, "yes", ""};
      auto recorded = RecordInterview(As("ver"), interview);
      ASSERT_TRUE(recorded.ok()) << recorded.status().ToString();
    }
    ASSERT_TRUE(Advance(ExchangeState::kVerifying).ok());
  }
};

TEST_F(ObservedExchangeTest,
       AnAttachedObserverReadsTheExecutionWithEveryPersonalReasonConfidential) {
  // Blocked by the refusal: the observer reads that it is confidential, not why.
  auto readiness = ExchangeReadiness(As("icrc"), exchange_, "");
  ASSERT_TRUE(readiness.ok()) << readiness.status().ToString();
  ASSERT_EQ(readiness->persons.size(), 2u);
  EXPECT_EQ(readiness->persons[0].status, "blocked");
  ASSERT_EQ(readiness->persons[0].obstacles.size(), 1u);
  EXPECT_EQ(readiness->persons[0].obstacles[0].kind, "confidential");
  EXPECT_EQ(readiness->persons[0].obstacles[0].text, kNotAvailableConfidential);
  EXPECT_EQ(readiness->persons[1].status, "ready");
  // The organisation's verifier reads why, as every verifier does.
  auto as_verifier = ExchangeReadiness(As("icrcver"), exchange_, "");
  ASSERT_TRUE(as_verifier.ok());
  EXPECT_EQ(as_verifier->persons[0].obstacles[0].kind, "consent_refused");
  // It reads the persons of the agreed version by name (need to know, ground (d)).
  for (int64_t person : {roster_[0], roster_[1]}) {
    auto sees = instance::SeesPerson(As("icrc"), person);
    ASSERT_TRUE(sees.ok());
    EXPECT_TRUE(*sees) << PersonId(person);
  }
  auto not_in_it = instance::SeesPerson(As("icrc"), roster_[3]);
  ASSERT_TRUE(not_in_it.ok());
  EXPECT_FALSE(*not_in_it);

  // Who does not travel, and the count: the refusal reads as confidential.
  ASSERT_TRUE(
      RecordNotTravelling(As("med"), exchange_, {{roster_[0], "refused-consent", "", ""}}).ok());
  auto reconciled = ReconcileExchange(As("icrc"), exchange_, "");
  ASSERT_TRUE(reconciled.ok()) << reconciled.status().ToString();
  bool found = false;
  for (const auto& direction : reconciled->counts.directions) {
    for (const auto& difference : direction.differences) {
      if (difference.kind != "not_travelling") continue;
      found = true;
      EXPECT_EQ(difference.reason, "confidential");
      EXPECT_EQ(difference.text.find("refused"), std::string::npos) << difference.text;
      EXPECT_NE(difference.text.find(kNotAvailableConfidential), std::string::npos)
          << difference.text;
    }
  }
  EXPECT_TRUE(found);
  readiness = ExchangeReadiness(As("icrc"), exchange_, "");
  ASSERT_TRUE(readiness.ok());
  EXPECT_EQ(readiness->persons[0].reason, "confidential");
  EXPECT_FALSE(readiness->persons[0].note.has_value());
  EXPECT_TRUE(ListHandovers(As("icrc"), exchange_).ok());
  auto state = ExchangeWorkflowState(As("icrc"), exchange_);
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(state->state, "verifying");

  // The agreed version, its persons and signatures: yes; the sides' balance, the draft and the
  // negotiation (claims, candidates): no.
  auto agreed = LoadProposal(As("icrc"), agreed_);
  ASSERT_TRUE(agreed.ok()) << agreed.status().ToString();
  EXPECT_EQ(agreed->content.transfers.size(), 2u);
  EXPECT_TRUE(agreed->balance.empty());
  EXPECT_EQ(agreed->guarantors, std::vector<std::string>{"TUR"});
  EXPECT_TRUE(VerifyAgreement(As("icrc"), agreed_).ok());
  auto draft = LoadProposal(As("icrc"), draft_);
  ASSERT_EQ(draft.status().code(), StatusCode::kNotFound);
  auto unknown = LoadProposal(As("icrc"), 99);
  EXPECT_EQ(draft.status().message(),
            std::string(unknown.status().message())
                .replace(unknown.status().message().find("V99"), 3, "V1"));
  auto versions = ListProposalVersions(As("icrc"), exchange_);
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 1u);
  EXPECT_EQ(versions->front().id, agreed_);
  EXPECT_EQ(LoadExchange(As("icrc"), exchange_).status().code(), StatusCode::kNotPermitted);
  // A party reads the whole negotiation still: both versions, with the balance.
  auto as_party = LoadProposal(As("ven"), agreed_);
  ASSERT_TRUE(as_party.ok());
  EXPECT_FALSE(as_party->balance.empty());
  EXPECT_EQ(ListProposalVersions(As("ven"), exchange_)->size(), 2u);
}

// `status`'s message with `unknown_id` written as `id`: what an unknown id answers, read for
// `id`.
std::string AsFor(const Status& status, const std::string& unknown_id, const std::string& id) {
  std::string message = status.message();
  for (size_t at = message.find(unknown_id); at != std::string::npos;
       at = message.find(unknown_id, at + id.size())) {
    message.replace(at, unknown_id.size(), id);
  }
  return message;
}

TEST_F(ObservedExchangeTest, AnObserverOfAnotherOrganisationReadsItAsAnExchangeThatDoesNotExist) {
  constexpr int64_t kUnknown = 99;
  auto expect_same = [&](const Status& seen, const Status& unknown, const char* what) {
    EXPECT_EQ(seen.code(), StatusCode::kNotFound) << what;
    EXPECT_EQ(seen.code(), unknown.code()) << what;
    EXPECT_EQ(seen.message(), AsFor(unknown, "X99", "X1")) << what;
  };
  instance::Instance& other = As("unob");
  expect_same(ExchangeReadiness(other, exchange_, "").status(),
              ExchangeReadiness(other, kUnknown, "").status(), "readiness");
  expect_same(ReconcileExchange(other, exchange_, "").status(),
              ReconcileExchange(other, kUnknown, "").status(), "reconcile");
  expect_same(ListHandovers(other, exchange_).status(), ListHandovers(other, kUnknown).status(),
              "handovers");
  expect_same(ExchangeWorkflowState(other, exchange_).status(),
              ExchangeWorkflowState(other, kUnknown).status(), "state");
  expect_same(ListProposalVersions(other, exchange_).status(),
              ListProposalVersions(other, kUnknown).status(), "proposals");
  EXPECT_EQ(LoadProposal(other, agreed_).status().message(),
            AsFor(LoadProposal(other, kUnknown).status(), "V99", "V2"));
  auto sees = instance::SeesPerson(other, roster_[0]);
  ASSERT_TRUE(sees.ok());
  EXPECT_FALSE(*sees);
  // A negotiator of the attached organisation is no observer: nothing either.
  store_.AddUser("icrcneg", "ICRC", "negotiator");
  expect_same(ExchangeReadiness(As("icrcneg"), exchange_, "").status(),
              ExchangeReadiness(As("icrcneg"), kUnknown, "").status(), "readiness, negotiator");
}

TEST_F(ObservedExchangeTest, DetachingTheOrganisationEndsItsReading) {
  ASSERT_TRUE(ExchangeReadiness(As("icrc"), exchange_, "").ok());
  // The mediator cannot attach itself, nor a party, nor the same organisation twice.
  EXPECT_EQ(Add(ParticipantRole::kObserver, "PUENTE").code(), StatusCode::kInvalid);
  EXPECT_EQ(Add(ParticipantRole::kObserver, "SLV").code(), StatusCode::kInvalid);
  EXPECT_EQ(Add(ParticipantRole::kObserver, "ICRC").code(), StatusCode::kInvalid);
  ASSERT_TRUE(Remove(ParticipantRole::kObserver, "ICRC").ok());
  nlohmann::json payload;
  EXPECT_EQ(LastEvent(&payload).type, "exchange.observer_removed");
  auto readiness = ExchangeReadiness(As("icrc"), exchange_, "");
  EXPECT_EQ(readiness.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(readiness.status().message(),
            AsFor(ExchangeReadiness(As("icrc"), 99, "").status(), "X99", "X1"));
  EXPECT_EQ(LoadProposal(As("icrc"), agreed_).status().code(), StatusCode::kNotFound);
  auto sees = instance::SeesPerson(As("icrc"), roster_[0]);
  ASSERT_TRUE(sees.ok());
  EXPECT_FALSE(*sees);
  // Attached again (in any state), it reads again.
  ASSERT_TRUE(Add(ParticipantRole::kObserver, "ICRC").ok());
  EXPECT_TRUE(ExchangeReadiness(As("icrc"), exchange_, "").ok());
}

}  // namespace
}  // namespace canje::negotiation
