// The engine's order between commands (engine.h): which commands may pass which, and
// housekeeping's turns at giving way to people.
#include "engine/engine.h"

namespace ordo::engine {

bool Independent(const Command& a, const Command& b) {
  if (!a.work_units || !b.work_units) return false;
  for (const auto& wu : *a.work_units)
    if (b.work_units->count(wu) != 0) return false;
  return true;
}

bool GiveWay::Now(const WriteContext& ctx) {
  if (!ctx.PeopleWaiting() || in_a_row_.load() >= limit_) return false;
  in_a_row_.fetch_add(1);
  return true;
}

}  // namespace ordo::engine
