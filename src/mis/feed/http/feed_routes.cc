// GET /api/v1/feed (feed_routes.h).
#include "mis/feed/http/feed_routes.h"

#include "mis/access/roles.h"
#include "mis/feed/store/feed_store.h"
#include "server/problem.h"

namespace ordo::mis::feed {

namespace {

Json Time(TimeMicros t) { return t == 0 ? Json(nullptr) : Json(FormatUtcMicros(t)); }

http::Awaitable<http::HttpResponse> FeedStatusHandler(http::Context& context, http::Call&) {
  auto status = ReadFeedStatus(context.db());
  if (!status.ok()) co_return server::ProblemResponse(status.error());
  Json alarms = Json::array();
  for (const auto& a : status->alarms)
    alarms.push_back({{"id", a.id},
                      {"raised_at", Time(a.raised)},
                      {"kind", a.kind},
                      {"seq", a.seq},
                      {"detail", a.detail},
                      {"resolved_at", Time(a.resolved)}});
  co_return server::JsonResponse(
      200, Json{{"state", status->state.state},
                {"detail", status->state.detail},
                {"since", Time(status->state.since)},
                {"cursor", {{"seq", status->cursor.seq}, {"hash", status->cursor.hash}}},
                {"caught_up_at", Time(status->caught_up)},
                {"updated_at", Time(status->updated)},
                {"checkpoints", status->checkpoint_key.empty() ? "not_checked" : "checked"},
                {"checkpoint_verified_seq", status->checkpoint_verified_seq},
                {"alarms", alarms}});
}

}  // namespace

std::vector<http::Route> Routes() {
  http::Route route;
  route.method = "GET";
  route.path = "/api/v1/feed";
  route.permission = access::kRead;
  route.summary = "The MES ledger feed: consumer state, cursor, checkpoints verified, alarms";
  route.handler = &FeedStatusHandler;
  return {route};
}

}  // namespace ordo::mis::feed
