// How a request's body is delimited (RFC 9112 section 6): the checks the transport makes
// on a request head before it reads any body, so that a body can never be taken for a
// second request (request smuggling).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ordo::server {

// "" when the framing is acceptable, else what is wrong (the 400's detail; the transport
// then closes the connection). `transfer_encodings` holds the value of every
// Transfer-Encoding field line. Acceptable: no Transfer-Encoding; or exactly the one
// coding "chunked" (any case) and no Content-Length. Refused: any other coding (gzip,
// identity, a list such as "chunked, identity" or "gzip, chunked": ordo implements no
// coding but chunked), an empty value, and Transfer-Encoding together with Content-Length.
std::string FramingProblem(const std::vector<std::string_view>& transfer_encodings,
                           bool has_content_length);

}  // namespace ordo::server
