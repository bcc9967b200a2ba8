// GET /api/v1/reports/shift and /reports/daily (report_routes.h).
#include "mis/reports/http/report_routes.h"

#include <functional>
#include <memory>

#include "mis/access/roles.h"
#include "mis/kpi_source/kpi_inputs.h"
#include "mis/kpi_source/kpi_query.h"
#include "mis/reports/report_format.h"
#include "server/problem.h"

namespace ordo::mis::reports {

namespace {

constexpr int kMaxDays = 92;

// The local day "YYYY-MM-DD" in `query[name]` (a day of the site time zone).
Result<calendar::CivilDate> Day(const std::map<std::string, std::string>& query,
                                const std::string& name) {
  auto it = query.find(name);
  if (it == query.end())
    return Error::Invalid(name, "query parameter '" + name + "' is required (YYYY-MM-DD)",
                          "missing_parameter");
  calendar::CivilDate date;
  if (!calendar::ParseDate(it->second, &date))
    return Error::Invalid(name, name + " must be a date YYYY-MM-DD, got '" + it->second + "'",
                          "invalid_date");
  return date;
}

struct Parsed {
  ReportRequest request;
  std::string format;
  std::string title;
};

Result<Parsed> Parse(std::map<std::string, std::string> query, ReportBy by,
                     const calendar::TimeZone& zone) {
  Parsed out;
  out.format = query.count("format") ? query["format"] : "json";
  if (out.format != "json" && out.format != "csv" && out.format != "html")
    return Error::Invalid("format", "format must be json, csv or html", "invalid_format");
  query.erase("format");
  TimeMicros from = 0, to = 0;
  if (by == ReportBy::kShift) {
    auto day = Day(query, "date");
    if (!day.ok()) return day.error();
    const DaySpan span = LocalDaySpan(zone, *day, 1);
    from = span.from;
    to = span.to;
    out.title = "Shift report " + query["date"];
    query.erase("date");
  } else {
    auto first = Day(query, "from");
    if (!first.ok()) return first.error();
    auto last = Day(query, "to");
    if (!last.ok()) return last.error();
    if (*last < *first) return Error::Invalid("to", "to must not be before from", "invalid_window");
    const auto days = calendar::DaysFromCivil(*last) - calendar::DaysFromCivil(*first) + 1;
    if (days > kMaxDays)
      return Error::Invalid("to", "a daily report covers at most 92 days", "window_too_long");
    out.title = "Daily report " + query["from"] + " to " + query["to"];
    const DaySpan span = LocalDaySpan(zone, *first, static_cast<int>(days));
    from = span.from;
    to = span.to;
  }
  query["from"] = FormatUtcMicros(from);
  query["to"] = FormatUtcMicros(to);
  auto kpi = kpi_source::ParseKpiQuery(query, kpi_source::QueryKind::kFigures);
  if (!kpi.ok()) return kpi.error();
  out.request = ReportRequest{kpi->request, by};
  if (!out.request.base.scope.empty()) out.title += ", " + out.request.base.scope;
  return out;
}

server::HttpResponse Render(const Report& report, const Parsed& parsed) {
  server::HttpResponse r;
  if (parsed.format == "csv") {
    r.content_type = "text/csv; charset=utf-8";
    r.headers.emplace_back("Content-Disposition", "attachment; filename=\"report.csv\"");
    r.body = ReportToCsv(report);
  } else if (parsed.format == "html") {
    r.content_type = "text/html; charset=utf-8";
    r.body = ReportToHtml(report, parsed.title);
  } else {
    r.body = ReportToJson(report, parsed.title).dump();
  }
  return r;
}

template <ReportBy kBy>
http::Awaitable<http::HttpResponse> Handle(http::Context& context, http::Call& call) {
  auto parsed = Parse(call.request.query, kBy, context.time_zone());
  if (!parsed.ok()) co_return server::ProblemResponse(parsed.error());
  std::function<Result<server::HttpResponse>(storage::Database&)> work =
      [p = std::move(*parsed),
       zone = context.time_zone()](storage::Database& reader) -> Result<server::HttpResponse> {
    auto inputs = kpi_source::LoadKpiInputs(reader, zone);
    if (!inputs.ok()) return inputs.error();
    const ElementIndex index(*inputs);
    auto report = BuildReport(index, p.request, zone);
    if (!report.ok()) return report.error();
    return Render(*report, p);
  };
  auto computing = context.Compute(std::move(work));
  Result<server::HttpResponse> answer = co_await std::move(computing);
  if (!answer.ok()) co_return server::ProblemResponse(answer.error());
  co_return std::move(*answer);
}

}  // namespace

std::vector<http::Route> Routes() {
  return {
      http::GetRoute("/api/v1/reports/shift", access::kRead,
                     "Shift report: the KPIs of each shift of a day, and the day (json, csv, html)",
                     &Handle<ReportBy::kShift>),
      http::GetRoute("/api/v1/reports/daily", access::kRead,
                     "Daily report: the KPIs of each day of a span, and the span (json, csv, html)",
                     &Handle<ReportBy::kDay>)};
}

}  // namespace ordo::mis::reports
