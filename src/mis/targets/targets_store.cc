// KPI targets (targets_store.h).
#include "mis/targets/targets_store.h"

#include <cstdlib>

#include "core/canonical_json.h"
#include "storage/rows.h"

namespace ordo::mis::targets {

namespace {

using storage::Statement;

// The store has no REAL binding: a target is kept as its shortest decimal text (the
// JSON form), which reads back to the same double.
std::string TargetText(double value) { return Json(value).dump(); }

Target ReadTarget(const Statement& s) {
  return Target{s.Text(0), s.Text(1), std::strtod(s.Text(2).c_str(), nullptr), s.Text(3), s.Int(4)};
}

}  // namespace

std::vector<store::Migration> TargetsMigrations() {
  return {{kTargetsModule, 1,
           "CREATE TABLE kpi_target ("
           " scope TEXT NOT NULL, kpi TEXT NOT NULL, target TEXT NOT NULL,"
           " set_by TEXT NOT NULL, set_at_us INTEGER NOT NULL,"
           " PRIMARY KEY (scope, kpi))"}};
}

Result<std::vector<Target>> ListTargets(storage::Database& db) {
  return storage::Rows<Target>(
      db, "SELECT scope, kpi, target, set_by, set_at_us FROM kpi_target ORDER BY scope, kpi",
      storage::NoBind, ReadTarget);
}

Result<std::optional<Target>> FindTarget(storage::Database& db, const std::string& scope,
                                         const std::string& kpi) {
  return storage::FirstRow<Target>(
      db,
      "SELECT scope, kpi, target, set_by, set_at_us FROM kpi_target WHERE scope = ? AND kpi = ?",
      [&](Statement& s) { s.Bind(1, scope).Bind(2, kpi); }, ReadTarget);
}

Status PutTarget(storage::Database& db, const Target& t) {
  const std::string text = TargetText(t.target);
  return storage::Run(db,
                      "INSERT OR REPLACE INTO kpi_target (scope, kpi, target, set_by, set_at_us) "
                      "VALUES (?, ?, ?, ?, ?)",
                      [&](Statement& s) {
                        s.Bind(1, t.scope).Bind(2, t.kpi).Bind(3, text).Bind(4, t.set_by);
                        s.Bind(5, t.set_at);
                      });
}

Status DeleteTarget(storage::Database& db, const std::string& scope, const std::string& kpi) {
  auto found = FindTarget(db, scope, kpi);
  if (!found.ok()) return found.error();
  if (!*found)
    return Error{ErrorCode::kNotFound,
                 "no target is set for KPI '" + kpi + "' of scope '" + scope + "'", "kpi",
                 "unknown_target"};
  return storage::Run(db, "DELETE FROM kpi_target WHERE scope = ? AND kpi = ?",
                      [&](Statement& s) { s.Bind(1, scope).Bind(2, kpi); });
}

}  // namespace ordo::mis::targets
