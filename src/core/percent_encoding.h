// Percent-encoding of a URL query value (RFC 3986, section 2.1): every byte but the
// unreserved characters (ALPHA, DIGIT, "-", ".", "_", "~") and those in `also_keep`
// becomes "%XX" with upper-case hex digits. Pure.
#pragma once

#include <string>
#include <string_view>

namespace ordo {

inline std::string PercentEncode(std::string_view text, std::string_view also_keep = {}) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved || also_keep.find(ch) != std::string_view::npos) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

}  // namespace ordo
