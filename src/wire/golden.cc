#include "wire/golden.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

namespace canje::wire {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string GoldenPath(const std::string& shape) {
  return std::string(CANJE_SOURCE_DIR) + "/src/wire/testdata/" + shape + ".json";
}

}  // namespace

std::string LineDiff(const std::string& expected, const std::string& actual) {
  const std::vector<std::string> a = Lines(expected);
  const std::vector<std::string> b = Lines(actual);
  // Longest common subsequence, then walk it to a list of kept, removed and added lines.
  std::vector<std::vector<int>> common(a.size() + 1, std::vector<int>(b.size() + 1, 0));
  for (size_t i = a.size(); i-- > 0;) {
    for (size_t j = b.size(); j-- > 0;) {
      common[i][j] = a[i] == b[j] ? common[i + 1][j + 1] + 1
                                  : std::max(common[i + 1][j], common[i][j + 1]);
    }
  }
  std::vector<std::pair<char, std::string>> steps;
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      steps.emplace_back(' ', a[i++]);
      ++j;
    } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
      steps.emplace_back('-', a[i++]);
    } else {
      steps.emplace_back('+', b[j++]);
    }
  }
  constexpr size_t kContext = 2;
  std::string out;
  size_t last_printed = 0;
  bool printed_any = false;
  for (size_t k = 0; k < steps.size(); ++k) {
    bool near_change = false;
    for (size_t m = k >= kContext ? k - kContext : 0; m < std::min(steps.size(), k + kContext + 1);
         ++m) {
      near_change = near_change || steps[m].first != ' ';
    }
    if (!near_change) continue;
    if (printed_any && k > last_printed + 1) out += "  ...\n";
    out += steps[k].first;
    out += ' ';
    out += steps[k].second;
    out += '\n';
    last_printed = k;
    printed_any = true;
  }
  return out;
}

::testing::AssertionResult MatchesGolden(const nlohmann::json& mapped, const std::string& shape) {
  const std::string path = GoldenPath(shape);
  const std::string actual = mapped.dump(2) + "\n";
  const char* update = std::getenv("CANJE_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    return ::testing::AssertionSuccess() << "wrote " << path;
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return ::testing::AssertionFailure()
           << "no expected file " << path << " for shape '" << shape
           << "' (CANJE_UPDATE_GOLDEN=1 writes it); the mapping gives:\n"
           << actual;
  }
  std::stringstream expected;
  expected << file.rdbuf();
  if (expected.str() == actual) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "shape '" << shape << "' differs from " << path << " (- expected, + mapped):\n"
         << LineDiff(expected.str(), actual);
}

}  // namespace canje::wire
