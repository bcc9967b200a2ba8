// Browser-hardening headers and download file names.
#include "server/security_headers.h"

#include <cctype>

namespace ordo::server {

namespace {

bool Has(const HttpResponse& r, std::string_view name) {
  for (const auto& [k, v] : r.headers) {
    if (k.size() != name.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < k.size() && same; ++i)
      same = std::tolower(static_cast<unsigned char>(k[i])) ==
             std::tolower(static_cast<unsigned char>(name[i]));
    if (same) return true;
  }
  return false;
}

}  // namespace

void AddSecurityHeaders(HttpResponse& r) {
  if (!Has(r, "Content-Security-Policy"))
    r.headers.emplace_back("Content-Security-Policy", kApiContentSecurityPolicy);
  if (!Has(r, "X-Content-Type-Options"))
    r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  if (!Has(r, "Referrer-Policy")) r.headers.emplace_back("Referrer-Policy", "no-referrer");
  if (!Has(r, "X-Frame-Options")) r.headers.emplace_back("X-Frame-Options", "DENY");
}

std::string AttachmentContentDisposition(std::string_view name) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string fallback, encoded;
  for (char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    const bool separator = c == '/' || c == '\\';
    fallback.push_back(
        c >= 0x20 && c < 0x7f && c != '"' && c != '%' && !separator ? static_cast<char>(c) : '_');
    // RFC 8187 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." /
    // "^" / "_" / "`" / "|" / "~".
    const bool attr_char =
        std::isalnum(c) || std::string_view("!#$&+-.^_`|~").find(ch) != std::string_view::npos;
    if (separator) {
      encoded.push_back('_');
    } else if (attr_char && c < 0x80) {
      encoded.push_back(static_cast<char>(c));
    } else {
      encoded.push_back('%');
      encoded.push_back(kHex[c >> 4]);
      encoded.push_back(kHex[c & 0xf]);
    }
  }
  if (fallback.empty()) fallback = encoded = "download";
  return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace ordo::server
