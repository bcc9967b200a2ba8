// The handlers' context: sessions, throttle, the hashing pool, the report thread.
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
#include <cerrno>
#include <exception>
#include <memory>
#include <optional>
#include <utility>

#include "core/crypto.h"
#include "server/problem.h"
#include "storage/sqlite/sqlite_database.h"

namespace ordo::mis::http {

void SetThisThreadNice(int nice) {
  const auto tid = static_cast<id_t>(syscall(SYS_gettid));
  errno = 0;
  const int current = getpriority(PRIO_PROCESS, tid);
  if (errno == 0 && current >= nice) return;
  if (setpriority(PRIO_PROCESS, tid, nice) != 0) spdlog::warn("could not set nice {}", nice);
}

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

Context::~Context() { JoinPool(); }

void Context::JoinPool() {
  pool_.join();
  reports_.stop();  // computations still queued are dropped: nobody can be answered any more
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
      if (report_nice_ != 0) SetThisThreadNice(report_nice_);
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
        try {
          work(reader_.get());
        } catch (const std::exception& e) {  // a bug: an error answer, never the process
          spdlog::error("report thread: {}", e.what());
          work(Error::Make(ErrorCode::kInternal,
                           std::string("KPI computation failed: ") + e.what()));
        }
        if (Status ended = reader_->Exec("COMMIT"); !ended.ok()) {
          // A reader that cannot end its transaction is reopened by the next computation.
          if (!reader_->Exec("ROLLBACK").ok()) reader_.reset();
        }
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
  auto failure = std::make_shared<std::exception_ptr>();
  asio::post(pool_, [this, slot, failure, &done, work = std::move(work)] {
    Json result;
    std::exception_ptr thrown;
    try {
      result = work();
    } catch (...) {  // rethrown on the io thread, where the server answers 500
      thrown = std::current_exception();
    }
    asio::post(io_, [slot, failure, thrown, result = std::move(result), &done]() mutable {
      *failure = thrown;
      *slot = std::move(result);
      done.cancel();
    });
  });
  boost::system::error_code ec;
  while (!slot->has_value()) {
    auto waiting = done.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    co_await std::move(waiting);
  }
  if (*failure) std::rethrow_exception(*failure);
  co_return std::move(**slot);
}

}  // namespace ordo::mis::http
