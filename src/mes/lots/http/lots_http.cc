// Handlers of the lots endpoints and their table.
#include "mes/lots/http/lots_http.h"

#include "mes/lots/commands/lot_commands.h"
#include "mes/lots/permissions.h"
#include "mes/lots/store/lot_view.h"
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

std::string Text(const Json& body, const std::string& field) {
  return body.contains(field) ? body[field].get<std::string>() : std::string();
}

Awaitable<HttpResponse> ReceiveLotHandler(Api& api, Call& call) {
  ReceiveLot c;
  c.lot = Text(call.body, "lot");
  c.material = Text(call.body, "material");
  c.supplier = Text(call.body, "supplier");
  c.supplier_lot = Text(call.body, "supplier_lot");
  c.quantity = call.body["quantity"].get<double>();
  c.unit = Text(call.body, "unit");
  c.expiry = Text(call.body, "expiry");
  c.retest = Text(call.body, "retest");
  c.source = "api";
  if (Status s = ValidateReceive(c); !s.ok()) co_return ProblemResponse(s.error());
  auto running = api.RunCommand(call, ReceiveLotCommand(api.ActorOf(call), std::move(c)));
  HttpResponse response = co_await std::move(running);
  // The same receipt again created nothing: 200, not 201.
  if (response.status == 201) {
    Json body = Json::parse(response.body, nullptr, false);
    if (body.is_object() && body.value("outcome", "") == "unchanged") response.status = 200;
  }
  co_return response;
}

