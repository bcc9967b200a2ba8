// The browser-hardening headers every response carries, and the Content-Disposition of
// a downloaded file. docs/operations.md ("Security headers") explains each choice.
#pragma once

#include <string>
#include <string_view>
#include <utility>  // before any Asio header (Boost 1.74 with g++ 12)

#include "server/http_types.h"

namespace ordo::server {

// The web UI (index.html and its /assets): scripts and styles only from ordo itself, no
// inline script, no inline <style> or style attribute (the Vite build has none; styles
// set from script through the CSSOM are not restricted by CSP), no framing.
inline constexpr const char* kAppContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";
// API answers (JSON) are data, never a document: nothing may load or frame them.
inline constexpr const char* kApiContentSecurityPolicy =
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
// Printable HTML reports (the recall report, the batch record): their own inline
// stylesheet and nothing else: no script, no loads, no framing.
inline constexpr const char* kPrintableHtmlContentSecurityPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; "
    "form-action 'none'";
// Stored files (attachments): if a browser renders one anyway it runs in a sandbox with
// no script and loads nothing.
inline constexpr const char* kDownloadContentSecurityPolicy = "sandbox; default-src 'none'";

// Adds, where the response does not set them itself: Content-Security-Policy (the API
// policy), X-Content-Type-Options: nosniff, Referrer-Policy: no-referrer and
// X-Frame-Options: DENY (for browsers without frame-ancestors).
void AddSecurityHeaders(HttpResponse& response);

// `attachment; filename="..."; filename*=UTF-8''...` for `name` (RFC 6266, RFC 8187):
// the quoted fallback keeps printable ASCII other than '"', '\\' and '%' and writes '_'
// for every other byte; filename* percent-encodes every byte outside RFC 8187's
// attr-char. Path separators become '_' in both, so the header can never name a folder.
std::string AttachmentContentDisposition(std::string_view name);

}  // namespace ordo::server
