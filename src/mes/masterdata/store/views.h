// JSON views of master data objects, versions and change requests for the API, with
// every signature re-checked against the record it is shown with (Part 11 11.70).
// Shapes: docs/masterdata.md section 5. Reads only; not thread-safe per storage::Database.
#pragma once

#include <string>

#include "core/canonical_json.h"
#include "core/clock.h"
#include "mes/masterdata/store/queries.h"

namespace ordo::masterdata {

// Signatures on a change request with their re-checked status against its current
// record (items as stored now).
Result<Json> ChangeRequestSignatures(storage::Database& db, const ChangeRequest& cr);
// A change request; `full` adds items (with their diffs), signatures and history.
Result<Json> ChangeRequestView(storage::Database& db, const ChangeRequest& cr, bool full);
// {object: ObjectRow, versions: [Version newest first]}; not_found when no version.
Result<Json> ObjectView(storage::Database& db, const std::string& kind, const std::string& id,
                        TimeMicros now);
// One version; not_found when missing.
Result<Json> VersionView(storage::Database& db, const std::string& kind, const std::string& id,
                         std::int64_t version, TimeMicros now);
// Objects of a kind whose id or name contains `query` (case-insensitive; "" = all).
Result<Json> ListObjects(storage::Database& db, const std::string& kind, const std::string& query,
                         TimeMicros now);

}  // namespace ordo::masterdata
