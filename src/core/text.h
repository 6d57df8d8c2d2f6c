// Small ASCII text helpers every module uses: trimming, lower case, joining, numbers as text.
// They know nothing
// of scripts or accents: names are folded by registry/text_fold.h, and UTF-8 is checked by
// core/utf8.h.
#pragma once

#include <array>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace canje {

// `text` without leading and trailing ASCII white space (space, \t, \n, \v, \f, \r).
std::string_view TrimView(std::string_view text);
std::string Trim(std::string_view text);

// `text` with A-Z turned into a-z; every other byte as it is.
std::string AsciiLower(std::string text);

// The items in order with `separator` between them: Join({"a", "b"}) is "a, b".
std::string Join(const std::vector<std::string>& items, std::string_view separator = ", ");

// The words with a space between each two, as a name is written: JoinWords({"José", "Luis"}) is
// "José Luis". Empty words at the start add no space (JoinWords({"", "Luis"}) is "Luis").
std::string JoinWords(const std::vector<std::string>& words);

// An escaping of text byte by byte: each byte given a replacement is written as that
// replacement, every other byte as it is. Built once (a static table), used for every text:
//   static const ByteEscapes kHtml{{'&', "&amp;"}, {'<', "&lt;"}};
//   kHtml.AppendTo(out, text);  // "a<b" appends "a&lt;b"
class ByteEscapes {
 public:
  ByteEscapes(std::initializer_list<std::pair<char, std::string_view>> replacements);
  void AppendTo(std::string& out, std::string_view text) const;

 private:
  std::array<std::string_view, 256> replacement_{};  // empty: the byte itself
};

// `value` as people read it: six significant digits, no trailing zeros ("%g": 1.5, 0.333333,
// 1e+06).
std::string NumberText(double value);
// `value` with 17 significant digits ("%.17g"), which reads back (strtod) as the same double.
std::string ExactNumberText(double value);

}  // namespace canje
