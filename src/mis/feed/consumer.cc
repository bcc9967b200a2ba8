// The ledger feed consumer's loop.
#include "mis/feed/consumer.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "client/http_client.h"
#include "mis/feed/chain.h"
#include "mis/feed/checkpoint_overdue.h"
#include "mis/feed/checkpoints.h"
#include "mis/feed/derive.h"
#include "mis/feed/store/feed_store.h"
#include "storage/sqlite/sqlite_database.h"

namespace ordo::mis::feed {

namespace {

// `key` of a JSON object when it is a string; "" for anything else (an answer from the
// network may be anything).
std::string StringField(const client::Json& body, const char* key) {
  if (!body.is_object()) return "";
  auto it = body.find(key);
  return it != body.end() && it->is_string() ? it->get<std::string>() : "";
}

// "HTTP 403 permission_denied: <detail>", or the transport error.
std::string Describe(const client::HttpReply& reply) {
  if (reply.status == 0) return reply.error.empty() ? "no answer" : reply.error;
  const client::Json body = reply.json();
  std::string text = "HTTP " + std::to_string(reply.status);
  std::string code = StringField(body, "reason");
  if (code.empty()) code = StringField(body, "code");
  if (!code.empty()) text += " " + code;
  const std::string detail = StringField(body, "detail");
  if (!detail.empty()) text += ": " + detail;
  return text;
}

constexpr int kSessionTimeoutSeconds = 5;  // sign-in and sign-out

// The checkpoints a page after `cursor` is checked against: from the cursor's seq on (the
// one at the cursor may have been signed after the MIS took that entry). A page of
// entries holds at most page_limit (500) seqs, so the first 1,000 hold every checkpoint
// of the page: the MES signs each at a later head than the one before.
std::string CheckpointsPath(const FeedCursor& cursor) {
  return "/api/v1/ledger/checkpoints?after=" +
         std::to_string(std::max<std::int64_t>(cursor.seq - 1, 0)) + "&limit=1000";
}

// The newest of `verified` (ascending) not after `seq`; 0 when none.
std::int64_t NewestUpTo(const std::vector<std::int64_t>& verified, std::int64_t seq) {
  std::int64_t newest = 0;
  for (std::int64_t v : verified)
    if (v <= seq) newest = v;
  return newest;
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
    ORDO_TRY(SetCheckpointKey(*db_, ""));
    Status recorded = SetState(*db_, "not_configured",
                               "ordo-mis serve runs without --mes: no MES ledger feed", now);
    db_.reset();
    return recorded;
  }
  // The previous run's key: with the same key the count of entries without a verified
  // checkpoint goes on from the newest verified one; with a newly pinned (or other) key it
  // starts at the cursor, as the checks do.
  auto before = ReadFeedStatus(*db_);
  if (!before.ok()) return before.error();
  counted_from_ = before->checkpoint_key == context_.mes->public_key
                      ? before->checkpoint_verified_seq
                      : std::max(before->checkpoint_verified_seq, before->cursor.seq);
  ORDO_TRY(SetCheckpointKey(*db_, context_.mes->public_key));
  if (context_.mes->public_key.empty())
    spdlog::warn(
        "feed: the MES's signed checkpoints are not checked (no --mes-public-key): the hash "
        "chain alone cannot tell a chain forged in transit; give the site's public key");
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
  try {
    Follow();
  } catch (const std::exception& e) {  // a bug: say so and stop, never take the process down
    spdlog::error("feed: ALARM internal: {}; consumption stopped until restart", e.what());
    (void)RaiseAlarm(*db_, "internal", 0, e.what(), context_.clock->NowMicros());
  }
}

void FeedConsumer::Follow() {
  const app::MesConnection& mes = *context_.mes;
  client::HttpClient session(mes.port, mes.tls, mes.host);
  session.set_timeout_seconds(kSessionTimeoutSeconds);
  client::HttpClient poll(mes.port, mes.tls, mes.host);
  poll.set_timeout_seconds(options_.wait_seconds + kSessionTimeoutSeconds);
  if (mes.tls) {  // never unverified: the feed is the MIS's evidence
    session.set_tls_verify(true, mes.ca_file);
    poll.set_tls_verify(true, mes.ca_file);
  }
  std::string token;
  bool reachable = false;  // the last request got an answer
  // With a pinned key: where the count of entries without a verified checkpoint starts
  // (the newest verified one, or counted_from_), and since when the oldest has waited.
  const OverdueLimits overdue_limits{mes.overdue_entries, mes.overdue_seconds};
  std::int64_t overdue_from = counted_from_;
  TimeMicros uncovered_since = 0;
  int backoff_ms = 1000;
  auto now = [this] { return context_.clock->NowMicros(); };
  auto log_failure = [](const char* what, const Status& s) {
    if (!s.ok()) spdlog::error("feed: cannot record {}: {}", what, s.error().message);
  };
  // A failure that is retried: record the state, wait, double the wait.
  auto retry = [&](const std::string& state, const std::string& detail) {
    log_failure("its state", SetState(*db_, state, detail, now()));
    spdlog::warn("feed: {} ({}); retrying in {} ms", state, detail, backoff_ms);
    const bool go_on = Pause(backoff_ms);
    backoff_ms = std::min(backoff_ms * 2, options_.max_backoff_ms);
    return go_on;
  };
  auto alarm = [&](const std::string& kind, std::int64_t seq, const std::string& detail) {
    spdlog::error("feed: ALARM {} at ledger entry {}: {}; consumption stopped until restart", kind,
                  seq, detail);
    log_failure("the alarm", RaiseAlarm(*db_, kind, seq, detail, now()));
  };
  // After a read of the MES (`what`: whose answer, for the state's detail): kUse the answer,
  // or kAgain (the loop starts again: signed in anew, or after the retry's wait), or kStop.
  enum class Next { kUse, kAgain, kStop };
  auto after_read = [&](const client::HttpReply& reply, const std::string& what) {
    reachable = reply.status != 0;
    if (reply.status == 401) {  // the session ended (idle, lifetime, MES restart)
      token.clear();
      return Next::kAgain;
    }
    if (reply.status == 0 || reply.status >= 500) {
      token.clear();  // a restarted MES forgot the session
      return retry("unreachable", mes.url + ": " + Describe(reply)) ? Next::kAgain : Next::kStop;
    }
    if (!reply.ok())
      return retry("refused", what + " refused " + mes.user + ": " + Describe(reply)) ? Next::kAgain
                                                                                      : Next::kStop;
    return Next::kUse;
  };
  while (!stopping_) {
    if (token.empty()) {
      client::HttpReply signed_in = session.Post(
          "/api/v1/session", client::Json{{"user", mes.user}, {"password", mes.password}});
      reachable = signed_in.status != 0;
      if (!reachable) {
        if (!retry("unreachable", mes.url + ": " + Describe(signed_in))) break;
        continue;
      }
      token = signed_in.ok() ? StringField(signed_in.json(), "token") : "";
      if (token.empty()) {
        const std::string why =
            signed_in.ok() ? "answered without a token" : "refused: " + Describe(signed_in);
        if (!retry("refused", "sign-in of " + mes.user + " " + why)) break;
        continue;
      }
    }
    auto cursor = ReadCursor(*db_);
    if (!cursor.ok()) {
      if (!retry("store_error", "the MIS store: " + cursor.error().message)) break;
      continue;
    }
    client::HttpReply page = poll.Get("/api/v1/ledger?after=" + std::to_string(cursor->seq) +
                                          "&limit=" + std::to_string(options_.page_limit) +
                                          "&wait=" + std::to_string(options_.wait_seconds),
                                      token);
    if (const Next next = after_read(page, "the ledger feed"); next != Next::kUse) {
      if (next == Next::kStop) break;
      continue;
    }
    const CheckedPage checked = CheckPage(*cursor, page.json());
    CheckpointCheck checkpoints;
    std::int64_t newest_served = 0;  // the newest checkpoint the MES served
    if (!mes.public_key.empty()) {
      // Before anything of the page is stored: the MES's signed checkpoints of its seqs.
      client::HttpReply answer = poll.Get(CheckpointsPath(*cursor), token);
      if (const Next next = after_read(answer, "the MES's signed checkpoints");
          next != Next::kUse) {
        if (next == Next::kStop) break;
        continue;
      }
      const ParsedCheckpoints parsed = ParseCheckpoints(answer.json(), cursor->seq);
      if (parsed.broken) {
        alarm(parsed.broken->kind, parsed.broken->seq, parsed.broken->detail);
        break;
      }
      for (const auto& c : parsed.checkpoints) newest_served = std::max(newest_served, c.seq);
      checkpoints = CheckCheckpoints(*cursor, checked.entries, parsed.checkpoints, mes.public_key);
      if (checkpoints.broken) {
        alarm(checkpoints.broken->kind, checkpoints.broken->seq, checkpoints.broken->detail);
        break;
      }
    }
    backoff_ms = 1000;
    const Derived derived = DeriveRows(checked.entries);
    // The entries read: all the checked ones, or those before one it cannot read.
    const FeedCursor to = derived.taken == 0 ? *cursor
                                             : FeedCursor{checked.entries[derived.taken - 1].seq,
                                                          checked.entries[derived.taken - 1].hash};
    const std::int64_t verified = NewestUpTo(checkpoints.verified, to.seq);
    if (derived.taken == 0 && verified > 0)  // the checkpoint at the cursor
      log_failure("the checkpoint verified", MarkCheckpointVerified(*db_, verified, now()));
    if (derived.taken > 0) {
      if (auto applied = ApplyPage(*db_, derived.rows, *cursor, to, now(), verified);
          !applied.ok()) {
        if (applied.error().reason == "cursor_moved") {
          alarm("cursor_moved", cursor->seq + 1, applied.error().message);
          break;
        }
        if (!retry("store_error", "the MIS store: " + applied.error().message)) break;
        continue;
      }
    }
    if (!mes.public_key.empty()) {
      // Overdue checkpoints cost assurance, not data: an alarm, and consumption goes on.
      const std::int64_t newest =
          CoveredUpTo(std::max(overdue_from, verified), newest_served, to.seq);
      uncovered_since = UncoveredSince(uncovered_since, overdue_from, newest, to.seq, now());
      overdue_from = newest;
      if (auto overdue =
              CheckpointOverdue(overdue_limits, overdue_from, to.seq, uncovered_since, now())) {
        auto raised = RaiseOpenAlarm(*db_, overdue->kind, overdue->seq, overdue->detail, now());
        if (!raised.ok())
          log_failure("the alarm", raised.error());
        else if (*raised)
          spdlog::warn("feed: ALARM {} at ledger entry {}: {}; consumption goes on", overdue->kind,
                       overdue->seq, overdue->detail);
      }
    }
    if (derived.failure) {
      alarm("unreadable_event", checked.entries[derived.taken].seq, derived.failure->message);
      break;
    }
    if (checked.broken) {
      alarm(checked.broken->kind, checked.broken->seq, checked.broken->detail);
      break;
    }
    if (checked.entries.empty()) {
      // Nothing after the cursor: check that the MES still holds what the MIS took (a
      // restored or replaced MES would otherwise be waited on in silence).
      client::HttpReply newest = poll.Get("/api/v1/ledger?before=0&limit=1", token);
      if (newest.ok()) {
        if (auto behind = CheckHead(to, newest.json())) {
          alarm(behind->kind, behind->seq, behind->detail);
          break;
        }
      }  // otherwise the next long-poll meets the same failure and handles it
    }
    log_failure("its state", SetState(*db_, "following", "", now()));
    // A page short of the limit reaches the MES's head: the MIS holds everything until now.
    if (checked.entries.size() < static_cast<std::size_t>(options_.page_limit))
      log_failure("the time it was current", MarkCaughtUp(*db_, now()));
  }
  // feed_reader may end its own session; skipped when the MES did not answer last.
  if (!token.empty() && reachable) session.Request("DELETE", "/api/v1/session", "", token);
}

}  // namespace ordo::mis::feed
