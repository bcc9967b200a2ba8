// Handlers of machine data: POST /api/v1/equipment-data (a rest source's API key), and the
// read-back of a work unit's state intervals and counts.
#include <algorithm>
#include <map>

#include "core/crypto.h"
#include "mes/equipment/commands/equipment_commands.h"
#include "mes/equipment/domain/counter.h"
#include "mes/equipment/http/equipment_http.h"
#include "mes/equipment/permissions.h"
#include "mes/equipment/store/board_store.h"
#include "mes/equipment/store/equipment_store.h"
#include "server/api.h"
#include "server/query_params.h"
#include "server/response_schema.h"

namespace ordo::equipment {

namespace {

using server::Api;
using server::Awaitable;
using server::Call;
using server::HttpResponse;

// The throttle account of bad API keys (per client address, with the sign-in throttle).
constexpr const char* kKeyAccount = "(machine data source key)";

engine::Actor DeviceActor(const Call& call, const std::string& source) {
  return engine::Actor{0, "source:" + source, "device", server::OriginOf(call)};
}

// The `source` a body names, if it is JSON with such a string (for the record of a refused
// unknown key only; the body is decoded properly later).
std::string ClaimedSource(const std::string& body) {
  Json j = Json::parse(body, nullptr, false);
  if (!j.is_object() || !j.contains("source") || !j["source"].is_string()) return {};
  return j["source"].get<std::string>().substr(0, 64);
}

Error UnknownKey() {
  return Error{ErrorCode::kUnauthenticated,
               "the API key is not the key of any registered rest source", "Authorization",
               "unknown_source"};
}

Awaitable<Result<server::DeviceCaller>> AuthenticateSource(Api& api, Call& call) {
  // A valid key always passes: bad keys from an address never lock out a good one.
  const std::string hash = Sha256Hex(call.token);
  auto row = FindSourceByKeyHash(api.reader(), hash);
  if (!row.ok()) co_return row.error();
  if (*row) co_return server::DeviceCaller{(*row)->name};
  const std::string address = server::AddressOnly(call.request.client);
  const std::string account = std::string(kKeyAccount) + "@" + address;
  const TimeMicros now = api.clock().NowMicros();
  auto& throttle = api.login_throttle();
  const std::int64_t wait = throttle.RetryAfterSeconds(account, address, now);
  // While throttled, only the first attempt of each delay is recorded, so a client
  // hammering with bad keys cannot grow the ledger without bound.
  if (wait > 0 && !throttle.FirstThrottledAttempt(account, address))
    co_return Error::Make(
        ErrorCode::kResourceExhausted,
        "too many unknown API keys from this address: wait " + std::to_string(wait) + " s");
  if (wait == 0) throttle.RecordFailure(account, address, now);
  // Refused and recorded: who claimed to send what, with the key's fingerprint.
  const std::string claimed = ClaimedSource(call.request.body);
  engine::Command record = RecordUnknownKeyCommand(
      DeviceActor(call, claimed.empty() ? "(unknown)" : claimed), claimed,
      "unknown API key (SHA-256 begins " + hash.substr(0, 12) + ") from " + address);
  auto pending = api.Submit(std::move(record));
  auto recorded = co_await std::move(pending);
  if (!recorded.ok()) co_return recorded.error();
  co_return UnknownKey();
}

Error ErrorOf(const Json& refused) {
  Error e = Error::Make(ErrorCode::kPermissionDenied, refused.value("message", ""));
  const std::string code = refused.value("code", "");
  for (ErrorCode c : {ErrorCode::kUnauthenticated, ErrorCode::kPermissionDenied})
    if (code == ErrorCodeName(c)) e.code = c;
  e.field = refused.value("field", "");
  e.reason = refused.value("reason", "");
  return e;
}

Awaitable<HttpResponse> Ingest(Api& api, Call& call) {
  const std::string source = call.device->source;
  const TimeMicros received = api.clock().NowMicros();
  auto row = FindSource(api.reader(), source);
  if (!row.ok()) co_return server::ProblemResponse(row.error());
  const bool increments = !*row || (*row)->counter != "cumulative";
  auto batch = DecodeBatch(call.body, increments, received);
  if (!batch.ok()) co_return server::ProblemResponse(batch.error());
  std::optional<std::set<std::string>> work_units;
  if (*row) work_units.emplace((*row)->work_units.begin(), (*row)->work_units.end());
  engine::Command command = IngestCommand(DeviceActor(call, source), source, std::move(*batch),
                                          BatchHash(call.body), received, std::move(work_units));
  auto pending = api.Submit(std::move(command));
  auto result = co_await std::move(pending);
  if (!result.ok()) co_return server::ProblemResponse(result.error());
  if (result->body.contains("refused"))
    co_return server::ProblemResponse(ErrorOf(result->body["refused"]));
  co_return server::JsonResponse(200, result->body);
}

// A time parameter: ISO 8601 with offset or epoch milliseconds; `fallback` when absent.
Result<TimeMicros> TimeParam(const Call& call, const std::string& name, TimeMicros fallback) {
  auto it = call.request.query.find(name);
  if (it == call.request.query.end() || it->second.empty()) return fallback;
  TimeMicros t = 0;
  if (ParseIsoTime(it->second, &t)) return t;
  const std::string& text = it->second;
  if (!text.empty() && text.size() < 16 &&
      std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::stoll(text) * 1000;
  return Error::Invalid(name, name + " must be an ISO 8601 time with offset or epoch milliseconds",
                        "invalid_time");
}

constexpr TimeMicros kDay = 24LL * 3600 * 1'000'000;
constexpr TimeMicros kMaxWindow = 366 * kDay;

// The window [from, to) of a read: default the last 24 hours up to now.
Result<std::pair<TimeMicros, TimeMicros>> Window(Api& api, const Call& call) {
  auto to = TimeParam(call, "to", api.clock().NowMicros());
  if (!to.ok()) return to.error();
  auto from = TimeParam(call, "from", *to - kDay);
  if (!from.ok()) return from.error();
  if (*from >= *to) return Error::Invalid("from", "from must be before to", "invalid_window");
  if (*to - *from > kMaxWindow)
    return Error::Invalid("from", "a window is at most 366 days", "invalid_window");
  return std::make_pair(*from, *to);
}

// The intervals of `wu` overlapping [from, to) as the API shows them, with reasons
// assigned after the fact; `unassigned_downtime`: only down intervals that are no
// micro-stop and have no reason, starting in the window.
Result<Json> IntervalsOf(Api& api, const std::string& wu, TimeMicros from, TimeMicros to,
                         bool unassigned_downtime, TimeMicros* threshold_out = nullptr) {
  auto threshold = MicroStopThreshold(api.reader(), wu, api.clock().NowMicros());
  if (!threshold.ok()) return threshold.error();
  if (threshold_out) *threshold_out = *threshold;
  auto changes = ChangesAround(api.reader(), wu, from, to);
  if (!changes.ok()) return changes.error();
  auto assigned = AssignedReasons(api.reader(), wu);
  if (!assigned.ok()) return assigned.error();
  Json out = Json::array();
  for (const auto& i : DeriveIntervals(std::move(*changes), *threshold)) {
    if (i.start_us >= to) continue;  // the change that closes the last one
    auto a = assigned->find(i.start_us);
    const bool has_assignment = i.state == State::kDown && a != assigned->end();
    const std::string code = has_assignment ? a->second.reason_code : i.reason_code;
    if (unassigned_downtime &&
        (i.state != State::kDown || i.micro_stop || !code.empty() || i.start_us < from))
      continue;
    out.push_back(IntervalRow(wu, i, from, to, has_assignment ? &a->second : nullptr));
  }
  return out;
}

Awaitable<HttpResponse> States(Api& api, Call& call) {
  const std::string wu = call.params["id"];
  auto window = Window(api, call);
  if (!window.ok()) co_return server::ProblemResponse(window.error());
  TimeMicros threshold = 0;
  auto intervals = IntervalsOf(api, wu, window->first, window->second, false, &threshold);
  if (!intervals.ok()) co_return server::ProblemResponse(intervals.error());
  co_return server::JsonResponse(200, Json{{"work_unit", wu},
                                           {"from", FormatUtcMicros(window->first)},
                                           {"to", FormatUtcMicros(window->second)},
                                           {"micro_stop_seconds", threshold / 1'000'000},
                                           {"intervals", *intervals}});
}

Awaitable<HttpResponse> Downtime(Api& api, Call& call) {
  auto window = Window(api, call);
  if (!window.ok()) co_return server::ProblemResponse(window.error());
  auto it = call.request.query.find("unassigned");
  if (it != call.request.query.end() && it->second != "true")
    co_return server::ProblemResponse(
        Error::Invalid("unassigned",
                       "unassigned is true or absent: the list of down intervals "
                       "without a reason (the only list so far)"));
  auto units = WorkUnitsDownIn(api.reader(), window->first, window->second);
  if (!units.ok()) co_return server::ProblemResponse(units.error());
  Json out = Json::array();
  for (const auto& wu : *units) {
    auto rows = IntervalsOf(api, wu, window->first, window->second, true);
    if (!rows.ok()) {
      if (rows.error().reason == "unknown_work_unit") continue;  // no longer in master data
      co_return server::ProblemResponse(rows.error());
    }
    for (auto& r : *rows) out.push_back(std::move(r));
  }
  co_return server::JsonResponse(200, Json{{"from", FormatUtcMicros(window->first)},
                                           {"to", FormatUtcMicros(window->second)},
                                           {"downtime", out}});
}

Awaitable<HttpResponse> Assign(Api& api, Call& call) {
  TimeMicros start = 0;
  const std::string& text = call.params["start"];
  if (!ParseIsoTime(text, &start)) {
    if (text.empty() || text.size() > 15 ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
      co_return server::ProblemResponse(Error::Invalid(
          "start", "start must be the interval's start: ISO 8601 with offset or epoch ms",
          "invalid_time"));
    start = std::stoll(text) * 1000;
  }
  engine::Command command = AssignReasonCommand(api.ActorOf(call), call.params["id"], start,
                                                call.body["reason_code"].get<std::string>(),
                                                call.body.value("comment", std::string()));
  auto running = api.RunCommand(call, std::move(command));
  co_return co_await std::move(running);
}

Json CountsJson(const Counts& c) {
  return Json{{"total", c.total}, {"good", c.good}, {"scrap", c.scrap}, {"rework", c.rework}};
}

Awaitable<HttpResponse> CountsRead(Api& api, Call& call) {
  const std::string wu = call.params["id"];
  auto window = Window(api, call);
  if (!window.ok()) co_return server::ProblemResponse(window.error());
  auto step = server::IntParam(call.request.query, "step", 0, 0, 366LL * 24 * 3600);
  if (!step.ok()) co_return server::ProblemResponse(step.error());
  const auto [from, to] = *window;
  const TimeMicros step_us = *step * 1'000'000;
  if (step_us > 0 && (to - from) / step_us > 10000)
    co_return server::ProblemResponse(
        Error::Invalid("step", "at most 10000 steps per window: a larger step", "too_many_steps"));
  auto known = MicroStopThreshold(api.reader(), wu, api.clock().NowMicros());
  if (!known.ok()) co_return server::ProblemResponse(known.error());
  auto rows = CountsAround(api.reader(), wu, from, to);
  if (!rows.ok()) co_return server::ProblemResponse(rows.error());
  // Increments: as sent, or by the counter rule per cumulative source.
  std::vector<CountReading> increments;
  std::map<std::string, std::vector<CountReading>> cumulative;
  for (const auto& r : *rows) {
    if (r.counter == "cumulative")
      cumulative[r.source].push_back(r.reading);
    else
      increments.push_back(r.reading);
  }
  for (auto& [source, readings] : cumulative)
    for (const auto& inc : IncrementsFromCumulative(std::move(readings), 0))
      if (inc.device_time_us >= from) increments.push_back(inc);
  Counts totals = Sum(increments);
  Json steps = Json::array();
  if (step_us > 0) {
    std::vector<Counts> buckets(static_cast<std::size_t>((to - from + step_us - 1) / step_us));
    for (const auto& inc : increments)
      buckets[static_cast<std::size_t>((inc.device_time_us - from) / step_us)] += inc.counts;
    for (std::size_t b = 0; b < buckets.size(); ++b) {
      Json row = CountsJson(buckets[b]);
      row["from"] = FormatUtcMicros(from + static_cast<TimeMicros>(b) * step_us);
      row["to"] = FormatUtcMicros(std::min(to, from + static_cast<TimeMicros>(b + 1) * step_us));
      steps.push_back(row);
    }
  }
  co_return server::JsonResponse(200, Json{{"work_unit", wu},
                                           {"from", FormatUtcMicros(from)},
                                           {"to", FormatUtcMicros(to)},
                                           {"totals", CountsJson(totals)},
                                           {"steps", steps}});
}

}  // namespace

std::vector<server::Endpoint> DataEndpoints() {
  using F = server::FieldType;
  constexpr std::size_t kLots = 1'000'000;  // the batch's own limit (batch_too_large) applies
  server::Endpoint ingest{
      "POST",
      "/api/v1/equipment-data",
      kDataSend,
      {{{"source", F::kString, true, 64, "the sending source's name (its key's source)"},
        {"seq", F::kInteger, true, 0, "the source's batch number: (source, seq) is unique"},
        {"states", F::kObjectArray, false, kLots,
         "[{work_unit, time, state, reason?}]: time ISO 8601 or epoch ms"},
        {"counts", F::kObjectArray, false, kLots,
         "[{work_unit, time, total, good?, scrap?, rework?}]"},
        {"samples", F::kObjectArray, false, kLots,
         "[{tag, time, value}]: a defined tag, ISO 8601 or epoch ms, a finite number"}}},
      "command",
      "Send a batch of machine data (states, counts and samples) as a registered rest "
      "source",
      &Ingest};
  ingest.device_auth = &AuthenticateSource;
  ingest.response_schema = IngestSchema();
  server::Endpoint states{"GET",
                          "/api/v1/work-units/{id}/states",
                          kEquipmentRead,
                          {},
                          "read",
                          "A work unit's state intervals (?from=&to=, ISO 8601 or epoch ms; "
                          "default the last 24 h)",
                          &States};
  states.response_schema = StatesSchema();
  server::Endpoint counts{"GET",
                          "/api/v1/work-units/{id}/counts",
                          kEquipmentRead,
                          {},
                          "read",
                          "A work unit's counts: totals and, with ?step= (seconds), one row "
                          "per step (?from=&to= as for states)",
                          &CountsRead};
  counts.response_schema = CountsSchema();
  using F2 = server::FieldType;
  server::Endpoint assign{
      "POST",
      "/api/v1/work-units/{id}/downtime/{start}/reason",
      kDowntimeAssign,
      {{{"reason_code", F2::kString, true, 32, "an unplanned code of the DOWNTIME list"},
        {"comment", F2::kString, false, 1000, "what happened"}}},
      "command",
      "Give a down interval (by its start: ISO 8601 or epoch ms) its reason after the fact",
      &Assign};
  assign.response_schema = AssignedSchema();
  server::Endpoint downtime{"GET",
                            "/api/v1/downtime",
                            kEquipmentRead,
                            {},
                            "read",
                            "Down intervals without a reason (?unassigned=true&from=&to=), "
                            "micro-stops left out",
                            &Downtime};
  downtime.response_schema = DowntimeSchema();
  return {ingest, states, counts, assign, downtime};
}

}  // namespace ordo::equipment
