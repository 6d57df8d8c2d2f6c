#include "cli/secret_input.h"

#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

namespace canje::cli {

Result<std::string> ReadSecret(const std::string& file, const char* env, std::string_view what,
                               std::string_view file_flag, bool confirm) {
  if (!file.empty()) {
    std::ifstream in(file);
    if (!in) return Status::NotFound("cannot read the " + std::string(what) + " file " + file);
    std::string secret;
    std::getline(in, secret);
    return secret;
  }
  if (const char* value = std::getenv(env); value != nullptr) return std::string(value);
  if (!isatty(STDIN_FILENO)) {
    return Status::Usage("give the " + std::string(what) + " with " + std::string(file_flag) +
                         " FILE or " + env);
  }
  auto ask = [](const std::string& prompt) {
    std::cerr << prompt << std::flush;
    termios old_mode{};
    tcgetattr(STDIN_FILENO, &old_mode);
    termios quiet = old_mode;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    std::string line;
    std::getline(std::cin, line);
    tcsetattr(STDIN_FILENO, TCSANOW, &old_mode);
    std::cerr << '\n';
    return line;
  };
  std::string name(what);
  if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  std::string secret = ask(name + ": ");
  if (confirm && ask("Again: ") != secret) return Status::Usage("the two entries differ");
  return secret;
}

}  // namespace canje::cli
