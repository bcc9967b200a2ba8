// Building request paths in the CLI: an id typed by a person becomes one path segment.
#pragma once

#include <string>

namespace ordo::cli {

// `id` as one URL path segment (RFC 3986): the unreserved characters (letters, digits,
// - . _ ~) and : as they are (the colon keeps "lot:X" readable), every other byte
// (/ ? # % space, UTF-8) as %XX (PercentEncode).
std::string PathSegment(const std::string& id);

}  // namespace ordo::cli
