// Runs a fuzz target (fuzz_target.h) on random mutations of its seeds for a few seconds. Not
// coverage-guided: the sanitizer build catches crashes, leaks and undefined behaviour on the
// inputs it tries; `make test-full` runs it longer. Prints the input on a crash via the
// sanitizer report (the last input is also written to fuzz-last-input).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>

#include "ledger/fuzz/fuzz_target.h"

namespace {

std::string Mutate(const std::vector<std::string>& seeds, std::mt19937_64& random) {
  std::string input = seeds[random() % seeds.size()];
  int mutations = 1 + static_cast<int>(random() % 8);
  for (int i = 0; i < mutations; ++i) {
    size_t at = input.empty() ? 0 : random() % (input.size() + 1);
    switch (random() % 7) {
      case 0:  // flip a bit
        if (!input.empty()) input[at % input.size()] ^= static_cast<char>(1 << (random() % 8));
        break;
      case 1:  // insert a random byte
        input.insert(input.begin() + at, static_cast<char>(random()));
        break;
      case 2:  // delete a run
        if (!input.empty()) input.erase(at % input.size(), 1 + random() % 16);
        break;
      case 3:  // insert an interesting character
        input.insert(at, std::string(1, "\n\r\t \xe2\x80\x94+=/0-9\x00\xff"[random() % 16]));
        break;
      case 4:  // truncate
        input.resize(at);
        break;
      case 5: {  // splice in part of another seed
        const std::string& other = seeds[random() % seeds.size()];
        size_t from = other.empty() ? 0 : random() % other.size();
        input.insert(at, other.substr(from, 1 + random() % 64));
        break;
      }
      default:  // duplicate a run
        if (!input.empty()) input.insert(at, input.substr(at % input.size(), 1 + random() % 32));
    }
  }
  return input;
}

}  // namespace

int main() {
  double seconds = 2;
  if (const char* env = std::getenv("CANJE_FUZZ_SECONDS")) seconds = std::atof(env);
  std::vector<std::string> seeds = FuzzSeeds();
  for (const std::string& seed : seeds) {
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(seed.data()), seed.size());
  }
  std::mt19937_64 random(std::random_device{}());
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  long runs = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    for (int i = 0; i < 256; ++i, ++runs) {
      std::string input = Mutate(seeds, random);
      LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
    }
  }
  std::printf("%ld inputs, no crash\n", runs);
  return 0;
}
