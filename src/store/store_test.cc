#include "store/store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "core/digest.h"
#include "store/exchange_tables.h"
#include "store/postgres/postgres_test_database.h"
#include "store/sql_hash_reader.h"
#include "store/sql_query.h"
#include "store/store_copy.h"
#include "store/testing/store_on_backend.h"
#include "store/witness_tables.h"

namespace canje::store {
namespace {

using testing::Backend;

// An event's payload for tests: the salted hash of `n`, a key and a sealed body of fixed bytes.
SealedPayload Payload(int n) {
  SealedPayload payload;
  payload.salt = RandomBytes(32);
  Sha256Hash hash = Sha256Salted(payload.salt, AsBytes(std::to_string(n)));
  payload.sha256.assign(hash.begin(), hash.end());
  payload.wrapped_key = Bytes(69, 1);
  payload.sealed = Bytes(40, 2);
  return payload;
}

// Every test runs on both backends: SQLite in a temporary file, PostgreSQL in its own database
// on the test cluster (skipped when CANJE_TEST_POSTGRES_URL is unset): testing/store_on_backend.h.
class StoreTest : public testing::StoreOnBackendTest {
 protected:
  Actor actor_{"admin", "OPERATOR", "admin"};
};

TEST_P(StoreTest, AChangeWithoutAnEventOrWithAnErrorLeavesNothing) {
  Status no_event = store_->Write(actor_, [](WriteTransaction& transaction) {
    return transaction.AddParty({"VEN", "Venezuela", "state", ""});
  });
  EXPECT_EQ(no_event.code(), StatusCode::kInternal);
  Status failed = store_->Write(actor_, [](WriteTransaction& transaction) -> Status {
    CANJE_RETURN_IF_ERROR(transaction.AddParty({"VEN", "Venezuela", "state", ""}));
    CANJE_RETURN_IF_ERROR(transaction.AppendEvent({"party.added", {"VEN"}}, Payload(0)).status());
    return Status::Conflict("changed my mind");
  });
  EXPECT_EQ(failed.code(), StatusCode::kConflict);
  EXPECT_TRUE(store_->Parties()->empty());
  EXPECT_EQ(*store_->EventCount(), 0);
  Status done = store_->Write(actor_, [](WriteTransaction& transaction) -> Status {
    CANJE_RETURN_IF_ERROR(transaction.AddParty({"VEN", "Venezuela", "state", ""}));
    return transaction.AppendEvent({"party.added", {"VEN"}}, Payload(0)).status();
  });
  ASSERT_TRUE(done.ok()) << done.ToString();
  EXPECT_EQ(store_->Parties()->size(), 1u);
  EXPECT_EQ(*store_->EventCount(), 1);
}

// Read runs its reads in one transaction; inside a write (or another read) it joins the open
// transaction: it neither nests one nor commits the write, whose outcome stays the write's own.
TEST_P(StoreTest, AReadJoinsATransactionAlreadyOpen) {
  Status read = store_->Read([&]() -> Status {
    CANJE_RETURN_IF_ERROR(store_->Read([&] { return store_->Parties().status(); }));
    return store_->EventCount().status();
  });
  ASSERT_TRUE(read.ok()) << read.ToString();
  EXPECT_EQ(store_->Read([] { return Status::Conflict("a read that failed"); }).code(),
            StatusCode::kConflict);
  Status failed = store_->Write(actor_, [&](WriteTransaction& transaction) -> Status {
    CANJE_RETURN_IF_ERROR(transaction.AddParty({"VEN", "Venezuela", "state", ""}));
    CANJE_RETURN_IF_ERROR(transaction.AppendEvent({"party.added", {"VEN"}}, Payload(0)).status());
    CANJE_RETURN_IF_ERROR(store_->Read([&]() -> Status {
      CANJE_ASSIGN_OR_RETURN(auto parties, store_->Parties());
      EXPECT_EQ(parties.size(), 1u);  // the write's own row, read inside it
      return Status::Ok();
    }));
    return Status::Conflict("changed my mind");
  });
  EXPECT_EQ(failed.code(), StatusCode::kConflict);
  EXPECT_TRUE(store_->Parties()->empty());
  EXPECT_EQ(*store_->EventCount(), 0);
  // The store reads and writes as before once the transactions are over.
  ASSERT_TRUE(store_->Read([&] { return store_->Parties().status(); }).ok());
  Status done = store_->Write(actor_, [](WriteTransaction& transaction) -> Status {
    CANJE_RETURN_IF_ERROR(transaction.AddParty({"VEN", "Venezuela", "state", ""}));
    return transaction.AppendEvent({"party.added", {"VEN"}}, Payload(0)).status();
  });
  ASSERT_TRUE(done.ok()) << done.ToString();
  EXPECT_EQ(store_->Parties()->size(), 1u);
}

// Appends and proofs read O(log n) of the stored hashes, counted at the database.
TEST_P(StoreTest, AppendsAndProofsReadLogarithmicallyManyStoredHashes) {
  constexpr int kEvents = 5000;
  ASSERT_TRUE(
      store_
          ->Write(
              actor_,
              [](WriteTransaction& transaction) -> Status {
                for (int i = 0; i < kEvents; ++i) {
                  CANJE_RETURN_IF_ERROR(transaction.AppendEvent({"test", {}}, Payload(i)).status());
                }
                return Status::Ok();
              })
          .ok());
  SqlHashReader reader(store_->connection());
  int64_t bound = 2 * static_cast<int64_t>(std::ceil(std::log2(kEvents))) + 1;
  for (int64_t size :
       {int64_t{1}, int64_t{2}, int64_t{1023}, int64_t{1024}, int64_t{4097}, int64_t{kEvents}}) {
    for (int64_t index : {int64_t{0}, size / 2, size - 1}) {
      int64_t before = reader.hashes_read();
      ASSERT_TRUE(ledger::ProveInclusion(index, size, reader).ok());
      EXPECT_LE(reader.hashes_read() - before, bound) << index << " in " << size;
    }
    int64_t before = reader.hashes_read();
    ASSERT_TRUE(ledger::ProveConsistency(std::max<int64_t>(size / 3, 1), size, reader).ok());
    EXPECT_LE(reader.hashes_read() - before, bound) << size;
    before = reader.hashes_read();
    ASSERT_TRUE(ledger::TreeHash(size, reader).ok());
    EXPECT_LE(reader.hashes_read() - before, bound / 2 + 1) << size;
  }
  // An append reads at most log2(n) hashes as well.
  int64_t before = reader.hashes_read();
  ASSERT_TRUE(ledger::HashesToStoreOnAppend(kEvents, ledger::HashLeaf(AsBytes("x")), reader).ok());
  EXPECT_LE(reader.hashes_read() - before, bound / 2 + 1);
  EXPECT_EQ(*store_->TreeRoot(kEvents), *ledger::TreeHash(kEvents, reader));
}

TEST_P(StoreTest, ANewerStoreIsRefused) {
  ASSERT_TRUE(store_->connection()
                  .Execute("UPDATE meta SET value = '999' WHERE name = "
                           "'schema_version'")
                  .ok());
  store_.reset();
  Result<std::unique_ptr<Store>> reopened = Store::Open({location_, false});
  EXPECT_EQ(reopened.status().code(), StatusCode::kInvalid);
  EXPECT_NE(reopened.status().message().find("upgrade canje"), std::string::npos);
}

// Fills a store with a party, `persons` persons (every third one with two custody rows) and one
// event per person, in one change.
Status Fill(Store& store, const Actor& actor, int persons) {
  return store.Write(actor, [&](WriteTransaction& transaction) -> Status {
    CANJE_RETURN_IF_ERROR(transaction.AddParty({"VEN", "Venezuela", "state", ""}));
    for (int i = 0; i < persons; ++i) {
      CANJE_ASSIGN_OR_RETURN(int64_t id, transaction.AllocatePersonId());
      PersonRow person{id,         "2026-01-01T00:00:00Z", i % 2 ? "F" : "M",         "VEN",
                       "civilian", RandomBytes(60),        RandomBytes(100 + i % 50), "",
                       ""};
      CANJE_RETURN_IF_ERROR(transaction.AddPerson(person));
      for (int c = 0; i % 3 == 0 && c < 2; ++c) {
        CustodyRow custody;
        custody.person_id = id;
        custody.holder = "VEN";
        custody.facility = "F" + std::to_string(c);
        custody.since = "2025-01-01";
        custody.legal_basis = "none";
        custody.charge_status = "unknown";
        custody.status = c == 0 ? "held" : "released";
        CANJE_RETURN_IF_ERROR(transaction.AddCustody(custody).status());
      }
      SealedPayload payload;
      payload.salt = RandomBytes(32);
      payload.sha256 = RandomBytes(32);
      payload.wrapped_key = RandomBytes(69);
      payload.sealed = RandomBytes(80);
      CANJE_RETURN_IF_ERROR(
          transaction.AppendEvent({"test", {"P" + std::to_string(id)}}, payload).status());
    }
    return Status::Ok();
  });
}

// Reads that other statements interrupt (a nested query per row, as a visitor may run) still
// yield every row once, in order; a read abandoned half-way leaves the connection usable.
TEST_P(StoreTest, ReadsInterruptedByOtherQueriesOrAbandonedYieldEveryRowOnce) {
  constexpr int kPersons = 3000;
  ASSERT_TRUE(Fill(*store_, actor_, kPersons).ok());
  int64_t expected = 0;
  Status walked = store_->ForEachEvent([&](const EventRow& event) -> Status {
    if (event.seq != expected) return Status::Internal("got " + std::to_string(event.seq));
    if (event.seq % 100 == 0) {  // a nested read on the same connection
      CANJE_ASSIGN_OR_RETURN(auto same, store_->Events(event.seq, 1));
      if (same.size() != 1 || same[0].payload != event.payload) {
        return Status::Internal("nested read differs at " + std::to_string(event.seq));
      }
    }
    ++expected;
    return Status::Ok();
  });
  ASSERT_TRUE(walked.ok()) << walked.ToString();
  EXPECT_EQ(expected, kPersons);

  int64_t persons = 0, custody = 0;
  ASSERT_TRUE(store_
                  ->ForEachPerson({},
                                  [&](const PersonView& view) {
                                    ++persons;
                                    custody += static_cast<int64_t>(view.custody.size());
                                    for (const auto& row : view.custody) {
                                      if (row.person_id != view.person.id) {
                                        return Status::Internal("custody of another person");
                                      }
                                    }
                                    return Status::Ok();
                                  })
                  .ok());
  EXPECT_EQ(persons, kPersons);
  EXPECT_EQ(custody, 2 * ((kPersons + 2) / 3));

  // Abandoned half-way by an error, then the store reads and writes as before.
  int64_t seen = 0;
  Status stopped = store_->ForEachStoredHash([&](int64_t, ByteView) -> Status {
    return ++seen == 10 ? Status::Conflict("enough") : Status::Ok();
  });
  EXPECT_EQ(stopped.code(), StatusCode::kConflict);
  EXPECT_EQ(*store_->EventCount(), kPersons);
  Status more = store_->Write(actor_, [](WriteTransaction& transaction) {
    return transaction.AppendEvent({"test", {}}, Payload(1)).status();
  });
  ASSERT_TRUE(more.ok()) << more.ToString();
  int64_t hashes = 0;
  ASSERT_TRUE(store_
                  ->ForEachStoredHash([&](int64_t index, ByteView hash) -> Status {
                    if (index != hashes++ || hash.size() != 32) return Status::Internal("bad hash");
                    return Status::Ok();
                  })
                  .ok());
  SqlHashReader reader(store_->connection());
  EXPECT_EQ(*store_->TreeRoot(kPersons + 1), *ledger::TreeHash(kPersons + 1, reader));
}

// Witnesses (schema version 9): one registered per name, removable and registrable again;
// received cosignatures stored without an event, by witness, only for signed sizes.
TEST_P(StoreTest, WitnessesAndTheirCosignaturesAreKeptByName) {
  auto write = [&](const std::function<Status(WriteTransaction&, int64_t)>& change) {
    return store_->Write(actor_, [&](WriteTransaction& transaction) -> Status {
      CANJE_ASSIGN_OR_RETURN(int64_t seq, transaction.AppendEvent({"test", {}}, Payload(1)));
      CANJE_ASSIGN_OR_RETURN(ledger::Hash root, transaction.TreeRoot());
      CANJE_RETURN_IF_ERROR(
          transaction.AddCheckpoint(seq + 1, root, "note " + std::to_string(seq)));
      return change(transaction, seq);
    });
  };
  WitnessRow witness{"w1.example", "w1.example+01020304+BA==", "http://127.0.0.1:9", "VEN"};
  ASSERT_TRUE(write([&](WriteTransaction& t, int64_t seq) {
                witness.event_seq = seq;
                return AddWitness(t, witness);
              }).ok());
  EXPECT_EQ(write([&](WriteTransaction& t, int64_t) { return AddWitness(t, witness); }).code(),
            StatusCode::kConflict);
  ASSERT_TRUE(
      write([&](WriteTransaction& t, int64_t) { return RemoveWitness(t, "w1.example"); }).ok());
  EXPECT_TRUE(Witnesses(*store_, false)->empty());
  ASSERT_EQ(Witnesses(*store_, true)->size(), 1u);
  EXPECT_FALSE((*Witnesses(*store_, true))[0].removed_at.empty());
  witness.url = "http://127.0.0.1:10";
  ASSERT_TRUE(write([&](WriteTransaction& t, int64_t) { return AddWitness(t, witness); }).ok());
  std::optional<WitnessRow> found = *FindWitness(*store_, "w1.example");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->url, "http://127.0.0.1:10");
  EXPECT_TRUE(found->removed_at.empty());
  EXPECT_EQ(found->added_by, "admin");

