// The report's windows and figures.
#include "mis/reports/report.h"

#include <limits>

#include "mis/kpi/windows.h"

namespace ordo::mis::reports {

namespace {

Result<ReportRow> Row(const ElementIndex& index, const KpiRequest& base, std::string label,
                      TimeMicros from, TimeMicros to) {
  KpiRequest request = base;
  request.from = from;
  request.to = to;
  auto report = ComputeKpis(index, request);
  if (!report.ok()) return report.error();
  return ReportRow{std::move(label), from, to, std::move(report->figures)};
}

}  // namespace

Result<Report> BuildReport(const ElementIndex& index, const ReportRequest& request,
                           const calendar::TimeZone& zone) {
  const KpiRequest& base = request.base;
  Report out;
  out.request = base;
  if (request.by == ReportBy::kShift) {
    for (const Window& w : ShiftWindows(index, base.scope, base.from, base.to)) {
      auto row = Row(index, base, w.label, w.from, w.to);
      if (!row.ok()) return row.error();
      out.rows.push_back(std::move(*row));
    }
  } else {
    for (const calendar::LocalDay& day : calendar::LocalDays(
             zone, base.from, base.to, std::numeric_limits<std::size_t>::max() - 1)) {
      auto row = Row(index, base, day.label, day.from, day.to);
      if (!row.ok()) return row.error();
      out.rows.push_back(std::move(*row));
    }
  }
  auto total = Row(index, base, "total", base.from, base.to);
  if (!total.ok()) return total.error();
  out.rows.push_back(std::move(*total));
  return out;
}

DaySpan LocalDaySpan(const calendar::TimeZone& zone, const calendar::CivilDate& first, int days) {
  return {zone.StartOfDay(first), zone.StartOfDay(calendar::AddDays(first, days))};
}

}  // namespace ordo::mis::reports
