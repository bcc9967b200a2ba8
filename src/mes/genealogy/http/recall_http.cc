// The recall report endpoint: GET /api/v1/genealogy/{lot}/recall?format=json|csv|html.
#include "mes/genealogy/http/genealogy_http.h"
#include "mes/genealogy/permissions.h"
#include "mes/genealogy/recall.h"
#include "server/api.h"
#include "server/query_params.h"
#include "server/response_schema.h"
#include "server/security_headers.h"

namespace ordo::genealogy {

namespace {

using server::Api;
using server::Awaitable;
using server::Call;
using server::HttpResponse;
using server::JsonResponse;
using server::ProblemResponse;

Json OrNull(const std::string& text) { return text.empty() ? Json() : Json(text); }

HttpResponse Text(const std::string& type, std::string body, const std::string& download) {
  HttpResponse r;
  r.content_type = type;
  r.body = std::move(body);
  if (!download.empty())
    r.headers.emplace_back("Content-Disposition", server::AttachmentContentDisposition(download));
  return r;
}

Awaitable<HttpResponse> RecallHandler(Api& api, Call& call) {
  const auto& q = call.request.query;
  std::string format = "json";
  if (auto it = q.find("format"); it != q.end()) format = it->second;
  if (format != "json" && format != "csv" && format != "html")
    co_return ProblemResponse(Error::Invalid(
        "format", "format must be json, csv or html, not '" + format + "'", "unknown_format"));
  auto limit = server::IntParam(q, "limit", TraceLimits{}.max_nodes, 1, TraceLimits{}.max_nodes);
  if (!limit.ok()) co_return ProblemResponse(limit.error());
  const std::string id = call.params["lot"];
  auto node = ResolveNode(api.reader(), id);
  if (!node.ok()) co_return ProblemResponse(node.error());
  if (!*node)
    co_return ProblemResponse(Error{ErrorCode::kNotFound,
                                    "there is no lot or serial '" + id + "' in the genealogy",
                                    "lot", "node_missing"});
  auto ref = ParseNodeId(**node);
  if (!ref || ref->kind == NodeKind::kOrder)
    co_return ProblemResponse(Error::Invalid(
        "lot", "a recall starts from a lot or serial, not '" + id + "'", "not_a_lot"));
  TraceLimits limits;
  limits.max_nodes = *limit;
  const TimeMicros now = api.clock().NowMicros();
  auto report = Recall(api.reader(), **node, now, limits);
  if (!report.ok()) co_return ProblemResponse(report.error());
  if (format == "csv") {
    auto csv = RecallCsv(*report);
    if (!csv.ok()) co_return ProblemResponse(csv.error());
    co_return Text("text/csv; charset=utf-8", std::move(*csv), "recall-" + ref->id + ".csv");
  }
  if (format == "html") {
    HttpResponse page = Text("text/html; charset=utf-8", RecallHtml(*report), "");
    page.headers.emplace_back("Content-Security-Policy",
                              server::kPrintableHtmlContentSecurityPolicy);
    co_return page;
  }
  co_return JsonResponse(200, RecallJson(*report));
}

using namespace server::schema;

Json RecallSchema() {
  Json item = Object(
      {{"node", String("node id: lot:<lot> or serial:<serial>")},
       {"kind", Enum(String(), {"lot", "serial"})},
       {"id", String("the lot or serial id")},
       {"material", String("its material (class finished)")},
       {"status", Nullable(String("lot: its stored state"))},
       {"quantity", Json{{"type", "number"}, {"description", "lot: quantity left; serial: 1"}}},
       {"base_unit", Nullable(String())},
       {"location", Nullable(String("lot: where it is"))},
       {"order_id", Nullable(String("the order that produced it"))},
       {"depth", Integer("edges between the suspect lot and it (0: the suspect itself)")}});
  Json summary =
      Object({{"suspect", String("node id of the suspect lot")},
              {"suspect_material", Nullable(String())},
              {"generated_at", Time("when the report was made")},
              {"count", Integer("finished lots and serials listed")},
              {"truncated", Boolean("true when the trace hit its node limit (list incomplete)")}});
  Json body = Object({{"summary", summary}, {"items", Array(item)}});
  Json text{{"type", "string"}};
  return Json{{"content",
               {{"application/json", {{"schema", body}}},
                {"text/csv", {{"schema", text}}},
                {"text/html", {{"schema", text}}}}}};
}

}  // namespace

Json RecallJson(const RecallReport& report) {
  Json items = Json::array();
  for (const RecallItem& i : report.items)
    items.push_back(Json{{"node", i.node},
                         {"kind", i.kind},
                         {"id", i.id},
                         {"material", i.material},
                         {"status", OrNull(i.status)},
                         {"quantity", i.quantity},
                         {"base_unit", OrNull(i.base_unit)},
                         {"location", OrNull(i.location)},
                         {"order_id", OrNull(i.order_id)},
                         {"depth", i.depth}});
  return Json{{"summary",
               {{"suspect", report.suspect},
                {"suspect_material", OrNull(report.suspect_material)},
                {"generated_at", FormatUtcMicros(report.generated_us)},
                {"count", report.items.size()},
                {"truncated", report.truncated}}},
              {"items", items}};
}

server::Endpoint RecallEndpoint() {
  server::Endpoint recall{
      "GET",
      "/api/v1/genealogy/{lot}/recall",
      kGenealogyRead,
      {},
      "read",
      "Recall report of a suspect lot: every finished lot and serial that contains it, with "
      "status, quantity, location and order: ?format=json|csv|html (csv: RFC 4180 with a "
      "header row, refused with 422 recall_truncated when the trace was cut; html: a "
      "printable page)&limit=N (trace nodes, 1..200000)",
      &RecallHandler};
  recall.response_schema = RecallSchema();
  return recall;
}

}  // namespace ordo::genealogy
