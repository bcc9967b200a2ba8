// The imported rows as the KPI engine's inputs (imported_inputs.h).
#include "mis/kpi_source/imported_inputs.h"

#include <cstdlib>
#include <string>

#include "core/clock.h"
#include "mis/calendar/time_zone.h"
#include "mis/imports/domain/kind_spec.h"
#include "mis/imports/store/queries.h"

namespace ordo::mis::kpi_source {

namespace {

using imports::KindSpec;
using imports::RowView;
using imports::StoredRow;

// Typed reads of one stored row, with the row's lineage.
class Row {
 public:
  Row(const KindSpec& spec, const StoredRow& row, const calendar::TimeZone& zone)
      : spec_(spec), row_(row), view_(spec, row.values), zone_(zone) {}
  SourceRef source() const { return SourceRef::Import(row_.file_hash, row_.row_number); }
  std::string Text(const char* column) const { return view_.Text(column); }
  TimeMicros Time(const char* column) const { return view_.Int(column).value_or(0); }
  std::optional<TimeMicros> OptionalTime(const char* column) const { return view_.Int(column); }
  double Count(const char* column) const {
    return static_cast<double>(view_.Int(column).value_or(0));
  }
  // A number column (canonical decimal text); 0 when empty.
  Result<double> Number(const char* column) const {
    const std::string text = view_.Text(column);
    if (text.empty()) return 0.0;
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size()) return Bad(column, "not a number: " + text);
    return v;
  }
  // A date column (YYYY-MM-DD) as a local day of the site's time zone.
  Result<calendar::CivilDate> Date(const char* column) const {
    calendar::CivilDate date;
    const std::string text = view_.Date(column);
    if (!calendar::ParseDate(text, &date)) return Bad(column, "not a date: " + text);
    return date;
  }
  // The start of that local day (its 00:00; time_zone.h for a day that starts in a gap).
  Result<TimeMicros> DayStart(const char* column) const {
    auto date = Date(column);
    if (!date.ok()) return date.error();
    return zone_.StartOfDay(*date);
  }
  // The start of the local day after it.
  Result<TimeMicros> NextDayStart(const char* column) const {
    auto date = Date(column);
    if (!date.ok()) return date.error();
    return zone_.StartOfDay(calendar::AddDays(*date, 1));
  }
  // A date-or-time column: a date is due at the last microsecond of that local day, a
  // time (stored in its UTC form) at that instant.
  Result<TimeMicros> EndOfDayOrTime(const char* column) const {
    const std::string text = view_.DateOrTime(column);
    if (imports::IsTimeText(text)) {
      TimeMicros t = 0;
      if (!ParseIsoTime(text, &t)) return Bad(column, "not a time: " + text);
      return t;
    }
    auto date = Date(column);
    if (!date.ok()) return date.error();
    return zone_.EndOfDay(*date);
  }
  Error Bad(const char* column, const std::string& what) const {
    return Error::Make(ErrorCode::kInternal, "stored " + spec_.name + " row " +
                                                 std::to_string(row_.row_id) + ", " + column +
                                                 ": " + what);
  }

