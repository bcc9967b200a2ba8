// Read queries over the change_request, md_version and cr_participant projections. Used
// by the commands on the writer connection and by the API's reads on a reader
// connection. Not thread-safe per storage::Database.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/clock.h"
#include "mes/masterdata/domain/change_control.h"
#include "mes/masterdata/domain/effectivity.h"
#include "mes/masterdata/in_force.h"
#include "storage/database.h"

namespace ordo::masterdata {

// The change request `id`, or nullopt. A stored state this release does not know is an
// internal error.
Result<std::optional<ChangeRequest>> FindChangeRequest(storage::Database& db,
                                                       const std::string& id);
// Number of change requests so far (the next one is count + 1).
Result<std::int64_t> CountChangeRequests(storage::Database& db);
// Newest first; `state` empty = all (any other text matches the stored state).
Result<std::vector<ChangeRequest>> ListChangeRequests(storage::Database& db,
                                                      const std::string& state);
// The versions of a change request (withdrawn ones too), by kind then id, each checked
// against its seal (integrity_violation naming the first that fails).
Result<std::vector<VersionRow>> VersionsOfChangeRequest(storage::Database& db,
                                                        const std::string& cr);
std::vector<Item> ToItems(const std::vector<VersionRow>& rows);
// Who created or drafted in `cr` (the four-eyes set).
Result<std::set<std::int64_t>> Participants(storage::Database& db, const std::string& cr);
// Users whose `approved` signatures on `cr` at `revision` count.
Result<std::set<std::int64_t>> Approvers(storage::Database& db, const std::string& cr,
                                         std::int64_t revision);

// VersionsOf: in in_force.h.
// What a draft decision needs to know about the object at `now`.
Result<ObjectState> ObjectStateOf(storage::Database& db, const std::string& kind,
                                  const std::string& id, TimeMicros now);
// Distinct object ids of a kind, sorted.
Result<std::vector<std::string>> ObjectIds(storage::Database& db, const std::string& kind);
// What effectivity needs of each row.
std::vector<VersionFacts> FactsOf(const std::vector<VersionRow>& rows);

}  // namespace ordo::masterdata
