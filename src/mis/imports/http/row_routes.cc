// GET /api/v1/imports/{file_hash}/rows (row_routes.h).
#include "mis/imports/http/row_routes.h"

#include <variant>

#include "core/clock.h"
#include "mis/access/roles.h"
#include "mis/imports/store/queries.h"
#include "server/problem.h"
#include "server/query_params.h"

namespace ordo::mis::imports {

namespace {

constexpr std::int64_t kMaxRows = 1000;

Json CellJson(const ColumnSpec& column, const Value& value) {
  if (std::holds_alternative<std::monostate>(value)) return nullptr;
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  const std::int64_t n = std::get<std::int64_t>(value);
  if (column.type == ColumnType::kTime) return FormatUtcMicros(n);
  return n;
}

Result<std::int64_t> Bound(const std::map<std::string, std::string>& query,
                           const std::string& name) {
  if (!query.count(name))
    return Error::Invalid(name, name + ": required, a line number of the file (from 1)",
                          "missing_parameter");
  return server::IntParam(query, name, 0, 1, 1'000'000'000);
}

http::Awaitable<http::HttpResponse> ListRows(http::Context& context, http::Call& call) {
  const auto& query = call.request.query;
  for (const auto& [name, value] : query)
    if (name != "first" && name != "last")
      co_return server::ProblemResponse(Error::Invalid(
          name, "unknown parameter '" + name + "': expected first and last", "unknown_parameter"));
  auto first = Bound(query, "first");
  if (!first.ok()) co_return server::ProblemResponse(first.error());
  auto last = Bound(query, "last");
  if (!last.ok()) co_return server::ProblemResponse(last.error());
  if (*last < *first || *last - *first >= kMaxRows)
    co_return server::ProblemResponse(
        Error::Invalid("last", "last: expected at least first and at most first + 999 (1,000 rows)",
                       "invalid_range"));
  const std::string& hash = call.params.at("file_hash");
  for (const KindSpec& spec : Kinds()) {
    auto import_id = FindImport(context.db(), spec.name, hash);
    if (!import_id.ok()) co_return server::ProblemResponse(import_id.error());
    if (!*import_id) continue;
    auto rows = CurrentRows(context.db(), spec);
    if (!rows.ok()) co_return server::ProblemResponse(rows.error());
    Json columns = Json::array();
    for (const ColumnSpec& c : spec.columns) columns.push_back(c.name);
    Json list = Json::array();
    for (const StoredRow& row : *rows) {
      if (row.import_id != **import_id || row.row_number < *first || row.row_number > *last)
        continue;
      Json values = Json::object();
      for (std::size_t i = 0; i < spec.columns.size() && i < row.values.size(); ++i)
        values[spec.columns[i].name] = CellJson(spec.columns[i], row.values[i]);
      list.push_back(Json{{"row", row.row_number}, {"values", values}});
    }
    co_return server::JsonResponse(
        200, Json{{"kind", spec.name}, {"file_hash", hash}, {"columns", columns}, {"rows", list}});
  }
  co_return server::ProblemResponse(Error{ErrorCode::kNotFound,
                                          "no import file with the SHA-256 " + hash.substr(0, 64),
                                          "file_hash", "unknown_file"});
}

}  // namespace

std::vector<http::Route> RowRoutes() {
  http::Route route;
  route.method = "GET";
  route.path = "/api/v1/imports/{file_hash}/rows";
  route.permission = access::kRead;
  route.summary = "The current rows of an imported file in a range of its lines, with values";
  route.handler = &ListRows;
  return {route};
}

}  // namespace ordo::mis::imports
