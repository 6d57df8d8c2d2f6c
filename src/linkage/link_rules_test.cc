// The link rules (link_rules.h) on a trained engine: namesakes whose dates of birth conflict are
// held and kept apart; a record without a date that matches two such namesakes is linked to
// neither; a date slip, a shared document or a single undated match still links.
#include "linkage/link_rules.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <tuple>
#include <sstream>
#include <string>

#include "linkage/linkage_engine.h"
#include "linkage/linkage_test_util.h"
#include "linkage/link_settings.h"
#include "linkage/record_table.h"

namespace canje::linkage {
namespace {

using testing::kPersonSettings;

constexpr double kThreshold = 0.7;

// 120 different people (so that the engine has something to learn from), 40 of them listed
// twice, and the cases under test.
std::string ListWith(const std::string& cases) {
  const char* given[] = {"Ana", "Luis", "Carlos", "María", "José", "Rosa", "Pedro", "Elena"};
  const char* family[] = {"Pérez",  "Gómez",  "Rodríguez", "Díaz",     "Morales", "Castillo",
                          "Vargas", "Rojas",  "Suárez",    "Mendoza",  "Quintero", "Zambrano",
                          "Acosta", "Blanco", "Cabrera",   "Delgado"};
  std::ostringstream csv;
  csv << "id,given,family,born,doc,sex,town\n";
  for (int p = 0; p < 120; ++p) {
    const std::string g = given[p % 8];
    const std::string f = std::string(family[p % 16]) + " " + family[(p * 7 + 3) % 16];
    char born[16];
    std::snprintf(born, sizeof born, "%02d/%02d/%04d", 1 + p % 28, 1 + (p * 5) % 12,
                  1940 + (p * 13) % 60);
    csv << "p" << p << "," << g << "," << f << "," << born << "," << 10000000 + p * 7919 << ","
        << (p % 2 ? "M" : "F") << ",\n";
    if (p % 3 == 0) {
      csv << "p" << p << "-dup," << g << "," << f << "," << born << ",," << (p % 2 ? "M" : "F")
          << ",\n";
    }
  }
  csv << cases;
  return csv.str();
}

class LinkRulesTest : public ::testing::Test {
 protected:
  // Trains on the list with the cases. `list_of`, if given, names the list of each record by its
  // id (several lists reconciled together, RecordTable::lists); else the records carry no list.
  void Train(const std::string& cases,
             const std::function<int64_t(const std::string&)>& list_of = nullptr) {
    Result<LinkSettings> settings = ParseLinkSettings(kPersonSettings, "rules.json");
    ASSERT_TRUE(settings.ok()) << settings.status().message();
    std::istringstream in(ListWith(cases));
    Result<RecordTable> table =
        LoadRecordTableFromStream(in, "list.csv", settings->left, "rules.json", 1);
    ASSERT_TRUE(table.ok()) << table.status().message();
    if (list_of) {
      for (const std::string& id : table->ids) table->lists.push_back(list_of(id));
    }
    Result<LinkageEngine> engine =
        LinkageEngine::Create(*settings, std::move(table).value(), std::nullopt);
    ASSERT_TRUE(engine.ok()) << engine.status().message();
    engine_.emplace(std::move(engine).value());
    engine_->Train();
  }
  uint32_t Record(const std::string& id) { return *engine_->FindRecord(id, false); }
  // The pairs, scored as the names would score them on a long list of people (well above the
  // threshold), with the rules' holds; then the clusters at the threshold.
  std::vector<ScoredPair> HoldAndCluster(
      const std::vector<std::tuple<std::string, std::string, double>>& scored) {
    std::vector<ScoredPair> pairs;
    for (const auto& [a, b, probability] : scored) {
      pairs.push_back({std::min(Record(a), Record(b)), std::max(Record(a), Record(b)), probability});
    }
    engine_->link_rules().Hold(pairs, kThreshold);
    clusters_ = engine_->Cluster(pairs, kThreshold);
    return pairs;
  }
  bool Linked(const std::string& a, const std::string& b) {
    return clusters_[Record(a)] == clusters_[Record(b)];
  }

