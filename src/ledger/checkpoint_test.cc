#include "ledger/checkpoint.h"

#include <gtest/gtest.h>

#include "core/testing/text_cases.h"

namespace canje::ledger {
namespace {

// The example of C2SP tlog-checkpoint.
constexpr std::string_view kSpecExample =
    "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
constexpr std::string_view kRoot = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";

TEST(CheckpointTest, ParsesTheSpecExampleAndWritesItBack) {
  Result<Checkpoint> checkpoint = ParseCheckpoint(kSpecExample);
  ASSERT_TRUE(checkpoint.ok()) << checkpoint.status().ToString();
  EXPECT_EQ(checkpoint->origin, "example.com/behind-the-sofa");
  EXPECT_EQ(checkpoint->size, 20852163);
  EXPECT_EQ(Base64Encode(checkpoint->root), kRoot);
  EXPECT_TRUE(checkpoint->extensions.empty());
  EXPECT_EQ(*FormatCheckpoint(*checkpoint), kSpecExample);
}

TEST(CheckpointTest, KeepsExtensionLinesAndTheEmptyTree) {
  const std::string text =
      "canje.example/demo\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n"
      "ext one\n\xC3\xB1\n";
  Result<Checkpoint> checkpoint = ParseCheckpoint(text);
  ASSERT_TRUE(checkpoint.ok()) << checkpoint.status().ToString();
  EXPECT_EQ(checkpoint->size, 0);
  EXPECT_EQ(checkpoint->root, EmptyTreeHash());
  EXPECT_EQ(checkpoint->extensions, (std::vector<std::string>{"ext one", "\xC3\xB1"}));
  EXPECT_EQ(*FormatCheckpoint(*checkpoint), text);
}

TEST(CheckpointTest, RefusesMalformedCheckpointsWithTheLine) {
  auto with = [](std::string_view origin, std::string_view size, std::string_view root,
                 std::string_view rest = "") {
    return std::string(origin) + "\n" + std::string(size) + "\n" + std::string(root) + "\n" +
           std::string(rest);
  };
  table_testing::ExpectEachRefusedAsInvalid(
      ParseCheckpoint,
      {
          {"", "does not end in a newline"},
          {std::string(kSpecExample.substr(0, kSpecExample.size() - 1)),
           "does not end in a newline"},
          {"example.com/log\n5\n", "it needs at least three"},
          {with("", "5", kRoot), "line 1 (the origin) is empty"},
          {with("tab\there", "5", kRoot), "line 1 (the origin) contains a control character"},
          {with("\xC0\xAF", "5", kRoot), "line 1 (the origin) is not valid UTF-8"},
          {with("o", "05", kRoot), "line 2 (the tree size) '05'"},
          {with("o", "-1", kRoot), "line 2"},
          {with("o", "+5", kRoot), "line 2"},
          {with("o", " 5", kRoot), "line 2"},
          {with("o", "5 ", kRoot), "line 2"},
          {with("o", "", kRoot), "line 2"},
          {with("o", "0x10", kRoot), "line 2"},
          {with("o", "4611686018427387905", kRoot), "line 2"},  // 2^62 + 1
          {with("o", "99999999999999999999", kRoot), "line 2"},
          {with("o", "5", "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I"),
           "line 3 (the root hash) is not"},
          {with("o", "5", "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J="),
           "line 3 (the root hash) is not"},
          {with("o", "5", "V3JvbmdSb290"), "is 9 bytes"},
          {with("o", "5", kRoot, "\n"), "line 4 (an extension) is empty"},
          {with("o", "5", kRoot, "ok\n\nlater\n"), "line 5 (an extension) is empty"},
          {with("o", "5", kRoot, "bell\a\n"), "line 4 (an extension) contains a control character"},
      });
  EXPECT_TRUE(ParseCheckpoint(with("o", "4611686018427387904", kRoot)).ok());  // 2^62
}

TEST(CheckpointTest, FormatRefusesWhatCouldNotBeParsedBack) {
  Checkpoint checkpoint{"canje.example/demo", 3, EmptyTreeHash(), {}};
  EXPECT_TRUE(FormatCheckpoint(checkpoint).ok());
  checkpoint.origin = "two\nlines";
  EXPECT_FALSE(FormatCheckpoint(checkpoint).ok());
  checkpoint.origin = "canje.example/demo";
  checkpoint.extensions = {""};
  EXPECT_FALSE(FormatCheckpoint(checkpoint).ok());
  checkpoint.extensions = {};
  checkpoint.size = -1;
  EXPECT_FALSE(FormatCheckpoint(checkpoint).ok());
}

}  // namespace
}  // namespace canje::ledger
