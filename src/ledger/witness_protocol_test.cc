#include "ledger/witness_protocol.h"

#include <gtest/gtest.h>

#include "ledger/proof_text.h"

namespace canje::ledger {
namespace {

// The specification's example request, signatures shortened to what the parser sees.
constexpr std::string_view kExample =
    "old 20852014\n"
    "PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=\n"
    "jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=\n"
    "\n"
    "example.com/behind-the-sofa\n"
    "20852163\n"
    "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"
    "\n"
    "\xE2\x80\x94 example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeO\n";

TEST(WitnessProtocolTest, ParsesTheSpecificationsExampleAndWritesItBack) {
  Result<AddCheckpointRequest> request = ParseAddCheckpointRequest(kExample);
  ASSERT_TRUE(request.ok()) << request.status().message();
  EXPECT_EQ(request->old_size, 20852014);
  ASSERT_EQ(request->proof.size(), 2u);
  EXPECT_EQ(Base64Encode(request->proof[1]), "jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=");
  EXPECT_EQ(request->checkpoint_note.substr(0, 28), "example.com/behind-the-sofa\n");
  EXPECT_EQ(FormatAddCheckpointRequest(*request), kExample);
}

TEST(WitnessProtocolTest, AnEmptyProofIsABlankLineRightAfterOld) {
  AddCheckpointRequest request{0, {}, "origin\n1\nroot\n\n— sig\n"};
  std::string body = FormatAddCheckpointRequest(request);
  EXPECT_EQ(body.substr(0, 8), "old 0\n\no");
  Result<AddCheckpointRequest> parsed = ParseAddCheckpointRequest(body);
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->old_size, 0);
  EXPECT_TRUE(parsed->proof.empty());
  EXPECT_EQ(parsed->checkpoint_note, request.checkpoint_note);
}

TEST(WitnessProtocolTest, MalformedBodiesAreUsageErrorsSayingWhere) {
  const std::string hash = "PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=\n";
  std::string too_long = "old 1\n";
  for (int i = 0; i < 64; ++i) too_long += hash;
  too_long += "\ncheckpoint\n";
  for (const auto& [body, says] : std::vector<std::pair<std::string, std::string>>{
           {"", "line 1"},
           {"old 01\n\nx\n", "line 1"},
           {"old -1\n\nx\n", "line 1"},
           {"new 1\n\nx\n", "line 1"},
           {"old 1\n" + hash + "x\n", "no empty line"},
           {"old 1\nnot base64\n\nx\n", "proof line 1"},
           {"old 1\n" + hash + "\n", "no checkpoint"},
           {too_long, "at most 63"},
       }) {
    Result<AddCheckpointRequest> parsed = ParseAddCheckpointRequest(body);
    ASSERT_FALSE(parsed.ok()) << body;
    EXPECT_EQ(parsed.status().code(), StatusCode::kUsage);
    EXPECT_NE(parsed.status().message().find(says), std::string::npos) << parsed.status().message();
  }
}

TEST(WitnessProtocolTest, SizeAnswersAndCosignatureLines) {
  EXPECT_EQ(FormatTreeSizeBody(42), "42\n");
  EXPECT_EQ(*ParseTreeSizeBody("42\n"), 42);
  EXPECT_FALSE(ParseTreeSizeBody("42").ok());
  EXPECT_FALSE(ParseTreeSizeBody("042\n").ok());
  Result<std::vector<std::string>> lines =
      SplitCosignatureLines("\xE2\x80\x94 w1 AAAA\n\xE2\x80\x94 w2 BBBB\n");
  ASSERT_TRUE(lines.ok());
  EXPECT_EQ(lines->size(), 2u);
  EXPECT_EQ((*lines)[1], "\xE2\x80\x94 w2 BBBB\n");
  EXPECT_FALSE(SplitCosignatureLines("").ok());
  EXPECT_FALSE(SplitCosignatureLines("hello\n").ok());
  EXPECT_FALSE(SplitCosignatureLines("\xE2\x80\x94 w1 AAAA").ok());
}

}  // namespace
}  // namespace canje::ledger
