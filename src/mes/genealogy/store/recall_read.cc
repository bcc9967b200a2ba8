// The recall report (recall.h): a forward trace filtered to finished lots and serials.
#include <map>
#include <optional>

#include "mes/genealogy/genealogy.h"
#include "mes/genealogy/recall.h"
#include "mes/lots/lots.h"
#include "mes/masterdata/in_force.h"

namespace ordo::genealogy {

namespace {

// The version of `material` that says its class at `now`: the version in force, else (a
// retired material) its newest approved version effective by `now`, whose content is the
// retired definition; nullopt for a material never approved.
Result<std::optional<masterdata::VersionRow>> ClassVersion(storage::Database& db,
                                                           const std::string& material,
                                                           TimeMicros now) {
  auto in_force = masterdata::InForce(db, "material", material, now);
  if (!in_force.ok() || *in_force) return in_force;
  auto versions = masterdata::VersionsOf(db, "material", material);
  if (!versions.ok()) return versions.error();
  std::optional<masterdata::VersionRow> newest;
  for (masterdata::VersionRow& v : *versions)
    if (v.state == masterdata::VersionState::kApproved && v.effective_from &&
        *v.effective_from <= now && (!newest || v.version > newest->version))
      newest = std::move(v);
  return newest;
}

// True when `material` is of class `finished` (ClassVersion): a discontinued product
// already made is still recalled. Answers are kept in `cache` (one trace asks about few
// materials).
Result<bool> IsFinished(storage::Database& db, const std::string& material, TimeMicros now,
                        std::map<std::string, bool>& cache) {
  if (material.empty()) return false;
  if (auto it = cache.find(material); it != cache.end()) return it->second;
  auto version = ClassVersion(db, material, now);
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
