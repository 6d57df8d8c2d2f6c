#include "ledger/canonical_json.h"

#include <gtest/gtest.h>

namespace canje::ledger {
namespace {

std::string MustCanonicalize(const CanonicalObject& object) {
  Result<std::string> json = CanonicalJson(object);
  EXPECT_TRUE(json.ok()) << json.status().ToString();
  return json.ok() ? *json : "";
}

// RFC 8785 section 3.2.3: members sorted by UTF-16 code units. The emoji (surrogate pair
// D83D DE00) sorts before U+FB33 although its code point is larger.
TEST(CanonicalJsonTest, SortsMembersLikeRfc8785Section323) {
  CanonicalObject object = {
      {"\xE2\x82\xAC", std::string("Euro Sign")},
      {"\r", std::string("Carriage Return")},
      {"\xEF\xAC\xB3", std::string("Hebrew Letter Dalet With Dagesh")},
      {"1", std::string("One")},
      {"\xF0\x9F\x98\x80", std::string("Emoji: Grinning Face")},
      {"\xC2\x80", std::string("Control")},
      {"\xC3\xB6", std::string("Latin Small Letter O With Diaeresis")},
  };
  EXPECT_EQ(MustCanonicalize(object),
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\xC2\x80\":\"Control\","
            "\"\xC3\xB6\":\"Latin Small Letter O With Diaeresis\",\"\xE2\x82\xAC\":\"Euro Sign\","
            "\"\xF0\x9F\x98\x80\":\"Emoji: Grinning Face\","
            "\"\xEF\xAC\xB3\":\"Hebrew Letter Dalet With Dagesh\"}");
}

// RFC 8785 section 3.2.2's "string" member: "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/"
// must serialise as "€$\u000f\nA'B\"\\\\\"/".
TEST(CanonicalJsonTest, EscapesStringsLikeRfc8785Section322) {
  const std::string parsed = "\xE2\x82\xAC$\x0F\nA'B\"\\\\\"/";
  EXPECT_EQ(MustCanonicalize({{"string", parsed}}),
            "{\"string\":\"\xE2\x82\xAC$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
}

TEST(CanonicalJsonTest, EscapesEveryControlCharacterAndNothingElse) {
  std::string all;
  for (int c = 0; c < 0x80; ++c) all.push_back(static_cast<char>(c));
  const std::string json = MustCanonicalize({{"s", all}});
  std::string expected = "{\"s\":\"";
  const char* named[] = {
      "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
      "\\b",     "\\t",     "\\n",     "\\u000b", "\\f",     "\\r",     "\\u000e", "\\u000f",
      "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
      "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f"};
  for (const char* escape : named) expected += escape;
  for (int c = 0x20; c < 0x80; ++c) {
    if (c == '"') {
      expected += "\\\"";
    } else if (c == '\\') {
      expected += "\\\\";
    } else {
      expected.push_back(static_cast<char>(c));  // '/' and DEL stay as they are
    }
  }
  expected += "\"}";
  EXPECT_EQ(json, expected);
}

// RFC 8785 Appendix B: integers up to 2^53 in magnitude serialise as plain decimals.
TEST(CanonicalJsonTest, WritesIntegersLikeRfc8785AppendixB) {
  EXPECT_EQ(MustCanonicalize({{"n", int64_t{0}}}), "{\"n\":0}");
  EXPECT_EQ(MustCanonicalize({{"n", int64_t{9007199254740992}}}), "{\"n\":9007199254740992}");
  EXPECT_EQ(MustCanonicalize({{"n", int64_t{-9007199254740992}}}), "{\"n\":-9007199254740992}");
  EXPECT_EQ(MustCanonicalize({{"n", int64_t{-17}}}), "{\"n\":-17}");
}

TEST(CanonicalJsonTest, RefusesIntegersBeyondTwoToThe53) {
  for (int64_t n : {kMaxCanonicalInteger + 1, -kMaxCanonicalInteger - 1, INT64_MAX, INT64_MIN}) {
    Result<std::string> json = CanonicalJson({{"sequence", n}});
    ASSERT_FALSE(json.ok()) << n;
    EXPECT_EQ(json.status().code(), StatusCode::kInvalid);
    EXPECT_NE(json.status().message().find("\"sequence\""), std::string::npos);
  }
}

TEST(CanonicalJsonTest, WritesArraysOfStringsInTheirOrder) {
  CanonicalObject object = {{"subjects", std::vector<std::string>{"p-2", "p-1", "a\"b"}},
                            {"empty", std::vector<std::string>{}},
                            {"a", std::string("")}};
  EXPECT_EQ(MustCanonicalize(object),
            "{\"a\":\"\",\"empty\":[],\"subjects\":[\"p-2\",\"p-1\",\"a\\\"b\"]}");
}

TEST(CanonicalJsonTest, EmptyObject) { EXPECT_EQ(MustCanonicalize({}), "{}"); }

TEST(CanonicalJsonTest, RefusesDuplicateNames) {
  Result<std::string> json =
      CanonicalJson({{"actor", std::string("a")}, {"actor", std::string("b")}});
  ASSERT_FALSE(json.ok());
  EXPECT_NE(json.status().message().find("\"actor\" appears twice"), std::string::npos);
}

TEST(CanonicalJsonTest, RefusesInvalidUtf8) {
  const std::string bad[] = {
      "\xC0\xAF",          // overlong '/'
      "\xE0\x80\xAF",      // overlong '/'
      "\xED\xA0\x80",      // encoded surrogate U+D800
      "\xF4\x90\x80\x80",  // above U+10FFFF
      "\xE2\x82",          // truncated
      "\x80",              // lone continuation byte
      "\xFF",
  };
  for (const std::string& text : bad) {
    EXPECT_FALSE(CanonicalJson({{"s", text}}).ok());
    EXPECT_FALSE(CanonicalJson({{text, std::string("v")}}).ok());
    EXPECT_FALSE(CanonicalJson({{"s", std::vector<std::string>{"ok", text}}}).ok());
  }
}

TEST(CanonicalJsonTest, Utf16OrderDiffersFromCodePointOrderAboveTheSurrogates) {
  // U+10000 (code units D800 DC00) sorts before U+FFFD (one code unit FFFD), and a prefix
  // before its extensions.
  CanonicalObject object = {{"\xEF\xBF\xBD", int64_t{1}},
                            {"\xF0\x90\x80\x80", int64_t{2}},
                            {"ab", int64_t{3}},
                            {"a", int64_t{4}}};
  EXPECT_EQ(MustCanonicalize(object),
            "{\"a\":4,\"ab\":3,\"\xF0\x90\x80\x80\":2,\"\xEF\xBF\xBD\":1}");
}

}  // namespace
}  // namespace canje::ledger
