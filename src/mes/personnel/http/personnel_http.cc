// Handlers of the personnel endpoints and their table.
#include "mes/personnel/http/personnel_http.h"

#include "mes/access/users.h"
#include "mes/masterdata/permissions.h"
#include "mes/personnel/commands/personnel_commands.h"
#include "mes/personnel/permissions.h"
#include "mes/personnel/store/personnel_store.h"
#include "server/api.h"
#include "server/query_params.h"
#include "server/response_schema.h"

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

Awaitable<HttpResponse> PostRevoke(Api& api, Call& call) {
  auto seq = server::IntParam(call.params, "seq", 0, 1, INT64_MAX);
  if (!seq.ok()) co_return server::ProblemResponse(seq.error());
  RevokeGrantRequest request{*seq, call.body["reason"].get<std::string>()};
  engine::Command command = RevokeQualification(api.ActorOf(call), std::move(request));
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

// The people qualifications and trainings are about: every user account (disabled ones
// too, so their records stay readable) with its name, not its roles.
Awaitable<HttpResponse> GetPeople(Api& api, Call&) {
  auto users = access::ListUsers(api.reader());
  if (!users.ok()) co_return server::ProblemResponse(users.error());
  Json out = Json::array();
  for (const auto& u : *users)
    out.push_back({{"id", u.id},
                   {"name", u.name},
                   {"display_name", u.display_name},
                   {"disabled", u.disabled}});
  co_return server::JsonResponse(200, Json{{"people", out}});
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

using namespace server::schema;

Json Date(const std::string& description) {
  Json s = String(description + " (YYYY-MM-DD)");
  s["format"] = "date";
  return s;
}

// A person as listed (GetPeople).
Json PersonSchema() {
  return Object({{"id", Integer("user id")},
                 {"name", String("login name")},
                 {"display_name", String("printed name")},
                 {"disabled", Boolean("the account is disabled")}});
}

// The grant command's answer: the QualificationGranted payload with its seq and who
// granted it (personnel_commands.cc).
Json GrantRecordedSchema() {
  return Object({{"seq", Integer("the grant's ledger entry")},
                 {"user_id", Integer()},
                 {"user", String("login name")},
                 {"qualification", String("qualification id")},
                 {"qualification_version", Integer("the version in force when granted")},
                 {"expires", Nullable(Date("last valid day; null: does not expire"))},
                 {"granted_by", String("login name of who granted it")}});
}

// The revoke command's answer: the QualificationRevoked payload with its seq, who revoked
// it and why (personnel_commands.cc).
Json RevocationSchema() {
  return Object({{"seq", Integer("the revocation's ledger entry")},
                 {"grant", Integer("the revoked grant's ledger entry")},
                 {"user_id", Integer()},
                 {"user", String("login name of the holder")},
                 {"qualification", String("qualification id")},
                 {"reason", String("why it was revoked")},
                 {"revoked_by", String("login name of who revoked it")}});
}

// A grant as listed (GetGrants), with its status today.
Json GrantRowSchema() {
  return Object({{"seq", Integer("the grant's ledger entry")},
                 {"user_id", Integer()},
                 {"qualification", String("qualification id")},
                 {"expires", Nullable(Date("last valid day; null: does not expire"))},
                 {"granted_by", String("login name of who granted it")},
                 {"time_us", Integer("when it was granted (microseconds since 1970-01-01 UTC)")},
                 {"status", Enum(String("the grant's status today"),
                                 {ToString(GrantStatus::kValid), ToString(GrantStatus::kExpired),
                                  ToString(GrantStatus::kRevoked)})}});
}

// The training command's answer: the TrainingRecorded payload (trainer absent when none)
// with its seq and who recorded it.
Json TrainingRecordedSchema() {
  return Object({{"seq", Integer("the record's ledger entry")},
                 {"user_id", Integer()},
                 {"user", String("login name")},
                 {"course", String("course or document trained on")},
                 {"completed", Date("completed on")},
                 {"recorded_by", String("login name of who recorded it")}},
                {{"trainer", String("who trained")}});
}

// A training record as listed (GetTraining).
Json TrainingRowSchema() {
  return Object({{"seq", Integer("the record's ledger entry")},
                 {"user_id", Integer()},
                 {"course", String("course or document trained on")},
                 {"completed", Date("completed on")},
                 {"trainer", Nullable(String("who trained; null when not given"))},
                 {"recorded_by", String("login name of who recorded it")}});
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
  server::Endpoint revoke{
      "POST",           "/api/v1/personnel/qualifications/{seq}/revoke",
      kPersonnelManage, {{{"reason", F::kString, true, 1000, "why the grant is revoked"}}},
      "command",        "Revoke a qualification grant (by the seq of its grant entry)",
      &PostRevoke};
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
  server::Endpoint people{
      "GET",
      "/api/v1/personnel/people",
      kPersonnelManage,
      {},
      "read",
      "The people qualifications are granted to: user accounts by id, without roles",
      &GetPeople};
  people.response_schema = Object({{"people", Array(PersonSchema())}});
  grant.response_schema = Object({{"grant", GrantRecordedSchema()}});
  revoke.response_schema = Object({{"revocation", RevocationSchema()}});
  grants.response_schema = Object({{"grants", Array(GrantRowSchema())}});
  training.response_schema = Object({{"training", TrainingRecordedSchema()}});
  trainings.response_schema = Object({{"training", Array(TrainingRowSchema())}});
  return {grant, revoke, grants, training, trainings, people};
}

}  // namespace ordo::personnel
