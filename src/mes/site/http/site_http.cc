// Handlers of the site settings endpoints and their table.
#include "mes/site/http/site_http.h"

#include "mes/masterdata/permissions.h"
#include "mes/site/commands/change_settings.h"
#include "mes/site/permissions.h"
#include "mes/site/settings.h"
#include "server/api.h"
#include "server/response_schema.h"

namespace ordo::site {

namespace {

using server::Api;
using server::Awaitable;
using server::Call;
using server::HttpResponse;

Awaitable<HttpResponse> Get(Api& api, Call&) {
  auto settings = GetSiteSettings(api.reader());
  if (!settings.ok()) co_return server::ProblemResponse(settings.error());
  co_return server::JsonResponse(200, Json{{"settings", ToJson(*settings)}});
}

Awaitable<HttpResponse> Change(Api& api, Call& call) {
  ChangeSiteSettings command;
  if (call.body.contains("approvals_required"))
    command.approvals_required = call.body["approvals_required"].get<std::int64_t>();
  if (call.body.contains("signing_password_only"))
    command.signing_password_only = call.body["signing_password_only"].get<bool>();
  if (call.body.contains("password_min_length"))
    command.password_min_length = call.body["password_min_length"].get<std::int64_t>();
  if (call.body.contains("password_expiry_days"))
    command.password_expiry_days = call.body["password_expiry_days"].get<std::int64_t>();
  command.reason = call.body.value("reason", std::string());
  // Check the command alone before it takes a place in the writer's queue.
  if (Status s = ValidateChangeSiteSettings(command); !s.ok())
    co_return server::ProblemResponse(s.error());
  engine::Command change = ChangeSiteSettingsCommand(api.ActorOf(call), std::move(command));
  auto running = api.RunCommand(call, std::move(change));
  co_return co_await std::move(running);
}

// {settings: ToJson(SiteSettings)}: the answer of both endpoints.
Json SettingsReplySchema() {
  using namespace server::schema;
  return Object(
      {{"settings",
        Object({{"approvals_required", Integer("approvals a change request needs, 1 to 5")},
                {"signing_password_only",
                 Boolean("password alone after the first signing of a session")},
                {"password_min_length",
                 Integer("fewest characters (code points) of a new password, 8 to 256")},
                {"password_expiry_days",
                 Integer("days after which a password must be changed; 0 = never")}})}});
}

}  // namespace

std::vector<server::Endpoint> Endpoints() {
  using F = server::FieldType;
  server::Endpoint get{
      "GET", "/api/v1/site/settings", masterdata::kMasterdataRead, {}, "read", "Site settings",
      &Get};
  server::Endpoint change{"PUT",
                          "/api/v1/site/settings",
                          kSiteConfigure,
                          {{{"approvals_required", F::kInteger, false, 0, "1 to 5"},
                            {"signing_password_only", F::kBoolean, false, 0,
                             "password alone after the first signing of a session"},
                            {"password_min_length", F::kInteger, false, 0,
                             "fewest characters of a new password, 8 to 256 (default 15)"},
                            {"password_expiry_days", F::kInteger, false, 0,
                             "days until a password must be changed; 0 = never (default)"},
                            {"reason", F::kString, true, 1000, "why"}}},
                          "command",
                          "Change site settings",
                          &Change};
  get.response_schema = SettingsReplySchema();
  change.response_schema = SettingsReplySchema();
  return {get, change};
}

}  // namespace ordo::site
