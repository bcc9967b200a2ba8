// The recall report (recall.h): a forward trace filtered to finished lots and serials.
#include <map>

#include "mes/genealogy/genealogy.h"
#include "mes/genealogy/recall.h"
#include "mes/lots/lots.h"
#include "mes/masterdata/in_force.h"

namespace ordo::genealogy {

namespace {

// True when `material`'s version in force at `now` has class `finished`; answers are
// kept in `cache` (one trace asks about few materials).
Result<bool> IsFinished(storage::Database& db, const std::string& material, TimeMicros now,
                        std::map<std::string, bool>& cache) {
  if (material.empty()) return false;
  if (auto it = cache.find(material); it != cache.end()) return it->second;
  auto version = masterdata::InForce(db, "material", material, now);
  if (!version.ok()) return version.error();
  const bool finished = *version && (*version)->content.is_object() &&
                        (*version)->content.value("class", std::string()) == "finished";
  cache[material] = finished;
  return finished;
}

}  // namespace

Result<RecallReport> Recall(storage::Database& db, const std::string& suspect, TimeMicros now,
                            const TraceLimits& limits) {
  auto trace = TraceForward(db, suspect, limits);
  if (!trace.ok()) return trace.error();
  RecallReport report;
  report.suspect = suspect;
  report.generated_us = now;
  report.truncated = trace->truncated;
  std::map<std::string, bool> classes;
  for (const TraceNodeInfo& node : trace->nodes) {
    if (node.id == suspect) report.suspect_material = node.material;
    if (node.kind == NodeKind::kOrder) continue;
    auto finished = IsFinished(db, node.material, now, classes);
    if (!finished.ok()) return finished.error();
    if (!*finished) continue;
    RecallItem item;
    item.node = node.id;
    item.kind = NodeKindName(node.kind);
    item.id = node.ref;
    item.material = node.material;
    item.status = node.status;
    item.order_id = node.order_id;
    item.depth = node.depth;
    item.base_unit = node.base_unit;
    item.quantity = node.kind == NodeKind::kSerial ? 1 : node.quantity;
    if (node.kind == NodeKind::kLot) {
      auto lot = lots::FindLot(db, node.ref);
      if (!lot.ok()) return lot.error();
      if (*lot) {
        item.location = (*lot)->location;
        if (!(*lot)->order_id.empty()) item.order_id = (*lot)->order_id;
      }
    }
    report.items.push_back(std::move(item));
  }
  return report;
}

}  // namespace ordo::genealogy
