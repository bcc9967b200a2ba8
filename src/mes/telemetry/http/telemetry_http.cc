// Handlers of the telemetry endpoints: POST/GET /api/v1/tags and
// GET /api/v1/tags/{tag}/values (raw values, or min/max/avg/count per step).
#include "mes/telemetry/http/telemetry_http.h"

#include <algorithm>

#include "mes/telemetry/commands/telemetry_commands.h"
#include "mes/telemetry/domain/aggregate.h"
#include "mes/telemetry/permissions.h"
#include "mes/telemetry/store/tag_store.h"
#include "mes/telemetry/store/telemetry_file.h"
#include "server/api.h"
#include "server/query_params.h"
#include "server/response_schema.h"

namespace ordo::telemetry {

namespace {

using server::Api;
using server::Awaitable;
using server::Call;
using server::HttpResponse;

// Raw values per query at most (beyond: ask with a step).
constexpr std::int64_t kMaxRawValues = 10000;
constexpr TimeMicros kDay = 24LL * 3600 * 1'000'000;

Result<TimeMicros> TimeParam(const Call& call, const std::string& name, TimeMicros fallback) {
  auto it = call.request.query.find(name);
  if (it == call.request.query.end() || it->second.empty()) return fallback;
  TimeMicros t = 0;
  if (ParseIsoTime(it->second, &t)) return t;
  const std::string& text = it->second;
  if (text.size() < 16 &&
      std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::stoll(text) * 1000;
  return Error::Invalid(name, name + " must be an ISO 8601 time with offset or epoch milliseconds",
                        "invalid_time");
}

std::optional<double> Limit(const Json& body, const char* key) {
  if (!body.contains(key) || body[key].is_null()) return std::nullopt;
  return body[key].get<double>();
}

Awaitable<HttpResponse> Define(Api& api, Call& call) {
  TagDefined tag;
  tag.name = call.body["name"].get<std::string>();
  tag.work_unit = call.body["work_unit"].get<std::string>();
  tag.unit = call.body.value("unit", std::string());
  tag.description = call.body.value("description", std::string());
  tag.low = Limit(call.body, "low");
  tag.high = Limit(call.body, "high");
  tag.raw_days = call.body.value("raw_days", std::int64_t{30});
  auto running = api.RunCommand(call, DefineTagCommand(api.ActorOf(call), std::move(tag)));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> List(Api& api, Call& call) {
  auto it = call.request.query.find("work_unit");
  const std::string wu = it == call.request.query.end() ? "" : it->second;
  auto rows = ListTags(api.reader(), wu);
  if (!rows.ok()) co_return server::ProblemResponse(rows.error());
  Json tags = Json::array();
  for (const auto& r : *rows) tags.push_back(ToJson(r));
  co_return server::JsonResponse(200, Json{{"tags", tags}});
}

Awaitable<HttpResponse> Values(Api& api, Call& call) {
  const std::string name = call.params["tag"];
  auto tag = FindTag(api.reader(), name);
  if (!tag.ok()) co_return server::ProblemResponse(tag.error());
  if (!*tag)
    co_return server::ProblemResponse(Error{ErrorCode::kNotFound,
                                            "there is no tag '" + name.substr(0, 64) + "'", "tag",
                                            "unknown_tag"});
  auto to = TimeParam(call, "to", api.clock().NowMicros());
  if (!to.ok()) co_return server::ProblemResponse(to.error());
  auto from = TimeParam(call, "from", *to - kDay);
  if (!from.ok()) co_return server::ProblemResponse(from.error());
  if (*from >= *to)
    co_return server::ProblemResponse(
        Error::Invalid("from", "from must be before to", "invalid_window"));
  if (*to - *from > 366 * kDay)
    co_return server::ProblemResponse(
        Error::Invalid("from", "a window is at most 366 days", "invalid_window"));
  auto step = server::IntParam(call.request.query, "step", 0, 0, 366LL * 24 * 3600);
  if (!step.ok()) co_return server::ProblemResponse(step.error());
  const TimeMicros step_us = *step * 1'000'000;
  if (step_us > 0 && (*to - *from + step_us - 1) / step_us > kMaxSteps)
    co_return server::ProblemResponse(Error::Invalid(
        "step", "at most " + std::to_string(kMaxSteps) + " steps per window: a larger step",
        "too_many_steps"));
  auto file = ReaderFile(api.reader().path());
  if (!file.ok()) co_return server::ProblemResponse(file.error());
  const std::int64_t limit = step_us > 0 ? std::int64_t{50'000'000} : kMaxRawValues;
  auto points = ValuesOf(**file, name, *from, *to, limit);
  if (!points.ok()) co_return server::ProblemResponse(points.error());
  if (static_cast<std::int64_t>(points->size()) > limit)
    co_return server::ProblemResponse(Error::Invalid(
        "step",
        "more than " + std::to_string(limit) + " values in the window: ask with ?step= (seconds)",
        "too_many_values"));
  Json body{{"tag", name},
            {"unit", (*tag)->tag.unit},
            {"low", (*tag)->tag.low ? Json(*(*tag)->tag.low) : Json(nullptr)},
            {"high", (*tag)->tag.high ? Json(*(*tag)->tag.high) : Json(nullptr)},
            {"from", FormatUtcMicros(*from)},
            {"to", FormatUtcMicros(*to)},
            {"step", *step}};
  Json values = Json::array(), steps = Json::array();
  if (step_us == 0) {
    for (const auto& p : *points) {
      if (!p.rollup) {
        values.push_back(Json{{"time", FormatUtcMicros(p.time_us)}, {"value", p.sum}});
        continue;
      }
      // A minute compacted by retention: its average, with count, min and max.
      values.push_back(Json{{"time", FormatUtcMicros(p.time_us)},
                            {"value", p.sum / static_cast<double>(p.count)},
                            {"count", p.count},
                            {"min", p.min},
                            {"max", p.max}});
    }
  } else {
    for (const auto& s : AggregateSteps(*points, *from, *to, step_us)) {
      const bool any = s.count > 0;
      steps.push_back(Json{{"from", FormatUtcMicros(s.from_us)},
                           {"to", FormatUtcMicros(s.to_us)},
                           {"count", s.count},
                           {"min", any ? Json(s.min) : Json(nullptr)},
                           {"max", any ? Json(s.max) : Json(nullptr)},
                           {"avg", any ? Json(s.avg) : Json(nullptr)}});
    }
  }
  body["values"] = values;
  body["steps"] = steps;
  co_return server::JsonResponse(200, body);
}

Json Number(const std::string& description = "") {
  Json j{{"type", "number"}};
  if (!description.empty()) j["description"] = description;
  return j;
}

Json TagSchema() {
  using namespace server::schema;
  return Object({{"name", String()},
                 {"work_unit", String()},
                 {"unit", String()},
                 {"description", String()},
                 {"low", Nullable(Number("lower limit"))},
                 {"high", Nullable(Number("upper limit"))},
                 {"raw_days", Integer("days raw samples are kept")}});
}

}  // namespace

std::vector<server::Endpoint> Endpoints() {
  using F = server::FieldType;
  using namespace server::schema;
  server::Endpoint define{
      "POST",
      "/api/v1/tags",
      kTagsManage,
      {{{"name", F::kString, true, 64, "tag name: A-Z a-z 0-9 _ . - (one MQTT topic level)"},
        {"work_unit", F::kString, true, 64, "the work unit whose process value it is"},
        {"unit", F::kString, false, 16, "engineering unit, e.g. degC"},
        {"description", F::kString, false, 500, "what is measured"},
        {"low", F::kNumber, false, 0, "lower limit (optional)"},
        {"high", F::kNumber, false, 0, "upper limit (optional; above low)"},
        {"raw_days", F::kInteger, false, 0, "days raw samples are kept (1 to 3650, default 30)"}}},
      "command",
      "Define a tag (a process value of a work unit) so that sources may send its samples",
      &Define,
      201};
  define.response_schema = Object({{"tag", TagSchema()}});
  server::Endpoint list{"GET", "/api/v1/tags", kTelemetryRead,
                        {},    "read",         "The tags (?work_unit= for one work unit's)",
                        &List};
  list.response_schema = Object({{"tags", Array(TagSchema())}});
  server::Endpoint values{
      "GET",
      "/api/v1/tags/{tag}/values",
      kTelemetryRead,
      {},
      "read",
      "A tag's values (?from=&to=, ISO 8601 or epoch ms, default the last 24 h): raw (minutes "
      "compacted by retention as one value with count, min and max), or with ?step= (seconds) "
      "min/max/avg/count per step",
      &Values};
  values.response_schema = Object(
      {{"tag", String()},
       {"unit", String()},
       {"low", Nullable(Number())},
       {"high", Nullable(Number())},
       {"from", Time()},
       {"to", Time()},
       {"step", Integer("seconds; 0 = raw values")},
       {"values", Array(Object({{"time", Time("device time (a compacted minute: its start)")},
                                {"value", Number("the value (a compacted minute: its average)")}},
                               {{"count", Integer("values in the compacted minute")},
                                {"min", Number()},
                                {"max", Number()}}))},
       {"steps", Array(Object({{"from", Time()},
                               {"to", Time()},
                               {"count", Integer()},
                               {"min", Nullable(Number())},
                               {"max", Nullable(Number())},
                               {"avg", Nullable(Number())}}))}});
  return {define, list, values};
}

}  // namespace ordo::telemetry
