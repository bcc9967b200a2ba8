// The handler of the site settings read and its table. Settings change through change
// requests (the master data kind site_settings).
#include "mes/site/http/site_http.h"

#include "mes/masterdata/domain/kinds.h"
#include "mes/masterdata/permissions.h"
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
  auto in_force = SettingsAt(api.reader(), api.clock().NowMicros());
  if (!in_force.ok()) co_return server::ProblemResponse(in_force.error());
  Json source = nullptr;
  if (in_force->version)
    source = Json{
        {"kind", masterdata::kSiteSettingsKind},
        {"id", masterdata::kConfigurationObjectId},
        {"version", *in_force->version},
        {"change_request", in_force->change_request},
        {"effective_from",
         in_force->effective_from ? Json(FormatUtcMicros(*in_force->effective_from)) : Json()}};
  co_return server::JsonResponse(
      200, Json{{"settings", ToJson(in_force->settings)}, {"source", source}});
}

// {settings: ToJson(SiteSettings), source}: the answer.
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
                 Integer("days after which a password must be changed; 0 = never")},
                {"late_entry_minutes",
                 Integer("minutes after which a recorded value is a late entry (reason "
                         "required), 1 to 10080")}})},
       {"source",
        Nullable(Object(
            {{"kind", String("site_settings")},
             {"id", String("site")},
             {"version", Integer("the site_settings version in force")},
             {"change_request", String("the change request that approved it")},
             {"effective_from", Nullable(String("when it took effect (ISO 8601, UTC)"))}}))}});
}

}  // namespace

std::vector<server::Endpoint> Endpoints() {
  server::Endpoint get{"GET",
                       "/api/v1/site/settings",
                       masterdata::kMasterdataRead,
                       {},
                       "read",
                       "Site settings in force, and the change request that set them",
                       &Get};
  get.response_schema = SettingsReplySchema();
  return {get};
}

}  // namespace ordo::site
