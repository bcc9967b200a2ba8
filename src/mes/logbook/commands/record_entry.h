// The logbook's one command: record an entry or a correction.
#pragma once

#include "engine/engine.h"
#include "mes/logbook/domain/logbook.h"

namespace ordo::logbook {

// EntryRecorded or EntryCorrected (see DecideRecordEntry); the subject is typed
// "equipment" when master data has an equipment object of that id in force at the
// command's time, else "free_text". Reply: {"entry"}, the row as written. Fails as the
// decision does, or with integrity_violation when that equipment's versions fail their
// seal; nothing is written then.
engine::Command RecordLogbookEntry(engine::Actor actor, RecordEntry entry);

}  // namespace ordo::logbook
