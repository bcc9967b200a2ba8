// Handlers of the equipment board: GET /api/v1/equipment/board (every work unit by line,
// its state and since when, what runs on it, its counts), the same as server-sent events
// after every commit that changed it, and the downtime list page's read
// (GET /api/v1/equipment/downtime: assigned and unassigned, with the DOWNTIME codes).
#include <algorithm>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>

#include "mes/equipment/http/equipment_http.h"
#include "mes/equipment/permissions.h"
#include "mes/equipment/store/board_store.h"
#include "server/api.h"
#include "server/response_schema.h"
#include "store/data_dir.h"

namespace ordo::equipment {

namespace {

using server::Api;
using server::Awaitable;
using server::Call;
using server::HttpResponse;
using server::StreamWriter;
namespace asio = boost::asio;

// At most this many boards a second per stream, however fast machine data comes.
constexpr auto kStreamPace = std::chrono::milliseconds(500);
// How long a computed board is reused while the ledger head stays where it was.
constexpr auto kBoardReuse = std::chrono::seconds(1);
constexpr TimeMicros kDay = 24LL * 3600 * 1'000'000;

// A time query parameter: ISO 8601 with offset or epoch milliseconds; nullopt when absent.
Result<std::optional<TimeMicros>> OptionalTime(const Call& call, const std::string& name) {
  auto it = call.request.query.find(name);
  if (it == call.request.query.end() || it->second.empty()) return std::optional<TimeMicros>();
  TimeMicros t = 0;
  if (ParseIsoTime(it->second, &t)) return std::optional<TimeMicros>(t);
  const std::string& text = it->second;
  if (text.size() < 16 &&
      std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::optional<TimeMicros>(std::stoll(text) * 1000);
  return Error::Invalid(name, name + " must be an ISO 8601 time with offset or epoch milliseconds",
                        "invalid_time");
}

// Runs `read` on a read-only connection of its own off the io thread (the parsing pool)
// when the server knows its data dir, else on the reader; reads only.
Awaitable<Result<Json>> ReadOffThread(Api& api,
                                      std::function<Result<Json>(storage::Database&)> read) {
  if (api.options().data_dir.empty()) co_return read(api.reader());
  auto result = std::make_shared<Result<Json>>(Json());
  std::function<Json()> work = [dir = store::DataDir{api.options().data_dir}, read, result] {
    auto db = store::OpenStore(dir, storage::OpenMode::kReadOnly);
    *result = db.ok() ? read(**db) : Result<Json>(db.error());
    return Json();
  };
  auto computing = api.OffThread(std::move(work), server::WorkPool::kParsing);
  co_await std::move(computing);
  co_return std::move(*result);
}

// The board now: computed, or the one computed for the same `since` at this ledger head
// less than kBoardReuse ago (so that many open boards, each stream woken by the same
// commit, cost one computation). The cache is io-thread state.
Awaitable<Result<Json>> BoardNow(Api& api, std::optional<TimeMicros> since) {
  struct Cached {
    const Api* api = nullptr;
    std::int64_t head = -1;
    std::chrono::steady_clock::time_point at;
    Json board;
  };
  static std::map<std::optional<TimeMicros>, Cached> cache;
  auto it = cache.find(since);
  if (it != cache.end() && it->second.api == &api && it->second.head == api.head_seq() &&
      std::chrono::steady_clock::now() - it->second.at < kBoardReuse)
    co_return it->second.board;
  const std::int64_t head = api.head_seq();
  const auto started = std::chrono::steady_clock::now();
  const TimeMicros now = api.clock().NowMicros();
  auto reading = ReadOffThread(
      api, [now, since](storage::Database& db) { return ComputeBoard(db, now, since); });
  Result<Json> board = co_await std::move(reading);
  if (!board.ok()) co_return board;
  if (cache.size() >= 64) cache.clear();  // bounded: one entry per distinct since
  cache[since] = Cached{&api, head, started, *board};
  co_return board;
}

Awaitable<HttpResponse> GetBoard(Api& api, Call& call) {
  auto since = OptionalTime(call, "since");
  if (!since.ok()) co_return server::ProblemResponse(since.error());
  auto reading = BoardNow(api, *since);
  Result<Json> board = co_await std::move(reading);
  if (!board.ok()) co_return server::ProblemResponse(board.error());
  co_return server::JsonResponse(200, std::move(*board));
}

// The board's content without its `at` (which moves with the clock): what decides whether
// a new frame is sent.
std::string BoardContent(const Json& board) {
  Json copy = board;
  copy.erase("at");
  return CanonicalJson(copy);
}

// The board now, then again whenever a commit changed it: recomputed only when the head
// moved, at most once per kStreamPace; sent only when it differs from the last one.
Awaitable<HttpResponse> StreamBoard(Api& api, Call& call) {
  auto since = OptionalTime(call, "since");
  if (!since.ok()) co_return server::ProblemResponse(since.error());
  HttpResponse r;
  r.content_type = "text/event-stream";
  r.headers.emplace_back("Cache-Control", "no-store");
  r.stream = [&api, since = *since, token = call.token](StreamWriter& out) -> Awaitable<void> {
    std::int64_t seen = -1;
    std::string last;
    asio::steady_timer pace(api.io());
    boost::system::error_code ec;
    while (!api.shutting_down() && api.sessions().Alive(token, api.clock().NowMicros())) {
      if (api.head_seq() != seen) {
        seen = api.head_seq();
        auto reading = BoardNow(api, since);
        Result<Json> board = co_await std::move(reading);
        if (!board.ok()) co_return;
        std::string content = BoardContent(*board);
        if (content != last) {
          std::string frame = "id: " + std::to_string(seen) +
                              "\nevent: board\ndata: " + CanonicalJson(*board) + "\n\n";
          auto written = out.Write(std::move(frame));
          if (!co_await std::move(written)) co_return;
          last = std::move(content);
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

Awaitable<HttpResponse> GetDowntimeList(Api& api, Call& call) {
  const TimeMicros now = api.clock().NowMicros();
  auto to = OptionalTime(call, "to");
  if (!to.ok()) co_return server::ProblemResponse(to.error());
  auto from = OptionalTime(call, "from");
  if (!from.ok()) co_return server::ProblemResponse(from.error());
  const TimeMicros end = to->value_or(now + kDay);  // device clocks may run ahead
  const TimeMicros start = from->value_or(now - 7 * kDay);
  if (start >= end)
    co_return server::ProblemResponse(
        Error::Invalid("from", "from must be before to", "invalid_window"));
  if (end - start > 366 * kDay)
    co_return server::ProblemResponse(
        Error::Invalid("from", "a window is at most 366 days", "invalid_window"));
  bool unassigned = false;
  if (auto it = call.request.query.find("unassigned"); it != call.request.query.end()) {
    if (it->second != "true" && it->second != "false")
      co_return server::ProblemResponse(
          Error::Invalid("unassigned", "unassigned is true or false", "invalid_flag"));
    unassigned = it->second == "true";
  }
  auto reading = ReadOffThread(api, [start, end, now, unassigned](storage::Database& db) {
    return ComputeDowntimeList(db, start, end, now, unassigned);
  });
  Result<Json> list = co_await std::move(reading);
  if (!list.ok()) co_return server::ProblemResponse(list.error());
  co_return server::JsonResponse(200, std::move(*list));
}

}  // namespace

std::vector<server::Endpoint> BoardEndpoints() {
  using namespace server::schema;
  server::Endpoint board{"GET",
                         "/api/v1/equipment/board",
                         kEquipmentRead,
                         {},
                         "read",
                         "Every work unit by line: its state with reason and since when, the "
                         "order and operation running on it, and its counts (since the "
                         "operation started, or ?since= ISO 8601 or epoch ms)",
                         &GetBoard};
  board.response_schema = BoardSchema();
  server::Endpoint stream{"GET",
                          "/api/v1/equipment/board/stream",
                          kEquipmentRead,
                          {},
                          "read",
                          "The equipment board as server-sent events: now, then after every "
                          "commit that changed it (?since= as for the board)",
                          &StreamBoard};
  stream.response_schema =
      Content("text/event-stream",
              String("server-sent events: `id: <ledger head>`, `event: board` and `data: <the "
                     "board as in GET /api/v1/equipment/board>`, first the board now, then each "
                     "changed board (at most 2 a second), with `: keep-alive` comments while "
                     "idle"));
  server::Endpoint downtime{"GET",
                            "/api/v1/equipment/downtime",
                            kEquipmentRead,
                            {},
                            "read",
                            "The downtime list: down intervals (no micro-stops) starting in "
                            "?from=&to= (default the last 7 days), newest first, assigned (who, "
                            "when) or not (?unassigned=true: only those), with the unplanned "
                            "codes of the DOWNTIME list",
                            &GetDowntimeList};
  downtime.response_schema = DowntimeListSchema();
  return {board, stream, downtime};
}

}  // namespace ordo::equipment
