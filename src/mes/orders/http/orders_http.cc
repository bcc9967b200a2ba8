// Handlers of the orders endpoints and their table.
#include "mes/orders/http/orders_http.h"

#include <limits>

#include "mes/orders/commands/order_commands.h"
#include "mes/orders/commands/views.h"
#include "mes/orders/domain/transitions.h"
#include "mes/orders/http/schemas.h"
#include "mes/orders/permissions.h"
#include "mes/orders/store/orders_store.h"
#include "server/api.h"
#include "server/query_params.h"
#include "server/response_schema.h"

namespace ordo::orders {

namespace {

using server::Api;
using server::Awaitable;
using server::Call;
using server::HttpResponse;

std::string Text(const Json& body, const char* name) {
  return body.contains(name) ? body[name].get<std::string>() : std::string();
}

Awaitable<HttpResponse> Create(Api& api, Call& call) {
  CreateOrder order;
  order.order_id = Text(call.body, "order_id");
  order.product = Text(call.body, "product");
  order.quantity = call.body["quantity"].get<double>();
  order.unit = Text(call.body, "unit");
  order.due_date = Text(call.body, "due_date");
  order.customer_order = Text(call.body, "customer_order");
  if (call.body.contains("priority")) {
    // Out-of-range integers become 0, which the range check refuses.
    const Json& p = call.body["priority"];
    const bool small = !p.is_number_unsigned() || p.get<std::uint64_t>() <= 9;
    const std::int64_t value = small ? p.get<std::int64_t>() : 0;
    order.priority = value >= 1 && value <= 9 ? static_cast<int>(value) : 0;
  }
  // The command alone, before it takes a place in the writer's queue.
  if (auto errors = CheckCreateOrder(order); !errors.empty())
    co_return server::ProblemResponse(ToError(errors.front()));
  engine::Command command = CreateOrderCommand(api.ActorOf(call), std::move(order));
  auto running = api.RunCommand(call, std::move(command));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> Import(Api& api, Call& call) {
  const std::string format = Text(call.body, "format");
  const std::string content = Text(call.body, "content");
  Result<std::vector<ImportRow>> rows = Error::Invalid("format", "");
  if (format == "csv")
    rows = ParseCsvOrders(content);
  else if (format == "json")
    rows = ParseJsonOrders(content);
  else
    co_return server::ProblemResponse(
        Error::Invalid("format", "format must be csv or json", "invalid_format"));
  if (!rows.ok()) co_return server::ProblemResponse(rows.error());
  engine::Command command = ImportOrdersCommand(api.ActorOf(call), std::move(*rows));
  auto running = api.RunCommand(call, std::move(command));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> List(Api& api, Call& call) {
  auto limit = server::IntParam(call.request.query, "limit", 200, 1, 1000);
  if (!limit.ok()) co_return server::ProblemResponse(limit.error());
  std::string state, product;
  if (auto it = call.request.query.find("state"); it != call.request.query.end())
    state = it->second;
  if (auto it = call.request.query.find("product"); it != call.request.query.end())
    product = it->second;
  if (!state.empty() && !ParseOrderState(state))
    co_return server::ProblemResponse(Error::Invalid(
        "state",
        "state must be one of created, released, in_progress, completed, closed, on_hold, "
        "cancelled",
        "invalid_state"));
  auto rows = ListOrders(api.reader(), state, product, *limit);
  if (!rows.ok()) co_return server::ProblemResponse(rows.error());
  Json orders = Json::array();
  for (const auto& o : *rows) orders.push_back(ToJson(o));
  co_return server::JsonResponse(200, Json{{"orders", orders}});
}

Awaitable<HttpResponse> Get(Api& api, Call& call) {
  auto detail = OrderDetail(api.reader(), call.params["id"]);
  if (!detail.ok()) co_return server::ProblemResponse(detail.error());
  co_return server::JsonResponse(200, *detail);
}

Awaitable<HttpResponse> Release(Api& api, Call& call) {
  engine::Command command = ReleaseOrderCommand(api.ActorOf(call), call.params["id"]);
  auto running = api.RunCommand(call, std::move(command));
  co_return co_await std::move(running);
}

// Hold, resume, cancel and close: the same form, `action` from the path.
Awaitable<HttpResponse> StateCommand(Api& api, Call& call, OrderAction action) {
  const std::string reason = Text(call.body, "reason");
  if (Status s = CheckStateCommand(action, reason); !s.ok())
    co_return server::ProblemResponse(s.error());
  engine::Command command = OrderStateCommand(api.ActorOf(call), call.params["id"], action, reason);
  auto running = api.RunCommand(call, std::move(command));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> Hold(Api& api, Call& call) {
  auto running = StateCommand(api, call, OrderAction::kHold);
  co_return co_await std::move(running);
}
Awaitable<HttpResponse> Resume(Api& api, Call& call) {
  auto running = StateCommand(api, call, OrderAction::kResume);
  co_return co_await std::move(running);
}
Awaitable<HttpResponse> Cancel(Api& api, Call& call) {
  auto running = StateCommand(api, call, OrderAction::kCancel);
  co_return co_await std::move(running);
}
Awaitable<HttpResponse> Close(Api& api, Call& call) {
  auto running = StateCommand(api, call, OrderAction::kClose);
  co_return co_await std::move(running);
}

server::Endpoint Command(const std::string& verb, bool reason_required, const std::string& summary,
                         server::Handler handler) {
  using F = server::FieldType;
  server::Endpoint e{"POST",
                     "/api/v1/orders/{id}/" + verb,
                     kOrdersManage,
                     {{{"reason", F::kString, reason_required, 1000,
                        reason_required ? "why (required)" : "why (optional)"}}},
                     "command",
                     summary,
                     handler};
  e.response_schema = server::schema::Object({{"order", OrderSchema()}});
  return e;
}

}  // namespace

std::vector<server::Endpoint> Endpoints() {
  using F = server::FieldType;
  server::Endpoint create{
      "POST",
      "/api/v1/orders",
      kOrdersManage,
      {{{"order_id", F::kString, true, 64, "order id (ERP order number)"},
        {"product", F::kString, true, 64, "product definition id (a version in force)"},
        {"quantity", F::kNumber, true, 0, "quantity (> 0) in unit"},
        {"unit", F::kString, true, 16, "a unit of the product's material"},
        {"due_date", F::kString, true, 40, "ISO 8601 date or date-time with offset"},
        {"priority", F::kInteger, false, 0, "1 (most urgent) .. 9, default 5"},
        {"customer_order", F::kString, false, 64, "customer order reference"}}},
      "command",
      "Create a work order",
      &Create};
  create.success_status = 201;
  create.response_schema = server::schema::Object({{"order", OrderSchema()}});
  server::Endpoint import{
      "POST",
      "/api/v1/orders/import",
      kOrdersManage,
      {{{"format", F::kString, true, 8, "csv or json"},
        {"content", F::kString, true, kMaxImportBytes,
         "the file: CSV with the header order_id,product,quantity,unit,due_date,priority,"
         "customer_order, or a JSON array of objects with those names"}}},
      "command",
      "Import orders from an ERP file (every row reported; idempotent)",
      &Import};
  import.response_schema = ImportReportSchema();
  server::Endpoint list{"GET",       "/api/v1/orders",
                        kOrdersRead, {},
                        "read",      "List orders, newest first (?state=&product=&limit=)",
                        &List};
  list.response_schema = server::schema::Object({{"orders", server::schema::Array(OrderSchema())}});
  server::Endpoint get{"GET",       "/api/v1/orders/{id}",
                       kOrdersRead, {},
                       "read",      "One order with its pinned BOM and its operations' states",
                       &Get};
  get.response_schema = OrderDetailSchema();
  server::Endpoint release =
      Command("release", false, "Release an order: pin the product definition in force", &Release);
  release.response_schema = OrderDetailSchema();
  return {create,
          import,
          list,
          get,
          release,
          Command("hold", true, "Put a released or running order on hold", &Hold),
          Command("resume", false, "Resume an order on hold", &Resume),
          Command("cancel", true, "Cancel an order (created, released or on hold)", &Cancel),
          Command("close", false, "Close a completed order", &Close)};
}

}  // namespace ordo::orders
