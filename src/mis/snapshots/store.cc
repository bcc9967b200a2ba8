// The snapshot tables and views.
#include "mis/snapshots/store.h"

#include <spdlog/spdlog.h>

#include <cmath>

#include "storage/rows.h"

namespace ordo::mis::snapshots {

namespace {

// ISO 8601 UTC of a microsecond column.
std::string Iso(const char* column) {
  return std::string("strftime('%Y-%m-%dT%H:%M:%SZ', ") + column + " / 1000000, 'unixepoch')";
}

std::string KpiView(const char* name, const char* kind, const char* label) {
  return std::string("CREATE VIEW ") + name + " AS SELECT scope, label AS " + label + ", " +
         Iso("from_us") + " AS window_from, " + Iso("to_us") +
         " AS window_to, kpi, profile, value, unit, null_reason, policy, policy_version, " +
         Iso("computed_at_us") + " AS computed_at FROM snapshot_figure WHERE window_kind = '" +
         kind + "';";
}

// Version 1's element views (no label).
std::string ElementViewV1(const char* name, const char* kind) {
  return std::string("CREATE VIEW ") + name + " AS SELECT scope, " + Iso("from_us") +
         " AS window_from, " + Iso("to_us") +
         " AS window_to, element, value FROM snapshot_element WHERE window_kind = '" + kind + "';";
}

std::string ElementView(const char* name, const char* kind, const char* label) {
  return std::string("DROP VIEW ") + name + "; CREATE VIEW " + name +
         " AS SELECT scope, label AS " + label + ", " + Iso("from_us") + " AS window_from, " +
         Iso("to_us") +
         " AS window_to, element, value FROM snapshot_element WHERE window_kind = '" + kind + "';";
}

}  // namespace

std::vector<store::Migration> SnapshotMigrations() {
  return {
      {kSnapshotsModule, 1,
       "CREATE TABLE snapshot_figure ("
       " scope TEXT NOT NULL, window_kind TEXT NOT NULL, label TEXT NOT NULL,"
       " from_us INTEGER NOT NULL, to_us INTEGER NOT NULL, kpi TEXT NOT NULL,"
       " profile TEXT NOT NULL, value REAL, unit TEXT NOT NULL, null_reason TEXT NOT NULL,"
       " policy TEXT NOT NULL, policy_version INTEGER NOT NULL,"
       " computed_at_us INTEGER NOT NULL,"
       " PRIMARY KEY (scope, window_kind, from_us, to_us, kpi, profile));"
       "CREATE TABLE snapshot_element ("
       " scope TEXT NOT NULL, window_kind TEXT NOT NULL, from_us INTEGER NOT NULL,"
       " to_us INTEGER NOT NULL, element TEXT NOT NULL, value REAL NOT NULL,"
       " PRIMARY KEY (scope, window_kind, from_us, to_us, element));" +
           KpiView("mis_kpi_day", "day", "day") + KpiView("mis_kpi_shift", "shift", "shift") +
           ElementViewV1("mis_elements_day", "day") + ElementViewV1("mis_elements_shift", "shift")},
      {kSnapshotsModule, 2,
       "ALTER TABLE snapshot_element ADD COLUMN label TEXT NOT NULL DEFAULT '';"
       // Rows of an earlier ordo-mis take the label of their window's figures.
       "UPDATE snapshot_element SET label = COALESCE((SELECT f.label FROM snapshot_figure f"
       " WHERE f.scope = snapshot_element.scope AND f.window_kind = snapshot_element.window_kind"
       " AND f.from_us = snapshot_element.from_us AND f.to_us = snapshot_element.to_us"
       " LIMIT 1), '');" +
           ElementView("mis_elements_day", "day", "day") +
           ElementView("mis_elements_shift", "shift", "shift")}};
}

Status StoreSnapshot(storage::Database& db, const Snapshot& snapshot, TimeMicros computed_at) {
  using storage::Statement;
  storage::Transaction tx(db);
  ORDO_TRY(tx.begin_status());
  for (const char* table : {"snapshot_figure", "snapshot_element"})
    ORDO_TRY(storage::Run(
        db, std::string("DELETE FROM ") + table + " WHERE from_us >= ? AND from_us < ?",
        [&](Statement& s) { s.Bind(1, snapshot.from).Bind(2, snapshot.to); }));
  for (const SnapshotFigure& f : snapshot.figures)
    ORDO_TRY(storage::Run(
        db,
        "INSERT INTO snapshot_figure (scope, window_kind, label, from_us, to_us, kpi, profile, "
        "value, unit, null_reason, policy, policy_version, computed_at_us) VALUES (?, ?, ?, ?, "
        "?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [&](Statement& s) {
          s.Bind(1, f.scope).Bind(2, f.window_kind).Bind(3, f.label).Bind(4, f.from);
          s.Bind(5, f.to).Bind(6, f.kpi).Bind(7, f.profile);
          if (f.value && std::isfinite(*f.value))  // a non-finite figure is stored as none
            s.BindReal(8, *f.value);
          else
            s.BindNull(8);
          s.Bind(9, f.unit).Bind(10, f.null_reason).Bind(11, f.policy);
          s.Bind(12, static_cast<std::int64_t>(f.policy_version)).Bind(13, computed_at);
        }));
  for (const SnapshotElement& e : snapshot.elements) {
    if (!std::isfinite(e.value)) {  // an element is a sum of finite inputs; never store a NaN
      spdlog::warn("snapshots: element {} of {} ({} {}) is not finite; left out", e.element,
                   e.scope, e.window_kind, e.label);
      continue;
    }
    ORDO_TRY(storage::Run(db,
                          "INSERT INTO snapshot_element (scope, window_kind, from_us, to_us, "
                          "element, value, label) VALUES (?, ?, ?, ?, ?, ?, ?)",
                          [&](Statement& s) {
                            s.Bind(1, e.scope).Bind(2, e.window_kind).Bind(3, e.from);
                            s.Bind(4, e.to).Bind(5, e.element).BindReal(6, e.value);
                            s.Bind(7, e.label);
                          }));
  }
  return tx.Commit();
}

Result<std::int64_t> DeleteDayRows(storage::Database& db) {
  std::int64_t deleted = 0;
  for (const std::string table : {"snapshot_figure", "snapshot_element"}) {
    auto count = storage::FirstRow<std::int64_t>(
        db, "SELECT count(*) FROM " + table + " WHERE window_kind = 'day'", storage::NoBind,
        [](const storage::Statement& s) { return s.Int(0); });
    if (!count.ok()) return count.error();
    ORDO_TRY(db.Exec("DELETE FROM " + table + " WHERE window_kind = 'day'"));
    deleted += count->value_or(0);
  }
  return deleted;
}

}  // namespace ordo::mis::snapshots
