#include "cli/manual_pages.h"

#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "cli/command_line.h"
#include "core/testing/text_cases.h"

namespace canje::cli {
namespace {

using table_testing::ExpectEachMapsTo;

std::map<std::string, std::string> PagesByName(const std::vector<ManualPage>& pages) {
  std::map<std::string, std::string> by_name;
  for (const ManualPage& page : pages) by_name[page.file_name] = page.text;
  return by_name;
}

TEST(ManualPagesTest, RoffTextEscapesWhatRoffWouldInterpret) {
  const table_testing::TextCases cases = {
      {"--db a\\b", "\\-\\-db a\\eb"},
      {".hidden\n'quoted", "\\&.hidden\n\\&'quoted"},
      {"a.b", "a.b"},
      {"Pérez — ok", "P\\[u00E9]rez \\[u2014] ok"},
  };
  ExpectEachMapsTo(RoffText, cases);
}

TEST(ManualPagesTest, AGroupPageDocumentsEachCommandWithItsHelpTexts) {
  CLI::App app{"The tool", "canje"};
  std::string code, kind = "state";
  app.add_option("--db", code, "Store path");
  auto* party = app.add_subcommand("party", "Parties: states and others");
  party->footer("Codes are upper case:\n\n  canje party add VEN --name Venezuela\n");
  auto* add = party->add_subcommand("add", "Add a party");
  add->add_option("CODE", code, "Its code")->type_name(kPartyValue)->required();
  add->add_option("--kind", kind, "Its kind")
      ->capture_default_str()
      ->check(CLI::IsMember({"state", "intermediary"}));
  auto pages = PagesByName(ManualPages(DescribeCommandLine(app), "1.2.3"));
  ASSERT_EQ(pages.size(), 2u);
  const std::string& root = pages.at("canje.1");
  EXPECT_NE(root.find(".TH CANJE 1 \"\" \"canje 1.2.3\""), std::string::npos) << root;
  EXPECT_NE(root.find("\\fB\\-\\-db\\fR \\fITEXT\\fR\nStore path."), std::string::npos) << root;
  EXPECT_NE(root.find(".BR canje\\-party (1)\nParties: states and others."), std::string::npos);

  const std::string& page = pages.at("canje-party.1");
  EXPECT_NE(page.find(".SH NAME\ncanje\\-party \\- Parties: states and others\n"),
            std::string::npos)
      << page;
  EXPECT_NE(page.find(".SS \"canje party add\""), std::string::npos) << page;
  EXPECT_NE(page.find("\\fBcanje\\fR \\fBparty\\fR \\fBadd\\fR \\fICODE\\fR [\\fIoptions\\fR]"),
            std::string::npos)
      << page;
  EXPECT_NE(page.find("\\fB\\-\\-kind\\fR \\fITEXT\\fR\nIts kind. One of: state, "
                      "intermediary. Default: state."),
            std::string::npos)
      << page;
  EXPECT_NE(page.find("\\fICODE\\fR\nIts code. Required."), std::string::npos) << page;
  EXPECT_NE(page.find(".nf\ncanje party add VEN \\-\\-name Venezuela\n.fi"), std::string::npos)
      << page;
}

// Every command group of the real command line has its page, and every option of every
// command is in it: the manual cannot fall behind `--help`.
TEST(ManualPagesTest, TheRealCommandLineHasAPagePerGroupWithEveryOption) {
  std::ostringstream out, err;
  CommandContext context(out, err);
  CLI::App app{kCanjeDescription, "canje"};
  DefineCommandLine(app, context);
  CommandReference root = DescribeCommandLine(app);
  auto pages = PagesByName(ManualPages(root, "0.0.0"));
  EXPECT_EQ(pages.size(), root.subcommands.size() + 1);
  EXPECT_EQ(pages.count("canje-reference.1"), 0u) << "the hidden command has no page";
  for (const char* group : {"canje-import.1", "canje-exchange.1", "canje-serve.1", "canje-log.1",
                            "canje-user.1", "canje-version.1"}) {
    EXPECT_EQ(pages.count(group), 1u) << group;
  }
  EXPECT_NE(pages.at("canje.1").find("Exit status: 0 ok, 2 usage, 65 invalid data"),
            std::string::npos);
  EXPECT_NE(pages.at("canje-serve.1").find("KEY = VALUE"), std::string::npos);
  for (const CommandReference& group : root.subcommands) {
    const std::string& page = pages.at("canje-" + group.path[0] + ".1");
    std::vector<const CommandReference*> commands = {&group};
    while (!commands.empty()) {
      const CommandReference* command = commands.back();
      commands.pop_back();
      EXPECT_NE(page.find(RoffText(command->description)), std::string::npos)
          << command->FullName();
      for (const OptionReference& option : command->options) {
        EXPECT_NE(page.find("\\fB" + RoffText(option.names.back()) + "\\fR"), std::string::npos)
            << command->FullName() << " " << option.names.back();
        EXPECT_NE(page.find(RoffText(option.description)), std::string::npos)
            << command->FullName() << " " << option.names.back();
      }
      for (const CommandReference& sub : command->subcommands) commands.push_back(&sub);
    }
  }
}

}  // namespace
}  // namespace canje::cli
