// Handlers of the execution endpoints and their table.
#include "mes/execution/http/execution_http.h"

#include "mes/execution/commands/execution_commands.h"
#include "mes/execution/permissions.h"
#include "mes/orders/permissions.h"
#include "server/api.h"
#include "server/response_schema.h"

namespace ordo::execution {
namespace {

using server::Api;
using server::Awaitable;
using server::Call;
using server::HttpResponse;
using server::ProblemResponse;

std::string Text(const Json& body, const char* name) {
  return body.contains(name) && body[name].is_string() ? body[name].get<std::string>()
                                                       : std::string();
}

double Number(const Json& body, const char* name) {
  return body.contains(name) && body[name].is_number() ? body[name].get<double>() : 0.0;
}

OperationRef RefOf(Call& call) { return OperationRef{call.params["id"], call.params["operation"]}; }

// Runs `command`; a recorded compliance refusal is answered as its problem.
Awaitable<HttpResponse> Run(Api& api, Call& call, engine::Command command) {
  auto running = api.RunCommand(call, std::move(command));
  HttpResponse response = co_await std::move(running);
  if (response.status == 200) {
    Json body = Json::parse(response.body, nullptr, false);
    if (auto refusal = RefusalOf(body)) co_return ProblemResponse(*refusal);
  }
  co_return response;
}

// The stated time of a value (occurred_at, ISO 8601) and the late-entry reason.
Result<EntryTime> TimeOf(const Json& body) {
  EntryTime t;
  t.late_reason = Text(body, "late_reason");
  const std::string at = Text(body, "occurred_at");
  if (!at.empty()) {
    TimeMicros us = 0;
    if (!ParseIsoTime(at, &us))
      return Error::Invalid("occurred_at",
                            "occurred_at must be an ISO 8601 time with its UTC offset, e.g. "
                            "2026-11-30T08:15:00Z",
                            "invalid_time");
    t.occurred_us = us;
  }
  return t;
}

Result<std::vector<ReasonQuantity>> ReasonsOf(const Json& body, const char* name) {
  std::vector<ReasonQuantity> out;
  if (!body.contains(name)) return out;
  const Json& list = body[name];
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string at = std::string(name) + "[" + std::to_string(i) + "]";
    if (!list[i].contains("code") || !list[i]["code"].is_string())
      return Error::Invalid(at + ".code", "each reason needs a code (text)", "missing_field");
    if (!list[i].contains("quantity") || !list[i]["quantity"].is_number())
      return Error::Invalid(at + ".quantity", "each reason needs a quantity (number)",
                            "missing_field");
    out.push_back({list[i]["code"].get<std::string>(), list[i]["quantity"].get<double>()});
  }
  return out;
}

Awaitable<HttpResponse> Start(Api& api, Call& call) {
  return Run(api, call,
             StartOperationCommand(api.ActorOf(call), RefOf(call), Text(call.body, "work_unit")));
}

Awaitable<HttpResponse> Pause(Api& api, Call& call) {
  return Run(api, call,
             PauseOperationCommand(api.ActorOf(call), RefOf(call), Text(call.body, "reason")));
}

Awaitable<HttpResponse> Resume(Api& api, Call& call) {
  return Run(api, call, ResumeOperationCommand(api.ActorOf(call), RefOf(call)));
}

Awaitable<HttpResponse> Acknowledge(Api& api, Call& call) {
  std::optional<std::string> shown;
  if (call.body.contains("instruction_hash")) shown = Text(call.body, "instruction_hash");
  return Run(api, call, AcknowledgeCommand(api.ActorOf(call), RefOf(call), shown));
}

Awaitable<HttpResponse> Consume(Api& api, Call& call) {
  ConsumeInput input;
  input.lot = Text(call.body, "lot");
  input.scan = Text(call.body, "scan");
  input.quantity = Number(call.body, "quantity");
  input.unit = Text(call.body, "unit");
  input.serial = Text(call.body, "serial");
  return Run(api, call, ConsumeCommand(api.ActorOf(call), RefOf(call), std::move(input)));
}

Awaitable<HttpResponse> Produce(Api& api, Call& call) {
  ProduceInput input;
  input.lot = Text(call.body, "lot");
  input.material = Text(call.body, "material");
  input.quantity = Number(call.body, "quantity");
  input.unit = Text(call.body, "unit");
  input.expiry = Text(call.body, "expiry");
  input.location = Text(call.body, "location");
  if (call.body.contains("count") && call.body["count"].is_number_integer())
    input.count = call.body["count"].get<std::int64_t>();
  if (call.body.contains("serials") && call.body["serials"].is_array())
    for (const auto& s : call.body["serials"])
      if (s.is_string()) input.serials.push_back(s.get<std::string>());
  return Run(api, call, ProduceCommand(api.ActorOf(call), RefOf(call), std::move(input)));
}

Awaitable<HttpResponse> Parameters(Api& api, Call& call) {
  RecordParameter input;
  input.name = Text(call.body, "name");
  input.value = Number(call.body, "value");
  input.source = Text(call.body, "source");
  auto time = TimeOf(call.body);
  if (!time.ok()) co_return ProblemResponse(time.error());
  input.time = *time;
  auto command = RecordParameterCommand(api.ActorOf(call), RefOf(call), std::move(input));
  auto running = Run(api, call, std::move(command));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> Characteristics(Api& api, Call& call) {
  RecordCharacteristic input;
  input.name = Text(call.body, "name");
  for (const auto& v : call.body["values"]) input.values.push_back(v.get<double>());
  auto time = TimeOf(call.body);
  if (!time.ok()) co_return ProblemResponse(time.error());
  input.time = *time;
  auto command = RecordCharacteristicCommand(api.ActorOf(call), RefOf(call), std::move(input));
  auto running = Run(api, call, std::move(command));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> Complete(Api& api, Call& call) {
  CompleteCommand input;
  input.good = Number(call.body, "good");
  input.scrap = Number(call.body, "scrap");
  input.rework = Number(call.body, "rework");
  auto scrap = ReasonsOf(call.body, "scrap_reasons");
  if (!scrap.ok()) co_return ProblemResponse(scrap.error());
  auto rework = ReasonsOf(call.body, "rework_reasons");
  if (!rework.ok()) co_return ProblemResponse(rework.error());
  input.scrap_reasons = std::move(*scrap);
  input.rework_reasons = std::move(*rework);
  auto command = CompleteOperationCommand(api.ActorOf(call), RefOf(call), std::move(input));
  auto running = Run(api, call, std::move(command));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> Verify(Api& api, Call& call) {
  auto authenticating = signatures::AuthenticateSigner(api, call, "verified");
  auto signer = co_await std::move(authenticating);
  if (auto* refused = std::get_if<HttpResponse>(&signer)) co_return std::move(*refused);
  auto& identity = std::get<signatures::SignerIdentity>(signer);
  // Never let the password reach the idempotency record's request hash.
  call.body["signature"].erase("password");
  auto command = VerifyOperationCommand(api.ActorOf(call), RefOf(call), identity);
  auto running = Run(api, call, std::move(command));
  HttpResponse response = co_await std::move(running);
  if (response.status == 200) api.sessions().MarkSigned(call.token);
  co_return response;
}

Awaitable<HttpResponse> Get(Api& api, Call& call) {
  auto view = OperationView(api.reader(), RefOf(call), api.ActorOf(call).user_id);
  if (!view.ok()) co_return ProblemResponse(view.error());
  if (view->is_null())
    co_return ProblemResponse(
        Error{ErrorCode::kNotFound,
              "order " + call.params["id"] + " has no operation '" + call.params["operation"] + "'",
              "operation", "operation_missing"});
  co_return server::JsonResponse(200, Json{{"operation", *view}});
}

Json ViewSchema() {
  using namespace server::schema;
  return Object(
      {{"order_id", String()},
       {"operation", String()},
       {"name", String()},
       {"state", Enum(String("operation state"),
                      {"pending", "in_progress", "paused", "completed", "verified", "cancelled"})},
       {"order_state", String()},
       {"product", String()},
       {"order_quantity", Any("number")},
       {"unit", String()},
       {"planned_quantity", Any("number")},
       {"work_unit", String("the work unit it runs or ran on; empty before the start")},
       {"operation_class", String()},
       {"work_center_class", String()},
       {"spec", AnyObject("the pinned routing operation")},
       {"instruction_hash", String("hash of the pinned instructions; empty when none")},
       {"acknowledged", Boolean("this user acknowledged the pinned instructions")},
       {"good", Any("number")},
       {"scrap", Any("number")},
       {"rework", Any("number")},
       {"verified_by", String()},
       {"qualifications_at_start",
        Array(Object({{"qualification", String("a qualification the operation requires")},
                      {"grant_id", Integer("the grant that satisfied it (its ledger seq)")},
                      {"valid_until", String("YYYY-MM-DD; empty when it does not expire")}}))},
       {"signatures", Array(AnyObject("a signature manifestation: printed name, time, meaning, "
                                      "status"))},
       {"parameters", Array(AnyObject("a recorded value"))},
       {"characteristics", Array(AnyObject("a recorded sample"))},
       {"exceptions", Array(AnyObject("an exception raised on this operation"))},
       {"materials", Array(AnyObject("a BOM item with what was consumed"))}});
}

}  // namespace

std::vector<server::Endpoint> Endpoints() {
  using F = server::FieldType;
  using namespace server::schema;
  const std::string base = "/api/v1/orders/{id}/operations/{operation}";
  const Json reply =
      Object({{"operation", ViewSchema()}},
             {{"consumed", AnyObject()},
              {"produced", AnyObject("the lot produced: lot, material, base_quantity, base_unit, "
                                     "location, status; or the serials produced: serials, "
                                     "material, source (generated|scanned), count")},
              {"recorded", AnyObject()},
              {"exceptions", Array(AnyObject())}});
  auto command = [&](const std::string& verb, server::RequestSchema schema, std::string summary,
                     server::Handler handler) {
    server::Endpoint e{"POST",
                       base + "/" + verb,
                       kExecutionPerform,
                       std::move(schema),
                       "command",
                       std::move(summary),
                       handler};
    e.response_schema = reply;
    return e;
  };
  const server::FieldSpec occurred{"occurred_at", F::kString, false, 64,
                                   "when the value was taken (ISO 8601); default now"};
  const server::FieldSpec late{"late_reason", F::kString, false, 1000,
                               "why a late entry is entered late (required when late)"};
  std::vector<server::Endpoint> out;
  out.push_back(command("start",
                        {{{"work_unit", F::kString, true, 64, "the work unit it runs on"}}},
                        "Start an operation on a work unit (sequence, qualification and "
                        "equipment checked)",
                        &Start));
  out.push_back(command("pause", {{{"reason", F::kString, false, 1000, "why it pauses"}}},
                        "Pause a running operation", &Pause));
  out.push_back(command("resume", {},
                        "Resume a paused operation (operator and equipment "
                        "checked again)",
                        &Resume));
  out.push_back(
      command("acknowledge-instructions",
              {{{"instruction_hash", F::kString, false, 64, "hash of the instructions shown"}}},
              "Acknowledge the pinned work instructions", &Acknowledge));
  out.push_back(command(
      "consume",
      {{{"lot", F::kString, false, 64, "the lot id (or give scan)"},
        {"scan", F::kString, false, 512, "what the scanner read: a lot id or GS1 element strings"},
        {"serial", F::kString, false, 64,
         "a component serial consumed into the device (instead of lot or scan)"},
        {"quantity", F::kNumber, false, 0,
         "quantity consumed (> 0); required for a lot, absent or 1 for a serial"},
        {"unit", F::kString, false, 16, "a unit of the lot's material (default its base unit)"}}},
      "Consume material of a lot (material, status, expiry, quantity checked), or a "
      "component serial (material, not consumed before, genealogy checked)",
      &Consume));
  out.push_back(command(
      "produce",
      {{{"lot", F::kString, false, 64,
         "the id of the output lot (new, unique); required for a lot-tracked product"},
        {"material", F::kString, false, 64,
         "the material produced; must be the order's product (default it)"},
        {"quantity", F::kNumber, false, 0,
         "quantity produced (> 0); required for a lot-tracked product"},
        {"unit", F::kString, false, 16, "a unit of the product material (default its base unit)"},
        {"expiry", F::kString, false, 10, "YYYY-MM-DD; default none"},
        {"location", F::kString, false, 64, "where the lot is put (default the work unit)"},
        {"count", F::kInteger, false, 0,
         "serial-tracked product: how many serials to generate from its serial_pattern "
         "(1..1000)"},
        {"serials", F::kStringArray, false, 1000,
         "serial-tracked product: the serials scanned (each new and unique)"}}},
      "Produce an output lot of the order's product (born quarantined), or serial numbers of "
      "a serial-tracked product (count generated from its pattern, or serials scanned)",
      &Produce));
  out.push_back(command("parameters",
                        {{{"name", F::kString, true, 64, "the parameter"},
                          {"value", F::kNumber, true, 0, "the value"},
                          {"source", F::kString, false, 16,
                           "manual (default); equipment is refused from a person's session "
                           "(device_source_required): only a device source sends it"},
                          occurred,
                          late}},
                        "Record a process parameter value (checked against its limits)",
                        &Parameters));
  out.push_back(
      command("characteristics",
              {{{"name", F::kString, true, 64, "the characteristic"},
                {"values", F::kNumberArray, true, 10000, "one sample: exactly sample_size values"},
                occurred,
                late}},
              "Record a characteristic sample", &Characteristics));
  out.push_back(command("complete",
                        {{{"good", F::kNumber, true, 0, "good quantity (order unit)"},
                          {"scrap", F::kNumber, false, 0, "scrap quantity"},
                          {"rework", F::kNumber, false, 0, "rework quantity"},
                          {"scrap_reasons", F::kObjectArray, false, 50,
                           "[{code, quantity}] from the scrap reason codes"},
                          {"rework_reasons", F::kObjectArray, false, 50,
                           "[{code, quantity}] from the rework reason codes"}}},
                        "Complete an operation with its quantities (data and deviations "
                        "checked)",
                        &Complete));
  server::Endpoint verify = command(
      "verify",
      {{{"signature", F::kObject, true, 0, "{user, password, meaning: verified, comment}"}}},
      "Verify a completed operation as the second person (signed, meaning verified)", &Verify);
  verify.permission = kExecutionVerify;
  verify.signature_meaning = "verified";
  out.push_back(verify);
  server::Endpoint get{"GET",
                       base,
                       orders::kOrdersRead,
                       {},
                       "read",
                       "An operation as the terminal shows it: pinned spec, state, recorded "
                       "data, exceptions, materials",
                       &Get};
  get.response_schema = Object({{"operation", ViewSchema()}});
  out.push_back(get);
  return out;
}

}  // namespace ordo::execution
