// Test code: the CSV reader of the KPI test vectors.
#include "mis/kpi/vector_loader.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/clock.h"
#include "core/crypto.h"

namespace ordo::mis::testing {

namespace {

std::vector<std::string> SplitCsv(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        out.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        out.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else if (c != '\r') {
      out.back() += c;
    }
  }
  return out;
}

// One CSV file: header -> column, rows with their 1-based data row numbers.
struct Table {
  std::string path;
  std::string hash;
  std::vector<std::string> header;
  std::vector<std::pair<std::int64_t, std::vector<std::string>>> rows;
};

Result<std::optional<Table>> ReadTable(const std::string& dir, const std::string& kind) {
  const std::string path = dir + "/" + kind + ".csv";
  if (!std::filesystem::exists(path)) return std::optional<Table>();
  std::ifstream file(path, std::ios::binary);
  std::stringstream buf;
  buf << file.rdbuf();
  const std::string text = buf.str();
  Table t{path, Sha256Hex(text), {}, {}};
  std::istringstream lines(text);
  std::string line;
  std::int64_t row = 0;
  while (std::getline(lines, line)) {
    if (line.empty() || line == "\r") continue;
    if (t.header.empty()) {
      t.header = SplitCsv(line);
      continue;
    }
    ++row;
    auto cells = SplitCsv(line);
    if (cells.size() != t.header.size())
      return Error::Invalid(path, path + " row " + std::to_string(row) + ": " +
                                      std::to_string(cells.size()) + " cells, header has " +
                                      std::to_string(t.header.size()));
    t.rows.emplace_back(row, std::move(cells));
  }
  return std::optional<Table>(std::move(t));
}

// Typed access to one row.
class Row {
 public:
  Row(const Table& t, std::size_t i) : t_(t), i_(i) {}
  SourceRef source() const { return SourceRef::Import(t_.hash, t_.rows[i_].first); }
  Result<std::string> Text(const std::string& col) const {
    for (std::size_t c = 0; c < t_.header.size(); ++c)
      if (t_.header[c] == col) return t_.rows[i_].second[c];
    return Err(col, "missing column");
  }
  std::string TextOr(const std::string& col) const {
    auto r = Text(col);
    return r.ok() ? r.value() : "";
  }
  Result<double> Number(const std::string& col) const {
    auto text = Text(col);
    if (!text.ok()) return text.error();
    if (text->empty()) return 0.0;
    try {
      std::size_t used = 0;
      const double v = std::stod(*text, &used);
      if (used == text->size()) return v;
    } catch (...) {
    }
    return Err(col, "not a number: " + *text);
  }
  Result<TimeMicros> Time(const std::string& col) const {
    auto text = Text(col);
    if (!text.ok()) return text.error();
    TimeMicros t = 0;
    if (!ParseIsoTime(*text, &t)) return Err(col, "not an ISO 8601 time with offset: " + *text);
    return t;
  }
  Error Err(const std::string& col, const std::string& what) const {
    return Error::Invalid(
        col, t_.path + " row " + std::to_string(t_.rows[i_].first) + ", " + col + ": " + what);
  }

