// Bad instances are refused with the JSON path of the fault (exit 65 through Status::Invalid).
#include "solver/instance_json.h"

#include <gtest/gtest.h>

namespace canje::solver {
namespace {

constexpr const char* kValid = R"({
  "blocs": [{"name": "WEST", "parties": ["SLV", "USA"], "rule": {"kind": "value", "ratio": 1.0}},
            {"name": "VEN", "parties": ["VEN"], "rule": {"kind": "count", "ratio": 1.0}}],
  "candidates": [{"id": "c1", "person": "p1", "from": "VEN", "to": "VEN", "beneficiary": "USA",
                  "value": 3.0, "cost": 1.0, "priority": 1, "unconditional": false},
                 {"id": "c2", "person": "p2", "from": "SLV", "to": "VEN"}],
  "must_include": ["p1"], "must_exclude": ["p2"], "max_size": 300, "max_parties": 3,
  "objective": "people"})";

struct BadCase {
  const char* name;
  std::string text;
  const char* path;  // the message starts with this path
};

TEST(InstanceJsonTest, ReadsTheIssueExample) {
  Result<Instance> instance = ParseInstanceText(kValid);
  ASSERT_TRUE(instance.ok()) << instance.status().ToString();
  EXPECT_EQ(instance->blocs.size(), 2u);
  EXPECT_EQ(instance->candidates[0].beneficiary, "USA");
  EXPECT_EQ(instance->candidates[1].beneficiary, "VEN");  // defaults to `to`
  EXPECT_EQ(instance->candidates[1].value, 1.0);
  EXPECT_EQ(instance->max_parties, 3);
  Result<Instance> again = ParseInstance(InstanceToJson(*instance));
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(InstanceToJson(*again), InstanceToJson(*instance));
}

TEST(InstanceJsonTest, BadInputNamesTheJsonPath) {
  nlohmann::json doc = nlohmann::json::parse(kValid);
  auto with = [&](auto change) {
    nlohmann::json copy = doc;
    change(copy);
    return copy.dump();
  };
  const std::vector<BadCase> cases = {
      {"negative ratio", with([](auto& d) { d["blocs"][1]["rule"]["ratio"] = -1; }),
       "$.blocs[1].rule.ratio:"},
      {"duplicate candidate id", with([](auto& d) { d["candidates"][1]["id"] = "c1"; }),
       "$.candidates[1].id:"},
      {"person in both must lists", with([](auto& d) {
         d["must_exclude"] = {"p2", "p1"};
       }),
       "$.must_exclude[1]:"},
      {"party in two blocs", with([](auto& d) {
         d["blocs"][1]["parties"] = {"VEN", "USA"};
       }),
       "$.blocs[1].parties[1]:"},
      {"unknown party (not a code)", with([](auto& d) { d["candidates"][0]["to"] = "Venezuela"; }),
       "$.candidates[0].to:"},
      {"unknown party (not declared)", with([](auto& d) {
         d["parties"] = {"SLV", "USA", "VEN"};
         d["candidates"][1]["from"] = "DEU";
       }),
       "$.candidates[1].from:"},
      {"unknown key", with([](auto& d) { d["candidates"][1]["valeu"] = 2; }),
       "$.candidates[1].valeu:"},
      {"unknown top-level key", with([](auto& d) { d["max_partys"] = 2; }), "$.max_partys:"},
      {"unknown rule kind", with([](auto& d) { d["blocs"][0]["rule"]["kind"] = "equal"; }),
       "$.blocs[0].rule.kind:"},
      {"negative value", with([](auto& d) { d["candidates"][0]["value"] = -2; }),
       "$.candidates[0].value:"},
      {"priority zero", with([](auto& d) { d["candidates"][0]["priority"] = 0; }),
       "$.candidates[0].priority:"},
      {"missing person", with([](auto& d) { d["candidates"][1].erase("person"); }),
       "$.candidates[1].person:"},
      {"must_include without candidate", with([](auto& d) { d["must_include"] = {"p9"}; }),
       "$.must_include[0]:"},
      {"bad objective", with([](auto& d) { d["objective"] = "fairness"; }), "$.objective:"},
      {"negative max_size", with([](auto& d) { d["max_size"] = -1; }), "$.max_size:"},
      {"duplicate bloc name", with([](auto& d) { d["blocs"][1]["name"] = "WEST"; }),
       "$.blocs[1].name:"},
      {"ratio on rule none", with([](auto& d) {
         d["blocs"][1]["rule"] = {{"kind", "none"}, {"ratio", 1}};
       }),
       "$.blocs[1].rule.ratio:"},
      {"candidates not an array", with([](auto& d) { d["candidates"] = 3; }), "$.candidates:"},
  };
  for (const BadCase& bad : cases) {
    SCOPED_TRACE(bad.name);
    Result<Instance> instance = ParseInstanceText(bad.text);
    ASSERT_FALSE(instance.ok());
    EXPECT_EQ(instance.status().code(), StatusCode::kInvalid);
    EXPECT_EQ(ExitStatusFor(instance.status().code()), 65);
    EXPECT_EQ(instance.status().message().rfind(bad.path, 0), 0u) << instance.status().message();
  }
}

TEST(InstanceJsonTest, SyntaxErrorsGiveLineAndColumn) {
  Result<Instance> instance = ParseInstanceText("{\n  \"blocs\": [,]\n}");
  ASSERT_FALSE(instance.ok());
  EXPECT_EQ(instance.status().code(), StatusCode::kInvalid);
  EXPECT_EQ(instance.status().message().rfind("2:13:", 0), 0u) << instance.status().message();
}

TEST(InstanceJsonTest, MissingFileIsNotFound) {
  Result<Instance> instance = ReadInstanceFile("/nonexistent/instance.json");
  ASSERT_FALSE(instance.ok());
  EXPECT_EQ(instance.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace canje::solver
