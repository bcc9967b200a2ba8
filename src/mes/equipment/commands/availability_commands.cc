// The supervisor's override of an availability block (availability_commands.h).
#include "mes/equipment/commands/availability_commands.h"

#include <memory>

#include "mes/equipment/availability.h"
#include "mes/equipment/commands/equipment_commands.h"
#include "mes/equipment/events.h"

namespace ordo::equipment {

using Events = std::vector<ledger::Event>;

engine::Command OverrideAvailabilityCommand(engine::Actor actor, std::string work_unit,
                                            std::string reason) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  auto decided = std::make_shared<AvailabilityOverridden>();
  c.decide = [work_unit, reason, decided](engine::WriteContext& ctx) -> Result<Events> {
    // The unit must be a work unit in force (not_found unknown_work_unit otherwise).
    auto known = MicroStopThreshold(ctx.db, work_unit, ctx.now);
    if (!known.ok()) return known.error();
    auto availability = AvailabilityOf(ctx.db, work_unit, ctx.now);
    if (!availability.ok()) return availability.error();
    auto e = DecideOverride(work_unit, *availability, reason);
    if (!e.ok()) return e.error();
    from_json(e->payload, *decided);
    return Events{std::move(*e)};
  };
  c.reply = [decided](engine::WriteContext&, const std::vector<ledger::LedgerEntry>& es) {
    return Json{{"override",
                 {{"work_unit", decided->work_unit},
                  {"down_since", FormatUtcMicros(decided->down_since_us)},
                  {"reason_code",
                   decided->reason_code.empty() ? Json(nullptr) : Json(decided->reason_code)},
                  {"reason", decided->reason},
                  {"by", es.empty() ? "" : es.front().actor},
                  {"at", es.empty() ? "" : FormatUtcMicros(es.front().time_us)}}}};
  };
  return c;
}

}  // namespace ordo::equipment
