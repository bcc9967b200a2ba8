// The masterdata capability's endpoints.
#pragma once

#include <vector>

#include "server/endpoint.h"

namespace ordo::masterdata {

std::vector<server::Endpoint> Endpoints();

}  // namespace ordo::masterdata
