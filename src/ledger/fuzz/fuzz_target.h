// A fuzz target: LLVMFuzzerTestOneInput (libFuzzer's entry point, so the same file builds with
// clang -fsanitize=fuzzer) plus seed inputs. fuzz_driver.cc runs a target without libFuzzer:
// it mutates the seeds at random for CANJE_FUZZ_SECONDS (default 2) under the sanitizers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

// Well-formed inputs to start from.
std::vector<std::string> FuzzSeeds();
