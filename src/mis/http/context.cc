// The handlers' context: sessions, throttle, the hashing pool.
#include "mis/http/context.h"

#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <memory>
#include <optional>
#include <utility>

#include "core/crypto.h"

namespace ordo::mis::http {

Context::Context(asio::io_context& io, storage::Database& db, const Clock& clock,
                 ContextOptions options)
    : io_(io),
      db_(db),
      clock_(clock),
      time_zone_(std::move(options.time_zone)),
      sessions_(options.session_idle, options.session_max),
      throttle_(options.throttle) {
  auto hash = HashPassword(RandomHex(16));
  dummy_hash_ = hash.ok() ? *hash : std::string();
}

Context::~Context() { pool_.join(); }

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
