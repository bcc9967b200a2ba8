// State intervals and counts from the stored feed rows.
#include "mis/feed/feed_inputs.h"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "mes/equipment/events.h"
#include "mis/calendar/time_zone.h"
#include "mis/feed/store/feed_store.h"

namespace ordo::mis::feed {

namespace {

// Strings of a column as small ids (work units, sources, states, reasons): a year of
// rows holds a few hundred distinct values, so each row keeps ids, not strings.
class Interner {
 public:
  std::uint32_t Id(const std::string& text) {
    if (last_ != nullptr && *last_ == text) return last_id_;
    auto [it, fresh] = ids_.try_emplace(text, static_cast<std::uint32_t>(texts_.size()));
    if (fresh) texts_.push_back(&it->first);
    last_ = &it->first;
    last_id_ = it->second;
    return it->second;
  }
  std::optional<std::uint32_t> Find(const std::string& text) const {
    auto it = ids_.find(text);
    if (it == ids_.end()) return std::nullopt;
    return it->second;
  }
  const std::string& Text(std::uint32_t id) const { return *texts_[id]; }
  std::size_t size() const { return texts_.size(); }
  // Each id's rank in the string order of the texts.
  std::vector<std::uint32_t> Ranks() const {
    std::vector<std::uint32_t> rank(texts_.size());
    std::uint32_t r = 0;
    for (const auto& [text, id] : ids_) rank[id] = r++;
    return rank;
  }

 private:
  std::map<std::string, std::uint32_t> ids_;  // ordered: Ranks() walks it
  std::vector<const std::string*> texts_;     // by id (map nodes do not move)
  const std::string* last_ = nullptr;         // rows come in runs of one value
  std::uint32_t last_id_ = 0;
};

// Rows to reserve for at most `bound` rows of `size` bytes: the bound, up to 2 GiB (only
// the pages used are ever touched; a vector grows on beyond it).
std::size_t ReserveFor(std::int64_t bound, std::size_t size) {
  const std::int64_t cap = static_cast<std::int64_t>((std::size_t{2} << 30) / size);
  return static_cast<std::size_t>(std::clamp<std::int64_t>(bound, 0, cap));
}

// A state change as ids and numbers (no strings).
struct Change {
  TimeMicros time = 0;
  std::int64_t source_seq = 0;
  std::int64_t index = 0;
  std::int64_t seq = 0;
  std::uint32_t unit = 0, source = 0, state = 0, reason = 0;
};

Status AppendStates(storage::Database& db, TimeMicros read_up_to, Inputs& in) {
  Interner units, sources, states, reasons;
  std::vector<Change> changes;
  auto bound = StateChangeRowsBound(db);
  if (!bound.ok()) return bound.error();
  changes.reserve(ReserveFor(*bound, sizeof(Change)));
  ORDO_TRY(ForEachStateChange(db, [&](const StateChangeRow& r) {
    changes.push_back({r.time, r.source_seq, r.index, r.seq, units.Id(r.work_unit),
                       sources.Id(r.source), states.Id(r.state), reasons.Id(r.reason)});
  }));
  auto assigned_rows = ReadReasons(db);
  if (!assigned_rows.ok()) return assigned_rows.error();
  // (unit, interval start) -> reason, in seq order: the last assignment wins.
  std::map<std::pair<std::uint32_t, TimeMicros>, std::string> assigned;
  for (const auto& r : *assigned_rows)
    if (auto unit = units.Find(r.work_unit)) assigned[{*unit, r.interval_start}] = r.reason;

  // By work unit in the string order of the ids (a stable counting sort: seq order kept),
  // then each unit's changes in the feed's order: device time, source (its name), source
  // seq, position in the batch, seq. The feed mostly delivers them so already.
  const std::vector<std::uint32_t> unit_rank = units.Ranks(), source_rank = sources.Ranks();
  std::vector<std::size_t> begin(units.size() + 1, 0);
  for (const Change& c : changes) ++begin[unit_rank[c.unit] + 1];
  for (std::size_t u = 0; u < units.size(); ++u) begin[u + 1] += begin[u];
  std::vector<std::size_t> order(changes.size());  // indices into `changes`
  {
    std::vector<std::size_t> next(begin.begin(), begin.end() - 1);
    for (std::size_t i = 0; i < changes.size(); ++i) order[next[unit_rank[changes[i].unit]]++] = i;
  }
  auto key = [&](std::size_t i) {
    const Change& c = changes[i];
    return std::make_tuple(c.time, source_rank[c.source], c.source_seq, c.index, c.seq);
  };
  auto before = [&](std::size_t a, std::size_t b) { return key(a) < key(b); };
  std::vector<std::optional<MachineState>> parsed(states.size());  // each state text once
  in.states.reserve(in.states.size() + changes.size());
  for (std::size_t u = 0; u < units.size(); ++u) {
    const auto first = order.begin() + static_cast<std::ptrdiff_t>(begin[u]);
    const auto last = order.begin() + static_cast<std::ptrdiff_t>(begin[u + 1]);
    if (!std::is_sorted(first, last, before)) std::sort(first, last, before);
    for (auto it = first; it != last; ++it) {
      const Change& c = changes[*it];
      const bool is_last = it + 1 == last;
      const TimeMicros end = is_last ? std::max(read_up_to, c.time) : changes[*(it + 1)].time;
      if (!is_last && end == c.time) continue;  // replaced at the same instant
      if (!parsed[c.state]) {
        auto state = ParseMachineState(states.Text(c.state), "state");
        if (!state.ok())
          return Error::Make(ErrorCode::kInternal, "ledger entry " + std::to_string(c.seq) + ": " +
                                                       state.error().message);
        parsed[c.state] = *state;
      }
      StateInterval& interval = in.states.emplace_back();
      interval.work_unit = units.Text(c.unit);
      interval.start = c.time;
      interval.end = end;
      interval.state = *parsed[c.state];
      auto reason = assigned.empty() ? assigned.end() : assigned.find({c.unit, c.time});
      interval.reason = reason != assigned.end() ? reason->second : reasons.Text(c.reason);
      interval.open = is_last;
      interval.source = SourceRef::Ledger(c.seq);
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
  auto sources = ReadSources(db);
  if (!sources.ok()) return sources.error();
  std::map<std::string, std::int64_t> modulus;
  for (const auto& s : *sources) modulus[s.name] = s.rollover_modulus;
  // Increments are taken as read; cumulative readings are kept, per (source, work unit),
  // with each reading's row by its key.
  std::deque<CountRow> cumulative;  // stable addresses
  auto bound = CountRowsBound(db);
  if (!bound.ok()) return bound.error();
  in.counts.reserve(in.counts.size() + ReserveFor(*bound, sizeof(Count)));
  ORDO_TRY(ForEachCount(db, [&](const CountRow& r) {
    if (r.counter != "cumulative") {
      in.counts.push_back(ToCount(r, {r.total, r.good, r.scrap, r.rework}));
    } else {
      cumulative.push_back(r);
    }
  }));
  using Key = std::tuple<TimeMicros, std::int64_t, int>;
  std::map<std::pair<std::string, std::string>, std::vector<equipment::CountReading>> readings;
  std::map<std::pair<std::string, std::string>, std::map<Key, const CountRow*>> rows;
  for (const auto& r : cumulative) {
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
