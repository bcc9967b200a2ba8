// Shift and daily reports (issue 13 section 6): the KPIs of one scope for each window of
// a span, and for the whole span, each figure computed by the one KPI engine
// (ComputeKpis) exactly as GET /api/v1/kpi computes it for that scope, window and policy.
// Pure.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "mis/calendar/time_zone.h"
#include "mis/kpi/element_index.h"
#include "mis/kpi/kpi.h"

namespace ordo::mis::reports {

enum class ReportBy {
  kShift,  // the shifts of the scope's calendar within the span (windows.h ShiftWindows)
  kDay,    // each local day of the site's time zone in the span
};

struct ReportRequest {
  KpiRequest base;  // kpis, scope, profile, policy; [from, to) is the report's span
  ReportBy by = ReportBy::kShift;
};

struct ReportRow {
  std::string label;  // the shift's label, the local day ("2026-01-05"), or "total"
  TimeMicros from = 0;
  TimeMicros to = 0;
  std::vector<Figure> figures;  // in the order asked
};

struct Report {
  KpiRequest request;           // the span's request (its figures are the total row)
  std::vector<ReportRow> rows;  // the windows in time order, then "total"
};

// The rows; by day, the local days of `zone` (calendar::LocalDays), each cut to the span
// (23 or 25 hours on the days clocks change). Errors as ComputeKpis (unknown_kpi,
// unknown_scope, invalid_window).
Result<Report> BuildReport(const ElementIndex& index, const ReportRequest& request,
                           const calendar::TimeZone& zone);

// The span of `days` whole local days of `zone` from local day `first`: [its start, the
// start of the day after the last).
struct DaySpan {
  TimeMicros from = 0, to = 0;
};
DaySpan LocalDaySpan(const calendar::TimeZone& zone, const calendar::CivilDate& first, int days);

}  // namespace ordo::mis::reports
