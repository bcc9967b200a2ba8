// The equipment board and the downtime list (board_store.h): master data for the lines,
// the equipment store for states, reasons and counts, orders for what runs.
#include "mes/equipment/store/board_store.h"

#include <algorithm>
#include <limits>
#include <map>

#include "core/json_fields.h"
#include "mes/equipment/commands/equipment_commands.h"
#include "mes/equipment/domain/counter.h"
#include "mes/equipment/store/equipment_store.h"
#include "mes/masterdata/in_force.h"
#include "mes/orders/orders.h"

namespace ordo::equipment {

namespace {

constexpr TimeMicros kEnd = std::numeric_limits<TimeMicros>::max();

Json Opt(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

// How far back the open interval of a work unit is looked for: repeats of one state
// extend its interval, so its start may lie before the latest change. The window starts
// small and grows until it holds a change of another state (then the open interval's
// start is exact) or reaches this.
constexpr TimeMicros kLookBack = 7LL * 24 * 3600 * 1'000'000;
constexpr TimeMicros kFirstLook = 10LL * 60 * 1'000'000;

// The open (latest) interval of `work_unit` by device time, or nullopt (no data yet).
Result<std::optional<StateInterval>> OpenInterval(storage::Database& db, const std::string& wu) {
  auto latest = ChangesAround(db, wu, kEnd, kEnd);
  if (!latest.ok()) return latest.error();
  if (latest->empty()) return std::optional<StateInterval>();
  const TimeMicros last = latest->back().device_time_us;
  for (TimeMicros look = kFirstLook;; look *= 8) {
    auto changes = ChangesAround(db, wu, last - std::min(look, kLookBack), kEnd);
    if (!changes.ok()) return changes.error();
    auto intervals = DeriveIntervals(std::move(*changes), 0);
    if (intervals.empty()) return std::optional<StateInterval>();
    if (intervals.size() >= 2 || look >= kLookBack)
      return std::optional<StateInterval>(intervals.back());
  }
}

// The increments of `work_unit` with device time at or after `from_us`, summed as the
// counts read-back sums them (cumulative sources by the counter rule).
Result<Counts> CountsSince(storage::Database& db, const std::string& wu, TimeMicros from_us) {
  auto rows = CountsAround(db, wu, from_us, kEnd);
  if (!rows.ok()) return rows.error();
  std::vector<CountReading> increments;
  std::map<std::string, std::vector<CountReading>> cumulative;
  for (const auto& r : *rows) {
    if (r.counter == "cumulative")
      cumulative[r.source].push_back(r.reading);
    else
      increments.push_back(r.reading);
  }
  for (auto& [source, readings] : cumulative)
    for (const auto& inc : IncrementsFromCumulative(std::move(readings), 0))
      if (inc.device_time_us >= from_us) increments.push_back(inc);
  return Sum(increments);
}

// One work unit's card.
Result<Json> UnitCard(storage::Database& db, const masterdata::VersionRow& row,
                      std::optional<TimeMicros> since) {
  const std::string& wu = row.id;
  Json card{{"id", wu},
            {"name", row.name},
            {"state", "offline"},
            {"sub_reason", nullptr},
            {"reason_code", nullptr},
            {"since", nullptr},
            {"source", nullptr},
            {"running", nullptr}};
  auto open = OpenInterval(db, wu);
  if (!open.ok()) return open.error();
  if (*open) {
    const StateInterval& i = **open;
    std::string code = i.reason_code;
    if (i.state == State::kDown && code.empty()) {  // a reason given after the fact
      auto assigned = AssignedReasons(db, wu);
      if (!assigned.ok()) return assigned.error();
      auto a = assigned->find(i.start_us);
      if (a != assigned->end()) code = a->second.reason_code;
    }
    card["state"] = StateName(i.state);
    card["sub_reason"] = Opt(i.sub_reason);
    card["reason_code"] = Opt(code);
    card["since"] = FormatUtcMicros(i.start_us);
    card["source"] = i.source;
  }
  auto running = orders::RunningOnWorkUnit(db, wu);
  if (!running.ok()) return running.error();
  TimeMicros started = 0;
  if (!running->empty()) {
    const orders::PinnedOperation* op = &running->front();
    for (const auto& o : *running)
      if (o.state == "running") op = &o;
    auto order = orders::FindOrder(db, op->order_id);
    if (!order.ok()) return order.error();
    started = op->started_us;
    card["running"] = Json{{"order_id", op->order_id},
                           {"operation", op->operation},
                           {"name", op->name},
                           {"state", op->state},
                           {"product", *order ? (*order)->product : std::string()},
                           {"planned_quantity", op->planned_quantity},
                           {"started", started ? Json(FormatUtcMicros(started)) : Json(nullptr)}};
  }
  std::string basis = "none";
  std::optional<TimeMicros> from;
  if (since) {
    basis = "since";
    from = since;
  } else if (started) {
    basis = "operation";
    from = started;
  }
  Counts counts;
  if (from) {
    auto summed = CountsSince(db, wu, *from);
    if (!summed.ok()) return summed.error();
    counts = *summed;
  }
  card["counts"] =
      Json{{"basis", basis},        {"from", from ? Json(FormatUtcMicros(*from)) : Json(nullptr)},
           {"total", counts.total}, {"good", counts.good},
           {"scrap", counts.scrap}, {"rework", counts.rework}};
  return card;
}

}  // namespace

Result<Json> ComputeBoard(storage::Database& db, TimeMicros now, std::optional<TimeMicros> since) {
  auto all = masterdata::InForceOfKind(db, "equipment", now);
  if (!all.ok()) return all.error();
  std::map<std::string, const masterdata::VersionRow*> equipment;
  for (const auto& row : *all) equipment[row.id] = &row;
  // Lines by id; a work unit whose parent is not in force goes to the line "".
  std::map<std::string, Json> lines;
  for (const auto& [id, row] : equipment) {
    if (TextField(row->content, "level") != "work_unit") continue;
    const std::string parent = TextField(row->content, "parent");
    auto line = lines.find(parent);
    if (line == lines.end()) {
      auto p = equipment.find(parent);
      const bool known = !parent.empty() && p != equipment.end();
      line = lines
                 .emplace(known ? parent : "",
                          Json{{"id", known ? parent : ""},
                               {"name", known ? p->second->name : "Without a line"},
                               {"level", known ? TextField(p->second->content, "level") : ""},
                               {"work_units", Json::array()}})
                 .first;
    }
    auto card = UnitCard(db, *row, since);
    if (!card.ok()) return card.error();
    line->second["work_units"].push_back(std::move(*card));
  }
  Json out = Json::array();
  for (auto& [id, line] : lines) out.push_back(std::move(line));
  return Json{{"at", FormatUtcMicros(now)},
              {"since", since ? Json(FormatUtcMicros(*since)) : Json(nullptr)},
              {"lines", std::move(out)}};
}

Json IntervalRow(const std::string& work_unit, const StateInterval& i, TimeMicros from,
                 TimeMicros to, const AssignedReason* assigned) {
  return Json{{"work_unit", work_unit},
              {"start", FormatUtcMicros(i.start_us)},
              {"end", i.end_us ? Json(FormatUtcMicros(*i.end_us)) : Json(nullptr)},
              // The part inside the window: an interval that began before `from` (or ends
              // after `to`, or is open) keeps its true start and end above.
              {"window_start", FormatUtcMicros(std::max(i.start_us, from))},
              {"window_end", FormatUtcMicros(i.end_us ? std::min(*i.end_us, to) : to)},
              {"state", StateName(i.state)},
              {"sub_reason", Opt(i.sub_reason)},
              {"reason_code", Opt(assigned ? assigned->reason_code : i.reason_code)},
              {"micro_stop", i.micro_stop},
              {"source", i.source},
              {"context", i.context},
              {"assigned", assigned ? Json{{"by", assigned->actor},
                                           {"at", FormatUtcMicros(assigned->time_us)},
                                           {"comment", assigned->comment}}
                                    : Json(nullptr)}};
}

Result<Json> ComputeDowntimeList(storage::Database& db, TimeMicros from, TimeMicros to,
                                 TimeMicros now, bool unassigned_only) {
  auto units = WorkUnitsDownIn(db, from, to);
  if (!units.ok()) return units.error();
  std::vector<std::pair<TimeMicros, Json>> rows;
  for (const auto& wu : *units) {
    auto threshold = MicroStopThreshold(db, wu, now);
    if (!threshold.ok()) {
      if (threshold.error().reason == "unknown_work_unit") continue;  // out of force
      return threshold.error();
    }
    auto changes = ChangesAround(db, wu, from, to);
    if (!changes.ok()) return changes.error();
    auto assigned = AssignedReasons(db, wu);
    if (!assigned.ok()) return assigned.error();
    for (const auto& i : DeriveIntervals(std::move(*changes), *threshold)) {
      if (i.state != State::kDown || i.micro_stop || i.start_us < from || i.start_us >= to)
        continue;
      auto a = assigned->find(i.start_us);
      const bool has_assignment = a != assigned->end();
      if (unassigned_only && !(has_assignment ? a->second.reason_code : i.reason_code).empty())
        continue;
      rows.emplace_back(i.start_us,
                        IntervalRow(wu, i, from, to, has_assignment ? &a->second : nullptr));
    }
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  Json list = Json::array();
  for (auto& r : rows) list.push_back(std::move(r.second));
  Json codes = Json::array();
  auto v = masterdata::InForce(db, "reason_codes", "DOWNTIME", now);
  if (!v.ok()) return v.error();
  if (*v && TextField((*v)->content, "category") == "downtime") {
    auto it = (*v)->content.find("codes");
    if (it != (*v)->content.end() && it->is_array())
      for (const auto& c : *it) {
        const bool planned = c.contains("planned") && c["planned"].is_boolean() && c["planned"];
        const std::string code = TextField(c, "code");
        if (planned || code.empty()) continue;
        codes.push_back(Json{{"code", code}, {"description", TextField(c, "description")}});
      }
  }
  return Json{{"from", FormatUtcMicros(from)},
              {"to", FormatUtcMicros(to)},
              {"codes", std::move(codes)},
              {"downtime", std::move(list)}};
}

}  // namespace ordo::equipment
