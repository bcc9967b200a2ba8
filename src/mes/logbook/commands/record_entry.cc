// Glue for the logbook command: load the corrected entry and whether the subject is an
// equipment object in force, call the decision, reply with the row built from the
// appended entry.
#include "mes/logbook/commands/record_entry.h"

#include "mes/logbook/store/logbook_store.h"
#include "mes/masterdata/in_force.h"

namespace ordo::logbook {

engine::Command RecordLogbookEntry(engine::Actor actor, RecordEntry entry) {
  engine::Command c;
  c.actor = std::move(actor);
  // Reads only logbook entries and master data: independent of machine data (it may run
  // before queued equipment data batches, engine::Command::work_units).
  c.work_units.emplace();
  c.decide = [entry](engine::WriteContext& ctx) -> Result<std::vector<ledger::Event>> {
    std::optional<EntryState> corrected;
    if (entry.corrects) {
      auto found = FindLogbookEntry(ctx.db, *entry.corrects);
      if (!found.ok()) return found.error();
      corrected = *found;
    }
    auto equipment = masterdata::InForce(ctx.db, "equipment", entry.subject, ctx.now);
    if (!equipment.ok()) return equipment.error();
    auto event = DecideRecordEntry(entry, corrected, equipment->has_value(), ctx.next_seq);
    if (!event.ok()) return event.error();
    return std::vector<ledger::Event>{std::move(*event)};
  };
  c.reply = [](engine::WriteContext&, const std::vector<ledger::LedgerEntry>& entries) {
    // The projection row as just written, built from the entry instead of read back.
    auto row = RowOf(entries.front());
    return Json{{"entry", row.ok() ? ToJson(*row) : Json(nullptr)}};
  };
  return c;
}

}  // namespace ordo::logbook
