// Projections: current-state tables derived from ledger entries. Each capability
// registers one projector per event type it projects; the engine applies each entry in
// the same transaction that appends it, and replay applies the whole ledger to a scratch
// store. A projector depends only on the entry, so both give the same rows.
#pragma once

#include <functional>
#include <string>

#include "ledger/entry.h"
#include "ledger/event_schema.h"
#include "storage/database.h"

namespace ordo::store {

// Writes the projection rows of one entry; `payload` is already upcast to the current
// schema version of the entry's type.
using Projector = std::function<Status(storage::Database& db, const ledger::LedgerEntry& entry,
                                       const Json& payload)>;

// Registers a projector of `type`. A type may have several (the capability that owns the
// event and others that derive their own tables from it, e.g. genealogy's edges from lots'
// events); they run in registration order, in the same transaction, and the first failure
// stops the entry. Start-up only.
void RegisterProjector(const std::string& type, Projector projector);

// The typed form: the payload arrives as the event's struct.
template <ledger::EventPayload P>
void RegisterProjector(
    std::function<Status(storage::Database&, const ledger::LedgerEntry&, const P&)> project) {
  RegisterProjector(
      P::kType,
      [project = std::move(project)](storage::Database& db, const ledger::LedgerEntry& entry,
                                     const Json& payload) -> Status {
        auto typed = ledger::ReadPayload<P>(payload);
        if (!typed.ok())
          return Error::Make(typed.error().code, "seq " + std::to_string(entry.seq) + " (" +
                                                     entry.type + "): " + typed.error().message);
        return project(db, entry, *typed);
      });
}

// Updates the projection tables for `entry` (after upcasting its payload). Registered
// types with no projector are accepted and change nothing; an unknown type is an error.
Status ApplyToProjections(storage::Database& db, const ledger::LedgerEntry& entry);

}  // namespace ordo::store
