// Registration of the genealogy capability (the graph of what went into what).
#pragma once

namespace ordo::genealogy {

// Registers the gen_edge table (guarded) and its projectors of lots' events, the
// permission genealogy.read and the /api/v1/genealogy endpoints. Start-up only, after
// lots (its projectors run after lots' on the same events) and orders.
void Register();

}  // namespace ordo::genealogy
