// The schema of an ordo store. The platform owns the ledger and checkpoints
// (append-only, enforced by triggers), meta and idempotency records; every capability
// registers its own tables as numbered migrations. The store records which migrations
// it holds (meta 'migration.<owner>'), so an older store can be upgraded and a newer one
// refused. Every column is documented in docs/ledger-format.md; the upgrade procedure in
// docs/decisions/0004-schema-upgrades.md.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "storage/database.h"

namespace ordo::store {

// The version of the platform tables' format (meta 'schema_version').
inline constexpr int kSchemaVersion = 1;

// Projection tables with the ORDER BY that makes their contents comparable; replay
// rebuilds exactly these.
struct ProjectionTable {
  std::string name;
  std::string order_by;
};

// One step of an owner's schema. Numbers start at 1 and are consecutive. Migration 1 of
// an owner that existed in release 0.1.0 must be idempotent (CREATE ... IF NOT EXISTS):
// stores of that release carry no migration records.
struct Migration {
  int number = 1;
  std::string sql;
};

struct TableSet {
  std::string owner;  // the capability ("logbook") or "platform"
  std::vector<Migration> migrations;
  std::vector<ProjectionTable> projections;  // its tables derived from the ledger
};

// Registers an owner's tables. Start-up only; an owner registered twice aborts.
void RegisterTables(TableSet tables);
// Every owner's tables, the platform first, then in registration order.
const std::vector<TableSet>& RegisteredTables();
// Every registered projection table.
std::vector<ProjectionTable> ProjectionTables();

// Creates every table of a new (empty) store and records its migrations (migrations
// already recorded are skipped, so a second run changes nothing). Also used for
// the scratch store of a replay check.
Status CreateSchema(storage::Database& db);

// What opening a store with this release means for its schema.
struct SchemaPlan {
  struct Step {
    std::string owner;
    Migration migration;
  };
  std::vector<Step> pending;            // to apply, in order
  std::map<std::string, int> recorded;  // the store's migration records the plan is based on
  // Empty, or why this release cannot open the store (written by a newer release).
  std::string newer;
  std::string Describe() const;  // "logbook 2, orders 1" or "up to date"
};

// Reads the store's schema records and compares them with the registered tables (or
// `tables`). Only reads.
Result<SchemaPlan> PlanSchemaUpgrade(storage::Database& db);
Result<SchemaPlan> PlanSchemaUpgrade(storage::Database& db, const std::vector<TableSet>& tables);
// Applies `plan.pending` and records them, in one transaction (all or nothing). Refuses
// a plan with `newer` set, and (changing nothing) a store whose migration records changed
// since the plan was made.
Status ApplySchemaUpgrade(storage::Database& db, const SchemaPlan& plan);

}  // namespace ordo::store
