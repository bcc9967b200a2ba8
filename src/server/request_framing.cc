// Request framing checks (RFC 9112 section 6).
#include "server/request_framing.h"

#include <cctype>

namespace ordo::server {

std::string FramingProblem(const std::vector<std::string_view>& transfer_encodings,
                           bool has_content_length) {
  if (transfer_encodings.empty()) return "";
  if (has_content_length)
    return "Transfer-Encoding and Content-Length together are refused (RFC 9112 6.3)";
  std::vector<std::string> codings;
  for (std::string_view value : transfer_encodings) {
    std::string coding;
    for (std::size_t i = 0; i <= value.size(); ++i) {
      if (i == value.size() || value[i] == ',') {
        codings.push_back(coding);
        coding.clear();
      } else if (value[i] != ' ' && value[i] != '\t') {
        coding.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(value[i]))));
      }
    }
  }
  if (codings.size() == 1 && codings[0] == "chunked") return "";
  return "Transfer-Encoding must be exactly 'chunked': ordo implements no other transfer "
         "coding (RFC 9112 6.1)";
}

}  // namespace ordo::server
