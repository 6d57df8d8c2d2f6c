// Running the real `canje` binary from tests: each test gets a fresh folder, and Run() spawns
// the command there with CANJE_DB / CANJE_MASTER_KEY_FILE pointing into it, capturing stdout,
// stderr and the exit status.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace canje::cli::testing {

struct RunResult {
  int exit_status = -1;  // the process's exit status; 128+N when killed by signal N
  std::string out;
  std::string err;
};

class CanjeRunner {
 public:
  CanjeRunner();   // makes a fresh temporary folder
  ~CanjeRunner();  // removes it

  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path Path(const std::string& name) const { return dir_ / name; }
  // Runs `canje args...` in dir() with the store at dir()/canje.db.
  RunResult Run(const std::vector<std::string>& args,
                const std::vector<std::string>& extra_env = {}) const;
  // Runs `canje init` and fails the test if it does not succeed.
  void Init() const;
  void WriteFile(const std::string& name, const std::string& content) const;
  std::string ReadFile(const std::string& name) const;

 private:
  std::filesystem::path dir_;
};

// Runs any program (argv[0] looked up in PATH) and captures its outputs.
RunResult RunProgram(const std::vector<std::string>& argv, const std::filesystem::path& cwd,
                     const std::vector<std::string>& env);

}  // namespace canje::cli::testing
