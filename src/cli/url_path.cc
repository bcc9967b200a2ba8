// URL path segments for the CLI's requests (url_path.h).
#include "cli/url_path.h"

#include "core/percent_encoding.h"

namespace ordo::cli {

std::string PathSegment(const std::string& id) { return PercentEncode(id, ":"); }

}  // namespace ordo::cli
