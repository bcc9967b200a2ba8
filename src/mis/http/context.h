// What the MIS's HTTP handlers use: the store connection, the clock, in-memory sessions
// and the sign-in throttle (server/sessions.h), a pool for slow work (Argon2id), and the
// report thread for KPI computations.
// Everything here runs on the one io thread unless it says otherwise.
//
// Coroutine rule (g++ 12): never put a temporary with a destructor inside a co_await
// expression; build awaitables as named locals first:
// `auto pending = context.OffThread(std::move(work)); Json r = co_await std::move(pending);`
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/thread_pool.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>

#include "core/canonical_json.h"
#include "core/clock.h"
#include "core/result.h"
#include "mis/calendar/time_zone.h"
#include "server/http_types.h"
#include "server/sessions.h"
#include "storage/database.h"

namespace ordo::mis::http {

namespace asio = boost::asio;
using server::Awaitable;

// Raises the calling thread's nice value to `nice` (Linux: nice is per thread); never
// lowers it. serve calls it for --nice before any thread starts (threads inherit it); the
// report thread and the snapshot service run at kReportNice.
inline constexpr int kReportNice = 19;
void SetThisThreadNice(int nice);

struct ContextOptions {
  TimeMicros session_idle = 15LL * 60 * 1'000'000;   // sign out after 15 idle minutes
  TimeMicros session_max = 12LL * 3600 * 1'000'000;  // and after 12 hours in any case
  server::LoginThrottle::Options throttle;           // admin lockout not applied (no ledger)
  // The report thread's nice value (Linux, per thread; 0 keeps the process's). KPI work
  // yields the CPU to whatever shares the host, the MES first of all.
  int report_nice = kReportNice;
  // The site's time zone (serve: the store's setting or --time-zone; docs/mis.md, "Site
  // time zone"): local days of trends, reports, snapshots and import dates.
  calendar::TimeZone time_zone = calendar::TimeZone::Utc();
};

class Context {
 public:
  // `db` (the MIS store) and `clock` must outlive the context. Computes one dummy
  // Argon2id hash (tens of ms): construct it before the io thread runs.
  Context(asio::io_context& io, storage::Database& db, const Clock& clock, ContextOptions options);
  ~Context();  // waits for work running on the pool
  // Waits for the work running on the pool and the report thread; computations still
  // queued for the report thread are dropped, never called (idempotent). After it, nothing
  // posts to the io_context any more, which may then be destroyed.
  void JoinPool();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  asio::io_context& io() { return io_; }
  // The store connection: io thread only.
  storage::Database& db() { return db_; }
  const Clock& clock() const { return clock_; }
  const calendar::TimeZone& time_zone() const { return time_zone_; }
  server::SessionStore& sessions() { return sessions_; }
  server::LoginThrottle& login_throttle() { return throttle_; }
  // Sign-ins being checked: the account names, and how many in all (at most
  // kMaxSignInsInFlight).
  static constexpr int kMaxSignInsInFlight = 64;
  std::unordered_set<std::string>& sign_ins_in_flight() { return sign_ins_; }
  // An Argon2id hash of a random password: checked against for unknown users, so they
  // cost the same work as known ones.
  const std::string& dummy_hash() const { return dummy_hash_; }

  // Runs `work` on the pool (2 threads) while the io thread serves other requests;
  // resumes on the io thread with its result. `work` must not touch db() or sessions().
  Awaitable<Json> OffThread(std::function<Json()> work);

  // Runs `work` on the report thread and resumes on the io thread with its result. The
  // report thread is one thread at a lowered priority (ContextOptions::report_nice): KPI
  // computations run one at a time, so reports take at most one core, and never the io
  // thread's. `work` gets the report thread's own read-only connection to the store,
  // inside a read transaction: everything it reads is one consistent snapshot, whatever
  // the feed consumer or an import commits meanwhile. It must not touch db() or sessions().
  // A store that cannot be opened or read: that error, and `work` is not called.
  template <typename T>
  Awaitable<Result<T>> Compute(std::function<Result<T>(storage::Database& reader)> work) {
    auto slot = std::make_shared<std::optional<Result<T>>>();
    auto running = OnReportThread([slot, work = std::move(work)](Result<storage::Database*> db) {
      slot->emplace(db.ok() ? work(**db) : Result<T>(db.error()));
    });
    co_await std::move(running);
    co_return std::move(**slot);
  }

  // Compute for a JSON answer: `work` runs on the report thread, and so does rendering its
  // answer (200 with the JSON text, or the error as problem+json): the io thread only
  // sends the bytes, however large the answer.
  Awaitable<server::HttpResponse> ComputeJson(
      std::function<Result<Json>(storage::Database& reader)> work);

  // Set by serve on SIGTERM/SIGINT: health answers "stopping".
  bool shutting_down() const { return shutting_down_; }
  void BeginShutdown() { shutting_down_ = true; }

 private:
  asio::io_context& io_;
  storage::Database& db_;
  const Clock& clock_;
  calendar::TimeZone time_zone_;
  server::SessionStore sessions_;
  server::LoginThrottle throttle_;
  std::unordered_set<std::string> sign_ins_;
  std::string dummy_hash_;
  asio::thread_pool pool_{2};
  // Calls `work` on the report thread inside a read transaction of the reader (opened on
  // first use), or with the error that kept it from opening or beginning.
  Awaitable<void> OnReportThread(std::function<void(Result<storage::Database*>)> work);
  int report_nice_ = 0;
  std::unique_ptr<storage::Database> reader_;  // report thread only
  asio::thread_pool reports_{1};
  bool shutting_down_ = false;
};

}  // namespace ordo::mis::http
