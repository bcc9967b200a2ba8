// Canonical JSON serialisation (nlohmann's json keeps object keys in a std::map, so a
// compact dump is already key-sorted).
#include "core/canonical_json.h"

namespace ordo {

std::string CanonicalJson(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::strict);
}

}  // namespace ordo
