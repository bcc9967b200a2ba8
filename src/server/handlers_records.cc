// Handlers: the logbook and user administration.
#include <charconv>

#include "app/commands.h"
#include "core/crypto.h"
#include "server/api.h"
#include "server/query_params.h"
#include "store/queries.h"

namespace ordo::server {

Result<std::int64_t> IntParam(const std::map<std::string, std::string>& query,
                              const std::string& name, std::int64_t fallback, std::int64_t min,
                              std::int64_t max) {
  auto it = query.find(name);
  if (it == query.end() || it->second.empty()) return fallback;
  std::int64_t value = 0;
  const char* end = it->second.data() + it->second.size();
  auto [ptr, ec] = std::from_chars(it->second.data(), end, value);
  if (ec != std::errc() || ptr != end || value < min || value > max)
    return Error::Invalid(name, "query parameter '" + name + "' must be an integer from " +
                                    std::to_string(min) + " to " + std::to_string(max));
  return value;
}

Awaitable<HttpResponse> Api::RecordLogbook(Call& call) {
  logbook::RecordEntry entry;
  entry.subject = call.body["subject"].get<std::string>();
  entry.category = call.body["category"].get<std::string>();
  entry.text = call.body["text"].get<std::string>();
  if (call.body.contains("corrects")) entry.corrects = call.body["corrects"].get<std::int64_t>();
  if (call.body.contains("reason")) entry.reason = call.body["reason"].get<std::string>();
  // Check the command alone before it takes a place in the writer's queue.
  if (Status s = logbook::ValidateRecordEntry(entry); !s.ok()) co_return ProblemResponse(s.error());
  engine::Command command = app::RecordLogbookEntry(ActorOf(call), std::move(entry));
  auto running = RunCommand(call, std::move(command));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> Api::ListLogbook(Call& call) {
  auto before = IntParam(call.request.query, "before", 0, 0, INT64_MAX);
  if (!before.ok()) co_return ProblemResponse(before.error());
  auto limit = IntParam(call.request.query, "limit", 100, 1, 1000);
  if (!limit.ok()) co_return ProblemResponse(limit.error());
  std::string subject;
  if (auto it = call.request.query.find("subject"); it != call.request.query.end())
    subject = it->second;
  auto rows = store::ListLogbook(*reader_, subject, *before, *limit);
  if (!rows.ok()) co_return ProblemResponse(rows.error());
  Json entries = Json::array();
  for (const auto& r : *rows) entries.push_back(store::ToJson(r));
  co_return JsonResponse(200, Json{{"entries", entries}});
}

Awaitable<HttpResponse> Api::ListUsers(Call&) {
  auto users = store::ListUsers(*reader_);
  if (!users.ok()) co_return ProblemResponse(users.error());
  Json out = Json::array();
  for (const auto& u : *users) out.push_back(store::ToJson(u));
  co_return JsonResponse(200, Json{{"users", out}});
}

Awaitable<HttpResponse> Api::CreateUser(Call& call) {
  access::CreateUser user{call.body["name"].get<std::string>(),
                          call.body["display_name"].get<std::string>(),
                          call.body["roles"].get<std::vector<std::string>>()};
  const std::string password = call.body["password"].get<std::string>();
  if (Status s = access::ValidateCreateUser(user); !s.ok()) co_return ProblemResponse(s.error());
  if (password.size() < 8)
    co_return ProblemResponse(
        Error::Invalid("password", "the password must be at least 8 characters"));
  std::function<Json()> work = [password] {
    auto h = HashPassword(password);
    return h.ok() ? Json(*h) : Json(nullptr);
  };
  Json hash = co_await OffThread(std::move(work));
  if (!hash.is_string())
    co_return ProblemResponse(
        Error::Make(ErrorCode::kUnavailable, "password hashing failed; retry"));
  engine::Command command =
      app::CreateUser(ActorOf(call), std::move(user), hash.get<std::string>());
  auto running = RunCommand(call, std::move(command));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> Api::DisableUser(Call& call) {
  std::map<std::string, std::string> params(call.params.begin(), call.params.end());
  auto id = IntParam(params, "id", 0, 1, INT64_MAX);
  if (!id.ok()) co_return ProblemResponse(id.error());
  engine::Command command = app::DisableUser(
      ActorOf(call), access::DisableUser{*id, call.body["reason"].get<std::string>()});
  auto running = RunCommand(call, std::move(command));
  HttpResponse r = co_await std::move(running);
  if (r.status == 200) sessions_.RemoveUser(*id);
  co_return r;
}

}  // namespace ordo::server
