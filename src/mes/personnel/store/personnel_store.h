// The personnel capability's tables, projectors and queries.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "mes/personnel/domain/personnel.h"
#include "storage/database.h"
#include "store/schema.h"

namespace ordo::personnel {

// Tables qualification_grant and training_record (one row per entry, keyed by its seq)
// as migrations.
store::TableSet Tables();
// Registers the projectors of QualificationGranted, QualificationRevoked and
// TrainingRecorded.
void RegisterProjectors();

// One qualification grant as stored.
struct GrantRow {
  std::int64_t seq = 0, user_id = 0;
  std::string qualification;
  std::optional<std::string> expires;
  std::string granted_by;
  TimeMicros time_us = 0;
  bool revoked = false;
};
// By user, qualification, then seq; `user_id` 0 = all users. Every row is checked
// against its seal first: integrity_violation, naming the row, when one fails.
Result<std::vector<GrantRow>> ListGrants(storage::Database& db, std::int64_t user_id);

// The grant with entry `seq` as the revocation sees it (Grant, domain/personnel.h; the
// holder's login name from access's users), or nullopt; the row is checked against its
// seal (integrity_violation when it fails).
Result<std::optional<Grant>> FindGrant(storage::Database& db, std::int64_t seq);
// ListGrants without the seal check (personnel_store.cc); ListGrants is it plus the check.
Result<std::vector<GrantRow>> ListGrantRows(storage::Database& db, std::int64_t user_id);
// Registers qualification_grant as a guarded (sealed) table (store/grant_integrity.cc).
void RegisterGuards();
// `rows` after checking each against its seal (integrity_violation naming the first that
// fails).
Result<std::vector<GrantRow>> CheckedGrants(storage::Database& db,
                                            Result<std::vector<GrantRow>> rows);

// One training record as stored.
struct TrainingRow {
  std::int64_t seq = 0, user_id = 0;
  std::string course, completed;
  std::optional<std::string> trainer;
  std::string recorded_by;
};
// Newest first; `user_id` 0 = all users.
Result<std::vector<TrainingRow>> ListTraining(storage::Database& db, std::int64_t user_id);

}  // namespace ordo::personnel
