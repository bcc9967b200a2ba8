// Handlers of the source registry endpoints: register, list, read, change, rotate the key.
// A rest source's API key is generated here, shown once in the reply and stored only as
// its SHA-256 (docs/equipment.md, "API keys", says why not Argon2id).
#include "core/crypto.h"
#include "mes/equipment/commands/equipment_commands.h"
#include "mes/equipment/domain/source.h"
#include "mes/equipment/http/equipment_http.h"
#include "mes/equipment/permissions.h"
#include "mes/equipment/store/equipment_store.h"
#include "server/api.h"
#include "server/response_schema.h"

namespace ordo::equipment {

namespace {

using server::Api;
using server::Awaitable;
using server::Call;
using server::HttpResponse;

std::vector<std::string> StringsOf(const Json& body, const char* key) {
  std::vector<std::string> out;
  if (body.contains(key))
    for (const auto& v : body[key]) out.push_back(v.get<std::string>());
  return out;
}

// A new API key: 256 random bits, hex, with a prefix that says what it is.
std::string NewKey() { return "ordo_src_" + RandomHex(32); }

// Runs `command`; on success answers its reply plus `api_key` (null when "").
Awaitable<HttpResponse> RunWithKey(Api& api, engine::Command command, std::string key) {
  auto pending = api.Submit(std::move(command));
  auto result = co_await std::move(pending);
  if (!result.ok()) co_return server::ProblemResponse(result.error());
  Json body = result->body;
  body["api_key"] = key.empty() ? Json(nullptr) : Json(key);
  HttpResponse r = server::JsonResponse(result->status, body);
  r.headers.emplace_back("Cache-Control", "no-store");
  co_return r;
}

Awaitable<HttpResponse> Register(Api& api, Call& call) {
  SourceRegistered s;
  s.name = call.body["name"].get<std::string>();
  s.kind = call.body["kind"].get<std::string>();
  s.work_units = StringsOf(call.body, "work_units");
  s.enabled = call.body.value("enabled", true);
  s.counter = call.body.value("counter", std::string("increment"));
  s.rollover_modulus = call.body.value("rollover_modulus", std::int64_t{0});
  s.topics = StringsOf(call.body, "topics");
  s.group_id = call.body.value("group_id", std::string());
  s.edge_node = call.body.value("edge_node", std::string());
  if (call.body.contains("devices")) {
    auto devices = DeviceMapOf(call.body["devices"]);
    if (!devices.ok()) co_return server::ProblemResponse(devices.error());
    s.devices = std::move(*devices);
  }
  s.node_work_unit = call.body.value("node_work_unit", std::string());
  const std::string key = s.kind == "rest" ? NewKey() : std::string();
  if (!key.empty()) s.key_hash = Sha256Hex(key);
  if (Status v = ValidateSource(s); !v.ok()) co_return server::ProblemResponse(v.error());
  engine::Command command = RegisterSourceCommand(api.ActorOf(call), std::move(s));
  auto running = RunWithKey(api, std::move(command), key);
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> List(Api& api, Call&) {
  auto rows = ListSources(api.reader());
  if (!rows.ok()) co_return server::ProblemResponse(rows.error());
  Json out = Json::array();
  for (const auto& r : *rows) out.push_back(ToJson(r));
  co_return server::JsonResponse(200, Json{{"sources", out}});
}

Awaitable<HttpResponse> Get(Api& api, Call& call) {
  auto row = FindSource(api.reader(), call.params["name"]);
  if (!row.ok()) co_return server::ProblemResponse(row.error());
  if (!*row)
    co_return server::ProblemResponse(Error{ErrorCode::kNotFound,
                                            "there is no source '" + call.params["name"] + "'",
                                            "name", "source_missing"});
  co_return server::JsonResponse(200, Json{{"source", ToJson(**row)}});
}

Awaitable<HttpResponse> Patch(Api& api, Call& call) {
  SourceChange change;
  if (call.body.contains("enabled")) change.enabled = call.body["enabled"].get<bool>();
  if (call.body.contains("work_units")) change.work_units = StringsOf(call.body, "work_units");
  if (call.body.contains("devices")) {
    auto devices = DeviceMapOf(call.body["devices"]);
    if (!devices.ok()) co_return server::ProblemResponse(devices.error());
    change.devices = std::move(*devices);
  }
  if (call.body.contains("node_work_unit"))
    change.node_work_unit = call.body["node_work_unit"].get<std::string>();
  engine::Command command =
      UpdateSourceCommand(api.ActorOf(call), call.params["name"], std::move(change));
  auto running = api.RunCommand(call, std::move(command));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> Rotate(Api& api, Call& call) {
  const std::string key = NewKey();
  engine::Command command =
      RotateKeyCommand(api.ActorOf(call), call.params["name"], Sha256Hex(key));
  auto running = RunWithKey(api, std::move(command), key);
  co_return co_await std::move(running);
}

Json WithKey() {
  using namespace server::schema;
  return Object({{"source", SourceSchema()},
                 {"api_key", Nullable(String("rest: the API key, shown this once"))}});
}

}  // namespace

std::vector<server::Endpoint> SourceEndpoints() {
  using F = server::FieldType;
  using namespace server::schema;
  server::Endpoint reg{
      "POST",
      "/api/v1/sources",
      kSourcesManage,
      {{{"name", F::kString, true, 64, "the source's id: letters, digits, '.', '_', '-'"},
        {"kind", F::kString, true, 16, "rest, mqtt or sparkplug"},
        {"work_units", F::kStringArray, true, 200, "the work units it may speak for"},
        {"enabled", F::kBoolean, false, 0, "default true"},
        {"counter", F::kString, false, 16, "increment (default) or cumulative"},
        {"rollover_modulus", F::kInteger, false, 0,
         "cumulative: the counter's modulus (0 = none: a drop is a reset)"},
        {"topics", F::kStringArray, false, 200,
         "mqtt: owned topic filters (default ordo/<site>/<work_unit>/#)"},
        {"group_id", F::kString, false, 64, "sparkplug: group id"},
        {"edge_node", F::kString, false, 64, "sparkplug: edge node id"},
        {"devices", F::kObject, false, 0,
         "sparkplug: device id -> work unit id (one of work_units); a device not listed is "
         "the work unit of its own id"},
        {"node_work_unit", F::kString, false, 64,
         "sparkplug: the work unit of the edge node's own metrics (default: the edge node id, "
         "when it is one of work_units)"}}},
      "command",
      "Register a machine data source (a rest source's API key is in the reply, once)",
      &Register};
  reg.success_status = 201;
  reg.response_schema = WithKey();
  server::Endpoint list{
      "GET", "/api/v1/sources", kEquipmentRead, {}, "read", "List the registered data sources",
      &List};
  list.response_schema = Object({{"sources", Array(SourceSchema())}});
  server::Endpoint get{
      "GET", "/api/v1/sources/{name}", kEquipmentRead, {}, "read", "A registered data source",
      &Get};
  get.response_schema = Object({{"source", SourceSchema()}});
  server::Endpoint patch{
      "PATCH",
      "/api/v1/sources/{name}",
      kSourcesManage,
      {{{"enabled", F::kBoolean, false, 0, "enable or disable"},
        {"work_units", F::kStringArray, false, 200, "the new list of work units"},
        {"devices", F::kObject, false, 0,
         "sparkplug: the new device map, device id -> work unit id ({} clears it)"},
        {"node_work_unit", F::kString, false, 64,
         "sparkplug: the new work unit of the edge node's own metrics (\"\" clears it)"}}},
      "command",
      "Enable or disable a data source, or change its work units or device map",
      &Patch};
  patch.response_schema = Object({{"source", SourceSchema()}});
  server::Endpoint rotate{
      "POST",         "/api/v1/sources/{name}/key",
      kSourcesManage, {},
      "command",      "Give a rest source a new API key (shown once; the old one stops)",
      &Rotate};
  rotate.response_schema = WithKey();
  return {reg, list, get, patch, rotate};
}

}  // namespace ordo::equipment