Awaitable<HttpResponse> ImportLotsHandler(Api& api, Call& call) {
  const std::string format = call.body.contains("format") ? Text(call.body, "format") : "csv";
  if (format != "csv")
    co_return ProblemResponse(Error::Invalid(
        "format", "format must be csv (lots are imported from CSV)", "unknown_format"));
  auto rows = ParseLotCsv(Text(call.body, "content"));
  if (!rows.ok()) co_return ProblemResponse(rows.error());
  auto running = api.RunCommand(call, ImportLotsCommand(api.ActorOf(call), std::move(*rows)));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> ListLotsHandler(Api& api, Call& call) {
  const auto& q = call.request.query;
  std::string material, status;
  if (auto it = q.find("material"); it != q.end()) material = it->second;
  if (auto it = q.find("status"); it != q.end()) status = it->second;
  if (!status.empty() && !IsLotStatus(status))
    co_return ProblemResponse(Error::Invalid(
        "status",
        "status must be one of quarantined, released, rejected, expired, consumed, on_hold",
        "unknown_status"));
  auto limit = server::IntParam(q, "limit", 500, 1, 5000);
  if (!limit.ok()) co_return ProblemResponse(limit.error());
  const TimeMicros now = api.clock().NowMicros();
  auto rows = ListLots(api.reader(), material, status, UtcDay(now), *limit);
  if (!rows.ok()) co_return ProblemResponse(rows.error());
  Json lots = Json::array();
  for (const auto& r : *rows) lots.push_back(LotSummary(r, now));
  co_return JsonResponse(200, Json{{"lots", lots}});
}

Awaitable<HttpResponse> GetLotHandler(Api& api, Call& call) {
  const std::string lot = call.params["lot"];
  auto view = LotViewOf(api.reader(), lot, api.clock().NowMicros(), true);
  if (!view.ok()) co_return ProblemResponse(view.error());
  if (view->is_null())
    co_return ProblemResponse(
        Error{ErrorCode::kNotFound, "there is no lot '" + lot + "'", "lot", "lot_missing"});
  co_return JsonResponse(200, Json{{"lot", *view}});
}

Awaitable<HttpResponse> Dispose(Api& api, Call& call, LotAction action) {
  const std::string lot = call.params["lot"];
  const std::string reason = Text(call.body, "reason");
  // The reason is checked before the signer is: bad input costs no password check.
  if (Status s = ValidateReason(action, reason); !s.ok()) co_return ProblemResponse(s.error());
  std::string meaning = MeaningOf(action);
  auto authenticating = signatures::AuthenticateSigner(api, call, std::move(meaning));
  auto signer = co_await std::move(authenticating);
  if (auto* refused = std::get_if<HttpResponse>(&signer)) co_return std::move(*refused);
  auto& identity = std::get<signatures::SignerIdentity>(signer);
  // Never let the password reach the idempotency record's request hash.
  call.body["signature"].erase("password");
  engine::Command c = DispositionCommand(api.ActorOf(call), lot, action, reason, identity);
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

Awaitable<HttpResponse> Hold(Api& api, Call& call, LotAction action) {
  const std::string reason = Text(call.body, "reason");
  if (Status s = ValidateReason(action, reason); !s.ok()) co_return ProblemResponse(s.error());
  engine::Command c = HoldCommand(api.ActorOf(call), call.params["lot"], action, reason);
  auto running = api.RunCommand(call, std::move(c));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> HoldHandler(Api& api, Call& call) {
  return Hold(api, call, LotAction::kHold);
}

Awaitable<HttpResponse> LiftHoldHandler(Api& api, Call& call) {
  return Hold(api, call, LotAction::kLiftHold);
}

Awaitable<HttpResponse> SplitHandler(Api& api, Call& call) {
  const double quantity = call.body.contains("quantity") && call.body["quantity"].is_number()
                              ? call.body["quantity"].get<double>()
                              : 0.0;
  engine::Command c =
      SplitCommand(api.ActorOf(call), call.params["lot"], Text(call.body, "sublot"), quantity,
                   Text(call.body, "location"), Text(call.body, "reason"));
  auto running = api.RunCommand(call, std::move(c));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> MergeHandler(Api& api, Call& call) {
  std::vector<std::string> from;
  if (call.body.contains("from"))
    for (const auto& f : call.body["from"])
      from.push_back(f.is_string() ? f.get<std::string>() : std::string());
  engine::Command c = MergeCommand(api.ActorOf(call), call.params["lot"], std::move(from),
                                   Text(call.body, "reason"));
  auto running = api.RunCommand(call, std::move(c));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> MoveHandler(Api& api, Call& call) {
  engine::Command c = MoveCommand(api.ActorOf(call), call.params["lot"],
                                  Text(call.body, "location"), Text(call.body, "reason"));
  auto running = api.RunCommand(call, std::move(c));
  co_return co_await std::move(running);
}

using namespace server::schema;

Json Number(const std::string& description) {
  return Json{{"type", "number"}, {"description", description}};
}

Json LotSummarySchema() {
  return Object(
      {{"lot", String("the lot id (unique)")},
       {"material", String("material id")},
       {"supplier", String()},
       {"supplier_lot", String("the supplier's lot or batch number")},
       {"status", Enum(String("the effective status: expired is derived from the clock"),
                       {"quarantined", "released", "rejected", "expired", "consumed", "on_hold"})},
       {"state", Enum(String("the stored state"),
                      {"quarantined", "released", "rejected", "consumed", "on_hold"})},
       {"quantity", Number("quantity left, in the base unit")},
       {"received_quantity", Number("quantity received, in the base unit")},
       {"base_unit", String("the material's base unit")},
       {"received", Object({{"quantity", Number("as received")},
                            {"unit", String("the unit it was received in")}})},
       {"expiry", Nullable(String("YYYY-MM-DD"))},
       {"retest", Nullable(String("YYYY-MM-DD"))},
       {"use_by", Nullable(String("the earlier of expiry and retest (YYYY-MM-DD)"))},
       {"source", Enum(String(), {"api", "import", "produced"})},
       {"location", Nullable(String("where the lot is (a produced lot starts at its work unit)"))},
       {"origin",
        Enum(String("how the lot came to be"), {"received", "produced", "split", "merge"})},
       {"order_id", Nullable(String("the order that produced it"))},
       {"reason", Nullable(String("the rejection's or latest hold's reason"))},
       {"received_seq", Integer("the receipt's ledger entry")},
       {"received_us", Integer("when it was received (microseconds since 1970 UTC)")},
       {"received_at", Time("when it was received")}});
}

Json SignatureSchema() {
  return Object({{"signature_id", Integer("seq of its signature.applied ledger entry")},
                 {"signer_id", Integer()},
                 {"signer", String("login name")},
                 {"printed_name", String("display name at the time of signing")},
                 {"meaning", Enum(String(), {"released", "rejected"})},
                 {"comment", Nullable(String())},
                 {"record_kind", Enum(String(), {"lot"})},
                 {"record_id", String("the lot")},
                 {"record_version", Integer("always 1: a lot is dispositioned once")},
                 {"content_hash", String("SHA-256 (hex) of the disposition record signed")},
                 {"time_us", Integer("when (microseconds since 1970 UTC)")},
                 {"time", Time("when")},
                 {"status", Enum(String("the re-check against the lot as stored now"),
                                 {"valid", "broken", "earlier_revision"})}});
}

Json LotDetailSchema() {
  Json schema = LotSummarySchema();
  schema["properties"]["history"] = Array(
      Object({{"seq", Integer("ledger entry")},
              {"time", Time()},
              {"actor", String("login name")},
              {"role", String()},
              {"event", Enum(String(),
                             {"received", "released", "rejected", "held", "hold_lifted", "consumed",
                              "produced", "split", "split_off", "merged", "merged_away", "moved"})},
              {"state", String("the stored state after it")},
              {"quantity", Number("quantity left after it (base unit)")},
              {"change", Number("base quantity received (+) or consumed (-)")},
              {"reason", Nullable(String())},
              {"detail", AnyObject("received: {quantity, unit, source}; consumed: {quantity, unit, "
                                   "order_id, operation, work_unit, bom_material, alternate, "
                                   "over_consumption}; produced: {quantity, unit, order_id, "
                                   "operation, work_unit, location}; split: {sublot, location}; "
                                   "split_off: {parent, location}; merged: {from}; merged_away: "
                                   "{into}; moved: {from_location, to_location}; else {}")}}));
  schema["properties"]["signatures"] = Array(SignatureSchema());
  schema["required"].push_back("history");
  schema["required"].push_back("signatures");
  return schema;
}

Json ImportReplySchema() {
  return Object(
      {{"created", Integer("rows that received a new lot")},
       {"unchanged", Integer("rows of lots already received with the same data")},
       {"refused", Integer("rows refused (bad data or a conflict)")},
       {"rows",
        Array(Object({{"line", Integer("physical CSV line (the header is line 1)")},
                      {"lot", String()},
                      {"outcome", Enum(String(), {"created", "unchanged", "refused", "conflict"})},
                      {"errors", Array(Object({{"field", String()}, {"message", String()}}))}}))}});
}

}  // namespace

std::vector<server::Endpoint> Endpoints() {
  using F = server::FieldType;
  server::Endpoint receive{
      "POST",
      "/api/v1/lots",
      kLotsReceive,
      {{{"lot", F::kString, true, 64, "lot id (letters, digits, . _ -), unique"},
        {"material", F::kString, true, 64, "material id (tracked by lot or serial)"},
        {"supplier", F::kString, true, 200, "supplier"},
        {"supplier_lot", F::kString, true, 64, "the supplier's lot or batch number"},
        {"quantity", F::kNumber, true, 0, "quantity received (> 0)"},
        {"unit", F::kString, true, 16, "its unit: the material's base unit or a conversion"},
        {"expiry", F::kString, false, 10, "expiry date YYYY-MM-DD"},
        {"retest", F::kString, false, 10, "retest date YYYY-MM-DD"}}},
      "command",
      "Receive a material lot (it arrives quarantined); the same receipt again changes "
      "nothing (200)",
      &ReceiveLotHandler};
  receive.success_status = 201;
  receive.response_schema =
      Object({{"outcome", Enum(String(), {"created", "unchanged"})}, {"lot", LotDetailSchema()}});

  server::Endpoint import{
      "POST",
      "/api/v1/lots/import",
      kLotsReceive,
      {{{"format", F::kString, false, 8, "csv (the default)"},
        {"content", F::kString, true, 1000000,
         "CSV with the header lot,material,supplier,supplier_lot,quantity,unit,expiry,retest"}}},
      "command",
      "Import lots from CSV: every bad row is reported by line, the good rows are received",
      &ImportLotsHandler};
  import.response_schema = ImportReplySchema();

  server::Endpoint list{"GET",
                        "/api/v1/lots",
                        kLotsRead,
                        {},
                        "read",
                        "Lots, newest receipt first (?material=&status=&limit=; status is the "
                        "effective one, expired included)",
                        &ListLotsHandler};
  list.response_schema = Object({{"lots", Array(LotSummarySchema())}});

  server::Endpoint get{"GET",
                       "/api/v1/lots/{lot}",
                       kLotsRead,
                       {},
                       "read",
                       "A lot: status, quantity left (base unit), history newest first, "
                       "signatures",
                       &GetLotHandler};
  get.response_schema = Object({{"lot", LotDetailSchema()}});

  const Json reply = Object({{"lot", LotDetailSchema()}});
  server::Endpoint release{
      "POST",
      "/api/v1/lots/{lot}/release",
      kLotsRelease,
      {{{"signature", F::kObject, true, 0, "{user, password, meaning: released, comment}"}}},
      "command",
      "Release a quarantined lot (signed, meaning released)",
      &ReleaseHandler};
  release.signature_meaning = "released";
  release.response_schema = reply;
  server::Endpoint reject{
      "POST",
      "/api/v1/lots/{lot}/reject",
      kLotsRelease,
      {{{"reason", F::kString, true, 1000, "why the lot is rejected"},
        {"signature", F::kObject, true, 0, "{user, password, meaning: rejected, comment}"}}},
      "command",
      "Reject a quarantined lot with a reason (signed, meaning rejected)",
      &RejectHandler};
  reject.signature_meaning = "rejected";
  reject.response_schema = reply;
  server::Endpoint hold{"POST",       "/api/v1/lots/{lot}/hold",
                        kLotsRelease, {{{"reason", F::kString, true, 1000, "why the lot is held"}}},
                        "command",    "Put a quarantined or released lot on hold",
                        &HoldHandler};
  hold.response_schema = reply;
  server::Endpoint lift{
      "POST",          "/api/v1/lots/{lot}/lift-hold",
      kLotsRelease,    {{{"reason", F::kString, true, 1000, "why the hold ends"}}},
      "command",       "Lift a lot's hold: it returns to the state it was held from",
      &LiftHoldHandler};
  lift.response_schema = reply;
  server::Endpoint split{
      "POST",
      "/api/v1/lots/{lot}/split",
      kLotsManage,
      {{{"sublot", F::kString, true, 64, "the new sublot's id"},
        {"quantity", F::kNumber, true, 0, "base quantity split off (> 0, below what is left)"},
        {"location", F::kString, false, 64, "where the sublot is (default the lot's location)"},
        {"reason", F::kString, false, 1000, "why"}}},
      "command",
      "Split a sublot off a lot (it inherits material, expiry, status)",
      &SplitHandler};
  split.response_schema = Object({{"lot", LotDetailSchema()}, {"sublot", LotDetailSchema()}});
  server::Endpoint merge{
      "POST",
      "/api/v1/lots/{lot}/merge",
      kLotsManage,
      {{{"from", F::kStringArray, true, 100, "the lots merged into this one (whole quantities)"},
        {"reason", F::kString, false, 1000, "why"}}},
      "command",
      "Merge lots of the same material and status into this lot",
      &MergeHandler};
  merge.response_schema = reply;
  server::Endpoint move{"POST",
                        "/api/v1/lots/{lot}/move",
                        kLotsManage,
                        {{{"location", F::kString, true, 64, "where the lot goes"},
                          {"reason", F::kString, false, 1000, "why"}}},
                        "command",
                        "Move a lot to another location",
                        &MoveHandler};
  move.response_schema = reply;
  return {receive, import, list, get, release, reject, hold, lift, split, merge, move};
}

}  // namespace ordo::lots
