// Handlers of the ledger feed (JSON pages with long-polling, and server-sent events),
// the signed checkpoints, verification and on-demand checkpoints.
#include "admin/data_dir_ops.h"
#include "ledger/verify.h"
#include "mes/audit/http/audit_http.h"
#include "server/query_params.h"
#include "store/ledger_store.h"

namespace ordo::audit {

using server::Api;
using server::Awaitable;
using server::Call;
using server::HttpResponse;
using server::IntParam;
using server::JsonResponse;
using server::ProblemResponse;
using server::StreamWriter;

namespace {

Result<store::LedgerQuery> ParseLedgerQuery(const std::map<std::string, std::string>& q) {
  store::LedgerQuery query;
  auto after = IntParam(q, "after", 0, 0, INT64_MAX);
  if (!after.ok()) return after.error();
  auto limit = IntParam(q, "limit", 100, 1, 1000);
  if (!limit.ok()) return limit.error();
  query.after = *after;
  query.limit = *limit;
  if (q.count("before")) {
    auto before = IntParam(q, "before", 0, 0, INT64_MAX);
    if (!before.ok()) return before.error();
    query.newest_first = true;
    query.before = *before;
  }
  auto text = [&](const char* name) {
    auto it = q.find(name);
    return it == q.end() ? std::string() : it->second;
  };
  query.type = text("type");
  query.actor = text("actor");
  query.subject = text("subject");
  for (const char* name : {"from", "to"}) {
    std::string value = text(name);
    if (value.empty()) continue;
    TimeMicros t = 0;
    if (!ParseIsoTime(value, &t))
      return Error::Invalid(name, std::string("query parameter '") + name +
                                      "' must be an ISO 8601 time such as 2026-11-25T08:00:00Z");
    (std::string(name) == "from" ? query.from_us : query.to_us) = t;
  }
  return query;
}

Json EntriesJson(const std::vector<ledger::LedgerEntry>& entries) {
  Json out = Json::array();
  for (const auto& e : entries) out.push_back(ledger::ToJson(e));
  return out;
}

}  // namespace

Awaitable<HttpResponse> ReadLedger(Api& api, Call& call) {
  auto query = ParseLedgerQuery(call.request.query);
  if (!query.ok()) co_return ProblemResponse(query.error());
  auto wait = IntParam(call.request.query, "wait", 0, 0, api.options().max_long_poll_seconds);
  if (!wait.ok()) co_return ProblemResponse(wait.error());
  auto entries = store::QueryEntries(api.reader(), *query);
  if (!entries.ok()) co_return ProblemResponse(entries.error());
  if (query->newest_first) {
    // Paging backwards (the audit trail): no waiting; `next` is the `before` of the
    // following (older) page, 0 when there is none.
    const std::int64_t next =
        static_cast<std::int64_t>(entries->size()) < query->limit || entries->empty()
            ? 0
            : entries->back().seq;
    co_return JsonResponse(200, Json{{"entries", EntriesJson(*entries)}, {"next", next}});
  }
  if (entries->empty() && *wait > 0) {
    auto waiting = api.WaitForHead(std::max(query->after, api.head_seq()), static_cast<int>(*wait));
    co_await std::move(waiting);
    entries = store::QueryEntries(api.reader(), *query);
    if (!entries.ok()) co_return ProblemResponse(entries.error());
  }
  const std::int64_t next = entries->empty() ? query->after : entries->back().seq;
  co_return JsonResponse(200, Json{{"entries", EntriesJson(*entries)}, {"next", next}});
}

Awaitable<HttpResponse> LedgerSpan(Api& api, Call& call) {
  for (const char* name : {"after", "limit", "wait", "before"})
    if (call.request.query.count(name))
      co_return ProblemResponse(Error::Invalid(
          name, std::string("query parameter '") + name +
                    "' does not apply to a span; use type, actor, subject, from and to"));
  auto query = ParseLedgerQuery(call.request.query);
  if (!query.ok()) co_return ProblemResponse(query.error());
  store::LedgerQuery period;
  period.from_us = query->from_us;
  period.to_us = query->to_us;
  auto all = store::SpanOf(api.reader(), period);
  if (!all.ok()) co_return ProblemResponse(all.error());
  auto matched = store::SpanOf(api.reader(), *query);
  if (!matched.ok()) co_return ProblemResponse(matched.error());
  co_return JsonResponse(200, Json{{"entries_in_period", all->count},
                                   {"first_seq", all->first_seq},
                                   {"last_seq", all->last_seq},
                                   {"entries_matched", matched->count}});
}

Awaitable<HttpResponse> StreamLedger(Api& api, Call& call) {
  auto query = ParseLedgerQuery(call.request.query);
  if (!query.ok()) co_return ProblemResponse(query.error());
  if (query->newest_first)
    co_return ProblemResponse(Error::Invalid("before", "the stream runs forward; use after="));
  if (std::string last = call.request.Header("last-event-id"); !last.empty()) {
    std::map<std::string, std::string> q{{"after", last}};
    auto after = IntParam(q, "after", 0, 0, INT64_MAX);
    if (!after.ok()) co_return ProblemResponse(after.error());
    query->after = *after;
  }
  HttpResponse r;
  r.content_type = "text/event-stream";
  r.headers.emplace_back("Cache-Control", "no-store");
  r.stream = [&api, q = *query, token = call.token](StreamWriter& out) mutable -> Awaitable<void> {
    // Ends with the session: logout, expiry or a disabled user stop the stream.
    while (!api.shutting_down() && api.sessions().Alive(token, api.clock().NowMicros())) {
      auto entries = store::QueryEntries(api.reader(), q);
      if (!entries.ok()) co_return;
      for (const auto& e : *entries) {
        std::string frame = "id: " + std::to_string(e.seq) +
                            "\nevent: entry\ndata: " + CanonicalJson(ledger::ToJson(e)) + "\n\n";
        auto written = out.Write(std::move(frame));
        if (!co_await std::move(written)) co_return;
        q.after = e.seq;
      }
      if (entries->empty()) {
        auto waiting = api.WaitForHead(std::max(q.after, api.head_seq()), 15);
        co_await std::move(waiting);
        if (api.head_seq() <= q.after) {
          auto kept = out.Write(": keep-alive\n\n");
          if (!co_await std::move(kept)) co_return;
        }
      }
    }
  };
  co_return r;
}

Awaitable<HttpResponse> ReadLedgerCheckpoints(Api& api, Call& call) {
  auto after = IntParam(call.request.query, "after", 0, 0, INT64_MAX);
  if (!after.ok()) co_return ProblemResponse(after.error());
  auto limit = IntParam(call.request.query, "limit", 100, 1, 1000);
  if (!limit.ok()) co_return ProblemResponse(limit.error());
  auto checkpoints = store::ReadCheckpointsAfter(api.reader(), *after, *limit);
  if (!checkpoints.ok()) co_return ProblemResponse(checkpoints.error());
  Json out = Json::array();
  for (const auto& c : *checkpoints) out.push_back(ledger::ToJson(c));
  const std::int64_t next = checkpoints->empty() ? *after : checkpoints->back().seq;
  co_return JsonResponse(200, Json{{"checkpoints", out}, {"next", next}});
}

Awaitable<HttpResponse> VerifyLedger(Api& api, Call&) {
  store::DataDir dir{api.options().data_dir};
  std::function<Json()> work = [dir] {
    ledger::VerifyReport r = admin::VerifyDataDir(dir);
    return Json{{"ok", r.ok},
                {"entries", r.entries},
                {"checkpoints", r.checkpoints},
                {"head_seq", r.head_seq},
                {"first_bad_seq", r.first_bad_seq ? Json(r.first_bad_seq) : Json(nullptr)},
                {"message", r.message}};
  };
  auto verifying = api.OffThread(std::move(work));
  Json report = co_await std::move(verifying);
  co_return JsonResponse(200, report);
}

Awaitable<HttpResponse> CheckpointLedger(Api& api, Call&) {
  std::function<Json()> work = [&api] {
    auto r = api.engine().CheckpointNow();
    return r.ok() ? r->body : Json{{"error", r.error().message}};
  };
  auto signing = api.OffThread(std::move(work));
  Json result = co_await std::move(signing);
  if (result.contains("error"))
    co_return ProblemResponse(
        Error::Make(ErrorCode::kUnavailable, result["error"].get<std::string>()));
  co_return JsonResponse(200, result);
}

}  // namespace ordo::audit
