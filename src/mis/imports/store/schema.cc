// The import tables (schema.h). Column names are the kinds' column names, quoted (some,
// such as "end" and "order", are SQL keywords).
#include "mis/imports/store/schema.h"

namespace ordo::mis::imports {

namespace {

constexpr const char* kVersion1 = R"sql(
CREATE TABLE import (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  file_hash TEXT NOT NULL,
  content_type TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  imported_at INTEGER NOT NULL,
  rows_total INTEGER NOT NULL DEFAULT 0,
  rows_imported INTEGER NOT NULL DEFAULT 0,
  rows_unchanged INTEGER NOT NULL DEFAULT 0,
  rows_superseded INTEGER NOT NULL DEFAULT 0,
  rows_refused INTEGER NOT NULL DEFAULT 0,
  UNIQUE (kind, file_hash)
);
CREATE TABLE import_row_error (
  id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES import(id),
  line INTEGER NOT NULL,
  field TEXT NOT NULL,
  reason TEXT NOT NULL,
  message TEXT NOT NULL
);
CREATE INDEX import_row_error_by_import ON import_row_error(import_id, line);
CREATE TABLE import_supersession (
  id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES import(id),
  kind TEXT NOT NULL,
  old_row_id INTEGER NOT NULL,
  new_row_id INTEGER NOT NULL,
  row_number INTEGER NOT NULL
);
CREATE INDEX import_supersession_by_import ON import_supersession(import_id);

CREATE TABLE import_equipment (
  row_id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES import(id),
  row_number INTEGER NOT NULL,
  "id" TEXT NOT NULL,
  "name" TEXT NOT NULL DEFAULT '',
  "parent" TEXT NOT NULL DEFAULT '',
  "level" TEXT NOT NULL,
  superseded_by_import INTEGER REFERENCES import(id)
);
CREATE UNIQUE INDEX import_equipment_current ON import_equipment("id")
  WHERE superseded_by_import IS NULL;
CREATE INDEX import_equipment_by_import ON import_equipment(import_id);
CREATE TABLE import_calendar (
  row_id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES import(id),
  row_number INTEGER NOT NULL,
  "scope" TEXT NOT NULL,
  "start" INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  "kind" TEXT NOT NULL,
  "label" TEXT NOT NULL DEFAULT '',
  superseded_by_import INTEGER REFERENCES import(id)
);
CREATE UNIQUE INDEX import_calendar_current ON import_calendar("scope", "kind", "start")
  WHERE superseded_by_import IS NULL;
CREATE INDEX import_calendar_by_import ON import_calendar(import_id);
CREATE TABLE import_states (
  row_id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES import(id),
  row_number INTEGER NOT NULL,
  "work_unit" TEXT NOT NULL,
  "start" INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  "state" TEXT NOT NULL,
  "reason" TEXT NOT NULL DEFAULT '',
  superseded_by_import INTEGER REFERENCES import(id)
);
CREATE UNIQUE INDEX import_states_current ON import_states("work_unit", "start")
  WHERE superseded_by_import IS NULL;
CREATE INDEX import_states_by_import ON import_states(import_id);
CREATE TABLE import_counts (
  row_id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES import(id),
  row_number INTEGER NOT NULL,
  "work_unit" TEXT NOT NULL,
  "start" INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  "product" TEXT NOT NULL DEFAULT '',
  "order" TEXT NOT NULL DEFAULT '',
  "total" INTEGER NOT NULL,
  "good" INTEGER NOT NULL,
  "scrap" INTEGER NOT NULL DEFAULT 0,
  "rework" INTEGER NOT NULL DEFAULT 0,
  superseded_by_import INTEGER REFERENCES import(id)
);
CREATE UNIQUE INDEX import_counts_current ON import_counts("work_unit", "start", "end", "product", "order")
  WHERE superseded_by_import IS NULL;
CREATE INDEX import_counts_by_import ON import_counts(import_id);
CREATE TABLE import_ideal_cycle_times (
  row_id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES import(id),
  row_number INTEGER NOT NULL,
  "work_unit" TEXT NOT NULL,
  "product" TEXT NOT NULL,
  "ideal_cycle_time_s" TEXT NOT NULL,
  superseded_by_import INTEGER REFERENCES import(id)
);
CREATE UNIQUE INDEX import_ideal_cycle_times_current ON import_ideal_cycle_times("work_unit", "product")
  WHERE superseded_by_import IS NULL;
CREATE INDEX import_ideal_cycle_times_by_import ON import_ideal_cycle_times(import_id);
CREATE TABLE import_orders (
  row_id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES import(id),
  row_number INTEGER NOT NULL,
  "order_id" TEXT NOT NULL,
  "customer" TEXT NOT NULL DEFAULT '',
  "product" TEXT NOT NULL,
  "quantity" TEXT NOT NULL,
  "unit" TEXT NOT NULL DEFAULT '',
  "due_date" TEXT NOT NULL,
  superseded_by_import INTEGER REFERENCES import(id)
);
CREATE UNIQUE INDEX import_orders_current ON import_orders("order_id")
  WHERE superseded_by_import IS NULL;
CREATE INDEX import_orders_by_import ON import_orders(import_id);
CREATE TABLE import_shipments (
  row_id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES import(id),
  row_number INTEGER NOT NULL,
  "order_id" TEXT NOT NULL,
  "shipped_at" INTEGER NOT NULL,
  "quantity" TEXT NOT NULL,
  superseded_by_import INTEGER REFERENCES import(id)
);
CREATE UNIQUE INDEX import_shipments_current ON import_shipments("order_id", "shipped_at")
  WHERE superseded_by_import IS NULL;
CREATE INDEX import_shipments_by_import ON import_shipments(import_id);
CREATE TABLE import_maintenance (
  row_id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES import(id),
  row_number INTEGER NOT NULL,
  "work_unit" TEXT NOT NULL,
  "work_order" TEXT NOT NULL,
  "kind" TEXT NOT NULL,
  "failure_start" INTEGER,
  "repair_start" INTEGER NOT NULL,
  "repair_end" INTEGER NOT NULL,
  "reason" TEXT NOT NULL DEFAULT '',
  superseded_by_import INTEGER REFERENCES import(id)
);
CREATE UNIQUE INDEX import_maintenance_current ON import_maintenance("work_unit", "work_order")
  WHERE superseded_by_import IS NULL;
CREATE INDEX import_maintenance_by_import ON import_maintenance(import_id);
CREATE TABLE import_quality_costs (
  row_id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES import(id),
  row_number INTEGER NOT NULL,
  "date" TEXT NOT NULL,
  "scope" TEXT NOT NULL,
  "category" TEXT NOT NULL,
  "amount" TEXT NOT NULL,
  "currency" TEXT NOT NULL,
  "reference" TEXT NOT NULL DEFAULT '',
  superseded_by_import INTEGER REFERENCES import(id)
);
CREATE UNIQUE INDEX import_quality_costs_current ON import_quality_costs("date", "scope", "category", "reference")
  WHERE superseded_by_import IS NULL;
CREATE INDEX import_quality_costs_by_import ON import_quality_costs(import_id);
CREATE TABLE import_sales (
  row_id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES import(id),
  row_number INTEGER NOT NULL,
  "period_start" TEXT NOT NULL,
  "period_end" TEXT NOT NULL,
  "scope" TEXT NOT NULL,
  "amount" TEXT NOT NULL,
  "currency" TEXT NOT NULL,
  superseded_by_import INTEGER REFERENCES import(id)
);
CREATE UNIQUE INDEX import_sales_current ON import_sales("scope", "period_start", "period_end")
  WHERE superseded_by_import IS NULL;
CREATE INDEX import_sales_by_import ON import_sales(import_id);
CREATE TABLE import_operation_yields (
  row_id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES import(id),
  row_number INTEGER NOT NULL,
  "order" TEXT NOT NULL,
  "operation" TEXT NOT NULL,
  "work_unit" TEXT NOT NULL DEFAULT '',
  "completed_at" INTEGER NOT NULL,
  "units_in" INTEGER NOT NULL,
  "good_first_pass" INTEGER NOT NULL,
  "reworked" INTEGER NOT NULL DEFAULT 0,
  "scrapped" INTEGER NOT NULL DEFAULT 0,
  superseded_by_import INTEGER REFERENCES import(id)
);
CREATE UNIQUE INDEX import_operation_yields_current ON import_operation_yields("order", "operation", "work_unit")
  WHERE superseded_by_import IS NULL;
CREATE INDEX import_operation_yields_by_import ON import_operation_yields(import_id);
)sql";

// The hourly cost of non-productive time per scope (kind cost_rates).
constexpr const char* kVersion2 = R"sql(
CREATE TABLE import_cost_rates (
  row_id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES import(id),
  row_number INTEGER NOT NULL,
  "scope" TEXT NOT NULL DEFAULT '',
  "rate_per_hour" TEXT NOT NULL,
  "currency" TEXT NOT NULL,
  superseded_by_import INTEGER REFERENCES import(id)
);
CREATE UNIQUE INDEX import_cost_rates_current ON import_cost_rates("scope")
  WHERE superseded_by_import IS NULL;
CREATE INDEX import_cost_rates_by_import ON import_cost_rates(import_id);
)sql";

// The planned (standard) cycle time per work unit and product (kind planned_cycle_times).
constexpr const char* kVersion3 = R"sql(
CREATE TABLE import_planned_cycle_times (
  row_id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES import(id),
  row_number INTEGER NOT NULL,
  "work_unit" TEXT NOT NULL,
  "product" TEXT NOT NULL,
  "planned_cycle_time_s" TEXT NOT NULL,
  superseded_by_import INTEGER REFERENCES import(id)
);
CREATE UNIQUE INDEX import_planned_cycle_times_current
  ON import_planned_cycle_times("work_unit", "product") WHERE superseded_by_import IS NULL;
CREATE INDEX import_planned_cycle_times_by_import ON import_planned_cycle_times(import_id);
)sql";

}  // namespace

const std::vector<Migration>& ImportsMigrations() {
  static const std::vector<Migration> migrations{{1, kVersion1}, {2, kVersion2}, {3, kVersion3}};
  return migrations;
}

}  // namespace ordo::mis::imports
