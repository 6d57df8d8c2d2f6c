// A Spanish-aware phonetic key for given names and surnames.
//
// Two spellings get the same key when a Spanish speaker would say them the same way, mainly in
// Latin American pronunciation (seseo, yeísmo) where lists are typed by ear: "Vásquez",
// "Basquez" and "Vazques" all give BASKES. Distinct names keep distinct keys: "Pérez" PERES,
// "Páez" PAES; "Rojas" ROJAS, "Rosas" ROSAS. Vowels are kept (Spanish vowels are pronounced
// clearly, and dropping them would merge names like Mora, Muro and Mera).
//
// Input: a comparison form (normalize.h: lower case, no accents), one name or several words
// separated by spaces. For robustness, upper case and the Spanish accented letters á é í ó ú ü
// ñ ç are accepted too. Output: upper-case ASCII symbols, words separated by one space. Any
// character not covered below (a digit, a letter of another alphabet) is copied unchanged.
//
// Rules, applied left to right within each word ("next" is the following letter):
//   Vowels      a e i o u (and á é í ó ú ü) -> A E I O U.
//   b, v        -> B                                   (Vargas = Bargas)
//   w           -> U                                   (Wilmer = Uilmer; w is "gu/u" in Spanish)
//   c           ch -> C; c before e, i -> S; otherwise -> K
//   s, z        -> S; sh -> C                          (seseo: Sapata = Zapata; sh ~ ch)
//   k           -> K
//   q           -> K; the silent u of "que", "qui" is dropped     (Quintero = Kintero)
//   g           before e, i -> J; "gue", "gui" -> G and the u is dropped (Guevara = Gevara);
//               otherwise -> G                         (Giménez = Jiménez)
//   j           -> J
//   x           first letter of a word -> J (old spelling: Ximénez = Jiménez, Xavier =
//               Javier); elsewhere -> KS               (Maximiliano)
//   h           silent, dropped (Hernández = Ernández) except in the digraphs ch, sh, ph, th;
//               a word starting "hi" + vowel -> Y      (Hierro = Yerro)
//   y           before a vowel -> Y (consonant); otherwise -> I   (Godoy = Godoi, Ybarra = Ibarra)
//   ll          before a vowel -> Y                    (yeísmo: Llepes = Yépez)
//   i           first letter of a word and before a vowel -> Y   (Iolanda = Yolanda)
//   ñ           -> N                                   (the comparison form already has n)
//   n           before b, v, p -> M                    (Sanbrano = Zambrano)
//   ph          -> F; th -> T
//   d           -> D; with PhoneticOptions::drop_final_d, a word-final d is dropped
//               (Caribbean speech: Trinidá = Trinidad). Off by default.
//   others      l m p r t f and digits -> themselves in upper case.
//   Repeats     a symbol equal to the one before it in the same word is not repeated, so doubled
//               letters collapse (Carrasco = Carasco, Saavedra = Savedra, Acción = AKSION).
//
// Known limits: no rule for "güe"/"hue" (= "we"), for Catalan "ny" (= ñ) or for Nahuatl x (=
// sh); "x" between vowels in Mexican names (México, Oaxaca) keys as KS, not J.
//
// Cost: linear in the input, no allocation beyond the output. Compute once per record
// (prepared_name.h), compare keys per pair.
#pragma once

#include <string>
#include <string_view>

namespace canje::linkage {

struct PhoneticOptions {
  bool drop_final_d = false;  // see "d" above
};

// Appends the key of `text` (code points) to `out`.
void AppendSpanishPhoneticKey(std::u32string_view text, std::u32string& out,
                              PhoneticOptions options = {});

// The key of `utf8` text, as UTF-8 (ASCII for Latin input).
std::string SpanishPhoneticKey(std::string_view utf8, PhoneticOptions options = {});

}  // namespace canje::linkage
