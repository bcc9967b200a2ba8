// Handlers of the serial endpoints and their table: serial numbers with their quality
// state, where they were produced and what they went into (GET /api/v1/serials,
// /api/v1/serials/{serial}), and quality's actions on them (hold, lift-hold, reject and
// release of one serial, and the list hold POST /api/v1/serials/hold).
#include "mes/lots/http/serials_http.h"

#include "core/clock.h"
#include "mes/lots/commands/serial_commands.h"
#include "mes/lots/lots.h"
#include "mes/lots/permissions.h"
#include "mes/lots/store/serial_view.h"
#include "mes/lots/store/serials_store.h"
#include "server/api.h"
#include "server/query_params.h"
#include "server/response_schema.h"

namespace ordo::lots {

namespace {

using server::Api;
using server::Awaitable;
using server::Call;
using server::HttpResponse;
using server::JsonResponse;
using server::ProblemResponse;

Awaitable<HttpResponse> ListSerialsHandler(Api& api, Call& call) {
  const auto& q = call.request.query;
  SerialFilter filter;
  if (auto it = q.find("material"); it != q.end()) filter.material = it->second;
  if (auto it = q.find("order"); it != q.end()) filter.order_id = it->second;
  if (auto it = q.find("state"); it != q.end()) filter.state = it->second;
  if (!filter.state.empty() && !IsSerialState(filter.state))
    co_return ProblemResponse(Error::Invalid(
        "state", "state must be one of quarantined, released, on_hold, rejected, consumed",
        "unknown_state"));
  auto limit = server::IntParam(q, "limit", 500, 1, 5000);
  if (!limit.ok()) co_return ProblemResponse(limit.error());
  auto after = server::IntParam(q, "after", 0, 0, INT64_MAX);
  if (!after.ok()) co_return ProblemResponse(after.error());
  filter.limit = *limit;
  filter.after_seq = *after;
  auto rows = ListSerialRows(api.reader(), filter);
  if (!rows.ok()) co_return ProblemResponse(rows.error());
  Json serials = Json::array();
  for (const auto& u : *rows) serials.push_back(SerialSummary(u));
  co_return JsonResponse(200, Json{{"serials", serials}});
}

Awaitable<HttpResponse> GetSerialHandler(Api& api, Call& call) {
  const std::string serial = call.params["serial"];
  auto view = SerialViewOf(api.reader(), serial);
  if (!view.ok()) co_return ProblemResponse(view.error());
  if (view->is_null())
    co_return ProblemResponse(Error{ErrorCode::kNotFound, "there is no serial '" + serial + "'",
                                    "serial", "serial_missing"});
  co_return JsonResponse(200, Json{{"serial", *view}});
}

std::string Text(const Json& body, const std::string& field) {
  return body.contains(field) && body[field].is_string() ? body[field].get<std::string>()
                                                         : std::string();
}

Awaitable<HttpResponse> Hold(Api& api, Call& call, LotAction action) {
  const std::string reason = Text(call.body, "reason");
  if (Status s = ValidateSerialReason(action, reason); !s.ok())
    co_return ProblemResponse(s.error());
  engine::Command c = SerialHoldCommand(api.ActorOf(call), call.params["serial"], action, reason);
  auto running = api.RunCommand(call, std::move(c));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> HoldHandler(Api& api, Call& call) {
  return Hold(api, call, LotAction::kHold);
}

Awaitable<HttpResponse> LiftHoldHandler(Api& api, Call& call) {
  return Hold(api, call, LotAction::kLiftHold);
}

Awaitable<HttpResponse> Dispose(Api& api, Call& call, LotAction action) {
  const std::string serial = call.params["serial"];
  const std::string reason = Text(call.body, "reason");
  // The reason is checked before the signer is: bad input costs no password check.
  if (Status s = ValidateSerialReason(action, reason); !s.ok())
    co_return ProblemResponse(s.error());
  std::string meaning = MeaningOf(action);
  auto authenticating = signatures::AuthenticateSigner(api, call, std::move(meaning));
  auto signer = co_await std::move(authenticating);
  if (auto* refused = std::get_if<HttpResponse>(&signer)) co_return std::move(*refused);
  auto& identity = std::get<signatures::SignerIdentity>(signer);
  // Never let the password reach the idempotency record's request hash.
  call.body["signature"].erase("password");
  engine::Command c = SerialDispositionCommand(api.ActorOf(call), serial, action, reason, identity);
  auto running = api.RunCommand(call, std::move(c));
  HttpResponse response = co_await std::move(running);
  if (response.status >= 200 && response.status < 300) api.sessions().MarkSigned(call.token);
  co_return response;
}

Awaitable<HttpResponse> ReleaseHandler(Api& api, Call& call) {
  return Dispose(api, call, LotAction::kRelease);
}

Awaitable<HttpResponse> RejectHandler(Api& api, Call& call) {
  return Dispose(api, call, LotAction::kReject);
}

Awaitable<HttpResponse> HoldListHandler(Api& api, Call& call) {
  const std::string reason = Text(call.body, "reason");
  if (Status s = ValidateSerialReason(LotAction::kHold, reason); !s.ok())
    co_return ProblemResponse(s.error());
  std::vector<std::string> serials;
  if (call.body.contains("serials"))
    for (const auto& s : call.body["serials"])
      serials.push_back(s.is_string() ? s.get<std::string>() : std::string());
  engine::Command c = SerialsHoldCommand(api.ActorOf(call), std::move(serials), reason);
  auto running = api.RunCommand(call, std::move(c));
  co_return co_await std::move(running);
}

using namespace server::schema;

Json SignatureSchema() {
  return Object({{"signature_id", Integer("seq of its signature.applied ledger entry")},
                 {"signer_id", Integer()},
                 {"signer", String("login name")},
                 {"printed_name", String("display name at the time of signing")},
                 {"meaning", Enum(String(), {"released", "rejected"})},
                 {"comment", Nullable(String())},
                 {"record_kind", Enum(String(), {"serial"})},
                 {"record_id", String("the serial")},
                 {"record_version", Integer("always 1: a serial is dispositioned once")},
                 {"content_hash", String("SHA-256 (hex) of the disposition record signed")},
                 {"time_us", Integer("when (microseconds since 1970 UTC)")},
                 {"time", Time("when")},
                 {"status", Enum(String("the re-check against the serial as stored now"),
                                 {"valid", "broken", "earlier_revision"})}});
}

Json SerialSchema() {
  return Object(
      {{"serial", String("the serial number (unique across materials)")},
       {"material", String("material id")},
       {"state", Enum(String("the quality state: born quarantined, released with its batch"),
                      {"quarantined", "released", "on_hold", "rejected", "consumed"})},
       {"held_from",
        Nullable(String("on_hold: the state lift-hold returns to (quarantined or released)"))},
       {"reason", Nullable(String("the latest hold's, lift's or rejection's reason"))},
       {"order_id", String("the order that produced it")},
       {"operation", String("the operation that produced it")},
       {"work_unit", String("the work unit it was produced on")},
       {"source", Enum(String("generated from the material's pattern, or scanned"),
                       {"generated", "scanned"})},
       {"produced_seq", Integer("the lots.serial_produced ledger entry (paging: ?after=)")},
       {"produced_us", Integer("when it was produced (microseconds since 1970 UTC)")},
       {"produced_at", Time("when it was produced")},
       {"consumed_order_id", Nullable(String("the order it was consumed into"))},
       {"consumed_operation", Nullable(String("the operation it was consumed at"))},
       {"consumed_bom_material", Nullable(String("the BOM item it was consumed for"))}});
}

}  // namespace

std::vector<server::Endpoint> SerialEndpoints() {
  server::Endpoint list{"GET",
                        "/api/v1/serials",
                        kLotsRead,
                        {},
                        "read",
                        "Serial numbers, oldest first (?material=&order=&state=&limit=&after=; "
                        "after: the produced_seq of the last one of the previous page)",
                        &ListSerialsHandler};
  list.response_schema = Object({{"serials", Array(SerialSchema())}});
  server::Endpoint get{"GET",
                       "/api/v1/serials/{serial}",
                       kLotsRead,
                       {},
                       "read",
                       "A serial number: quality state, material, producing order and "
                       "operation, and the order it was consumed into",
                       &GetSerialHandler};
  Json detail = SerialSchema();
  detail["properties"]["signatures"] = Array(SignatureSchema());
  detail["required"].push_back("signatures");
  get.response_schema = Object({{"serial", detail}});

  using F = server::FieldType;
  const Json reply = Object({{"serial", detail}});
  server::Endpoint hold{
      "POST",       "/api/v1/serials/{serial}/hold",
      kLotsRelease, {{{"reason", F::kString, true, 1000, "why the serial is held"}}},
      "command",    "Put a quarantined or released serial on hold",
      &HoldHandler};
  hold.response_schema = reply;
  server::Endpoint lift{
      "POST",          "/api/v1/serials/{serial}/lift-hold",
      kLotsRelease,    {{{"reason", F::kString, true, 1000, "why the hold ends"}}},
      "command",       "Lift a serial's hold: it returns to the state it was held from",
      &LiftHoldHandler};
  lift.response_schema = reply;
  server::Endpoint reject{
      "POST",
      "/api/v1/serials/{serial}/reject",
      kLotsRelease,
      {{{"reason", F::kString, true, 1000, "why the serial is rejected"},
        {"signature", F::kObject, true, 0, "{user, password, meaning: rejected, comment}"}}},
      "command",
      "Reject a quarantined serial with a reason (signed, meaning rejected)",
      &RejectHandler};
  reject.signature_meaning = "rejected";
  reject.response_schema = reply;
  server::Endpoint release{
      "POST",
      "/api/v1/serials/{serial}/release",
      kLotsRelease,
      {{{"signature", F::kObject, true, 0, "{user, password, meaning: released, comment}"}}},
      "command",
      "Release a quarantined serial on its own (signed, meaning released): only while its "
      "order's batch release is in force and no open deviation names it or its order",
      &ReleaseHandler};
  release.signature_meaning = "released";
  release.response_schema = reply;
  server::Endpoint hold_list{
      "POST",
      "/api/v1/serials/hold",
      kLotsRelease,
      {{{"serials", F::kStringArray, true, kMaxSerialsPerHold, "the serials to hold (1 to 1000)"},
        {"reason", F::kString, true, 1000, "why they are held"}}},
      "command",
      "Put a list of serials on hold in one ledger entry, all or none",
      &HoldListHandler};
  hold_list.response_schema =
      Object({{"held", Integer("how many serials were held")}, {"serials", Array(SerialSchema())}});
  return {std::move(list),   std::move(get),     std::move(hold),     std::move(lift),
          std::move(reject), std::move(release), std::move(hold_list)};
}

}  // namespace ordo::lots
