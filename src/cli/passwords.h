// Reading passwords for the CLI: from a file (first line) or a no-echo terminal prompt.
#pragma once

#include <string>

#include "core/result.h"

namespace ordo::cli {

// Reads the first line of `file`, or prompts on the terminal when `file` is empty.
Result<std::string> ReadPassword(const std::string& file, const std::string& prompt);

}  // namespace ordo::cli
