// Handlers of the dispatch endpoints: the work unit picker, a unit's list, a supervisor's
// move, and the list as server-sent events.
#include "mes/dispatch/http/dispatch_http.h"

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <chrono>
#include <map>

#include "mes/dispatch/commands/move_command.h"
#include "mes/dispatch/http/schemas.h"
#include "mes/dispatch/permissions.h"
#include "mes/dispatch/store/dispatch_list.h"
#include "mes/orders/permissions.h"
#include "server/api.h"
#include "server/response_schema.h"
#include "store/data_dir.h"

namespace ordo::dispatch {

namespace {

using server::Api;
using server::Awaitable;
using server::Call;
using server::HttpResponse;
using server::StreamWriter;
namespace asio = boost::asio;

// At most this many lists a second per stream, however fast commits come.
constexpr auto kStreamPace = std::chrono::milliseconds(250);

// How long a computed list is reused while the ledger head stays where it was (the rule
// keys that move with the clock alone, past due and critical ratio, may lag this much).
constexpr auto kListReuse = std::chrono::seconds(1);

// The list of unit `id` as JSON, computed at `now` on a read-only connection of its own:
// off the io thread (the parsing pool) when the server knows its data dir, so that other
// requests are answered meanwhile; reads only, the writer is not involved.
Awaitable<Result<Json>> ComputeListJson(Api& api, std::string id, TimeMicros now) {
  if (api.options().data_dir.empty()) {  // an Api without a data dir: on its reader
    auto list = ComputeDispatchList(api.reader(), id, now);
    if (!list.ok()) co_return list.error();
    co_return ToJson(*list);
  }
  auto result = std::make_shared<Result<Json>>(Json());
  std::function<Json()> work = [dir = store::DataDir{api.options().data_dir}, id, now, result] {
    auto db = store::OpenStore(dir, storage::OpenMode::kReadOnly);
    if (!db.ok()) {
      *result = db.error();
      return Json();
    }
    auto list = ComputeDispatchList(**db, id, now);
    *result = list.ok() ? Result<Json>(ToJson(*list)) : Result<Json>(list.error());
    return Json();
  };
  auto computing = api.OffThread(std::move(work), server::WorkPool::kParsing);
  co_await std::move(computing);
  co_return std::move(*result);
}

// The list of unit `id` as JSON: computed (ComputeListJson), or the one computed at this
// head less than kListReuse ago (so that many terminals watching one unit, each stream
// woken by the same commit, cost one computation). The cache is io-thread state.
Awaitable<Result<Json>> ListNow(Api& api, std::string id) {
  struct Cached {
    const Api* api = nullptr;
    std::int64_t head = -1;
    std::chrono::steady_clock::time_point at;
    Json list;
  };
  static std::map<std::string, Cached> cache;
  auto it = cache.find(id);
  if (it != cache.end() && it->second.api == &api && it->second.head == api.head_seq() &&
      std::chrono::steady_clock::now() - it->second.at < kListReuse)
    co_return it->second.list;
  const std::int64_t head = api.head_seq();
  const auto started = std::chrono::steady_clock::now();
  auto computing = ComputeListJson(api, id, api.clock().NowMicros());
  Result<Json> json = co_await std::move(computing);
  if (!json.ok()) co_return json;
  if (cache.size() >= 256) cache.clear();  // bounded: unknown ids never get here
  cache[id] = Cached{&api, head, started, *json};
  co_return json;
}

std::string Text(const Json& body, const char* name) {
  return body.contains(name) ? body[name].get<std::string>() : std::string();
}

Awaitable<HttpResponse> ListWorkUnits(Api& api, Call&) {
  auto units = AllWorkUnits(api.reader(), api.clock().NowMicros());
  if (!units.ok()) co_return server::ProblemResponse(units.error());
  Json out = Json::array();
  for (const auto& u : *units) out.push_back(ToJson(u));
  co_return server::JsonResponse(200, Json{{"work_units", out}});
}

Awaitable<HttpResponse> GetList(Api& api, Call& call) {
  auto listing = ListNow(api, call.params["id"]);
  Result<Json> list = co_await std::move(listing);
  if (!list.ok()) co_return server::ProblemResponse(list.error());
  co_return server::JsonResponse(200, std::move(*list));
}

Awaitable<HttpResponse> PostMove(Api& api, Call& call) {
  Move move;
  move.order_id = Text(call.body, "order_id");
  move.operation = Text(call.body, "operation");
  move.reason = Text(call.body, "reason");
  auto direction = ParseDirection(Text(call.body, "direction"));
  if (!direction.ok()) co_return server::ProblemResponse(direction.error());
  move.direction = *direction;
  if (call.body.contains("to_position")) {
    const Json& p = call.body["to_position"];
    // Out-of-range integers become 0, which CheckMove refuses.
    const bool small = !p.is_number_unsigned() || p.get<std::uint64_t>() <= 1000000;
    const std::int64_t value = small ? p.get<std::int64_t>() : 0;
    move.to_position = value >= 1 && value <= 1000000 ? static_cast<int>(value) : 0;
  }
  // The move alone, before it takes a place in the writer's queue.
  if (Status s = CheckMove(move); !s.ok()) co_return server::ProblemResponse(s.error());
  engine::Command command = MoveCommand(api.ActorOf(call), call.params["id"], std::move(move));
  auto running = api.RunCommand(call, std::move(command));
  co_return co_await std::move(running);
}

// The list as it is, then again whenever a commit changed it: recomputed only when the
// head moved, at most once per kStreamPace; sent only when it differs from the last one.
Awaitable<HttpResponse> StreamList(Api& api, Call& call) {
  const std::string id = call.params["id"];
  auto listing = ListNow(api, id);
  Result<Json> first = co_await std::move(listing);
  if (!first.ok()) co_return server::ProblemResponse(first.error());
  HttpResponse r;
  r.content_type = "text/event-stream";
  r.headers.emplace_back("Cache-Control", "no-store");
  r.stream = [&api, id, token = call.token](StreamWriter& out) -> Awaitable<void> {
    std::int64_t seen = -1;
    std::string last;
    asio::steady_timer pace(api.io());
    boost::system::error_code ec;
    while (!api.shutting_down() && api.sessions().Alive(token, api.clock().NowMicros())) {
      if (api.head_seq() != seen) {
        seen = api.head_seq();
        auto listing = ListNow(api, id);
        Result<Json> list = co_await std::move(listing);
        if (!list.ok()) co_return;  // the unit went out of force: the stream ends
        std::string data = CanonicalJson(*list);
        if (data != last) {
          std::string frame =
              "id: " + std::to_string(seen) + "\nevent: dispatch\ndata: " + data + "\n\n";
          auto written = out.Write(std::move(frame));
          if (!co_await std::move(written)) co_return;
          last = std::move(data);
        }
        pace.expires_after(kStreamPace);
        co_await pace.async_wait(asio::redirect_error(asio::use_awaitable, ec));
        continue;
      }
      auto waiting = api.WaitForHead(seen, 15);
      co_await std::move(waiting);
      if (api.head_seq() <= seen) {
        auto kept = out.Write(": keep-alive\n\n");
        if (!co_await std::move(kept)) co_return;
      }
    }
  };
  co_return r;
}

}  // namespace

std::vector<server::Endpoint> Endpoints() {
  using F = server::FieldType;
  using namespace server::schema;
  server::Endpoint units{"GET",
                         "/api/v1/work-units",
                         orders::kOrdersRead,
                         {},
                         "read",
                         "Every work unit in force with its state and what runs on it (the "
                         "terminal's picker)",
                         &ListWorkUnits};
  units.response_schema = Object({{"work_units", Array(WorkUnitSchema())}});
  server::Endpoint list{"GET",
                        "/api/v1/work-units/{id}/dispatch",
                        orders::kOrdersRead,
                        {},
                        "read",
                        "A work unit's dispatch list: the operations it may run, sequenced by "
                        "its work center's rule and the supervisors' moves, each with its reason",
                        &GetList};
  list.response_schema = DispatchListSchema();
  server::Endpoint move{
      "POST",
      "/api/v1/work-units/{id}/dispatch/moves",
      kDispatchResequence,
      {{{"order_id", F::kString, true, 64, "the order of the operation moved"},
        {"operation", F::kString, true, 64, "the operation moved"},
        {"direction", F::kString, true, 16, "up, down or position"},
        {"to_position", F::kInteger, false, 0, "direction position: the place, 1-based"},
        {"reason", F::kString, true, 1000, "why (required, recorded)"}}},
      "command",
      "Move an operation on the dispatch list (recorded with its reason); answers the new list",
      &PostMove};
  move.response_schema = DispatchListSchema();
  server::Endpoint stream{"GET",
                          "/api/v1/work-units/{id}/dispatch/stream",
                          orders::kOrdersRead,
                          {},
                          "read",
                          "A work unit's dispatch list as server-sent events: now, then after "
                          "every commit that changed it",
                          &StreamList};
  stream.response_schema =
      Content("text/event-stream",
              String("server-sent events: `id: <ledger head>`, `event: dispatch` and `data: "
                     "<the list as in GET /api/v1/work-units/{id}/dispatch>`, first the list "
                     "now, then each changed list (at most 4 a second), with `: keep-alive` "
                     "comments while idle"));
  return {units, list, move, stream};
}

}  // namespace ordo::dispatch
