#include "ledger/canonical_json.h"

#include <gtest/gtest.h>

#include <algorithm>

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


// Names are sorted without converting them to UTF-16 (canonical_json.cc compares their UTF-8
// bytes and decodes only the two characters where they first differ). Checked against the order
// of their UTF-16 code units, computed here from the code points they were built from, for names
// mixing ASCII (controls included) with characters on both sides of the surrogate range, sharing
// prefixes, and differing inside a multi-byte character.
std::u16string Utf16Of(const std::u32string& code_points) {
  std::u16string out;
  for (char32_t c : code_points) {
    if (c < 0x10000) {
      out.push_back(static_cast<char16_t>(c));
    } else {
      out.push_back(static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF)));
    }
  }
  return out;
}

TEST(CanonicalJsonTest, SortsNamesByUtf16CodeUnitsWithoutConvertingThem) {
  // Characters where the orders differ or the encodings change length, and ASCII around them,
  // each with its UTF-8 bytes written out.
  struct Letter {
    char32_t code_point;
    std::string utf8;
  };
  const std::vector<Letter> alphabet = {
      {0x00, std::string(1, '\0')}, {0x01, "\x01"},  {0x1F, "\x1F"},
      {U' ', " "},                  {U'A', "A"},     {U'a', "a"},
      {0x7F, "\x7F"},               {0x80, "\xC2\x80"}, {0xE9, "\xC3\xA9"},
      {0x7FF, "\xDF\xBF"},          {0x800, "\xE0\xA0\x80"}, {0x20AC, "\xE2\x82\xAC"},
      {0xD7FF, "\xED\x9F\xBF"},     {0xE000, "\xEE\x80\x80"}, {0xFB33, "\xEF\xAC\xB3"},
      {0xFFFD, "\xEF\xBF\xBD"},     {0xFFFF, "\xEF\xBF\xBF"}, {0x10000, "\xF0\x90\x80\x80"},
      {0x1F600, "\xF0\x9F\x98\x80"}, {0x1F601, "\xF0\x9F\x98\x81"},
      {0x10FFFF, "\xF4\x8F\xBF\xBF"}};
  uint64_t state = 88172645463325252ULL;  // xorshift: the same names on every run
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  for (int round = 0; round < 200; ++round) {
    std::vector<std::u32string> names;  // code points
    std::vector<std::string> utf8;      // the same names in UTF-8
    const Letter& repeated = alphabet[next() % alphabet.size()];
    const size_t prefix = next() % 3;
    for (int n = 0; n < 12; ++n) {
      std::u32string name(prefix, repeated.code_point);
      std::string bytes;
      for (size_t k = 0; k < prefix; ++k) bytes += repeated.utf8;
      const size_t length = next() % 4;
      for (size_t k = 0; k < length; ++k) {
        const Letter& letter = alphabet[next() % alphabet.size()];
        name.push_back(letter.code_point);
        bytes += letter.utf8;
      }
      if (std::find(names.begin(), names.end(), name) != names.end()) continue;
      names.push_back(name);
      utf8.push_back(bytes);
    }
    CanonicalObject object;
    for (size_t i = 0; i < names.size(); ++i) {
      object.push_back({utf8[i], static_cast<int64_t>(i)});
    }
    std::vector<size_t> order(names.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](size_t x, size_t y) { return Utf16Of(names[x]) < Utf16Of(names[y]); });
    std::vector<std::string> sorted_members;
    for (size_t i : order) {
      sorted_members.push_back(MustCanonicalize({{utf8[i], static_cast<int64_t>(i)}}));
    }
    std::string expected = "{";
    for (size_t i = 0; i < sorted_members.size(); ++i) {
      if (i > 0) expected += ",";
      expected += sorted_members[i].substr(1, sorted_members[i].size() - 2);
    }
    expected += "}";
    ASSERT_EQ(MustCanonicalize(object), expected) << "round " << round;
  }
}

TEST(CanonicalJsonTest, AsciiNamesWithControlCharactersSortByTheirCodes) {
  // "\u0001" < "\u001f" < " " < "a" < "a\u0000"... : bytes below 0x20 sort first and are escaped.
  CanonicalObject object = {{"a\x01", int64_t{5}}, {" ", int64_t{3}},  {"\x1f", int64_t{2}},
                            {"a", int64_t{4}},     {"\x01", int64_t{1}}, {"a\x7f", int64_t{6}},
                            {"a\xC3\xA9", int64_t{7}}};
  EXPECT_EQ(MustCanonicalize(object),
            "{\"\\u0001\":1,\"\\u001f\":2,\" \":3,\"a\":4,\"a\\u0001\":5,\"a\x7f\":6,"
            "\"a\xC3\xA9\":7}");
}

TEST(CanonicalJsonTest, SurrogatePairsSortBeforeTheLastBmpCharactersEvenAfterACommonPrefix) {
  // Same prefix, then U+E000 / U+FFFF (one unit each, E000 and FFFF) against U+1F600 / U+10000
  // (high surrogates D83D and D800): the pairs first. Then two emoji that differ only in their
  // last byte (their low surrogates), and two BMP characters that differ in their middle byte.
  CanonicalObject object = {{"k\xEE\x80\x80", int64_t{1}},     {"k\xEF\xBF\xBF", int64_t{2}},
                            {"k\xF0\x9F\x98\x80", int64_t{3}}, {"k\xF0\x90\x80\x80", int64_t{4}},
                            {"k\xF0\x9F\x98\x81", int64_t{5}}, {"k\xEF\xAC\xB3", int64_t{6}}};
  EXPECT_EQ(MustCanonicalize(object),
            "{\"k\xF0\x90\x80\x80\":4,\"k\xF0\x9F\x98\x80\":3,\"k\xF0\x9F\x98\x81\":5,"
            "\"k\xEE\x80\x80\":1,\"k\xEF\xAC\xB3\":6,\"k\xEF\xBF\xBF\":2}");
}

TEST(CanonicalJsonTest, NamesThatDifferOnlyInAMultiByteCharacterAreNotDuplicates) {
  EXPECT_EQ(MustCanonicalize({{"\xC3\xA9", int64_t{1}}, {"\xC3\xA8", int64_t{2}}}),
            "{\"\xC3\xA8\":2,\"\xC3\xA9\":1}");
  Result<std::string> twice =
      CanonicalJson({{"\xF0\x9F\x98\x80", int64_t{1}}, {"\xF0\x9F\x98\x80", int64_t{2}}});
  EXPECT_FALSE(twice.ok());
}

}  // namespace
}  // namespace canje::ledger
