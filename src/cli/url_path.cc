// URL path segments for the CLI's requests (url_path.h).
#include "cli/url_path.h"

#include <cctype>
#include <cstdio>

namespace ordo::cli {

std::string PathSegment(const std::string& id) {
  std::string escaped;
  for (unsigned char ch : id) {
    if (std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.' || ch == ':') {
      escaped += static_cast<char>(ch);
    } else {
      char buffer[4];
      std::snprintf(buffer, sizeof buffer, "%%%02X", ch);
      escaped += buffer;
    }
  }
  return escaped;
}

}  // namespace ordo::cli
