// GET /api/v1/feed/entries (entry_routes.h).
#include "mis/feed/http/entry_routes.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>

#include "mes/equipment/events.h"
#include "mes/masterdata/events.h"
#include "mes/orders/events.h"
#include "mis/access/roles.h"
#include "mis/feed/store/feed_entries.h"
#include "mis/feed/store/feed_store.h"
#include "mis/http/seq_range.h"
#include "server/problem.h"

namespace ordo::mis::feed {

namespace {

namespace eq = ordo::equipment;
namespace md = ordo::masterdata;
namespace od = ordo::orders;

const http::RangeSpec kSeqs{"a ledger seq (a whole number from 1)", "seqs", 1'000'000'000'000'000};

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
  for (const auto& r : rows.orders)
    all.emplace_back(r.seq, Json{{"seq", r.seq},
                                 {"type", od::OrderCreated::kType},
                                 {"order", r.order_id},
                                 {"product", r.product},
                                 {"quantity", r.quantity},
                                 {"unit", r.unit},
                                 {"due", FormatUtcMicros(r.due)},
                                 {"due_date", r.due_date},
                                 {"customer_order", r.customer}});
  for (const auto& r : rows.cancellations)
    all.emplace_back(
        r.seq, Json{{"seq", r.seq}, {"type", od::OrderCancelled::kType}, {"order", r.order_id}});
  for (const auto& r : rows.completions)
    all.emplace_back(r.seq, Json{{"seq", r.seq},
                                 {"type", od::OperationCompleted::kType},
                                 {"time", FormatUtcMicros(r.time)},
                                 {"order", r.order_id},
                                 {"operation", r.operation},
                                 {"work_unit", r.work_unit},
                                 {"good", r.good},
                                 {"scrap", r.scrap},
                                 {"rework", r.rework}});
  std::stable_sort(all.begin(), all.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  Json list = Json::array();
  for (auto& [seq, entry] : all) list.push_back(std::move(entry));
  return list;
}

http::Awaitable<http::HttpResponse> ListEntries(http::Context& context, http::Call& call) {
  auto range = http::ParseSeqRange(call.request.query, kSeqs);
  if (!range.ok()) co_return server::ProblemResponse(range.error());
  const auto [first, last] = *range;
  auto rows = ReadFeedEntries(context.db(), first, last);
  if (!rows.ok()) co_return server::ProblemResponse(rows.error());
  auto cursor = ReadCursor(context.db());
  if (!cursor.ok()) co_return server::ProblemResponse(cursor.error());
  co_return server::JsonResponse(200, Json{{"first", first},
                                           {"last", last},
                                           {"cursor", cursor->seq},
                                           {"entries", EntriesJson(*rows)}});
}

}  // namespace

std::vector<http::Route> EntryRoutes() {
  return {http::GetRoute("/api/v1/feed/entries", access::kRead,
                         "The rows the MIS took from a range of MES ledger entries (a KPI source)",
                         &ListEntries)};
}

}  // namespace ordo::mis::feed