 private:
  const KindSpec& spec_;
  const StoredRow& row_;
  RowView view_;
  const calendar::TimeZone& zone_;
};

#define KS_TRY_ASSIGN(var, expr)             \
  auto var##_r = (expr);                     \
  if (!var##_r.ok()) return var##_r.error(); \
  auto var = std::move(var##_r.value())

// Calls `fn(row)` for each current row of `kind`.
template <typename Fn>
Status ForRows(storage::Database& db, const calendar::TimeZone& zone, const char* kind, Fn fn) {
  const KindSpec* spec = imports::FindKind(kind);
  if (!spec) return Error::Make(ErrorCode::kInternal, std::string("no import kind ") + kind);
  auto rows = imports::CurrentRows(db, *spec);
  if (!rows.ok()) return rows.error();
  for (const StoredRow& r : *rows) ORDO_TRY(fn(Row(*spec, r, zone)));
  return Ok();
}

Status LoadPlant(storage::Database& db, const calendar::TimeZone& zone, Inputs& in) {
  ORDO_TRY(ForRows(db, zone, "equipment", [&](const Row& r) -> Status {
    in.equipment.push_back(
        {r.Text("id"), r.Text("name"), r.Text("parent"), r.Text("level"), r.source()});
    return Ok();
  }));
  ORDO_TRY(ForRows(db, zone, "calendar", [&](const Row& r) -> Status {
    KS_TRY_ASSIGN(kind, ParseCalendarKind(r.Text("kind"), "kind"));
    in.calendar.push_back(
        {r.Text("scope"), r.Time("start"), r.Time("end"), kind, r.Text("label"), r.source()});
    return Ok();
  }));
  ORDO_TRY(ForRows(db, zone, "states", [&](const Row& r) -> Status {
    KS_TRY_ASSIGN(state, ParseMachineState(r.Text("state"), "state"));
    in.states.push_back({r.Text("work_unit"), r.Time("start"), r.Time("end"), state,
                         r.Text("reason"), false, r.source()});
    return Ok();
  }));
  ORDO_TRY(ForRows(db, zone, "counts", [&](const Row& r) -> Status {
    in.counts.push_back({r.Text("work_unit"), r.Time("start"), r.Time("end"), r.Text("product"),
                         r.Text("order"), r.Count("total"), r.Count("good"), r.Count("scrap"),
                         r.Count("rework"), r.source()});
    return Ok();
  }));
  ORDO_TRY(ForRows(db, zone, "ideal_cycle_times", [&](const Row& r) -> Status {
    KS_TRY_ASSIGN(ideal, r.Number("ideal_cycle_time_s"));
    in.cycle_times.push_back({r.Text("work_unit"), r.Text("product"), ideal, r.source()});
    return Ok();
  }));
  return ForRows(db, zone, "planned_cycle_times", [&](const Row& r) -> Status {
    KS_TRY_ASSIGN(planned, r.Number("planned_cycle_time_s"));
    in.planned_cycle_times.push_back({r.Text("work_unit"), r.Text("product"), planned, r.source()});
    return Ok();
  });
}

Status LoadOrders(storage::Database& db, const calendar::TimeZone& zone, Inputs& in) {
  ORDO_TRY(ForRows(db, zone, "orders", [&](const Row& r) -> Status {
    KS_TRY_ASSIGN(quantity, r.Number("quantity"));
    KS_TRY_ASSIGN(due, r.EndOfDayOrTime("due_date"));
    in.orders.push_back({r.Text("order_id"), r.Text("customer"), r.Text("product"), quantity,
                         r.Text("unit"), due, r.source()});
    return Ok();
  }));
  ORDO_TRY(ForRows(db, zone, "shipments", [&](const Row& r) -> Status {
    KS_TRY_ASSIGN(quantity, r.Number("quantity"));
    in.shipments.push_back({r.Text("order_id"), r.Time("shipped_at"), quantity, r.source()});
    return Ok();
  }));
  return ForRows(db, zone, "operation_yields", [&](const Row& r) -> Status {
    in.operation_yields.push_back({r.Text("order"), r.Text("operation"), r.Text("work_unit"),
                                   r.Time("completed_at"), r.Count("units_in"),
                                   r.Count("good_first_pass"), r.Count("reworked"),
                                   r.Count("scrapped"), r.source()});
    return Ok();
  });
}

Status LoadMaintenanceAndFinance(storage::Database& db, const calendar::TimeZone& zone,
                                 Inputs& in) {
  ORDO_TRY(ForRows(db, zone, "maintenance", [&](const Row& r) -> Status {
    std::string kind_text = r.Text("kind");
    if (kind_text == "condition_based") kind_text = "predictive";
    KS_TRY_ASSIGN(kind, ParseMaintenanceKind(kind_text, "kind"));
    const TimeMicros repair = r.Time("repair_start");
    in.maintenance.push_back({r.Text("work_unit"), r.Text("work_order"), kind,
                              r.OptionalTime("failure_start").value_or(repair), repair,
                              r.Time("repair_end"), r.Text("reason"), r.source()});
    return Ok();
  }));
  ORDO_TRY(ForRows(db, zone, "quality_costs", [&](const Row& r) -> Status {
    KS_TRY_ASSIGN(date, r.DayStart("date"));
    KS_TRY_ASSIGN(category, ParseQualityCostCategory(r.Text("category"), "category"));
    KS_TRY_ASSIGN(amount, r.Number("amount"));
    in.quality_costs.push_back({date, r.Text("scope"), category, amount, r.Text("currency"),
                                r.Text("reference"), r.source()});
    return Ok();
  }));
  ORDO_TRY(ForRows(db, zone, "sales", [&](const Row& r) -> Status {
    KS_TRY_ASSIGN(start, r.DayStart("period_start"));
    KS_TRY_ASSIGN(end, r.NextDayStart("period_end"));
    KS_TRY_ASSIGN(amount, r.Number("amount"));
    in.sales.push_back({start, end, r.Text("scope"), amount, r.Text("currency"), r.source()});
    return Ok();
  }));
  return ForRows(db, zone, "cost_rates", [&](const Row& r) -> Status {
    KS_TRY_ASSIGN(rate, r.Number("rate_per_hour"));
    in.cost_rates.push_back({r.Text("scope"), rate, r.Text("currency"), r.source()});
    return Ok();
  });
}

}  // namespace

Result<Inputs> LoadImportedInputs(storage::Database& db, const calendar::TimeZone& zone) {
  Inputs in;
  ORDO_TRY(LoadPlant(db, zone, in));
  ORDO_TRY(LoadOrders(db, zone, in));
  ORDO_TRY(LoadMaintenanceAndFinance(db, zone, in));
  return in;
}

}  // namespace ordo::mis::kpi_source