  const int64_t events = *store_->EventCount();  // 3 changes committed: sizes 1..3 are signed
  ASSERT_EQ(events, 3);
  EXPECT_FALSE(LatestCosignature(*store_, "w1.example")->has_value());
  ASSERT_TRUE(StoreReceivedCosignature(*store_, 2, "w1.example", "line two\n").ok());
  ASSERT_TRUE(StoreReceivedCosignature(*store_, 3, "w1.example", "line three\n").ok());
  ASSERT_TRUE(StoreReceivedCosignature(*store_, 3, "w1.example", "line three again\n").ok());
  EXPECT_EQ(StoreReceivedCosignature(*store_, 9, "w1.example", "x\n").code(),
            StatusCode::kNotFound);
  EXPECT_EQ(*store_->EventCount(), events);  // no event for a received cosignature
  std::optional<CosignatureRow> latest = *LatestCosignature(*store_, "w1.example");
  ASSERT_TRUE(latest.has_value());
  EXPECT_EQ(latest->size, 3);
  EXPECT_EQ(latest->line, "line three again\n");
  EXPECT_EQ(store_->Cosignatures(2)->size(), 1u);

  int64_t exchange = 0;
  ASSERT_TRUE(write([&](WriteTransaction& t, int64_t seq) -> Status {
                CANJE_RETURN_IF_ERROR(t.AddParty({"PUENTE", "Puente", "intermediary", ""}));
                CANJE_ASSIGN_OR_RETURN(exchange, AddExchange(t, {0, "x", "PUENTE"}));
                return PutWitnessPolicy(
                    t, {exchange, 2, {"a.example", "b.example", "c.example"}, "", "", seq});
              }).ok());
  std::optional<WitnessPolicyRow> policy = *FindWitnessPolicy(*store_, exchange);
  ASSERT_TRUE(policy.has_value());
  EXPECT_EQ(policy->threshold, 2);
  EXPECT_EQ(policy->witnesses, (std::vector<std::string>{"a.example", "b.example", "c.example"}));
  EXPECT_FALSE(FindWitnessPolicy(*store_, exchange + 1)->has_value());
}

// `canje migrate` copies every table of the schema: a table added by a migration and left out
// of store_copy.cc's list fails here (its columns come from the catalogue, so columns need no
// list of their own).
TEST_P(StoreTest, ACopyTakesEveryTableOfTheSchema) {
  ASSERT_TRUE(store_
                  ->Write(actor_,
                          [](WriteTransaction& t) -> Status {
                            CANJE_RETURN_IF_ERROR(t.AddParty({"VEN", "Venezuela", "state", ""}));
                            return t.AppendEvent({"party.added", {"VEN"}}, Payload(0)).status();
                          })
                  .ok());
  Result<std::vector<std::string>> tables = CatalogueTables(store_->connection());
  ASSERT_TRUE(tables.ok()) << tables.status().ToString();
  EXPECT_GT(tables->size(), 30u);

  std::filesystem::path copy_path = testing::TemporaryStorePath("copy-every-table");
  auto copy = Store::Open({copy_path.string(), true});
  ASSERT_TRUE(copy.ok()) << copy.status().ToString();
  Result<CopyReport> copied = CopyStore(*store_, **copy);
  ASSERT_TRUE(copied.ok()) << copied.status().ToString();
  std::vector<std::string> copied_tables;
  for (const CopiedTable& table : copied->tables) copied_tables.push_back(table.name);
  std::sort(copied_tables.begin(), copied_tables.end());
  EXPECT_EQ(copied_tables, *tables);
  EXPECT_EQ((*copy)->Parties()->size(), 1u);
  EXPECT_EQ(*(*copy)->EventCount(), 1);
  copy->reset();
  testing::RemoveStoreFiles(copy_path);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

// The same store on both backends (copied from SQLite to PostgreSQL) reads back identically
// through every streamed read.
TEST(StreamedReadsTest, BothBackendsYieldIdenticalRows) {
  testing::TestDatabase database;
  if (testing::TestPostgresUrl().empty()) GTEST_SKIP() << "no CANJE_TEST_POSTGRES_URL";
  ASSERT_TRUE(database.ok()) << database.error();
  std::filesystem::path path = testing::TemporaryStorePath("both");
  auto sqlite = Store::Open({path.string(), true});
  auto postgres = Store::Open({database.url(), true});
  ASSERT_TRUE(sqlite.ok() && postgres.ok());
  ASSERT_TRUE(Fill(**sqlite, {"admin", "OPERATOR", "admin"}, 2500).ok());
  // Schema version 9: two witnesses (one removed since), a witness policy, a checkpoint and a
  // cosignature received for it.
  int64_t exchange = 0;
  ASSERT_TRUE(
      (*sqlite)
          ->Write(
              {"admin", "OPERATOR", "admin"},
              [&](WriteTransaction& transaction) -> Status {
                CANJE_ASSIGN_OR_RETURN(int64_t seq,
                                       transaction.AppendEvent({"test", {}}, Payload(0)));
                CANJE_ASSIGN_OR_RETURN(ledger::Hash root, transaction.TreeRoot());
                CANJE_RETURN_IF_ERROR(transaction.AddCheckpoint(seq + 1, root, "n\n"));
                for (const char* name : {"w1.example", "w2.example"}) {
                  CANJE_RETURN_IF_ERROR(
                      AddWitness(transaction, {name, std::string(name) + "+01020304+BA==",
                                               "http://127.0.0.1:9", "VEN", "", "", "", "", seq}));
                }
                CANJE_RETURN_IF_ERROR(RemoveWitness(transaction, "w2.example"));
                CANJE_ASSIGN_OR_RETURN(exchange, AddExchange(transaction, {0, "x", "VEN"}));
                return PutWitnessPolicy(transaction, {exchange, 1, {"w1.example"}, "", "", seq});
              })
          .ok());
  ASSERT_TRUE(StoreReceivedCosignature(**sqlite, 2501, "w1.example", "- w1.example AAAA\n").ok());
  Result<CopyReport> copied = CopyStore(**sqlite, **postgres);
  ASSERT_TRUE(copied.ok()) << copied.status().ToString();
  auto events = [](Store& store) {
    std::vector<EventRow> rows;
    EXPECT_TRUE(store
                    .ForEachEvent([&](const EventRow& row) {
                      rows.push_back(row);
                      return Status::Ok();
                    })
                    .ok());
    return rows;
  };
  auto hashes = [](Store& store) {
    std::vector<std::pair<int64_t, Bytes>> rows;
    EXPECT_TRUE(store
                    .ForEachStoredHash([&](int64_t index, ByteView hash) {
                      rows.emplace_back(index, Bytes(hash.begin(), hash.end()));
                      return Status::Ok();
                    })
                    .ok());
    return rows;
  };
  auto persons = [](Store& store) {
    std::vector<std::string> rows;
    EXPECT_TRUE(store
                    .ForEachPerson({},
                                   [&](const PersonView& view) {
                                     std::string text = std::to_string(view.person.id) +
                                                        view.person.sex +
                                                        HexEncode(view.person.data_key) +
                                                        HexEncode(view.person.sealed);
                                     for (const auto& custody : view.custody) {
                                       text += "|" + std::to_string(custody.id) + custody.facility +
                                               custody.status;
                                     }
                                     rows.push_back(text);
                                     return Status::Ok();
                                   })
                    .ok());
    return rows;
  };
  std::vector<EventRow> sqlite_events = events(**sqlite), postgres_events = events(**postgres);
  ASSERT_EQ(sqlite_events.size(), 2501u);  // the filled 2500 and the one written above
  ASSERT_EQ(postgres_events.size(), sqlite_events.size());
  for (size_t i = 0; i < sqlite_events.size(); ++i) {
    const EventRow& a = sqlite_events[i];
    const EventRow& b = postgres_events[i];
    EXPECT_TRUE(a.seq == b.seq && a.time == b.time && a.actor == b.actor && a.type == b.type &&
                a.subjects == b.subjects && a.payload_sha256 == b.payload_sha256 &&
                a.salt == b.salt && a.payload_key == b.payload_key && a.payload == b.payload)
        << "event " << i;
  }
  EXPECT_EQ(hashes(**sqlite), hashes(**postgres));
  std::vector<std::string> sqlite_persons = persons(**sqlite);
  EXPECT_EQ(sqlite_persons.size(), 2500u);
  EXPECT_EQ(persons(**postgres), sqlite_persons);
  auto witnesses = [&](Store& store) {
    std::string text;
    Result<std::vector<WitnessRow>> registered = Witnesses(store, true);
    EXPECT_TRUE(registered.ok());
    for (const WitnessRow& w : *registered) {
      text += w.name + "|" + w.verifier_key + "|" + w.url + "|" + w.party + "|" + w.added_at + "|" +
              w.added_by + "|" + w.removed_at + "|" + w.removed_by + "|" +
              std::to_string(w.event_seq) + "\n";
    }
    std::optional<WitnessPolicyRow> policy = *FindWitnessPolicy(store, exchange);
    if (policy) {
      text += std::to_string(policy->threshold) + "|" + policy->witnesses.at(0) + "|" +
              policy->set_at + "|" + policy->set_by + "|" + std::to_string(policy->event_seq);
    }
    std::optional<CosignatureRow> cosigned = *LatestCosignature(store, "w1.example");
    if (cosigned) text += "|" + std::to_string(cosigned->size) + "|" + cosigned->line;
    return text;
  };
  const std::string sqlite_witnesses = witnesses(**sqlite);
  EXPECT_NE(sqlite_witnesses.find("w2.example"), std::string::npos) << sqlite_witnesses;
  EXPECT_NE(sqlite_witnesses.find("|2501|- w1.example AAAA"), std::string::npos)
      << sqlite_witnesses;
  EXPECT_EQ(witnesses(**postgres), sqlite_witnesses);
  sqlite->reset();
  testing::RemoveStoreFiles(path);
}

}  // namespace
}  // namespace canje::store
