// The masterdata capability's public read API: the version of an object in force at a
// time (qualifications, materials, routings for other capabilities). (Transitional:
// forwards to src/store until the queries move into src/mes/masterdata/store/, issue 7.)
#pragma once

#include "store/masterdata_queries.h"

namespace ordo::masterdata {

using store::AllInForce;
using store::InForce;
using store::VersionRow;

}  // namespace ordo::masterdata
