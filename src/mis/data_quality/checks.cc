// The cross-checks.
#include "mis/data_quality/checks.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

namespace ordo::mis::data_quality {

namespace {

std::string Number(double value) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  return buffer;
}

}  // namespace

std::vector<Issue> CheckOrders(const std::vector<Order>& erp, const std::vector<Order>& mes,
                               bool feed_used) {
  std::vector<Issue> out;
  if (mes.empty() && !feed_used) return out;
  std::map<std::string, const Order*> by_id;
  for (const Order& o : mes) by_id[o.order_id] = &o;
  std::set<std::string> erp_ids;
  for (const Order& o : erp) {
    erp_ids.insert(o.order_id);
    auto m = by_id.find(o.order_id);
    if (m == by_id.end()) {
      out.push_back({"erp_order_not_in_mes",
                     o.order_id,
                     0,
                     0,
                     "the ERP's order " + o.order_id + " (" + Number(o.quantity) + " " + o.unit +
                         " of " + o.product + ") has no order in the MES",
                     {o.source}});
    } else if (m->second->quantity != o.quantity) {
      out.push_back({"order_quantity_mismatch",
                     o.order_id,
                     0,
                     0,
                     "order " + o.order_id + ": the ERP says " + Number(o.quantity) + " " + o.unit +
                         ", the MES " + Number(m->second->quantity) + " " + m->second->unit,
                     {o.source, m->second->source}});
    }
  }
  if (!erp.empty())
    for (const Order& o : mes)
      if (!erp_ids.count(o.order_id))
        out.push_back({"mes_order_not_in_erp",
                       o.order_id,
                       0,
                       0,
                       "the MES's order " + o.order_id + " is in no imported ERP order file",
                       {o.source}});
  std::sort(out.begin(), out.end(), [](const Issue& a, const Issue& b) {
    return std::tie(a.kind, a.subject) < std::tie(b.kind, b.subject);
  });
  return out;
}

std::vector<Issue> UnassignedDowntime(const std::vector<StateInterval>& states,
                                      const std::vector<std::string>& units, TimeMicros from,
                                      TimeMicros to, double threshold_s) {
  const std::set<std::string> wanted(units.begin(), units.end());
  std::vector<Issue> out;
  for (const StateInterval& s : states) {
    if (s.state != MachineState::kDown || !s.reason.empty() || !wanted.count(s.work_unit)) continue;
    if (s.end <= from || s.start >= to) continue;
    if (!s.open && static_cast<double>(s.end - s.start) < threshold_s * 1e6) continue;
    out.push_back({"unassigned_downtime",
                   s.work_unit,
                   s.start,
                   s.end,
                   s.work_unit + " was down from " + FormatUtcMicros(s.start) +
                       (s.open ? " (still down)" : " to " + FormatUtcMicros(s.end)) +
                       " with no reason given",
                   {s.source}});
  }
  std::sort(out.begin(), out.end(), [](const Issue& a, const Issue& b) {
    return std::tie(a.subject, a.start) < std::tie(b.subject, b.start);
  });
  return out;
}

std::vector<Issue> RefusedRows(const std::vector<RefusedRow>& rows) {
  std::vector<Issue> out;
  for (const RefusedRow& r : rows)
    out.push_back({"import_row_refused",
                   r.kind,
                   0,
                   0,
                   r.kind + " line " + std::to_string(r.line) + ", " + r.field + ": " + r.reason +
                       " (" + r.message + ")",
                   {SourceRef::Import(r.file_hash, r.line)}});
  return out;
}

}  // namespace ordo::mis::data_quality
