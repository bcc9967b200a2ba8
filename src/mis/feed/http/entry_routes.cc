// GET /api/v1/feed/entries (entry_routes.h).
#include "mis/feed/http/entry_routes.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <utility>

#include "mes/equipment/events.h"
#include "mes/masterdata/events.h"
#include "mis/access/roles.h"
#include "mis/feed/store/feed_entries.h"
#include "mis/feed/store/feed_store.h"
#include "server/problem.h"
#include "server/query_params.h"

namespace ordo::mis::feed {

namespace {

namespace eq = ordo::equipment;
namespace md = ordo::masterdata;

constexpr std::int64_t kMaxSeqs = 1000;
constexpr std::int64_t kMaxSeq = 1'000'000'000'000'000;

Result<std::int64_t> Bound(const std::map<std::string, std::string>& query,
                           const std::string& name) {
  auto it = query.find(name);
  if (it == query.end())
    return Error::Invalid(name, name + ": required, a ledger seq (a whole number from 1)",
                          "missing_parameter");
  if (it->second.empty())
    return Error::Invalid(name, name + ": expected a ledger seq (a whole number from 1)");
  return server::IntParam(query, name, 0, 1, kMaxSeq);
}

Json EntriesJson(const FeedEntries& rows) {
  std::vector<std::pair<std::int64_t, Json>> all;
  for (const auto& r : rows.states)
    all.emplace_back(r.seq, Json{{"seq", r.seq},
                                 {"type", eq::StateChanged::kType},
                                 {"work_unit", r.work_unit},
                                 {"time", FormatUtcMicros(r.time)},
                                 {"state", r.state},
                                 {"reason", r.reason},
                                 {"source", r.source},
                                 {"source_seq", r.source_seq},
                                 {"item", r.index}});
  for (const auto& r : rows.counts)
    all.emplace_back(r.seq, Json{{"seq", r.seq},
                                 {"type", eq::Counted::kType},
                                 {"work_unit", r.work_unit},
                                 {"time", FormatUtcMicros(r.time)},
                                 {"source", r.source},
                                 {"counter", r.counter},
                                 {"source_seq", r.source_seq},
                                 {"item", r.index},
                                 {"total", r.total},
                                 {"good", r.good},
                                 {"scrap", r.scrap},
                                 {"rework", r.rework},
                                 {"product", r.product},
                                 {"order", r.order}});
  for (const auto& r : rows.reasons)
    all.emplace_back(r.seq, Json{{"seq", r.seq},
                                 {"type", eq::DowntimeReasonAssigned::kType},
                                 {"work_unit", r.work_unit},
                                 {"interval_start", FormatUtcMicros(r.interval_start)},
                                 {"reason", r.reason}});
  for (const auto& r : rows.sources)
    all.emplace_back(r.seq, Json{{"seq", r.seq},
                                 {"type", eq::SourceRegistered::kType},
                                 {"source", r.name},
                                 {"counter", r.counter},
                                 {"rollover_modulus", r.rollover_modulus}});
  for (const auto& r : rows.equipment_drafts) {
    Json content = Json::parse(r.content, nullptr, false);
    all.emplace_back(r.seq, Json{{"seq", r.seq},
                                 {"type", md::DraftSaved::kType},
                                 {"equipment", r.id},
                                 {"version", r.version},
                                 {"action", r.action},
                                 {"content", content.is_discarded() ? Json(r.content) : content}});
  }
  for (const auto& r : rows.equipment_approvals)
    all.emplace_back(r.seq, Json{{"seq", r.seq},
                                 {"type", md::ChangeRequestApproved::kType},
                                 {"equipment", r.id},
                                 {"version", r.version},
                                 {"effective_from", FormatUtcMicros(r.effective_from)}});
  std::stable_sort(all.begin(), all.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  Json list = Json::array();
  for (auto& [seq, entry] : all) list.push_back(std::move(entry));
  return list;
}

http::Awaitable<http::HttpResponse> ListEntries(http::Context& context, http::Call& call) {
  const auto& query = call.request.query;
  for (const auto& [name, value] : query)
    if (name != "first" && name != "last")
      co_return server::ProblemResponse(Error::Invalid(
          name, "unknown parameter '" + name + "': expected first and last", "unknown_parameter"));
  auto first = Bound(query, "first");
  if (!first.ok()) co_return server::ProblemResponse(first.error());
  auto last = Bound(query, "last");
  if (!last.ok()) co_return server::ProblemResponse(last.error());
  if (*last < *first || *last - *first >= kMaxSeqs)
    co_return server::ProblemResponse(
        Error::Invalid("last", "last: expected at least first and at most first + 999 (1,000 seqs)",
                       "invalid_range"));
  auto rows = ReadFeedEntries(context.db(), *first, *last);
  if (!rows.ok()) co_return server::ProblemResponse(rows.error());
  auto cursor = ReadCursor(context.db());
  if (!cursor.ok()) co_return server::ProblemResponse(cursor.error());
  co_return server::JsonResponse(200, Json{{"first", *first},
                                           {"last", *last},
                                           {"cursor", cursor->seq},
                                           {"entries", EntriesJson(*rows)}});
}

}  // namespace

std::vector<http::Route> EntryRoutes() {
  http::Route route;
  route.method = "GET";
  route.path = "/api/v1/feed/entries";
  route.permission = access::kRead;
  route.summary = "The rows the MIS took from a range of MES ledger entries (a KPI source)";
  route.handler = &ListEntries;
  return {route};
}

}  // namespace ordo::mis::feed
