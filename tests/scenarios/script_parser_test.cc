#include "script_parser.h"

#include <gtest/gtest.h>

namespace canje::scenario_script {
namespace {

Script Parsed(const std::string& text) {
  Result<Script> script = ParseScript("s.canje", text);
  EXPECT_TRUE(script.ok()) << script.status().message();
  return script.ok() ? *script : Script{};
}

std::string ErrorOf(const std::string& text) {
  Result<Script> script = ParseScript("dir/s.canje", text);
  EXPECT_FALSE(script.ok()) << text;
  return script.ok() ? "" : script.status().message();
}

std::vector<std::string> Texts(const std::vector<Word>& words) {
  std::vector<std::string> texts;
  for (const Word& word : words) texts.push_back(word.text);
  return texts;
}

TEST(SplitWordsTest, QuotesKeepSpacesAndEscapes) {
  Result<std::vector<Word>> words =
      SplitWords(R"x(hold add --issuer "Supreme Court (synthetic)" --note 'it''s' "a \"b\" \\")x");
  ASSERT_TRUE(words.ok()) << words.status().message();
  EXPECT_EQ(Texts(*words),
            (std::vector<std::string>{"hold", "add", "--issuer", "Supreme Court (synthetic)",
                                      "--note", "its", R"(a "b" \)"}));
  EXPECT_FALSE((*words)[0].quoted);
  EXPECT_TRUE((*words)[3].quoted);
  EXPECT_EQ(Texts(*SplitWords(R"(--reason="" x)")), (std::vector<std::string>{"--reason=", "x"}));
  Result<std::vector<Word>> open = SplitWords(R"(reject V1 --reason "cynical)");
  ASSERT_FALSE(open.ok());
  EXPECT_NE(open.status().message().find("quote \" at column 20 is not closed"), std::string::npos)
      << open.status().message();
}

TEST(ParseScriptTest, CommandsExpectationsChaptersAndFiles) {
  Script script = Parsed(R"(# The April offer
## April
canje demo
as ven: proposal reject V1 --party VEN --reason "cynical"
  expect-out "rejected"
as slv : proposal accept V1 --party SLV
  fails 65 "nothing is allowed from rejected"
let ROSTER = canje persons --list L1 --json | .[].id
let MANIFEST = as ven: proposal manifest V1
run openssl pkeyutl -verify -rawin
  expect-json .parties | length >= 3
needs handover record
file v1.csv
person,from,to
# not a comment here
$ROSTER[0:2],SLV,VEN
end
file v2.csv from v2.template.csv
)");
  ASSERT_EQ(script.steps.size(), 9u);
  const Step& demo = script.steps[0];
  EXPECT_EQ(demo.line, 3);
  EXPECT_EQ(demo.chapter, "April");
  EXPECT_EQ(demo.command.kind, Command::Kind::kCanje);
  EXPECT_TRUE(demo.command.user.empty());
  const Step& reject = script.steps[1];
  EXPECT_EQ(reject.command.user, "ven");
  EXPECT_EQ(Texts(reject.command.args),
            (std::vector<std::string>{"proposal", "reject", "V1", "--party", "VEN", "--reason",
                                      "cynical"}));
  ASSERT_EQ(reject.expectations.size(), 1u);
  EXPECT_EQ(reject.expectations[0].kind, Expectation::Kind::kOut);
  EXPECT_EQ(reject.expectations[0].line, 5);
  const Step& accept = script.steps[2];
  EXPECT_EQ(accept.command.user, "slv");
  ASSERT_EQ(accept.expectations.size(), 1u);
  EXPECT_EQ(accept.expectations[0].kind, Expectation::Kind::kFails);
  EXPECT_EQ(accept.expectations[0].exit_status, 65);
  EXPECT_EQ(accept.expectations[0].text, "nothing is allowed from rejected");
  const Step& roster = script.steps[3];
  EXPECT_EQ(roster.kind, Step::Kind::kLet);
  EXPECT_EQ(roster.variable, "ROSTER");
  EXPECT_FALSE(roster.capture_stdout);
  ASSERT_EQ(roster.capture_path.segments.size(), 2u);  // [] then .id
  EXPECT_EQ(Texts(roster.command.args).back(), "--json");
  EXPECT_TRUE(script.steps[4].capture_stdout);
  EXPECT_EQ(script.steps[4].command.user, "ven");
  const Step& run = script.steps[5];
  EXPECT_EQ(run.command.kind, Command::Kind::kRun);
  ASSERT_EQ(run.expectations.size(), 1u);
  EXPECT_EQ(run.expectations[0].path_text, ".parties | length");
  EXPECT_TRUE(run.expectations[0].path.length);
  EXPECT_EQ(run.expectations[0].op, ">=");
  EXPECT_EQ(run.expectations[0].text, "3");
  EXPECT_EQ(script.steps[6].kind, Step::Kind::kNeeds);
  EXPECT_EQ(script.steps[6].needs, (std::vector<std::string>{"handover", "record"}));
  const Step& file = script.steps[7];
  EXPECT_EQ(file.kind, Step::Kind::kFile);
  EXPECT_EQ(file.file_name, "v1.csv");
  EXPECT_EQ(file.body, (std::vector<std::string>{"person,from,to", "# not a comment here",
                                                 "$ROSTER[0:2],SLV,VEN"}));
  EXPECT_EQ(script.steps[8].template_name, "v2.template.csv");
}

TEST(ParseScriptTest, ABadLineIsReportedWithFileLineAndHowToFixIt) {
  EXPECT_EQ(ErrorOf("canje demo\n\nas ven proposal list X1\n").substr(0, 14), "dir/s.canje:3:");
  EXPECT_NE(ErrorOf("as ven proposal list X1\n").find("needs a colon after the user"),
            std::string::npos);
  EXPECT_NE(ErrorOf("canje demo\nexpect \"x\"\n").find("dir/s.canje:2: unknown step 'expect'"),
            std::string::npos);
  EXPECT_NE(ErrorOf("canje x\nneeds handover record\nfails 75 \"x\"\n").find("dir/s.canje:3:"),
            std::string::npos);
  EXPECT_NE(ErrorOf("fails 75 \"superseded\"\n").find("must follow the command it checks"),
            std::string::npos);
  EXPECT_NE(ErrorOf("canje demo\n## Chapter\nfails 75 \"x\"\n").find("dir/s.canje:3:"),
            std::string::npos);
  EXPECT_NE(ErrorOf("canje x\nfails seventy-five \"x\"\n").find("exit status from 1 to 255"),
            std::string::npos);
  EXPECT_NE(ErrorOf("canje x\nfails 75 \"a\"\nfails 65 \"b\"\n").find("at most one `fails`"),
            std::string::npos);
  EXPECT_NE(ErrorOf("canje x\nexpect-json .state = \"agreed\"\n").find("OP one of"),
            std::string::npos);
  EXPECT_NE(ErrorOf("canje x --json\nexpect-json state == 1\n").find("a path starts with ."),
            std::string::npos);
  EXPECT_NE(ErrorOf("let x-y = canje persons\n").find("let NAME = COMMAND"), std::string::npos);
  EXPECT_NE(ErrorOf("let X = persons --json | .[].id\n").find("expected a command"),
            std::string::npos);
  EXPECT_NE(ErrorOf("file v1.csv\nperson,from,to\n")
                .find("dir/s.canje:1: `file v1.csv` has no "
                      "closing line `end`"),
            std::string::npos);
  EXPECT_NE(ErrorOf("canje x --reason \"open\n").find("dir/s.canje:1: the quote"),
            std::string::npos);
  EXPECT_NE(ErrorOf("canje x\nnot-out refus al\n").find("quote text that has spaces"),
            std::string::npos);
}

}  // namespace
}  // namespace canje::scenario_script
