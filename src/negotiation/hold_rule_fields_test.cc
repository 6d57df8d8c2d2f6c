// The table of a hold's rule fields drives the rule: each field alone covers the persons it
// matches and is described in words, AddHold checks each by its own option and logs every field
// in the "hold.added" event, on a real store (instance/testing/test_instance.h).
#include "negotiation/hold_rule_fields.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/encoding.h"
#include "instance/testing/test_instance.h"
#include "negotiation/hold_scope.h"
#include "negotiation/holds.h"

namespace canje::negotiation {
namespace {

// A hold whose rule sets only `field`, to `value`.
store::HoldRow HoldByOneField(const HoldRuleField& field, const std::string& value) {
  store::HoldRow hold;
  hold.id = 1;
  hold.effective_from = "2025-04-19";
  hold.*field.member = value;
  return hold;
}

// A person whose data matches `field` with `value` when `matching`, and otherwise differs from
// it only there.
store::PersonView PersonFor(const HoldRuleField& field, const std::string& value, bool matching) {
  store::PersonView person;
  person.person.id = matching ? 1 : 2;
  std::string text = matching ? value : value + "Q";  // not the item, nor containing the text
  if (!matching && field.match == HoldRuleMatch::kCustodyContains) text = "unrelated";
  if (field.match == HoldRuleMatch::kPersonItem) {
    person.person.*field.person_items = "ZZZ|" + text;
  } else {
    store::CustodyRow custody;
    custody.person_id = person.person.id;
    custody.status = "held";
    custody.*field.custody_text =
        field.match == HoldRuleMatch::kCustodyContains ? "see " + text + " here" : text;
    person.custody.push_back(custody);
  }
  return person;
}

TEST(HoldRuleFieldsTest, EachFieldAloneCoversThePersonsItMatchesAndIsDescribed) {
  ASSERT_FALSE(HoldRuleFields().empty());
  for (const HoldRuleField& field : HoldRuleFields()) {
    SCOPED_TRACE(std::string(field.name));
    store::HoldRow hold = HoldByOneField(field, "XYZ");
    EXPECT_TRUE(HoldHasRule(hold));
    EXPECT_TRUE(HoldHasScope(hold));
    EXPECT_TRUE(HoldCovers(hold, PersonFor(field, "XYZ", true)));
    EXPECT_FALSE(HoldCovers(hold, PersonFor(field, "XYZ", false)));
    std::string words = DescribeHoldScope(hold);
    EXPECT_EQ(words.find(std::string(field.words) + " "), 0u) << words;
    EXPECT_NE(words.find("XYZ"), std::string::npos) << words;
  }
  EXPECT_FALSE(HoldHasRule(store::HoldRow{}));
}

TEST(HoldRuleFieldsTest, EveryGivenFieldMustMatch) {
  // All fields set: a person matching every one is covered; failing any one field uncovers.
  store::HoldRow hold;
  store::PersonView everything;
  store::CustodyRow custody;
  for (const HoldRuleField& field : HoldRuleFields()) {
    hold.*field.member = "XYZ";
    if (field.match == HoldRuleMatch::kPersonItem) {
      everything.person.*field.person_items = "XYZ";
    } else {
      custody.*field.custody_text = "XYZ";
    }
  }
  everything.custody.push_back(custody);
  EXPECT_TRUE(HoldCovers(hold, everything));
  for (const HoldRuleField& field : HoldRuleFields()) {
    SCOPED_TRACE(std::string(field.name));
    store::PersonView missing = everything;
    if (field.match == HoldRuleMatch::kPersonItem) {
      missing.person.*field.person_items = "ABC";
    } else {
      missing.custody.front().*field.custody_text = "ABC";
      // The field matching on another custody row does not make up for it.
      store::CustodyRow other;
      other.*field.custody_text = "XYZ";
      missing.custody.push_back(other);
    }
    EXPECT_FALSE(HoldCovers(hold, missing));
  }
}

TEST(HoldRuleFieldsTest, OptionsAreTheFieldNamesWithDashes) {
  std::string flags = HoldRuleFlags();
  for (const HoldRuleField& field : HoldRuleFields()) {
    std::string flag = HoldRuleFlag(field);
    EXPECT_EQ(flag.rfind("--", 0), 0u);
    EXPECT_EQ(flag.find('_'), std::string::npos) << flag;
    EXPECT_NE(flags.find(flag), std::string::npos) << flags;
    ASSERT_TRUE(FindHoldRuleField(field.name));
    EXPECT_EQ(FindHoldRuleField(field.name)->member, field.member);
  }
  EXPECT_EQ(HoldRuleFlag(*FindHoldRuleField("legal_basis")), "--legal-basis");
  EXPECT_FALSE(FindHoldRuleField("facility_of_nowhere"));
}

class HoldRuleFieldsStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(store_.ok()) << store_.error();
    store_.AddParty("SLV", "El Salvador", "state");
  }

