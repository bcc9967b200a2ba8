// The md_version reader shared by the version reads (version_rows.cc) and the change
// request reads (queries.cc). Private to the masterdata store.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "mes/masterdata/in_force.h"
#include "storage/database.h"

namespace ordo::masterdata {

// The md_version rows `where` selects ("WHERE ... ORDER BY ..."), `bind` binding its
// parameters; an unknown stored state is an internal error. No seal check.
Result<std::vector<VersionRow>> VersionRowsWhere(
    storage::Database& db, const std::string& where,
    const std::function<void(storage::Statement&)>& bind);

}  // namespace ordo::masterdata