 private:
  const Table& t_;
  std::size_t i_;
};

#define VL_TRY_ASSIGN(var, expr)             \
  auto var##_r = (expr);                     \
  if (!var##_r.ok()) return var##_r.error(); \
  auto var = std::move(var##_r.value())

// Calls `fn(row)` for each row of <kind>.csv, if present.
template <typename Fn>
Status ForRows(const std::string& dir, const std::string& kind, Fn fn) {
  auto table = ReadTable(dir, kind);
  if (!table.ok()) return table.error();
  if (!table->has_value()) return Ok();
  const Table& t = **table;
  for (std::size_t i = 0; i < t.rows.size(); ++i) ORDO_TRY(fn(Row(t, i)));
  return Ok();
}

}  // namespace

Result<Inputs> LoadVectorInputs(const std::string& dir) {
  Inputs in;
  ORDO_TRY(ForRows(dir, "equipment", [&](const Row& r) -> Status {
    in.equipment.push_back(
        {r.TextOr("id"), r.TextOr("name"), r.TextOr("parent"), r.TextOr("level"), r.source()});
    return Ok();
  }));
  ORDO_TRY(ForRows(dir, "calendar", [&](const Row& r) -> Status {
    VL_TRY_ASSIGN(start, r.Time("start"));
    VL_TRY_ASSIGN(end, r.Time("end"));
    VL_TRY_ASSIGN(kind, ParseCalendarKind(r.TextOr("kind"), "kind"));
    in.calendar.push_back({r.TextOr("scope"), start, end, kind, r.TextOr("label"), r.source()});
    return Ok();
  }));
  ORDO_TRY(ForRows(dir, "states", [&](const Row& r) -> Status {
    VL_TRY_ASSIGN(start, r.Time("start"));
    VL_TRY_ASSIGN(end, r.Time("end"));
    VL_TRY_ASSIGN(state, ParseMachineState(r.TextOr("state"), "state"));
    in.states.push_back(
        {r.TextOr("work_unit"), start, end, state, r.TextOr("reason"), false, r.source()});
    return Ok();
  }));
  ORDO_TRY(ForRows(dir, "counts", [&](const Row& r) -> Status {
    VL_TRY_ASSIGN(start, r.Time("start"));
    VL_TRY_ASSIGN(end, r.Time("end"));
    VL_TRY_ASSIGN(total, r.Number("total"));
    VL_TRY_ASSIGN(good, r.Number("good"));
    VL_TRY_ASSIGN(scrap, r.Number("scrap"));
    VL_TRY_ASSIGN(rework, r.Number("rework"));
    in.counts.push_back({r.TextOr("work_unit"), start, end, r.TextOr("product"), r.TextOr("order"),
                         total, good, scrap, rework, r.source()});
    return Ok();
  }));
  ORDO_TRY(ForRows(dir, "ideal_cycle_times", [&](const Row& r) -> Status {
    VL_TRY_ASSIGN(ideal, r.Number("ideal_cycle_time_s"));
    in.cycle_times.push_back({r.TextOr("work_unit"), r.TextOr("product"), ideal, r.source()});
    return Ok();
  }));
  ORDO_TRY(ForRows(dir, "planned_cycle_times", [&](const Row& r) -> Status {
    VL_TRY_ASSIGN(planned, r.Number("planned_cycle_time_s"));
    in.planned_cycle_times.push_back(
        {r.TextOr("work_unit"), r.TextOr("product"), planned, r.source()});
    return Ok();
  }));
  ORDO_TRY(ForRows(dir, "orders", [&](const Row& r) -> Status {
    VL_TRY_ASSIGN(qty, r.Number("quantity"));
    VL_TRY_ASSIGN(due, r.Time("due_date"));
    in.orders.push_back({r.TextOr("order_id"), r.TextOr("customer"), r.TextOr("product"), qty,
                         r.TextOr("unit"), due, r.source()});
    return Ok();
  }));
  ORDO_TRY(ForRows(dir, "shipments", [&](const Row& r) -> Status {
    VL_TRY_ASSIGN(at, r.Time("shipped_at"));
    VL_TRY_ASSIGN(qty, r.Number("quantity"));
    in.shipments.push_back({r.TextOr("order_id"), at, qty, r.source()});
    return Ok();
  }));
  ORDO_TRY(ForRows(dir, "maintenance", [&](const Row& r) -> Status {
    VL_TRY_ASSIGN(kind, ParseMaintenanceKind(r.TextOr("kind"), "kind"));
    VL_TRY_ASSIGN(failure, r.Time("failure_start"));
    VL_TRY_ASSIGN(repair, r.Time("repair_start"));
    VL_TRY_ASSIGN(end, r.Time("repair_end"));
    in.maintenance.push_back({r.TextOr("work_unit"), r.TextOr("work_order"), kind, failure, repair,
                              end, r.TextOr("reason"), r.source()});
    return Ok();
  }));
  ORDO_TRY(ForRows(dir, "quality_costs", [&](const Row& r) -> Status {
    VL_TRY_ASSIGN(date, r.Time("date"));
    VL_TRY_ASSIGN(category, ParseQualityCostCategory(r.TextOr("category"), "category"));
    VL_TRY_ASSIGN(amount, r.Number("amount"));
    in.quality_costs.push_back({date, r.TextOr("scope"), category, amount, r.TextOr("currency"),
                                r.TextOr("reference"), r.source()});
    return Ok();
  }));
  ORDO_TRY(ForRows(dir, "sales", [&](const Row& r) -> Status {
    VL_TRY_ASSIGN(start, r.Time("period_start"));
    VL_TRY_ASSIGN(end, r.Time("period_end"));
    VL_TRY_ASSIGN(amount, r.Number("amount"));
    in.sales.push_back({start, end, r.TextOr("scope"), amount, r.TextOr("currency"), r.source()});
    return Ok();
  }));
  ORDO_TRY(ForRows(dir, "cost_rates", [&](const Row& r) -> Status {
    VL_TRY_ASSIGN(rate, r.Number("rate_per_hour"));
    in.cost_rates.push_back({r.TextOr("scope"), rate, r.TextOr("currency"), r.source()});
    return Ok();
  }));
  ORDO_TRY(ForRows(dir, "operation_yields", [&](const Row& r) -> Status {
    VL_TRY_ASSIGN(at, r.Time("completed_at"));
    VL_TRY_ASSIGN(in_units, r.Number("units_in"));
    VL_TRY_ASSIGN(good, r.Number("good_first_pass"));
    VL_TRY_ASSIGN(reworked, r.Number("reworked"));
    VL_TRY_ASSIGN(scrapped, r.Number("scrapped"));
    in.operation_yields.push_back({r.TextOr("order"), r.TextOr("operation"), r.TextOr("work_unit"),
                                   at, in_units, good, reworked, scrapped, r.source()});
    return Ok();
  }));
  return in;
}

Result<std::vector<ExpectedFigure>> LoadExpected(const std::string& path) {
  std::ifstream file(path);
  if (!file) return Error::Invalid("expected", "cannot read " + path);
  std::vector<ExpectedFigure> out;
  std::string line;
  int n = 0;
  bool header = true;
  while (std::getline(file, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    const auto c = SplitCsv(line);
    if (c.size() != 8)
      return Error::Invalid("expected", path + ":" + std::to_string(n) + ": 8 cells expected");
    ExpectedFigure e;
    e.line = n;
    e.kpi = c[0];
    e.profile = c[1];
    e.scope = c[2];
    if (!ParseIsoTime(c[3], &e.from) || !ParseIsoTime(c[4], &e.to))
      return Error::Invalid("expected", path + ":" + std::to_string(n) + ": bad from/to");
    std::stringstream overrides(c[5]);
    std::string o;
    while (std::getline(overrides, o, ';'))
      if (!o.empty()) e.overrides.push_back(o);
    if (c[6] != "null") e.expected = std::stod(c[6]);
    e.tolerance = c[7].empty() ? 0 : std::stod(c[7]);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace ordo::mis::testing
