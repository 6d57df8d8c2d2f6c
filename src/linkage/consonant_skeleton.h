// Consonant skeleton: the key on which names written in Arabic script meet their Latin spellings.
//
// Written Arabic omits short vowels, so ICU's Arabic-Latin gives "mhmd" for محمد while lists in
// Latin script write "Mohammed", "Muhammad" or "Mohamad". Comparing the consonants alone lets
// these meet. Input: a comparison form (normalize.h: lower-case ASCII, words separated by
// spaces). Output: lower-case letters without spaces. Rules, in order:
//   1. Within each word, w and y are dropped unless they are the word's first letter: in the
//      transliteration they write the long vowels ū and ī (محمود "mhmwd", Latin "Mahmoud";
//      حسين "hsyn", Latin "Hussein"); at the start of a word they are consonants (Yusuf).
//   2. The vowels a e i o u are dropped.
//   3. A word-final h is dropped: Latin spellings add or omit it after a final vowel ("Fatima",
//      "Fatimah"), and الله ends in h where "Abdulla" does not.
//   4. q becomes k (ق is written q or k: "Qasim", "Kassem").
//   5. The words are joined without spaces and repeated letters collapse, since the doubling
//      sign (shadda) is not written either: "Abd al-Rahman", "Abdelrahman" and عبد الرحمن all
//      give "bdlrhmn".
// Digits and other characters are kept as they are.
//
// This key is coarse on purpose (Hassan and Hussein share "hsn"); it makes a weak comparison
// level, below the phonetic key, and the linkage model learns how much it is worth.
#pragma once

#include <string>
#include <string_view>

namespace canje::linkage {

// Appends the skeleton of `comparison_form` (code points) to `out`. Repeats collapse only within
// what this call appends.
void AppendConsonantSkeleton(std::u32string_view comparison_form, std::u32string& out);

// The skeleton of a UTF-8 comparison form.
std::string ConsonantSkeleton(std::string_view comparison_form);

}  // namespace canje::linkage
