// State intervals and counts from the stored feed rows.
#include "mis/feed/feed_inputs.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "mes/equipment/events.h"
#include "mis/calendar/time_zone.h"
#include "mis/feed/store/feed_store.h"

namespace ordo::mis::feed {

namespace {

auto OrderKey(const StateChangeRow& r) {
  return std::tie(r.time, r.source, r.source_seq, r.index, r.seq);
}

Status AppendStates(storage::Database& db, TimeMicros read_up_to, Inputs& in) {
  auto changes = ReadStateChanges(db);
  if (!changes.ok()) return changes.error();
  auto reasons = ReadReasons(db);
  if (!reasons.ok()) return reasons.error();
  std::map<std::pair<std::string, TimeMicros>, std::string> assigned;  // seq order: last wins
  for (const auto& r : *reasons) assigned[{r.work_unit, r.interval_start}] = r.reason;
  std::map<std::string, std::vector<StateChangeRow>> by_unit;
  for (auto& c : *changes) by_unit[c.work_unit].push_back(std::move(c));
  for (auto& [unit, list] : by_unit) {
    std::sort(list.begin(), list.end(),
              [](const auto& a, const auto& b) { return OrderKey(a) < OrderKey(b); });
    for (std::size_t i = 0; i < list.size(); ++i) {
      const StateChangeRow& c = list[i];
      const bool last = i + 1 == list.size();
      const TimeMicros end = last ? std::max(read_up_to, c.time) : list[i + 1].time;
      if (!last && end == c.time) continue;  // replaced at the same instant
      auto state = ParseMachineState(c.state, "state");
      if (!state.ok())
        return Error::Make(ErrorCode::kInternal,
                           "ledger entry " + std::to_string(c.seq) + ": " + state.error().message);
      StateInterval interval;
      interval.work_unit = unit;
      interval.start = c.time;
      interval.end = end;
      interval.state = *state;
      auto reason = assigned.find({unit, c.time});
      interval.reason = reason != assigned.end() ? reason->second : c.reason;
      interval.open = last;
      interval.source = SourceRef::Ledger(c.seq);
      in.states.push_back(std::move(interval));
    }
  }
  return Ok();
}

Count ToCount(const CountRow& r, const equipment::Counts& n) {
  Count c;
  c.work_unit = r.work_unit;
  c.start = c.end = r.time;
  c.product = r.product;
  c.order = r.order;
  c.total = static_cast<double>(n.total);
  c.good = static_cast<double>(n.good);
  c.scrap = static_cast<double>(n.scrap);
  c.rework = static_cast<double>(n.rework);
  c.source = SourceRef::Ledger(r.seq);
  return c;
}

Status AppendCounts(storage::Database& db, Inputs& in) {
  auto counts = ReadCounts(db);
  if (!counts.ok()) return counts.error();
  auto sources = ReadSources(db);
  if (!sources.ok()) return sources.error();
  std::map<std::string, std::int64_t> modulus;
  for (const auto& s : *sources) modulus[s.name] = s.rollover_modulus;
  // Cumulative readings per (source, work unit), and each reading's row by its key.
  using Key = std::tuple<TimeMicros, std::int64_t, int>;
  std::map<std::pair<std::string, std::string>, std::vector<equipment::CountReading>> readings;
  std::map<std::pair<std::string, std::string>, std::map<Key, const CountRow*>> rows;
  for (const auto& r : *counts) {
    if (r.counter != "cumulative") {
      in.counts.push_back(ToCount(r, {r.total, r.good, r.scrap, r.rework}));
      continue;
    }
    const auto group = std::make_pair(r.source, r.work_unit);
    const int index = static_cast<int>(r.index);
    readings[group].push_back({r.time, r.source_seq, index, {r.total, r.good, r.scrap, r.rework}});
    rows[group].emplace(Key{r.time, r.source_seq, index}, &r);
  }
  for (auto& [group, list] : readings) {
    for (const auto& step : equipment::IncrementsFromCumulative(list, modulus[group.first])) {
      if (step.counts == equipment::Counts{}) continue;  // the baseline, or nothing made
      const CountRow* row = rows[group].at(Key{step.device_time_us, step.source_seq, step.index});
      in.counts.push_back(ToCount(*row, step.counts));
    }
  }
  return Ok();
}

// `key` of stored master data content when it is a string, else `fallback` (the content
// is the MES's: a later schema may hold anything).
std::string Text(const Json& content, const char* key, const std::string& fallback) {
  auto it = content.find(key);
  return it != content.end() && it->is_string() ? it->get<std::string>() : fallback;
}

// The draft of each approved equipment version in force at `now`, by id.
Status AppendEquipment(storage::Database& db, TimeMicros now, Inputs& in) {
  auto drafts = ReadEquipmentDrafts(db);
  if (!drafts.ok()) return drafts.error();
  auto approvals = ReadEquipmentApprovals(db);
  if (!approvals.ok()) return approvals.error();
  std::map<std::pair<std::string, std::int64_t>, const EquipmentDraftRow*> latest;
  for (const auto& d : *drafts) latest[{d.id, d.version}] = &d;  // seq order: last wins
  std::map<std::string, std::pair<TimeMicros, std::int64_t>> in_force;
  for (const auto& a : *approvals) {
    if (a.effective_from > now) continue;
    auto [it, fresh] = in_force.try_emplace(a.id, a.effective_from, a.version);
    if (!fresh) it->second = std::max(it->second, std::make_pair(a.effective_from, a.version));
  }
  for (const auto& [id, when_version] : in_force) {
    auto draft = latest.find({id, when_version.second});
    if (draft == latest.end() || draft->second->action == "obsolete") continue;
    const EquipmentDraftRow& d = *draft->second;
    const Json content = Json::parse(d.content, nullptr, false);
    if (!content.is_object())
      return Error::Make(ErrorCode::kInternal, "ledger entry " + std::to_string(d.seq) +
                                                   ": stored equipment content does not parse");
    EquipmentNode node;
    node.id = id;
    node.name = Text(content, "name", id);
    node.parent = Text(content, "parent", "");
    node.level = Text(content, "level", "");
    node.source = SourceRef::Ledger(d.seq);
    in.equipment.push_back(std::move(node));
    if (!content.contains("ideal_cycle_times") || !content["ideal_cycle_times"].is_array())
      continue;
    for (const auto& t : content["ideal_cycle_times"]) {
      if (!t.is_object() || !t.contains("seconds") || !t["seconds"].is_number()) continue;
      CycleTime cycle;
      cycle.work_unit = id;
      cycle.product = Text(t, "product", "");
      cycle.ideal_cycle_time_s = t["seconds"].get<double>();
      cycle.source = SourceRef::Ledger(d.seq);
      in.cycle_times.push_back(std::move(cycle));
    }
  }
  return Ok();
}

// The instant an MES order is due: a due date alone (YYYY-MM-DD) is the last microsecond
// of that local day of the site, as the orders import's due_date; a date-time (or a row
// taken before the due date was kept, which was a date-time: feed migration 5) is the
// MES's instant.
TimeMicros DueOf(const OrderRow& o, const calendar::TimeZone& zone) {
  calendar::CivilDate date;
  if (calendar::ParseDate(o.due_date, &date)) return zone.EndOfDay(date);
  return o.due;
}

// The MES's orders (cancelled ones left out) and operation completions.
Status AppendExecution(storage::Database& db, const calendar::TimeZone& zone, Inputs& in) {
  auto orders = ReadOrders(db);
  if (!orders.ok()) return orders.error();
  auto cancelled = ReadCancellations(db);
  if (!cancelled.ok()) return cancelled.error();
  auto completions = ReadCompletions(db);
  if (!completions.ok()) return completions.error();
  std::set<std::string> gone;
  for (const auto& c : *cancelled) gone.insert(c.order_id);
  for (const auto& o : *orders) {
    if (gone.count(o.order_id)) continue;
    in.orders.push_back({o.order_id, o.customer, o.product, o.quantity, o.unit, DueOf(o, zone),
                         SourceRef::Ledger(o.seq)});
  }
  for (const auto& c : *completions) {
    OperationYield y;
    y.order = c.order_id;
    y.operation = c.operation;
    y.work_unit = c.work_unit;
    y.completed_at = c.time;
    y.units_in = c.good + c.scrap + c.rework;
    y.good_first_pass = c.good;
    y.reworked = c.rework;
    y.scrapped = c.scrap;
    y.source = SourceRef::Ledger(c.seq);
    in.operation_yields.push_back(std::move(y));
  }
  return Ok();
}

}  // namespace

Status AppendFeedInputs(storage::Database& db, const calendar::TimeZone& zone, Inputs& in) {
  auto status = ReadFeedStatus(db);
  if (!status.ok()) return status.error();
  // Open intervals run only to when the MIS last held everything (not to where a catch-up
  // has got so far); master data is taken as of the newest entry read.
  ORDO_TRY(AppendStates(db, status->caught_up, in));
  ORDO_TRY(AppendEquipment(db, std::max(status->caught_up, status->updated), in));
  ORDO_TRY(AppendExecution(db, zone, in));
  return AppendCounts(db, in);
}

}  // namespace ordo::mis::feed
