// The report's windows and figures.
#include "mis/reports/report.h"

#include "mis/kpi/windows.h"

namespace ordo::mis::reports {

namespace {

constexpr TimeMicros kDay = 86'400'000'000;

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

Result<Report> BuildReport(const ElementIndex& index, const ReportRequest& request) {
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
    for (TimeMicros day = base.from - base.from % kDay; day < base.to; day += kDay) {
      const TimeMicros from = std::max(day, base.from), to = std::min(day + kDay, base.to);
      auto row = Row(index, base, FormatUtcMicros(day).substr(0, 10), from, to);
      if (!row.ok()) return row.error();
      out.rows.push_back(std::move(*row));
    }
  }
  auto total = Row(index, base, "total", base.from, base.to);
  if (!total.ok()) return total.error();
  out.rows.push_back(std::move(*total));
  return out;
}

}  // namespace ordo::mis::reports
