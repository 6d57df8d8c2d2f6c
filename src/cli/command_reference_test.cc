#include "cli/command_reference.h"

#include <gtest/gtest.h>

namespace canje::cli {
namespace {

TEST(CommandReferenceTest, DescribesCommandsOptionsValuesAndChecksButNotHiddenOnes) {
  CLI::App app{"The tool", "canje"};
  std::string db, kind, code;
  int threads = 4;
  bool json = false;
  app.add_option("--db", db, "Store");
  app.add_flag("--json", json, "JSON");
  auto* party = app.add_subcommand("party", "Parties");
  party->footer("Party codes are upper case.");
  party->require_subcommand(1);
  auto* add = party->add_subcommand("add", "Add a party");
  add->add_option("CODE", code, "Its code")->type_name(kPartyValue)->required();
  add->add_option("--kind", kind, "Its kind")
      ->capture_default_str()
      ->check(CLI::IsMember({"state", "intermediary"}));
  add->add_option("--threads", threads, "Threads")->check(CLI::Range(1, 64));
  add->add_option("--secret", kind, "Hidden")->group("");
  app.add_subcommand("internal", "Hidden too")->group("");

  CommandReference root = DescribeCommandLine(app);
  EXPECT_EQ(root.FullName(), "canje");
  EXPECT_EQ(root.description, "The tool");
  ASSERT_EQ(root.options.size(), 2u);  // --help is left out
  EXPECT_EQ(root.options[0].names, std::vector<std::string>{"--db"});
  EXPECT_EQ(root.options[0].value_name, "TEXT");
  EXPECT_TRUE(root.options[1].is_flag());
  ASSERT_EQ(root.subcommands.size(), 1u);  // "internal" is hidden

  const CommandReference& party_reference = root.subcommands[0];
  EXPECT_EQ(party_reference.footer, "Party codes are upper case.");
  EXPECT_TRUE(party_reference.requires_subcommand);
  ASSERT_EQ(party_reference.subcommands.size(), 1u);
  const CommandReference& add_reference = party_reference.subcommands[0];
  EXPECT_EQ(add_reference.FullName(), "canje party add");
  ASSERT_EQ(add_reference.positionals.size(), 1u);
  EXPECT_EQ(add_reference.positionals[0].positional_name, "CODE");
  EXPECT_EQ(add_reference.positionals[0].value_name, "PARTY");
  EXPECT_TRUE(add_reference.positionals[0].required);
  ASSERT_EQ(add_reference.options.size(), 2u);  // --secret is hidden
  EXPECT_EQ(add_reference.options[0].value_name, "TEXT");
  EXPECT_EQ(add_reference.options[0].choices, (std::vector<std::string>{"state", "intermediary"}));
  EXPECT_TRUE(add_reference.options[0].constraints.empty());
  EXPECT_EQ(add_reference.options[0].default_value, "");  // captured before the value was set
  EXPECT_EQ(add_reference.options[1].value_name, "INT");
  EXPECT_TRUE(add_reference.options[1].choices.empty());
  ASSERT_EQ(add_reference.options[1].constraints.size(), 1u);
  EXPECT_NE(add_reference.options[1].constraints[0].find("64"), std::string::npos);
}

}  // namespace
}  // namespace canje::cli
