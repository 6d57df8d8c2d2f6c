#include "linkage/consonant_skeleton.h"

#include "linkage/code_points.h"

namespace canje::linkage {

void AppendConsonantSkeleton(std::u32string_view comparison_form, std::u32string& out) {
  const std::size_t start = out.size();
  std::size_t word_start = 0;
  for (std::size_t i = 0; i < comparison_form.size(); ++i) {
    char32_t c = comparison_form[i];
    if (c == U' ') {
      word_start = i + 1;
      continue;
    }
    const bool word_final = i + 1 == comparison_form.size() || comparison_form[i + 1] == U' ';
    if ((c == U'w' || c == U'y') && i != word_start) continue;
    if (c == U'a' || c == U'e' || c == U'i' || c == U'o' || c == U'u') continue;
    if (c == U'h' && word_final && i != word_start) continue;
    if (c == U'q') c = U'k';
    if (out.size() > start && out.back() == c) continue;
    out.push_back(c);
  }
}

std::string ConsonantSkeleton(std::string_view comparison_form) {
  std::u32string skeleton;
  AppendConsonantSkeleton(ToCodePoints(comparison_form), skeleton);
  return ToUtf8(skeleton);
}

}  // namespace canje::linkage
