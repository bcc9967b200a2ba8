// The handlers' context: sessions, throttle, the hashing pool.
#include "mis/http/context.h"

#include <spdlog/spdlog.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <memory>
#include <optional>
#include <utility>

#include "core/crypto.h"
#include "server/problem.h"
#include "storage/sqlite/sqlite_database.h"

namespace ordo::mis::http {

Context::Context(asio::io_context& io, storage::Database& db, const Clock& clock,
                 ContextOptions options)
    : io_(io),
      db_(db),
      clock_(clock),
      time_zone_(std::move(options.time_zone)),
      sessions_(options.session_idle, options.session_max),
      throttle_(options.throttle),
      report_nice_(options.report_nice) {
  auto hash = HashPassword(RandomHex(16));
  dummy_hash_ = hash.ok() ? *hash : std::string();
}

Context::~Context() {
  pool_.join();
  reports_.join();
}

Awaitable<server::HttpResponse> Context::ComputeJson(
    std::function<Result<Json>(storage::Database& reader)> work) {
  std::function<Result<server::HttpResponse>(storage::Database&)> render =
      [work = std::move(work)](storage::Database& reader) -> Result<server::HttpResponse> {
    const Result<Json> answer = work(reader);
    if (!answer.ok()) return server::ProblemResponse(answer.error());
    return server::JsonResponse(200, answer.value());
  };
  auto computing = Compute(std::move(render));
  Result<server::HttpResponse> response = co_await std::move(computing);
  if (!response.ok()) co_return server::ProblemResponse(response.error());
  co_return std::move(*response);
}

Awaitable<void> Context::OnReportThread(std::function<void(Result<storage::Database*>)> work) {
  auto executor = co_await asio::this_coro::executor;
  auto finished = std::make_shared<bool>(false);
  asio::steady_timer done(executor, asio::steady_timer::time_point::max());
  asio::post(reports_, [this, finished, &done, work = std::move(work)] {
    if (!reader_) {
      // Once, on the report thread itself: lower its priority, open its connection.
      if (report_nice_ != 0 &&
          setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), report_nice_) != 0)
        spdlog::warn("report thread: could not set nice {}", report_nice_);
      auto opened = storage::OpenSqlite(db_.path(), storage::OpenMode::kReadOnly);
      if (opened.ok())
        reader_ = std::move(*opened);
      else
        work(opened.error());
    }
    if (reader_) {
      if (Status begun = reader_->Exec("BEGIN"); !begun.ok()) {
        work(begun.error());
      } else {
        work(reader_.get());
        if (Status ended = reader_->Exec("COMMIT"); !ended.ok()) (void)reader_->Exec("ROLLBACK");
      }
    }
    asio::post(io_, [finished, &done] {
      *finished = true;
      done.cancel();
    });
  });
  boost::system::error_code ec;
  while (!*finished) {
    auto waiting = done.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    co_await std::move(waiting);
  }
}

Awaitable<Json> Context::OffThread(std::function<Json()> work) {
  auto executor = co_await asio::this_coro::executor;
  auto slot = std::make_shared<std::optional<Json>>();
  // Cancelled (from the io thread) when the result is in; waits until then.
  asio::steady_timer done(executor, asio::steady_timer::time_point::max());
  asio::post(pool_, [this, slot, &done, work = std::move(work)] {
    Json result = work();
    asio::post(io_, [slot, result = std::move(result), &done]() mutable {
      *slot = std::move(result);
      done.cancel();
    });
  });
  boost::system::error_code ec;
  while (!slot->has_value()) {
    auto waiting = done.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    co_await std::move(waiting);
  }
  co_return std::move(**slot);
}

}  // namespace ordo::mis::http
