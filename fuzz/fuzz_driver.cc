// Runs a fuzz target (fuzz_target.h): its seeds, the files of its seed folder, then random
// mutations of all of them for a few seconds. Not coverage-guided: the sanitizer build catches
// crashes, leaks and undefined behaviour on the inputs it tries; `make test-full` runs it longer.
// An input the process dies on is written to fuzz-last-input-TARGET in the working folder (add
// it to the seed folder once the fault is fixed).
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <filesystem>
#include <iterator>
#include <random>
#include <string_view>

#include "fuzz/fuzz_target.h"

#if defined(__SANITIZE_ADDRESS__) && __has_include(<sanitizer/common_interface_defs.h>)
#include <sanitizer/common_interface_defs.h>
#define CANJE_FUZZ_HAS_SANITIZER 1
#else
#define CANJE_FUZZ_HAS_SANITIZER 0
#endif

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

// The input being run, written to fuzz-last-input-TARGET only when the process dies on it (a signal,
// a sanitizer's report, a failed FuzzCheck): writing every input would slow the run tenfold.
const std::string* current_input = nullptr;

void SaveCurrentInput() {
  if (current_input == nullptr) return;
  int fd = open("fuzz-last-input-" CANJE_FUZZ_TARGET, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return;
  ssize_t ignored = write(fd, current_input->data(), current_input->size());
  (void)ignored;
  close(fd);
}

void OnFatalSignal(int signal) {
  SaveCurrentInput();  // open, write and close are async-signal-safe
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

void Run(const std::string& input) {
  current_input = &input;
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
  current_input = nullptr;
}

// The files of fuzz/seeds/<target>/: inputs that once crashed canje, kept as regression seeds.
std::vector<std::string> SeedFiles() {
  std::vector<std::string> inputs;
  const std::filesystem::path folder =
      std::filesystem::path(CANJE_FUZZ_SEED_DIR) / CANJE_FUZZ_TARGET;
  std::error_code error;
  if (!std::filesystem::is_directory(folder, error)) return inputs;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    std::ifstream in(entry.path(), std::ios::binary);
    inputs.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return inputs;
}

}  // namespace

std::vector<std::string> SourceFiles(std::string_view folder, std::string_view suffix) {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(CANJE_SOURCE_DIR) / folder)) {
    if (entry.path().string().ends_with(suffix)) paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> contents;
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    contents.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return contents;
}

void FuzzCheck(bool holds, std::string_view what) {
  if (holds) return;
  SaveCurrentInput();
  std::fprintf(stderr, "fuzz property failed: %.*s (the input is in fuzz-last-input-%s)\n",
               static_cast<int>(what.size()), what.data(), CANJE_FUZZ_TARGET);
  std::abort();
}

int main() {
  for (int signal : {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL}) std::signal(signal, OnFatalSignal);
#if CANJE_FUZZ_HAS_SANITIZER
  __sanitizer_set_death_callback(SaveCurrentInput);
#endif
  double seconds = 2;
  if (const char* env = std::getenv("CANJE_FUZZ_SECONDS")) seconds = std::atof(env);
  std::vector<std::string> seeds = FuzzSeeds();
  std::vector<std::string> files = SeedFiles();
  seeds.insert(seeds.end(), files.begin(), files.end());
  for (const std::string& seed : seeds) Run(seed);
  std::mt19937_64 random(std::random_device{}());
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  long runs = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    for (int i = 0; i < 256; ++i, ++runs) {
      Run(Mutate(seeds, random));
    }
  }
  std::printf("%s: %zu seeds (%zu from files) and %ld mutations, no crash\n", CANJE_FUZZ_TARGET,
              seeds.size(), files.size(), runs);
  return 0;
}
