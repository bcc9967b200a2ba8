// The deviation table: migration, projectors, guard and the queries the commands and
// handlers need (the public reads are in ../deviations.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "mes/deviations/domain/deviation.h"
#include "storage/database.h"
#include "store/schema.h"

namespace ordo::deviations {

store::TableSet Tables();
void RegisterProjectors();
void RegisterGuards();

// How many deviations were ever opened, counted in the ledger (which refuses deletes),
// never in the table: the next id is FormatId(this + 1).
Result<std::int64_t> CountOpened(storage::Database& db);

// Newest first; state "" = any, order "" = any.
Result<std::vector<Deviation>> ListDeviations(storage::Database& db, const std::string& state,
                                              const std::string& order_id, std::int64_t limit);

// The open deviations, oldest (most overdue) first, at most `limit`; and how many are
// open in all (a count of rows, not seal-checked: it decides nothing).
Result<std::vector<Deviation>> OldestOpenDeviations(storage::Database& db, std::int64_t limit);
Result<std::int64_t> CountOpenDeviations(storage::Database& db);

}  // namespace ordo::deviations
