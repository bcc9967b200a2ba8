// KPI targets (module "targets"): a target value per (scope, KPI) that the trend shows
// beside the figures (docs/mis.md, "Trends and targets"). Set through the API by a holder
// of mis.imports; stored in the MIS store with who set it and when. Reads and writes on
// the caller's connection.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "mis/store/migration.h"
#include "storage/database.h"

namespace ordo::mis::targets {

inline constexpr const char* kTargetsModule = "targets";

// Version 1: kpi_target (scope, kpi, target, set_by, set_at_us), one row per (scope, kpi).
std::vector<store::Migration> TargetsMigrations();

struct Target {
  std::string scope;  // an equipment id, "" = the plant
  std::string kpi;    // a KPI id (kpi.h KpiIds of either profile)
  double target = 0;  // in the KPI's unit (a fraction for ratios: 0.85 = 85 %)
  std::string set_by;
  TimeMicros set_at = 0;
};

// Every target, by scope then KPI.
Result<std::vector<Target>> ListTargets(storage::Database& db);
// The target of (scope, kpi), if one is set.
Result<std::optional<Target>> FindTarget(storage::Database& db, const std::string& scope,
                                         const std::string& kpi);
// Sets (inserts or replaces) the target of (target.scope, target.kpi).
Status PutTarget(storage::Database& db, const Target& target);
// Removes it; not_found (reason unknown_target) when none is set.
Status DeleteTarget(storage::Database& db, const std::string& scope, const std::string& kpi);

}  // namespace ordo::mis::targets
