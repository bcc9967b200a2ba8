// The logbook's one command: record an entry or a correction.
#pragma once

#include "engine/engine.h"
#include "mes/logbook/domain/logbook.h"

namespace ordo::logbook {

// EntryRecorded or EntryCorrected (see DecideRecordEntry). Reply: {"entry"}, the row as
// written. Fails as the decision does; nothing is written then.
engine::Command RecordLogbookEntry(engine::Actor actor, RecordEntry entry);

}  // namespace ordo::logbook
