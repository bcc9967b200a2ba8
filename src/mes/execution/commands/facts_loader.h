// Reads the facts execution's rules decide on (domain/facts.h) from the other
// capabilities' public, seal-checked readers: the order and its pinned operations and
// bill of materials (orders.h), the lot (lots.h), the work unit in force (masterdata
// in_force.h), the user's qualification grants (personnel qualifications.h), and what
// execution recorded itself. Glue only: no rule here refuses anything except a record
// that does not exist (not_found, naming it).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "mes/execution/domain/complete.h"
#include "mes/execution/domain/facts.h"
#include "storage/database.h"

namespace ordo::execution {

// The facts of operation `operation` of order `order_id` (not_found, field order_id or
// operation, when either is missing or the order is not released yet).
Result<OperationFacts> LoadOperation(storage::Database& db, const std::string& order_id,
                                     const std::string& operation);

// The user as the qualification rules see them: their grants, revoked and expired too.
Result<OperatorFacts> LoadOperator(storage::Database& db, std::int64_t user_id,
                                   const std::string& name);

// The work unit `work_unit` in force at `now` (not_found, field work_unit, when there is
// no such equipment), with its parent work center's class and the operation running on
// it, if any (other than `except_order`/`except_operation`).
Result<EquipmentFacts> LoadWorkUnit(storage::Database& db, const std::string& work_unit,
                                    TimeMicros now, const std::string& except_order = "",
                                    const std::string& except_operation = "");

// The lot `lot` with its status at `now` (not_found, field lot, when there is none).
Result<LotFacts> LoadLot(storage::Database& db, const std::string& lot, TimeMicros now);

// The order's pinned bill of materials with what has been consumed per item so far.
Result<std::vector<BomFacts>> LoadBom(storage::Database& db, const std::string& order_id);

// The scrap and rework codes of the reason code lists in force at `now`.
Result<ReasonCodes> LoadReasonCodes(storage::Database& db, TimeMicros now);

}  // namespace ordo::execution