  std::optional<LinkageEngine> engine_;
  std::vector<uint32_t> clusters_;
};

TEST_F(LinkRulesTest, NamesakesWhoseDatesConflictAreHeldAndKeptApart) {
  Train("w1,Wilfredo Anselmo,Quiroga Betancourt,03/02/1981,,M,\n"
        "w2,Wilfredo Anselmo,Quiroga Betancourt,21/11/1994,,M,\n");
  EXPECT_LT(engine_->WeightBesideNames(Record("w1"), Record("w2")), 0);
  const std::vector<ScoredPair> pairs = HoldAndCluster({{"w1", "w2", 0.99}});
  EXPECT_EQ(pairs[0].hold, LinkHold::kDateConflict);
  EXPECT_FALSE(Linked("w1", "w2"));
}

TEST_F(LinkRulesTest, ARecordWithoutADateAmongNamesakesIsLinkedToNeither) {
  Train("w1,Wilfredo Anselmo,Quiroga Betancourt,03/02/1981,,M,\n"
        "w2,Wilfredo Anselmo,Quiroga Betancourt,21/11/1994,,M,\n"
        "w3,Wilfredo Anselmo,Quiroga Betancourt,,,M,\n");
  const std::vector<ScoredPair> pairs =
      HoldAndCluster({{"w3", "w1", 0.97}, {"w3", "w2", 0.96}, {"w1", "w2", 0.99}});
  EXPECT_EQ(pairs[0].hold, LinkHold::kAmbiguousWithoutDate);
  EXPECT_EQ(pairs[1].hold, LinkHold::kAmbiguousWithoutDate);
  EXPECT_FALSE(Linked("w3", "w1"));
  EXPECT_FALSE(Linked("w3", "w2"));
  // A clearly better match keeps its link: the weaker alternative is held.
  const std::vector<ScoredPair> unequal = HoldAndCluster({{"w3", "w1", 0.9999}, {"w3", "w2", 0.9}});
  EXPECT_EQ(unequal[0].hold, LinkHold::kNone);
  EXPECT_EQ(unequal[1].hold, LinkHold::kAmbiguousWithoutDate);
  EXPECT_TRUE(Linked("w3", "w1"));
  EXPECT_FALSE(Linked("w3", "w2"));
}

TEST_F(LinkRulesTest, ASlipASharedDocumentOrASingleUndatedMatchStillLinks) {
  Train("s1,Teódulo,Carvajal Ibarra,12/05/1970,,M,\n"
        "s2,Teódulo,Carvajal Ibarra,12/05/1976,,M,\n"         // one digit of the year mistyped
        "d1,Ramiro,Ocampo Villalba,03/02/1981,55512345,M,\n"
        "d2,Ramiro,Ocampo Villalba,21/11/1994,55512345,M,\n"  // the same document
        "u1,Evaristo,Benavente Lugo,12/05/1970,,M,\n"
        "u2,Evaristo,Benavente Lugo,,,M,\n");                  // no date, one namesake only
  const std::vector<ScoredPair> pairs =
      HoldAndCluster({{"s1", "s2", 0.99}, {"d1", "d2", 0.99}, {"u1", "u2", 0.99}});
  for (const ScoredPair& pair : pairs) {
    EXPECT_EQ(pair.hold, LinkHold::kNone) << engine_->RecordId(pair.left);
  }
  EXPECT_TRUE(Linked("s1", "s2"));
  EXPECT_TRUE(Linked("d1", "d2"));
  EXPECT_TRUE(Linked("u1", "u2"));
}

// The clustering keeps two conflicting records apart even when each pair that would join them
// links: a record without a date, linked to each of two namesakes, joins one at most.
TEST_F(LinkRulesTest, ClustersNeverJoinRecordsThatConflict) {
  Train("w1,Wilfredo Anselmo,Quiroga Betancourt,03/02/1981,,M,\n"
        "w2,Wilfredo Anselmo,Quiroga Betancourt,21/11/1994,,M,\n"
        "w3,Wilfredo Anselmo,Quiroga Betancourt,,,M,\n");
  EXPECT_TRUE(engine_->link_rules().Conflict(Record("w1"), Record("w2")));
  const std::vector<ScoredPair> links = {{Record("w1"), Record("w3"), 0.99},
                                         {Record("w2"), Record("w3"), 0.98}};
  clusters_ = engine_->Cluster(links, kThreshold);
  EXPECT_TRUE(Linked("w1", "w3"));
  EXPECT_FALSE(Linked("w2", "w3"));
}

// Two entries of one list, one without a date of birth, are not one person on their names alone;
// across two lists, with a shared document, or both dated, they still link. Records that carry
// no list (a single file de-duplicated on its own) are not concerned.
TEST_F(LinkRulesTest, AnUndatedEntryIsNotLinkedToItsOwnListOnItsNameAlone) {
  const char* cases =
      "a1,Wilfredo Anselmo,Quiroga Betancourt,03/02/1981,,M,\n"
      "a2,Wilfredo Anselmo,Quiroga Betancourt,,,M,\n"            // one list, no date: held
      "b1,Evaristo,Benavente Lugo,12/05/1970,,M,\n"
      "b2,Evaristo,Benavente Lugo,,,M,\n"                        // b2 on another list: links
      "d1,Ramiro,Ocampo Villalba,03/02/1981,55512345,M,\n"
      "d2,Ramiro,Ocampo Villalba,,55512345,M,\n"                 // one list, same document
      "s1,Teódulo,Carvajal Ibarra,12/05/1970,,M,\n"
      "s2,Teódulo,Carvajal Ibarra,12/05/1970,,M,\n";             // one list, both dated
  Train(cases, [](const std::string& id) -> int64_t { return id == "b2" ? 2 : 1; });
  EXPECT_TRUE(engine_->link_rules().SameList(Record("a1"), Record("a2")));
  EXPECT_FALSE(engine_->link_rules().SameList(Record("b1"), Record("b2")));
  const std::vector<ScoredPair> pairs = HoldAndCluster(
      {{"a1", "a2", 0.99}, {"b1", "b2", 0.99}, {"d1", "d2", 0.99}, {"s1", "s2", 0.99}});
  EXPECT_EQ(pairs[0].hold, LinkHold::kUndatedSameList);
  EXPECT_EQ(LinkHoldName(pairs[0].hold), "undated_same_list");
  EXPECT_FALSE(Linked("a1", "a2"));
  for (std::size_t k = 1; k < pairs.size(); ++k) {
    EXPECT_EQ(pairs[k].hold, LinkHold::kNone) << engine_->RecordId(pairs[k].left);
  }
  EXPECT_TRUE(Linked("b1", "b2"));
  EXPECT_TRUE(Linked("d1", "d2"));
  EXPECT_TRUE(Linked("s1", "s2"));

  Train(cases);  // no lists: one file de-duplicated on its own
  EXPECT_FALSE(engine_->link_rules().SameList(Record("a1"), Record("a2")));
  EXPECT_EQ(HoldAndCluster({{"a1", "a2", 0.99}})[0].hold, LinkHold::kNone);
  EXPECT_TRUE(Linked("a1", "a2"));
}

}  // namespace
}  // namespace canje::linkage
