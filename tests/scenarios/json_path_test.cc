#include "json_path.h"

#include <gtest/gtest.h>

namespace canje::scenario_script {
namespace {

using nlohmann::json;

std::vector<json> Evaluate(const std::string& path, const json& document) {
  Result<JsonPath> parsed = ParseJsonPath(path);
  EXPECT_TRUE(parsed.ok()) << parsed.status().message();
  if (!parsed.ok()) return {};
  Result<std::vector<json>> values = EvaluateJsonPath(*parsed, document);
  EXPECT_TRUE(values.ok()) << values.status().message();
  return values.ok() ? *values : std::vector<json>{};
}

TEST(JsonPathTest, ReachesMembersElementsAndEveryElement) {
  const json document = json::parse(
      R"({"state":"agreed","parties":[{"code":"SLV","status":"valid"},{"code":"VEN","status":"missing"}],"n":3})");
  EXPECT_EQ(Evaluate(".", document), std::vector<json>{document});
  EXPECT_EQ(Evaluate(".state", document), std::vector<json>{"agreed"});
  EXPECT_EQ(Evaluate(".parties[1].code", document), std::vector<json>{"VEN"});
  EXPECT_EQ(Evaluate(".parties[].status", document), (std::vector<json>{"valid", "missing"}));
  EXPECT_EQ(Evaluate(".parties | length", document), std::vector<json>{2});
  EXPECT_EQ(Evaluate(".state | length", document), std::vector<json>{6});
  EXPECT_EQ(Evaluate(".[]", json::array({1, 2})), (std::vector<json>{1, 2}));
  EXPECT_EQ(JsonValueText(json("P17")), "P17");
  EXPECT_EQ(JsonValueText(json(3)), "3");
}

TEST(JsonPathTest, BadPathsAndMissingValuesSayWhere) {
  for (const char* bad : {"state", ".a..b", ".a[x]", ".a[1", ". | keys", ".a b"}) {
    Result<JsonPath> parsed = ParseJsonPath(bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_NE(parsed.status().message().find("column"), std::string::npos)
        << parsed.status().message();
  }
  const json document = json::parse(R"({"a":{"b":[1]}})");
  Result<std::vector<json>> missing = EvaluateJsonPath(*ParseJsonPath(".a.c"), document);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("no member 'c' at .a"), std::string::npos)
      << missing.status().message();
  Result<std::vector<json>> beyond = EvaluateJsonPath(*ParseJsonPath(".a.b[4]"), document);
  ASSERT_FALSE(beyond.ok());
  EXPECT_NE(beyond.status().message().find("1 elements"), std::string::npos);
}

TEST(JsonPathTest, ComparisonsFollowTheirOperator) {
  EXPECT_TRUE(*CompareJson(json(3), "==", json(3.0)));
  EXPECT_FALSE(*CompareJson(json("agreed"), "==", json("tabled")));
  EXPECT_TRUE(*CompareJson(json("agreed"), "!=", json("tabled")));
  EXPECT_TRUE(*CompareJson(json(230), "<", json(248)));
  EXPECT_FALSE(*CompareJson(json(248), "<=", json(230)));
  EXPECT_TRUE(*CompareJson(json::array({"SLV", "VEN"}), "contains", json("VEN")));
  EXPECT_FALSE(*CompareJson(json::array({"SLV"}), "contains", json("VEN")));
  EXPECT_TRUE(*CompareJson(json("V3 was superseded"), "contains", json("superseded")));
  EXPECT_TRUE(*CompareJson(json::object({{"VEN", 1}}), "contains", json("VEN")));
  EXPECT_FALSE(CompareJson(json("a"), "<", json(1)).ok());
  EXPECT_FALSE(CompareJson(json(1), "~", json(1)).ok());
}

}  // namespace
}  // namespace canje::scenario_script
