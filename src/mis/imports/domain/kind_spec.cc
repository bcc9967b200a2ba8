// The kind table (kind_spec.h): lookups, row views, column constructors and the row rules
// shared by several kinds.
#include "mis/imports/domain/kind_spec.h"

#include <utility>

#include "core/clock.h"
#include "mis/imports/domain/detail/kinds.h"

namespace ordo::mis::imports {

std::string RowView::Text(std::string_view column) const {
  const int i = spec_.Column(column);
  if (i < 0) return {};
  const auto* text = std::get_if<std::string>(&values_[i]);
  return text ? *text : std::string();
}

std::optional<std::int64_t> RowView::Int(std::string_view column) const {
  const int i = spec_.Column(column);
  if (i < 0) return std::nullopt;
  const auto* number = std::get_if<std::int64_t>(&values_[i]);
  return number ? std::optional<std::int64_t>(*number) : std::nullopt;
}

int KindSpec::Column(std::string_view column) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].name == column) return static_cast<int>(i);
  return -1;
}

std::string KindSpec::ColumnNames() const {
  std::string out;
  for (const auto& c : columns) out += (out.empty() ? "" : ", ") + c.name;
  return out;
}

const std::vector<KindSpec>& Kinds() {
  static const std::vector<KindSpec> kinds = [] {
    using namespace detail;
    return std::vector<KindSpec>{
        EquipmentKind(),        CalendarKind(), StatesKind(),          CountsKind(),
        IdealCycleTimesKind(),  OrdersKind(),   ShipmentsKind(),       MaintenanceKind(),
        QualityCostsKind(),     SalesKind(),    OperationYieldsKind(), CostRatesKind(),
        PlannedCycleTimesKind()};
  }();
  return kinds;
}

const KindSpec* FindKind(std::string_view name) {
  for (const auto& kind : Kinds())
    if (kind.name == name) return &kind;
  return nullptr;
}

std::string KindNames() {
  std::string out;
  for (const auto& kind : Kinds()) out += (out.empty() ? "" : ", ") + kind.name;
  return out;
}

std::string KeyOf(const KindSpec& spec, const std::vector<Value>& values) {
  std::string key;
  for (const auto& column : spec.key) {
    const Value& v = values[spec.Column(column)];
    if (const auto* text = std::get_if<std::string>(&v)) key += *text;
    if (const auto* number = std::get_if<std::int64_t>(&v)) key += std::to_string(*number);
    key += '\x1f';
  }
  return key;
}

bool IsTimeText(std::string_view date_or_time) {
  return date_or_time.find('T') != std::string_view::npos;
}

std::string ShowValue(const ColumnSpec& column, const Value& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  if (const auto* number = std::get_if<std::int64_t>(&value))
    return column.type == ColumnType::kTime ? FormatUtcMicros(*number) : std::to_string(*number);
  return {};
}

namespace detail {

namespace {
ColumnSpec Make(std::string name, ColumnType type, bool required, std::string doc) {
  ColumnSpec c;
  c.name = std::move(name);
  c.type = type;
  c.required = required;
  c.doc = std::move(doc);
  return c;
}
}  // namespace

ColumnSpec Text(std::string name, bool required, std::string doc) {
  return Make(std::move(name), ColumnType::kText, required, std::move(doc));
}
ColumnSpec Enum(std::string name, bool required, std::vector<std::string> choices,
                std::string doc) {
  ColumnSpec c = Make(std::move(name), ColumnType::kEnum, required, std::move(doc));
  c.choices = std::move(choices);
  return c;
}
ColumnSpec Time(std::string name, bool required, std::string doc) {
  return Make(std::move(name), ColumnType::kTime, required, std::move(doc));
}
ColumnSpec Date(std::string name, bool required, std::string doc) {
  return Make(std::move(name), ColumnType::kDate, required, std::move(doc));
}
ColumnSpec DateOrTime(std::string name, bool required, std::string doc) {
  return Make(std::move(name), ColumnType::kDateOrTime, required, std::move(doc));
}
ColumnSpec Number(std::string name, bool required, bool positive, std::string doc) {
  ColumnSpec c = Make(std::move(name), ColumnType::kNumber, required, std::move(doc));
  c.positive = positive;
  return c;
}
ColumnSpec Count(std::string name, bool required, bool zero_when_empty, std::string doc) {
  ColumnSpec c = Make(std::move(name), ColumnType::kCount, required, std::move(doc));
  c.zero_when_empty = zero_when_empty;
  return c;
}
ColumnSpec Currency(std::string name, std::string doc) {
  return Make(std::move(name), ColumnType::kCurrency, true, std::move(doc));
}

void CheckEndAfterStart(const RowView& row, int line, const char* start, const char* end,
                        bool allow_equal, std::vector<RowError>* errors) {
  bool bad = false;
  if (auto s = row.Int(start), e = row.Int(end); s && e) {
    bad = allow_equal ? *e < *s : *e <= *s;
  } else if (auto sd = row.Date(start), ed = row.Date(end); !sd.empty() && !ed.empty()) {
    bad = allow_equal ? ed < sd : ed <= sd;
  }
  if (!bad) return;
  errors->push_back(
      {line, end, "end_before_start",
       std::string(end) + " must be " + (allow_equal ? "on or after " : "after ") + start});
}

void CheckPartsWithinTotal(const RowView& row, int line, std::initializer_list<const char*> parts,
                           const char* total, std::vector<RowError>* errors) {
  const auto limit = row.Int(total);
  if (!limit) return;
  std::int64_t sum = 0;
  std::string names;
  for (const char* part : parts) {
    sum += row.Int(part).value_or(0);
    names += (names.empty() ? "" : " + ") + std::string(part);
  }
  if (sum <= *limit) return;
  errors->push_back({line, total, "counts_exceed_total",
                     names + " (" + std::to_string(sum) + ") must not exceed " + total + " (" +
                         std::to_string(*limit) + ")"});
}

}  // namespace detail
}  // namespace ordo::mis::imports
