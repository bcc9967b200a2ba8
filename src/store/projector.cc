// Event -> projection row updates, dispatched to the registered projectors.
#include "store/projector.h"

#include <map>
#include <vector>

#include "core/assert.h"

namespace ordo::store {

namespace {

std::map<std::string, std::vector<Projector>>& Projectors() {
  static std::map<std::string, std::vector<Projector>> projectors;
  return projectors;
}

}  // namespace

void RegisterProjector(const std::string& type, Projector projector) {
  ORDO_ASSERT(projector != nullptr);
  Projectors()[type].push_back(std::move(projector));
}

Status ApplyToProjections(storage::Database& db, const ledger::LedgerEntry& e) {
  // Current-version payloads (all that the writer produces) are used as they are;
  // older ones are upcast first.
  const bool current = e.schema_version == ledger::CurrentSchemaVersion(e.type);
  Result<Json> upcast = Json();
  if (!current) {
    upcast = ledger::Upcast(e.type, e.schema_version, e.payload);
    if (!upcast.ok()) return upcast.error();
  }
  const Json& p = current ? e.payload : *upcast;
  auto it = Projectors().find(e.type);
  if (it == Projectors().end()) return Ok();
  try {
    for (const Projector& project : it->second) ORDO_TRY(project(db, e, p));
    return Ok();
  } catch (const Json::exception& ex) {
    return Error::Make(ErrorCode::kInternal,
                       "seq " + std::to_string(e.seq) + " (" + e.type +
                           "): payload does not fit its schema: " + ex.what());
  }
}

}  // namespace ordo::store
