#include "script_variables.h"

#include <gtest/gtest.h>

namespace canje::scenario_script {
namespace {

class ScriptVariablesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    variables_.Set("ROSTER", {"P1", "P2", "P3", "P4"});
    variables_.Set("V", {"V3"});
    variables_.Set("NONE", {});
  }
  ScriptVariables variables_;
};

TEST_F(ScriptVariablesTest, SubstitutesOneValuePerReference) {
  EXPECT_EQ(*variables_.Substitute("$V was superseded by $ROSTER[1]; costs $$5"),
            "V3 was superseded by P2; costs $5");
}

TEST_F(ScriptVariablesTest, RangesAndListsExpandAsArgumentsOrFileLines) {
  EXPECT_EQ(*variables_.ExpandArgument({"$ROSTER[1:3]", false}),
            (std::vector<std::string>{"P2", "P3"}));
  EXPECT_EQ(variables_.ExpandArgument({"$ROSTER", false})->size(), 4u);
  EXPECT_EQ(*variables_.ExpandArgument({"$ROSTER[2:]", false}),
            (std::vector<std::string>{"P3", "P4"}));
  EXPECT_EQ(*variables_.ExpandArgument({"$V.sig", false}), std::vector<std::string>{"V3.sig"});
  EXPECT_EQ(*variables_.ExpandFileLine("$ROSTER[0:2],SLV,VEN,$V"),
            (std::vector<std::string>{"P1,SLV,VEN,V3", "P2,SLV,VEN,V3"}));
  EXPECT_TRUE(variables_.ExpandFileLine("$NONE,SLV,VEN")->empty());
  EXPECT_EQ(*variables_.ExpandFileLine("person,from,to"),
            std::vector<std::string>{"person,from,to"});
}

TEST_F(ScriptVariablesTest, MistakesSayWhatIsWrong) {
  auto message = [](const auto& result) { return result.status().message(); };
  EXPECT_NE(message(variables_.Substitute("$MISSING")).find("no variable $MISSING"),
            std::string::npos);
  EXPECT_NE(message(variables_.Substitute("$ROSTER[9]")).find("holds 4 values"), std::string::npos);
  EXPECT_NE(message(variables_.Substitute("to $ROSTER")).find("stands for 4 values"),
            std::string::npos);
  EXPECT_FALSE(variables_.ExpandArgument({"$ROSTER[0:2]", true}).ok());  // quoted: one argument
  EXPECT_NE(message(variables_.ExpandFileLine("$ROSTER[0:2],$ROSTER[0:3]")).find("as many"),
            std::string::npos);
  EXPECT_NE(message(variables_.Substitute("costs $5")).find("column 7"), std::string::npos);
  EXPECT_NE(message(variables_.Substitute("$ROSTER[a]")).find("expected [I] or [I:J]"),
            std::string::npos);
}

}  // namespace
}  // namespace canje::scenario_script
