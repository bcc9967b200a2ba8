// Password input for the CLI.
#include "cli/passwords.h"

#include <termios.h>
#include <unistd.h>

#include <fstream>
#include <iostream>

namespace ordo::cli {

Result<std::string> ReadPassword(const std::string& file, const std::string& prompt) {
  std::string password;
  if (!file.empty()) {
    std::ifstream in(file);
    if (!in) return Error::Invalid("password-file", "cannot read password file '" + file + "'");
    std::getline(in, password);
  } else {
    if (!isatty(STDIN_FILENO))
      return Error::Invalid("password-file",
                            "no terminal to prompt on; pass the password with a password file");
    std::cerr << prompt << std::flush;
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    std::getline(std::cin, password);
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << "\n";
  }
  while (!password.empty() && (password.back() == '\r' || password.back() == '\n'))
    password.pop_back();
  if (password.empty()) return Error::Invalid("password", "the password is empty");
  return password;
}

}  // namespace ordo::cli
