// GET /api/v1/imports/{file_hash}/rows (row_routes.h).
#include "mis/imports/http/row_routes.h"

#include <variant>

#include "core/clock.h"
#include "mis/access/roles.h"
#include "mis/http/seq_range.h"
#include "mis/imports/store/queries.h"
#include "server/problem.h"

namespace ordo::mis::imports {

namespace {

const http::RangeSpec kLines{"a line number of the file (from 1)", "rows", 1'000'000'000};

Json CellJson(const ColumnSpec& column, const Value& value) {
  if (std::holds_alternative<std::monostate>(value)) return nullptr;
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  const std::int64_t n = std::get<std::int64_t>(value);
  if (column.type == ColumnType::kTime) return FormatUtcMicros(n);
  return n;
}

http::Awaitable<http::HttpResponse> ListRows(http::Context& context, http::Call& call) {
  auto range = http::ParseSeqRange(call.request.query, kLines);
  if (!range.ok()) co_return server::ProblemResponse(range.error());
  const auto [first, last] = *range;
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
      if (row.import_id != **import_id || row.row_number < first || row.row_number > last) continue;
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
  return {http::GetRoute(
      "/api/v1/imports/{file_hash}/rows", access::kRead,
      "The current rows of an imported file in a range of its lines, with values", &ListRows)};
}

}  // namespace ordo::mis::imports
