// Registration of the equipment capability (machine states, counts, sources, ingest).
#pragma once

namespace ordo::equipment {

// Registers the events, tables, projectors, permissions and endpoints. Start-up only.
void Register();

}  // namespace ordo::equipment
