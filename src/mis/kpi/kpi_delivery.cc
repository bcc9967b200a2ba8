// Delivery and flow: OTD and OTIF (order count based), schedule adherence, takt time,
// throughput, WIP and lead time (Little's law). docs/kpi.md, "Delivery and flow".
#include <algorithm>
#include <limits>
#include <map>
#include <set>

#include "mis/kpi/detail/kpi_context.h"

namespace ordo::mis {

namespace {

// The work units of the scope (as a set) and the counts on them, by order.
struct OrderCounts {
  std::map<std::string, std::vector<const Count*>> by_order;
};

OrderCounts CountsByOrder(const KpiContext& ctx) {
  OrderCounts out;
  for (const auto& [unit, e] : ctx.units()) {
    for (std::size_t i : ctx.index().CountsOf(unit).items) {
      const Count& c = ctx.inputs().counts[i];
      if (!c.order.empty()) out.by_order[c.order].push_back(&c);
    }
  }
  return out;
}

// Orders of the scope: all at plant level, else those counted on its work units or with
// operation yields in it.
bool OrderInScope(const KpiContext& ctx, const OrderCounts& counts, const Order& o) {
  if (ctx.PlantLevel()) return true;
  if (counts.by_order.contains(o.order_id)) return true;
  for (const OperationYield& y : ctx.inputs().operation_yields)
    if (y.order == o.order_id && ctx.Holds(y.work_unit)) return true;
  return false;
}

std::vector<const Order*> OrdersDue(const KpiContext& ctx, const OrderCounts& counts) {
  std::vector<const Order*> out;
  for (const Order& o : ctx.inputs().orders)
    if (ctx.InWindow(o.due) && OrderInScope(ctx, counts, o)) out.push_back(&o);
  return out;
}

void Delivery(const KpiContext& ctx, Figure* f, bool in_full) {
  const OrderCounts counts = CountsByOrder(ctx);
  const auto due = OrdersDue(ctx, counts);
  std::map<std::string, std::vector<const Shipment*>> ships;
  for (const Shipment& s : ctx.inputs().shipments) ships[s.order_id].push_back(&s);
  double ok = 0;
  SourceSet s;
  for (const Order* o : due) {
    s.Add(o->source);
    TimeMicros last = std::numeric_limits<TimeMicros>::min();
    double qty = 0;
    for (const Shipment* sh : ships[o->order_id]) {
      last = std::max(last, sh->shipped_at);
      qty += sh->quantity;
      s.Add(sh->source);
    }
    const bool on_time = !ships[o->order_id].empty() && last <= o->due;
    if (on_time && (!in_full || qty >= o->quantity)) ok += 1;
  }
  AddElement(in_full ? "orders_on_time_in_full" : "orders_on_time", ok, f);
  AddElement("orders_due", static_cast<double>(due.size()), f);
  AddSources(s, f);
  SetRatio(f, ok, static_cast<double>(due.size()), "orders_due");
}

void Otd(const KpiContext& ctx, Figure* f) { Delivery(ctx, f, false); }
void Otif(const KpiContext& ctx, Figure* f) { Delivery(ctx, f, true); }

// Good quantity of an order by time t: the smallest Σ good among the units that counted
// it (the bottleneck of a serial route; one unit: its count).
double GoodBy(const std::vector<const Count*>& counts, TimeMicros t) {
  std::map<std::string, double> by_unit;
  for (const Count* c : counts) {
    by_unit.try_emplace(c->work_unit, 0);
    if (c->end <= t) by_unit[c->work_unit] += c->good;
  }
  if (by_unit.empty()) return 0;
  double least = std::numeric_limits<double>::max();
  for (const auto& [u, g] : by_unit) least = std::min(least, g);
  return least;
}

void ScheduleAdherence(const KpiContext& ctx, Figure* f) {
  const OrderCounts counts = CountsByOrder(ctx);
  const auto due = OrdersDue(ctx, counts);
  double ok = 0;
  SourceSet s;
  for (const Order* o : due) {
    s.Add(o->source);
    auto it = counts.by_order.find(o->order_id);
    if (it == counts.by_order.end()) continue;
    for (const Count* c : it->second) s.Add(c->source);
    if (GoodBy(it->second, o->due) >= o->quantity) ok += 1;
  }
  AddElement("orders_on_schedule", ok, f);
  AddElement("orders_due", static_cast<double>(due.size()), f);
  AddSources(s, f);
  SetRatio(f, ok, static_cast<double>(due.size()), "orders_due");
}

void TaktTime(const KpiContext& ctx, Figure* f) {
  const OrderCounts counts = CountsByOrder(ctx);
  double qty = 0;
  SourceSet s;
  for (const Order* o : OrdersDue(ctx, counts)) {
    qty += o->quantity;
    s.Add(o->source);
  }
  UseElements(ctx.elements(), {"PBT"}, f);
  AddElement("quantity_due", qty, f);
  AddSources(s, f);
  SetRatio(f, Seconds(ctx.elements().PBT), qty, "quantity_due");
}

void Throughput(const KpiContext& ctx, Figure* f) {
  UseElements(ctx.elements(), {"GQ"}, f);
  const double window = Seconds(ctx.to() - ctx.from());
  AddElement("window", window, f);
  SetRatio(f, ctx.elements().GQ, window, "window");
}

// Each order of the scope is in process from its first count's start until every unit
// that counted it has counted its quantity as good (the end of that count), or on.
struct Flow {
  double time_in_process = 0;  // seconds, within the window, summed over orders
  double completed = 0;        // orders completed in the window
  SourceSet sources;
};

Flow OrderFlow(const KpiContext& ctx) {
  const OrderCounts counts = CountsByOrder(ctx);
  std::map<std::string, const Order*> orders;
  for (const Order& o : ctx.inputs().orders) orders[o.order_id] = &o;
  Flow flow;
  for (const auto& [id, list] : counts.by_order) {
    auto oit = orders.find(id);
    if (oit == orders.end()) continue;
    const Order& o = *oit->second;
    TimeMicros start = std::numeric_limits<TimeMicros>::max();
    std::map<std::string, std::pair<double, TimeMicros>> reached;  // unit -> (good, when)
    std::vector<const Count*> sorted = list;
    std::sort(sorted.begin(), sorted.end(),
              [](const Count* a, const Count* b) { return a->end < b->end; });
    for (const Count* c : sorted) {
      start = std::min(start, c->start);
      auto& [good, when] = reached[c->work_unit];
      if (good < o.quantity) {
        good += c->good;
        if (good >= o.quantity) when = c->end;
      }
    }
    TimeMicros done = std::numeric_limits<TimeMicros>::min();
    for (const auto& [unit, gw] : reached) {
      if (gw.first < o.quantity) {
        done = std::numeric_limits<TimeMicros>::max();
        break;
      }
      done = std::max(done, gw.second);
    }
    const TimeMicros a = std::max(start, ctx.from()), b = std::min(done, ctx.to());
    if (b <= a && !ctx.InWindow(done)) continue;
    if (b > a) flow.time_in_process += Seconds(b - a);
    if (ctx.InWindow(done)) flow.completed += 1;
    flow.sources.Add(o.source);
    for (const Count* c : list) flow.sources.Add(c->source);
  }
  return flow;
}

void Wip(const KpiContext& ctx, Figure* f) {
  const Flow flow = OrderFlow(ctx);
  const double window = Seconds(ctx.to() - ctx.from());
  AddElement("order_time_in_process", flow.time_in_process, f);
  AddElement("window", window, f);
  AddSources(flow.sources, f);
  SetRatio(f, flow.time_in_process, window, "window");
}

void LeadTime(const KpiContext& ctx, Figure* f) {
  const Flow flow = OrderFlow(ctx);
  const double window = Seconds(ctx.to() - ctx.from());
  AddElement("order_time_in_process", flow.time_in_process, f);
  AddElement("orders_completed", flow.completed, f);
  AddElement("window", window, f);
  AddSources(flow.sources, f);
  SetRatio(f, flow.time_in_process, flow.completed, "orders_completed");
}

}  // namespace

void RegisterDeliveryKpis(std::vector<KpiDefinition>* out) {
  out->push_back({"otd", std::nullopt, "1", "orders_on_time / orders_due",
                  "on-time delivery: orders due in the window whose last shipment is by the due "
                  "date",
                  Otd});
  out->push_back({"otif", std::nullopt, "1", "orders_on_time_in_full / orders_due",
                  "on time and shipped quantity at least the ordered quantity", Otif});
  out->push_back({"schedule_adherence", std::nullopt, "1", "orders_on_schedule / orders_due",
                  "orders due in the window whose good quantity was produced by the due date",
                  ScheduleAdherence});
  out->push_back({"takt_time", std::nullopt, "s", "PBT / quantity_due",
                  "planned busy time over the quantity of the orders due in the window", TaktTime});
  out->push_back({"throughput", std::nullopt, "units/s", "GQ / window",
                  "good quantity per second of the window", Throughput});
  out->push_back({"wip", std::nullopt, "orders", "order_time_in_process / window",
                  "average number of orders in process (Little's L)", Wip});
  out->push_back({"lead_time", std::nullopt, "s", "order_time_in_process / orders_completed",
                  "Little's law W = L / λ, with λ = orders_completed / window", LeadTime});
}

}  // namespace ordo::mis
