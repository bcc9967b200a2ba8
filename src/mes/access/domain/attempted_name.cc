// The recorded form of a typed login name.
#include "mes/access/domain/attempted_name.h"

#include "core/crypto.h"

namespace ordo::access {

std::string RecordedLoginName(const std::string& typed, bool known, const std::string& key) {
  if (known) return typed;
  return "unknown:" + HmacSha256Hex(key, typed).substr(0, 24);
}

}  // namespace ordo::access
