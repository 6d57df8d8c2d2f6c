// Fuzz target: checkpoint bodies (ParseCheckpoint).
#include <string_view>

#include "ledger/checkpoint.h"
#include "fuzz/fuzz_target.h"

std::vector<std::string> FuzzSeeds() {
  return {"example.org/log\n21\nmkADkrQo+dkrFdN2BjGTk1/m9nuNRyaLas7M/Mfcb1I=\n",
          "o\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\next\n"};
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto parsed =
      canje::ledger::ParseCheckpoint(std::string_view(reinterpret_cast<const char*>(data), size));
  if (parsed.ok()) (void)canje::ledger::FormatCheckpoint(*parsed);
  return 0;
}
