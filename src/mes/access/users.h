// The access capability's public read API: users by id or name, for other capabilities'
// decisions and views. (Transitional: forwards to the queries in src/store until they
// move into src/mes/access/store/, issue 7.)
#pragma once

#include "store/queries.h"

namespace ordo::access {

using store::FindUserById;
using store::FindUserByName;
using store::ListUsers;
using store::ToJson;

}  // namespace ordo::access
