// GET /api/v1/feed (permission mis.read): the MES ledger feed as the MIS holds it: the
// consumer's state (not_configured, connecting, following, unreachable, refused, stopped)
// with its detail and since when, the cursor (seq and hash of the last entry taken), when
// the MIS last found the feed current, whether the MES's signed checkpoints are checked
// (`checkpoints`: checked with --mes-public-key, else not_checked) and the newest one
// verified (`checkpoint_verified_seq`, 0: none), and the latest alarms (newest first). Reads the
// store on the io thread (one small query).
#pragma once

#include <vector>

#include "mis/http/router.h"

namespace ordo::mis::feed {

std::vector<http::Route> Routes();

}  // namespace ordo::mis::feed
