// Read queries over the master data, change request, signature, policy, settings and
// qualification projections. Used by command decisions on the writer connection and
// by the API's reads on a reader connection. Not thread-safe per storage::Database.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/clock.h"
#include "domain/masterdata/change_control.h"
#include "storage/database.h"

namespace ordo::store {

struct VersionRow {
  std::string kind, id;
  std::int64_t version = 0;
  std::string state, action, name;
  Json content;
  std::string content_hash, change_request, author;
  std::int64_t author_id = 0;
  TimeMicros created_us = 0;
  std::optional<TimeMicros> effective_from;
};

Result<std::optional<masterdata::ChangeRequest>> FindChangeRequest(storage::Database& db,
                                                                   const std::string& id);
// Number of change requests so far (the next one is count + 1).
Result<std::int64_t> CountChangeRequests(storage::Database& db);
// Newest first; `state` empty = all.
Result<std::vector<masterdata::ChangeRequest>> ListChangeRequests(storage::Database& db,
                                                                  const std::string& state);
// The versions of a change request (withdrawn ones too), by kind then id.
Result<std::vector<VersionRow>> VersionsOfChangeRequest(storage::Database& db,
                                                        const std::string& cr);
std::vector<masterdata::Item> ToItems(const std::vector<VersionRow>& rows);
Result<std::set<std::int64_t>> Participants(storage::Database& db, const std::string& cr);
// Users whose `approved` signatures on `cr` at `revision` count.
Result<std::set<std::int64_t>> Approvers(storage::Database& db, const std::string& cr,
                                         std::int64_t revision);

// Every version of an object, oldest first.
Result<std::vector<VersionRow>> VersionsOf(storage::Database& db, const std::string& kind,
                                           const std::string& id);
// What a draft decision needs to know about the object at `now`.
Result<masterdata::ObjectState> ObjectStateOf(storage::Database& db, const std::string& kind,
                                              const std::string& id, TimeMicros now);
// The version in force at `now` (action define only), or nullopt.
Result<std::optional<VersionRow>> InForce(storage::Database& db, const std::string& kind,
                                          const std::string& id, TimeMicros now);
// Every object in force at `now`, by kind (kinds table order) then id.
Result<std::vector<VersionRow>> AllInForce(storage::Database& db, TimeMicros now);
// Distinct object ids of a kind, sorted.
Result<std::vector<std::string>> ObjectIds(storage::Database& db, const std::string& kind);

struct SiteSettings {
  int approvals_required = 1;
  bool signing_password_only = false;
};
Result<SiteSettings> GetSiteSettings(storage::Database& db);
Json ToJson(const SiteSettings& settings);

}  // namespace ordo::store
