// Read queries over the projections (and credentials) used by command decisions on the
// writer connection and by the API's read endpoints on a reader connection.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/clock.h"
#include "domain/access/user.h"
#include "domain/logbook/logbook.h"
#include "storage/database.h"

namespace ordo::store {

Result<std::optional<access::User>> FindUserByName(storage::Database& db, const std::string& name);
Result<std::optional<access::User>> FindUserById(storage::Database& db, std::int64_t id);
Result<std::vector<access::User>> ListUsers(storage::Database& db);
// max(id) + 1: ids are never reused because users are never deleted.
Result<std::int64_t> NextUserId(storage::Database& db);

Result<std::optional<std::string>> GetPasswordHash(storage::Database& db, std::int64_t user_id);
Status SetPasswordHash(storage::Database& db, std::int64_t user_id, const std::string& hash,
                       std::int64_t seq);

Result<std::optional<logbook::EntryState>> FindLogbookEntry(storage::Database& db,
                                                            std::int64_t seq);

struct LogbookRow {
  std::int64_t seq = 0;
  std::string subject, category, text, actor, role;
  TimeMicros time_us = 0;
  std::optional<std::int64_t> corrects;
  std::optional<std::string> reason;
  std::vector<std::int64_t> corrected_by;
};
// Newest first; `subject` empty = all; `before` 0 = from the newest.
Result<std::vector<LogbookRow>> ListLogbook(storage::Database& db, const std::string& subject,
                                            std::int64_t before, std::int64_t limit);
Json ToJson(const LogbookRow& row);
Json ToJson(const access::User& user);

}  // namespace ordo::store
