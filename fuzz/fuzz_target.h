// A fuzz target: LLVMFuzzerTestOneInput (libFuzzer's entry point, so the same file builds with
// clang -fsanitize=fuzzer for coverage-guided runs) plus seed inputs. fuzz_driver.cc runs a
// target without libFuzzer: every seed (FuzzSeeds() and the files of fuzz/seeds/<target>/, which
// hold the inputs that once crashed canje), then random mutations of them for
// CANJE_FUZZ_SECONDS (default 2) under the sanitizers.
//
// A target's contract: it must not crash, hang or leak on any input, and it checks the
// properties that hold for every input (a message is valid UTF-8, a refused request gets a
// problem body that is JSON...) by calling FuzzCheck, which aborts — a finding — when one fails.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

// Well-formed inputs to start from.
std::vector<std::string> FuzzSeeds();

// The contents of the files under `folder` (relative to the source tree, e.g. "examples/solver")
// whose names end in `suffix`, sorted by name: example files as seeds.
std::vector<std::string> SourceFiles(std::string_view folder, std::string_view suffix);

// Aborts with `what` on stderr when `holds` is false: a property of the target failed.
void FuzzCheck(bool holds, std::string_view what);
