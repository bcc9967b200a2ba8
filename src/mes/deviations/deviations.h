// The deviations capability's public read API for other capabilities' decisions
// (execution's completion block, lots' release block, the batch record): deviations as
// projected, each row seal-checked (guarded table `deviation`; integrity_violation when a
// row does not match its seal). Implemented in store/deviations_store.cc. Not
// thread-safe per storage::Database.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "mes/deviations/domain/deviation.h"
#include "storage/database.h"

namespace ordo::deviations {

// The deviation `id`, or nullopt.
Result<std::optional<Deviation>> FindDeviation(storage::Database& db, const std::string& id);
// The open deviations of an operation of an order, oldest first.
Result<std::vector<Deviation>> OpenDeviationsOf(storage::Database& db, const std::string& order_id,
                                                const std::string& operation);
// The open deviations that name `lot`, oldest first.
Result<std::vector<Deviation>> OpenDeviationsTouchingLot(storage::Database& db,
                                                         const std::string& lot);
// Every deviation of an order, oldest first.
Result<std::vector<Deviation>> DeviationsOfOrder(storage::Database& db,
                                                 const std::string& order_id);

}  // namespace ordo::deviations
