#include "script_variant.h"

#include <gtest/gtest.h>

namespace canje::scenario_script {
namespace {

std::vector<std::string> Args(const Step& step) {
  std::vector<std::string> texts;
  for (const Word& word : step.command.args) texts.push_back(word.text);
  return texts;
}

TEST(ScriptVariantTest, RefusalsBecomeUnfitnessAndNothingElseChanges) {
  Result<Script> script = ParseScript("s.canje", R"script(## Interviews
as ver: interview record P1 --destination VEN --identity confirmed --consent refuses --fit yes --note "fears (synthetic)"
as ver: interview record P2 --destination VEN --identity confirmed --consent consents --fit yes
as med: exchange not-travelling X1 P1 --reason refused-consent
as med: exchange not-travelling X1 P3 --reason missing
file interviews.csv
person,destination,identity,consent,fit,on,note
P4,VEN,confirmed,refuses,yes,2025-07-15,
P5,VEN,confirmed,consents,yes,2025-07-15,
end
)script");
  ASSERT_TRUE(script.ok()) << script.status().message();
  const Script variant = RefusalsAsUnfitness(*script);
  ASSERT_EQ(variant.steps.size(), script->steps.size());
  EXPECT_EQ(Args(variant.steps[0]),
            (std::vector<std::string>{"interview", "record", "P1", "--destination", "VEN",
                                      "--identity", "confirmed", "--consent", "consents", "--fit",
                                      "no", "--note", "fears (synthetic)"}));
  EXPECT_EQ(Args(variant.steps[1]), Args(script->steps[1]));
  EXPECT_EQ(Args(variant.steps[2]).back(), "unfit");
  EXPECT_EQ(Args(variant.steps[3]), Args(script->steps[3]));
  EXPECT_EQ(variant.steps[4].body,
            (std::vector<std::string>{"person,destination,identity,consent,fit,on,note",
                                      "P4,VEN,confirmed,consents,no,2025-07-15,",
                                      "P5,VEN,confirmed,consents,yes,2025-07-15,"}));
}

}  // namespace
}  // namespace canje::scenario_script
