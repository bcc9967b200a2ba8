// The ledger feed consumer's loop.
#include "mis/feed/consumer.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "client/http_client.h"
#include "mis/feed/chain.h"
#include "mis/feed/derive.h"
#include "mis/feed/store/feed_store.h"
#include "storage/sqlite/sqlite_database.h"

namespace ordo::mis::feed {

namespace {

// "HTTP 403 permission_denied: <detail>", or the transport error.
std::string Describe(const client::HttpReply& reply) {
  if (reply.status == 0) return reply.error.empty() ? "no answer" : reply.error;
  const client::Json body = reply.json();
  std::string text = "HTTP " + std::to_string(reply.status);
  if (body.is_object()) {
    const std::string code = body.value("reason", body.value("code", std::string()));
    if (!code.empty()) text += " " + code;
    const std::string detail = body.value("detail", std::string());
    if (!detail.empty()) text += ": " + detail;
  }
  return text;
}

}  // namespace

FeedConsumer::~FeedConsumer() { Stop(); }

Status FeedConsumer::Start(const app::ServiceContext& context) {
  context_ = context;
  auto db = storage::OpenSqlite(context.store_path, storage::OpenMode::kReadWrite);
  if (!db.ok()) return db.error();
  db_ = std::move(*db);
  const TimeMicros now = context_.clock->NowMicros();
  if (!context_.mes) {
    Status recorded = SetState(*db_, "not_configured",
                               "ordo-mis serve runs without --mes: no MES ledger feed", now);
    db_.reset();
    return recorded;
  }
  ORDO_TRY(SetState(*db_, "connecting", context_.mes->url, now));
  thread_ = std::thread([this] { Run(); });
  return Ok();
}

void FeedConsumer::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool FeedConsumer::Pause(int ms) {
  std::unique_lock lock(mutex_);
  wake_.wait_for(lock, std::chrono::milliseconds(ms), [this] { return stopping_.load(); });
  return !stopping_;
}

void FeedConsumer::Run() {
  const app::MesConnection& mes = *context_.mes;
  client::HttpClient http(mes.port, /*tls=*/false, mes.host);
  http.set_timeout_seconds(options_.wait_seconds + 15);
  std::string token;
  int backoff_ms = 1000;
  auto now = [this] { return context_.clock->NowMicros(); };
  // A failure that is retried: record the state, wait, double the wait.
  auto retry = [&](const std::string& state, const std::string& detail) {
    if (auto s = SetState(*db_, state, detail, now()); !s.ok())
      spdlog::error("feed: cannot record its state: {}", s.error().message);
    spdlog::warn("feed: {} ({}); retrying in {} ms", state, detail, backoff_ms);
    const bool go_on = Pause(backoff_ms);
    backoff_ms = std::min(backoff_ms * 2, options_.max_backoff_ms);
    return go_on;
  };
  auto alarm = [&](const std::string& kind, std::int64_t seq, const std::string& detail) {
    spdlog::error("feed: ALARM {} at ledger entry {}: {}; consumption stopped until restart", kind,
                  seq, detail);
    if (auto s = RaiseAlarm(*db_, kind, seq, detail, now()); !s.ok())
      spdlog::error("feed: cannot record the alarm: {}", s.error().message);
  };
  while (!stopping_) {
    if (token.empty()) {
      client::HttpReply signed_in = http.Post(
          "/api/v1/session", client::Json{{"user", mes.user}, {"password", mes.password}});
      if (signed_in.status == 0) {
        if (!retry("unreachable", mes.url + ": " + Describe(signed_in))) break;
        continue;
      }
      if (!signed_in.ok()) {
        if (!retry("refused", "sign-in of " + mes.user + " refused: " + Describe(signed_in))) break;
        continue;
      }
      token = signed_in.json().value("token", std::string());
    }
    auto cursor = ReadCursor(*db_);
    if (!cursor.ok()) {
      if (!retry("unreachable", "the MIS store: " + cursor.error().message)) break;
      continue;
    }
    client::HttpReply page = http.Get("/api/v1/ledger?after=" + std::to_string(cursor->seq) +
                                          "&limit=" + std::to_string(options_.page_limit) +
                                          "&wait=" + std::to_string(options_.wait_seconds),
                                      token);
    if (page.status == 401) {  // the session ended (idle, lifetime, MES restart)
      token.clear();
      continue;
    }
    if (page.status == 0 || page.status >= 500) {
      token.clear();  // a restarted MES forgot the session
      if (!retry("unreachable", mes.url + ": " + Describe(page))) break;
      continue;
    }
    if (!page.ok()) {
      if (!retry("refused", "the ledger feed refused " + mes.user + ": " + Describe(page))) break;
      continue;
    }
    backoff_ms = 1000;
    CheckedPage checked = CheckPage(*cursor, page.json());
    auto rows = DeriveRows(checked.entries);
    if (!rows.ok()) {
      alarm("unreadable_event", checked.cursor.seq, rows.error().message);
      break;
    }
    if (!checked.entries.empty()) {
      if (auto applied = ApplyPage(*db_, *rows, *cursor, checked.cursor, now()); !applied.ok()) {
        if (applied.error().reason == "cursor_moved") {
          alarm("cursor_moved", cursor->seq + 1, applied.error().message);
          break;
        }
        if (!retry("unreachable", "the MIS store: " + applied.error().message)) break;
        continue;
      }
    }
    if (checked.broken) {
      alarm(checked.broken->kind, checked.broken->seq, checked.broken->detail);
      break;
    }
    (void)SetState(*db_, "following", "", now());
    if (checked.entries.empty()) (void)MarkCaughtUp(*db_, now());
  }
  if (!token.empty()) http.Request("DELETE", "/api/v1/session", "", token);
}

}  // namespace ordo::mis::feed
