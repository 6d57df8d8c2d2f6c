#include "linkage/phonetic.h"

#include "linkage/code_points.h"

namespace canje::linkage {
namespace {

// Lower case, Spanish accents removed; ñ stays ñ (its own rule); anything else unchanged.
char32_t Fold(char32_t c) {
  if (c >= U'A' && c <= U'Z') return c - U'A' + U'a';
  switch (c) {
    case U'á':
    case U'Á':
      return U'a';
    case U'é':
    case U'É':
      return U'e';
    case U'í':
    case U'Í':
      return U'i';
    case U'ó':
    case U'Ó':
      return U'o';
    case U'ú':
    case U'Ú':
    case U'ü':
    case U'Ü':
      return U'u';
    case U'Ñ':
      return U'ñ';
    case U'ç':
    case U'Ç':
      return U's';
    default:
      return c;
  }
}

bool IsVowel(char32_t c) { return c == U'a' || c == U'e' || c == U'i' || c == U'o' || c == U'u'; }

bool IsFrontVowel(char32_t c) { return c == U'e' || c == U'i'; }

bool IsSeparator(char32_t c) { return c == U' ' || c == U'\t'; }

// Encodes one word (no separators) into `out`.
class WordEncoder {
 public:
  WordEncoder(std::u32string_view word, std::u32string& out, PhoneticOptions options)
      : word_(word), out_(out), options_(options) {}

  void Encode() {
    std::size_t i = 0;
    while (i < word_.size()) i += EncodeAt(i);
  }

 private:
  // The folded letter at i, or 0 past the end.
  char32_t At(std::size_t i) const { return i < word_.size() ? Fold(word_[i]) : 0; }

  void Emit(char32_t symbol) {
    if (symbol != last_) out_.push_back(symbol);
    last_ = symbol;
  }

  // Emits the symbols for the letter at i; returns how many letters were consumed.
  std::size_t EncodeAt(std::size_t i) {
    const char32_t c = At(i);
    const char32_t next = At(i + 1);
    const bool first = i == 0;
    switch (c) {
      case U'a':
      case U'e':
      case U'o':
      case U'u':
        Emit(c - U'a' + U'A');
        return 1;
      case U'i':
        Emit(first && IsVowel(next) ? U'Y' : U'I');
        return 1;
      case U'y':
        Emit(IsVowel(next) ? U'Y' : U'I');
        return 1;
      case U'b':
      case U'v':
        Emit(U'B');
        return 1;
      case U'w':
        Emit(U'U');
        return 1;
      case U'c':
        if (next == U'h') {
          Emit(U'C');
          return 2;
        }
        Emit(IsFrontVowel(next) ? U'S' : U'K');
        return 1;
      case U's':
        if (next == U'h') {
          Emit(U'C');
          return 2;
        }
        Emit(U'S');
        return 1;
      case U'z':
        Emit(U'S');
        return 1;
      case U'k':
        Emit(U'K');
        return 1;
      case U'q':
        Emit(U'K');
        return next == U'u' && IsFrontVowel(At(i + 2)) ? 2 : 1;
      case U'g':
        if (IsFrontVowel(next)) {
          Emit(U'J');
          return 1;
        }
        Emit(U'G');
        return next == U'u' && IsFrontVowel(At(i + 2)) ? 2 : 1;
      case U'j':
        Emit(U'J');
        return 1;
      case U'x':
        if (first) {
          Emit(U'J');
        } else {
          Emit(U'K');
          Emit(U'S');
        }
        return 1;
      case U'h':
        if (first && (next == U'i' || next == U'y') && IsVowel(At(i + 2))) {
          Emit(U'Y');
          return 2;
        }
        return 1;  // silent
      case U'l':
        if (next == U'l' && IsVowel(At(i + 2))) {
          Emit(U'Y');
          return 2;
        }
        Emit(U'L');
        return 1;
      case U'ñ':
        Emit(U'N');
        return 1;
      case U'n':
        Emit(next == U'b' || next == U'v' || next == U'p' ? U'M' : U'N');
        return 1;
      case U'p':
        if (next == U'h') {
          Emit(U'F');
          return 2;
        }
        Emit(U'P');
        return 1;
      case U't':
        Emit(U'T');
        return next == U'h' ? 2 : 1;
      case U'd':
        if (options_.drop_final_d && i + 1 == word_.size() && i > 0) return 1;
        Emit(U'D');
        return 1;
      case U'f':
      case U'm':
      case U'r':
        Emit(c - U'a' + U'A');
        return 1;
      default:
        Emit(c);
        return 1;
    }
  }

  std::u32string_view word_;
  std::u32string& out_;
  PhoneticOptions options_;
  char32_t last_ = 0;
};

}  // namespace

void AppendSpanishPhoneticKey(std::u32string_view text, std::u32string& out,
                              PhoneticOptions options) {
  const std::size_t start = out.size();
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsSeparator(text[i])) ++i;
    std::size_t end = i;
    while (end < text.size() && !IsSeparator(text[end])) ++end;
    if (end == i) break;
    const std::size_t mark = out.size();
    if (mark > start) out.push_back(U' ');
    const std::size_t word_start = out.size();
    WordEncoder(text.substr(i, end - i), out, options).Encode();
    if (out.size() == word_start) out.resize(mark);  // a silent word ("h") leaves no trace
    i = end;
  }
}

std::string SpanishPhoneticKey(std::string_view utf8, PhoneticOptions options) {
  std::u32string key;
  AppendSpanishPhoneticKey(ToCodePoints(utf8), key, options);
  return ToUtf8(key);
}

}  // namespace canje::linkage
