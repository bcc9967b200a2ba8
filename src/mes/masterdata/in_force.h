// The masterdata capability's public read API: the version of an object in force at a
// time (qualifications, materials, routings for other capabilities). Reads the
// md_version projection; implemented in store/queries.cc. Not thread-safe per
// storage::Database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/clock.h"
#include "core/result.h"
#include "mes/masterdata/domain/states.h"
#include "storage/database.h"

namespace ordo::masterdata {

// One version of a master data object, as stored in md_version.
struct VersionRow {
  std::string kind, id;
  std::int64_t version = 0;
  VersionState state = VersionState::kDraft;
  std::string action, name;  // action: define | obsolete
  Json content;
  std::string content_hash, change_request, author;
  std::int64_t author_id = 0;
  TimeMicros created_us = 0;
  std::optional<TimeMicros> effective_from;
};

// The version of `kind`/`id` in force at `now` (action define only), or nullopt (none,
// or the object is obsolete).
Result<std::optional<VersionRow>> InForce(storage::Database& db, const std::string& kind,
                                          const std::string& id, TimeMicros now);
// Every version of an object, oldest first (drafts, withdrawn and obsolete ones too),
// each checked against its seal and its content hash (store/version_integrity.cc):
// integrity_violation naming the first that fails.
Result<std::vector<VersionRow>> VersionsOf(storage::Database& db, const std::string& kind,
                                           const std::string& id);
// Every object of `kind` in force at `now`, by id: reads that kind's rows only (the
// primary key's prefix), each version checked as InForce checks it.
Result<std::vector<VersionRow>> InForceOfKind(storage::Database& db, const std::string& kind,
                                              TimeMicros now);
// Every object in force at `now`, by kind (kinds table order) then id.
Result<std::vector<VersionRow>> AllInForce(storage::Database& db, TimeMicros now);
// The material in force at `now` whose `gtin`, in its 14-digit form (domain/gtin.h), is
// `gtin14`, or nullopt; failed_precondition `ambiguous_gtin` (field scan) when two hold it
// (data from before change control refused that: gtin_in_use). Reads the materials only
// (InForceOfKind), every version seal-checked: a GTIN filter in SQL would choose rows
// before their seals are checked, so an edited row could hide the material it belongs to.
Result<std::optional<VersionRow>> MaterialOfGtin(storage::Database& db, const std::string& gtin14,
                                                 TimeMicros now);

}  // namespace ordo::masterdata
