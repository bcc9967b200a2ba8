// Private to domain/: the builders of the kind table (kind_spec.cc gathers them) and the
// column constructors and shared row rules they use.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include "mis/imports/domain/kind_spec.h"

namespace ordo::mis::imports::detail {

ColumnSpec Text(std::string name, bool required, std::string doc);
ColumnSpec Enum(std::string name, bool required, std::vector<std::string> choices, std::string doc);
ColumnSpec Time(std::string name, bool required, std::string doc);
ColumnSpec Date(std::string name, bool required, std::string doc);
ColumnSpec DateOrTime(std::string name, bool required, std::string doc);
ColumnSpec Number(std::string name, bool required, bool positive, std::string doc);
ColumnSpec Count(std::string name, bool required, bool zero_when_empty, std::string doc);
ColumnSpec Currency(std::string name, std::string doc);

// Refuses (end_before_start, on `end`) a row whose `end` is not after `start` (or, with
// `allow_equal`, before it); no check when either is empty. Times and dates both.
void CheckEndAfterStart(const RowView& row, int line, const char* start, const char* end,
                        bool allow_equal, std::vector<RowError>* errors);
// Refuses (counts_exceed_total, on `total`) a row whose `parts` sum to more than `total`.
void CheckPartsWithinTotal(const RowView& row, int line, std::initializer_list<const char*> parts,
                           const char* total, std::vector<RowError>* errors);

// kinds_plant.cc: equipment, calendar, states, counts, ideal_cycle_times,
// planned_cycle_times.
KindSpec EquipmentKind();
KindSpec CalendarKind();
KindSpec StatesKind();
KindSpec CountsKind();
KindSpec IdealCycleTimesKind();
KindSpec PlannedCycleTimesKind();
// kinds_orders.cc: orders, shipments, operation_yields.
KindSpec OrdersKind();
KindSpec ShipmentsKind();
KindSpec OperationYieldsKind();
// kinds_finance.cc: maintenance, quality_costs, sales, cost_rates.
KindSpec MaintenanceKind();
KindSpec QualityCostsKind();
KindSpec SalesKind();
KindSpec CostRatesKind();

}  // namespace ordo::mis::imports::detail
