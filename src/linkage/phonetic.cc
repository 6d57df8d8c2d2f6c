#include "linkage/phonetic.h"

#include "linkage/code_points.h"

namespace canje::linkage {
namespace {

// The accented letters Fold knows, and at the same place what each folds to.
constexpr std::u32string_view kAccented = U"áÁéÉíÍóÓúÚüÜÑçÇ";
constexpr std::u32string_view kFolded = U"aaeeiioouuuuñss";

// Lower case, Spanish accents removed; ñ stays ñ (its own rule); ç is s; anything else unchanged.
char32_t Fold(char32_t c) {
  if (c >= U'A' && c <= U'Z') return c - U'A' + U'a';
  const std::size_t at = kAccented.find(c);
  return at == std::u32string_view::npos ? c : kFolded[at];
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

  // Emits `symbol` (once for a run of the same symbol); returns `consumed`, the letters read.
  std::size_t Emit(char32_t symbol, std::size_t consumed = 1) {
    if (symbol != last_) out_.push_back(symbol);
    last_ = symbol;
    return consumed;
  }

  // A letter that makes a digraph with a following h (ch, sh, ph, th): emits `with_h` and reads
  // both letters when the next is h, else emits `alone` and reads one.
  std::size_t EmitBeforeH(char32_t next, char32_t with_h, char32_t alone) {
    return next == U'h' ? Emit(with_h, 2) : Emit(alone);
  }

  // Emits `symbol` for the letter at i (q or g), and reads the next letter too when it is a
  // silent u (before e or i: que, gui).
  std::size_t EmitSkippingSilentU(std::size_t i, char32_t next, char32_t symbol) {
    return Emit(symbol, next == U'u' && IsFrontVowel(At(i + 2)) ? 2 : 1);
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
      case U'f':
      case U'm':
      case U'r':
        return Emit(c - U'a' + U'A');
      case U'i':
        return Emit(first && IsVowel(next) ? U'Y' : U'I');
      case U'y':
        return Emit(IsVowel(next) ? U'Y' : U'I');
      case U'b':
      case U'v':
        return Emit(U'B');
      case U'w':
        return Emit(U'U');
      case U'c':
        return EmitBeforeH(next, U'C', IsFrontVowel(next) ? U'S' : U'K');
      case U's':
        return EmitBeforeH(next, U'C', U'S');
      case U'z':
        return Emit(U'S');
      case U'k':
        return Emit(U'K');
      case U'q':
        return EmitSkippingSilentU(i, next, U'K');
      case U'g':
        if (IsFrontVowel(next)) return Emit(U'J');
        return EmitSkippingSilentU(i, next, U'G');
      case U'j':
        return Emit(U'J');
      case U'x':
        if (first) return Emit(U'J');
        Emit(U'K');
        return Emit(U'S');
      case U'h':
        if (first && (next == U'i' || next == U'y') && IsVowel(At(i + 2))) return Emit(U'Y', 2);
        return 1;  // silent
      case U'l':
        if (next == U'l' && IsVowel(At(i + 2))) return Emit(U'Y', 2);
        return Emit(U'L');
      case U'ñ':
        return Emit(U'N');
      case U'n':
        return Emit(next == U'b' || next == U'v' || next == U'p' ? U'M' : U'N');
      case U'p':
        return EmitBeforeH(next, U'F', U'P');
      case U't':
        return EmitBeforeH(next, U'T', U'T');
      case U'd':
        if (options_.drop_final_d && i + 1 == word_.size() && i > 0) return 1;
        return Emit(U'D');
      default:
        return Emit(c);
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