  NewHold Hold(std::map<std::string, std::string> rule) {
    NewHold hold;
    hold.issuer = "Synthetic Court";
    hold.reference = "SC-0001";
    hold.effective_from = "2025-04-19";
    hold.rule = std::move(rule);
    return hold;
  }

  // The payload of the log's last event, as recorded.
  std::string LastPayload() {
    store::EventRow last;
    std::string payload = store_.LastEventPayload(&last);
    EXPECT_EQ(last.type, "hold.added");
    return payload;
  }

  instance::testing::TestInstance store_;
};

TEST_F(HoldRuleFieldsStoreTest, TheEventHoldsEveryFieldCanonicalInTheSameText) {
  Result<int64_t> id = AddHold(store_.admin(), Hold({{"holder", "SLV"},
                                                     {"nationality", "ven"},
                                                     {"category", "deportado"},
                                                     {"legal_basis", "expulsadas"}}));
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  std::string payload = LastPayload();
  // Byte for byte the text canje always logged: compact, keys in byte order, every rule field
  // ("" when not given). With the fields holder, nationality, category and legal_basis:
  //   {"from":"2025-04-19","hold":"H1","issuer":"Synthetic Court","persons":[],
  //    "reference":"SC-0001","rule":{"category":"deportee","holder":"SLV",
  //    "legal_basis":"expulsadas","nationality":"VEN"},"until":""}
  const std::map<std::string, std::string> given = {{"category", "deportee"},
                                                    {"holder", "SLV"},
                                                    {"legal_basis", "expulsadas"},
                                                    {"nationality", "VEN"}};
  std::vector<std::string> names;
  for (const HoldRuleField& field : HoldRuleFields()) names.emplace_back(field.name);
  std::sort(names.begin(), names.end());
  std::string rule;
  for (const std::string& name : names) {
    auto value = given.find(name);
    rule += std::string(rule.empty() ? "" : ",") + "\"" + name + "\":\"" +
            (value == given.end() ? "" : value->second) + "\"";
  }
  EXPECT_EQ(payload, R"({"from":"2025-04-19","hold":"H1","issuer":"Synthetic Court","persons":[],)"
                     R"("reference":"SC-0001","rule":{)" +
                         rule + R"(},"until":""})");
  nlohmann::json parsed = nlohmann::json::parse(payload);
  for (const HoldRuleField& field : HoldRuleFields()) {
    EXPECT_TRUE(parsed["rule"].contains(std::string(field.name))) << field.name;
  }

  // One field given: the others are logged empty, and the hold describes only that one.
  ASSERT_TRUE(AddHold(store_.admin(), Hold({{"nationality", "COL"}})).ok());
  parsed = nlohmann::json::parse(LastPayload());
  EXPECT_EQ(parsed["rule"]["nationality"], "COL");
  EXPECT_EQ(parsed["rule"]["holder"], "");
  Result<HoldView> shown = ShowHold(store_.admin(), 2, "2025-05-01");
  ASSERT_TRUE(shown.ok()) << shown.status().ToString();
  EXPECT_EQ(DescribeHoldScope(shown->hold), "nationality COL");
  EXPECT_TRUE(shown->in_force);
}

TEST_F(HoldRuleFieldsStoreTest, EachFieldIsCheckedByItsOwnOption) {
  Result<int64_t> holder = AddHold(store_.admin(), Hold({{"holder", "XXX"}}));
  EXPECT_EQ(holder.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(holder.status().message(), "no party XXX for --holder; see `canje parties`");
  Result<int64_t> nationality = AddHold(store_.admin(), Hold({{"nationality", "Narnia"}}));
  EXPECT_EQ(nationality.status().code(), StatusCode::kUsage);
  EXPECT_EQ(nationality.status().message().rfind("--nationality: ", 0), 0u)
      << nationality.status().message();
  Result<int64_t> category = AddHold(store_.admin(), Hold({{"category", "no such category"}}));
  EXPECT_EQ(category.status().code(), StatusCode::kUsage);
  EXPECT_EQ(category.status().message().rfind("--category: ", 0), 0u)
      << category.status().message();
  Result<int64_t> unknown = AddHold(store_.admin(), Hold({{"facility_of_nowhere", "X"}}));
  EXPECT_EQ(unknown.status().code(), StatusCode::kUsage);
  // No scope at all: the message names every field's option.
  Result<int64_t> none = AddHold(store_.admin(), Hold({{"holder", ""}}));
  EXPECT_EQ(none.status().code(), StatusCode::kUsage);
  for (const HoldRuleField& field : HoldRuleFields()) {
    EXPECT_NE(none.status().message().find(HoldRuleFlag(field)), std::string::npos)
        << none.status().message();
  }
  // Nothing was written.
  Result<std::vector<HoldView>> holds = ListHolds(store_.admin(), "2025-05-01", false);
  ASSERT_TRUE(holds.ok()) << holds.status().ToString();
  EXPECT_TRUE(holds->empty());
}

}  // namespace
}  // namespace canje::negotiation
