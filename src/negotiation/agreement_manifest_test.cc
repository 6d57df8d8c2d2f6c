#include "negotiation/agreement_manifest.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace canje::negotiation {
namespace {

ManifestInput Example() {
  ManifestInput input;
  input.instance_id = "00112233aabbccdd";
  input.exchange_id = 1;
  input.exchange_name = "cecot-2025";
  input.version_id = 4;
  input.parent_id = 3;
  input.refers_to = 2;
  input.content =
      *NamedContent({{40, "VEN", "USA", "USA", true}, {12, "SLV", "VEN", "VEN", false}});
  input.parties = {"VEN", "SLV", "USA"};
  return input;
}

// The bytes are RFC 8785: members sorted, no whitespace, arrays in their stated order.
TEST(AgreementManifestTest, TheExactCanonicalBytes) {
  auto manifest = ManifestJson(Example());
  ASSERT_TRUE(manifest.ok()) << manifest.status().ToString();
  EXPECT_EQ(*manifest,
            R"({"counts":["SLV>VEN=1","VEN>USA=1"],"exchange":"X1","exchange_name":"cecot-2025",)"
            R"("format":"canje-agreement-manifest/1","instance":"00112233aabbccdd","kind":"named",)"
            R"("override":"","parent":"V3","parties":["SLV","USA","VEN"],"refers_to":"V2",)"
            R"("transfers":["P12 SLV>VEN for VEN","P40 VEN>USA for USA unconditional"],)"
            R"("version":"V4"})");
}

TEST(AgreementManifestTest, EveryAgreedFactChangesTheBytes) {
  const std::string base = *ManifestJson(Example());
  ManifestInput moved = Example();
  moved.content.transfers[0].beneficiary = "SLV";
  EXPECT_NE(*ManifestJson(moved), base);
  ManifestInput overridden = Example();
  overridden.override_justification = "seriously wounded";
  EXPECT_NE(*ManifestJson(overridden), base);
  ManifestInput fewer = Example();
  fewer.parties.pop_back();
  EXPECT_NE(*ManifestJson(fewer), base);
  ManifestInput reordered = Example();
  std::reverse(reordered.parties.begin(), reordered.parties.end());
  EXPECT_EQ(*ManifestJson(reordered), base);  // parties are a set
}

TEST(AgreementManifestTest, ACountsVersionHasNoTransfers) {
  ManifestInput input = Example();
  input.content = *CountsContent(*ParseCounts("SLV>VEN=252,VEN>SLV=252"));
  input.refers_to = 0;
  const std::string manifest = *ManifestJson(input);
  EXPECT_NE(manifest.find(R"("kind":"counts")"), std::string::npos);
  EXPECT_NE(manifest.find(R"("transfers":[])"), std::string::npos);
  EXPECT_NE(manifest.find(R"("refers_to":"")"), std::string::npos);
  EXPECT_NE(manifest.find(R"("counts":["SLV>VEN=252","VEN>SLV=252"])"), std::string::npos);
}

}  // namespace
}  // namespace canje::negotiation
