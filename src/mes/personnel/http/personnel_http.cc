// Handlers of the personnel endpoints and their table.
#include "mes/personnel/http/personnel_http.h"

#include "mes/masterdata/permissions.h"
#include "mes/personnel/commands/personnel_commands.h"
#include "mes/personnel/permissions.h"
#include "mes/personnel/store/personnel_store.h"
#include "server/api.h"
#include "server/query_params.h"

namespace ordo::personnel {

namespace {

using server::Api;
using server::Awaitable;
using server::Call;
using server::HttpResponse;

Awaitable<HttpResponse> PostGrant(Api& api, Call& call) {
  GrantRequest request{call.body["user_id"].get<std::int64_t>(),
                       call.body["qualification"].get<std::string>(),
                       call.body.value("expires", std::string())};
  engine::Command command = GrantQualification(api.ActorOf(call), std::move(request));
  auto running = api.RunCommand(call, std::move(command));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> GetGrants(Api& api, Call& call) {
  auto user = server::IntParam(call.request.query, "user_id", 0, 0, INT64_MAX);
  if (!user.ok()) co_return server::ProblemResponse(user.error());
  auto rows = ListGrants(api.reader(), *user);
  if (!rows.ok()) co_return server::ProblemResponse(rows.error());
  const std::string today = FormatUtcMicros(api.clock().NowMicros()).substr(0, 10);
  Json out = Json::array();
  for (const auto& g : *rows)
    out.push_back({{"seq", g.seq},
                   {"user_id", g.user_id},
                   {"qualification", g.qualification},
                   {"expires", g.expires ? Json(*g.expires) : Json(nullptr)},
                   {"granted_by", g.granted_by},
                   {"time_us", g.time_us},
                   {"status", ToString(GrantStatusOn(g.revoked, g.expires, today))}});
  co_return server::JsonResponse(200, Json{{"grants", out}});
}

Awaitable<HttpResponse> PostTraining(Api& api, Call& call) {
  TrainingRequest request{
      call.body["user_id"].get<std::int64_t>(), call.body["course"].get<std::string>(),
      call.body["completed"].get<std::string>(), call.body.value("trainer", std::string())};
  engine::Command command = RecordTraining(api.ActorOf(call), std::move(request));
  auto running = api.RunCommand(call, std::move(command));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> GetTraining(Api& api, Call& call) {
  auto user = server::IntParam(call.request.query, "user_id", 0, 0, INT64_MAX);
  if (!user.ok()) co_return server::ProblemResponse(user.error());
  auto rows = ListTraining(api.reader(), *user);
  if (!rows.ok()) co_return server::ProblemResponse(rows.error());
  Json out = Json::array();
  for (const auto& t : *rows)
    out.push_back({{"seq", t.seq},
                   {"user_id", t.user_id},
                   {"course", t.course},
                   {"completed", t.completed},
                   {"trainer", t.trainer ? Json(*t.trainer) : Json(nullptr)},
                   {"recorded_by", t.recorded_by}});
  co_return server::JsonResponse(200, Json{{"training", out}});
}

}  // namespace

std::vector<server::Endpoint> Endpoints() {
  using F = server::FieldType;
  server::Endpoint grant{"POST",
                         "/api/v1/personnel/qualifications",
                         kPersonnelManage,
                         {{{"user_id", F::kInteger, true, 0, "user"},
                           {"qualification", F::kString, true, 64, "qualification id (in force)"},
                           {"expires", F::kString, false, 10, "YYYY-MM-DD"}}},
                         "command",
                         "Grant a qualification",
                         &PostGrant};
  grant.success_status = 201;
  server::Endpoint grants{"GET",
                          "/api/v1/personnel/qualifications",
                          masterdata::kMasterdataRead,
                          {},
                          "read",
                          "Qualification grants (?user_id=)",
                          &GetGrants};
  server::Endpoint training{"POST",
                            "/api/v1/personnel/training",
                            kPersonnelManage,
                            {{{"user_id", F::kInteger, true, 0, "user"},
                              {"course", F::kString, true, 200, "course or document trained on"},
                              {"completed", F::kString, true, 10, "YYYY-MM-DD"},
                              {"trainer", F::kString, false, 200, "who trained"}}},
                            "command",
                            "Record a training",
                            &PostTraining};
  training.success_status = 201;
  server::Endpoint trainings{"GET",
                             "/api/v1/personnel/training",
                             masterdata::kMasterdataRead,
                             {},
                             "read",
                             "Training records, newest first (?user_id=)",
                             &GetTraining};
  return {grant, grants, training, trainings};
}

}  // namespace ordo::personnel
