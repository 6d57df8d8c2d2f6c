#include "cli/bash_completion.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/command_line.h"

namespace canje::cli {
namespace {

// The completion script of the real command line, run by bash as bash-completion would run it:
// COMP_WORDS and COMP_CWORD set, _canje called, COMPREPLY read.
class BashCompletionTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::ostringstream out, err;
    CommandContext context(out, err);
    CLI::App app{kCanjeDescription, "canje"};
    DefineCommandLine(app, context);
    script_ = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                        ("canje-completion-" + std::to_string(getpid())));
    std::ofstream(*script_) << BashCompletionScript(DescribeCommandLine(app));
  }
  static void TearDownTestSuite() {
    std::filesystem::remove(*script_);
    delete script_;
  }

  static std::string Quoted(const std::string& word) {
    std::string out = "'";
    for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
  }

  // The completions of the last word of `words` (the word being typed, maybe empty).
  std::vector<std::string> Complete(const std::vector<std::string>& words) {
    std::string array;
    for (const std::string& word : words) array += " " + Quoted(word);
    std::string program = "unset CANJE_DB; source " + Quoted(script_->string()) +
                          " && COMP_WORDS=(" + array +
                          ") && COMP_CWORD=" + std::to_string(words.size() - 1) +
                          " && _canje && printf '%s\\n' \"${COMPREPLY[@]}\"";
    FILE* pipe = popen(("bash -c " + Quoted(program) + " 2>/dev/null").c_str(), "r");
    std::vector<std::string> replies;
    if (pipe == nullptr) return replies;
    char line[512];
    while (fgets(line, sizeof line, pipe) != nullptr) {
      std::string reply(line);
      if (!reply.empty() && reply.back() == '\n') reply.pop_back();
      if (!reply.empty()) replies.push_back(reply);
    }
    EXPECT_EQ(pclose(pipe), 0) << program;
    return replies;
  }

  static std::filesystem::path* script_;
};

std::filesystem::path* BashCompletionTest::script_ = nullptr;

using Words = std::vector<std::string>;

TEST_F(BashCompletionTest, CompletesCommandGroupsAndCommands) {
  EXPECT_EQ(Complete({"canje", "us"}), Words{"user"});
  EXPECT_EQ(Complete({"canje", "user", ""}),
            (Words{"add", "list", "token", "password", "totp", "unlock", "session"}));
  EXPECT_EQ(Complete({"canje", "user", "token", "cr"}), Words{"create"});
  EXPECT_EQ(Complete({"canje", "--db", "x.db", "--json", "exch"}), Words{"exchange"});
  Words groups = Complete({"canje", ""});
  EXPECT_GE(groups.size(), 20u);
  EXPECT_EQ(std::count(groups.begin(), groups.end(), "reference"), 0) << "hidden";
}

TEST_F(BashCompletionTest, CompletesTheOptionsOfTheCommandAndTheGlobalOnes) {
  EXPECT_EQ(Complete({"canje", "--js"}), Words{"--json"});
  EXPECT_EQ(Complete({"canje", "serve", "--log-"}), (Words{"--log-level", "--log-file"}));
  Words options = Complete({"canje", "exchange", "party", "add", "X1", "VEN", "--"});
  EXPECT_EQ(std::count(options.begin(), options.end(), "--bloc"), 1);
  EXPECT_EQ(std::count(options.begin(), options.end(), "--db"), 1) << "global";
  EXPECT_EQ(std::count(options.begin(), options.end(), "--log-level"), 0) << "serve's";
}

TEST_F(BashCompletionTest, CompletesTheValuesOfOptionsThatCheckASet) {
  EXPECT_EQ(Complete({"canje", "user", "add", "ana", "--role", ""}),
            (Words{"admin", "mediator", "negotiator", "verifier", "observer"}));
  EXPECT_EQ(Complete({"canje", "--db", "s.db", "user", "add", "ana", "--role", "n"}),
            Words{"negotiator"});
  EXPECT_EQ(Complete({"canje", "import", "x.csv", "--kind", "cu"}), Words{"custody_roster"});
  EXPECT_EQ(Complete({"canje", "import", "x.csv", "--kind", "=", "cl"}), Words{"claim_list"});
  EXPECT_EQ(Complete({"canje", "serve", "--log-level", ""}), (Words{"error", "warning", "info"}));
  EXPECT_EQ(Complete({"canje", "party", "add", "VEN", "--kind", "s"}), Words{"state"});
}

TEST_F(BashCompletionTest, OffersNothingOfItsOwnForFreeValues) {
  // Party codes come from a store; with none named (and no CANJE_DB), nothing is offered.
  EXPECT_EQ(Complete({"canje", "persons", "--holder", ""}), Words{});
  // Files: bash's own completion takes over (compopt -o default).
  EXPECT_EQ(Complete({"canje", "import", ""}), Words{});
}

}  // namespace
}  // namespace canje::cli
