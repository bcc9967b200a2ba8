// The recorded form of a typed login name (attempts.h).
#include "mes/access/attempts.h"

#include "mes/access/domain/attempted_name.h"
#include "mes/access/store/name_key.h"
#include "mes/access/users.h"

namespace ordo::access {

std::string RecordableLoginName(server::Api& api, const std::string& typed) {
  if (typed.empty()) return typed;
  auto user = FindUserByName(api.reader(), typed);
  const bool known = user.ok() && user->has_value();
  if (known) return typed;
  std::string& key = api.sign_in_gate().name_key;
  if (key.empty()) {
    auto loaded = LoadOrCreateNameKey(api.options().data_dir);
    if (!loaded.ok()) return "unknown:redacted";
    key = *loaded;
  }
  return RecordedLoginName(typed, false, key);
}

}  // namespace ordo::access
