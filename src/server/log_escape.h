// Escaping of untrusted text (request paths, methods, messages) before it goes into a
// log line, so that a client can neither forge log lines nor write NUL or other control
// bytes into the log.
#pragma once

#include <string>
#include <string_view>

namespace ordo::server {

// `text` with every byte that could break or forge a log line written as \xNN: control
// characters (0x00-0x1f, 0x7f), the space (fields are separated by spaces), the
// backslash (so an escape cannot be faked), and bytes that are not part of valid UTF-8.
// Valid UTF-8 multi-byte characters are kept. The result is printable and has no space.
std::string EscapeForLog(std::string_view text);

}  // namespace ordo::server
